// The one module that talks to the chain: connect, the accounts that may sign, sign and follow a
// transaction, and a failed transaction's error by its pallet name with the chain's own words.
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError } from '@polkadot/types/interfaces';
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc } from '../../scripts/e2e/rpc.js';

/** The node's WebSocket address: `?node=ws://…`, else port 9944 on the page's host. */
export function nodeUrl(): string {
  const param = new URLSearchParams(location.search).get('node');
  return param ?? `ws://${location.hostname || '127.0.0.1'}:9944`;
}

const providers = new WeakMap<ApiPromise, WsProvider>();

export async function connect(url = nodeUrl()): Promise<ApiPromise> {
  const provider = new WsProvider(url);
  const api = await ApiPromise.create({ provider, rpc, noInitWarn: true });
  await api.isReady;
  providers.set(api, provider);
  return api;
}

/**
 * A JSON-RPC call answered as raw JSON: the paged forms of Cascade's lists (`cascade_tree(id,
 * null, { cursor, limit })` answers `{ items, next }`, which the decorated method, typed for the
 * whole list, would not decode).
 */
export async function rawCall<T>(api: ApiPromise, method: string, params: unknown[]): Promise<T> {
  const provider = providers.get(api);
  if (!provider) throw new Error('not connected through connect()');
  return provider.send(method, params);
}

/** An account the page may sign for, and where its signer comes from. */
export interface Account {
  address: string;
  name: string;
  source: 'extension' | 'dev';
  /** For dev keys only: the key itself (never for extension accounts). */
  pair?: KeyringPair;
}

/** Whether the node runs a development chain (`--dev`): only there are the dev keys offered.
 * Never on a `Local` chain: the testnet's validators and council may hold real roles there. */
export async function isDevChain(api: ApiPromise): Promise<boolean> {
  const type = await api.rpc.system.chainType();
  return type.isDevelopment;
}

/** The extension's accounts (the polkadot.js extension or any wallet injecting its interface). */
export async function extensionAccounts(): Promise<Account[]> {
  const extensions = await web3Enable('Cascade portal');
  if (extensions.length === 0) return [];
  return (await web3Accounts()).map((a) => ({
    address: a.address,
    name: a.meta.name ?? a.address.slice(0, 8),
    source: 'extension' as const,
  }));
}

/** The well-known dev keys (//Alice … //Ferdie): offered on a dev chain only. */
export async function devAccounts(): Promise<Account[]> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  return ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((name) => {
    const pair = keyring.addFromUri(`//${name}`);
    return { address: pair.address, name, source: 'dev' as const, pair };
  });
}

/** Where a transaction is: waiting for the wallet, sent, in a block, final, or failed. */
export type TxStage = 'signing' | 'sent' | 'inBlock' | 'finalized' | 'failed';

/** A failed transaction's reason: `Pallet.Error` with the chain's doc comment, or a message. */
export interface TxError {
  /** `receivables.AmountTooLarge` for a pallet error; null for other failures. */
  name: string | null;
  /** The error's doc comment from the metadata, or the node's message. */
  detail: string;
}

export interface TxProgress {
  stage: TxStage;
  blockHash?: string;
  error?: TxError;
  /** The events of the transaction, once in a block. */
  events?: { section: string; method: string; data: any }[];
}

/** A dispatch error named by the metadata: `section.Name` and its doc comment. */
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

/**
 * Sign `tx` as `account` and follow it to finality, reporting every stage. Resolves with the
 * last progress (finalized, or failed with its reason); never throws.
 */
export async function signAndFollow(
  api: ApiPromise,
  tx: SubmittableExtrinsic<'promise'>,
  account: Account,
  onProgress: (p: TxProgress) => void,
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
    const follow = (result: any) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock || status.isFinalized) {
        const hash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
        const evs = (events as any[]).map(({ event }) => ({ section: event.section, method: event.method, data: event.data }));
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
    const send = account.pair
      ? tx.signAndSend(account.pair, { nonce: -1 }, follow)
      : web3FromAddress(account.address).then((injected) =>
          tx.signAndSend(account.address, { signer: injected.signer, nonce: -1 }, follow));
    send.then((u) => {
      unsub = u;
      if (done) u();
    }).catch((e: any) => finish({ stage: 'failed', error: { name: null, detail: String(e?.message ?? e) } }));
  });
}

/** The data of the first event `section.method` of a transaction. */
export function eventData(p: TxProgress, section: string, method: string): any | null {
  return p.events?.find((e) => e.section === section && e.method === method)?.data ?? null;
}
