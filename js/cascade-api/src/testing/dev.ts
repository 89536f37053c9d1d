// The test world's side of a dev chain: where scripts/test.sh started the node, the well-known dev
// keys, the settlement asset of the demo world, and waiting for blocks and for chain time.
import type { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { connect } from '../connect.js';
import { balanceOf } from '../read.js';

/** The node scripts/test.sh started (CASCADE_RPC_PORT), else port 9944. */
export const PORT = process.env.CASCADE_RPC_PORT || '9944';
export const WS_URL = `ws://127.0.0.1:${PORT}`;
export const HTTP_URL = `http://127.0.0.1:${PORT}`;
/** The demo world's settlement asset (CNY, 2 decimals). */
export const CNY = 1;
/** One yuan in minor units (分). */
export const YUAN = 100n;

/** An API on the node at `url`, failing at once if it cannot be reached. */
export function connectTo(url: string): Promise<ApiPromise> {
  return connect(url, { throwOnConnect: true });
}

/** An API on the node scripts/test.sh started. */
export function connectToTestNode(): Promise<ApiPromise> {
  return connectTo(WS_URL);
}

/** The sr25519 key of a secret URI (e.g. `//Holder7`). */
export function keyFor(uri: string): KeyringPair {
  return new Keyring({ type: 'sr25519' }).addFromUri(uri);
}

export type DevName = 'alice' | 'bob' | 'charlie' | 'dave' | 'eve' | 'ferdie' | 'stranger';

/** The dev keys by name (call after cryptoWaitReady(), which connect() awaits). */
export function devAccounts(): Record<DevName, KeyringPair> {
  const k = (name: string) => keyFor(`//${name}`);
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

/** An account's CNY balance in 分. */
export function cny(api: ApiPromise, who: string): Promise<bigint> {
  return balanceOf(api, CNY, who);
}

/** Resolve once the best block number reaches `n`. */
export function waitForBlock(api: ApiPromise, n: number): Promise<unknown> {
  return new Promise((resolve) => {
    let unsub: (() => void) | undefined;
    let done = false;
    api.rpc.chain.subscribeNewHeads((h) => {
      if (!done && h.number.toNumber() >= n) {
        done = true;
        unsub?.();
        resolve(h);
      }
    }).then((u) => {
      unsub = u;
      if (done) u();
    });
  });
}

/** Resolve once the chain's clock (pallet_timestamp) reaches `ms`. */
export async function waitForTime(api: ApiPromise, ms: number | bigint): Promise<bigint> {
  for (;;) {
    const now = ((await api.query.timestamp.now()) as unknown as { toBigInt(): bigint }).toBigInt();
    if (now >= BigInt(ms)) return now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A JSON-RPC request over HTTP to the test node, answered as parsed JSON (errors included). */
export async function rawRpc(body: unknown): Promise<any> {
  const res = await fetch(HTTP_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return res.json();
}
