// Sending transactions: sign, follow to a block and to finality, and name a failure by its pallet
// error with the chain's own words (the error's doc comment in the metadata).
import type { ApiPromise } from '@polkadot/api';
import type { AddressOrPair, SignerOptions, SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import type { ISubmittableResult } from '@polkadot/types/types';

/** A failed transaction's reason: `pallet.Error` with its doc comment, or a message. */
export interface TxError {
  /** `receivables.AmountTooLarge` for a pallet error; null for failures with no name. */
  name: string | null;
  /** The error's doc comment from the metadata, or the node's message. */
  detail: string;
}

/** A dispatch error named by the metadata. */
export function dispatchErrorOf(api: ApiPromise, err: DispatchError): TxError {
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return { name: `${meta.section}.${meta.name}`, detail: meta.docs.join(' ').trim() };
  }
  if (err.isToken) return { name: `token.${err.asToken.type}`, detail: err.asToken.type };
  if (err.isArithmetic) return { name: `arithmetic.${err.asArithmetic.type}`, detail: err.asArithmetic.type };
  if (err.isBadOrigin) return { name: 'system.BadOrigin', detail: 'BadOrigin' };
  return { name: null, detail: err.type };
}

/** "pallet.Variant" of a pallet's error; other dispatch errors as the chain prints them
 * (`BadOrigin`, `{"token":"FundsUnavailable"}`). */
export function errorName(api: ApiPromise, err: DispatchError): string {
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return `${meta.section}.${meta.name}`;
  }
  return err.toString();
}

/** An event of a transaction, as `section.method` and its data. */
export interface TxEvent {
  section: string;
  method: string;
  data: EventRecord['event']['data'];
}

/** The data of an event, by field name (`data.rootNote`) as the metadata names them. */
export type EventData = EventRecord['event']['data'] & Record<string, any>;

/** The first event `section.method` among `events` (records or TxEvents), or null. */
export function eventOf(
  events: ReadonlyArray<EventRecord | TxEvent>,
  section: string,
  method: string,
): { section: string; method: string; data: EventData } | null {
  for (const e of events) {
    const ev = 'event' in e ? e.event : e;
    if (ev.section === section && ev.method === method) return { section: ev.section, method: ev.method, data: ev.data as EventData };
  }
  return null;
}

/** The data of the first event `section.method` of a followed transaction, or null. */
export function eventData(p: TxProgress, section: string, method: string): EventData | null {
  return eventOf(p.events ?? [], section, method)?.data ?? null;
}

/** Where a transaction is: waiting for the wallet, sent, in a block, final, or failed. */
export type TxStage = 'signing' | 'sent' | 'inBlock' | 'finalized' | 'failed';

export interface TxProgress {
  stage: TxStage;
  blockHash?: string;
  error?: TxError;
  /** The transaction's events, once in a block. */
  events?: TxEvent[];
}

/**
 * Sign `tx` as `signer` (a key pair, or an address with `options.signer` from a wallet) and follow
 * it to finality, reporting every stage. Resolves with the last progress (finalized, or failed
 * with its reason); never throws.
 */
export function signAndFollow(
  api: ApiPromise,
  tx: SubmittableExtrinsic<'promise'>,
  signer: AddressOrPair | Promise<{ address: string; options: Partial<SignerOptions> }>,
  onProgress: (p: TxProgress) => void = () => {},
): Promise<TxProgress> {
  onProgress({ stage: 'signing' });
  return new Promise<TxProgress>((resolve) => {
    let done = false;
    let unsub: (() => void) | null = null;
    let inBlock: TxProgress | null = null;
    const finish = (p: TxProgress) => {
      if (done) return;
      done = true;
      unsub?.();
      onProgress(p);
      resolve(p);
    };
    const follow = (result: ISubmittableResult) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock || status.isFinalized) {
        const hash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
        const evs = events.map(({ event }) => ({ section: event.section, method: event.method, data: event.data }));
        if (dispatchError) {
          finish({ stage: 'failed', blockHash: hash, events: evs, error: dispatchErrorOf(api, dispatchError) });
          return;
        }
        inBlock = { stage: 'inBlock', blockHash: hash, events: evs };
        if (status.isFinalized) finish({ ...inBlock, stage: 'finalized' });
        else onProgress(inBlock);
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        finish({ stage: 'failed', error: { name: null, detail: `transaction ${status.type}` } });
      } else if (status.isReady || status.isBroadcast || status.isFuture) {
        if (!inBlock) onProgress({ stage: 'sent' });
      }
    };
    const send = signer instanceof Promise
      ? signer.then(({ address, options }) => tx.signAndSend(address, { nonce: -1, ...options }, follow))
      : tx.signAndSend(signer, { nonce: -1 }, follow);
    send.then((u) => {
      unsub = u;
      if (done) u();
    }).catch((e: unknown) => {
      const detail = String((e as Error)?.message ?? e);
      // The node has this very transaction already (a submission repeated on the way, e.g. by
      // a reconnecting socket): it is not a failure — follow it into a finalized block by hash.
      if (/^1013\b|Already Imported/i.test(detail) && tx.isSigned) {
        followSubmitted(api, tx.hash.toHex(), onProgress).then(finish);
        return;
      }
      finish({ stage: 'failed', error: { name: null, detail } });
    });
  });
}

