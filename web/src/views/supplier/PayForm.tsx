// Pay my own supplier part of a note (split_transfer), checked before anything is signed.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import { checkAmount, checkRecipient } from '../../checks';
import { eventData } from '../../chain';
import * as ledger from '../../ledger';

export function PayForm({ note, who }: { note: ledger.Note; who: string }) {
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
