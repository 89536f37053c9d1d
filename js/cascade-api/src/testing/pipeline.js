// Many transactions at once, for building large ledgers in tests and load runs: nonces handed out
// in order per signer (so concurrent sends never share one), at most `inFlight` waiting for a
// block, and a note split down to many small notes level by level.
//
//   const { send, sendAll, fanOut } = pipeline(api, { inFlight: 256 });
import { eventOf } from '../tx.js';

/** How many times a transaction the pool drops is sent again. */
const DROP_RETRIES = 3;

/** The chain's MaxSplit: parts a split may make. */
export const MAX_SPLIT = 16;

/**
 * How to split a note of `count` units into `count` notes of one unit each, at most MAX_SPLIT
 * parts a split: a tree whose inner nodes are groups of units. Returns the part sizes of the
 * first split (each `1` is a finished note).
 */
export function partsOf(count) {
  if (count <= MAX_SPLIT) return Array(count).fill(1);
  const groups = Math.min(MAX_SPLIT, Math.ceil((count - MAX_SPLIT) / (MAX_SPLIT - 1)));
  const singles = MAX_SPLIT - groups;
  const rest = count - singles;
  const parts = Array(singles).fill(1);
  for (let g = 0; g < groups; g++) parts.push(Math.floor(rest / groups) + (g < rest % groups ? 1 : 0));
  return parts;
}

export function pipeline(api, { inFlight = 256, log = () => {} } = {}) {
  const nonces = new Map();
  /** The next nonce of `signer` (a chain of promises, so concurrent callers never share one). */
  function nextNonce(signer) {
    const prev = nonces.get(signer.address) ??
      api.rpc.system.accountNextIndex(signer.address).then((n) => n.toNumber() - 1);
    const next = prev.then((n) => n + 1);
    nonces.set(signer.address, next);
    return next;
  }

  /**
   * Sign `tx` as `signer` with the next nonce; resolve with its events once in a block. A
   * transaction the pool drops while its nonce is still unused is signed again with that nonce
   * and sent again (at most DROP_RETRIES times), as the `cascade` client does: later nonces of
   * the signer wait for it.
   */
  async function send(tx, signer) {
    const nonce = await nextNonce(signer);
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendOnce(tx, signer, nonce);
      } catch (e) {
        const dropped = /transaction (Dropped|Usurped)/.test(String(e?.message));
        const unused = dropped && (await api.rpc.system.accountNextIndex(signer.address)).toNumber() <= nonce;
        if (!unused || attempt >= DROP_RETRIES) throw e;
        log(`nonce ${nonce} of ${signer.address} dropped by the pool: sending it again`);
      }
    }
  }

  function sendOnce(tx, signer, nonce) {
    return new Promise((resolve, reject) => {
      let unsub = null;
      tx.signAndSend(signer, { nonce }, ({ status, events, dispatchError }) => {
        // A manual-seal dev node reports Finalized without InBlock first.
        if (status.isInBlock || status.isFinalized) {
          if (unsub) unsub();
          if (dispatchError) {
            const m = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
            reject(new Error(m ? `${m.section}.${m.name}` : dispatchError.toString()));
          } else resolve(Object.assign(events, { blockHash: status.isInBlock ? status.asInBlock : status.asFinalized }));
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          if (unsub) unsub();
          reject(new Error(`transaction ${status.type}`));
        }
      }).then((u) => { unsub = u; }).catch(reject);
    });
  }

  /** Send every `[tx, signer]`, at most `inFlight` at once; resolve with their events, in order. */
  async function sendAll(items) {
    const out = new Array(items.length);
    let next = 0;
    async function worker() {
      while (next < items.length) {
        const i = next++;
        out[i] = await send(items[i][0], items[i][1]);
      }
    }
    await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
    return out;
  }

  /**
   * Split each `[owner, note, count]` (a note of `count × unit`) down to notes of one `unit`,
   * level by level. Returns the finished notes' ids.
   */
  async function fanOut(jobs, unit) {
    let level = jobs;
    const done = [];
    let depth = 0;
    while (level.length) {
      const items = [];
      const plans = [];
      for (const [owner, note, count] of level) {
        if (count === 1) { done.push(note); continue; }
        const parts = partsOf(count);
        plans.push([owner, parts]);
        items.push([api.tx.receivables.split(note, parts.map((p) => BigInt(p) * unit)), owner]);
      }
      if (!items.length) break;
      log(`split level ${++depth}: ${items.length} splits`);
      const results = await sendAll(items);
      level = [];
      results.forEach((events, i) => {
        const children = eventOf(events, 'receivables', 'Split').data.children.map((c) => c.toNumber());
        const [owner, parts] = plans[i];
        children.forEach((child, j) => level.push([owner, child, parts[j]]));
      });
    }
    return done;
  }

  return { send, sendAll, fanOut };
}
