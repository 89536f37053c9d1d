// The bank's view: my programs, requests waiting for me (with the price), my financings with the
// actions the rules allow, and my exposure per core enterprise.
import { useState } from 'preact/hooks';
import { useCtx } from '../context';
import { Paged, TxButton } from '../components';
import { checkAmount, checkMaturity, checkRate } from '../checks';
import * as ledger from '../ledger';
import { useChainQuery } from '../data';
import type { Key } from '../i18n';

export function BankView() {
  const { account } = useCtx();
  const who = account?.address ?? '';
  // My programs, the requests I must answer, my financings (newest first): paged lists of mine,
  // never the whole maps.
  const { data: programs } = useChainQuery((api) => ledger.programsOf(api, who), [who], [] as ledger.Program[], { enabled: !!who, key: who });
  const { data: requests } = useChainQuery(
    async (api) => (await ledger.requestsOf(api, who)).filter((r) => r.financier === who), [who], [] as ledger.Request[], { enabled: !!who, key: who });
  const { data: financings } = useChainQuery(
    async (api) => (await ledger.financingsOf(api, who)).filter((f) => f.financier === who).sort((a, b) => b.id - a.id),
    [who], [] as ledger.Financing[], { enabled: !!who, key: who });
  if (!who) return null;
  return (
    <div class="view bank">
      <Programs programs={programs} />
      <OpenProgram />
      <Requests requests={requests} />
      <Financings financings={financings} />
      <BankExposure who={who} />
    </div>
  );
}

