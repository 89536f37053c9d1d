// The month-end batch (issue 17, item 3): `cascade issue-batch --finalized` of LINES receivables
// from one core enterprise (Bob) against a validator of the testnet, while this script follows
// the finalized chain block by block: when each block was finalized (wall clock), how many of
// the batch's receivables it holds, and how full it was by weight (System.BlockWeight, per
// dispatch class, against the normal class's maximum). Prints one JSON line of results
// (progress on stderr); with ASSERT=1 it fails unless every receivable is finalized exactly once.
//
//   LINES=10000 WINDOW=10000 CASCADE_CLIENT=…/cascade node scripts/load/month-end.js <url>
//   (scripts/load/month-end.sh starts ./scripts/testnet.sh and runs it)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectTo, devAccounts } from '@cascade/api/testing';

const url = process.argv[2] || 'ws://127.0.0.1:9944';
const LINES = Number(process.env.LINES || 10_000);
const WINDOW = Number(process.env.WINDOW || LINES);
const ASSERT = process.env.ASSERT === '1';
const CLIENT = process.env.CASCADE_CLIENT;
const TIMEOUT_S = Number(process.env.TIMEOUT_S || 900);
if (!CLIENT) throw new Error('CASCADE_CLIENT (the cascade binary) is not set');

const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);
const api = await connectTo(url);
const { bob } = devAccounts();
const maxNormal = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
const maxBlock = api.consts.system.blockWeights.maxBlock.refTime.toBigInt();
const ms = (ps) => Math.round(Number(ps / 1_000_000n)) / 1000; // ps → ms, 3 decimals
const slotMs = Number(api.consts.aura?.slotDuration?.toBigInt?.() ?? 6000n);

// A finalized block past genesis, so the batch starts on a live network.
for (;;) {
  const n = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  if (n >= 1) break;
  await new Promise((r) => setTimeout(r, 500));
}

