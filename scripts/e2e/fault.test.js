// Fault tests (DESIGN §7): a node killed without warning restarts with every finalized block and
// the ledger intact; with one of four validators stopped the other three keep finalizing, and
// the fourth catches up on the same chain when it returns. These start their own nodes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ok, eventOf } from '@cascade/api';
import { devAccounts, connectTo, CNY, YUAN, startNode, killNode, finalized, until, tempDir, removeDir, localSpec, freePorts } from '@cascade/api/testing';

const DAY = 86_400_000n;

async function issue(api, keys, invoice) {
  // A fresh chain's clock is 0 until its first block; a maturity must be after it.
  const now = await until('the chain clock to start', 60_000, async () => {
    const t = (await api.query.timestamp.now()).toBigInt();
    return t > 0n ? t : null;
  });
  const r = await ok(api, api.tx.receivables.issue(
    keys.charlie.address, CNY, 1_000n * YUAN, now + 30n * DAY, 0, '0x' + '22'.repeat(32), invoice), keys.bob);
  const header = await api.rpc.chain.getHeader(r.blockHash);
  return { receivable: eventOf(r.events, 'receivables', 'Issued').data.receivable.toNumber(), block: header.number.toNumber() };
}

test('a dev node killed with SIGKILL restarts with every finalized block and the ledger', async () => {
  await cryptoWaitReady();
  const keys = devAccounts();
  const dir = tempDir('kill');
  const args = ['--dev', '--dev-block-time', '300', '--base-path', dir];
  let node = await startNode(args, 'dev node');
  let api = await connectTo(node.url);
  try {
    const { receivable, block } = await issue(api, keys, `FAULT-KILL-${Date.now()}`);
    const before = await until('the receivable block to be final', 30_000, async () => {
      const f = await finalized(api);
      return f.number >= block + 2 ? f : null;
    });
    const record = (await api.query.receivables.receivables(receivable)).toHex();
    await api.disconnect();
    await killNode(node);

    node = await startNode(args, 'restarted dev node');
    api = await connectTo(node.url);
    const after = await finalized(api);
    assert.ok(after.number >= before.number, `finalized ${after.number} < ${before.number} before the kill`);
    assert.equal((await api.rpc.chain.getBlockHash(before.number)).toHex(), before.hash);
    assert.equal((await api.query.receivables.receivables(receivable)).toHex(), record);
    // It goes on: new blocks on top of the old chain, and the ledger still takes transactions.
    const next = await issue(api, keys, `FAULT-KILL-AFTER-${Date.now()}`);
    assert.equal(next.receivable, receivable + 1);
    assert.ok(next.block > before.number);
  } finally {
    await api.disconnect().catch(() => {});
    await killNode(node);
    removeDir(dir);
  }
});

test('three of four validators keep finalizing; the fourth catches up on the same chain', async () => {
  await cryptoWaitReady();
  const keys = devAccounts();
  const dir = tempDir('testnet');
  const spec = localSpec(dir);
  const base = await freePorts(4);
  // Validator i has node key i + 1; Alice (key 1) is everyone's bootnode.
  const alicePeer = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
  const names = ['alice', 'bob', 'charlie', 'dave'];
  const args = (i) => [
    '--chain', spec, `--${names[i]}`, '--validator', '--node-key', (i + 1).toString(16).padStart(64, '0'),
    '--base-path', `${dir}/${names[i]}`, '--no-mdns',
    '--listen-addr', `/ip4/127.0.0.1/tcp/${base + i}`,
    ...(i === 0 ? [] : ['--bootnodes', `/ip4/127.0.0.1/tcp/${base}/p2p/${alicePeer}`]),
  ];
  const nodes = [];
  const apis = [];
  try {
    for (let i = 0; i < 4; i++) nodes.push(await startNode(args(i), names[i]));
    for (const n of nodes) apis.push(await connectTo(n.url));
    const alice = apis[0];
    await until('GRANDPA to finalize block 2 with four validators', 90_000, async () => (await finalized(alice)).number >= 2);

    // Dave goes down without warning.
    await apis[3].disconnect();
    await killNode(nodes[3]);
    const atKill = await finalized(alice);
    const { receivable, block } = await issue(alice, keys, `FAULT-3OF4-${Date.now()}`);
    const later = await until('the three to finalize the new receivable', 90_000, async () => {
      const f = await finalized(alice);
      return f.number >= Math.max(block, atKill.number + 2) ? f : null;
    });
    assert.equal((await alice.rpc.chain.getBlockHash(atKill.number)).toHex(), atKill.hash);
    const bobView = await apis[1].rpc.chain.getBlockHash(later.number);
    assert.equal(bobView.toHex(), later.hash, 'Bob finalized the same chain as Alice');

    // Dave returns with his database and follows the chain the others finalized.
    nodes[3] = await startNode(args(3), 'dave (restarted)');
    apis[3] = await connectTo(nodes[3].url);
    const dave = apis[3];
    await until('Dave to catch up with the finalized chain', 120_000, async () => (await finalized(dave)).number >= later.number);
    assert.equal((await dave.rpc.chain.getBlockHash(atKill.number)).toHex(), atKill.hash);
    assert.equal((await dave.rpc.chain.getBlockHash(later.number)).toHex(), later.hash);
    const seen = await dave.query.receivables.receivables(receivable);
    assert.ok(seen.isSome, 'Dave has the receivable issued while he was down');
  } finally {
    for (const api of apis) await api.disconnect().catch(() => {});
    for (const n of nodes) await killNode(n);
    removeDir(dir);
  }
});
