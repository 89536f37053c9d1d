// The supplier's view: what I hold and what is offered to me, pay my own supplier part of a
// note, finance a note at the core's price, the note's lineage, what I owe; from the indexer:
// what falls due per week, the notes paid to me, my statement.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { NotesTable } from './NotesTable';
import { NotePanel } from './NotePanel';
import { PaidNotes } from './PaidNotes';
import { MyObligations } from './MyObligations';
import { Statement } from '../history/Statement';
import { LadderSection } from '../../ladder';

export function SupplierView() {
  const { account, t } = useCtx();
  const who = account?.address ?? '';
  const [selected, setSelected] = useState<number | null>(null);
  const { data: notes, loaded } = useChainQuery((api) => ledger.notesOf(api, who), [who], [] as ledger.Note[], { enabled: !!who, key: who });

  if (!who) return null;
  return (
    <div class="view supplier">
      <NotesTable notes={loaded ? notes : null} who={who} selected={selected} onSelect={setSelected} />
      {selected !== null && notes?.some((n) => n.id === selected) && (
        <NotePanel note={notes.find((n) => n.id === selected)!} who={who} />
      )}
      <LadderSection who={who} title={t('ladder.supplierTitle')} pick={(l) => [{ key: 'paid', rungs: l.toBePaid }]} />
      <PaidNotes who={who} />
      <Statement who={who} />
      <MyObligations who={who} />
    </div>
  );
}
