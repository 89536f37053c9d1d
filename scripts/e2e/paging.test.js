// Lists in pages over JSON-RPC (cascade_tree, cascade_notesOf): every page to the end with no note
// missed or repeated, an empty list, a cursor of another list refused, a limit above the
// maximum clamped, and a list too long for one answer refused with an error naming the paged
// form (a 1,500-note tree here; the 100,000-note one in scripts/load/reads.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, eventOf, asOperator, checkChar } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, rawRpc, keyFor, CNY, YUAN, pipeline } from '@cascade/api/testing';

const NOTES = 1_500;
let api;
let keys;
let holder;
let receivable;
let other;
before(async () => {
  api = await connect();
  keys = devAccounts();
  // A supplier of its own (other tests read the demo suppliers' notes whole), registered by the
  // Operator and given a little for fees.
  holder = keyFor(`//PagingHolder${Date.now()}`);
  const body = `91350100P${String(Date.now() % 1e8).padStart(8, '0')}`;
  await asOperator(api, api.tx.enterprises.register(holder.address, 'Paging Holder Co.', body + checkChar(body),
    { core: false, supplier: true, financier: false }), keys.alice);
  await ok(api, api.tx.balances.transferKeepAlive(holder.address, 10n ** 15n), keys.alice);
  // Bob issues 1,500 × 1.00 CNY to it; it splits that into 1,500 notes of 1.00.
  const now = (await api.query.timestamp.now()).toBigInt();
  const issue = (face, tag) => api.tx.receivables.issue(holder.address, CNY, face,
    now + 30n * 86_400_000n, 0, '0x' + '66'.repeat(32), `${tag}-${Date.now()}`);
  const issued = eventOf((await ok(api, issue(BigInt(NOTES) * YUAN, 'PAGING'), keys.bob)).events, 'receivables', 'Issued').data;
  receivable = issued.receivable.toNumber();
  other = eventOf((await ok(api, issue(10n * YUAN, 'PAGING-OTHER'), keys.bob)).events, 'receivables', 'Issued').data.receivable.toNumber();
  await ok(api, api.tx.receivables.accept(issued.rootNote), holder);
  await pipeline(api, { inFlight: 64 }).fanOut([[holder, issued.rootNote.toNumber(), NOTES]], YUAN);
});
after(async () => api && api.disconnect());

const call = (method, params) => rawRpc({ jsonrpc: '2.0', id: 1, method, params });

/** Every page of `method(first, null, page)`, `limit` at a time: the ids and the page count. */
async function readAll(method, first, limit) {
  const ids = [];
  let cursor = null;
  let pages = 0;
  for (;;) {
    const reply = await call(method, [first, null, { cursor, limit }]);
    assert.ok(reply.result, JSON.stringify(reply.error));
    const { items, next } = reply.result;
    assert.ok(items.length <= Math.min(limit, 1_000), 'a page never exceeds its limit');
    ids.push(...items.map((n) => n.id));
    pages += 1;
    if (!next) return { ids, pages };
    cursor = next;
  }
}

test('a tree of 1,600 notes, page by page, with nothing missed or repeated', { timeout: 120_000 }, async () => {
  const onChain = (await api.query.receivables.notesByReceivable.keys(receivable)).map((k) => k.args[1].toNumber());
  assert.ok(onChain.length > NOTES, `${onChain.length} notes: the leaves, the notes they were split from, the root`);
  for (const limit of [1_000, 333, 5_000]) {
    const { ids, pages } = await readAll('cascade_tree', receivable, limit);
    assert.equal(new Set(ids).size, ids.length, `limit ${limit}: no note repeated`);
    assert.deepEqual(new Set(ids), new Set(onChain), `limit ${limit}: exactly the receivable's notes`);
    const capped = Math.min(limit, 1_000);
    assert.equal(pages, Math.ceil(ids.length / capped), `limit ${limit}: clamped to 1,000, no empty last page`);
  }
  // The whole form through polkadot.js still answers an array for a list that fits one page.
  const small = (await api.rpc.cascade.tree(other)).toJSON();
  assert.equal(small.length, 1);
});

test('a list too long for one answer is refused with the paged form named', async () => {
  const reply = await call('cascade_tree', [receivable]);
  assert.equal(reply.error?.code, 4130);
  assert.match(reply.error.message, /more than 1000 notes: read its tree in pages, cascade_tree\(\d+, null, \{"limit": 1000\}\)/);
  const held = await call('cascade_notesOf', [holder.address]);
  assert.equal(held.error?.code, 4130, 'the holder has more than 1,000 notes');
  assert.match(held.error.message, /cascade_notesOf\(account, null/);
  const { ids } = await readAll('cascade_notesOf', holder.address, 1_000);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.length, NOTES + 1, 'every note it holds, and the one offered to it, once');
});

test('an empty list, a foreign cursor, a zero limit, an unknown receivable', async () => {
  const nobody = keyFor(`//Nobody${Date.now()}`).address;
  const empty = await call('cascade_notesOf', [nobody, null, { limit: 10 }]);
  assert.deepEqual(empty.result, { items: [], next: null });
  assert.deepEqual((await call('cascade_notesOf', [nobody])).result, [], 'whole and empty: as before');

  const treeCursor = (await call('cascade_tree', [receivable, null, { limit: 2 }])).result.next;
  const notesCursor = (await call('cascade_notesOf', [holder.address, null, { limit: 2 }])).result.next;
  for (const [method, first, cursor] of [
    ['cascade_tree', other, treeCursor],
    ['cascade_tree', receivable, notesCursor],
    ['cascade_notesOf', keys.dave.address, notesCursor],
    ['cascade_notesOf', holder.address, treeCursor],
  ]) {
    const reply = await call(method, [first, null, { cursor, limit: 2 }]);
    assert.equal(reply.error?.code, -32602, `${method}(${first}) with another list's cursor`);
    assert.match(reply.error.message, /another list/);
  }
  assert.equal((await call('cascade_tree', [receivable, null, { cursor: '0x00ff', limit: 2 }])).error?.code, -32602);
  assert.equal((await call('cascade_tree', [receivable, null, { limit: 0 }])).error?.code, -32602);
  assert.equal((await call('cascade_tree', [999_999, null, { limit: 5 }])).error?.code, 4040);
  assert.equal((await call('cascade_tree', [receivable, null, { limit: 5, page: 2 }])).error?.code, -32602, 'unknown fields refused');
});
