// 自动清分 at scale: one receivable of NOTES notes held by HOLDERS enterprises, repaid after
// maturity, cleared by the chain itself — and, with LOAD set, while blocks are filled with user
// transfers. Prints one JSON line of results (and progress on stderr).
//
//   node scripts/load/clearing.js ws://127.0.0.1:9944          (scripts/load/clearing.sh runs it)
//   NOTES=100000 HOLDERS=100 LOAD=2000 node scripts/load/clearing.js <url>
//   BUILD_ONLY=1 MATURITY_S=7776000 node scripts/load/clearing.js <url>   the ledger only
//
// Build: the Operator (Alice, the dev chain's council of one) registers the holders; Bob issues
// NOTES × 1.00 CNY to Charlie, who splits it into one note per holder and passes them on; each
// holder splits its note into NOTES / HOLDERS notes of 1.00 CNY (16-way splits, level by level).
// Measure: Bob repays once the receivable has matured; from that block on, every block's
// payouts (Receivables.Redeemed), user transfers and weight by class are read until the
// receivable is settled.
import { checkChar, eventOf } from '@cascade/api';
import { connectTo, devAccounts, keyFor, CNY, pipeline } from '@cascade/api/testing';

const url = process.argv[2] || 'ws://127.0.0.1:9944';
const NOTES = Number(process.env.NOTES || 100_000);
const HOLDERS = Number(process.env.HOLDERS || 100);
const LOAD = Number(process.env.LOAD || 0);
const UNIT_NOTE = 100n; // 1.00 CNY, the ledger's smallest note
const IN_FLIGHT = 256;

const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);
if (NOTES % HOLDERS !== 0) throw new Error('NOTES must be a multiple of HOLDERS');

const api = await connectTo(url);
const keys = devAccounts();
const { send, sendAll, fanOut } = pipeline(api, { inFlight: IN_FLIGHT, log });

const { alice, bob, charlie } = keys;
const holders = Array.from({ length: HOLDERS }, (_, i) => keyFor(`//Holder${i}`));

// The Operator registers the holders as suppliers; Alice gives each a little for fees.
log(`registering ${HOLDERS} holders`);
const registrations = holders.map((h, i) => {
  const body = `91350100H${String(i).padStart(8, '0')}`;
  return api.tx.enterprises.register(h.address, `Holder ${i}`, body + checkChar(body),
    { core: false, supplier: true, financier: false });
});
if ((await api.query.council.members()).length === 1) {
  // The dev chain: Alice is the council of one; a motion of threshold 1 is carried at once.
  await sendAll(registrations.map((call) => [api.tx.council.propose(1, call, call.encodedLength), alice]));
} else {
  // local_testnet: two of three (Alice and Bob) carry each motion — propose, both vote, close;
  // at most 50 motions open at once (the council keeps 100).
  for (let at = 0; at < registrations.length; at += 50) {
    const calls = registrations.slice(at, at + 50);
    const proposed = await sendAll(calls.map((call) => [api.tx.council.propose(2, call, call.encodedLength), alice]));
    const motions = proposed.map((events) => eventOf(events, 'council', 'Proposed').data);
    await sendAll(motions.flatMap(({ proposalHash, proposalIndex }) => [
      [api.tx.council.vote(proposalHash, proposalIndex, true), alice],
      [api.tx.council.vote(proposalHash, proposalIndex, true), bob],
    ]));
    const weight = (await calls[0].paymentInfo(alice.address)).weight;
    const closed = await sendAll(motions.map(({ proposalHash, proposalIndex }, i) =>
      [api.tx.council.close(proposalHash, proposalIndex, weight, calls[i].encodedLength), alice]));
    for (const events of closed) {
      const executed = eventOf(events, 'council', 'Executed');
      if (!executed || executed.data.result.isErr) throw new Error('a registration motion was not carried');
    }
  }
}
await sendAll(holders.map((h) => [api.tx.balances.transferKeepAlive(h.address, 10n ** 15n), alice]));

// Bob issues; Charlie accepts and hands one note to each holder.
const face = BigInt(NOTES) * UNIT_NOTE;
// MATURITY_S (default 60): chain seconds from issue to maturity.
const maturity = (await api.query.timestamp.now()).toBigInt() + BigInt(process.env.MATURITY_S || 60) * 1000n;
const issued = eventOf(await send(api.tx.receivables.issue(charlie.address, CNY, face, maturity, 0,
  '0x' + '44'.repeat(32), `CLEAR-${Date.now()}`), bob), 'receivables', 'Issued').data;
