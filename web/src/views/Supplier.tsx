// The supplier's view: what I hold and what is offered to me, pay my own supplier part of a
// note, finance a note at the core's price, the note's lineage, what I owe.
import { useState } from 'preact/hooks';
import { useCtx } from '../context';
import { LineageTree, Paged, TxButton, type Outcome } from '../components';
import { checkAmount, checkRate, checkRecipient } from '../checks';
import { eventData, type TxProgress } from '../chain';
import * as ledger from '../ledger';
import { useChainQuery } from '../data';
import type { Key } from '../i18n';

/**
 * Notes this browser saw the account hold: a paid note leaves notesOf (the ledger's index of live
 * notes), and the holder still wants to see it paid.
 */
function rememberNotes(who: string, ids: number[]): number[] {
  const key = `cascade.seen.${who}`;
  const seen = new Set<number>(JSON.parse(localStorage.getItem(key) ?? '[]'));
  ids.forEach((id) => seen.add(id));
  const list = [...seen].sort((a, b) => a - b).slice(-2000);
  localStorage.setItem(key, JSON.stringify(list));
  return list;
}

export function SupplierView() {
  const { account } = useCtx();
  const who = account?.address ?? '';
  const [selected, setSelected] = useState<number | null>(null);
  const { data: notes, loaded } = useChainQuery((api) => ledger.notesOf(api, who), [who], [] as ledger.Note[], { enabled: !!who, key: who });
  // Notes held before and no longer live: paid (or moved on). Show the paid ones. A financier's
  // notes came through its financings: those are known without this browser.
  const { data: paid } = useChainQuery(async (api) => {
    const financed = (await ledger.financingsOf(api, who)).filter((f) => f.financier === who).map((f) => f.note);
    const mine = notes.filter((n) => n.holder === who).map((n) => n.id);
    const seen = rememberNotes(who, mine);
    const gone = [...new Set([...seen, ...financed])].filter((id) => !notes.some((n) => n.id === id)).slice(-100);
    const olds = await Promise.all(gone.map((id) => ledger.note(api, id).catch(() => null)));
    return olds.filter((n): n is ledger.Note => !!n && n.state === 'redeemed' && n.holder === who);
  }, [who, notes], [] as ledger.Note[], { enabled: !!who && loaded, key: who });

  if (!who) return null;
  return (
    <div class="view supplier">
      <NotesTable notes={loaded ? notes : null} who={who} selected={selected} onSelect={setSelected} />
      {selected !== null && notes?.some((n) => n.id === selected) && (
        <NotePanel note={notes.find((n) => n.id === selected)!} who={who} />
      )}
      <PaidNotes notes={paid} />
      <MyObligations who={who} />
    </div>
  );
}

