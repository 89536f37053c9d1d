// Issue 30 on the dev chain through polkadot.js: priced by who you are. Ferdie (a bank, made an
// Attestor by a council motion) grades Charlie green and A-tier and Dave red and D-tier; his new
// program for Bob's notes takes 1 % off A and 0.5 % off DeepGreen, adds 2 % for D and 1 % for
// Red, and lets a D supplier draw at most 1,500 CNY. Charlie and Dave finance the same amount
// through it: the prices differ exactly by the adjustments; Dave's second financing, over his
// tier's limit, is refused. cascade_programQuote says beforehand what finance does. And the
// 77号文 guards: a 200-day note is refused by a program and financed on a bank's review
// (request/approve); a core with an overdue receivable issues nothing until it pays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, submit, asOperator, eventOf, attestationsOf, programQuote } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, CNY, YUAN, waitForTime } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

const DAY = 86_400_000n;
const FACTORING = { Factoring: { recourse: false } };
const data = (result, section, method) => {
  const e = eventOf(result.events, section, method);
  assert.ok(e, `${section}.${method} event`);
  return e.data;
};
/** ⌈amount × rate (ppm) × days / 360,000,000⌉: the interest of DESIGN §4. */
const interest = (amount, rate, days) => (amount * BigInt(rate) * BigInt(days) + 359_999_999n) / 360_000_000n;

test('a green A-tier and a red D-tier supplier: prices differ by the adjustments, the D limit holds', { timeout: 120_000 }, async () => {
  const { bob, charlie, dave, ferdie, alice } = keys;
  // Ferdie becomes an Attestor (the Operator's motion), unless an earlier run made him one.
  if ((await api.query.enterprises.offices(ferdie.address, 'Attestor')).isNone) {
    await asOperator(api, api.tx.enterprises.grantRole(ferdie.address, 'Attestor'), alice);
  }
  const now = (await api.query.timestamp.now()).toBigInt();
  const until = now + 365n * DAY;
  for (const [who, grade] of [[charlie, { Tier: 'A' }], [charlie, { Green: 'DeepGreen' }], [dave, { Tier: 'D' }], [dave, { Green: 'Red' }]]) {
    await ok(api, api.tx.enterprises.attest(who.address, grade, until), ferdie);
  }
  const charlies = await attestationsOf(api, charlie.address);
  assert.deepEqual(charlies.map((a) => [a.kind, a.grade, a.inForce]), [['tier', { tier: 'a' }, true], ['green', { green: 'deepGreen' }, true]]);

  // Ferdie's program for Bob's notes, priced by grade.
  const opened = data(await ok(api, api.tx.financing.openProgram(bob.address, CNY, 36_500, 10_000_000n * YUAN, until), ferdie),
    'financing', 'ProgramOpened');
  const program = opened.program.toNumber();
  await ok(api, api.tx.financing.setProgramPricing(program,
    [['A', -10_000], ['D', 20_000]], [['DeepGreen', -5_000], ['Red', 10_000]], [['D', 1_500n * YUAN]], 1_000_000), ferdie);

  // Bob issues 1,000 CNY to each, maturing in 30½ days (31 whole days however long the test takes).
  const face = 1_000n * YUAN;
  const maturity = now + 30n * DAY + DAY / 2n;
  const issue = async (to, tag) => {
    const issued = data(await ok(api, api.tx.receivables.issue(to.address, CNY, face, maturity, 0, '0x' + '30'.repeat(32),
      `PRICING-${tag}-${Date.now()}`), bob), 'receivables', 'Issued');
    const note = issued.rootNote.toNumber();
    await ok(api, api.tx.receivables.accept(note), to);
    return note;
  };
  const green = await issue(charlie, 'C');
  const red = await issue(dave, 'D1');
  const second = await issue(dave, 'D2');

  // The quotes say what finance will do.
  const greenQuote = await programQuote(api, green, program, { factoring: { recourse: false } });
  assert.equal(greenQuote.refusal, null);
  assert.equal(greenQuote.terms.annualRate, 21_500);
  assert.deepEqual([greenQuote.terms.tierAdjustment, greenQuote.terms.greenAdjustment], [-10_000, -5_000]);
  assert.equal(greenQuote.limit, null, 'no limit for A');

  const financed = async (note, who) => data(await ok(api, api.tx.financing.finance(note, program, FACTORING), who), 'financing', 'Financed');
  const c = await financed(green, charlie);
  const d = await financed(red, dave);
  const days = Number(greenQuote.days);
  assert.equal(days, 31);
  assert.equal(c.annualRate.toNumber(), 36_500 - 10_000 - 5_000);
  assert.equal(d.annualRate.toNumber(), 36_500 + 20_000 + 10_000);
  assert.equal(c.interest.toBigInt(), interest(face, 21_500, days));
  assert.equal(d.interest.toBigInt(), interest(face, 66_500, days));
  assert.equal(c.price.toBigInt(), BigInt(greenQuote.terms.disbursed), 'the quote was the price');
  assert.equal(d.terms.tier.unwrap().grade.toString(), 'D');
  assert.equal(d.terms.green.unwrap().grade.toString(), 'Red');
  console.log(`31 days, 1,000 CNY: green A-tier pays ${c.interest.toBigInt()} fen, red D-tier ${d.interest.toBigInt()} fen`);

  // Dave has drawn ~992 CNY of his 1,500: a second 1,000 CNY is over the limit.
  const quote = await programQuote(api, second, program, { factoring: { recourse: false } });
  assert.equal(quote.refusal, 'TierLimitExceeded');
  assert.equal(BigInt(quote.limit), 1_500n * YUAN);
  assert.equal(BigInt(quote.drawn), d.price.toBigInt());
  const refused = await submit(api, api.tx.financing.finance(second, program, FACTORING), dave);
  assert.equal(refused.error, 'financing.TierLimitExceeded');
});

