// Reading the ledger: Cascade's RPC methods typed (types.ts), lists in pages, what a call would do
// asked of the runtime (can_issue), and the few storage items that have no RPC (enterprises, asset
// metadata, balances). One place decodes the chain's codecs; callers get plain objects.
import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import type { DispatchError } from '@polkadot/types/interfaces';
import { rawCall } from './connect.js';
import { MAX_PAGE, type ListMethod } from './rpc.js';
import { dispatchErrorOf, type TxError } from './tx.js';
import type { Attestation, Claim, Exposure, Financing, FinancingKind, Line, Note, Page, Program, ProgramQuote, Quote, Receivable, Request } from './types.js';

/** A whole-object RPC method, answered as JSON (null where the node answers null). */
async function json<T>(api: ApiPromise, method: string, params: unknown[]): Promise<T> {
  return rawCall<T>(api, `cascade_${method}`, params);
}

/**
 * The pages of a list (`cascade_tree(receivable)`, `cascade_notesOf(account)`, …), `limit` items a
 * page, at the best block or at `at`: a page is read only when the previous one has been used.
 */
export async function* pages<T>(
  api: ApiPromise,
  method: ListMethod,
  subject: string | number,
  { limit = MAX_PAGE, at = null }: { limit?: number; at?: string | null } = {},
): AsyncGenerator<T[], void, undefined> {
  let cursor: string | null = null;
  do {
    const page: Page<T> = await rawCall<Page<T>>(api, method, [subject, at, { cursor, limit }]);
    yield page.items;
    cursor = page.next;
  } while (cursor);
}

/** One page of a list, from `cursor` (null: the first). */
export function page<T>(
  api: ApiPromise,
  method: ListMethod,
  subject: string | number,
  cursor: string | null,
  limit = MAX_PAGE,
  at: string | null = null,
): Promise<Page<T>> {
  return rawCall<Page<T>>(api, method, [subject, at, { cursor, limit }]);
}

/** Every item of a list, read page by page (for lists known to be bounded). */
export async function readAll<T>(api: ApiPromise, method: ListMethod, subject: string | number, limit = MAX_PAGE): Promise<T[]> {
  const all: T[] = [];
  for await (const items of pages<T>(api, method, subject, { limit })) all.push(...items);
  return all;
}

export const receivable = (api: ApiPromise, id: number): Promise<Receivable | null> => json(api, 'receivable', [id]);
export const note = (api: ApiPromise, id: number): Promise<Note | null> => json(api, 'note', [id]);
export const lineage = (api: ApiPromise, id: number): Promise<Note[]> => json(api, 'lineage', [id]);
export const exposure = (api: ApiPromise, core: string): Promise<Exposure> => json(api, 'exposure', [core]);
/** What financing `note` at `annualRate` (ppm a year) pays now; null for a note that is not there. */
export const quote = (api: ApiPromise, noteId: number, annualRate: number): Promise<Quote | null> =>
  json(api, 'quote', [noteId, annualRate]);

/** `who`'s attestations (tier, green grade), each with whether it counts now. */
export const attestationsOf = (api: ApiPromise, who: string): Promise<Attestation[]> => json(api, 'attestationsOf', [who]);
/** What financing `note` through `program` as `kind` would be now for its holder (null: no such note or program). */
export const programQuote = (api: ApiPromise, noteId: number, program: number, kind: FinancingKind): Promise<ProgramQuote | null> =>
  json<ProgramQuote>(api, 'programQuote', [noteId, program, kind]).catch((e: { code?: number }) => {
    if (e?.code === 4040) return null;
    throw e;
  });

/** Every note `who` holds or is offered, read a page at a time. */
export const notesOf = (api: ApiPromise, who: string): Promise<Note[]> => readAll(api, 'cascade_notesOf', who);
export const claimsOf = (api: ApiPromise, who: string): Promise<Claim[]> => readAll(api, 'cascade_claimsOf', who);
export const financingsOf = (api: ApiPromise, who: string): Promise<Financing[]> => readAll(api, 'cascade_financingsOf', who);
export const programsOf = (api: ApiPromise, financier: string): Promise<Program[]> => readAll(api, 'cascade_programsOf', financier);
export const requestsOf = (api: ApiPromise, who: string): Promise<Request[]> => readAll(api, 'cascade_requestsOf', who);
export const linesOf = (api: ApiPromise, core: string): Promise<Line[]> => readAll(api, 'cascade_linesOf', core);

/** The notes of a receivable if there are at most `max` (a picture of more says nothing): null otherwise. */
export async function tree(api: ApiPromise, receivable: number, max = 200): Promise<Note[] | null> {
  const first = await page<Note>(api, 'cascade_tree', receivable, null, max);
  return first.next ? null : first.items;
}

