// History from the indexer (scripts/e2e/portal.sh runs one beside the node and gives the page its
// address): a fresh browser — nothing in its storage — shows a supplier the notes it was paid;
// the statement the page links to downloads, and what it says moved equals what moved on chain;
// the maturity ladder draws what the supplier will be paid, per week, as the chain has it.
// Without an indexer the page says history is unavailable and still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ok, eventOf } from '@cascade/api';
import { CNY, YUAN, cny, waitForTime, waitUntilSettled } from '@cascade/api/testing';
import { openPortal, actAs, indexerAt, INDEXER_URL } from './harness.js';

const DAY = 86_400_000;

/** CNY of `who` at block `n`. */
async function cnyAt(api, who, n) {
  const at = await api.at(await api.rpc.chain.getBlockHash(n));
  const account = await at.query.assets.account(CNY, who);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
}

test('history from the indexer: paid notes in a fresh browser, the statement, the ladder', { timeout: 240_000, skip: !INDEXER_URL && 'no indexer' }, async () => {
  const { connectToTestNode, devAccounts } = await import('@cascade/api/testing');
  const api = await connectToTestNode();
  const keys = devAccounts();
  try {
    await story(api, keys);
  } finally {
    await api.disconnect();
  }
});

async function story(api, keys) {
  const dave = keys.dave.address;
  const startBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  const startTime = (await api.query.timestamp.now()).toNumber();

  // Bob issues two receivables to Dave: one maturing in a minute (paid during the test), one in
  // ten days (on the ladder).
  const issue = async (face, maturity, ref) => {
    const r = await ok(api, api.tx.receivables.issue(dave, CNY, face, maturity, 0, '0x' + '55'.repeat(32), ref), keys.bob);
    const root = eventOf(r.events, 'receivables', 'Issued').data.rootNote.toNumber();
    const id = eventOf(r.events, 'receivables', 'Issued').data.receivable.toNumber();
    await ok(api, api.tx.receivables.accept(root), keys.dave);
    return { id, root };
  };
  const soon = await issue(500n * YUAN, startTime + 120_000, `HIST-SOON-${Date.now()}`);
  const later = await issue(300n * YUAN, startTime + 10 * DAY, `HIST-LATER-${Date.now()}`);
  await ok(api, api.tx.receivables.repay(soon.id), keys.bob);
  await waitForTime(api, startTime + 120_000);
  const settledAt = await waitUntilSettled(api, soon.id, 60_000);
  assert.equal((await api.rpc.cascade.note(soon.root)).toJSON().state, 'redeemed');
  await indexerAt(settledAt, 60_000);

  // A fresh browser — a new Chromium, nothing stored from any earlier visit, the note paid out
  // before the page ever saw Dave — shows Dave the note he was paid.
  const portal = await openPortal({ lang: 'en-US' });
  try {
    await inTheBrowser(api, keys, portal, { soon, later, startBlock });
  } finally {
    await portal.close();
  }
}

async function inTheBrowser(api, keys, portal, { soon, later, startBlock }) {
  const { page } = portal;
  const dave = keys.dave.address;
  // The page keeps only the reader's language and chosen account in the browser: no notes.
  const stored = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(stored.filter((k) => !['cascade.lang', 'cascade.account'].includes(k)), [], `stored: ${stored}`);
  await actAs(page, keys, 'Dave', 'supplier');
  await page.locator(`[data-testid=paid-amount-${soon.root}]`).filter({ hasText: '500.00 CNY' }).waitFor({ timeout: 15_000 });

  // The ladder: what Dave's live notes will still be paid, per week, is the chain's.
  const held = (await api.rpc.cascade.notesOf(dave)).toJSON()
    .filter((n) => n.holder === dave && ['active', 'pledged', 'frozen'].includes(n.state));
  const due = held.reduce((s, n) => s + BigInt(n.amount) - BigInt(n.paid), 0n);
  assert.ok(held.some((n) => n.id === later.root), 'the later note is live');
  const ladder = page.locator('[data-testid=ladder-paid]');
  await page.waitForFunction(([want]) => document.querySelector('[data-testid=ladder-paid]')?.getAttribute('data-total') === want,
    [due.toString()], { timeout: 15_000 });
  const bars = await ladder.locator('g[data-amount]').evaluateAll((gs) => gs.map((g) => BigInt(g.getAttribute('data-amount'))));
  assert.equal(bars.reduce((a, b) => a + b, 0n), due, 'the bars add up to what is due');
  assert.ok(bars.length === 14, `earlier, 12 weeks, later: ${bars.length} bars`);

  // The statement: the page's link downloads CSV; the JSON of the same service, over the test's
  // blocks, says Dave's cash moved by what his CNY balance moved on chain.
  await page.fill('[data-testid=statement-from]', '2020-01-01');
  const href = await page.locator('[data-testid=statement-csv]').getAttribute('href');
  assert.ok(href.startsWith(`${INDEXER_URL}/statement/${dave}?`) && href.includes('format=csv'), href);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=statement-csv]')]);
  const csv = (await (await import('node:fs/promises')).readFile(await download.path(), 'utf8')).trim().split('\n');
  assert.equal(csv[0], 'time,block,event,kind,receivable,note,financing,counterparty,notes,cash');
  assert.ok(csv.some((l) => l.split(',')[3] === 'paid_out' && l.split(',')[5] === String(soon.root)), 'the payout is a line');
  const asJson = await (await fetch(href.replace('format=csv', 'format=json'))).json();
  const closing = csv.at(-1).split(',');
  assert.deepEqual([closing[3], closing[8], closing[9]], ['closing', asJson.closing.notes, asJson.closing.cash], 'the CSV closes as the JSON');

  const endBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  await indexerAt(endBlock, 60_000);
  const blockTime = async (n) => (await (await api.at(await api.rpc.chain.getBlockHash(n))).query.timestamp.now()).toNumber();
  const from = (await blockTime(startBlock)) + 1;
  const to = (await blockTime(endBlock)) + 1;
  const s = await (await fetch(`${INDEXER_URL}/statement/${dave}?from=${from}&to=${to}&format=json`)).json();
  const moved = BigInt(s.closing.cash) - BigInt(s.opening.cash);
  const onChain = (await cnyAt(api, dave, endBlock)) - (await cnyAt(api, dave, startBlock));
  assert.equal(moved, onChain, 'the statement moves Dave’s cash as the chain did');
  assert.equal(onChain, 500n * YUAN, 'Dave was paid 500.00');
  assert.equal(BigInt(s.closing.notes) - BigInt(s.opening.notes), 300n * YUAN, 'and still holds 300.00');
  assert.equal(await cny(api, dave), await cnyAt(api, dave, endBlock), 'nothing moved since');
  assert.deepEqual(portal.errors, [], 'no script errors on the page');
}

test('without an indexer the page says history is unavailable, and still shows the chain', { timeout: 60_000 }, async () => {
  const bare = await openPortal({ lang: 'en-US', indexer: false });
  try {
    const { page, keys } = bare;
    await actAs(page, keys, 'Dave', 'supplier');
    await page.locator('[data-testid=notes-count]').waitFor();
    const unavailable = page.locator('[data-testid=history-unavailable]');
    await unavailable.first().waitFor();
    assert.ok((await unavailable.count()) >= 3, 'the ladder, paid notes and statement say so');
    assert.match(await unavailable.first().textContent(), /History is unavailable/);
    assert.deepEqual(bare.errors, []);
  } finally {
    await bare.close();
  }
});
