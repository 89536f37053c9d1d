// The demo world's enterprises and credit line 0, read through polkadot.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkChar } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, CNY, YUAN } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

test('the demo enterprises are registered with their roles', async () => {
  const expect = [
    [keys.bob, 'Demo Manufacturing Co.', { core: true, supplier: false, financier: false }],
    [keys.charlie, 'Demo Tier-1 Parts Co.', { core: false, supplier: true, financier: false }],
    [keys.dave, 'Demo Tier-2 Components Co.', { core: false, supplier: true, financier: false }],
    [keys.eve, 'Demo Tier-3 Materials Co.', { core: false, supplier: true, financier: false }],
    [keys.ferdie, 'Demo Bank', { core: false, supplier: false, financier: true }],
  ];
  for (const [who, name, roles] of expect) {
    const e = (await api.query.enterprises.enterprises(who.address)).unwrap();
    assert.equal(e.name.toUtf8(), name);
    assert.deepEqual(e.roles.toJSON(), roles);
    assert.equal(e.status.toString(), 'Active');
    assert.equal(e.creditCode.toU8a().length, 18);
    const owner = await api.query.enterprises.creditCodes(e.creditCode);
    assert.equal(owner.unwrap().toString(), who.address);
  }
  const alice = await api.query.enterprises.enterprises(keys.alice.address);
  assert.ok(alice.isNone, 'the Operator is not an enterprise');
});

test('credit line 0 runs from Demo Bank to Demo Manufacturing for 50,000,000.00 CNY', async () => {
  const line = (await api.query.enterprises.creditLines(0)).unwrap();
  assert.equal(line.financier.toString(), keys.ferdie.address);
  assert.equal(line.core.toString(), keys.bob.address);
  assert.equal(line.asset.toNumber(), CNY);
  assert.equal(line.limit.toBigInt(), 50_000_000n * YUAN);
  assert.equal(line.revoked.isTrue, false);
  // One year after the first block.
  const firstBlock = await api.rpc.chain.getBlockHash(1);
  const t1 = (await (await api.at(firstBlock)).query.timestamp.now()).toBigInt();
  assert.equal(line.expiresAt.toBigInt(), t1 + 365n * 86_400_000n);
});

test('only the Operator registers enterprises (a council motion)', async () => {
  const { submit, propose, asOperator } = await import('@cascade/api');
  const { Keyring } = await import('@polkadot/keyring');
  const newcomer = new Keyring({ type: 'sr25519' }).addFromUri('//E2ENewcomer');
  const code = '91310000MA1FL0009'; // body; the check character is computed below
  const full = code + checkChar(code);
  const call = api.tx.enterprises.register(newcomer.address, 'E2E Supplier Co.', full,
    { core: false, supplier: true, financier: false });
  const bad = await submit(api, call, keys.bob);
  assert.equal(bad.error, 'BadOrigin');
  // Bob holds no council seat on the dev chain: he cannot even propose.
  const notMember = await submit(api, api.tx.council.propose(1, call, call.encodedLength), keys.bob);
  assert.equal(notMember.error, 'council.NotMember');
  await asOperator(api, call, keys.alice);
  // The same registration again: the motion is carried, the call fails on its own terms.
  const again = await propose(api, call, keys.alice);
  assert.equal(again.error, 'enterprises.AlreadyRegistered');
  const e = (await api.query.enterprises.enterprises(newcomer.address)).unwrap();
  assert.equal(e.name.toUtf8(), 'E2E Supplier Co.');
});
