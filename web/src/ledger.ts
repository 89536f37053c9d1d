// What the page reads from the ledger: Cascade's RPC (notes, trees, quotes, exposure, claims) and
// the pallets' storage for what has no RPC yet (enterprises, programs, requests, financings).
import type { ApiPromise } from '@polkadot/api';
import { rawCall } from './chain';

export interface Note {
  id: number;
  receivable: number;
  parent: number | null;
  depth: number;
  holder: string;
  amount: string;
  paid: string;
  state: 'pending' | 'active' | 'pledged' | 'frozen' | 'redeemed' | 'consumed';
  pendingTo: string | null;
  financing: number | null;
}

export interface Receivable {
  id: number;
  issuer: string;
  asset: string;
  face: string;
  issuedAt: number;
  maturity: number;
  creditLine: number;
  invoiceRef: string;
  status: 'pending' | 'active' | 'repaid' | 'settled' | 'cancelled' | 'overdue';
  repaid: string;
  outstanding: string;
  paidOut: string;
  root: number;
  notesLeft: number;
  clearing: boolean;
}

export interface Line {
  id: number;
  financier: string;
  asset: string;
  limit: string;
  used: string;
  available: string;
  expiresAt: number;
  revoked: boolean;
}

export interface Exposure {
  core: string;
  outstanding: { asset: string; amount: string }[];
  receivables: number;
  creditLines: Line[];
}

export interface Quote {
  note: number;
  obligor: string;
  amount: string;
  annualRate: number;
  now: number;
  maturity: number;
  days: number;
  interest: string;
  disbursed: string;
  financeable: boolean;
}

export interface Claim {
  financing: number;
  debtor: string;
  creditor: string;
  amount: string;
  /** The note held as the creditor's security (pledged to the financing until the claim is
   * paid); null once the note is paid out, or at blocks before ReceivablesApi version 3. */
  security?: number | null;
}

export interface Enterprise {
  address: string;
  name: string;
  creditCode: string;
  roles: { core: boolean; supplier: boolean; financier: boolean };
  status: 'Active' | 'Suspended';
}

export interface Program {
  id: number;
  financier: string;
  core: string;
  asset: number;
  annualRate: number;
  budget: bigint;
  outstanding: bigint;
  expiresAt: bigint;
  closed: boolean;
}

export interface Request {
  id: number;
  holder: string;
  financier: string;
  note: number;
  kind: FinancingKind;
  annualRate: number;
}

export type FinancingKind = { factoring: { recourse: boolean } } | { pledge: null };

export interface Financing {
  id: number;
  kind: FinancingKind;
  financier: string;
  seller: string;
  note: number;
  receivable: number;
  amount: bigint;
  disbursed: bigint;
  interest: bigint;
  annualRate: number;
  maturity: number;
  program: number | null;
  status: string;
}

const cascade = (api: ApiPromise) => (api.rpc as any).cascade;

/** One page of a list (cascade_notesOf, cascade_tree asked with a page): raw JSON from the node. */
interface ListPage<T> {
  items: T[];
  next: string | null;
}

/** Every note `who` holds or is offered, read 1,000 a page (a list is never read at once). */
export async function notesOf(api: ApiPromise, who: string): Promise<Note[]> {
  const notes: Note[] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage<Note> = await rawCall<ListPage<Note>>(api, 'cascade_notesOf', [who, null, { cursor, limit: 1_000 }]);
    notes.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return notes;
}

export async function note(api: ApiPromise, id: number): Promise<Note> {
  return (await cascade(api).note(id)).toJSON() as Note;
}

export async function receivable(api: ApiPromise, id: number): Promise<Receivable> {
  return (await cascade(api).receivable(id)).toJSON() as Receivable;
}

/** The notes of a receivable, if there are at most `max` (a picture of more says nothing). */
export async function tree(api: ApiPromise, id: number, max = 200): Promise<Note[] | null> {
  const page = await rawCall<ListPage<Note>>(api, 'cascade_tree', [id, null, { limit: max }]);
  return page.next ? null : page.items;
}

export async function exposure(api: ApiPromise, core: string): Promise<Exposure> {
  return (await cascade(api).exposure(core)).toJSON() as Exposure;
}

export async function quote(api: ApiPromise, noteId: number, annualRate: number): Promise<Quote> {
  return (await cascade(api).quote(noteId, annualRate)).toJSON() as Quote;
}

/** What `repay_loan(financing)` would debit its borrower now (principal and interest to today),
 * asked of the runtime (ReceivablesApi.repayment, version 3); null if it is not an open pledge
 * loan, or the node's runtime is older. */
