// Register an enterprise through a council motion (address, name, credit code, roles).
import { useState } from 'preact/hooks';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { stringToU8a } from '@polkadot/util';
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import type { Key } from '../../i18n';
import { type MotionOf } from './motion';

export function Register({ motion }: { motion: MotionOf }) {
  const { api, t } = useCtx();
  const [who, setWho] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [roles, setRoles] = useState({ core: false, supplier: true, financier: false });
  return (
    <section class="form">
      <h3>{t('operator.register')}</h3>
      <label>{t('operator.address')}<input value={who} onInput={(e) => setWho(e.currentTarget.value)} data-testid="register-address" /></label>
      <label>{t('operator.name')}<input value={name} onInput={(e) => setName(e.currentTarget.value)} data-testid="register-name" /></label>
      <label>{t('operator.code')}<input value={code} maxLength={18} onInput={(e) => setCode(e.currentTarget.value.toUpperCase())} data-testid="register-code" /></label>
      <span class="roles">{(['core', 'supplier', 'financier'] as const).map((k) => (
        <label class="inline"><input type="checkbox" checked={roles[k]} onChange={(e) => setRoles({ ...roles, [k]: e.currentTarget.checked })} />{t(`role.${k}` as Key)}</label>
      ))}</span>
      <TxButton label='operator.registerSubmit' testId="register-submit" check={() => {
        let address: string;
        try { address = encodeAddress(decodeAddress(who.trim())); } catch { return { refuse: 'recipient.unknown', params: { name: who } }; }
        if (name.trim() === '' || stringToU8a(name.trim()).length > 128) return { refuse: 'operator.badName' };
        if (!/^[0-9A-HJ-NP-RT-UW-Y]{18}$/.test(code)) return { refuse: 'operator.badCode' };
        if (!roles.core && !roles.supplier && !roles.financier) return { refuse: 'operator.noRoles' };
        return { tx: motion(api.tx.enterprises.register(address, name.trim(), code, roles)) };
      }} />
    </section>
  );
}
