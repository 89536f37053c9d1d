// Notes of mine the chain has paid out (they have left the live-notes index).
import { useCtx } from '../../context';
import * as ledger from '../../ledger';

export function PaidNotes({ notes }: { notes: ledger.Note[] }) {
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