// The batch: LINES invoices of one month end, to the three demo suppliers, 30–89 days out.
const prefix = `ME-${Date.now()}`;
const dir = mkdtempSync(join(tmpdir(), 'cascade-month-end-'));
const file = join(dir, 'batch.csv');
const to = ['//Charlie', '//Dave', '//Eve'];
const day = (d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const rows = ['to,amount,maturity,line,invoice'];
for (let i = 0; i < LINES; i++) {
  rows.push(`${to[i % 3]},${100 + (i % 900)}.${String(i % 100).padStart(2, '0')},${day(30 + (i % 60))},0,${prefix}-${String(i).padStart(6, '0')}`);
}
writeFileSync(file, rows.join('\n') + '\n');

// Follow the finalized chain from here on: every block once, in order.
const blocks = [];
const seen = new Map(); // invoice → times seen in finalized Issued events
let nextNumber = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() + 1;
const firstNumber = nextNumber;
let reading = Promise.resolve();
let finalizedCount = 0;
let lastBatchFinalizedAt = null;

async function readUpTo(number, at) {
  for (; nextNumber <= number; nextNumber++) {
    const hash = await api.rpc.chain.getBlockHash(nextNumber);
    const apiAt = await api.at(hash);
    const [events, weight, block, now] = await Promise.all([
      apiAt.query.system.events(),
      apiAt.query.system.blockWeight(),
      api.rpc.chain.getBlock(hash),
      apiAt.query.timestamp.now(),
    ]);
    let issued = 0;
    for (const { event } of events) {
      if (event.section !== 'receivables' || event.method !== 'Issued') continue;
      if (!event.data.issuer.eq(bob.address)) continue;
      const invoice = event.data.invoiceRef.toUtf8();
      if (!invoice.startsWith(prefix)) continue;
      seen.set(invoice, (seen.get(invoice) || 0) + 1);
      issued++;
    }
    finalizedCount += issued;
    const normal = weight.normal.refTime.toBigInt();
    const mandatory = weight.mandatory.refTime.toBigInt();
    const operational = weight.operational.refTime.toBigInt();
    blocks.push({
      number: nextNumber,
      timestamp: now.toNumber(),
      finalizedAtMs: at,
      extrinsics: block.block.extrinsics.length,
      issued,
      normalMs: ms(normal),
      mandatoryMs: ms(mandatory),
      operationalMs: ms(operational),
      normalFull: Math.round((Number(normal) / Number(maxNormal)) * 1000) / 10,
    });
    if (issued) {
      lastBatchFinalizedAt = at;
      log(`#${nextNumber} finalized: ${issued} issued (${finalizedCount}/${LINES}), normal ${ms(normal)} ms (${blocks.at(-1).normalFull} %)`);
    }
  }
}
const unsubscribe = await api.rpc.chain.subscribeFinalizedHeads((header) => {
  const at = Date.now();
  const number = header.number.toNumber();
  reading = reading.then(() => readUpTo(number, at)).catch((e) => log(`reading #${number}: ${e.message}`));
});

// The client, timed from the moment it is started (it connects, checks and signs first).
log(`issuing ${LINES} receivables (window ${WINDOW}) with ${CLIENT}`);
const started = Date.now();
const client = spawn(CLIENT, ['--url', url, '--suri', '//Bob', '--json', 'issue-batch', file, '--finalized', '--window', String(WINDOW)],
  { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
let err = '';
client.stdout.on('data', (d) => (out += d));
client.stderr.on('data', (d) => (err += d));
const code = await new Promise((resolve) => client.on('exit', (c) => resolve(c)));
const clientDoneAt = Date.now();
let summary = null;
try {
  summary = JSON.parse(out.trim().split('\n').pop());
} catch {
  log(`client output unreadable (exit ${code}): ${out.slice(-400)} ${err.slice(-400)}`);
}

// Every finalized block up to the client's end has been read once the reader catches up.
const deadline = started + TIMEOUT_S * 1000;
while (finalizedCount < LINES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
await reading;
unsubscribe();
rmSync(dir, { recursive: true, force: true });

const batchBlocks = blocks.filter((b) => b.issued > 0);
const repeated = [...seen.values()].filter((n) => n > 1).length;
const firstBlock = batchBlocks[0]?.number ?? null;
const lastBlock = batchBlocks.at(-1)?.number ?? null;
const span = firstBlock === null ? [] : blocks.filter((b) => b.number >= firstBlock && b.number <= lastBlock);
const result = {
  lines: LINES,
  window: WINDOW,
  clientExit: code,
  clientIssued: summary?.issued ?? null,
  clientSeconds: summary ? Math.round(summary.seconds * 10) / 10 : null,
  finalized: finalizedCount,
  distinctFinalized: seen.size,
  repeated,
  // From the client's start to the wall-clock moment the last block holding one of the batch was
  // seen finalized on the validator the batch was sent to.
  secondsToLastFinalized: lastBatchFinalizedAt ? Math.round((lastBatchFinalizedAt - started) / 100) / 10 : null,
  clientWallSeconds: Math.round((clientDoneAt - started) / 100) / 10,
  goalSeconds: 60,
  blocksUsed: batchBlocks.length,
  blocksSpanned: span.length,
  slotMs,
  maxNormalMs: ms(maxNormal),
  maxBlockMs: ms(maxBlock),
  perBlock: {
    issuedMax: Math.max(0, ...batchBlocks.map((b) => b.issued)),
    issuedMean: batchBlocks.length ? Math.round(finalizedCount / batchBlocks.length) : 0,
    normalFullMax: Math.max(0, ...batchBlocks.map((b) => b.normalFull)),
  },
  firstFollowed: firstNumber,
  blocks: span,
};
console.log(JSON.stringify(result));
await api.disconnect();
if (ASSERT) {
  const problems = [];
  if (code !== 0) problems.push(`the client exited ${code}`);
  if (finalizedCount !== LINES) problems.push(`${finalizedCount} of ${LINES} issued in finalized blocks`);
  if (seen.size !== LINES) problems.push(`${seen.size} distinct invoices of ${LINES}`);
  if (repeated) problems.push(`${repeated} invoices issued more than once`);
  if (summary && summary.issued !== LINES) problems.push(`the client reports ${summary.issued} issued`);
  if (problems.length) {
    log(`FAILED: ${problems.join('; ')}`);
    process.exit(1);
  }
}
process.exit(0);
