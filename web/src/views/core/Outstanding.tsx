// My receivables by maturity, soonest first, with their state and what is still outstanding.
import { useCtx } from '../../context';
import { Paged } from '../../components';
import * as ledger from '../../ledger';
import type { Key } from '../../i18n';
import { Repay } from './Repay';

/** Receivables by maturity, soonest first; repay whole or part while something is outstanding. */
export function Outstanding({ receivables }: { receivables: ledger.Receivable[] }) {
  const { t, money, date } = useCtx();
  const sorted = [...receivables].sort((a, b) => a.maturity - b.maturity);
  return (
    <section>
      <h2>{t('outstanding.title')}</h2>
      {sorted.length === 0 ? <p>{t('outstanding.none')}</p> : (
        <Paged items={sorted} size={25} testId="receivables">
          {(page) => (
            <table>
              <thead><tr><th>#</th><th>{t('issue.invoice')}</th><th>{t('issue.maturity')}</th><th class="num">{t('outstanding.face')}</th><th class="num">{t('outstanding.repaid')}</th><th class="num">{t('outstanding.outstanding')}</th><th>{t('notes.state')}</th><th></th></tr></thead>
              <tbody>{page.map((r) => (
                <tr key={r.id} data-testid={`receivable-${r.id}`}>
                  <td>#{r.id}</td><td>{r.invoiceRef}</td><td>{date(r.maturity)}</td>
                  <td class="num">{money(r.face)}</td><td class="num">{money(r.repaid)}</td><td class="num" data-testid={`receivable-${r.id}-outstanding`}>{money(r.outstanding)}</td>
                  <td data-testid={`receivable-${r.id}-status`}>{t(`rstatus.${r.status}` as Key)}{r.clearing ? ` · ${t('outstanding.clearing')}` : ''}</td>
                  <td class="actions">{BigInt(r.outstanding) > 0n && r.status !== 'cancelled' && <Repay r={r} />}</td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </Paged>
      )}
      <p class="hint">{t('outstanding.hint')}</p>
    </section>
  );
}