function NotesTable(props: { notes: ledger.Note[] | null; who: string; selected: number | null; onSelect: (id: number) => void }) {
  const { api, t, money, nameOf } = useCtx();
  const { notes, who } = props;
  if (notes === null) return <section><h2>{t('notes.title')}</h2><p>{t('app.loading')}</p></section>;
  return (
    <section>
      <h2>{t('notes.title')} <small data-testid="notes-count">{t('notes.count', { n: notes.length })}</small></h2>
      {notes.length === 0 ? <p>{t('notes.none')}</p> : (
        <Paged items={notes} size={50} testId="notes">
          {(page) => (
            <table>
              <thead><tr>
                <th>{t('notes.id')}</th><th>{t('notes.receivable')}</th><th class="num">{t('notes.amount')}</th>
                <th class="num">{t('notes.paid')}</th><th>{t('notes.state')}</th><th></th>
              </tr></thead>
              <tbody>
                {page.map((n) => {
                  const offeredToMe = n.state === 'pending' && n.pendingTo === who;
                  const offeredByMe = n.state === 'pending' && n.holder === who;
                  return (
                    <tr key={n.id} data-testid={`note-row-${n.id}`} class={props.selected === n.id ? 'selected' : ''}>
                      <td>#{n.id}</td>
                      <td>#{n.receivable}</td>
                      <td class="num">{money(n.amount)}</td>
                      <td class="num">{money(n.paid)}</td>
                      <td data-testid={`note-state-${n.id}`}>
                        {offeredToMe ? t('notes.offeredBy', { name: nameOf(n.holder) })
                          : offeredByMe ? t('notes.offeredTo', { name: nameOf(n.pendingTo) })
                          : t(`state.${n.state}` as Key)}
                      </td>
                      <td class="actions">
                        {offeredToMe && <>
                          <TxButton label='action.accept' testId={`accept-${n.id}`} check={() => ({ tx: api.tx.receivables.accept(n.id) })} />
                          <TxButton label='action.reject' kind="plain" testId={`reject-${n.id}`} check={() => ({ tx: api.tx.receivables.reject(n.id) })} />
                        </>}
                        {offeredByMe && <TxButton label='action.revoke' kind="plain" testId={`revoke-${n.id}`} check={() => ({ tx: api.tx.receivables.revoke(n.id) })} />}
                        {!offeredToMe && <button class="plain" data-testid={`open-${n.id}`} onClick={() => props.onSelect(n.id)}>{t('action.open')}</button>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Paged>
      )}
    </section>
  );
}

/** One note: details, pay part of it to my supplier, finance it, request financing, lineage. */
function NotePanel({ note, who }: { note: ledger.Note; who: string }) {
  const { t, money, date, nameOf } = useCtx();
  const { data: rec } = useChainQuery((api) => ledger.receivable(api, note.receivable), [note.receivable], null as ledger.Receivable | null, { key: note.receivable });
  const { data: tree } = useChainQuery(async (api) => (await ledger.tree(api, note.receivable)) ?? [], [note.receivable], [] as ledger.Note[], { key: note.receivable });
  const movable = note.state === 'active' && note.holder === who;
  return (
    <section class="panel" data-testid="note-panel">
      <h2>{t('note.title', { id: note.id })}</h2>
      {rec && (
        <dl class="facts">
          <dt>{t('note.obligor')}</dt><dd>{nameOf(rec.issuer)}</dd>
          <dt>{t('note.amount')}</dt><dd data-testid="note-amount">{money(note.amount)}</dd>
          <dt>{t('note.paid')}</dt><dd>{money(note.paid)}</dd>
          <dt>{t('note.maturity')}</dt><dd>{date(rec.maturity)}</dd>
          <dt>{t('note.receivableStatus')}</dt><dd>{t(`rstatus.${rec.status}` as Key)}</dd>
        </dl>
      )}
      {movable && <PayForm note={note} who={who} />}
      {movable && rec && <FinanceOffers note={note} rec={rec} />}
      {movable && <RequestForm note={note} />}
      <h3>{t('tree.title')}</h3>
      {tree.length > 0 ? <div class="tree-wrap"><LineageTree notes={tree} focus={note.id} /></div> : <p>{t('tree.tooBig')}</p>}
    </section>
  );
}

function PayForm({ note, who }: { note: ledger.Note; who: string }) {
  const { api, t, unit, enterprises, money } = useCtx();
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const names = [...enterprises.values()].filter((e) => e.address !== who && (e.roles.supplier || e.roles.financier));
  return (
    <div class="form">
      <h3>{t('pay.title')}</h3>
      <label>{t('pay.recipient')}
        <input list="payees" value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="pay-recipient" placeholder={t('pay.recipientHint')} />
      </label>
      <datalist id="payees">{names.map((e) => <option value={e.name} />)}</datalist>
      <label>{t('pay.amount', { symbol: unit.symbol })}
        <input value={amount} onInput={(e) => setAmount(e.currentTarget.value)} data-testid="pay-amount" inputMode="decimal" />
      </label>
      <TxButton label='pay.submit' testId="pay-submit" check={() => {
        const r = checkRecipient(to, enterprises, who);
        if ('refuse' in r) return r;
        const a = checkAmount(amount, unit.decimals, BigInt(note.amount) - BigInt(note.paid));
        if ('refuse' in a) return a;
        return { tx: api.tx.receivables.splitTransfer(note.id, r.ok, a.ok) };
      }} outcome={(p) => {
        const d = eventData(p, 'receivables', 'SplitTransferred') ?? eventData(p, 'receivables', 'Transferred');
        return d && { key: 'pay.done', params: { amount: money(d.amount ? d.amount.toString() : note.amount) } };
      }} />
    </div>
  );
}

/** Every program that would take this note, with today's price from cascade_quote. */
function FinanceOffers({ note, rec }: { note: ledger.Note; rec: ledger.Receivable }) {
  const { api, t, money, rate, nameOf, now } = useCtx();
  const { data: offers, loaded } = useChainQuery(async (api) => {
    const open = ledger.programsFor(await ledger.allPrograms(api), rec.issuer, rec.asset, now);
    const quoted = await Promise.all(open.map(async (program) => ({ program, quote: await ledger.quote(api, note.id, program.annualRate) })));
    return quoted.flatMap(({ program, quote }) =>
      quote && quote.financeable && BigInt(program.budget) >= BigInt(quote.disbursed) ? [{ program, quote }] : []);
  }, [note.id, rec.issuer, rec.asset], [] as { program: ledger.Program; quote: ledger.Quote }[], { key: note.id });
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

/** Ask a bank that has no program for this core. */
function RequestForm({ note }: { note: ledger.Note }) {
  const { api, t, enterprises } = useCtx();
  const banks = [...enterprises.values()].filter((e) => e.roles.financier && e.status === 'Active');
  const [bank, setBank] = useState(banks[0]?.address ?? '');
  const [kind, setKind] = useState('factoring');
  const [rateText, setRateText] = useState('');
  return (
    <div class="form">
      <h3>{t('request.title')}</h3>
      <label>{t('request.financier')}
        <select value={bank} onChange={(e) => setBank(e.currentTarget.value)} data-testid="request-financier">
          {banks.map((b) => <option value={b.address}>{b.name}</option>)}
        </select>
      </label>
      <label>{t('request.kind')}
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value)} data-testid="request-kind">
          <option value="factoring">{t('kind.factoring')}</option>
          <option value="recourse">{t('kind.recourse')}</option>
          <option value="pledge">{t('kind.pledge')}</option>
        </select>
      </label>
      <label>{t('request.rate')}
        <input value={rateText} onInput={(e) => setRateText(e.currentTarget.value)} placeholder="3.65" data-testid="request-rate" />
      </label>
      <TxButton label='request.submit' testId="request-submit" check={() => {
        if (!bank) return { refuse: 'recipient.empty' };
        const r = checkRate(rateText);
        if ('refuse' in r) return r;
        const k = kind === 'pledge' ? 'Pledge' : { Factoring: { recourse: kind === 'recourse' } };
        return { tx: api.tx.financing.request(note.id, bank, k, r.ok) };
      }} />
    </div>
  );
}

function PaidNotes({ notes }: { notes: ledger.Note[] }) {
  const { t, money } = useCtx();
  if (notes.length === 0) return null;
  return (
    <section>
      <h2>{t('paid.title')}</h2>
      <table>
        <thead><tr><th>{t('notes.id')}</th><th>{t('notes.receivable')}</th><th class="num">{t('notes.amount')}</th><th class="num">{t('notes.paid')}</th><th>{t('notes.state')}</th></tr></thead>
        <tbody>{notes.map((n) => (
          <tr key={n.id} data-testid={`paid-row-${n.id}`}>
            <td>#{n.id}</td><td>#{n.receivable}</td><td class="num">{money(n.amount)}</td>
            <td class="num" data-testid={`paid-amount-${n.id}`}>{money(n.paid)}</td><td>{t('state.redeemed')}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}

/** What I owe: pledge loans I can repay, claims I must settle. */
function MyObligations({ who }: { who: string }) {
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
