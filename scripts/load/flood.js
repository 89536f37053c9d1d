// Readers cannot stall the node (issue 25, item 6): CONNECTIONS WebSocket clients each keep
// IN_FLIGHT `cascade_*` reads outstanding (pages of a receivable of NOTES notes) for SECONDS
// seconds, while the node authors 6-second Aura blocks and transfers load it. Measured: the block
// interval (p99 against the slot), `system_health`'s latency on a connection of its own (every
// 500 ms), and how the reads were answered (results, "busy, retry" 4290, other errors).
// Prints one JSON line (progress on stderr); with FLOOD_ASSERT=1 exits non-zero when the block
// interval p99 is more than 20 % above the slot or `system_health` ever took more than 1 s.
//
//   CONNECTIONS=200 IN_FLIGHT=64 FLOOD_SECONDS=60 NOTES=3000 node scripts/load/flood.js <ws url>
//   (scripts/load/flood.sh starts a `cascade-node --dev` with 6-second Aura blocks and runs it)
import { eventOf } from '@cascade/api';
import { connectTo, devAccounts, CNY, WebSocket, pipeline } from '@cascade/api/testing';

const url = process.argv[2] || 'ws://127.0.0.1:9944';
const http = url.replace('ws://', 'http://');
const CONNECTIONS = Number(process.env.CONNECTIONS || 200);
const IN_FLIGHT = Number(process.env.IN_FLIGHT || 64);
const SECONDS = Number(process.env.FLOOD_SECONDS || 60);
const NOTES = Number(process.env.NOTES || 3_000);
const BLOCK_MS = 6_000;
const UNIT = 100n;

const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : null;
};
const stats = (xs) => ({ n: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99), max: percentile(xs, 100) });

const api = await connectTo(url);
const keys = devAccounts();
const { send, fanOut } = pipeline(api, { inFlight: 256, log });

// A receivable of NOTES notes, so every read is a real page of the runtime's work.
let now = (await api.query.timestamp.now()).toBigInt();
while (now === 0n) {
  await new Promise((done) => setTimeout(done, 500));
  now = (await api.query.timestamp.now()).toBigInt();
}
const issued = eventOf(await send(api.tx.receivables.issue(keys.charlie.address, CNY, BigInt(NOTES) * UNIT,
  now + 90n * 86_400_000n, 0, '0x' + '99'.repeat(32), `FLOOD-${Date.now()}`), keys.bob), 'receivables', 'Issued').data;
await send(api.tx.receivables.accept(issued.rootNote), keys.charlie);
await fanOut([[keys.charlie, issued.rootNote.toNumber(), NOTES]], UNIT);
const receivable = issued.receivable.toNumber();
log(`receivable ${receivable} of ${NOTES} notes built; flooding with ${CONNECTIONS} × ${IN_FLIGHT} reads for ${SECONDS} s`);

const heads = [];
const unsub = await api.rpc.chain.subscribeNewHeads((h) => heads.push({ n: h.number.toNumber(), at: Date.now() }));

const counts = { results: 0, busy: 0, errors: 0, closed: 0 };
const readMs = [];
const end = Date.now() + SECONDS * 1_000;

/** One client: a WebSocket with IN_FLIGHT reads outstanding until the end. */
function client(index) {
  return new Promise((done) => {
    const ws = new WebSocket(url);
    let id = 0;
    const sentAt = new Map();
    const next = () => {
      if (Date.now() >= end || ws.readyState !== WebSocket.OPEN) return;
      id += 1;
      sentAt.set(id, performance.now());
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method: 'cascade_tree', params: [receivable, null, { cursor: null, limit: 1_000 }] }));
    };
    ws.onopen = () => { for (let i = 0; i < IN_FLIGHT; i += 1) next(); };
    ws.onmessage = (event) => {
      const reply = JSON.parse(event.data);
      const started = sentAt.get(reply.id);
      sentAt.delete(reply.id);
      if (started !== undefined) readMs.push(performance.now() - started);
      if (reply.result) counts.results += 1;
      else if (reply.error?.code === 4290) counts.busy += 1;
      else counts.errors += 1;
      if (Date.now() < end) next();
      else if (sentAt.size === 0) ws.close();
    };
    ws.onerror = () => {};
    ws.onclose = () => { counts.closed += index >= 0 ? 1 : 0; done(); };
    setTimeout(() => { try { ws.close(); } catch { /* closed */ } }, SECONDS * 1_000 + 30_000);
  });
}

/** `system_health` over HTTP every 500 ms until the end: its latency. */
async function health() {
  const ms = [];
  let failed = 0;
  while (Date.now() < end) {
    const started = performance.now();
    try {
      const res = await fetch(http, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await res.json();
      if (!body.result) failed += 1;
    } catch {
      failed += 1;
    }
    ms.push(performance.now() - started);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  return { ...stats(ms), failed };
}

// The chain keeps working meanwhile: a transfer of a note every block or so.
async function transfers() {
  let sent = 0;
  while (Date.now() < end) {
    try {
      await send(api.tx.balances.transferKeepAlive(keys.eve.address, 1_000_000n), keys.ferdie);
      sent += 1;
    } catch { /* refused: counted by its absence */ }
  }
  return sent;
}

const [healthStats, sent] = await Promise.all([
  health(),
  transfers(),
  ...Array.from({ length: CONNECTIONS }, (_, i) => client(i)),
]);
unsub();
const intervals = heads.slice(1).map((h, i) => h.at - heads[i].at);
const result = {
  connections: CONNECTIONS,
  inFlight: IN_FLIGHT,
  seconds: SECONDS,
  notes: NOTES,
  reads: { ...counts, ms: stats(readMs) },
  systemHealthMs: healthStats,
  transfersLanded: sent,
  blocks: heads.length,
  blockIntervalMs: { ...stats(intervals), configured: BLOCK_MS },
};
console.log(JSON.stringify(result));
await api.disconnect();
if (process.env.FLOOD_ASSERT === '1') {
  const failures = [];
  if (!(result.blockIntervalMs.p99 <= BLOCK_MS * 1.2)) failures.push(`block interval p99 ${result.blockIntervalMs.p99} ms is more than 20 % above ${BLOCK_MS} ms`);
  if (!(healthStats.max <= 1_000) || healthStats.failed > 0) failures.push(`system_health took up to ${healthStats.max} ms (${healthStats.failed} failed)`);
  if (counts.results === 0) failures.push('no read was answered');
  if (failures.length) { log(failures.join('; ')); process.exit(1); }
}
process.exit(0);
