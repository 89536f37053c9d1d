// Nodes of the fault tests: spawned from $CASCADE_NODE with their own databases and ports, killed
// and restarted on purpose.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = process.env.CASCADE_NODE;

export function tempDir(name) {
  return mkdtempSync(join(tmpdir(), `cascade-${name}-`));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** The raw `local_testnet` chain spec, written into `dir`. */
export function localSpec(dir) {
  const spec = execFileSync(BINARY, ['build-spec', '--chain', 'local', '--raw', '--disable-default-bootnode'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const path = join(dir, 'local.json');
  writeFileSync(path, spec);
  return path;
}

/**
 * Start a node with `args` (plus free RPC port, no telemetry or prometheus); resolves with
 * { proc, url, log } once its RPC server listens.
 */
export function startNode(args, name) {
  if (!BINARY) throw new Error('CASCADE_NODE is not set (scripts/test.sh sets it)');
  const proc = spawn(BINARY, [...args, '--rpc-port', '0', '--no-prometheus', '--no-telemetry'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no RPC after 60 s\n${log.slice(-20).join('\n')}`)), 60_000);
    let buffered = '';
    proc.stderr.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        log.push(line);
        if (log.length > 400) log.shift();
        const m = line.match(/Running JSON-RPC server: addr=([0-9.]+:[0-9]+)/);
        if (m) {
          clearTimeout(timer);
          resolve({ proc, url: `ws://${m[1]}`, log });
        }
      }
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before its RPC was up\n${log.slice(-20).join('\n')}`));
    });
  });
}

/** Kill a node at once (SIGKILL: no clean shutdown) and wait for it to be gone. */
export function killNode(node) {
  return new Promise((resolve) => {
    if (node.proc.exitCode !== null || node.proc.signalCode !== null) return resolve();
    node.proc.once('exit', () => resolve());
    node.proc.kill('SIGKILL');
  });
}

/** The finalized head's number and hash. */
export async function finalized(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  const header = await api.rpc.chain.getHeader(hash);
  return { number: header.number.toNumber(), hash: hash.toHex() };
}

/** Poll `check` every 500 ms until it returns a truthy value, or fail after `ms`. */
export async function until(what, ms, check) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A JSON-RPC call over HTTP to the node at `url` (ws:// or http://); resolves with `result`. */
export async function httpRpc(url, method, params = []) {
  const res = await fetch(url.replace(/^ws/, 'http'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Resolve once the node at `url` answers JSON-RPC (no API object left retrying meanwhile). */
export function waitForRpc(url, ms = 90_000) {
  return until(`RPC at ${url}`, ms, async () => {
    try {
      return await httpRpc(url, 'system_health');
    } catch {
      return null;
    }
  });
}
