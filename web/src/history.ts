// The ledger's history, from the indexer (cascade-indexer's HTTP service) when the page was given
// its address (`?indexer=http://…`; scripts/dev.sh opens the page with it): paid notes, the
// statement, the maturity ladder. Without it the page works from the chain alone and says that
// history is unavailable. What the indexer answers is history for reading; nothing is signed from
// it (a transaction is always checked against the chain).

/** The indexer's address from `?indexer=`, or null. Only http(s) addresses are taken. */
export function indexerUrl(): string | null {
  const param = new URLSearchParams(location.search).get('indexer');
  if (!param) return null;
  try {
    const url = new URL(param);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

async function get<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`indexer ${path}: ${res.status}`);
  return res.json() as Promise<T>;
}

/** A note as the indexer shows it (amounts in minor units as decimal strings). */
export interface IndexedNote {
  id: number;
  receivable: number;
  holder: string;
  amount: string;
  paid: string;
  state: string;
  maturity: number;
  issuer: string;
  invoiceRef: string;
  updatedBlock: number;
}

export interface IndexedPage<T> {
  items: T[];
  next: string | null;
}

/** The notes `who` held when they were paid, one page (newest first). */
export function paidNotes(base: string, who: string, limit = 50, cursor: string | null = null): Promise<IndexedPage<IndexedNote>> {
  const c = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return get(base, `/accounts/${who}/notes?status=paid&order=desc&limit=${limit}${c}`);
}

/** Amounts per week from the week of the indexer's last block (see the indexer's ladder.rs). */
export interface Rungs {
  earlier: string;
  weeks: string[];
  later: string;
  total: string;
}

export interface Ladder {
  asOf: number;
  weeks: number[];
  owes: Rungs;
  toBePaid: Rungs;
  exposure: (Rungs & { core: string })[];
}

export function ladder(base: string, who: string, weeks = 12): Promise<Ladder> {
  return get(base, `/accounts/${who}/ladder?weeks=${weeks}`);
}

/** Where the statement of `who` between two chain times (ms) downloads from. */
export function statementUrl(base: string, who: string, from: number, to: number, format: 'csv' | 'json'): string {
  return `${base}/statement/${who}?from=${from}&to=${to}&format=${format}`;
}

/** The indexer's state: how far it is, and whether its last reconciliation with the chain agreed. */
export interface Health {
  ok: boolean;
  finalized: number;
  indexed: number | null;
}

export async function health(base: string): Promise<Health> {
  const res = await fetch(`${base}/health`);
  return res.json() as Promise<Health>;
}
