// The whole story on the dev chain with the demo world, every balance checked to the minor unit:
// Bob issues to Charlie; Charlie accepts and pays Dave part; Dave pays Eve part; Eve factors with
// program 0; Dave pledges; Bob repays; after maturity the chain pays every holder by itself
// (自动清分) — nobody sends a single redeem. On the way, the failures a real user would hit are
// refused with the pallet's error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { submit, ok, eventOf } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, cny, waitForTime, CNY, YUAN, waitUntilSettled, clearedEvents } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

const MINUTE = 60_000n;
const RATE = 36_500; // 3.65 % a year, parts per million
const docHash = '0x' + '22'.repeat(32);

/** Fees are paid in the native token, so CNY moves only by what the ledger moves. */
async function balances() {
  const out = {};
  for (const k of ['bob', 'charlie', 'dave', 'eve', 'ferdie']) out[k] = await cny(api, keys[k].address);
  return out;
}

function data(result, method, section = 'receivables') {
  const e = eventOf(result.events, section, method);
  assert.ok(e, `${section}.${method} event`);
  return e.data;
}

test('the story, from issuance to every holder paid by the chain itself', { timeout: 150_000 }, async () => {
  const start = await balances();
  const face = 1_000_000n * YUAN;
  const now = (await api.query.timestamp.now()).toBigInt();
  // The dev chain's clock runs at least 6 s per block: 12 minutes of chain time is ~120 blocks.
  const maturity = now + 12n * MINUTE;

  // Bob issues to Charlie; Charlie accepts.
  const issued = data(await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, face, maturity, 0, docHash, `STORY-${Date.now()}`), keys.bob), 'Issued');
  const receivable = issued.receivable.toNumber();
  const root = issued.rootNote.toNumber();
  const stranger = await submit(api, api.tx.receivables.accept(root), keys.eve);
  assert.equal(stranger.error, 'receivables.NotRecipient', 'a stranger cannot accept');
  await ok(api, api.tx.receivables.accept(root), keys.charlie);

  // Charlie pays Dave 400,000.00; Dave accepts.
  const badSplit = await submit(api, api.tx.receivables.split(root, [face / 2n, face / 2n + 1n]), keys.charlie);
  assert.equal(badSplit.error, 'receivables.AmountMismatch', 'a split must sum to the note');
  const toDave = data(await ok(api, api.tx.receivables.splitTransfer(root, keys.dave.address, 400_000n * YUAN), keys.charlie), 'SplitTransferred');
  const charlieNote = toDave.kept.toNumber();
  await ok(api, api.tx.receivables.accept(toDave.sent.toNumber()), keys.dave);

  // Dave pays Eve 150,000.00; Eve accepts.
  const toEve = data(await ok(api, api.tx.receivables.splitTransfer(toDave.sent.toNumber(), keys.eve.address, 150_000n * YUAN), keys.dave), 'SplitTransferred');
  const eveNote = toEve.sent.toNumber();
  const daveNote = toEve.kept.toNumber();
  await ok(api, api.tx.receivables.accept(eveNote), keys.eve);

  // Lineage: Eve's note is three levels from the root, and the RPC shows the whole path.
  const lineage = (await api.rpc.cascade.lineage(eveNote)).toJSON();
  assert.deepEqual(lineage.map((n) => n.id), [eveNote, toDave.sent.toNumber(), root]);

  // Eve, a tier-3 supplier, factors at the core's price through program 0.
  const quote = (await api.rpc.cascade.quote(eveNote, RATE)).toJSON();
  assert.equal(quote.financeable, true);
  const eveBefore = await cny(api, keys.eve.address);
  const factored = data(await ok(api, api.tx.financing.finance(eveNote, 0, { Factoring: { recourse: false } }), keys.eve), 'Financed', 'financing');
  const evePrice = factored.price.toBigInt();
  assert.equal(evePrice.toString(), quote.disbursed, 'the quote equals what finance paid');
  assert.equal(await cny(api, keys.eve.address) - eveBefore, evePrice);
  assert.equal(factored.interest.toBigInt() + evePrice, 150_000n * YUAN);

  // Dave pledges his remaining 250,000.00 with program 0.
  const pledged = data(await ok(api, api.tx.financing.finance(daveNote, 0, 'Pledge'), keys.dave), 'Financed', 'financing');
  const daveLoan = pledged.price.toBigInt();
  const pledgeId = pledged.financing.toNumber();
  const moving = await submit(api, api.tx.receivables.transfer(daveNote, keys.charlie.address), keys.dave);
  assert.equal(moving.error, 'receivables.NoteNotActive', 'a pledged note cannot move');

  // Bob repays everything into escrow; the credit line is released.
  const repaid = data(await ok(api, api.tx.receivables.repay(receivable), keys.bob), 'Repaid');
  assert.equal(repaid.amount.toBigInt(), face);
  const early = await submit(api, api.tx.receivables.settle(receivable, 10), keys.alice);
  assert.equal(early.error, 'receivables.NothingToSettle', 'nothing is paid before maturity');
  const queued = (await api.rpc.cascade.receivable(receivable)).toJSON();
  assert.equal(queued.clearing, true, 'the repaid receivable waits for its maturity');
  assert.equal(queued.notesLeft, 3);

  // After maturity the chain pays every note by itself, in the blocks that follow.
  const fromBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForTime(api, maturity);
  const settledAt = await waitUntilSettled(api, receivable, 60_000);
  const paid = await clearedEvents(api, fromBlock, settledAt, receivable);
  assert.deepEqual(paid.map((p) => p.note).sort((a, b) => a - b), [charlieNote, daveNote, eveNote].sort((a, b) => a - b),
    'each note paid once, by the chain');
  assert.ok(paid.every((p) => p.byChain), 'every payout happened outside any extrinsic (on_idle)');
  const toFerdie = paid.find((p) => p.note === daveNote).toPledgee;

  const rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
  assert.equal(rec.status, 'settled');
  assert.equal(rec.escrowBalance, '0');
  assert.equal(rec.notesLeft, 0);
  assert.equal(rec.paidOut, face.toString());
  assert.equal((await api.rpc.cascade.note(eveNote)).toJSON().paid, (150_000n * YUAN).toString());
  const fin = (await api.query.financing.financings(pledgeId)).unwrap();
  assert.equal(fin.status.toString(), 'Redeemed');

  // Every balance, to the minor unit.
  const end = await balances();
  assert.equal(end.bob - start.bob, -face, 'Bob paid the face once');
  assert.equal(end.charlie - start.charlie, 600_000n * YUAN, 'Charlie got his 600,000.00');
  assert.equal(end.eve - start.eve, evePrice, 'Eve got the factoring price');
  assert.equal(end.dave - start.dave, daveLoan + (250_000n * YUAN - toFerdie), 'Dave: loan plus the rest');
  assert.equal(end.ferdie - start.ferdie, -evePrice + 150_000n * YUAN - daveLoan + toFerdie,
    'Ferdie: paid the price and the loan, got the note and the payoff');
  const total = Object.values(end).reduce((a, b) => a + b, 0n);
  const totalStart = Object.values(start).reduce((a, b) => a + b, 0n);
  assert.equal(total, totalStart, 'no money created or lost');
});
