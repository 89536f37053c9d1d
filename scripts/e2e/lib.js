// Shared helpers of the end-to-end suite: connect to the node scripts/test.sh started, sign and
// submit as the dev keys, and read dispatch errors by their pallet names.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc as cascadeRpc } from './rpc.js';
/** A plain WebSocket client (the load scripts open many connections of their own). */
export { WebSocket } from 'ws';

export const PORT = process.env.CASCADE_RPC_PORT || '9944';
export const WS_URL = `ws://127.0.0.1:${PORT}`;
export const HTTP_URL = `http://127.0.0.1:${PORT}`;
export const CNY = 1;
/** One yuan in minor units (分). */
export const YUAN = 100n;

/** An API on the node at `url`, with Cascade's RPC definitions. */
export async function connectTo(url) {
  await cryptoWaitReady();
  const api = await ApiPromise.create({
    provider: new WsProvider(url),
    rpc: cascadeRpc,
    noInitWarn: true,
    throwOnConnect: true,
  });
  await api.isReady;
  return api;
}

/** An API on the node scripts/test.sh started. */
export function connect() {
  return connectTo(WS_URL);
}

/** The GB 32100-2015 check character of a 17-character 统一社会信用代码 body. */
export function checkChar(body) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i]) * weights[i];
  return alphabet[(31 - (sum % 31)) % 31];
}

/** The sr25519 key of a secret URI (e.g. `//Holder7`). */
export function keyFor(uri) {
  return new Keyring({ type: 'sr25519' }).addFromUri(uri);
}

export function devAccounts() {
  const keyring = new Keyring({ type: 'sr25519' });
  const k = (name) => keyring.addFromUri(`//${name}`);
  return {
    alice: k('Alice'),
    bob: k('Bob'),
    charlie: k('Charlie'),
    dave: k('Dave'),
    eve: k('Eve'),
    ferdie: k('Ferdie'),
    stranger: k('Stranger'),
  };
}

/**
 * Sign and submit `tx` as `signer`; resolve when it is in a block with
 * { ok, error, events, blockHash }. `error` is "Pallet.Variant" for module errors. `options` are
 * polkadot.js signer options (e.g. `{ mode: 1, metadataHash }`).
 */
export function submit(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    tx.signAndSend(signer, { nonce: -1, ...options }, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock || status.isFinalized) {
        if (unsub) unsub();
        let error = null;
        if (dispatchError) {
          if (dispatchError.isModule) {
            const meta = api.registry.findMetaError(dispatchError.asModule);
            error = `${meta.section}.${meta.name}`;
          } else {
            error = dispatchError.toString();
          }
        }
        resolve({ ok: !dispatchError, error, events, blockHash: status.isInBlock ? status.asInBlock : status.asFinalized });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        if (unsub) unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }).catch(reject);
  });
}

/** Submit and require success; returns the events. */
export async function ok(api, tx, signer) {
  const r = await submit(api, tx, signer);
  if (!r.ok) throw new Error(`expected success, got ${r.error}`);
  return r;
}

/** "Pallet.Variant" of a DispatchError (or its string form). */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.section}.${meta.name}`;
  }
  return dispatchError.toString();
}

/**
 * A council motion with threshold 1: on the dev chain Alice is the council of one, so it is
 * carried at once and `call` runs with the Operator's origin. Resolves with { ok, error, events }
 * of the carried call (`error` as "Pallet.Variant"); the proposal itself must go through.
 */
export async function propose(api, call, signer) {
  const r = await ok(api, api.tx.council.propose(1, call, call.encodedLength), signer);
  const executed = eventOf(r.events, 'council', 'Executed');
  if (!executed) throw new Error('the motion was not executed at once (is the signer the council of one?)');
  const result = executed.data.result;
  return { ...r, ok: result.isOk, error: result.isErr ? errorName(api, result.asErr) : null };
}

/** The Operator's work on the dev chain (Alice's one-member council); requires success. */
export async function asOperator(api, call, alice) {
  const r = await propose(api, call, alice);
  if (!r.ok) throw new Error(`the Operator's call failed: ${r.error}`);
  return r;
}

/** The data of the first event `section.method` among `events`. */
export function eventOf(events, section, method) {
  const e = events.find(({ event }) => event.section === section && event.method === method);
  return e ? e.event : null;
}

export async function cny(api, who) {
  const acc = await api.query.assets.account(CNY, who);
  return acc.isSome ? acc.unwrap().balance.toBigInt() : 0n;
}

/** Resolve once the best block number reaches `n`. */
export async function waitForBlock(api, n) {
  return new Promise((resolve) => {
    let unsub;
    api.rpc.chain.subscribeNewHeads((h) => {
      if (h.number.toNumber() >= n) {
        if (unsub) unsub();
        resolve(h);
      }
    }).then((u) => { unsub = u; });
  });
}

/** Resolve once the chain's clock (pallet_timestamp) reaches `ms`. */
export async function waitForTime(api, ms) {
  for (;;) {
    const now = (await api.query.timestamp.now()).toBigInt();
    if (now >= BigInt(ms)) return now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A JSON-RPC call over HTTP, returning the parsed reply. */
export async function rawRpc(body) {
  const res = await fetch(HTTP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return res.json();
}
