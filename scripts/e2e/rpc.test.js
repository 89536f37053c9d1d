// The cascade_* JSON-RPC methods: answers, errors for bad input, and queries at older blocks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, eventOf, FIELDS } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, rawRpc, CNY, YUAN } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

const DAY = 86_400_000n;
const call = (method, params, id = 1) => rawRpc({ jsonrpc: '2.0', id, method, params });

test('every method answers bad input with a JSON-RPC error, and the node keeps serving', async () => {
  const unknownHash = '0x' + 'ab'.repeat(32);
  const cases = [
    ['cascade_receivable', [999_999]],
    ['cascade_note', [999_999]],
    ['cascade_lineage', [999_999]],
    ['cascade_tree', [999_999]],
    ['cascade_quote', [999_999, 36_500]],
    ['cascade_notesOf', ['not-an-account']],
    ['cascade_exposure', ['5NotAnAccountAtAll']],
    ['cascade_quote', [0, 2_000_000]],
    ['cascade_receivable', [0, unknownHash]],
    ['cascade_note', [0, unknownHash]],
    ['cascade_notesOf', [keys.bob.address, unknownHash]],
    ['cascade_lineage', [0, unknownHash]],
    ['cascade_tree', [0, unknownHash]],
    ['cascade_exposure', [keys.bob.address, unknownHash]],
    ['cascade_quote', [0, 36_500, unknownHash]],
    ['cascade_claimsOf', ['not-an-account']],
    ['cascade_claimsOf', [keys.bob.address, unknownHash]],
    ['cascade_note', ['zero']],
    ['cascade_receivable', []],
  ];
  for (const [method, params] of cases) {
    const reply = await call(method, params);
    assert.ok(reply.error, `${method}(${JSON.stringify(params)}) should fail, got ${JSON.stringify(reply)}`);
    assert.equal(typeof reply.error.code, 'number');
    assert.equal(typeof reply.error.message, 'string');
  }
  const health = await call('system_health', []);
  assert.ok(health.result, 'the node still serves');
  const exposure = await call('cascade_exposure', [keys.bob.address]);
  assert.ok(exposure.result, JSON.stringify(exposure));
  const claims = (await api.rpc.cascade.claimsOf(keys.charlie.address)).toJSON();
  assert.ok(Array.isArray(claims), 'claimsOf answers a list');
});

test('notesOf, tree, exposure and quote describe a fresh receivable', async () => {
  const now = (await api.query.timestamp.now()).toBigInt();
  const r = await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, 5_000n * YUAN, now + 30n * DAY, 0, '0x' + '33'.repeat(32), `RPC-${Date.now()}`), keys.bob);
  const issued = eventOf(r.events, 'receivables', 'Issued').data;
  const root = issued.rootNote.toNumber();
  const receivable = issued.receivable.toNumber();

  const offered = (await api.rpc.cascade.notesOf(keys.charlie.address)).toJSON();
  const mine = offered.find((n) => n.id === root);
  assert.ok(mine, 'the offer shows in the recipient\'s notes');
  assert.equal(mine.state, 'pending');
  assert.equal(mine.pendingTo, keys.charlie.address);
  assert.equal(mine.holder, keys.bob.address);
  assert.equal(mine.amount, (5_000n * YUAN).toString());

  await ok(api, api.tx.receivables.accept(root), keys.charlie);
  await ok(api, api.tx.receivables.split(root, [2_000n * YUAN, 3_000n * YUAN]), keys.charlie);
  const tree = (await api.rpc.cascade.tree(receivable)).toJSON();
  assert.deepEqual(tree.map((n) => [n.id, n.parent, n.depth, n.state]),
    [[root, null, 0, 'consumed'], [root + 1, root, 1, 'active'], [root + 2, root, 1, 'active']]);

  const rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
  assert.equal(rec.status, 'active');
  assert.equal(rec.face, (5_000n * YUAN).toString());

  const exposure = (await api.rpc.cascade.exposure(keys.bob.address)).toJSON();
  const cny = exposure.outstanding.find((o) => o.asset === String(CNY));
  assert.ok(BigInt(cny.amount) >= 5_000n * YUAN);
  const line = exposure.creditLines.find((l) => l.id === 0);
  assert.equal(line.financier, keys.ferdie.address);
  assert.equal(BigInt(line.used) + BigInt(line.available), BigInt(line.limit));

  const quote = (await api.rpc.cascade.quote(root + 1, 36_500)).toJSON();
  assert.equal(quote.days, 30);
  // 200,000 分 × 3.65 % × 30/360 = 608.33… → 609 (interest is rounded up).
  assert.equal(quote.interest, '609');
  assert.equal(quote.disbursed, (200_000n - 609n).toString());
});

