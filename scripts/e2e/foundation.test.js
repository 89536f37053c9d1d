// The foundation: a running dev chain with finality, the settlement asset, and a JSON-RPC server
// that answers bad calls with errors and keeps serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToHex } from '@polkadot/util';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { ok, submit as signWith } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, cny, CNY, YUAN, waitForBlock, rawRpc } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

test('metadata lists every runtime pallet', async () => {
  const names = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
  for (const p of ['System', 'Timestamp', 'Balances', 'TransactionPayment', 'Validators', 'Session',
    'Aura', 'Grandpa', 'Council', 'CouncilMembership', 'CouncilRoot', 'Multisig', 'TxPause',
    'Assets', 'Enterprises', 'Receivables', 'Financing', 'Utility']) {
    assert.ok(names.includes(p), `${p} missing from ${names.join(', ')}`);
  }
  assert.ok(!names.includes('Sudo'), 'no Sudo: no single key rules the chain');
});

// Issue 25, item 5: a wallet can have the chain check the metadata it signed with, and the stock
// polkadot.js API (no type configuration) signs with the extension in the list.
test('transactions carry CheckMetadataHash and the stock API signs them', async () => {
  const extensions = api.runtimeMetadata.asLatest.extrinsic.transactionExtensions
    ?? api.runtimeMetadata.asLatest.extrinsic.signedExtensions;
  const names = extensions.map((e) => e.identifier.toString());
  assert.ok(names.includes('CheckMetadataHash'), `CheckMetadataHash missing from ${names.join(', ')}`);
  await ok(api, api.tx.system.remarkWithEvent('signed by the stock API'), keys.alice);
});

// A hardware wallet (Ledger's generic app, RFC 78) signs only with CheckMetadataHash enabled: it
// computes the metadata's merkleized hash and the chain must agree, which it can only if the node's
// runtime was built with `metadata-hash`. A runtime built without it refuses mode 1 outright.
test('a wallet signing with the metadata hash (mode 1) is accepted, a wrong hash is refused', async () => {
  const v15 = await api.call.metadata.metadataAtVersion(15);
  const bytes = v15.unwrap().toU8a(true);
  const props = await api.rpc.system.properties();
  const digest = merkleizeMetadata(bytes, {
    decimals: props.tokenDecimals.unwrap()[0].toNumber(),
    tokenSymbol: props.tokenSymbol.unwrap()[0].toString(),
  }).digest();
  const r = await signWith(api, api.tx.system.remarkWithEvent('signed with the metadata hash'), keys.alice,
    { mode: 1, metadataHash: u8aToHex(digest) });
  assert.equal(r.ok, true, `mode 1 with the right hash: ${r.error}`);
  await assert.rejects(
    signWith(api, api.tx.system.remarkWithEvent('a wrong hash'), keys.alice,
      { mode: 1, metadataHash: u8aToHex(new Uint8Array(32).fill(7)) }),
    /bad signature|Invalid Transaction|1010/i,
  );
});

test('blocks are produced and finalized', async () => {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForBlock(api, start + 3);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
  assert.ok(best >= start + 3, `best ${best} did not rise from ${start}`);
  assert.ok(finalized > start, `finalized ${finalized} did not pass ${start}`);
  assert.ok(best - finalized <= 3, `finality ${best - finalized} blocks behind`);
});

test('with --dev-block-time 300: at least 10 blocks in 6 seconds, finality at most 3 behind', async () => {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  await new Promise((r) => setTimeout(r, 6_000));
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  assert.ok(best - start >= 10, `only ${best - start} blocks in 6 s`);
  assert.ok(best - finalized <= 3, `finality ${best - finalized} blocks behind`);
});

test('the settlement asset is CNY with 2 decimals and sufficient', async () => {
  const meta = await api.query.assets.metadata(CNY);
  assert.equal(meta.symbol.toUtf8(), 'CNY');
  assert.equal(meta.decimals.toNumber(), 2);
  const details = (await api.query.assets.asset(CNY)).unwrap();
  assert.equal(details.isSufficient.isTrue, true);
  assert.equal(details.minBalance.toBigInt(), 1n);
});

test('Alice transfers CNY to Bob and both balances change by exactly that amount', async () => {
  const amount = 12_345n * YUAN + 67n;
  const [a0, b0] = [await cny(api, keys.alice.address), await cny(api, keys.bob.address)];
  await ok(api, api.tx.assets.transferKeepAlive(CNY, keys.bob.address, amount), keys.alice);
  const [a1, b1] = [await cny(api, keys.alice.address), await cny(api, keys.bob.address)];
  assert.equal(a0 - a1, amount);
  assert.equal(b1 - b0, amount);
});

test('a malformed RPC call gets a JSON-RPC error and the node keeps serving', async () => {
  const bad = await rawRpc({ jsonrpc: '2.0', id: 1, method: 'chain_getBlockHash', params: ['not a number'] });
  assert.ok(bad.error, `expected an error, got ${JSON.stringify(bad)}`);
  assert.equal(typeof bad.error.code, 'number');
  const unknown = await rawRpc({ jsonrpc: '2.0', id: 2, method: 'cascade_noSuchMethod', params: [] });
  assert.equal(unknown.error.code, -32601);
  const garbage = await rawRpc('{"jsonrpc": "2.0", "id": 3, "method": ');
  assert.equal(garbage.error.code, -32700);
  const health = await rawRpc({ jsonrpc: '2.0', id: 4, method: 'system_health', params: [] });
  assert.ok(health.result, 'node stopped serving');
  const head = await api.rpc.chain.getHeader();
  assert.ok(head.number.toNumber() > 0);
});
