// Repay a receivable, whole or in part.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import { checkAmount } from '../../checks';
import * as ledger from '../../ledger';

export function Repay({ r }: { r: ledger.Receivable }) {
  const { api, unit } = useCtx();
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
