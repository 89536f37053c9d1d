// The supplier's view: what I hold and what is offered to me, pay my own supplier part of a
// note, finance a note at the core's price, the note's lineage, what I owe.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { NotesTable } from './NotesTable';
import { NotePanel } from './NotePanel';
import { PaidNotes } from './PaidNotes';
import { MyObligations } from './MyObligations';

/**
 * Notes this browser saw the account hold: a paid note leaves notesOf (the ledger's index of live
 * notes), and the holder still wants to see it paid.
 */
function rememberNotes(who: string, ids: number[]): number[] {
  const key = `cascade.seen.${who}`;
  const seen = new Set<number>(JSON.parse(localStorage.getItem(key) ?? '[]'));
  ids.forEach((id) => seen.add(id));
  const list = [...seen].sort((a, b) => a - b).slice(-2000);
  localStorage.setItem(key, JSON.stringify(list));
  return list;
}

export function SupplierView() {
  const { account } = useCtx();
  const who = account?.address ?? '';
  const [selected, setSelected] = useState<number | null>(null);
  const { data: notes, loaded } = useChainQuery((api) => ledger.notesOf(api, who), [who], [] as ledger.Note[], { enabled: !!who, key: who });
  // Notes held before and no longer live: paid (or moved on). Show the paid ones. A financier's
  // notes came through its financings: those are known without this browser.
  const { data: paid } = useChainQuery(async (api) => {
    const financed = (await ledger.financingsOf(api, who)).filter((f) => f.financier === who).map((f) => f.note);
    const mine = notes.filter((n) => n.holder === who).map((n) => n.id);
    const seen = rememberNotes(who, mine);
    const gone = [...new Set([...seen, ...financed])].filter((id) => !notes.some((n) => n.id === id)).slice(-100);
    const olds = await Promise.all(gone.map((id) => ledger.note(api, id).catch(() => null)));
    return olds.filter((n): n is ledger.Note => !!n && n.state === 'redeemed' && n.holder === who);
  }, [who, notes], [] as ledger.Note[], { enabled: !!who && loaded, key: who });

  if (!who) return null;
  return (
    <div class="view supplier">
      <NotesTable notes={loaded ? notes : null} who={who} selected={selected} onSelect={setSelected} />
      {selected !== null && notes?.some((n) => n.id === selected) && (
        <NotePanel note={notes.find((n) => n.id === selected)!} who={who} />
      )}
      <PaidNotes notes={paid} />
      <MyObligations who={who} />
    </div>
  );
}
