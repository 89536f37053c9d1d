// The supplier's view: what I hold and what is offered to me, pay my own supplier part of a
// note, finance a note at the core's price, the note's lineage, what I owe; from the indexer:
// what falls due per week, the notes paid to me, my statement.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainPage } from '../../paging';
import { noteIds } from '../../changes';
import { NotesTable, NOTES_PAGE } from './NotesTable';
import { NotePanel } from './NotePanel';
import { PaidNotes } from './PaidNotes';
import { MyObligations } from './MyObligations';
import { Statement } from '../history/Statement';
import { LadderSection } from '../../ladder';

export function SupplierView() {
  const { account, t } = useCtx();
  const who = account?.address ?? '';
  const [selected, setSelected] = useState<number | null>(null);
  // The notes I hold or am offered, a page at a time (cascade_notesOf), read again at a block
  // that names me, one of the page's notes or their receivables.
  const notes = useChainPage<ledger.Note>('cascade_notesOf', who, NOTES_PAGE, noteIds, !!who);

  if (!who) return null;
  return (
    <div class="view supplier">
      <NotesTable page={notes} who={who} selected={selected} onSelect={setSelected} />
      {selected !== null && notes.items.some((n) => n.id === selected) && (
        <NotePanel note={notes.items.find((n) => n.id === selected)!} who={who} />
      )}
      <LadderSection who={who} title={t('ladder.supplierTitle')} pick={(l) => [{ key: 'paid', rungs: l.toBePaid }]} />
      <PaidNotes who={who} />
      <Statement who={who} />
      <MyObligations who={who} />
    </div>
  );
}
