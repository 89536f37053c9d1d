// Ask a bank that has no program for this core to finance a note, at a rate I name.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import { checkRate } from '../../checks';
import * as ledger from '../../ledger';

/** Ask a bank that has no program for this core. */
export function RequestForm({ note }: { note: ledger.Note }) {
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
