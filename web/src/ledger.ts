// What the page reads from the ledger: the shared readers and read types of @cascade/api (the
// RPC's answers), and which programs could finance a note — read from the programs of each
// financier enterprise (cascade_programsOf, a page at a time), never the whole programs map.
import type { ApiPromise } from '@polkadot/api';
import type { Program } from '@cascade/api';
import { programsOf } from '@cascade/api';

export * from '@cascade/api';

/** The programs of `financiers` (addresses), in id order. */
export async function programsOfFinanciers(api: ApiPromise, financiers: string[]): Promise<Program[]> {
  const all = await Promise.all(financiers.map((f) => programsOf(api, f)));
  return all.flat().sort((a, b) => a.id - b.id);
}

/**
 * The programs that could finance a note of `obligor` in `asset` now: open and unexpired. Whether
 * the budget covers the price is for the quote to say (the budget left must cover what is paid).
 */
export function programsFor(all: Program[], obligor: string, asset: string, now: number): Program[] {
  return all.filter((p) => !p.closed && p.core === obligor && p.asset === asset && p.expiresAt > now);
}
