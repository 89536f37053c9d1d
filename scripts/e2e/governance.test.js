// Issue 12 on a running 4-validator testnet (./scripts/testnet.sh, permissioned, safe RPC), with
// Eve's node standing by:
//  - the council (Alice, Bob, Ferdie; two of three carry) admits Eve and removes Dave as
//    validators: Eve authors blocks after the sessions turn, and with Dave's node stopped GRANDPA
//    still finalizes;
//  - the council authorizes a runtime one spec version up and Charlie applies it: every node
//    reports the new version, finality goes on, and a receivable issued before the upgrade is
//    repaid after it and paid out by the chain;
//  - a stranger's node with the same chain spec and Alice's address gets no peer and no block.
// The upgraded runtime comes from scripts/build/upgrade-runtime.sh ($CASCADE_UPGRADE_WASM, which
// scripts/test.sh sets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat, stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { ok, submit, eventOf, errorName } from '@cascade/api';
import { connectTo, devAccounts, cny, waitForTime, CNY, YUAN, tempDir, removeDir, until, startNode, killNode, finalized, httpRpc, waitForRpc, freePorts, logTail, waitUntilSettled } from '@cascade/api/testing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WASM = process.env.CASCADE_UPGRADE_WASM;
// Node key 1 (Alice's, fixed by testnet.sh) gives this peer id.
const ALICE_PEER = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';
const NAMES = ['alice', 'bob', 'charlie', 'dave', 'eve'];
const step = (what) => console.log(`${new Date().toISOString()} ${what}`);

/** A council motion carried by `proposer` and `voter` (two of three): propose, vote, close. */
async function carried(api, call, proposer, voter) {
  const proposed = await ok(api, api.tx.council.propose(2, call, call.encodedLength), proposer);
  const { proposalIndex, proposalHash } = eventOf(proposed.events, 'council', 'Proposed').data;
  // Proposing is not voting: both members vote aye.
  await ok(api, api.tx.council.vote(proposalHash, proposalIndex, true), proposer);
  await ok(api, api.tx.council.vote(proposalHash, proposalIndex, true), voter);
  const weight = (await call.paymentInfo(proposer.address)).weight;
  const closed = await ok(api, api.tx.council.close(proposalHash, proposalIndex, weight, call.encodedLength), proposer);
  const executed = eventOf(closed.events, 'council', 'Executed');
  assert.ok(executed, 'the motion was carried and executed');
  const result = executed.data.result;
  assert.ok(result.isOk, `the carried call failed: ${result.isErr ? errorName(api, result.asErr) : ''}`);
  return closed;
}

/** The Aura key that authored the best block: slot (from the pre-runtime digest) modulo the
 * authorities of its parent state. */
async function auraAuthor(api) {
  const header = await api.rpc.chain.getHeader();
  const pre = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
  if (!pre) return null;
  const slot = api.createType('u64', pre.asPreRuntime[1]).toBigInt();
  const authorities = await api.query.aura.authorities.at(header.parentHash);
  return authorities[Number(slot % BigInt(authorities.length))].toHex();
}

/** Eve's session keys (the //Eve dev keys her node holds with --eve) and their proof. */
function eveSessionKeys(eveAccount) {
  const aura = new Keyring({ type: 'sr25519' }).addFromUri('//Eve');
  const grandpa = new Keyring({ type: 'ed25519' }).addFromUri('//Eve');
  // Each key signs "POP_" ++ the owner's account id (sp-core's statement of ownership).
  const statement = u8aConcat(stringToU8a('POP_'), decodeAddress(eveAccount));
  return {
    keys: { aura: u8aToHex(aura.publicKey), grandpa: u8aToHex(grandpa.publicKey) },
    proof: u8aToHex(u8aConcat(aura.sign(statement), grandpa.sign(statement))),
  };
}

