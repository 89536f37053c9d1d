// What a block changed, as far as the page's lists are concerned: the accounts and the ledger ids
// (receivable, note, financing, program, request, line) that its Cascade events name. A list is
// read again at a block only when the block names its subject or one of the items it shows; one
// read of the block's events (bounded by the block, not by the ledger) replaces a read of every
// list at every block. Where the page cannot know what changed — the first block, a gap or a
// re-organisation in the heads it saw, a runtime upgrade, events it could not read — and every
// REFRESH_EVERY blocks whatever happened, everything is read again.
import type { ApiPromise } from '@polkadot/api';
import { rawCall } from '@cascade/api';
import { decodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

export interface BlockChanges {
  block: number;
  /** Read everything again. */
  all: boolean;
  /** Accounts the block's Cascade events name (as 0x-hex public keys). */
  accounts: Set<string>;
  /** Ledger ids they name, each with its kind: `note:7`, `receivable:3` (see `id`). */
  ids: Set<string>;
  /** Pallets whose events the block has (`enterprises`, `receivables`, `financing`). */
  sections: Set<string>;
}

/** Every list is read again at least this often (blocks). */
export const REFRESH_EVERY = 20;
const LEDGER = new Set(['enterprises', 'receivables', 'financing']);
const ID = /\b(Note|Receivable|Financing|Program|Request|Line)Id\b/;

/** The kinds of ledger id an event names. */
export type IdKind = 'note' | 'receivable' | 'financing' | 'program' | 'request' | 'line';
/** A ledger id as `BlockChanges.ids` holds it. */
export const id = (kind: IdKind, n: number): string => `${kind}:${n}`;

export const everything = (block: number): BlockChanges =>
  ({ block, all: true, accounts: new Set(), ids: new Set(), sections: new Set() });

/** An address (SS58 or hex) as the hex public key `BlockChanges.accounts` holds, or null. */
export function accountKey(address: string): string | null {
  try {
    return u8aToHex(decodeAddress(address));
  } catch {
    return null;
  }
}

/** Whether the block names `address`. */
export function names(c: BlockChanges, address: string): boolean {
  const key = accountKey(address);
  return key !== null && c.accounts.has(key);
}

/** Whether a list of `subject` showing items with these ids must be read again at this block. */
export function touches(c: BlockChanges, subject: string | null, ids: Iterable<string>): boolean {
  if (c.all || (subject !== null && names(c, subject))) return true;
  for (const id of ids) if (c.ids.has(id)) return true;
  return false;
}

/** Every leaf of a JSON value. */
function leaves(v: unknown, out: unknown[]): unknown[] {
  if (Array.isArray(v)) v.forEach((x) => leaves(x, out));
  else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => leaves(x, out));
  else out.push(v);
  return out;
}

/**
 * What block `number` (hash `hash`) changed, read from its events. `all` when the caller saw a
 * gap before it, at every REFRESH_EVERY-th block, at a runtime upgrade, or when the events cannot
 * be read.
 */
export async function changesAt(api: ApiPromise, hash: string, number: number, gap: boolean): Promise<BlockChanges> {
  if (gap || number % REFRESH_EVERY === 0) return everything(number);
  let records;
  try {
    // The raw value, decoded with the page's registry: one request (the decorated form would
    // also fetch the block's header and runtime version).
    const raw = await rawCall<string | null>(api, 'state_getStorage', [api.query.system.events.key(), hash]);
    records = api.registry.createType('Vec<FrameSystemEventRecord>', raw ?? '0x00');
  } catch (e) {
    console.error('events of block', number, 'not read:', e);
    return everything(number);
  }
  const c: BlockChanges = { block: number, all: false, accounts: new Set(), ids: new Set(), sections: new Set() };
  for (const { event } of records as unknown as Array<{ event: { section: string; method: string; data: Array<{ toJSON(): unknown }>; meta: { fields: Array<{ typeName: { isSome: boolean; unwrap(): { toString(): string } } }> } } }>) {
    if (event.section === 'system' && event.method === 'CodeUpdated') return everything(number);
    if (!LEDGER.has(event.section)) continue;
    c.sections.add(event.section);
    event.data.forEach((value, i) => {
      const typeName = event.meta.fields[i]?.typeName;
      const type = typeName?.isSome ? typeName.unwrap().toString() : '';
      if (type.includes('AccountId')) {
        for (const leaf of leaves(value.toJSON(), [])) {
          const key = typeof leaf === 'string' ? accountKey(leaf) : null;
          if (key) c.accounts.add(key);
        }
      } else {
        const kind = ID.exec(type)?.[1].toLowerCase() as IdKind | undefined;
        if (!kind) return;
        for (const leaf of leaves(value.toJSON(), [])) {
          const n = typeof leaf === 'number' ? leaf : typeof leaf === 'string' && /^\d+$/.test(leaf) ? Number(leaf) : null;
          if (n !== null) c.ids.add(id(kind, n));
        }
      }
    });
  }
  return c;
}

/** Whether the block has any ledger event (for sums over many items: an exposure, a programme). */
export const ledgerMoved = (c: BlockChanges): boolean =>
  c.all || c.sections.has('receivables') || c.sections.has('financing') || c.sections.has('enterprises');

/** What a note on a page reads from: itself and its receivable. */
export const noteIds = (n: { id: number; receivable: number }): string[] => [id('note', n.id), id('receivable', n.receivable)];
/** What a financing on a page reads from: itself, its note and the note's receivable. */
export const financingIds = (f: { id: number; note: number; receivable: number }): string[] =>
  [id('financing', f.id), id('note', f.note), id('receivable', f.receivable)];
