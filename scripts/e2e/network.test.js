// Issue 11, item 10: the network scripts expose no unsafe RPC. ./scripts/testnet.sh runs its four
// validators with safe methods only and lets browsers in from the project's own pages alone, so a
// web page the operator happens to open cannot call author_insertKey on a validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tempDir, removeDir, until, freePorts, logTail } from '@cascade/api/testing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** scripts/testnet.sh's validators, in port order; each logs to <dir>/<name>.log. */
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

async function call(url, method, params = [], headers = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return { res, body: await res.json().catch(() => null) };
}

test('the testnet validators answer safe RPC only, and browsers from the project pages only', async () => {
  const dir = tempDir('testnet');
  // Free ports of its own (CASCADE_TESTNET_RPC_BASE / _P2P_BASE pin them, as the script does).
  const rpcBase = Number(process.env.CASCADE_TESTNET_RPC_BASE) || await freePorts(4);
  const p2pBase = Number(process.env.CASCADE_TESTNET_P2P_BASE) || await freePorts(4, [0, 1, 2, 3].map((i) => rpcBase + i));
  const net = spawn(join(ROOT, 'scripts', 'testnet.sh'), [], {
    env: {
      ...process.env,
      CASCADE_SKIP_BUILD: '1',
      CASCADE_TESTNET_DIR: dir,
      CASCADE_TESTNET_RPC_BASE: String(rpcBase),
      CASCADE_TESTNET_P2P_BASE: String(p2pBase),
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let i = 0; i < 4; i++) {
      const url = `http://127.0.0.1:${rpcBase + i}`;
      await until(`validator ${i}'s RPC`, 60_000, async () => {
        try {
          return (await call(url, 'system_health')).body?.result;
        } catch {
          return null;
        }
      }).catch((e) => {
        throw new Error(`${e.message}\n---- ${VALIDATORS[i]}.log (tail) ----\n${logTail(join(dir, `${VALIDATORS[i]}.log`))}`);
      });
      for (const [method, params] of [
        ['author_insertKey', ['aura', '//Mallory', '0x' + '00'.repeat(32)]],
        ['author_rotateKeys', []],
        ['author_removeExtrinsic', [[]]],
      ]) {
        const { body } = await call(url, method, params);
        assert.ok(body?.error, `${method} answered ${JSON.stringify(body)} on validator ${i}`);
        assert.match(body.error.message, /unsafe/i, `${method} on validator ${i}`);
      }
      const evil = await call(url, 'system_health', [], { origin: 'http://evil.example' });
      assert.equal(evil.res.headers.get('access-control-allow-origin'), null, 'a stranger origin is let in');
      const portal = process.env.CASCADE_RPC_CORS.split(',')[0];
      const ours = await call(url, 'system_health', [], { origin: portal });
      assert.equal(ours.res.headers.get('access-control-allow-origin'), portal);
    }
  } finally {
    try {
      process.kill(-net.pid, 'SIGTERM');
    } catch {}
    await new Promise((r) => (net.exitCode !== null ? r() : net.once('exit', r)));
    removeDir(dir);
  }
});
