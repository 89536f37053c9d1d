// Receivables through polkadot.js: issue, accept, split, transfer, and the errors users hit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { submit, ok, eventOf, followSubmitted } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, CNY, YUAN } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

const DAY = 86_400_000n;
const docHash = '0x' + '11'.repeat(32);

async function issue(face, invoice) {
  const now = (await api.query.timestamp.now()).toBigInt();
  const r = await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, face, now + 30n * DAY, 0, docHash, invoice), keys.bob);
  const e = eventOf(r.events, 'receivables', 'Issued');
  assert.ok(e, 'Issued event');
  return { receivable: e.data.receivable.toNumber(), root: e.data.rootNote.toNumber() };
}

async function note(id) {
  return (await api.query.receivables.notes(id)).unwrap();
}

test('Bob issues to Charlie; Charlie accepts, splits and transfers', async () => {
  const face = 100_000n * YUAN;
  const usedBefore = (await api.query.enterprises.creditLines(0)).unwrap().used.toBigInt();
  const { receivable, root } = await issue(face, `E2E-R-${Date.now()}`);
  let rec = (await api.query.receivables.receivables(receivable)).unwrap();
  assert.equal(rec.status.toString(), 'Pending');
  assert.equal(rec.face.toBigInt(), face);
  assert.equal((await api.query.enterprises.creditLines(0)).unwrap().used.toBigInt(), usedBefore + face);
  let n = await note(root);
  assert.equal(n.state.isPending, true);
  assert.equal(n.state.asPending.to.toString(), keys.charlie.address);

  // A stranger cannot accept an offer made to Charlie.
  const wrong = await submit(api, api.tx.receivables.accept(root), keys.dave);
  assert.equal(wrong.error, 'receivables.NotRecipient');

  await ok(api, api.tx.receivables.accept(root), keys.charlie);
  rec = (await api.query.receivables.receivables(receivable)).unwrap();
  assert.equal(rec.status.toString(), 'Active');
  n = await note(root);
  assert.equal(n.holder.toString(), keys.charlie.address);
  assert.equal(n.state.isActive, true);

  // A split that does not sum is refused.
  const bad = await submit(api, api.tx.receivables.split(root, [30_000n * YUAN, 60_000n * YUAN]), keys.charlie);
  assert.equal(bad.error, 'receivables.AmountMismatch');

  const split = await ok(api, api.tx.receivables.split(root, [40_000n * YUAN, 60_000n * YUAN]), keys.charlie);
  const children = eventOf(split.events, 'receivables', 'Split').data.children.map((c) => c.toNumber());
  assert.equal(children.length, 2);
  for (const [i, amount] of [[0, 40_000n * YUAN], [1, 60_000n * YUAN]]) {
    const c = await note(children[i]);
    assert.equal(c.amount.toBigInt(), amount);
    assert.equal(c.parent.unwrap().toNumber(), root);
    assert.equal(c.depth.toNumber(), 1);
  }
  assert.equal((await note(root)).state.isConsumed, true);

  // Transfer one child to Dave; Dave accepts.
  await ok(api, api.tx.receivables.transfer(children[0], keys.dave.address), keys.charlie);
  assert.equal((await note(children[0])).state.isPending, true);
  await ok(api, api.tx.receivables.accept(children[0]), keys.dave);
  assert.equal((await note(children[0])).holder.toString(), keys.dave.address);

  // split_transfer: Charlie pays Eve 25,000.00 of the other child.
  const st = await ok(api, api.tx.receivables.splitTransfer(children[1], keys.eve.address, 25_000n * YUAN), keys.charlie);
  const ev = eventOf(st.events, 'receivables', 'SplitTransferred').data;
  const sent = await note(ev.sent.toNumber());
  const kept = await note(ev.kept.toNumber());
  assert.equal(sent.amount.toBigInt(), 25_000n * YUAN);
  assert.equal(kept.amount.toBigInt(), 35_000n * YUAN);
  assert.equal(kept.depth.toNumber(), 2);
  await ok(api, api.tx.receivables.accept(ev.sent.toNumber()), keys.eve);
  assert.equal((await note(ev.sent.toNumber())).holder.toString(), keys.eve.address);
});

test('an invoice cannot be issued twice', async () => {
  const invoice = `E2E-DUP-${Date.now()}`;
  await issue(1_000n * YUAN, invoice);
  const now = (await api.query.timestamp.now()).toBigInt();
  const again = await submit(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, 1_000n * YUAN, now + 30n * DAY, 0, docHash, invoice), keys.bob);
  assert.equal(again.error, 'receivables.DuplicateInvoice');
});

// The page and the client treat a submission the node already has (1013, "Transaction Already
// Imported": a submission repeated on the way) as sent, and follow it by its hash.
test('a transaction the node already has is followed into a block by its hash', async () => {
  const now = (await api.query.timestamp.now()).toBigInt();
  const tx = api.tx.receivables.issue(keys.charlie.address, CNY, 10n * YUAN, now + 86_400_000n, 0, '0x' + '35'.repeat(32), `AGAIN-${Date.now()}`);
  await tx.signAsync(keys.bob, { nonce: -1 });
  await api.rpc.author.submitExtrinsic(tx);
  await assert.rejects(api.rpc.author.submitExtrinsic(tx), /1013|Already Imported/, 'the node has it already');
  const stages = [];
  const followed = await followSubmitted(api, tx.hash.toHex(), (p) => stages.push(p.stage));
  assert.equal(followed.stage, 'finalized');
  assert.ok(eventOf(followed.events, 'receivables', 'Issued'), 'with its events');
  assert.deepEqual([stages[0], stages.at(-1)], ['sent', 'finalized']);
  // A hash no block holds: failed after the blocks it waited.
  const lost = await followSubmitted(api, '0x' + '00'.repeat(32), () => {}, 3);
  assert.equal(lost.stage, 'failed');
});
