// The portal refuses a node whose chain it was not built for (issue 25, item 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { networkVerdict, BUILT_FOR } from '../src/networks.js';

const DEV = '0x' + 'aa'.repeat(32);
const TESTNET = '0x' + 'bb'.repeat(32);

test('a development chain is allowed on a node of this machine only', () => {
  for (const url of ['ws://127.0.0.1:9944', 'ws://localhost:9944', 'ws://[::1]:9944']) {
    assert.deepEqual(networkVerdict({ url, genesis: DEV, development: true, allowed: [] }), { ok: true }, url);
  }
  assert.deepEqual(networkVerdict({ url: 'wss://rpc.example.com', genesis: DEV, development: true, allowed: [] }),
    { ok: false, reason: 'devRemote' });
});

test('another chain only if the build names its genesis hash', () => {
  const url = 'wss://rpc.consortium.example';
  assert.deepEqual(networkVerdict({ url, genesis: TESTNET, development: false, allowed: [] }),
    { ok: false, reason: 'unknownGenesis' });
  assert.deepEqual(networkVerdict({ url, genesis: TESTNET, development: false, allowed: [TESTNET] }), { ok: true });
  assert.deepEqual(networkVerdict({ url, genesis: TESTNET.toUpperCase().replace('0X', '0x'), development: false, allowed: [TESTNET] }),
    { ok: true }, 'hashes compare without case');
  // Not even a local node of an unlisted non-development chain.
  assert.deepEqual(networkVerdict({ url: 'ws://127.0.0.1:9944', genesis: TESTNET, development: false, allowed: [] }),
    { ok: false, reason: 'unknownGenesis' });
  assert.deepEqual(networkVerdict({ url: 'not a url', genesis: TESTNET, development: true, allowed: [] }),
    { ok: false, reason: 'unknownGenesis' });
});

test('a build without a list names no network', () => {
  assert.deepEqual(BUILT_FOR, []);
});
