// The Operator's work through the page: Alice (the dev chain's council of one) registers an
// enterprise, suspends it and reinstates it, each a council motion carried at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkChar } from '@cascade/api';
import { keyFor } from '@cascade/api/testing';
import { openPortal, actAs, clickAndFinalize, refusalOf } from './harness.js';

let portal;
before(async () => { portal = await openPortal({ lang: 'en-US' }); });
after(async () => portal && portal.close());

test('the council registers, suspends and reinstates an enterprise through the page', { timeout: 60_000 }, async () => {
  const { api, keys, page } = portal;
  const newcomer = keyFor(`//PortalNewcomer${Date.now()}`);
  const body = `91110000P${String(Date.now() % 1e8).padStart(8, '0')}`;
  await actAs(page, keys, 'Alice', 'operator');
  await page.fill('[data-testid=register-address]', newcomer.address);
  await page.fill('[data-testid=register-name]', 'Portal Newcomer Co.');
  await page.fill('[data-testid=register-code]', body + 'I');
  assert.equal(await refusalOf(page, 'register-submit'),
    'A unified social credit code is 18 digits and capital letters (no I, O, Z, S, V)', 'checked before signing');
  await page.fill('[data-testid=register-code]', body + checkChar(body));
  await clickAndFinalize(page, 'register-submit');
  const registered = (await api.query.enterprises.enterprises(newcomer.address)).unwrap();
  assert.equal(registered.name.toUtf8(), 'Portal Newcomer Co.');
  assert.equal(registered.roles.supplier.isTrue, true);
  assert.equal(registered.status.type, 'Active');

  // The page lists it (names reload every 10 blocks), then suspends and reinstates it.
  await page.locator(`[data-testid="suspend-${newcomer.address}"]`).waitFor({ timeout: 20_000 });
  await clickAndFinalize(page, `suspend-${newcomer.address}`);
  assert.equal((await api.query.enterprises.enterprises(newcomer.address)).unwrap().status.type, 'Suspended');
  await page.locator(`[data-testid="reinstate-${newcomer.address}"]`).waitFor({ timeout: 20_000 });
  await clickAndFinalize(page, `reinstate-${newcomer.address}`);
  assert.equal((await api.query.enterprises.enterprises(newcomer.address)).unwrap().status.type, 'Active');
  assert.deepEqual(portal.errors, [], 'no script errors on the page');
});
