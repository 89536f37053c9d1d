// What Cascade's RPC answers, as JSON: the serde forms of the runtime API's read types. Accounts
// are SS58 strings; balances and asset ids decimal strings (they may exceed 2^53); ids, counts,
// rates (parts per million a year) and times (ms since the epoch) are numbers.
//
// Hand-written from the Rust types (pallets/receivables/runtime-api) until those types emit a
// schema this file is generated from (issue 26, item 1): keep each field as the Rust side names it.

/** A decimal string: a balance or an asset id. */
export type Decimal = string;

export type NoteStateName = 'pending' | 'active' | 'pledged' | 'frozen' | 'redeemed' | 'consumed';

export interface Note {
  id: number;
  receivable: number;
  parent: number | null;
  depth: number;
  holder: string;
  amount: Decimal;
  paid: Decimal;
  state: NoteStateName;
  /** The account a pending note is offered to, else null. */
  pendingTo: string | null;
  /** A pledged note's financing, else null. */
  financing: number | null;
}

export type ReceivableStatus = 'pending' | 'active' | 'repaid' | 'settled' | 'cancelled' | 'overdue';

export interface Receivable {
  id: number;
  issuer: string;
  asset: Decimal;
  face: Decimal;
  issuedAt: number;
  maturity: number;
  creditLine: number;
  /** The invoice's BLAKE2-256 hash (0x…). */
  docHash: string;
  invoiceRef: string;
  status: ReceivableStatus;
  repaid: Decimal;
  outstanding: Decimal;
  paidOut: Decimal;
  root: number;
  notesLeft: number;
  clearing: boolean;
  /** The receivable's escrow account and what it holds. */
  escrow: string;
  escrowBalance: Decimal;
}

export interface Line {
  id: number;
  financier: string;
  asset: Decimal;
  limit: Decimal;
  used: Decimal;
  available: Decimal;
  expiresAt: number;
  revoked: boolean;
}

export interface Exposure {
  core: string;
  outstanding: { asset: Decimal; amount: Decimal }[];
  receivables: number;
  creditLines: Line[];
  /** False when the core has more lines than one answer holds (read them with linesOf). */
  complete: boolean;
}

export interface Quote {
  note: number;
  obligor: string;
  asset: Decimal;
  amount: Decimal;
  annualRate: number;
  now: number;
  maturity: number;
  days: number;
  interest: Decimal;
  disbursed: Decimal;
  financeable: boolean;
}

export interface Claim {
  financing: number;
  debtor: string;
  creditor: string;
  amount: Decimal;
  /** The note held as the creditor's security; null once it is paid out, or at blocks before
   * ReceivablesApi version 3. */
  security?: number | null;
}

export type FinancingKind = { factoring: { recourse: boolean } } | 'pledge';

export type FinancingStatus = 'open' | 'loanRepaid' | 'redeemed' | 'recourseSettled' | 'claimed' | 'soldOn' | 'called';

export interface Financing {
  id: number;
  kind: FinancingKind;
  financier: string;
  /** The seller (factoring) or the borrower (pledge). */
  seller: string;
  note: number;
  receivable: number;
  amount: Decimal;
  disbursed: Decimal;
  interest: Decimal;
  annualRate: number;
  startedAt: number;
  maturity: number;
  program: number | null;
  status: FinancingStatus;
}

export interface Program {
  id: number;
  financier: string;
  core: string;
  asset: Decimal;
  annualRate: number;
  budget: Decimal;
  outstanding: Decimal;
  expiresAt: number;
  closed: boolean;
}

export interface Request {
  id: number;
  holder: string;
  financier: string;
  note: number;
  kind: FinancingKind;
  annualRate: number;
  createdAt: number;
}

/** One page of a list: pass `next` back as the cursor until it is null. */
export interface Page<T> {
  items: T[];
  next: string | null;
}
