// Issue a receivable to a tier-1 supplier: the form reads what was typed, the runtime's can_issue
// says whether issue would take it, and only then is anything signed.
import { useState } from 'preact/hooks';
import { blake2AsHex } from '@polkadot/util-crypto';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { useCtx } from '../../context';
import { TxButton, type Checked } from '../../components';
import { checkAmount, checkMaturity, checkRecipient, localInputValue } from '../../checks';
import { eventData } from '../../chain';
import * as ledger from '../../ledger';

export function IssueForm({ who, lines }: { who: string; lines: ledger.Line[] }) {
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
