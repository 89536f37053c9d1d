// 部分兑付 on the dev chain: Bob pays a receivable in two parts; after maturity the chain shares
// each payment pro rata among the notes by itself — rounded down, the units held back carried —
// and once everything is paid every holder has received exactly its note. The RPC shows what
// was repaid, paid out and is left, and what each note was paid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, eventOf } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, cny, waitForTime, CNY, waitUntilSettled, clearedEvents } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

const MINUTE = 60_000n;

function data(result, method, section = 'receivables') {
  const e = eventOf(result.events, section, method);
  assert.ok(e, `${section}.${method} event`);
  return e.data;
}

/** Poll until `check(receivable JSON)` holds. */
async function until(receivable, check, what) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
    if (check(rec)) return rec;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(rec)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('a receivable paid in two parts is shared pro rata, then paid exactly', { timeout: 150_000 }, async () => {
  // 1,000.00 in three notes of 333.33, 333.33 and 333.34: Charlie keeps one, Dave and Eve
  // accept one each.
  const face = 100_000n;
  const parts = [33_333n, 33_333n, 33_334n];
  const now = (await api.query.timestamp.now()).toBigInt();
  const maturity = now + 3n * MINUTE;
  const issued = data(await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, face, maturity, 0, '0x' + '33'.repeat(32), `PART-${Date.now()}`), keys.bob), 'Issued');
  const receivable = issued.receivable.toNumber();
  const root = issued.rootNote.toNumber();
  await ok(api, api.tx.receivables.accept(root), keys.charlie);
  const split = data(await ok(api, api.tx.receivables.split(root, parts), keys.charlie), 'Split');
  const notes = split.children.map((c) => c.toNumber());
  const holders = [keys.charlie, keys.dave, keys.eve];
  for (const i of [1, 2]) {
    await ok(api, api.tx.receivables.transfer(notes[i], holders[i].address), keys.charlie);
    await ok(api, api.tx.receivables.accept(notes[i]), holders[i]);
  }
  const before = [];
  for (const h of holders) before.push(await cny(api, h.address));
  const line = async () => (await api.query.enterprises.creditLines(0)).unwrap().used.toBigInt();
  const usedBefore = await line();

  // Half now, before maturity: the line is released by as much, nobody is paid yet.
  const first = data(await ok(api, api.tx.receivables.repayPart(receivable, 50_000n), keys.bob), 'PartRepaid');
  assert.equal(first.outstanding.toBigInt(), 50_000n);
  assert.equal(usedBefore - (await line()), 50_000n, 'the credit line is released in proportion');
  let rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
  assert.deepEqual([rec.repaid, rec.outstanding, rec.paidOut, rec.notesLeft, rec.status],
    ['50000', '50000', '0', 3, 'active']);

  // At maturity the chain pays ⌊part × 50,000 / 100,000⌋: 16,666, 16,666, 16,667 (one unit
  // carried in escrow).
  const fromBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForTime(api, maturity);
  rec = await until(receivable, (r) => r.paidOut === '49999' && !r.clearing, 'first payment cleared');
  const toBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  const shares = [16_666n, 16_666n, 16_667n];
  for (const [i, id] of notes.entries()) {
    const n = (await api.rpc.cascade.note(id)).toJSON();
    assert.equal(n.paid, shares[i].toString(), `note ${id} paid its share`);
    assert.equal(n.state, 'active', 'a partly paid note stays live');
    assert.equal(await cny(api, holders[i].address) - before[i], shares[i]);
  }
  assert.equal(rec.notesLeft, 3);
  const firstPaid = await clearedEvents(api, fromBlock, toBlock, receivable);
  assert.equal(firstPaid.length, 3);
  assert.ok(firstPaid.every((p) => p.byChain && !p.full), 'part payments, made by the chain');
  assert.deepEqual(firstPaid.map((p) => p.left).sort(), [16_667n, 16_667n, 16_667n].sort());

  // The rest, late: every note ends paid exactly its amount, the escrow empty.
  // The repayment lands in a block after the current head (which may hold the first payouts).
  const from2 = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  const rest = data(await ok(api, api.tx.receivables.repay(receivable), keys.bob), 'Repaid');
  assert.equal(rest.amount.toBigInt(), 50_000n);
  assert.equal(rest.reserve.toBigInt(), 0n, 'the reserve came with the first payment');
  const settledAt = await waitUntilSettled(api, receivable, 60_000);
  rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
  assert.deepEqual([rec.repaid, rec.outstanding, rec.paidOut, rec.notesLeft, rec.escrowBalance],
    ['100000', '0', '100000', 0, '0']);
  for (const [i, id] of notes.entries()) {
    const n = (await api.rpc.cascade.note(id)).toJSON();
    assert.deepEqual([n.paid, n.state], [parts[i].toString(), 'redeemed']);
    assert.equal(await cny(api, holders[i].address) - before[i], parts[i], 'exactly its note');
  }
  const secondPaid = await clearedEvents(api, from2, settledAt, receivable);
  assert.deepEqual(secondPaid.map((p) => [p.note, p.full, p.byChain]).sort((a, b) => a[0] - b[0]),
    notes.map((id) => [id, true, true]), 'the rest paid in full, by the chain');
  assert.equal(usedBefore - (await line()), face, 'the line is free again');
});
