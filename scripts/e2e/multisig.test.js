// Issue 12, item 5: an institution's maker-checker. A core enterprise's account is a 2-of-3
// multisig of its officers (pallet-multisig): one officer's approval issues nothing, the second's
// issues the receivable — with the multisig account as the issuer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { encodeMultiAddress, sortAddresses } from '@polkadot/util-crypto';
import { ok, asOperator, eventOf, checkChar } from '@cascade/api';
import { connectToTestNode as connect, devAccounts, CNY, YUAN } from '@cascade/api/testing';

let api;
let keys;
before(async () => {
  api = await connect();
  keys = devAccounts();
});
after(async () => api && api.disconnect());

const UNIT = 1_000_000_000_000n;

test('a 2-of-3 multisig core issues only when a second officer approves', { timeout: 90_000 }, async () => {
  const keyring = new Keyring({ type: 'sr25519' });
  const tag = Date.now();
  const officers = ['Maker', 'Checker', 'Treasurer'].map((n) => keyring.addFromUri(`//E2E${n}${tag}`));
  const core = encodeMultiAddress(officers.map((o) => o.address), 2);
  const others = (signer) => sortAddresses(officers.filter((o) => o !== signer).map((o) => o.address));

  // The officers pay fees and the multisig deposit; the consortium registers the core; the bank
  // grants it a line.
  for (const o of officers) {
    await ok(api, api.tx.balances.transferKeepAlive(o.address, 10n * UNIT), keys.alice);
  }
  const body = `91310000MA${String(tag).slice(-7)}`;
  await asOperator(api, api.tx.enterprises.register(core, 'Maker-Checker Manufacturing', body + checkChar(body),
    { core: true, supplier: false, financier: false }), keys.alice);
  const granted = await ok(api, api.tx.enterprises.grantCreditLine(core, CNY, 1_000_000n * YUAN,
    (await api.query.timestamp.now()).toBigInt() + 86_400_000n * 100n), keys.ferdie);
  const line = eventOf(granted.events, 'enterprises', 'CreditLineGranted').data.line.toNumber();

  const maturity = (await api.query.timestamp.now()).toBigInt() + 30n * 86_400_000n;
  const issue = api.tx.receivables.issue(keys.charlie.address, CNY, 50_000n * YUAN, maturity, line,
    '0x' + '5a'.repeat(32), `MULTISIG-${tag}`);
  const weight = (await issue.paymentInfo(core)).weight;
  const nextReceivable = (await api.query.receivables.nextReceivableId()).toNumber();

  // The maker approves: an operation waits, nothing is issued.
  const [maker, checker] = officers;
  const first = await ok(api, api.tx.multisig.asMulti(2, others(maker), null, issue, weight), maker);
  const opened = eventOf(first.events, 'multisig', 'NewMultisig');
  assert.ok(opened, 'the operation waits for a second approval');
  assert.equal(eventOf(first.events, 'receivables', 'Issued'), null, 'one officer issued a receivable');
  assert.equal((await api.query.receivables.receivables(nextReceivable)).isSome, false);
  const pending = (await api.query.multisig.multisigs(core, issue.method.hash)).unwrap();

  // The checker approves the same call: it runs, as the core's account.
  const second = await ok(api, api.tx.multisig.asMulti(2, others(checker), pending.when, issue, weight), checker);
  const executed = eventOf(second.events, 'multisig', 'MultisigExecuted');
  assert.ok(executed, 'the second approval executes the call');
  assert.ok(executed.data.result.isOk, `the issue failed: ${executed.data.result.toString()}`);
  const issued = eventOf(second.events, 'receivables', 'Issued');
  assert.ok(issued, 'the receivable is issued');
  assert.equal(issued.data.issuer.toString(), api.createType('AccountId', core).toString());
  const receivable = (await api.query.receivables.receivables(issued.data.receivable)).unwrap();
  assert.equal(receivable.face.toBigInt(), 50_000n * YUAN);
  assert.equal(receivable.issuer.toString(), api.createType('AccountId', core).toString());
});