test('the council admits and removes validators, upgrades the runtime by vote; strangers stay out',
  { timeout: 900_000, skip: WASM ? false : 'CASCADE_UPGRADE_WASM is not set (scripts/test.sh builds it)' },
  async () => {
    await cryptoWaitReady();
    const keys = devAccounts();
    const dir = tempDir('governed');
    const rpcBase = await freePorts(5);
    const p2pBase = await freePorts(5, [0, 1, 2, 3, 4].map((i) => rpcBase + i));
    const net = spawn(join(ROOT, 'scripts', 'testnet.sh'), [], {
      env: {
        ...process.env,
        CASCADE_SKIP_BUILD: '1',
        CASCADE_TESTNET_EVE: '1',
        CASCADE_TESTNET_DIR: dir,
        CASCADE_TESTNET_RPC_BASE: String(rpcBase),
        CASCADE_TESTNET_P2P_BASE: String(p2pBase),
      },
      stdio: 'ignore',
      detached: true,
    });
    const apis = {};
    let stranger = null;
    const strangerDir = tempDir('stranger');
    try {
      for (const [i, name] of NAMES.entries()) {
        const url = `ws://127.0.0.1:${rpcBase + i}`;
        await waitForRpc(url).catch((e) => {
          throw new Error(`${e.message}\n---- ${name}.log (tail) ----\n${logTail(join(dir, `${name}.log`))}`);
        });
        apis[name] = await connectTo(url);
      }
      const api = apis.alice;
      await until('GRANDPA to finalize block 2', 120_000, async () => (await finalized(api)).number >= 2);

      step('A stranger: same chain spec');
      // A stranger: same chain spec, Alice's address as bootnode, a node key of its own.
      stranger = await startNode(['--chain', join(dir, 'local.json'), '--base-path', strangerDir, '--no-mdns',
        '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pBase + 9}`,
        '--bootnodes', `/ip4/127.0.0.1/tcp/${p2pBase}/p2p/${ALICE_PEER}`], 'stranger');

      step('Before the upgrade: Bob issues');
      // Before the upgrade: Bob issues to Charlie, who accepts; due in two minutes.
      const now = (await api.query.timestamp.now()).toBigInt();
      const maturity = now + 120_000n;
      const face = 10_000n * YUAN;
      const issued = await ok(api, api.tx.receivables.issue(keys.charlie.address, CNY, face, maturity, 0,
        '0x' + '12'.repeat(32), `UPGRADE-${Date.now()}`), keys.bob);
      const { receivable, rootNote } = eventOf(issued.events, 'receivables', 'Issued').data;
      await ok(api, api.tx.receivables.accept(rootNote), keys.charlie);

      step("Eve registers her node's session keys");
      // Eve registers her node's session keys; the council admits her and removes Dave.
      const { keys: sessionKeys, proof } = eveSessionKeys(keys.eve.address);
      await ok(api, api.tx.session.setKeys(sessionKeys, proof), keys.eve);
      const lone = await submit(api, api.tx.validators.addValidator(keys.eve.address), keys.alice);
      assert.equal(lone.error, 'BadOrigin', 'one member admitted a validator alone');
      await carried(api, api.tx.validators.addValidator(keys.eve.address), keys.alice, keys.bob);
      await carried(api, api.tx.validators.removeValidator(keys.dave.address), keys.bob, keys.ferdie);

      step('The runtime upgrade: authorized by vo');
      // The runtime upgrade: authorized by vote, applied by anyone.
      const code = readFileSync(WASM);
      const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
      const codeHash = api.registry.hash(code).toHex();
      const authorize = api.tx.councilRoot.dispatchAsRoot(api.tx.system.authorizeUpgrade(codeHash));
      const alone = await submit(api, api.tx.council.propose(1, authorize, authorize.encodedLength), keys.ferdie);
      const loneResult = eventOf(alone.events, 'council', 'Executed').data.result;
      assert.equal(errorName(api, loneResult.asErr), 'BadOrigin', 'one member authorized an upgrade alone');
      await carried(api, authorize, keys.alice, keys.ferdie);
      await ok(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), keys.charlie);
      step('upgrade applied');
      for (const name of NAMES) {
        await until(`${name} to run spec version ${before + 1}`, 120_000, async () =>
          (await apis[name].rpc.state.getRuntimeVersion()).specVersion.toNumber() === before + 1);
      }
      const atUpgrade = await finalized(api);
      await until('finality to go on after the upgrade', 120_000, async () =>
        (await finalized(api)).number >= atUpgrade.number + 3);
      for (const name of NAMES) {
        assert.equal((await apis[name].rpc.state.getRuntimeVersion()).specVersion.toNumber(), before + 1, name);
      }

      step('The receivable issued before the upgr');
      // The receivable issued before the upgrade is repaid after it, and the chain pays it out
      // at maturity by itself.
      const charlieBefore = await cny(api, keys.charlie.address);
      await ok(api, api.tx.receivables.repay(receivable), keys.bob);
      await waitForTime(api, maturity);
      await waitUntilSettled(api, receivable, 120_000);
      assert.equal(await cny(api, keys.charlie.address), charlieBefore + face);
      const note = (await api.query.receivables.notes(rootNote)).unwrap();
      assert.ok(note.state.isRedeemed, `note state ${note.state.type}`);

      step('Two session boundaries after the moti');
      // Two session boundaries after the motions, Eve validates and Dave does not.
      const eveId = api.createType('AccountId', keys.eve.address).toString();
      const daveId = api.createType('AccountId', keys.dave.address).toString();
      await until('the session to take Eve in and Dave out', 300_000, async () => {
        const set = (await api.query.session.validators()).map((v) => v.toString());
        return set.includes(eveId) && !set.includes(daveId);
      });
      const eveAura = u8aToHex(new Keyring({ type: 'sr25519' }).addFromUri('//Eve').publicKey);
      await until('a block authored by Eve', 120_000, async () => (await auraAuthor(api)) === eveAura);

      step("Dave's node stops");
      // Dave's node stops: the four left finalize on.
      execFileSync('pkill', ['-KILL', '-f', `${dir}/dave`]);
      await apis.dave.disconnect().catch(() => {});
      delete apis.dave;
      const atStop = await finalized(api);
      await until('finality without Dave', 120_000, async () => (await finalized(api)).number >= atStop.number + 3);

      step('The stranger, by now minutes in');
      // The stranger, by now minutes in: no peer, no block.
      // (Plain JSON-RPC: an API object would chase the stranger's lone genesis block.)
      const health = await httpRpc(stranger.url, 'system_health');
      assert.equal(health.peers, 0, 'a stranger found peers');
      const best = await httpRpc(stranger.url, 'chain_getHeader');
      assert.equal(Number(best.number), 0, 'a stranger got blocks');
      assert.ok((await finalized(api)).number > 10);
    } finally {
      for (const a of Object.values(apis)) await a.disconnect().catch(() => {});
      if (stranger) await killNode(stranger);
      try {
        process.kill(-net.pid, 'SIGTERM');
      } catch {}
      await new Promise((r) => (net.exitCode !== null ? r() : net.once('exit', r)));
      removeDir(dir);
      removeDir(strangerDir);
    }
  });
