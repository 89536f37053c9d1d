// The nodes of every test: spawned from $CASCADE_NODE with their own databases and ports (the
// fault tests kill and restart them on purpose); launch.js makes `startNode` a command for the
// Rust tests and the shell scripts.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
 * The launcher of every test's nodes (the Rust tests and the shell scripts run it through
 * launch.js): start $CASCADE_NODE with `args` plus an RPC port the node picks itself, no
 * telemetry, no Prometheus (unless `args` ask for it) and p2p on a free loopback port (unless
 * `args` give one); resolves with { proc, url, log } once its RPC server listens. `log` keeps the
 * last 400 lines; `onLine` sees every line.
 */
export function startNode(args, name, { onLine } = {}) {
  if (!BINARY) throw new Error('CASCADE_NODE is not set (scripts/env.sh sets it)');
  const defaults = ['--rpc-port', '0', '--no-telemetry'];
  if (!args.includes('--prometheus-port')) defaults.push('--no-prometheus');
  if (!args.includes('--listen-addr')) defaults.push('--listen-addr', '/ip4/127.0.0.1/tcp/0');
  const proc = spawn(BINARY, [...args, ...defaults], {
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
        if (onLine) onLine(line);
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

/** Stop a node cleanly (SIGTERM; SIGKILL if it is still there after 10 s) and wait for it. */
export function stopNode(node) {
  return new Promise((resolve) => {
    if (node.proc.exitCode !== null || node.proc.signalCode !== null) return resolve();
    const timer = setTimeout(() => node.proc.kill('SIGKILL'), 10_000);
    node.proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    node.proc.kill('SIGTERM');
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

/** Whether nothing listens on 127.0.0.1:`port` (a listener of our own binds it and lets it go). */
function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * `count` consecutive free ports on 127.0.0.1, none in `avoid`: below Linux's ephemeral range
 * (32768–60999 here), where an outgoing connection of any process may take a port between the
 * check and the node's bind; each port checked by binding it. For scripts/testnet.sh's RPC and
 * p2p bases: a validator whose port is taken never starts, and the test waits for it in vain.
 */
export async function freePorts(count, avoid = []) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (12_000 - count));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if (ports.some((p) => avoid.includes(p))) continue;
    let free = true;
    for (const p of ports) if (!(free = await portFree(p))) break;
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports found on 127.0.0.1`);
}

/** The last `lines` lines of a node's log file, or a word saying there is none (for failures). */
export function logTail(path, lines = 30) {
  if (!existsSync(path)) return `(no log at ${path})`;
  return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
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
