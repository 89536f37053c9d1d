// Helpers for watching the chain's own clearing (自动清分): wait until a receivable is settled,
// and read back which notes were paid in which blocks, and whether by an extrinsic or by the
// chain itself (the `Finalization` phase: `on_idle`).

/** Wait until `receivable` is settled; resolve with the block number it settled in. */
export async function waitUntilSettled(api, receivable, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rec = (await api.rpc.cascade.receivable(receivable)).toJSON();
    if (rec.status === 'settled') return (await api.rpc.chain.getHeader()).number.toNumber();
    if (Date.now() > deadline) throw new Error(`receivable ${receivable} not settled: ${JSON.stringify(rec)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * The payouts of `receivable`'s notes in blocks `from..=to`: { note, block, holder, amount,
 * toPledgee, left, full, byChain }, in order.
 */
export async function clearedEvents(api, from, to, receivable) {
  const out = [];
  for (let n = from; n <= to; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const events = await (await api.at(hash)).query.system.events();
    for (const { event, phase } of events) {
      if (event.section !== 'receivables') continue;
      if (event.method !== 'Redeemed' && event.method !== 'PartPaid') continue;
      const d = event.data;
      if (d.receivable.toNumber() !== receivable) continue;
      out.push({
        note: d.note.toNumber(),
        block: n,
        holder: d.holder.toString(),
        amount: d.amount.toBigInt(),
        toPledgee: d.toPledgee.isSome ? d.toPledgee.unwrap()[1].toBigInt() : 0n,
        left: event.method === 'PartPaid' ? d.left.toBigInt() : 0n,
        full: event.method === 'Redeemed',
        byChain: phase.isFinalization,
      });
    }
  }
  return out;
}
