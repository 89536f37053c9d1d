// Cascade's custom JSON-RPC methods, for `ApiPromise.create({ rpc })` (connect() passes them).
// Results are JSON objects: accounts in SS58, amounts as decimal strings (types.ts).
//
// Lists (cascade_notesOf, cascade_tree, cascade_claimsOf, cascade_financingsOf,
// cascade_programsOf, cascade_requestsOf, cascade_receivablesOf, cascade_linesOf) take an optional page after `at`:
// { cursor: '0x…' | null, limit: n } (at most 1,000 items a page), and then answer
// { items: [...], next: '0x…' | null }; pass `next` back as the cursor until it is null (read.ts
// does: `pages`, `readAll`). Without a page they answer the whole list as an array when it fits in
// one page, and otherwise an error (code 4130) naming the paged form. The decorated methods below
// are the whole forms.
import type { DefinitionRpc } from '@polkadot/types/types';

const at = { name: 'at', type: 'Hash', isOptional: true };

export const rpc: Record<string, Record<string, DefinitionRpc>> = {
  cascade: {
    receivable: {
      description: 'A receivable by id',
      params: [{ name: 'id', type: 'u64' }, at],
      type: 'Json',
    },
    note: {
      description: 'A note by id',
      params: [{ name: 'id', type: 'u64' }, at],
      type: 'Json',
    },
    notesOf: {
      description: 'The live notes an account holds and the notes offered to it',
      params: [{ name: 'account', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    lineage: {
      description: 'The notes from the given one up to the root, inclusive',
      params: [{ name: 'note', type: 'u64' }, at],
      type: 'Vec<Json>',
    },
    tree: {
      description: 'Every note of a receivable, with parents',
      params: [{ name: 'receivable', type: 'u64' }, at],
      type: 'Vec<Json>',
    },
    exposure: {
      description: "A core enterprise's outstanding receivables per asset and its credit lines",
      params: [{ name: 'core', type: 'Text' }, at],
      type: 'Json',
    },
    quote: {
      description: 'What financing a note at annual_rate (parts per million a year) pays now',
      params: [{ name: 'note', type: 'u64' }, { name: 'annualRate', type: 'u32' }, at],
      type: 'Json',
    },
    claimsOf: {
      description: 'The claims (recourse, called pledge loans) an account owes or is owed',
      params: [{ name: 'account', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    financingsOf: {
      description: "An account's financings, as financier and as seller or borrower",
      params: [{ name: 'account', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    programsOf: {
      description: "A financier's financing programs",
      params: [{ name: 'financier', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    requestsOf: {
      description: 'The financing requests waiting for an answer that an account made or must answer',
      params: [{ name: 'account', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    receivablesOf: {
      description: 'The receivables an issuer issued, settled and cancelled ones included',
      params: [{ name: 'issuer', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    linesOf: {
      description: "A core enterprise's credit lines",
      params: [{ name: 'core', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    attestationsOf: {
      description: "An enterprise's attestations (tier, green grade), each with whether it counts now",
      params: [{ name: 'account', type: 'Text' }, at],
      type: 'Vec<Json>',
    },
    programQuote: {
      description: "What financing a note through a program would be now for the note's holder, priced by its grades",
      params: [{ name: 'note', type: 'u64' }, { name: 'program', type: 'u64' }, { name: 'kind', type: 'Json' }, at],
      type: 'Json',
    },
  },
};

/** The list methods that answer in pages, by their JSON-RPC names. */
export type ListMethod =
  | 'cascade_notesOf'
  | 'cascade_tree'
  | 'cascade_claimsOf'
  | 'cascade_financingsOf'
  | 'cascade_programsOf'
  | 'cascade_requestsOf'
  | 'cascade_receivablesOf'
  | 'cascade_linesOf';

/** The most items one page may hold (the node refuses more). */
export const MAX_PAGE = 1_000;
