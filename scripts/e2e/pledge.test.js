// Issue 11, item 1, on the dev chain through polkadot.js: a pledged note whose receivable goes
// overdue locks nothing. Charlie pledges his note with program 0 (Ferdie); the core misses the
// maturity and the grace period; Ferdie calls the loan (a claim shows in cascade_claimsOf); Bob
// then pays late; the chain pays the note by itself, Ferdie first, Charlie the rest, and the
// claim closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { submit, ok, asOperator, eventOf } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, cny, waitForTime, CNY, YUAN, waitUntilSettled, clearedEvents } from '@cascade/api/testing';

let api;
let keys;
let params;
before(async () => {
  api = await connect();
  keys = devAccounts();
  params = (await api.query.receivables.params()).toJSON();
});
after(async () => {
  if (api && params) {
    // Put the ledger's parameters back for the tests that follow.
    await asOperator(api, api.tx.receivables.setParameters(
      params.maxTenor, params.gracePeriod, params.minNoteAmount), keys.alice);
  }
  if (api) await api.disconnect();
});

const MINUTE = 60_000n;

function data(result, section, method) {
  const e = eventOf(result.events, section, method);
  assert.ok(e, `${section}.${method} event`);
  return e.data;
}

test('a called pledge loan is paid first when the core pays late', { timeout: 110_000 }, async () => {
  // A one-minute grace period (chain time), so the receivable goes overdue within the test.
  await asOperator(api, api.tx.receivables.setParameters(
    params.maxTenor, MINUTE, params.minNoteAmount), keys.alice);
  const face = 1_000_000n * YUAN;
  const now = (await api.query.timestamp.now()).toBigInt();
  const maturity = now + 3n * MINUTE;
  const issued = data(await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, face, maturity, 0, '0x' + '33'.repeat(32), `PLEDGE-${Date.now()}`), keys.bob),
  'receivables', 'Issued');
  const receivable = issued.receivable.toNumber();
  const note = issued.rootNote.toNumber();
  await ok(api, api.tx.receivables.accept(note), keys.charlie);

  const pledged = data(await ok(api, api.tx.financing.finance(note, 0, 'Pledge'), keys.charlie),
    'financing', 'Financed');
  const financing = pledged.financing.toNumber();

  // Before the receivable is overdue, the lender cannot call.
  const early = await submit(api, api.tx.financing.callLoan(financing), keys.ferdie);
  assert.equal(early.error, 'financing.NotOverdue');

  // Maturity and grace pass unpaid: the receivable is overdue and Ferdie calls the loan.
  await waitForTime(api, maturity + MINUTE);
  await ok(api, api.tx.receivables.markOverdue(receivable), keys.eve);
  const called = data(await ok(api, api.tx.financing.callLoan(financing), keys.ferdie), 'financing', 'LoanCalled');
  const owed = called.owed.toBigInt();
  assert.equal(called.borrower.toString(), keys.charlie.address);
  const claims = (await api.rpc.cascade.claimsOf(keys.charlie.address)).toJSON();
  const claim = claims.find((c) => c.financing === financing);
  assert.ok(claim, 'the claim shows in cascade_claimsOf');
  assert.equal(claim.amount, owed.toString());
  const state = (await api.query.receivables.notes(note)).unwrap().state;
  assert.ok(state.isPledged && state.asPledged.financing.toNumber() === financing,
    'the note stays pledged as security');

  // Bob pays late; the chain pays the note by itself: Ferdie first, up to the claim, Charlie the
  // rest.
  const [charlieBefore, ferdieBefore] = [await cny(api, keys.charlie.address), await cny(api, keys.ferdie.address)];
  const from = (await api.rpc.chain.getHeader()).number.toNumber();
  await ok(api, api.tx.receivables.repay(receivable), keys.bob);
  const settledAt = await waitUntilSettled(api, receivable, 60_000);
  const [paid] = await clearedEvents(api, from, settledAt, receivable);
  assert.ok(paid.full && paid.byChain && paid.note === note, 'paid in full by the chain');
  const toFerdie = paid.toPledgee;
  assert.ok(owed <= face, 'a one-day loan is owed less than the note');
  assert.equal(toFerdie, owed, 'Ferdie is paid the claim first');
  assert.equal(await cny(api, keys.ferdie.address) - ferdieBefore, owed);
  assert.equal(await cny(api, keys.charlie.address) - charlieBefore, face - owed, 'Charlie gets the rest');
  assert.equal((await api.query.financing.claims(financing)).isNone, true, 'the claim is closed');
  assert.equal((await api.query.financing.financings(financing)).unwrap().status.toString(), 'Redeemed');
  assert.equal((await api.rpc.cascade.claimsOf(keys.charlie.address)).toJSON()
    .filter((c) => c.financing === financing).length, 0);
});