const receivable = issued.receivable.toNumber();
await send(api.tx.receivables.accept(issued.rootNote), charlie);
const perHolder = NOTES / HOLDERS;
const pieces = await fanOut([[charlie, issued.rootNote.toNumber(), HOLDERS]], BigInt(perHolder) * UNIT_NOTE);
await sendAll(pieces.map((note, i) => [api.tx.receivables.transfer(note, holders[i].address), charlie]));
await sendAll(pieces.map((note, i) => [api.tx.receivables.accept(note), holders[i]]));
const leaves = await fanOut(pieces.map((note, i) => [holders[i], note, perHolder]), UNIT_NOTE);
let rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
if (leaves.length !== NOTES || rec.notesLeft !== NOTES) {
  throw new Error(`built ${leaves.length} notes, the chain counts ${rec.notesLeft}`);
}
log(`receivable ${receivable}: ${NOTES} notes held by ${HOLDERS} holders`);
if (process.env.BUILD_ONLY === '1') {
  // Only the ledger (scripts/load/storage-weights.sh measures the database holding it).
  console.log(JSON.stringify({ receivable, notes: NOTES, holders: HOLDERS }));
  process.exit(0);
}
while ((await api.query.timestamp.now()).toBigInt() < maturity) await new Promise((r) => setTimeout(r, 500));

// User load: transfers from Dave, Eve and Ferdie, all signed beforehand (immortal, consecutive
// nonces) and, once the repayment is in a block (clearing begins in that block), pushed into the
// pool without watching them, as fast as it takes them, retrying while it is full: enough to
// fill blocks' normal class while the chain clears.
let loadSent = 0;
const signed = [];
if (LOAD > 0) {
  const senders = [keys.dave, keys.eve, keys.ferdie];
  const ed = api.consts.balances.existentialDeposit.toBigInt();
  const next = await Promise.all(senders.map(async (k) => (await api.rpc.system.accountNextIndex(k.address)).toNumber()));
  senders.forEach(() => signed.push([]));
  for (let i = 0; i < LOAD; i++) {
    // A fresh account per transfer (no key derivation: 20,000 of those would stall the client).
    const payee = api.createType('AccountId', api.registry.hash(new TextEncoder().encode(`payee-${i}`)));
    const s = i % 3;
    signed[s].push(await api.tx.balances.transferKeepAlive(payee, ed * 10n)
      .signAsync(senders[s], { nonce: next[s]++, era: 0, blockHash: api.genesisHash }));
  }
  log(`${LOAD} transfers signed`);
}
// One pusher per sender, in nonce order, so nothing waits in the pool's future queue. A refusal
// is retried (a full pool makes room with the next block); its reason is logged once per sender.
async function pusher(txs) {
  let logged = false;
  for (const tx of txs) {
    for (let attempt = 0; ; attempt++) {
      try {
        await api.rpc.author.submitExtrinsic(tx);
        loadSent++;
        break;
      } catch (e) {
        if (!logged) log(`a transfer refused, retrying: ${e.message}`);
        logged = true;
        if (attempt > 1200) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}

// Repay, start the load, then read every block until the receivable is settled.
const repaid = await send(api.tx.receivables.repay(receivable), bob);
const loadDone = Promise.all(signed.map(pusher));
const first = (await api.rpc.chain.getHeader(repaid.blockHash)).number.toNumber();
const blocks = [];
let n = first;
for (;;) {
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  for (; n <= head; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const at = await api.at(hash);
    const [events, weight, now, block] = await Promise.all([
      at.query.system.events(), at.query.system.blockWeight(), at.query.timestamp.now(), api.rpc.chain.getBlock(hash),
    ]);
    let paid = 0;
    let transfers = 0;
    for (const { event } of events) {
      if (event.section === 'receivables' && event.method === 'Redeemed' && event.data.receivable.toNumber() === receivable) paid++;
      if (event.section === 'balances' && event.method === 'Transfer') transfers++;
    }
    blocks.push({
      block: n,
      time: now.toNumber(),
      paid,
      transfers,
      extrinsics: block.block.extrinsics.length,
      normalMs: Number(weight.normal.refTime.toBigInt() / 1_000_000_000n),
      clearingMs: Number(weight.mandatory.refTime.toBigInt() / 1_000_000_000n),
    });
    log(`#${n}: ${paid} notes paid, ${transfers} transfers, normal ${blocks.at(-1).normalMs} ms, mandatory ${blocks.at(-1).clearingMs} ms`);
  }
  rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
  if (rec.status === 'settled') break;
  await new Promise((r) => setTimeout(r, 1000));
}
await loadDone;
const clearing = blocks.filter((b) => b.paid > 0);
const paidTotal = clearing.reduce((a, b) => a + b.paid, 0);
const last = clearing.at(-1);
const result = {
  notes: NOTES,
  holders: HOLDERS,
  paid: paidTotal,
  blocks: clearing.length,
  seconds: (last.time - blocks[0].time) / 1000,
  notesPerBlock: { mean: Math.round(paidTotal / clearing.length), max: Math.max(...clearing.map((b) => b.paid)) },
  loadSent,
  loadIncludedDuringClearing: clearing.reduce((a, b) => a + b.transfers, 0),
  perBlock: blocks,
};
console.log(JSON.stringify(result));
if (paidTotal !== NOTES || rec.escrowBalance !== '0') throw new Error(`paid ${paidTotal} of ${NOTES}`);
await api.disconnect();
