// The programs that would finance a note now, each with the chain's quote; factor or pledge at a click.
import { useCtx } from '../../context';
import { TxButton, type Outcome } from '../../components';
import { eventData, type TxProgress } from '../../chain';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';

/** Every program that would take this note, with today's price from cascade_quote. */
export function FinanceOffers({ note, rec }: { note: ledger.Note; rec: ledger.Receivable }) {
  const { api, t, money, rate, nameOf, now, enterprises } = useCtx();
  // The banks of the consortium: a handful, each with its few programs.
  const financiers = [...enterprises.values()].filter((e) => e.roles.financier).map((e) => e.address).sort();
  const { data: offers, loaded } = useChainQuery(async (api) => {
    const open = ledger.programsFor(await ledger.programsOfFinanciers(api, financiers), rec.issuer, rec.asset, now);
    const quoted = await Promise.all(open.map(async (program) => ({ program, quote: await ledger.quote(api, note.id, program.annualRate) })));
    return quoted.flatMap(({ program, quote }) =>
      quote && quote.financeable && BigInt(program.budget) >= BigInt(quote.disbursed) ? [{ program, quote }] : []);
  }, [note.id, rec.issuer, rec.asset, financiers.join(',')], [] as { program: ledger.Program; quote: ledger.Quote }[], { key: note.id });
  /** "Received 39,996.00 CNY": the price the chain paid, from the Financed event. */
  const received = (kind: 'factoring' | 'pledge') => (p: TxProgress): Outcome | null => {
    const d = eventData(p, 'financing', 'Financed');
    return d && { key: kind === 'factoring' ? 'finance.received' : 'finance.lent', params: { amount: money(d.price.toString()) } };
  };
  return (
    <div class="form">
      <h3>{t('finance.title')}</h3>
      {!loaded ? <p>{t('app.loading')}</p> : offers.length === 0 ? <p>{t('finance.none')}</p> : (
        <table>
          <thead><tr><th>{t('finance.program')}</th><th>{t('finance.financier')}</th><th>{t('finance.rate')}</th><th>{t('finance.days')}</th><th class="num">{t('finance.interest')}</th><th class="num">{t('finance.price')}</th><th></th></tr></thead>
          <tbody>
            {offers.map(({ program, quote }) => (
              <tr key={program.id} data-testid={`offer-${program.id}`}>
                <td>#{program.id}</td>
                <td>{nameOf(program.financier)}</td>
                <td>{rate(program.annualRate)}</td>
                <td>{quote.days}</td>
                <td class="num">{money(quote.interest)}</td>
                <td class="num" data-testid={`offer-${program.id}-price`} data-value={quote.disbursed}>{money(quote.disbursed)}</td>
                <td class="actions">
                  <TxButton label='finance.factor' testId={`factor-${program.id}`} outcome={received('factoring')}
                    check={() => ({ tx: api.tx.financing.finance(note.id, program.id, { Factoring: { recourse: false } }) })} />
                  <TxButton label='finance.pledge' kind="plain" testId={`pledge-${program.id}`} outcome={received('pledge')}
                    check={() => ({ tx: api.tx.financing.finance(note.id, program.id, 'Pledge') })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
