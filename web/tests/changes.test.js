// The page reads a list again only at a block that concerns it (web/src/changes.ts): while the
// blocks' events name neither the account nor anything on its page, the page sends no read of the
// list except at the periodic refresh (every REFRESH_EVERY blocks); a block that names the account
// brings the list read again and the new row on screen.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, eventOf } from '@cascade/api';
import { CNY, YUAN, waitForBlock } from '@cascade/api/testing';
import { openPortal, actAs } from './harness.js';

/** As web/src/changes.ts. */
const REFRESH_EVERY = 20;
let portal;
after(async () => portal && portal.close());

/** How many blocks in [from, to] are refresh blocks. */
const refreshesIn = (from, to) => Math.floor(to / REFRESH_EVERY) - Math.floor((from - 1) / REFRESH_EVERY);

test('a supplier\'s notes are read again only at a block that concerns them', { timeout: 120_000 }, async () => {
  portal = await openPortal({ lang: 'en-US' });
  const { api, keys, page } = portal;
  // Every JSON-RPC request the page sends, from a reload on.
  const sent = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => {
    const m = String(f.payload).match(/"method":"([^"]+)"/);
    if (m) sent.push(m[1]);
  }));
  await page.reload();
  await actAs(page, keys, 'Charlie', 'supplier');
  await page.locator('[data-testid=notes-count]').waitFor();
  const count = (method) => sent.filter((m) => m === method).length;

  // Quiet for Charlie: Bob issues three receivables to Dave, each in a block of its own.
  const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForBlock(api, (await head()) + 2);
  const from = await head();
  const readsBefore = count('cascade_notesOf');
  const eventsBefore = count('state_getStorage');
  const now = (await api.query.timestamp.now()).toBigInt();
  const issue = (to, i) => api.tx.receivables.issue(to, CNY, 100n * YUAN, now + 20n * 86_400_000n, 0, '0x' + '77'.repeat(32), `CHANGES-${Date.now()}-${i}`);
  for (let i = 0; i < 3; i++) await ok(api, issue(keys.dave.address, i), keys.bob);
  await waitForBlock(api, (await head()) + 1);
  const to = await head();
  const reads = count('cascade_notesOf') - readsBefore;
  const blocksRead = count('state_getStorage') - eventsBefore;
  console.log(`blocks #${from}-#${to} (${to - from} blocks, none naming Charlie): ${reads} reads of Charlie's notes, ${blocksRead} blocks' events read`);
  // The events of every block but those the page reads whole anyway (the periodic refresh, a
  // head it did not see come one after the other).
  assert.ok(blocksRead >= 1 && blocksRead >= to - from - refreshesIn(from, to + 1) - 2,
    `the page read the events of ${blocksRead} of ${to - from} blocks`);
  assert.ok(reads <= refreshesIn(from, to + 1), `${reads} reads of the notes in ${to - from} blocks that do not concern Charlie`);

  // Bob issues to Charlie: the block names him, the page reads his notes again and shows the offer.
  const readsThen = count('cascade_notesOf');
  const r = await ok(api, issue(keys.charlie.address, 9), keys.bob);
  const root = eventOf(r.events, 'receivables', 'Issued').data.rootNote.toNumber();
  await page.locator(`[data-testid=note-row-${root}]`).waitFor({ timeout: 15_000 });
  assert.ok(count('cascade_notesOf') > readsThen, 'the notes were read again');
  assert.deepEqual(portal.errors, [], 'no script errors on the page');
});
