// The node: one ApiPromise with Cascade's RPC definitions (shared with the e2e suite), the
// accounts that may sign (the polkadot.js extension, and the dev keys on a dev chain only).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';
import { rpc } from '../../scripts/e2e/rpc.js';

/** The node's WebSocket address: `?node=ws://…`, else port 9944 on the page's host. */
export function nodeUrl(): string {
  const param = new URLSearchParams(location.search).get('node');
  return param ?? `ws://${location.hostname || '127.0.0.1'}:9944`;
}

export async function connect(url = nodeUrl()): Promise<ApiPromise> {
  const api = await ApiPromise.create({ provider: new WsProvider(url), rpc, noInitWarn: true });
  await api.isReady;
  return api;
}

/** An account the page may sign for, and where its signer comes from. */
export interface Account {
  address: string;
  name: string;
  source: 'extension' | 'dev';
}

/** Whether the node runs a development chain: only there are the dev keys offered. */
export async function isDevChain(api: ApiPromise): Promise<boolean> {
  const type = await api.rpc.system.chainType();
  return type.isDevelopment || type.isLocal;
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

/** The signer for an extension account. */
export async function extensionSigner(address: string) {
  return (await web3FromAddress(address)).signer;
}
