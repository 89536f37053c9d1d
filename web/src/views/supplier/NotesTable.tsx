// The notes I hold and the notes offered to me, 50 a page: accept, reject, revoke an offer, open a note.
import { useCtx } from '../../context';
import { Paged, TxButton } from '../../components';
import * as ledger from '../../ledger';
import type { Key } from '../../i18n';

export function NotesTable(props: { notes: ledger.Note[] | null; who: string; selected: number | null; onSelect: (id: number) => void }) {
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
