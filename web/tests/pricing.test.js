// Priced by who you are, on the page (issue 30): Ferdie, an Attestor, grades Eve A-tier and
// deep green and opens a program for Bob's notes priced by grade, 80 % advanced. Eve's finance
// panel shows the rate the chain will charge her and why (base − tier − green), the advance, the
// reserve paid later, and the price — cascade_programQuote's, which is what factoring pays. A
// program her note is beyond the limit of shows the refusal in place of the buttons.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, asOperator, eventOf, programQuote } from '@cascade/api';
import { CNY, YUAN } from '@cascade/api/testing';
import { openPortal, actAs, clickAndFinalize } from './harness.js';

const DAY = 86_400_000n;
let portal;
after(async () => portal && portal.close());

test('the finance panel shows the rate a supplier\'s grades get, and why', { timeout: 180_000 }, async () => {
  portal = await openPortal({ lang: 'en-US' });
  const { api, keys, page } = portal;
  const { alice, bob, eve, ferdie } = keys;
  if ((await api.query.enterprises.offices(ferdie.address, 'Attestor')).isNone) {
    await asOperator(api, api.tx.enterprises.grantRole(ferdie.address, 'Attestor'), alice);
  }
  const now = (await api.query.timestamp.now()).toBigInt();
  await ok(api, api.tx.enterprises.attest(eve.address, { Tier: 'A' }, now + 365n * DAY), ferdie);
  await ok(api, api.tx.enterprises.attest(eve.address, { Green: 'DeepGreen' }, now + 365n * DAY), ferdie);
  const open = async (limitA) => {
    const opened = await ok(api, api.tx.financing.openProgram(bob.address, CNY, 36_500, 1_000_000n * YUAN, now + 365n * DAY), ferdie);
    const program = eventOf(opened.events, 'financing', 'ProgramOpened').data.program.toNumber();
    await ok(api, api.tx.financing.setProgramPricing(program, [['A', -10_000]], [['DeepGreen', -5_000]], [['A', limitA]], 800_000), ferdie);
    return program;
  };
  const priced = await open(1_000_000n * YUAN);
  const tight = await open(100n * YUAN); // less than the advance on Eve's note

  const issued = await ok(api, api.tx.receivables.issue(eve.address, CNY, 1_000n * YUAN, now + 40n * DAY, 0, '0x' + '31'.repeat(32),
    `PRICED-${Date.now()}`), bob);
  const note = eventOf(issued.events, 'receivables', 'Issued').data.rootNote.toNumber();
  await ok(api, api.tx.receivables.accept(note), eve);

  await actAs(page, keys, 'Eve', 'supplier');
  await page.locator(`[data-testid=open-${note}]`).click();
  const rate = page.locator(`[data-testid=offer-${priced}-rate]`);
  await rate.waitFor({ timeout: 30_000 });
  assert.equal(await rate.getAttribute('data-value'), '21500', 'base 3.65 % − 1 % (A) − 0.5 % (deep green)');
  const why = await page.locator(`[data-testid=offer-${priced}-why]`).textContent();
  assert.match(why, /3\.65 % − 1\.00 % \(tier A\) − 0\.50 % \(deep green\)/);
  const quote = await programQuote(api, note, priced, { factoring: { recourse: false } });
  const price = page.locator(`[data-testid=offer-${priced}-price]`);
  assert.equal(await price.getAttribute('data-value'), quote.terms.disbursed, 'the page shows the chain\'s quote');
  assert.equal(BigInt(quote.terms.reserve), 200n * YUAN, '20 % held back');
  // The tight program refuses: no button to sign with, the reason instead.
  const refusal = page.locator(`[data-testid=offer-${tight}-refusal]`);
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /limit/);
  assert.equal(await page.locator(`[data-testid=factor-${tight}]`).count(), 0);

  // Factoring pays what the page showed.
  const before = (await api.query.assets.account(CNY, eve.address)).unwrap().balance.toBigInt();
  await clickAndFinalize(page, `factor-${priced}`);
  const after = (await api.query.assets.account(CNY, eve.address)).unwrap().balance.toBigInt();
  assert.equal((after - before).toString(), quote.terms.disbursed);
  assert.deepEqual(portal.errors, [], 'no script errors on the page');
});
