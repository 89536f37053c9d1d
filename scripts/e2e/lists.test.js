// The per-account lists over JSON-RPC — cascade_programsOf, cascade_financingsOf,
// cascade_requestsOf, cascade_claimsOf, cascade_receivablesOf, cascade_linesOf — whole and in pages, with cursors of
// other lists refused; cascade_exposure from counters; and ReceivablesApi.can_issue through
// polkadot.js's runtime calls answering what `issue` would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, submit, eventOf } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, rawRpc, keyFor, CNY, YUAN } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

const call = (method, params) => rawRpc({ jsonrpc: '2.0', id: 1, method, params });

/** Every item of `method(owner, null, page)`, `limit` at a time. */
async function readAll(method, owner, limit) {
  const items = [];
  let cursor = null;
  for (;;) {
    const reply = await call(method, [owner, null, { cursor, limit }]);
    assert.ok(reply.result, `${method}: ${JSON.stringify(reply.error)}`);
    assert.ok(reply.result.items.length <= limit);
    items.push(...reply.result.items);
    if (!reply.result.next) return items;
    cursor = reply.result.next;
  }
}

/** Bob issues `face` to Charlie, who accepts: the note. */
async function noteOfCharlie(face) {
  const now = (await api.query.timestamp.now()).toBigInt();
  const issued = eventOf((await ok(api, api.tx.receivables.issue(keys.charlie.address, CNY, face,
    now + 60n * 86_400_000n, 0, '0x' + '55'.repeat(32), `LISTS-${Date.now()}-${Math.random()}`), keys.bob)).events,
  'receivables', 'Issued').data;
  await ok(api, api.tx.receivables.accept(issued.rootNote), keys.charlie);
  return issued.rootNote.toNumber();
}

test('programs, financings and requests: whole, in pages, and as they change', { timeout: 120_000 }, async () => {
  const programs = (await call('cascade_programsOf', [keys.ferdie.address])).result;
  assert.ok(Array.isArray(programs) && programs.some((p) => p.id === 0), JSON.stringify(programs));
  for (const p of programs) {
    assert.equal(p.financier, keys.ferdie.address);
    assert.equal(typeof p.budget, 'string', 'amounts are decimal strings');
    assert.equal(typeof p.asset, 'string');
  }
  assert.deepEqual((await readAll('cascade_programsOf', keys.ferdie.address, 1)).map((p) => p.id).sort(),
    programs.map((p) => p.id).sort(), 'page by page: the same programs');

  // A request waits in both lists, then leaves them when declined.
  const asked = await noteOfCharlie(500n * YUAN);
  const req = eventOf((await ok(api, api.tx.financing.request(asked, keys.ferdie.address, 'Pledge', 45_000), keys.charlie)).events,
    'financing', 'Requested').data.request.toNumber();
  for (const who of [keys.ferdie.address, keys.charlie.address]) {
    const waiting = await readAll('cascade_requestsOf', who, 2);
    const mine = waiting.find((q) => q.id === req);
    assert.ok(mine, `${who} sees request ${req}`);
    assert.deepEqual([mine.note, mine.holder, mine.financier, mine.kind, mine.annualRate],
      [asked, keys.charlie.address, keys.ferdie.address, 'pledge', 45_000]);
  }
  await ok(api, api.tx.financing.decline(req), keys.ferdie);
  assert.ok(!(await readAll('cascade_requestsOf', keys.ferdie.address, 2)).some((q) => q.id === req), 'gone once declined');

  // A factoring appears for the seller and the factor.
  const sold = await noteOfCharlie(800n * YUAN);
  const financing = eventOf((await ok(api, api.tx.financing.finance(sold, 0, { Factoring: { recourse: true } }), keys.charlie)).events,
    'financing', 'Financed').data.financing.toNumber();
  for (const who of [keys.charlie.address, keys.ferdie.address]) {
    const f = (await readAll('cascade_financingsOf', who, 3)).find((x) => x.id === financing);
    assert.ok(f, `${who} sees financing ${financing}`);
    assert.deepEqual(f.kind, { factoring: { recourse: true } });
    assert.equal(f.status, 'open');
    assert.equal(f.amount, String(800n * YUAN));
    assert.equal(f.seller, keys.charlie.address);
  }
  const nobody = keyFor(`//NoLists${Date.now()}`).address;
  for (const method of ['cascade_programsOf', 'cascade_financingsOf', 'cascade_requestsOf', 'cascade_claimsOf', 'cascade_receivablesOf', 'cascade_linesOf']) {
    assert.deepEqual((await call(method, [nobody])).result, [], `${method}: whole and empty`);
    assert.deepEqual((await call(method, [nobody, null, { limit: 5 }])).result, { items: [], next: null }, `${method}: one empty page`);
  }
});

