// The registered enterprises: suspend or reinstate one through a council motion.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import type { Key } from '../../i18n';
import { type MotionOf } from './motion';

export function Enterprises({ motion }: { motion: MotionOf }) {
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