function Programs({ programs }: { programs: ledger.Program[] }) {
  const { api, t, money, rate, nameOf, date } = useCtx();
  return (
    <section>
      <h2>{t('programs.title')}</h2>
      {programs.length === 0 ? <p>{t('programs.none')}</p> : (
        <table>
          <thead><tr><th>#</th><th>{t('programs.core')}</th><th>{t('finance.rate')}</th><th class="num">{t('programs.budget')}</th><th class="num">{t('programs.outstanding')}</th><th>{t('programs.expires')}</th><th>{t('notes.state')}</th><th></th></tr></thead>
          <tbody>{programs.map((p) => (
            <tr key={p.id} data-testid={`program-${p.id}`}>
              <td>#{p.id}</td><td>{nameOf(p.core)}</td><td>{rate(p.annualRate)}</td>
              <td class="num">{money(p.budget)}</td><td class="num">{money(p.outstanding)}</td>
              <td>{p.expiresAt >= 2 ** 63 ? t('programs.never') : date(p.expiresAt)}</td>
              <td>{t(p.closed ? 'programs.closed' : 'programs.isOpen')}</td>
              <td>{!p.closed && <TxButton label='programs.close' kind="plain" testId={`close-program-${p.id}`} check={() => ({ tx: api.tx.financing.closeProgram(p.id) })} />}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

function OpenProgram() {
  const { api, t, unit, enterprises, asset, now } = useCtx();
  const cores = [...enterprises.values()].filter((e) => e.roles.core && e.status === 'Active');
  const [core, setCore] = useState(cores[0]?.address ?? '');
  const [rateText, setRateText] = useState('');
  const [budget, setBudget] = useState('');
  const [expires, setExpires] = useState('');
  return (
    <section class="form">
      <h3>{t('programs.openTitle')}</h3>
      <label>{t('programs.core')}
        <select value={core} onChange={(e) => setCore(e.currentTarget.value)} data-testid="program-core">{cores.map((c) => <option value={c.address}>{c.name}</option>)}</select>
      </label>
      <label>{t('request.rate')}<input value={rateText} onInput={(e) => setRateText(e.currentTarget.value)} placeholder="3.65" data-testid="program-rate" /></label>
      <label>{t('programs.newBudget')} ({unit.symbol})<input value={budget} onInput={(e) => setBudget(e.currentTarget.value)} inputMode="decimal" data-testid="program-budget" /></label>
      <label>{t('programs.expires')}<input type="datetime-local" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} data-testid="program-expires" /></label>
      <TxButton label='programs.open' testId="open-program" check={() => {
        if (!core) return { refuse: 'recipient.empty' };
        const r = checkRate(rateText);
        if ('refuse' in r) return r;
        const b = checkAmount(budget, unit.decimals);
        if ('refuse' in b) return b;
        const e = checkMaturity(expires, now, 10 * 365 * 86_400_000);
        if ('refuse' in e) return e;
        return { tx: api.tx.financing.openProgram(core, asset, r.ok, b.ok, e.ok) };
      }} />
    </section>
  );
}

function kindText(t: (k: Key) => string, kind: ledger.FinancingKind): string {
  if (kind === 'pledge') return t('kind.pledge');
  return t(kind.factoring.recourse ? 'kind.recourse' : 'kind.factoring');
}

/** Requests waiting for me, each with what approving it would pay the holder today. */
function Requests({ requests }: { requests: ledger.Request[] }) {
  const { api, t, money, rate, nameOf } = useCtx();
  const { data: quotes } = useChainQuery(
    async (api) => new Map(await Promise.all(requests.map(async (r) => [r.id, await ledger.quote(api, r.note, r.annualRate)] as const))),
    [requests], new Map<number, ledger.Quote | null>());
  return (
    <section>
      <h2>{t('requests.title')}</h2>
      {requests.length === 0 ? <p>{t('requests.none')}</p> : (
        <table>
          <thead><tr><th>#</th><th>{t('requests.holder')}</th><th>{t('notes.id')}</th><th>{t('request.kind')}</th><th>{t('finance.rate')}</th><th class="num">{t('notes.amount')}</th><th class="num">{t('finance.price')}</th><th></th></tr></thead>
          <tbody>{requests.map((r) => {
            const q = quotes.get(r.id);
            return (
              <tr key={r.id} data-testid={`request-${r.id}`}>
                <td>#{r.id}</td><td>{nameOf(r.holder)}</td><td>#{r.note}</td><td>{kindText(t, r.kind)}</td><td>{rate(r.annualRate)}</td>
                <td class="num">{q ? money(q.amount) : ''}</td><td class="num" data-testid={`request-${r.id}-price`}>{q ? money(q.disbursed) : ''}</td>
                <td class="actions">
                  <TxButton label='requests.approve' testId={`approve-${r.id}`} check={() => (q ? { tx: api.tx.financing.approve(r.id) } : { refuse: 'requests.noPrice' })} />
                  <TxButton label='requests.decline' kind="plain" testId={`decline-${r.id}`} check={() => ({ tx: api.tx.financing.decline(r.id) })} />
                </td>
              </tr>
            );
          })}</tbody>
        </table>
      )}
    </section>
  );
}

/** My financings: open, paid, overdue; recourse and call_loan where the rules allow. */
function Financings({ financings }: { financings: ledger.Financing[] }) {
  const { api, t, money, nameOf, date } = useCtx();
  const { data: overdue } = useChainQuery(async (api) => {
    const open = [...new Set(financings.filter((f) => f.status === 'open').map((f) => f.receivable))];
    const rs = await Promise.all(open.map((id) => ledger.receivable(api, id)));
    return new Set(rs.filter((r) => r?.status === 'overdue').map((r) => r!.id));
  }, [financings], new Set<number>());
  return (
    <section>
      <h2>{t('financings.title')}</h2>
      {financings.length === 0 ? <p>{t('financings.none')}</p> : (
        <Paged items={financings} size={25} testId="financings">
          {(page) => (
            <table>
              <thead><tr><th>#</th><th>{t('financings.seller')}</th><th>{t('notes.id')}</th><th>{t('request.kind')}</th><th class="num">{t('notes.amount')}</th><th class="num">{t('financings.disbursed')}</th><th>{t('note.maturity')}</th><th>{t('notes.state')}</th><th></th></tr></thead>
              <tbody>{page.map((f) => {
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
          )}
        </Paged>
      )}
    </section>
  );
}

/** My exposure per core: my credit lines to it and its outstanding receivables. */
function BankExposure({ who }: { who: string }) {
  const { t, money, nameOf, date, enterprises } = useCtx();
  const { data: rows } = useChainQuery(async (api) => {
    const cores = [...enterprises.values()].filter((e) => e.roles.core);
    const all = await Promise.all(cores.map((c) => ledger.exposure(api, c.address)));
    return all.flatMap((x) => x.creditLines.filter((l) => l.financier === who).map((line) => ({ core: x.core, line })));
  }, [who, enterprises], [] as { core: string; line: ledger.Line }[]);
  return (
    <section>
      <h2>{t('exposure.bankTitle')}</h2>
      {rows.length === 0 ? <p>{t('exposure.none')}</p> : (
        <table>
          <thead><tr><th>{t('exposure.line')}</th><th>{t('programs.core')}</th><th class="num">{t('exposure.limit')}</th><th class="num">{t('exposure.used')}</th><th class="num">{t('exposure.available')}</th><th>{t('programs.expires')}</th></tr></thead>
          <tbody>{rows.map(({ core, line }) => (
            <tr key={line.id} data-testid={`line-${line.id}`}>
              <td>#{line.id}{line.revoked ? ` (${t('exposure.revoked')})` : ''}</td><td>{nameOf(core)}</td>
              <td class="num">{money(line.limit)}</td><td class="num">{money(line.used)}</td><td class="num">{money(line.available)}</td><td>{date(line.expiresAt)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
