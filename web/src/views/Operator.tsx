// The operator's (council's) view: the enterprises (register, suspend, reinstate) through a council
// motion, and the motions waiting for a vote.
import { useState } from 'preact/hooks';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { stringToU8a } from '@polkadot/util';
import { useCtx } from '../context';
import { TxButton } from '../components';
import * as ledger from '../ledger';
import { useChainQuery } from '../data';
import type { Key } from '../i18n';

/** What a motion needs to carry: two thirds of the council, rounded up. */
function threshold(members: number): number {
  return Math.max(1, Math.ceil((members * 2) / 3));
}

export function OperatorView() {
  const { api, account, t } = useCtx();
  const who = account?.address ?? '';
  const { data: members } = useChainQuery(ledger.councilMembers, [], [] as string[]);
  const { data: motions } = useChainQuery(ledger.motions, [], [] as ledger.Motion[]);
  /** The Operator's call as a council motion (carried at once by a council of one). */
  const motion = (call: SubmittableExtrinsic<'promise'>) =>
    api.tx.council.propose(threshold(members.length), call, call.encodedLength);
  const isMember = members.includes(who);
  return (
    <div class="view operator">
      {!isMember && <p class="hint">{t('operator.notMember')}</p>}
      <Enterprises motion={motion} />
      <Register motion={motion} />
      <Motions motions={motions} isMember={isMember} who={who} />
    </div>
  );
}

type MotionOf = (call: SubmittableExtrinsic<'promise'>) => SubmittableExtrinsic<'promise'>;

function Enterprises({ motion }: { motion: MotionOf }) {
  const { api, t, enterprises } = useCtx();
  const list = [...enterprises.values()].sort((a, b) => a.name.localeCompare(b.name));
  const roles = (r: { core: boolean; supplier: boolean; financier: boolean }) =>
    (['core', 'supplier', 'financier'] as const).filter((k) => r[k]).map((k) => t(`role.${k}` as Key)).join(', ');
  return (
    <section>
      <h2>{t('operator.enterprises')}</h2>
      <table>
        <thead><tr><th>{t('operator.name')}</th><th>{t('operator.code')}</th><th>{t('operator.roles')}</th><th>{t('notes.state')}</th><th>{t('operator.address')}</th><th></th></tr></thead>
        <tbody>{list.map((e) => (
          <tr key={e.address} data-testid={`enterprise-${e.address}`}>
            <td>{e.name}</td><td><code>{e.creditCode}</code></td><td>{roles(e.roles)}</td>
            <td>{t(e.status === 'Active' ? 'operator.active' : 'operator.suspended')}</td>
            <td><code title={e.address}>{e.address.slice(0, 8)}…</code></td>
            <td>{e.status === 'Active'
              ? <TxButton label='operator.suspend' kind="plain" testId={`suspend-${e.address}`} check={() => ({ tx: motion(api.tx.enterprises.suspend(e.address)) })} />
              : <TxButton label='operator.reinstate' kind="plain" testId={`reinstate-${e.address}`} check={() => ({ tx: motion(api.tx.enterprises.reinstate(e.address)) })} />}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}

function Register({ motion }: { motion: MotionOf }) {
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

function Motions({ motions, isMember, who }: { motions: ledger.Motion[]; isMember: boolean; who: string }) {
  const { api, t } = useCtx();
  return (
    <section>
      <h2>{t('operator.motions')}</h2>
      {motions.length === 0 ? <p>{t('operator.noMotions')}</p> : (
        <table>
          <thead><tr><th>#</th><th>{t('operator.call')}</th><th>{t('operator.votes')}</th><th></th></tr></thead>
          <tbody>{motions.map((m) => (
            <tr key={m.hash}>
              <td>#{m.index}</td><td><code>{m.call}</code></td>
              <td>{t('operator.tally', { ayes: m.ayes.length, nays: m.nays.length, threshold: m.threshold })}</td>
              <td class="actions">{isMember && !m.ayes.includes(who) && !m.nays.includes(who) && <>
                <TxButton label='operator.aye' check={() => ({ tx: api.tx.council.vote(m.hash, m.index, true) })} />
                <TxButton label='operator.nay' kind="plain" check={() => ({ tx: api.tx.council.vote(m.hash, m.index, false) })} />
              </>}
              {m.ayes.length >= m.threshold && <TxButton label='operator.close' kind="plain"
                check={async () => {
                  // close() is bounded by the proposal's own weight and length, asked of the runtime.
                  const tx = await ledger.closeMotion(api, m.hash, m.index);
                  return tx ? { tx } : { refuse: 'operator.noMotions' };
                }} />}
              </td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