/** How many finalized blocks a transaction followed by hash may take before it counts as lost. */
const FOLLOW_BLOCKS = 60;

/**
 * Follow the transaction `hash` (already in the node's pool) through finalized blocks: resolves
 * with its events and outcome once a block holds it, failed if none of the next `maxBlocks` does.
 * Never throws.
 */
export function followSubmitted(
  api: ApiPromise,
  hash: string,
  onProgress: (p: TxProgress) => void = () => {},
  maxBlocks = FOLLOW_BLOCKS,
): Promise<TxProgress> {
  onProgress({ stage: 'sent' });
  return new Promise<TxProgress>((resolve) => {
    let seen = 0;
    let over = false;
    let stop: (() => void) | null = null;
    const finish = (p: TxProgress) => {
      if (over) return;
      over = true;
      stop?.();
      onProgress(p);
      resolve(p);
    };
    const failed = (e: unknown) => finish({ stage: 'failed', error: { name: null, detail: String((e as Error)?.message ?? e) } });
    const look = async (blockHash: string) => {
      const block = await api.rpc.chain.getBlock(blockHash);
      const index = block.block.extrinsics.findIndex((x) => x.hash.toHex() === hash);
      if (index < 0) {
        if (++seen >= maxBlocks) finish({ stage: 'failed', error: { name: null, detail: 'transaction not found in a block' } });
        return;
      }
      const records = (await (await api.at(blockHash)).query.system.events()) as unknown as EventRecord[];
      const mine = records.filter((r) => r.phase.isApplyExtrinsic && r.phase.asApplyExtrinsic.eqn(index));
      const events = mine.map(({ event }) => ({ section: event.section, method: event.method, data: event.data }));
      const error = mine.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
      finish(error
        ? { stage: 'failed', blockHash, events, error: dispatchErrorOf(api, error.event.data[0] as DispatchError) }
        : { stage: 'finalized', blockHash, events });
    };
    api.rpc.chain.subscribeFinalizedHeads((header) => {
      if (!over) look(header.hash.toHex()).catch(failed);
    }).then((u) => {
      stop = u;
      if (over) u();
    }, failed);
  });
}

/** What `submit` resolves with once the transaction is in a block. */
export interface Submitted {
  ok: boolean;
  /** "pallet.Variant" of a failed dispatch, else null. */
  error: string | null;
  events: EventRecord[];
  blockHash: string;
}

/**
 * Sign and submit `tx` as `signer`; resolves once it is in a block. `options` are polkadot.js
 * signer options (e.g. `{ mode: 1, metadataHash }`). Rejects if the pool drops it.
 */
export function submit(
  api: ApiPromise,
  tx: SubmittableExtrinsic<'promise'>,
  signer: AddressOrPair,
  options: Partial<SignerOptions> = {},
): Promise<Submitted> {
  return new Promise((resolve, reject) => {
    let unsub: (() => void) | null = null;
    let settled = false;
    const done = () => {
      settled = true;
      unsub?.();
    };
    tx.signAndSend(signer, { nonce: -1, ...options }, (result: ISubmittableResult) => {
      if (settled) return;
      const { status, events, dispatchError } = result;
      if (status.isInBlock || status.isFinalized) {
        done();
        resolve({
          ok: !dispatchError,
          error: dispatchError ? errorName(api, dispatchError) : null,
          events,
          blockHash: (status.isInBlock ? status.asInBlock : status.asFinalized).toHex(),
        });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        done();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => {
      unsub = u;
      if (settled) u();
    }).catch(reject);
  });
}

/** Submit and require success. */
export async function ok(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, signer: AddressOrPair): Promise<Submitted> {
  const r = await submit(api, tx, signer);
  if (!r.ok) throw new Error(`expected success, got ${r.error}`);
  return r;
}
