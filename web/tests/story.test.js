// The whole story through the page alone, in Chromium, every actor signing in the (test) wallet:
// Bob issues to Charlie; Charlie accepts and pays Dave part; Dave finances his note through
// program 0 at the price the page showed; Ferdie sees the financing; Bob repays; after maturity
// every holder sees the note paid. Balances are checked against the chain after each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cny, waitForTime, YUAN, waitUntilSettled } from '@cascade/api/testing';
import { openPortal, actAs, clickAndFinalize, localInput } from './harness.js';

let portal;
before(async () => { portal = await openPortal({ lang: 'zh-CN' }); });
after(async () => portal && portal.close());

const MINUTE = 60_000;
const SHOTS = process.env.CASCADE_SCREENSHOTS;

/** The number in a page text like `已开立应收账款 #3（凭证 #7）`. */
function numbers(text) {
  return [...text.matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
}

test('the story through the portal alone, balances checked against the chain', { timeout: 240_000 }, async () => {
  const { api, keys, page, wallet } = portal;
  const balances = async () => {
    const out = {};
    for (const k of ['bob', 'charlie', 'dave', 'ferdie']) out[k] = await cny(api, keys[k].address);
    return out;
  };
  const start = await balances();

  // Bob issues 100,000.00 CNY to Charlie, maturing in 10 minutes of chain time
  // (the dev chain's clock runs 6 s a block, a block every 300 ms: about 30 s of the test).
  await actAs(page, keys, 'Bob', 'core');
  const now = (await api.query.timestamp.now()).toNumber();
  const maturity = now + 10 * MINUTE;
  const invoice = `PORTAL-${Date.now()}`;
  await page.fill('[data-testid=issue-supplier]', 'Demo Tier-1 Parts Co.');
  await page.fill('[data-testid=issue-face]', '100,000.00');
  await page.fill('[data-testid=issue-maturity]', localInput(maturity));
  await page.fill('[data-testid=issue-invoice]', invoice);
  await page.setInputFiles('[data-testid=issue-document]', { name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`contract ${invoice}`) });
  await page.locator('[data-testid=issue-dochash]').waitFor();
  const signedBefore = wallet.signed.length;
  const issued = await clickAndFinalize(page, 'issue-submit');
  assert.equal(wallet.signed.length, signedBefore + 1, 'one signature, by the wallet');
  assert.equal(wallet.signed.at(-1).address, keys.bob.address);
  const [receivableId, root] = numbers(issued);
  const rec = (await api.rpc.cascade.receivable(receivableId)).toJSON();
  assert.equal(rec.face, (100_000n * YUAN).toString());
  assert.equal(rec.issuer, keys.bob.address);
  assert.equal(rec.invoiceRef, invoice);
  // The maturity typed in Shanghai time is the chain's maturity, to the minute.
  assert.equal(Math.floor(rec.maturity / MINUTE), Math.floor(maturity / MINUTE));
  assert.deepEqual(await balances(), start, 'issuing moves no money');

  // Charlie accepts, then pays Dave 40,000.00 of it.
  await actAs(page, keys, 'Charlie', 'supplier');
  await clickAndFinalize(page, `accept-${root}`);
  assert.equal((await api.rpc.cascade.note(root)).toJSON().state, 'active');
  await page.click(`[data-testid=open-${root}]`);
  await page.fill('[data-testid=pay-recipient]', 'Demo Tier-2 Components Co.');
  await page.fill('[data-testid=pay-amount]', '40,000.00');
  await clickAndFinalize(page, 'pay-submit');
  const offered = (await api.rpc.cascade.notesOf(keys.dave.address)).toJSON().filter((n) => n.receivable === receivableId);
  assert.equal(offered.length, 1);
  const daveNote = offered[0].id;
  assert.equal(offered[0].amount, (40_000n * YUAN).toString());
  assert.equal(offered[0].state, 'pending');
  const charlieNote = (await api.rpc.cascade.notesOf(keys.charlie.address)).toJSON().find((n) => n.receivable === receivableId && n.holder === keys.charlie.address && n.state === 'active').id;
  await page.locator(`[data-testid=note-row-${charlieNote}]`).waitFor();
  assert.deepEqual(await balances(), start, 'paying with a note moves no money');

  // Dave accepts and factors his note through program 0 at the price the page shows.
  await actAs(page, keys, 'Dave', 'supplier');
  await clickAndFinalize(page, `accept-${daveNote}`);
  await page.click(`[data-testid=open-${daveNote}]`);
  const price = page.locator('[data-testid=offer-0-price]');
  await price.waitFor();
  const shown = BigInt(await price.getAttribute('data-value'));
  const shownText = await price.textContent();
  const quote = (await api.rpc.cascade.quote(daveNote, 36_500)).toJSON();
  assert.equal(shown.toString(), quote.disbursed, 'the page shows the chain quote');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/portal-supplier-zh.png`, fullPage: true });
  const daveBefore = await cny(api, keys.dave.address);
  const received = await clickAndFinalize(page, 'factor-0');
  assert.ok(received.includes(shownText.trim()), `the page reports the price it showed (${received})`);
  assert.equal(await cny(api, keys.dave.address) - daveBefore, shown, 'what arrived is the price the page showed');
  const afterFinance = await balances();
  assert.equal(afterFinance.ferdie - start.ferdie, -shown, 'Ferdie paid the price');

  // Ferdie sees the financing among his.
  await actAs(page, keys, 'Ferdie', 'bank');
  const financingRow = page.locator(`tr[data-note="${daveNote}"]`);
  await financingRow.waitFor();
  const financingId = numbers(await financingRow.locator('td').first().textContent())[0];
  const fin = (await api.query.financing.financings(financingId)).unwrap();
  assert.equal(fin.note.toNumber(), daveNote);
  assert.equal(fin.financier.toString(), keys.ferdie.address);
  assert.equal(fin.disbursed.toBigInt(), shown);
  if (SHOTS) {
    await page.click('[data-testid=lang]');
    await page.screenshot({ path: `${SHOTS}/portal-bank-en.png`, fullPage: true });
    await page.click('[data-testid=lang]');
  }

  // Bob repays the whole receivable into escrow.
  await actAs(page, keys, 'Bob', 'core');
  await clickAndFinalize(page, `repay-${receivableId}`);
  const repaid = (await api.rpc.cascade.receivable(receivableId)).toJSON();
  assert.equal(repaid.outstanding, '0');
  // The escrow account is kept alive by the asset's minimum balance, which Bob's first payment
  // brings and the settlement returns.
  const reserve = (await api.query.assets.asset(1)).unwrap().minBalance.toBigInt();
  assert.equal((await cny(api, keys.bob.address)) - start.bob, -100_000n * YUAN - reserve, 'Bob paid the face (and the escrow reserve)');

  // At maturity the chain pays every holder by itself; each sees its note paid on the page.
  await waitForTime(api, maturity);
  await waitUntilSettled(api, receivableId, 60_000);
  const end = await balances();
  const settled = (await api.rpc.cascade.receivable(receivableId)).toJSON();
  assert.equal(settled.status, 'settled');
  assert.equal(settled.paidOut, (100_000n * YUAN).toString(), 'the face paid out, once');
  assert.equal(settled.escrowBalance, '0', 'the escrow reserve went back to Bob');
  assert.equal(end.charlie - start.charlie, 60_000n * YUAN, 'Charlie got his 60,000.00');
  assert.equal(end.dave - start.dave, shown, 'Dave kept the price');
  assert.equal(end.ferdie - start.ferdie, 40_000n * YUAN - shown, 'Ferdie got the note’s 40,000.00 for the price');
  for (const [name, note, amount] of [['Charlie', charlieNote, '60,000.00'], ['Ferdie', daveNote, '40,000.00']]) {
    await actAs(page, keys, name, 'supplier');
    const paid = page.locator(`[data-testid=paid-amount-${note}]`);
    await paid.waitFor({ timeout: 15_000 });
    assert.ok((await paid.textContent()).includes(amount), `${name} sees note #${note} paid ${amount}`);
  }
  assert.deepEqual(portal.errors, [], 'no script errors on the page');
});