test("a core's lines, its exposure, and cursors that belong to other lists", async () => {
  const lines = (await call('cascade_linesOf', [keys.bob.address])).result;
  const exposure = (await call('cascade_exposure', [keys.bob.address])).result;
  assert.equal(exposure.complete, true);
  assert.equal(exposure.core, keys.bob.address);
  assert.deepEqual(lines.map((l) => l.id).sort(), exposure.creditLines.map((l) => l.id).sort());
  const line = lines.find((l) => l.id === 0);
  assert.equal(BigInt(line.available), BigInt(line.limit) - BigInt(line.used));

  // Issuing raises the exposure by the face, in the counters.
  const before = BigInt(exposure.outstanding.find((o) => o.asset === String(CNY))?.amount ?? '0');
  await noteOfCharlie(123n * YUAN);
  const after = (await call('cascade_exposure', [keys.bob.address])).result;
  assert.equal(BigInt(after.outstanding.find((o) => o.asset === String(CNY)).amount), before + 123n * YUAN);
  assert.equal(after.receivables, exposure.receivables + 1);

  // The core's receivables, page by page (3 a page), are its whole register once each: as many
  // outstanding as the exposure counts, each issued by it and shown as cascade_receivable shows it.
  const register = await readAll('cascade_receivablesOf', keys.bob.address, 3);
  assert.equal(new Set(register.map((r) => r.id)).size, register.length, 'none repeated');
  assert.ok(register.every((r) => r.issuer === keys.bob.address));
  const open = register.filter((r) => ['pending', 'active', 'overdue'].includes(r.status));
  assert.equal(open.length, after.receivables, 'the outstanding ones are those the exposure counts');
  const newest = register.reduce((a, b) => (a.id > b.id ? a : b));
  assert.deepEqual(newest, (await call('cascade_receivable', [newest.id])).result);

  // Ferdie opens a second program, so its programs take two pages of one.
  const now = (await api.query.timestamp.now()).toBigInt();
  await ok(api, api.tx.financing.openProgram(keys.bob.address, CNY, 40_000, 1_000n * YUAN, now + 86_400_000n), keys.ferdie);
  const programsCursor = (await call('cascade_programsOf', [keys.ferdie.address, null, { limit: 1 }])).result.next;
  assert.ok(programsCursor, 'a second page');
  for (const [method, owner] of [['cascade_financingsOf', keys.ferdie.address], ['cascade_programsOf', keys.bob.address],
    ['cascade_claimsOf', keys.ferdie.address], ['cascade_tree', 0]]) {
    const reply = await call(method, [owner, null, { cursor: programsCursor, limit: 1 }]);
    assert.equal(reply.error?.code, -32602, `${method} refuses a programs cursor`);
    assert.match(reply.error.message, /another list/);
  }
  assert.equal((await call('cascade_linesOf', ['not-an-account'])).error?.code, -32602);
});

test('can_issue answers what issue would, without signing anything', async () => {
  const now = (await api.query.timestamp.now()).toBigInt();
  const maturity = now + 30n * 86_400_000n;
  const ask = async (issuer, face, ref, due = maturity) => {
    const answer = await api.call.receivablesApi.canIssue(issuer, keys.charlie.address, CNY, face, due, 0, ref);
    return answer.isOk ? 'Ok' : (() => {
      const meta = api.registry.findMetaError(answer.asErr.asModule);
      return `${meta.section}.${meta.name}`;
    })();
  };
  const ref = `CAN-${Date.now()}`;
  assert.equal(await ask(keys.bob.address, 10n * YUAN, ref), 'Ok');
  assert.equal(await ask(keys.bob.address, 1n, ref), 'receivables.BelowMinimum');
  assert.equal(await ask(keys.bob.address, 10n * YUAN, ref, now - 1n), 'receivables.MaturityInPast');
  assert.equal(await ask(keys.charlie.address, 10n * YUAN, ref), 'receivables.NotCore');
  assert.equal(await ask(keys.bob.address, 10n * YUAN, 'x'.repeat(65)), 'receivables.InvoiceRefTooLong');
  assert.equal(await ask(keys.bob.address, 10n ** 30n, ref), 'enterprises.CreditLineExceeded');
  // The same question after the invoice was issued: the chain's own answer changes.
  const issued = await submit(api, api.tx.receivables.issue(keys.charlie.address, CNY, 10n * YUAN, maturity, 0,
    '0x' + '44'.repeat(32), ref), keys.bob);
  assert.ok(issued.ok, issued.error);
  assert.equal(await ask(keys.bob.address, 10n * YUAN, ref), 'receivables.DuplicateInvoice');
  const again = await submit(api, api.tx.receivables.issue(keys.charlie.address, CNY, 10n * YUAN, maturity, 0,
    '0x' + '44'.repeat(32), ref), keys.bob);
  assert.equal(again.error, 'receivables.DuplicateInvoice', 'issue fails as can_issue said');
});
