// Bad input is refused on the page, with a message in the reader's language, and nothing is
// signed: too many decimals, more than the note, zero, an unknown payee, a maturity in the past.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ok, eventOf } from '@cascade/api';
import { CNY, YUAN, until } from '@cascade/api/testing';
import { openPortal, actAs, refusalOf, clickAndFinalize, localInput } from './harness.js';

let portal;
let note;
before(async () => {
  portal = await openPortal({ lang: 'zh-CN' });
  const { api, keys } = portal;
  // Charlie holds a note of 1,000.00 CNY, issued and accepted straight on the chain.
  const now = (await api.query.timestamp.now()).toBigInt();
  const r = await ok(api, api.tx.receivables.issue(keys.charlie.address, CNY, 1_000n * YUAN, now + 86_400_000n, 0,
    '0x' + '33'.repeat(32), `REFUSALS-${Date.now()}`), keys.bob);
  note = eventOf(r.events, 'receivables', 'Issued').data.rootNote.toNumber();
  await ok(api, api.tx.receivables.accept(note), keys.charlie);
});
after(async () => portal && portal.close());

/** What the reader sees for each refusal, in both languages. */
const WORDS = {
  decimals: ['金额的小数位数超过了该资产允许的 2 位', 'The amount has more decimals than the asset’s 2'],
  aboveNote: ['金额超过了凭证的未兑付金额', 'The amount is more than what is unpaid on the note'],
  zero: ['金额必须大于零', 'The amount must be above zero'],
  unknown: ['找不到企业「No Such Trading Co.」：请输入已登记企业的名称或账户地址',
    'No enterprise “No Such Trading Co.”: enter a registered enterprise’s name or account address'],
  past: ['到期日必须晚于链上当前时间', 'The maturity must be after the chain’s current time'],
};

test('bad input is refused on the page in Chinese and English, and nothing is signed', { timeout: 120_000 }, async () => {
  const { api, keys, page, wallet } = portal;
  const signed = wallet.signed.length;
  const noteBefore = (await api.rpc.cascade.note(note)).toJSON();
  const bobReceivables = (await api.query.receivables.receivablesByIssuer.keys(keys.bob.address)).length;

  for (const [lang, i] of [['zh', 0], ['en', 1]]) {
    const current = await page.evaluate(() => document.documentElement.lang);
    if (!current.startsWith(lang)) await page.click('[data-testid=lang]');

    // Charlie pays part of the note to Dave: the amount is checked before anything is signed.
    await actAs(page, keys, 'Charlie', 'supplier');
    await page.click(`[data-testid=open-${note}]`);
    await page.fill('[data-testid=pay-recipient]', 'Demo Tier-2 Components Co.');
    for (const [amount, words] of [['1.234', WORDS.decimals], ['1,000.01', WORDS.aboveNote], ['0', WORDS.zero], ['0.00', WORDS.zero]]) {
      await page.fill('[data-testid=pay-amount]', amount);
      assert.equal(await refusalOf(page, 'pay-submit'), words[i], `${lang}: ${amount}`);
    }
    await page.fill('[data-testid=pay-recipient]', 'No Such Trading Co.');
    await page.fill('[data-testid=pay-amount]', '100.00');
    assert.equal(await refusalOf(page, 'pay-submit'), WORDS.unknown[i], `${lang}: unknown recipient`);

    // Bob issues with a maturity in the past (by the chain's clock).
    await actAs(page, keys, 'Bob', 'core');
    const now = (await api.query.timestamp.now()).toNumber();
    await page.fill('[data-testid=issue-supplier]', 'Demo Tier-1 Parts Co.');
    await page.fill('[data-testid=issue-face]', '5,000.00');
    await page.fill('[data-testid=issue-maturity]', localInput(now - 86_400_000));
    await page.fill('[data-testid=issue-invoice]', `PAST-${Date.now()}`);
    assert.equal(await refusalOf(page, 'issue-submit'), WORDS.past[i], `${lang}: maturity in the past`);
  }

  assert.equal(wallet.signed.length, signed, 'the wallet was never asked to sign');
  assert.deepEqual((await api.rpc.cascade.note(note)).toJSON(), noteBefore, 'the note is untouched');
  assert.equal((await api.query.receivables.receivablesByIssuer.keys(keys.bob.address)).length, bobReceivables, 'nothing issued');
  assert.deepEqual(portal.errors, [], 'no script errors on the page');
});

test('a refusal by the chain is explained in words; the bank sees the request with its price and declines it', { timeout: 120_000 }, async () => {
  const { api, keys, page } = portal;
  const current = await page.evaluate(() => document.documentElement.lang);
  if (!current.startsWith('zh')) await page.click('[data-testid=lang]');

  // Charlie asks Demo Bank to factor the note at 5 %; asking twice is refused by the chain.
  await actAs(page, keys, 'Charlie', 'supplier');
  await page.click(`[data-testid=open-${note}]`);
  await page.selectOption('[data-testid=request-financier]', keys.ferdie.address);
  await page.fill('[data-testid=request-rate]', '5');
  await clickAndFinalize(page, 'request-submit');
  const waiting = (await api.query.financing.requests.entries()).map(([, v]) => v.unwrap()).filter((r) => r.note.toNumber() === note);
  assert.equal(waiting.length, 1);
  assert.equal(waiting[0].annualRate.toNumber(), 50_000, '5 % a year is 50,000 parts per million');
  await assert.rejects(clickAndFinalize(page, 'request-submit'),
    /已向该机构申请过 \(financing\.DuplicateRequest\)/, 'the pallet error, named and explained in Chinese');

  // Ferdie sees it, with what approving would pay Charlie today (the chain's quote), and declines.
  await actAs(page, keys, 'Ferdie', 'bank');
  const requestId = (await api.query.financing.requests.entries()).find(([, v]) => v.unwrap().note.toNumber() === note)[0].args[0].toNumber();
  const row = page.locator(`[data-testid=request-${requestId}]`);
  await row.waitFor();
  // The row appears before its quote arrives, and the page asks again at every block while chain
  // time runs 6 s a block (a cent of discount every ~50 s here): the cell must come to show the
  // chain's quote at the block it reads, within a few blocks.
  const cell = page.locator(`[data-testid=request-${requestId}-price]`);
  const seen = [];
  const price = await until('the request to show the chain\'s price', 15_000, async () => {
    const quote = (await api.rpc.cascade.quote(note, 50_000)).toJSON();
    const [whole, cents] = [BigInt(quote.disbursed) / 100n, BigInt(quote.disbursed) % 100n];
    const text = `${whole.toLocaleString('en-US')}.${cents.toString().padStart(2, '0')} CNY`;
    const shown = (await cell.textContent()).trim();
    seen.push(`${shown || '(empty)'} / chain ${text}`);
    return shown === text ? text : null;
  }).catch((e) => assert.fail(`${e.message}; page / chain: ${seen.slice(-5).join('; ')}`));
  assert.ok((await row.textContent()).includes(price), `the request row shows the price ${price}`);
  await clickAndFinalize(page, `decline-${requestId}`);
  assert.equal((await api.query.financing.requests(requestId)).isNone, true, 'declined');
});
