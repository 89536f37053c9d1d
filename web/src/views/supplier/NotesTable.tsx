// The notes I hold and the notes offered to me, a page of the chain's list at a time: accept,
// reject, revoke an offer, open a note.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import { CursorPager, type ChainPage } from '../../paging';
import * as ledger from '../../ledger';
import type { Key } from '../../i18n';

/** Notes a page shows. */
export const NOTES_PAGE = 50;

/** A page of my notes (by id within it). The count is shown when they all fit on the first page;
 * beyond it the chain keeps no count per holder, and the pager says which page this is. */
export function NotesTable(props: { page: ChainPage<ledger.Note>; who: string; selected: number | null; onSelect: (id: number) => void }) {
  const { api, t, money, nameOf } = useCtx();
  const { page: list, who } = props;
  if (!list.loaded) return <section><h2>{t('notes.title')}</h2><p>{t('app.loading')}</p></section>;
  const notes = [...list.items].sort((a, b) => a.id - b.id);
  const single = list.index === 0 && !list.hasNext;
  return (
    <section>
      <h2>{t('notes.title')} <small data-testid="notes-count">{single ? t('notes.count', { n: notes.length }) : t('notes.countMore', { n: NOTES_PAGE })}</small></h2>
      {notes.length === 0 && single ? <p>{t('notes.none')}</p> : (
        <div data-testid="notes">
            <table>
              <thead><tr>
                <th>{t('notes.id')}</th><th>{t('notes.receivable')}</th><th class="num">{t('notes.amount')}</th>
                <th class="num">{t('notes.paid')}</th><th>{t('notes.state')}</th><th></th>
              </tr></thead>
              <tbody>
                {notes.map((n) => {
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
          <CursorPager page={list as ChainPage<unknown>} testId="notes" />
        </div>
      )}
    </section>
  );
}