/** A runtime API method by its JSON name, or undefined when the node's runtime has none. */
function runtimeCall(api: ApiPromise, section: string, method: string): ((...args: unknown[]) => Promise<Codec>) | undefined {
  const calls = api.call as unknown as Record<string, Record<string, ((...args: unknown[]) => Promise<Codec>) | undefined> | undefined>;
  return calls[section]?.[method];
}

interface OptionCodec<T> extends Codec {
  isSome: boolean;
  unwrap(): T;
}
interface BalanceCodec extends Codec {
  toBigInt(): bigint;
}
interface ResultCodec extends Codec {
  isOk: boolean;
  asErr: DispatchError;
}

/** What `repay_loan(financing)` would debit its borrower now (principal and interest to today),
 * from the runtime (ReceivablesApi version 3); null if it is not an open pledge loan, or the
 * node's runtime is older. */
export async function repayment(api: ApiPromise, financing: number): Promise<bigint | null> {
  const call = runtimeCall(api, 'receivablesApi', 'repayment');
  if (!call) return null;
  const owed = (await call(financing)) as OptionCodec<BalanceCodec>;
  return owed.isSome ? owed.unwrap().toBigInt() : null;
}

/** The arguments of `receivables.issue`, as `can_issue` takes them with the issuer first. */
export interface IssueArgs {
  issuer: string;
  supplier: string;
  asset: number | bigint;
  face: bigint;
  maturity: number;
  creditLine: number;
  invoiceRef: string;
}

/** What `issue` with these arguments would do now, asked of the runtime (its own checks, run and
 * rolled back): `{ ok: true }`, or the error it would fail with. Null if the runtime cannot say. */
export async function canIssue(api: ApiPromise, a: IssueArgs): Promise<{ ok: true } | { ok: false; error: TxError } | null> {
  const call = runtimeCall(api, 'receivablesApi', 'canIssue');
  if (!call) return null;
  const r = (await call(a.issuer, a.supplier, a.asset, a.face, a.maturity, a.creditLine, a.invoiceRef)) as ResultCodec;
  return r.isOk ? { ok: true } : { ok: false, error: dispatchErrorOf(api, r.asErr) };
}

/** A registered enterprise (a consortium's members: tens to hundreds, read whole). */
export interface Enterprise {
  address: string;
  name: string;
  creditCode: string;
  roles: { core: boolean; supplier: boolean; financier: boolean };
  status: 'Active' | 'Suspended';
}

interface EnterpriseCodec extends Codec {
  name: Codec & { toUtf8(): string };
  creditCode: Codec & { toU8a(bare?: boolean): Uint8Array };
  roles: { core: { isTrue: boolean }; supplier: { isTrue: boolean }; financier: { isTrue: boolean } };
  status: { type: 'Active' | 'Suspended' };
}

export async function enterprises(api: ApiPromise): Promise<Enterprise[]> {
  const entries = await api.query.enterprises.enterprises.entries();
  return entries.map(([key, value]) => {
    const e = (value as OptionCodec<EnterpriseCodec>).unwrap();
    return {
      address: key.args[0].toString(),
      name: e.name.toUtf8(),
      creditCode: new TextDecoder().decode(e.creditCode.toU8a(true)),
      roles: { core: e.roles.core.isTrue, supplier: e.roles.supplier.isTrue, financier: e.roles.financier.isTrue },
      status: e.status.type,
    };
  });
}

/** An asset's symbol and decimals, from the chain's asset metadata. */
export async function assetUnit(api: ApiPromise, asset: number): Promise<{ symbol: string; decimals: number }> {
  const m = (await api.query.assets.metadata(asset)) as unknown as {
    symbol: { toUtf8(): string };
    decimals: { toNumber(): number };
  };
  return { symbol: m.symbol.toUtf8(), decimals: m.decimals.toNumber() };
}

/** An account's balance of `asset`, in minor units. */
export async function balanceOf(api: ApiPromise, asset: number, who: string): Promise<bigint> {
  const acc = (await api.query.assets.account(asset, who)) as OptionCodec<{ balance: BalanceCodec }>;
  return acc.isSome ? acc.unwrap().balance.toBigInt() : 0n;
}

/** The receivables pallet's parameters (minimum note, longest tenor, …) as numbers and bigints. */
export async function receivablesParams(api: ApiPromise): Promise<{ minNoteAmount: bigint; maxTenor: number }> {
  const p = (await api.query.receivables.params()) as unknown as {
    minNoteAmount: BalanceCodec;
    maxTenor: { toNumber(): number };
  };
  return { minNoteAmount: p.minNoteAmount.toBigInt(), maxTenor: p.maxTenor.toNumber() };
}

/** The chain's clock (pallet_timestamp, ms) at the best block. */
export async function chainTime(api: ApiPromise): Promise<number> {
  return ((await api.query.timestamp.now()) as unknown as { toNumber(): number }).toNumber();
}