export async function repayment(api: ApiPromise, financing: number): Promise<bigint | null> {
  const call = (api.call as Record<string, Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>>)
    .receivablesApi?.repayment;
  if (!call) return null;
  const owed = (await call(financing)) as { isSome: boolean; unwrap(): { toBigInt(): bigint } };
  return owed.isSome ? owed.unwrap().toBigInt() : null;
}

export async function claimsOf(api: ApiPromise, who: string): Promise<Claim[]> {
  return (await cascade(api).claimsOf(who)).toJSON() as Claim[];
}

/** Every registered enterprise (a consortium's members: tens to hundreds). */
export async function enterprises(api: ApiPromise): Promise<Enterprise[]> {
  const entries = await api.query.enterprises.enterprises.entries();
  return entries.map(([key, value]) => {
    const e = (value as any).unwrap();
    return {
      address: key.args[0].toString(),
      name: e.name.toUtf8(),
      creditCode: e.creditCode.toU8a ? new TextDecoder().decode(e.creditCode.toU8a()) : String(e.creditCode),
      roles: { core: e.roles.core.isTrue, supplier: e.roles.supplier.isTrue, financier: e.roles.financier.isTrue },
      status: e.status.type,
    };
  });
}

export async function programs(api: ApiPromise): Promise<Program[]> {
  const entries = await api.query.financing.programs.entries();
  return entries.map(([key, value]) => {
    const p = (value as any).unwrap();
    return {
      id: (key.args[0] as any).toNumber(),
      financier: p.financier.toString(),
      core: p.core.toString(),
      asset: p.asset.toNumber(),
      annualRate: p.annualRate.toNumber(),
      budget: p.budget.toBigInt(),
      outstanding: p.outstanding.toBigInt(),
      expiresAt: p.expiresAt.toBigInt(),
      closed: p.closed.isTrue,
    };
  }).sort((a, b) => a.id - b.id);
}

function kindOf(k: any): FinancingKind {
  return k.isPledge ? { pledge: null } : { factoring: { recourse: k.asFactoring.recourse.isTrue } };
}

export async function requests(api: ApiPromise): Promise<Request[]> {
  const entries = await api.query.financing.requests.entries();
  return entries.map(([key, value]) => {
    const r = (value as any).unwrap();
    return {
      id: (key.args[0] as any).toNumber(),
      holder: r.holder.toString(),
      financier: r.financier.toString(),
      note: r.note.toNumber(),
      kind: kindOf(r.kind),
      annualRate: r.annualRate.toNumber(),
    };
  }).sort((a, b) => a.id - b.id);
}

export async function financings(api: ApiPromise): Promise<Financing[]> {
  const entries = await api.query.financing.financings.entries();
  return entries.map(([key, value]) => {
    const f = (value as any).unwrap();
    return {
      id: (key.args[0] as any).toNumber(),
      kind: kindOf(f.kind),
      financier: f.financier.toString(),
      seller: f.seller.toString(),
      note: f.note.toNumber(),
      receivable: f.receivable.toNumber(),
      amount: f.amount.toBigInt(),
      disbursed: f.disbursed.toBigInt(),
      interest: f.interest.toBigInt(),
      annualRate: f.annualRate.toNumber(),
      maturity: f.maturity.toNumber(),
      program: f.program.isSome ? f.program.unwrap().toNumber() : null,
      status: f.status.type,
    };
  }).sort((a, b) => a.id - b.id);
}

/** The receivables a core issued (newest first), from the issuer index. */
export async function receivablesOf(api: ApiPromise, core: string): Promise<Receivable[]> {
  const keys = await api.query.receivables.receivablesByIssuer.keys(core);
  const ids = keys.map((k) => (k.args[1] as any).toNumber()).sort((a, b) => b - a);
  return Promise.all(ids.map((id) => receivable(api, id)));
}

/**
 * The programs that could finance a note of `obligor` in `asset` now: open and unexpired. Whether
 * the budget covers the price is for the quote to say (the budget left must cover what is paid).
 */
export function programsFor(all: Program[], obligor: string, asset: number, now: number): Program[] {
  return all.filter((p) => !p.closed && p.core === obligor && p.asset === asset && p.expiresAt > BigInt(now));
}

/** The settlement asset's unit (symbol, decimals) from the chain's asset metadata. */
export async function assetUnit(api: ApiPromise, asset: number): Promise<{ symbol: string; decimals: number }> {
  const m = (await api.query.assets.metadata(asset)) as any;
  return { symbol: m.symbol.toUtf8(), decimals: m.decimals.toNumber() };
}

/** An asset balance in minor units. */
export async function balanceOf(api: ApiPromise, asset: number, who: string): Promise<bigint> {
  const acc = (await api.query.assets.account(asset, who)) as any;
  return acc.isSome ? acc.unwrap().balance.toBigInt() : 0n;
}
