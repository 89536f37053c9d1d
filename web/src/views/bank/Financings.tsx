// My financings: open, paid, overdue; recourse and call_loan where the rules allow.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import { CursorPager, type ChainPage } from '../../paging';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { id, touches } from '../../changes';
import type { Key } from '../../i18n';
import { kindText } from './kindText';

/** Financings a page reads. */
export const FINANCINGS_PAGE = 50;

/** A page of my financings (newest first within it): open, paid, overdue; recourse and
 * call_loan where the rules allow. The receivables of the page's open ones are read to know
 * which are overdue: at most a page of them. */
export function Financings({ page: list, who }: { page: ChainPage<ledger.Financing>; who: string }) {
  const { api, t, money, nameOf, date } = useCtx();
  const financings = list.items.filter((f) => f.financier === who).sort((a, b) => b.id - a.id);
  const { data: overdue } = useChainQuery(async (api) => {
    const open = [...new Set(financings.filter((f) => f.status === 'open').map((f) => f.receivable))];
    const rs = await Promise.all(open.map((id) => ledger.receivable(api, id)));
    return new Set(rs.filter((r) => r?.status === 'overdue').map((r) => r!.id));
  }, [financings.map((f) => `${f.id}:${f.status}`).join(',')], new Set<number>(),
  { when: (c) => touches(c, null, financings.map((f) => id('receivable', f.receivable))) });
  return (
    <section>
      <h2>{t('financings.title')}</h2>
      {!list.loaded ? <p>{t('app.loading')}</p> : financings.length === 0 && list.index === 0 && !list.hasNext ? <p>{t('financings.none')}</p> : (
        <div data-testid="financings">
            <table>
              <thead><tr><th>#</th><th>{t('financings.seller')}</th><th>{t('notes.id')}</th><th>{t('request.kind')}</th><th class="num">{t('notes.amount')}</th><th class="num">{t('financings.disbursed')}</th><th>{t('note.maturity')}</th><th>{t('notes.state')}</th><th></th></tr></thead>
              <tbody>{financings.map((f) => {
                const late = f.status === 'open' && overdue.has(f.receivable);
                return (
                  <tr key={f.id} data-testid={`financing-${f.id}`} data-note={f.note}>
                    <td>#{f.id}</td><td>{nameOf(f.seller)}</td><td>#{f.note}</td><td>{kindText(t, f.kind)}</td>
                    <td class="num">{money(f.amount)}</td><td class="num">{money(f.disbursed)}</td><td>{date(f.maturity)}</td>
                    <td data-testid={`financing-${f.id}-status`}>{late ? t('fstatus.overdue') : t(`fstatus.${f.status}` as Key)}</td>
                    <td class="actions">
                      {late && f.kind === 'pledge' && <TxButton label='financings.call' testId={`call-${f.id}`} check={() => ({ tx: api.tx.financing.callLoan(f.id) })} />}
                      {late && f.kind !== 'pledge' && f.kind.factoring.recourse && <TxButton label='financings.recourse' testId={`recourse-${f.id}`} check={() => ({ tx: api.tx.financing.exerciseRecourse(f.id) })} />}
                    </td>
                  </tr>
                );
              })}</tbody>
            </table>
          <CursorPager page={list as ChainPage<unknown>} testId="financings" />
        </div>
      )}
    </section>
  );
}
