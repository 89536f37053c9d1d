// The portal in a real browser: headless Chromium (Debian's) driven by playwright-core, the built
// page served from web/dist, a dev node started by scripts/test.sh (CASCADE_RPC_PORT), and a test
// wallet injected as `window.injectedWeb3` — the interface the polkadot.js extension injects —
// backed by the dev keys. The wallet records every payload it signs, so a test can prove that a
// refused form signed nothing.
import { chromium } from 'playwright-core';
import { servePortal } from '../serve.mjs';
import { connectToTestNode as connect, devAccounts, WS_URL } from '@cascade/api/testing';

export const CHROMIUM = process.env.CASCADE_CHROMIUM || '/usr/bin/chromium';
/** The port the page is served on: the node's CORS allows exactly this origin. */
export const PORTAL_PORT = Number(process.env.CASCADE_PORTAL_PORT || 8080);
/** The indexer scripts/e2e/portal.sh started beside the node (its HTTP service), if any. */
export const INDEXER_URL = process.env.CASCADE_INDEXER_URL || null;
/** The readers' time zone in every test: dates on the page are in it. */
export const TIME_ZONE = 'Asia/Shanghai';
const ZONE_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving time

/** A chain time (ms) as the `datetime-local` value a reader in TIME_ZONE would type. */
export function localInput(ms) {
  return new Date(Number(ms) + ZONE_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * Start everything a browser test needs: { api, keys, browser, page, wallet, url, close }.
 * `wallet.signed` lists the payloads signed so far (address and call). The page is given the
 * indexer (`?indexer=`) when one runs, unless `indexer` is false.
 */
export async function openPortal({ lang = 'zh-CN', indexer = true } = {}) {
  const api = await connect();
  const keys = devAccounts();
  const server = await servePortal(PORTAL_PORT, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ locale: lang, timezoneId: TIME_ZONE, viewport: { width: 1280, height: 900 } });
  const wallet = { signed: [] };
  const pairs = new Map(Object.values(keys).map((k) => [k.address, k]));
  // The wallet's signer runs here, in Node: the page hands it a payload, as it would the extension.
  await context.exposeFunction('__testWalletSign', (payload) => {
    const pair = pairs.get(payload.address);
    if (!pair) throw new Error(`the test wallet has no key for ${payload.address}`);
    const extrinsic = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
    wallet.signed.push({ address: payload.address, method: payload.method });
    return extrinsic.sign(pair).signature;
  });
  const accounts = Object.entries(keys).map(([name, k]) => ({
    address: k.address,
    name: name[0].toUpperCase() + name.slice(1),
    type: 'sr25519',
  }));
  await context.addInitScript((accounts) => {
    let id = 0;
    window.injectedWeb3 = {
      'cascade-test-wallet': {
        version: '1.0.0',
        enable: async () => ({
          accounts: { get: async () => accounts, subscribe: (cb) => { cb(accounts); return () => {}; } },
          signer: {
            signPayload: async (payload) => ({ id: ++id, signature: await window.__testWalletSign(payload) }),
          },
        }),
      },
    };
  }, accounts);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const withIndexer = indexer && INDEXER_URL ? `&indexer=${encodeURIComponent(INDEXER_URL)}` : '';
  const url = `http://127.0.0.1:${PORTAL_PORT}/?node=${encodeURIComponent(WS_URL)}${withIndexer}`;
  await page.goto(url);
  await page.waitForSelector('[data-testid=account]', { timeout: 30_000 });
  const close = async () => {
    await browser.close();
    await new Promise((ok) => server.close(ok));
    await api.disconnect();
  };
  return { api, keys, browser, context, page, wallet, url, errors, close };
}

/** Sign in as a dev key's wallet account (`Bob`), and open a role's tab. */
export async function actAs(page, keys, name, tab) {
  await page.selectOption('[data-testid=account]', keys[name.toLowerCase()].address);
  await page.click(`[data-testid=tab-${tab}]`);
}

/**
 * Click a transaction button and wait until the page says it is finalized, in the activity list
 * (which outlives the view the button was in); returns the entry's text, with the outcome the page
 * reports. Fails with the page's own words when the transaction fails.
 */
export async function clickAndFinalize(page, testId, timeout = 30_000) {
  const entries = page.locator(`[data-testid=activity] li[data-for="${testId}"]`);
  const before = await entries.count();
  await page.click(`[data-testid="${testId}"]`);
  const entry = entries.first();
  await page.waitForFunction(
    ([sel, n]) => {
      const all = document.querySelectorAll(sel);
      return all.length > n && ['finalized', 'failed'].includes(all[0].getAttribute('data-stage'));
    },
    [`[data-testid=activity] li[data-for="${testId}"]`, before],
    { timeout },
  );
  const text = await entry.textContent();
  if ((await entry.getAttribute('data-stage')) !== 'finalized') throw new Error(`${testId}: ${text}`);
  return text;
}

/** Click `testId` and return the refusal the form shows for this click (not an earlier one). */
export async function refusalOf(page, testId) {
  const button = page.locator(`[data-testid="${testId}"]`);
  const refusal = page.locator(`[data-testid="${testId}-refusal"]`);
  const before = Number((await refusal.count()) ? await refusal.getAttribute('data-attempt') : 0);
  await button.click();
  const fresh = page.locator(`[data-testid="${testId}-refusal"][data-attempt="${before + 1}"]`);
  await fresh.waitFor({ timeout: 10_000 });
  return fresh.textContent();
}

/** Wait until the indexer has indexed block `n` (it follows finalized blocks); its /health. */
export async function indexerAt(n, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await (await fetch(`${INDEXER_URL}/health`)).json();
    if ((h.indexed ?? -1) >= n) return h;
    if (Date.now() > deadline) throw new Error(`the indexer is at #${h.indexed}, not #${n}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * Wait until the indexer (if one runs) has indexed the node's best block and reconciled past it:
 * a test that times the page does not time the node busy answering an indexer catching up with
 * thousands of changes, or comparing them with the chain (on this 2-core machine the node has
 * one RPC reader).
 */
export async function indexerCaughtUp(api, timeoutMs = 120_000) {
  if (!INDEXER_URL) return;
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await indexerAt(head, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await (await fetch(`${INDEXER_URL}/health`)).json();
    if ((h.lastCheck?.block ?? -1) >= head) return;
    if (Date.now() > deadline) throw new Error(`the indexer's last reconciliation is at #${h.lastCheck?.block}, not past #${head}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
