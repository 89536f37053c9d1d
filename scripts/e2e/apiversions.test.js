// Old blocks keep their answers: a dev chain started on the runtime from before ReceivablesApi
// version 2 (scripts/build/legacy-runtime.sh, $CASCADE_LEGACY_WASM) issues and splits a receivable,
// the council upgrades it to today's runtime ($CASCADE_UPGRADE_WASM, one spec version up), and
// then a block of the old runtime is answered by the old API version (whole lists; a page
// refused as unknown to that block), the new blocks in pages. The upgrade counts the exposure of
// receivables issued before the counters existed, and indexes requests made before the indexes,
// from blocks' leftover weight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { ok, eventOf } from '@cascade/api';
import { connectTo, devAccounts, waitForTime, CNY, YUAN, startNode, tempDir, removeDir } from '@cascade/api/testing';

const LEGACY = process.env.CASCADE_LEGACY_WASM;
const UPGRADE = process.env.CASCADE_UPGRADE_WASM;

/** The dev chain spec with `wasm` as its genesis runtime. */
function devSpecWith(wasm, dir) {
  const spec = JSON.parse(execFileSync(process.env.CASCADE_NODE, ['build-spec', '--chain', 'dev', '--raw'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  }));
  spec.genesis.raw.top['0x3a636f6465'] = u8aToHex(readFileSync(wasm));
  // A chain made by the old runtime has no storage versions for the pallets that had none.
  for (const pallet of ['Receivables', 'Financing']) {
    delete spec.genesis.raw.top[xxhashAsHex(pallet, 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2)];
  }
  const path = join(dir, 'legacy-dev.json');
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

async function rpc(url, method, params) {
  const res = await fetch(url.replace('ws://', 'http://'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return res.json();
}

test('a block of the version-1 runtime is answered by version 1 after the upgrade',
  { timeout: 300_000, skip: LEGACY && UPGRADE ? false : 'CASCADE_LEGACY_WASM / CASCADE_UPGRADE_WASM not set (scripts/test.sh builds them)' },
  async () => {
    const dir = tempDir('apiversions');
    const node = await startNode(['--dev', '--chain', devSpecWith(LEGACY, dir), '--base-path', dir,
      '--dev-block-time', '300'], 'legacy');
    const api = await connectTo(node.url);
    try {
      const keys = devAccounts();
      const specBefore = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
      // The node answers RPC before its first block: wait for one, or `now` is genesis's zero.
      const now = await waitForTime(api, 1n);
      const r = await ok(api, api.tx.receivables.issue(keys.charlie.address, CNY, 3_000n * YUAN,
        now + 30n * 86_400_000n, 0, '0x' + '77'.repeat(32), `V1-${Date.now()}`), keys.bob);
      const { receivable, rootNote } = eventOf(r.events, 'receivables', 'Issued').data;
      await ok(api, api.tx.receivables.accept(rootNote), keys.charlie);
      const split = await ok(api, api.tx.receivables.split(rootNote, [1_000n * YUAN, 2_000n * YUAN]), keys.charlie);
      await ok(api, api.tx.financing.request(rootNote.toNumber() + 1, keys.ferdie.address, 'Pledge', 40_000), keys.charlie);
      const oldBlock = (await api.rpc.chain.getFinalizedHead()).toHex();
      const oldExposure = await rpc(node.url, 'cascade_exposure', [keys.bob.address, oldBlock]);
      assert.equal(oldExposure.result.complete, true, 'version 1 answers are whole');
      const owedBefore = oldExposure.result.outstanding.find((o) => o.asset === String(CNY));
      assert.ok(owedBefore, JSON.stringify(oldExposure));
      const old = await rpc(node.url, 'cascade_tree', [receivable.toNumber(), oldBlock]);
      assert.equal(old.result.length, 3, 'version 1 answers the tree whole');

      // The council of one (Alice) authorizes today's runtime; anyone applies it.
      const code = readFileSync(UPGRADE);
      const authorize = api.tx.councilRoot.dispatchAsRoot(api.tx.system.authorizeUpgrade(api.registry.hash(code).toHex()));
      await ok(api, api.tx.council.propose(1, authorize, authorize.encodedLength), keys.alice);
      await ok(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), keys.charlie);
      for (let i = 0; i < 100; i++) {
        if ((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() > specBefore) break;
        await new Promise((done) => setTimeout(done, 300));
      }
      assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), specBefore + 1, 'upgraded');

      // The old block: version 1's answer, the same as before the upgrade; no pages there.
      assert.deepEqual((await rpc(node.url, 'cascade_tree', [receivable.toNumber(), oldBlock])).result, old.result);
      const paged = await rpc(node.url, 'cascade_tree', [receivable.toNumber(), oldBlock, { limit: 2 }]);
      assert.equal(paged.error?.code, 4260);
      assert.match(paged.error.message, /version 1 of ReceivablesApi, which has no pages/);
      const oldNotes = await rpc(node.url, 'cascade_notesOf', [keys.charlie.address, oldBlock]);
      assert.ok(oldNotes.result.some((n) => n.receivable === receivable.toNumber()));
      // The new blocks: version 2, in pages.
      const first = await rpc(node.url, 'cascade_tree', [receivable.toNumber(), null, { limit: 2 }]);
      assert.equal(first.result.items.length, 2);
      const rest = await rpc(node.url, 'cascade_tree', [receivable.toNumber(), null, { cursor: first.result.next, limit: 2 }]);
      assert.equal(rest.result.items.length, 1);
      assert.equal(rest.result.next, null);
      assert.deepEqual(new Set([...first.result.items, ...rest.result.items].map((n) => n.id)), new Set(old.result.map((n) => n.id)));

      // What existed before the counters and indexes is counted and indexed within a few blocks.
      let exposure;
      for (let i = 0; i < 50; i++) {
        exposure = (await rpc(node.url, 'cascade_exposure', [keys.bob.address])).result;
        if (exposure.complete) break;
        await new Promise((done) => setTimeout(done, 300));
      }
      assert.equal(exposure.complete, true, 'the backfill ended');
      assert.deepEqual(exposure.outstanding.find((o) => o.asset === String(CNY)), owedBefore, 'the same exposure as the old runtime walked');
      assert.equal(exposure.receivables, oldExposure.result.receivables);
      const requests = (await rpc(node.url, 'cascade_requestsOf', [keys.ferdie.address])).result;
      assert.ok(requests.some((q) => q.note === rootNote.toNumber() + 1 && q.holder === keys.charlie.address), JSON.stringify(requests));
      const legacyList = await rpc(node.url, 'cascade_requestsOf', [keys.ferdie.address, oldBlock]);
      assert.equal(legacyList.error?.code, 4260, 'version 1 had no requests list');
      // Version 1's claims_of answers the old block whole; a page there is refused.
      assert.deepEqual((await rpc(node.url, 'cascade_claimsOf', [keys.charlie.address, oldBlock])).result, []);
      assert.equal((await rpc(node.url, 'cascade_claimsOf', [keys.charlie.address, oldBlock, { limit: 5 }])).error?.code, 4260);
      assert.deepEqual((await rpc(node.url, 'cascade_claimsOf', [keys.charlie.address, null, { limit: 5 }])).result, { items: [], next: null });
    } finally {
      await api.disconnect();
      node.proc.kill('SIGKILL');
      removeDir(dir);
    }
  });
