// The Operator's work goes through the council (no sudo): a motion, carried, runs its call with
// the Operator's origin. On the dev chain Alice is a council of one, so a motion of threshold 1
// is carried at once.
import type { ApiPromise } from '@polkadot/api';
import type { AddressOrPair, SubmittableExtrinsic } from '@polkadot/api/types';
import type { Call, DispatchError } from '@polkadot/types/interfaces';
import type { Codec } from '@polkadot/types/types';
import { errorName, eventOf, ok, type Submitted } from './tx.js';

/**
 * Propose `call` with threshold 1 and require the motion to be executed at once (the signer is
 * the council of one). Resolves with the carried call's outcome: `ok`, `error` as "pallet.Variant".
 */
export async function propose(api: ApiPromise, call: SubmittableExtrinsic<'promise'>, signer: AddressOrPair): Promise<Submitted> {
  const r = await ok(api, api.tx.council.propose(1, call, call.encodedLength), signer);
  const executed = eventOf(r.events, 'council', 'Executed');
  if (!executed) throw new Error('the motion was not executed at once (is the signer the council of one?)');
  const result = executed.data.result as { isOk: boolean; isErr: boolean; asErr: DispatchError };
  return { ...r, ok: result.isOk, error: result.isErr ? errorName(api, result.asErr) : null };
}

/** The Operator's call through a council of one; requires the call to succeed. */
export async function asOperator(api: ApiPromise, call: SubmittableExtrinsic<'promise'>, signer: AddressOrPair): Promise<Submitted> {
  const r = await propose(api, call, signer);
  if (!r.ok) throw new Error(`the Operator's call failed: ${r.error}`);
  return r;
}

/** A council motion waiting for votes. */
export interface Motion {
  hash: string;
  index: number;
  /** `section.method([args])`, or the hash when the proposal is not stored. */
  call: string;
  threshold: number;
  ayes: string[];
  nays: string[];
}

interface VotesCodec {
  index: { toNumber(): number };
  threshold: { toNumber(): number };
  ayes: Codec[];
  nays: Codec[];
}
interface OptionOf<T> {
  isSome: boolean;
  isNone: boolean;
  unwrap(): T;
}
type CallCodec = Call & { encodedLength: number };

/** The council's members. */
export async function councilMembers(api: ApiPromise): Promise<string[]> {
  const members = (await api.query.council.members()) as unknown as Codec[];
  return members.map((a) => a.toString());
}

/** The motions waiting for votes (a council keeps at most its MaxProposals). */
export async function motions(api: ApiPromise): Promise<Motion[]> {
  const hashes = (await api.query.council.proposals()) as unknown as Codec[];
  const list: Motion[] = [];
  for (const h of hashes) {
    const [call, voting] = (await Promise.all([api.query.council.proposalOf(h), api.query.council.voting(h)])) as unknown as [
      OptionOf<CallCodec>,
      OptionOf<VotesCodec>,
    ];
    if (voting.isNone) continue;
    const v = voting.unwrap();
    const c = call.isSome ? call.unwrap() : null;
    list.push({
      hash: h.toHex(),
      index: v.index.toNumber(),
      call: c ? `${c.section}.${c.method}(${JSON.stringify(c.args.map((a) => a.toHuman()))})` : h.toHex(),
      threshold: v.threshold.toNumber(),
      ayes: v.ayes.map((a) => a.toString()),
      nays: v.nays.map((a) => a.toString()),
    });
  }
  return list;
}

/**
 * `council.close(motion)` with the bounds it needs: the proposal's weight (asked of the runtime)
 * and length. Null when the proposal is no longer stored.
 */
export async function closeMotion(api: ApiPromise, hash: string, index: number): Promise<SubmittableExtrinsic<'promise'> | null> {
  const stored = (await api.query.council.proposalOf(hash)) as unknown as OptionOf<CallCodec>;
  if (stored.isNone) return null;
  const call = stored.unwrap();
  const info = (await api.call.transactionPaymentCallApi.queryCallInfo(call, call.encodedLength)) as unknown as { weight: Codec };
  return api.tx.council.close(hash, index, info.weight, call.encodedLength);
}
