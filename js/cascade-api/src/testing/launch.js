#!/usr/bin/env node
// The node launcher of every test, as a command: the Rust tests (client/tests/common/node.rs) and
// the shell scripts (scripts/dev/node.sh) run it; JavaScript tests call `startNode` (nodes.js),
// the same code, in process.
//
//   node js/cascade-api/dist/testing/launch.js [--log FILE] [--stdin] -- <cascade-node options>
//
// Starts $CASCADE_NODE with the options given plus the launcher's (RPC on a port the node picks,
// no telemetry, no Prometheus unless asked, p2p on a free loopback port, a database of its own
// unless --base-path is given), waits until its RPC answers, then prints one line of JSON:
// {"url":"ws://127.0.0.1:<port>","port":<port>,"pid":<node's pid>,"base":"<its database>"}.
// It stays until SIGTERM or SIGINT (or, with --stdin, until its standard input closes: the parent
// is gone), then stops the node and removes the database it made. If the node stops first, it
// exits with status 1 and the node log's tail; --log FILE keeps the whole log there.
import { createWriteStream } from 'node:fs';
import { removeDir, startNode, stopNode, tempDir, waitForRpc } from './nodes.js';

function usage(message) {
  process.stderr.write(`launch: ${message}\nusage: launch.js [--log FILE] [--stdin] -- <cascade-node options>\n`);
  process.exit(2);
}

let logFile;
let watchStdin = false;
const argv = process.argv.slice(2);
let i = 0;
for (; i < argv.length && argv[i] !== '--'; i++) {
  if (argv[i] === '--log') logFile = argv[++i] ?? usage('--log needs a file');
  else if (argv[i] === '--stdin') watchStdin = true;
  else usage(`unknown option ${argv[i]}`);
}
const args = argv.slice(i + 1);
if (args.length === 0) usage('no cascade-node options (e.g. -- --dev)');

const ownBase = !args.includes('--base-path');
const base = ownBase ? tempDir('node') : args[args.indexOf('--base-path') + 1];
const log = logFile ? createWriteStream(logFile) : null;

let node;
let stopping = false;
async function stop(status) {
  if (stopping) return;
  stopping = true;
  if (node) await stopNode(node);
  if (ownBase) removeDir(base);
  if (log) await new Promise((resolve) => log.end(resolve));
  process.exit(status);
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
if (watchStdin) {
  process.stdin.on('end', () => stop(0));
  process.stdin.on('error', () => stop(0));
  process.stdin.resume();
}

try {
  node = await startNode([...args, ...(ownBase ? ['--base-path', base] : [])], 'cascade-node', {
    onLine: log ? (line) => log.write(`${line}\n`) : undefined,
  });
  node.proc.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`launch: cascade-node stopped (${code ?? signal})\n${node.log.slice(-30).join('\n')}\n`);
    node = null;
    stop(1);
  });
  await waitForRpc(node.url, 60_000);
  const port = Number(new URL(node.url).port);
  process.stdout.write(`${JSON.stringify({ url: node.url, port, pid: node.proc.pid, base })}\n`);
} catch (e) {
  process.stderr.write(`launch: ${e.message ?? e}\n`);
  await stop(1);
}
