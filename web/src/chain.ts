// The page's side of talking to the chain (the rest is @cascade/api): which node, the accounts
// that may sign, and signing through the wallet.
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { connect as connectTo, signAndFollow as follow, type TxProgress } from '@cascade/api';

export { eventData, type TxError, type TxProgress, type TxStage } from '@cascade/api';

/** The node's WebSocket address: `?node=ws://…`, else port 9944 on the page's host. */
export function nodeUrl(): string {
  const param = new URLSearchParams(location.search).get('node');
  return param ?? `ws://${location.hostname || '127.0.0.1'}:9944`;
}

/** The API on the node the page was opened for (retrying while the node is away). */
export function connect(url = nodeUrl()): Promise<ApiPromise> {
  return connectTo(url);
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

/**
 * Sign `tx` as `account` and follow it to finality, reporting every stage (the shared
 * signAndFollow; an extension account signs through its wallet, never through the page).
 */
export function signAndFollow(
  api: ApiPromise,
  tx: SubmittableExtrinsic<'promise'>,
  account: Account,
  onProgress: (p: TxProgress) => void,
): Promise<TxProgress> {
  const signer = account.pair
    ?? web3FromAddress(account.address).then((injected) => ({ address: account.address, options: { signer: injected.signer } }));
  return follow(api, tx, signer, onProgress);
}
