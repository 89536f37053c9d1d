// Notes of mine the chain has paid out (they have left the live-notes index): from the indexer,
// which keeps them whatever browser the holder uses; without one, history is unavailable.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import { useChainQuery } from '../../data';
import * as history from '../../history';

const PAGE = 25;

export function PaidNotes({ who }: { who: string }) {
  const { t, money, date, nameOf, indexer } = useCtx();
  // cursors[i]: where page i starts.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const index = cursors.length - 1;
  const { data, loaded, error } = useChainQuery(
    () => history.paidNotes(indexer!, who, PAGE, cursors[index]),
    [who, indexer, cursors[index]],
    { items: [], next: null } as history.IndexedPage<history.IndexedNote>,
    { enabled: !!indexer, key: `${who}/${cursors[index] ?? ''}` },
  );
  return (
    <section data-testid="paid">
      <h2>{t('paid.title')}</h2>
      {!indexer ? <p class="hint" data-testid="history-unavailable">{t('history.unavailable')}</p>
        : error ? <p class="refusal">{t('history.failed', { reason: error })}</p>
        : !loaded ? <p>{t('app.loading')}</p>
        : data.items.length === 0 ? <p data-testid="paid-none">{t('paid.none')}</p> : (
          <>
            <table>
              <thead><tr><th>{t('notes.id')}</th><th>{t('notes.receivable')}</th><th>{t('note.obligor')}</th><th>{t('note.maturity')}</th><th class="num">{t('notes.amount')}</th><th class="num">{t('notes.paid')}</th><th>{t('notes.state')}</th></tr></thead>
              <tbody>{data.items.map((n) => (
                <tr key={n.id} data-testid={`paid-row-${n.id}`}>
                  <td>#{n.id}</td><td>#{n.receivable} {n.invoiceRef}</td><td>{nameOf(n.issuer)}</td><td>{date(n.maturity)}</td>
                  <td class="num">{money(n.amount)}</td>
                  <td class="num" data-testid={`paid-amount-${n.id}`}>{money(n.paid)}</td><td>{t('state.redeemed')}</td>
                </tr>
              ))}</tbody>
            </table>
            {(index > 0 || data.next) && (
              <div class="pager">
                <button class="plain" disabled={index === 0} onClick={() => setCursors(cursors.slice(0, -1))}>‹</button>
                <span>{t('pager.pageOnly', { page: index + 1 })}</span>
                <button class="plain" disabled={!data.next} onClick={() => data.next && setCursors([...cursors, data.next])}>›</button>
              </div>
            )}
          </>
        )}
    </section>
  );
}
