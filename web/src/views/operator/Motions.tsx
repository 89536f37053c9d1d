// The council's motions waiting for votes: vote aye or nay, close one that has carried.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import * as ledger from '../../ledger';

export function Motions({ motions, isMember, who }: { motions: ledger.Motion[]; isMember: boolean; who: string }) {
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
