// The core enterprise's view: issue a receivable (checked by the runtime's can_issue before signing),
// outstanding receivables by maturity with repay (whole or part), exposure per credit line.
import { useState } from 'preact/hooks';
import { blake2AsHex } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { useCtx } from '../context';
import { Paged, TxButton, type Checked } from '../components';
import { checkAmount, checkMaturity, checkRecipient, localInputValue } from '../checks';
import { eventData } from '../chain';
import * as ledger from '../ledger';
import { useChainQuery } from '../data';
import type { Key } from '../i18n';

export function CoreView() {
  const { account } = useCtx();
  const who = account?.address ?? '';
  const { data: exposure } = useChainQuery((api) => ledger.exposure(api, who), [who], null as ledger.Exposure | null, { enabled: !!who, key: who });
  const { data: receivables } = useChainQuery((api) => ledger.receivablesOf(api, who), [who], [] as ledger.Receivable[], { enabled: !!who, key: who });
  if (!who) return null;
  return (
    <div class="view core">
      <IssueForm who={who} lines={exposure?.creditLines ?? []} />
      <Outstanding receivables={receivables} />
      <Lines exposure={exposure} />
    </div>
  );
}

function IssueForm({ who, lines }: { who: string; lines: ledger.Line[] }) {
  const { api, t, unit, enterprises, asset, now, money, date } = useCtx();
  const [supplier, setSupplier] = useState('');
  const [face, setFace] = useState('');
  const [maturity, setMaturity] = useState('');
  const [line, setLine] = useState<string>('');
  const [invoice, setInvoice] = useState('');
  const [docHash, setDocHash] = useState<string | null>(null);
  const usable = lines.filter((l) => !l.revoked && Number(l.asset) === asset);
  const lineId = line === '' ? usable[0]?.id : Number(line);
  const onFile = async (file: File | undefined) => {
    setDocHash(file ? blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256) : null);
  };
  // What the reader typed is read here (a name, an amount, a date, a file); whether `issue` would
  // take it is the runtime's to say (`can_issue`, issue's own checks run and rolled back), shown
  // in the form's words where it has them.
  const check = async (): Promise<Checked> => {
    const s = checkRecipient(supplier, enterprises, who, ['supplier']);
    if ('refuse' in s) return s;
    const chosen = usable.find((l) => l.id === lineId);
    if (!chosen) return { refuse: 'issue.noLine' };
    const f = checkAmount(face, unit.decimals);
    if ('refuse' in f) return f;
    const m = checkMaturity(maturity, now, Number.MAX_SAFE_INTEGER);
    if ('refuse' in m) return m;
    const ref = invoice.trim();
    if (ref === '') return { refuse: 'issue.noInvoice' };
    if (!docHash) return { refuse: 'issue.noDocument' };
    const verdict = await ledger.canIssue(api, {
      issuer: who, supplier: s.ok, asset, face: f.ok, maturity: m.ok, creditLine: chosen.id, invoiceRef: ref,
    });
    if (verdict === null) return { refuse: 'issue.cannotCheck' };
    if (!verdict.ok) return issueRefusal(verdict.error, chosen, ref);
    return { tx: api.tx.receivables.issue(s.ok, asset, f.ok, m.ok, chosen.id, docHash, ref) };
  };
  /** `can_issue`'s error in the form's words (with the limit the reader needs), else the chain's. */
  const issueRefusal = async (error: ledger.TxError, line: ledger.Line, ref: string): Promise<Checked> => {
    switch (error.name) {
      case 'receivables.MaturityInPast': return { refuse: 'maturity.past' };
      case 'receivables.EmptyInvoiceRef': return { refuse: 'issue.noInvoice' };
      case 'enterprises.CreditLineExceeded': return { refuse: 'issue.aboveLine' };
      case 'enterprises.LineExpired': return { refuse: 'issue.lineExpired', params: { date: date(line.expiresAt) } };
      case 'receivables.InvoiceRefTooLong':
        return { refuse: 'issue.invoiceTooLong', params: { max: Number(api.consts.receivables.maxInvoiceRefLength.toString()) } };
      case 'receivables.BelowMinimum':
        return { refuse: 'amount.belowMinimum', params: { min: money((await ledger.receivablesParams(api)).minNoteAmount) } };
      case 'receivables.TenorTooLong':
        return { refuse: 'maturity.tooFar', params: { days: Math.floor((await ledger.receivablesParams(api)).maxTenor / 86_400_000) } };
      case 'receivables.DuplicateInvoice': {
        const used = await api.query.receivables.invoiceRefs(who, u8aToHex(stringToU8a(ref)));
        return { refuse: 'issue.duplicateInvoice', params: { id: used.toString() } };
      }
      default: return { chain: error };
    }
  };
  return (
    <section class="form">
      <h2>{t('issue.title')}</h2>
      <label>{t('issue.supplier')}
        <input list="suppliers" value={supplier} onInput={(e) => setSupplier(e.currentTarget.value)} data-testid="issue-supplier" placeholder={t('pay.recipientHint')} />
      </label>
      <datalist id="suppliers">{[...enterprises.values()].filter((e) => e.roles.supplier).map((e) => <option value={e.name} />)}</datalist>
      <label>{t('issue.face', { symbol: unit.symbol })}<input value={face} onInput={(e) => setFace(e.currentTarget.value)} data-testid="issue-face" inputMode="decimal" /></label>
      <label>{t('issue.maturity')}
        <input type="datetime-local" value={maturity} min={localInputValue(now)} onInput={(e) => setMaturity(e.currentTarget.value)} data-testid="issue-maturity" />
      </label>
      <label>{t('issue.line')}
        <select value={String(lineId ?? '')} onChange={(e) => setLine(e.currentTarget.value)} data-testid="issue-line">
          {usable.map((l) => <option value={String(l.id)}>#{l.id} · {t('exposure.available')} {money(l.available)}</option>)}
        </select>
      </label>
      <label>{t('issue.invoice')}<input value={invoice} onInput={(e) => setInvoice(e.currentTarget.value)} data-testid="issue-invoice" /></label>
      <label>{t('issue.document')}<input type="file" onChange={(e) => onFile(e.currentTarget.files?.[0])} data-testid="issue-document" /></label>
      {docHash && <p class="hint" data-testid="issue-dochash">{t('issue.docHash')}: <code>{docHash}</code></p>}
      <TxButton label='issue.submit' testId="issue-submit" check={check} outcome={(p) => {
        const d = eventData(p, 'receivables', 'Issued');
        return d && { key: 'issue.done', params: { id: d.receivable.toString(), note: d.rootNote.toString() } };
      }} />
    </section>
  );
}

/** Receivables by maturity, soonest first; repay whole or part while something is outstanding. */
function Outstanding({ receivables }: { receivables: ledger.Receivable[] }) {
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

function Repay({ r }: { r: ledger.Receivable }) {
  const { api, t, unit } = useCtx();
  const [part, setPart] = useState('');
  return (
    <span class="repay">
      <TxButton label='outstanding.repayAll' testId={`repay-${r.id}`} check={() => ({ tx: api.tx.receivables.repay(r.id) })} />
      <input value={part} onInput={(e) => setPart(e.currentTarget.value)} placeholder={unit.symbol} size={10} data-testid={`repay-part-${r.id}-amount`} />
      <TxButton label='outstanding.repayPart' kind="plain" testId={`repay-part-${r.id}`} check={() => {
        const a = checkAmount(part, unit.decimals, BigInt(r.outstanding), 'outstanding.above');
        if ('refuse' in a) return a;
        return { tx: api.tx.receivables.repayPart(r.id, a.ok) };
      }} />
    </span>
  );
}

function Lines({ exposure }: { exposure: ledger.Exposure | null }) {
  const { t, money, nameOf, date } = useCtx();
  if (!exposure) return null;
  return (
    <section>
      <h2>{t('exposure.coreTitle')}</h2>
      <p>{exposure.outstanding.map((o) => money(o.amount)).join(' · ') || money(0)} · {t('exposure.receivables', { n: exposure.receivables })}</p>
      <table>
        <thead><tr><th>{t('exposure.line')}</th><th>{t('finance.financier')}</th><th class="num">{t('exposure.limit')}</th><th class="num">{t('exposure.used')}</th><th class="num">{t('exposure.available')}</th><th>{t('programs.expires')}</th></tr></thead>
        <tbody>{exposure.creditLines.map((l) => (
          <tr key={l.id} data-testid={`core-line-${l.id}`}>
            <td>#{l.id}{l.revoked ? ` (${t('exposure.revoked')})` : ''}</td><td>{nameOf(l.financier)}</td>
            <td class="num">{money(l.limit)}</td><td class="num">{money(l.used)}</td><td class="num">{money(l.available)}</td><td>{date(l.expiresAt)}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}
