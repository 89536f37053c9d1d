// What I owe: pledge loans I can repay (today's amount from the runtime), claims I must settle.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { CursorPager, useChainPage, type ChainPage } from '../../paging';
import { financingIds, id, touches } from '../../changes';

/** Financings a page of mine reads. */
const PAGE = 50;

/** What I owe: pledge loans I can repay, claims I must settle. */
export function MyObligations({ who }: { who: string }) {
  const { api, t, money, nameOf } = useCtx();
  // My financings a page at a time (cascade_financingsOf: the ones I sold or pledged, and any I
  // financed); of the page, my open pledge loans, each with what repaying it debits today
  // (principal and interest, which grows with time: read at every block, at most a page of them).
  const financings = useChainPage<ledger.Financing>('cascade_financingsOf', who, PAGE, financingIds, !!who);
  const mine = financings.items.filter((f) => f.seller === who && f.kind === 'pledge' && f.status === 'open').sort((a, b) => a.id - b.id);
  const { data: due } = useChainQuery(async (api) => {
    const amounts = await Promise.all(mine.map((f) => ledger.repayment(api, f.id)));
    return new Map(mine.map((f, i) => [f.id, amounts[i]]));
  }, [mine.map((f) => f.id).join(',')], new Map<number, bigint | null>(), { key: who });
  const loans = mine.map((f) => ({ ...f, due: due.get(f.id) ?? null }));
  // The claims I must settle (recourse, called loans): few, read whole when a block concerns them.
  const { data: claims } = useChainQuery(
    async (api) => (await ledger.claimsOf(api, who)).filter((c) => c.debtor === who), [who], [] as ledger.Claim[],
    { key: who, when: (c, last) => touches(c, who, last.map((x) => id('financing', x.financing))) });
  if (loans.length === 0 && claims.length === 0 && financings.index === 0 && !financings.hasNext) return null;
  return (
    <section>
      <h2>{t('owe.title')}</h2>
      <table>
        <thead><tr><th>{t('owe.financing')}</th><th>{t('owe.creditor')}</th><th>{t('owe.what')}</th><th class="num">{t('notes.amount')}</th><th></th></tr></thead>
        <tbody>
          {loans.map((f) => (
            <tr key={`l${f.id}`}>
              <td>#{f.id}</td><td>{nameOf(f.financier)}</td><td>{t('owe.loan', { note: f.note })}</td>
              <td class="num" data-testid={`repay-amount-${f.id}`} title={t('owe.repayToday')}>{f.due != null ? money(f.due) : '…'}</td>
              <td><TxButton label='owe.repayLoan' testId={`repay-loan-${f.id}`} check={() => ({ tx: api.tx.financing.repayLoan(f.id) })} /></td>
            </tr>
          ))}
          {claims.map((c) => (
            <tr key={`c${c.financing}`}>
              <td>#{c.financing}</td><td>{nameOf(c.creditor)}</td><td data-testid={`claim-${c.financing}-what`}>{t('owe.claim')}{c.security != null && <>{' · '}{t('owe.secured', { note: c.security })}</>}</td><td class="num">{money(c.amount)}</td>
              <td><TxButton label='owe.settleClaim' testId={`settle-claim-${c.financing}`} check={() => ({ tx: api.tx.financing.settleClaim(c.financing) })} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <CursorPager page={financings as ChainPage<unknown>} testId="owe" />
    </section>
  );
}
