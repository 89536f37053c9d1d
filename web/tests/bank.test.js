// The bank's and the core's other work through the page: Ferdie opens a program; Dave asks Demo
// Bank for a pledge loan without a program and Ferdie approves it at the price the page showed;
// Dave repays the loan from "What I owe"; Bob repays part of a receivable; Ferdie closes the
// program. Every step checked against the chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, eventOf } from '@cascade/api';
import { cny, CNY, YUAN } from '@cascade/api/testing';
import { openPortal, actAs, clickAndFinalize, localInput } from './harness.js';

const DAY = 86_400_000;
let portal;
let receivable;
let note;
before(async () => {
  portal = await openPortal({ lang: 'en-US' });
  const { api, keys } = portal;
  const now = (await api.query.timestamp.now()).toBigInt();
  const r = await ok(api, api.tx.receivables.issue(keys.dave.address, CNY, 10_000n * YUAN, now + 20n * BigInt(DAY), 0,
    '0x' + '55'.repeat(32), `BANK-${Date.now()}`), keys.bob);
  const issued = eventOf(r.events, 'receivables', 'Issued').data;
  receivable = issued.receivable.toNumber();
  note = issued.rootNote.toNumber();
  await ok(api, api.tx.receivables.accept(note), keys.dave);
});
after(async () => portal && portal.close());

test('programs, a request approved, a loan repaid, a part repayment — through the page', { timeout: 120_000 }, async () => {
  const { api, keys, page } = portal;

  // Ferdie opens a program for Bob's notes: 4.5 % a year, 50,000.00 CNY, for 30 days.
  await actAs(page, keys, 'Ferdie', 'bank');
  const nextProgram = (await api.query.financing.nextProgramId()).toNumber();
  await page.selectOption('[data-testid=program-core]', keys.bob.address);
  await page.fill('[data-testid=program-rate]', '4.5');
  await page.fill('[data-testid=program-budget]', '50,000.00');
  const now = (await api.query.timestamp.now()).toNumber();
  await page.fill('[data-testid=program-expires]', localInput(now + 30 * DAY));
  await clickAndFinalize(page, 'open-program');
  const program = (await api.query.financing.programs(nextProgram)).unwrap();
  assert.equal(program.financier.toString(), keys.ferdie.address);
  assert.equal(program.core.toString(), keys.bob.address);
  assert.equal(program.annualRate.toNumber(), 45_000);
  assert.equal(program.budget.toBigInt(), 50_000n * YUAN);
  await page.locator(`[data-testid=program-${nextProgram}]`).waitFor();

  // Dave asks Demo Bank for a pledge loan at 6 %, outside any program.
  await actAs(page, keys, 'Dave', 'supplier');
  await page.click(`[data-testid=open-${note}]`);
  await page.selectOption('[data-testid=request-financier]', keys.ferdie.address);
  await page.selectOption('[data-testid=request-kind]', 'pledge');
  await page.fill('[data-testid=request-rate]', '6');
  await clickAndFinalize(page, 'request-submit');
  const [key, request] = (await api.query.financing.requests.entries()).find(([, v]) => v.unwrap().note.toNumber() === note);
  assert.equal(request.unwrap().kind.isPledge, true);
  const requestId = key.args[0].toNumber();

  // Ferdie sees it with the price, and approves: Dave receives exactly that.
  await actAs(page, keys, 'Ferdie', 'bank');
  const row = page.locator(`[data-testid=request-${requestId}]`);
  await row.waitFor();
  const quote = (await api.rpc.cascade.quote(note, 60_000)).toJSON();
  // The price arrives from cascade_quote after the row; approving waits for it.
  const price = page.locator(`[data-testid=request-${requestId}-price]`);
  await page.waitForFunction((el) => el.textContent.trim() !== '', await price.elementHandle(), { timeout: 10_000 });
  const shown = await price.textContent();
  const daveBefore = await cny(api, keys.dave.address);
  await clickAndFinalize(page, `approve-${requestId}`);
  const financingId = (await api.query.financing.nextFinancingId()).toNumber() - 1;
  const loan = (await api.query.financing.financings(financingId)).unwrap();
  assert.equal(loan.note.toNumber(), note);
  assert.equal(loan.disbursed.toBigInt().toString(), quote.disbursed, 'the loan is the quoted price');
  assert.equal(await cny(api, keys.dave.address) - daveBefore, loan.disbursed.toBigInt(), 'Dave received the loan');
  const [whole, cents] = [loan.disbursed.toBigInt() / 100n, loan.disbursed.toBigInt() % 100n];
  assert.equal(shown, `${whole.toLocaleString('en-US')}.${cents.toString().padStart(2, '0')} CNY`, 'the page showed that price');
  assert.equal((await api.rpc.cascade.note(note)).toJSON().state, 'pledged');

  // Dave repays the loan from "What I owe": the page shows what repaying debits today
  // (principal and a day's interest, from the chain), and that is what leaves his account; the
  // note is his again.
  await actAs(page, keys, 'Dave', 'supplier');
  const owedCell = page.locator(`[data-testid=repay-amount-${financingId}]`);
  await page.waitForFunction((el) => el.textContent.includes('CNY'), await owedCell.elementHandle(), { timeout: 10_000 });
  const owedShown = (await owedCell.textContent()).trim();
  const beforeRepay = await cny(api, keys.dave.address);
  await clickAndFinalize(page, `repay-loan-${financingId}`);
  const debited = beforeRepay - await cny(api, keys.dave.address);
  assert.ok(debited > loan.disbursed.toBigInt(), 'interest is owed on top of the advance');
  assert.equal(owedShown, `${(debited / 100n).toLocaleString('en-US')}.${(debited % 100n).toString().padStart(2, '0')} CNY`,
    'the page showed what repaying debited');
  assert.equal((await api.query.financing.financings(financingId)).unwrap().status.type, 'LoanRepaid');
  assert.equal((await api.rpc.cascade.note(note)).toJSON().state, 'active');

  // Bob repays 2,500.00 of the receivable.
  await actAs(page, keys, 'Bob', 'core');
  await page.fill(`[data-testid=repay-part-${receivable}-amount]`, '2,500.00');
  await clickAndFinalize(page, `repay-part-${receivable}`);
  const rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
  assert.equal(rec.repaid, (2_500n * YUAN).toString());
  assert.equal(rec.outstanding, (7_500n * YUAN).toString());
  await page.locator(`[data-testid=receivable-${receivable}-outstanding]`).filter({ hasText: '7,500.00 CNY' }).waitFor();

  // Ferdie closes the program.
  await actAs(page, keys, 'Ferdie', 'bank');
  await clickAndFinalize(page, `close-program-${nextProgram}`);
  assert.equal((await api.query.financing.programs(nextProgram)).unwrap().closed.isTrue, true);
  assert.deepEqual(portal.errors, [], 'no script errors on the page');
});
