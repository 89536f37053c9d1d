// The programs that would finance a note now, each with the chain's quote for this holder
// (cascade_programQuote): the rate its grades get and why, the advance, what is paid now and
// what later; factor or pledge at a click — or the reason the program would refuse.
import { useCtx } from '../../context';
import { TxButton, type Outcome } from '../../components';
import { eventData, type TxProgress } from '../../chain';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { hasKey, type Key } from '../../i18n';

const FACTORING: ledger.FinancingKind = { factoring: { recourse: false } };

/** Every program that would take this note, with today's price for its holder. */
export function FinanceOffers({ note, rec }: { note: ledger.Note; rec: ledger.Receivable }) {
  const { api, t, money, rate, nameOf, now, enterprises } = useCtx();
  // The banks of the consortium: a handful, each with its few programs.
  const financiers = [...enterprises.values()].filter((e) => e.roles.financier).map((e) => e.address).sort();
  const { data: offers, loaded } = useChainQuery(async (api) => {
    const open = ledger.programsFor(await ledger.programsOfFinanciers(api, financiers), rec.issuer, rec.asset, now);
    const quoted = await Promise.all(open.map(async (program) => ({ program, quote: await ledger.programQuote(api, note.id, program.id, FACTORING) })));
    return quoted.flatMap(({ program, quote }) => (quote ? [{ program, quote }] : []));
  }, [note.id, rec.issuer, rec.asset, financiers.join(',')], [] as { program: ledger.Program; quote: ledger.ProgramQuote }[], { key: note.id });
  /** "Received 39,996.00 CNY": the price the chain paid, from the Financed event. */
  const received = (kind: 'factoring' | 'pledge') => (p: TxProgress): Outcome | null => {
    const d = eventData(p, 'financing', 'Financed');
    return d && { key: kind === 'factoring' ? 'finance.received' : 'finance.lent', params: { amount: money(d.price.toString()) } };
  };
  /** "3.65 % − 1.00 % (tier A) − 0.50 % (deep green)": how the rate was made. */
  const why = (terms: ledger.Terms) => {
    const part = (ppm: number, label: string) => ppm === 0 ? '' : ` ${ppm < 0 ? '−' : '+'} ${rate(Math.abs(ppm))} (${label})`;
    const tier = terms.tier ? t('grade.tier', { grade: terms.tier.grade.toUpperCase() }) : '';
    const green = terms.green ? t(`grade.${terms.green.grade}` as Key) : '';
    return `${rate(terms.baseRate)}${part(terms.tierAdjustment, tier)}${part(terms.greenAdjustment, green)}`;
  };
  return (
    <div class="form">
      <h3>{t('finance.title')}</h3>
      {!loaded ? <p>{t('app.loading')}</p> : offers.length === 0 ? <p>{t('finance.none')}</p> : (
        <table>
          <thead><tr><th>{t('finance.program')}</th><th>{t('finance.financier')}</th><th>{t('finance.rate')}</th><th>{t('finance.days')}</th><th class="num">{t('finance.advance')}</th><th class="num">{t('finance.interest')}</th><th class="num">{t('finance.price')}</th><th class="num">{t('finance.reserve')}</th><th></th></tr></thead>
          <tbody>
            {offers.map(({ program, quote }) => (
              <tr key={program.id} data-testid={`offer-${program.id}`}>
                <td>#{program.id}</td>
                <td>{nameOf(program.financier)}</td>
                <td data-testid={`offer-${program.id}-rate`} data-value={quote.terms.annualRate}>
                  {rate(quote.terms.annualRate)}
                  {(quote.terms.tierAdjustment !== 0 || quote.terms.greenAdjustment !== 0) && <small class="why" data-testid={`offer-${program.id}-why`}> = {why(quote.terms)}</small>}
                </td>
                <td>{quote.days}</td>
                <td class="num">{rate(quote.terms.advanceRate)}</td>
                <td class="num">{money(quote.terms.interest)}</td>
                <td class="num" data-testid={`offer-${program.id}-price`} data-value={quote.terms.disbursed}>{money(quote.terms.disbursed)}</td>
                <td class="num" title={t('finance.reserveHint')}>{BigInt(quote.terms.reserve) > 0n ? money(quote.terms.reserve) : '—'}</td>
                <td class="actions">
                  {quote.refusal ? <span class="refusal" data-testid={`offer-${program.id}-refusal`}>{hasKey(`err.financing.${quote.refusal}`) ? t(`err.financing.${quote.refusal}` as Key) : quote.refusal}</span> : <>
                    <TxButton label='finance.factor' testId={`factor-${program.id}`} outcome={received('factoring')}
                      check={() => ({ tx: api.tx.financing.finance(note.id, program.id, { Factoring: { recourse: false } }) })} />
                    <TxButton label='finance.pledge' kind="plain" testId={`pledge-${program.id}`} outcome={received('pledge')}
                      check={() => ({ tx: api.tx.financing.finance(note.id, program.id, 'Pledge') })} />
                  </>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
