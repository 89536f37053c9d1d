// Connect to a Cascade node with its RPC definitions, and call its methods raw (the paged forms
// answer `{ items, next }`, which the decorated methods, typed for the whole list, would not decode).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rpc } from './rpc.js';

const providers = new WeakMap<ApiPromise, WsProvider>();

export interface ConnectOptions {
  /** Fail at once when the node cannot be reached (tests), instead of retrying (pages). */
  throwOnConnect?: boolean;
}

/** An API on the node at `url` (ws://…), with Cascade's RPC methods, once it is ready. */
export async function connect(url: string, { throwOnConnect = false }: ConnectOptions = {}): Promise<ApiPromise> {
  await cryptoWaitReady();
  const provider = new WsProvider(url);
  const api = await ApiPromise.create({ provider, rpc, noInitWarn: true, throwOnConnect });
  await api.isReady;
  providers.set(api, provider);
  return api;
}

/** A JSON-RPC call on `api`'s connection, answered as the node's raw JSON. */
export async function rawCall<T>(api: ApiPromise, method: string, params: unknown[]): Promise<T> {
  const provider = providers.get(api);
  if (!provider) throw new Error('rawCall needs an API made by connect()');
  return provider.send<T>(method, params);
}
