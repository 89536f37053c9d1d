// My receivables, a page at a time from the chain, each page soonest maturity first, with their
// state and what is still outstanding.
import { useCtx } from '../../context';
import { CursorPager, type ChainPage } from '../../paging';
import * as ledger from '../../ledger';
import type { Key } from '../../i18n';
import { Repay } from './Repay';

/** Receivables a page shows. */
export const PAGE = 50;

/** One page of my receivables (by maturity within it); repay whole or part while something is
 * outstanding. `count`: how many are outstanding (the exposure's counter). */
export function Outstanding({ page, count }: { page: ChainPage<ledger.Receivable>; count: number | null }) {
  const { t, money, date } = useCtx();
  const sorted = [...page.items].sort((a, b) => a.maturity - b.maturity || a.id - b.id);
  return (
    <section>
      <h2>{t('outstanding.title')}{count !== null && <span class="count" data-testid="receivables-count"> · {t('outstanding.count', { n: count })}</span>}</h2>
      {!page.loaded ? <p>{t('app.loading')}</p> : sorted.length === 0 && page.index === 0 ? <p>{t('outstanding.none')}</p> : (
        <div data-testid="receivables">
          <table>
            <thead><tr><th>#</th><th>{t('issue.invoice')}</th><th>{t('issue.maturity')}</th><th class="num">{t('outstanding.face')}</th><th class="num">{t('outstanding.repaid')}</th><th class="num">{t('outstanding.outstanding')}</th><th>{t('notes.state')}</th><th></th></tr></thead>
            <tbody>{sorted.map((r) => (
              <tr key={r.id} data-testid={`receivable-${r.id}`}>
                <td>#{r.id}</td><td>{r.invoiceRef}</td><td>{date(r.maturity)}</td>
                <td class="num">{money(r.face)}</td><td class="num">{money(r.repaid)}</td><td class="num" data-testid={`receivable-${r.id}-outstanding`}>{money(r.outstanding)}</td>
                <td data-testid={`receivable-${r.id}-status`}>{t(`rstatus.${r.status}` as Key)}{r.clearing ? ` · ${t('outstanding.clearing')}` : ''}</td>
                <td class="actions">{BigInt(r.outstanding) > 0n && r.status !== 'cancelled' && <Repay r={r} />}</td>
              </tr>
            ))}</tbody>
          </table>
          <CursorPager page={page as ChainPage<unknown>} testId="receivables" />
          <p class="hint">{t('outstanding.more', { size: PAGE })}</p>
        </div>
      )}
      <p class="hint">{t('outstanding.hint')}</p>
    </section>
  );
}
