// What the page reads from the ledger: the shared readers and read types of @cascade/api (the
// RPC's answers), and the two reads the RPC does not offer yet — every program (a supplier looks
// for the programs of its note's core) and a core's receivables (through the issuer index).
import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import type { Program, Receivable } from '@cascade/api';
import { receivable } from '@cascade/api';

export * from '@cascade/api';

interface ProgramCodec extends Codec {
  financier: Codec;
  core: Codec;
  asset: Codec;
  annualRate: { toNumber(): number };
  budget: Codec;
  outstanding: Codec;
  expiresAt: Codec;
  closed: { isTrue: boolean };
}

/** Every program, in the RPC's shape (cascade_programsOf lists one financier's). */
export async function allPrograms(api: ApiPromise): Promise<Program[]> {
  const entries = await api.query.financing.programs.entries();
  return entries.map(([key, value]) => {
    const p = (value as unknown as { unwrap(): ProgramCodec }).unwrap();
    return {
      id: Number(key.args[0].toString()),
      financier: p.financier.toString(),
      core: p.core.toString(),
      asset: p.asset.toString(),
      annualRate: p.annualRate.toNumber(),
      budget: p.budget.toString(),
      outstanding: p.outstanding.toString(),
      // u64::MAX (no expiry) is past 2^53: as a float, as the RPC's JSON gives it.
      expiresAt: Number(p.expiresAt.toString()),
      closed: p.closed.isTrue,
    };
  }).sort((a, b) => a.id - b.id);
}

/** The receivables a core issued (newest first), from the issuer index. */
export async function receivablesOf(api: ApiPromise, core: string): Promise<Receivable[]> {
  const keys = await api.query.receivables.receivablesByIssuer.keys(core);
  const ids = keys.map((k) => Number(k.args[1].toString())).sort((a, b) => b - a);
  const all = await Promise.all(ids.map((id) => receivable(api, id)));
  return all.filter((r): r is Receivable => r !== null);
}

/**
 * The programs that could finance a note of `obligor` in `asset` now: open and unexpired. Whether
 * the budget covers the price is for the quote to say (the budget left must cover what is paid).
 */
export function programsFor(all: Program[], obligor: string, asset: string, now: number): Program[] {
  return all.filter((p) => !p.closed && p.core === obligor && p.asset === asset && p.expiresAt > now);
}