test('a note beyond the soft tenor is financed only on review; a core in default issues nothing until it pays', { timeout: 120_000 }, async () => {
  const { alice, bob, charlie, ferdie } = keys;
  const now = (await api.query.timestamp.now()).toBigInt();
  const long = data(await ok(api, api.tx.receivables.issue(charlie.address, CNY, 500n * YUAN, now + 200n * DAY, 0, '0x' + '32'.repeat(32),
    `LONG-${Date.now()}`), bob), 'receivables', 'Issued').rootNote.toNumber();
  await ok(api, api.tx.receivables.accept(long), charlie);
  const refused = await submit(api, api.tx.financing.finance(long, 0, FACTORING), charlie);
  assert.equal(refused.error, 'financing.TenorNeedsReview');
  await ok(api, api.tx.financing.request(long, ferdie.address, FACTORING, 40_000), charlie);
  const request = (await api.rpc.cascade.requestsOf(ferdie.address)).toJSON().find((r) => r.note === long).id;
  const approved = await ok(api, api.tx.financing.approve(request), ferdie);
  assert.equal(data(approved, 'financing', 'Financed').note.toNumber(), long, 'the bank financed it on review');

  // A ten-second grace period, so the receivable goes overdue within the test.
  const params = (await api.query.receivables.params()).toJSON();
  await asOperator(api, api.tx.receivables.setParameters(params.maxTenor, 10_000, params.minNoteAmount), alice);
  try {
    const start = (await api.query.timestamp.now()).toBigInt();
    const issued = data(await ok(api, api.tx.receivables.issue(charlie.address, CNY, 100n * YUAN, start + 15_000n, 0, '0x' + '33'.repeat(32),
      `LATE-${Date.now()}`), bob), 'receivables', 'Issued');
    const receivable = issued.receivable.toNumber();
    await ok(api, api.tx.receivables.accept(issued.rootNote.toNumber()), charlie);
    await waitForTime(api, start + 26_000n);
    const marked = await ok(api, api.tx.receivables.markOverdue(receivable), charlie);
    assert.ok(eventOf(marked.events, 'receivables', 'IssuerInDefault'), 'Bob is in default');
    const blocked = await submit(api, api.tx.receivables.issue(charlie.address, CNY, 100n * YUAN, start + 30n * DAY, 0, '0x' + '34'.repeat(32),
      `BLOCKED-${Date.now()}`), bob);
    assert.equal(blocked.error, 'receivables.IssuerInDefault');
    const paid = await ok(api, api.tx.receivables.repay(receivable), bob);
    assert.ok(eventOf(paid.events, 'receivables', 'IssuerCured'), 'paid, Bob is cured');
    await ok(api, api.tx.receivables.issue(charlie.address, CNY, 100n * YUAN, start + 30n * DAY, 0, '0x' + '34'.repeat(32),
      `CURED-${Date.now()}`), bob);
  } finally {
    await asOperator(api, api.tx.receivables.setParameters(params.maxTenor, params.gracePeriod, params.minNoteAmount), alice);
  }
});