test('a query at an older block hash returns that block\'s state', async () => {
  const now = (await api.query.timestamp.now()).toBigInt();
  const r = await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, 1_000n * YUAN, now + 30n * DAY, 0, '0x' + '44'.repeat(32), `OLD-${Date.now()}`), keys.bob);
  const issued = eventOf(r.events, 'receivables', 'Issued').data;
  const root = issued.rootNote.toNumber();
  const before = r.blockHash;
  await ok(api, api.tx.receivables.accept(root), keys.charlie);

  const then = (await api.rpc.cascade.note(root, before)).toJSON();
  const nowNote = (await api.rpc.cascade.note(root)).toJSON();
  assert.equal(then.state, 'pending');
  assert.equal(then.holder, keys.bob.address);
  assert.equal(nowNote.state, 'active');
  assert.equal(nowNote.holder, keys.charlie.address);
  const parent = (await api.rpc.chain.getHeader(before)).parentHash.toHex();
  const missing = await call('cascade_note', [root, parent]);
  assert.equal(missing.error.code, 4040, 'the note did not exist before its issuing block');
});

test('every answer has exactly the fields, and the kinds of value, of @cascade/api\'s generated types', async () => {
  // The types are generated from the metadata with the read types' serde rules
  // (js/cascade-api/scripts/generate-types.mjs): a rule that stops holding shows here.
  const now = (await api.query.timestamp.now()).toBigInt();
  const r = await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, 2_000n * YUAN, now + 60n * DAY, 0, '0x' + '66'.repeat(32), `SHAPE-${Date.now()}`), keys.bob);
  const issued = eventOf(r.events, 'receivables', 'Issued').data;
  const root = issued.rootNote.toNumber();
  const id = issued.receivable.toNumber();
  await ok(api, api.tx.receivables.accept(root), keys.charlie);
  // Charlie asks Demo Bank (Ferdie) to factor it: a request to list.
  await ok(api, api.tx.financing.request(root, keys.ferdie.address, { Factoring: { recourse: false } }, 45_000), keys.charlie);

  const answer = async (method, params) => {
    const reply = await call(method, params);
    assert.equal(reply.error, undefined, `${method}: ${JSON.stringify(reply.error)}`);
    return reply.result;
  };
  const kindOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const expect = (type, value, what) => {
    const shape = FIELDS[type];
    assert.deepEqual(Object.keys(value).sort(), Object.keys(shape).sort(), `${what} has the fields of a ${type}`);
    for (const [field, kind] of Object.entries(shape)) {
      const got = kindOf(value[field]);
      const fits = kind === 'any' || got === kind.replace('?', '') || (kind.endsWith('?') && got === 'null');
      assert.ok(fits, `${what}: ${field} is ${JSON.stringify(value[field])}, a ${type} holds ${kind} there`);
    }
  };
  const page = { cursor: null, limit: 10 };

  expect('Receivable', await answer('cascade_receivable', [id]), 'cascade_receivable');
  expect('Note', await answer('cascade_note', [root]), 'cascade_note');
  for (const n of await answer('cascade_lineage', [root])) expect('Note', n, 'a cascade_lineage item');
  const tree = await answer('cascade_tree', [id, null, page]);
  assert.deepEqual(Object.keys(tree).sort(), ['items', 'next'], 'a page');
  for (const n of tree.items) expect('Note', n, 'a cascade_tree item');
  const exposure = await answer('cascade_exposure', [keys.bob.address]);
  expect('Exposure', exposure, 'cascade_exposure');
  assert.ok(exposure.outstanding.length > 0 && exposure.creditLines.length > 0);
  for (const o of exposure.outstanding) expect('Outstanding', o, 'an outstanding amount');
  for (const l of exposure.creditLines) expect('Line', l, 'a credit line');
  expect('Quote', await answer('cascade_quote', [root, 36_500]), 'cascade_quote');
  const priced = await answer('cascade_programQuote', [root, 0, { factoring: { recourse: false } }]);
  expect('ProgramQuote', priced, 'cascade_programQuote');
  expect('Terms', priced.terms, 'a program quote\'s terms');
  for (const a of await answer('cascade_attestationsOf', [keys.charlie.address])) expect('Attestation', a, 'an attestation');
  const lists = [
    ['cascade_notesOf', keys.charlie.address, 'Note'],
    ['cascade_linesOf', keys.bob.address, 'Line'],
    ['cascade_requestsOf', keys.charlie.address, 'Request'],
    ['cascade_programsOf', keys.ferdie.address, 'Program'],
  ];
  for (const [method, who, type] of lists) {
    const { items } = await answer(method, [who, null, page]);
    assert.ok(items.length > 0, `${method} has something to show`);
    for (const item of items) expect(type, item, `a ${method} item`);
  }
  // Financings and claims: whatever the chain holds by now (the suite's other files make them).
  for (const [method, type] of [['cascade_financingsOf', 'Financing'], ['cascade_claimsOf', 'Claim']]) {
    for (const who of Object.values(keys)) {
      for (const item of (await answer(method, [who.address, null, page])).items) expect(type, item, `a ${method} item`);
    }
  }
});
