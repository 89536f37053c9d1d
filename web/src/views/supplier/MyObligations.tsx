// What I owe: pledge loans I can repay (today's amount from the runtime), claims I must settle.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';

/** What I owe: pledge loans I can repay, claims I must settle. */
export function MyObligations({ who }: { who: string }) {
  const { api, t, money, nameOf } = useCtx();
  // My open pledge loans, each with what repaying it debits today (principal and interest), as
  // the chain computes it; and the claims I must settle.
  const { data: loans } = useChainQuery(async (api) => {
    const mine = (await ledger.financingsOf(api, who)).filter((f) => f.seller === who && f.kind === 'pledge' && f.status === 'open');
    const amounts = await Promise.all(mine.map((f) => ledger.repayment(api, f.id)));
    return mine.map((f, i) => ({ ...f, due: amounts[i] }));
  }, [who], [] as (ledger.Financing & { due: bigint | null })[], { key: who });
  const { data: claims } = useChainQuery(
    async (api) => (await ledger.claimsOf(api, who)).filter((c) => c.debtor === who), [who], [] as ledger.Claim[], { key: who });
  if (loans.length === 0 && claims.length === 0) return null;
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
    </section>
  );
}
