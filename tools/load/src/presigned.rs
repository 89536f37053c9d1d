//! The load generator's own helpers: transactions signed before the clock starts, sent as fast
//! as the node takes them, and found again in blocks; the chain's clock, the existential deposit
//! and the weight the runtime charges.

use std::collections::{BTreeMap, HashMap};

use anyhow::{anyhow, Result};
use cascade_client::{
	chain::{Chain, Inclusion, Signed, H256},
	interface::cascade,
	keys::Signer,
	submit::{resend, stall_error, Watcher, RESEND_AFTER},
};
use futures::StreamExt;
use subxt::tx::Payload;

/// Signs `calls` from `signer` with consecutive nonces, all against one checkpoint, before
/// anything is sent: what the run measures is then the chain, not the signing.
pub async fn presign<C: Payload>(
	chain: &Chain,
	signer: &Signer,
	calls: &[C],
) -> Result<Vec<Signed>> {
	let at = chain.at_best().await?;
	let checkpoint = chain.checkpoint().await?;
	let nonce = chain.next_nonce(&signer.account()).await?;
	calls
		.iter()
		.enumerate()
		.map(|(i, call)| Chain::sign(&at, signer, call, nonce + i as u64, checkpoint))
		.collect()
}

/// Sends pre-signed transactions, `in_flight` RPC requests at a time, and waits until every one
/// is in a block. Returns each one's inclusion, by position.
pub async fn submit(chain: &Chain, txs: &[Signed], in_flight: usize) -> Result<Vec<Inclusion>> {
	let at = chain.at_best().await?;
	let mut watcher = Watcher::new(chain, false).await?;
	let mut in_pool: HashMap<H256, usize> =
		txs.iter().enumerate().map(|(i, xt)| (xt.hash, i)).collect();
	let mut included: Vec<Option<Inclusion>> = txs.iter().map(|_| None).collect();
	let refusals: Vec<String> = futures::stream::iter(txs)
		.map(|xt| chain.submit(&at, xt))
		.buffered(in_flight.max(1))
		.filter_map(|r| async move { r.err().map(|e| e.to_string()) })
		.collect()
		.await;
	if let Some(first) = refusals.first() {
		return Err(anyhow!("{} of {} refused: {first}", refusals.len(), txs.len()));
	}
	let mut waiting: BTreeMap<usize, Signed> = txs.iter().cloned().enumerate().collect();
	let mut resent_at = 0u32;
	while !in_pool.is_empty() {
		let (top, found) = watcher.poll(chain, &mut in_pool).await?;
		for (tag, inclusion) in found {
			waiting.remove(&tag);
			included[tag] = Some(inclusion);
		}
		if watcher.idle(top) >= RESEND_AFTER && top.number >= resent_at + RESEND_AFTER {
			resend(chain, &waiting).await?;
			resent_at = top.number;
		}
		if !in_pool.is_empty() && watcher.stalled(top) {
			return Err(stall_error(in_pool.len()));
		}
	}
	Ok(included.into_iter().flatten().collect())
}

/// The weight (ref time in ps, proof size in bytes) the runtime charges for a signed
/// transaction (`TransactionPaymentApi::query_info`).
pub async fn weight(chain: &Chain, xt: &Signed) -> Result<(u64, u64)> {
	let at = chain.at_best().await?;
	let question = cascade::runtime_apis()
		.transaction_payment_api()
		.query_info(xt.bytes.clone().into(), xt.bytes.len() as u32);
	let info = at.runtime_apis().call(question).await?;
	Ok((info.weight.ref_time, info.weight.proof_size))
}

/// The chain's time at the best block (ms).
pub async fn now(chain: &Chain) -> Result<u64> {
	let at = chain.at_best().await?;
	let value = at.storage().fetch(cascade::storage().timestamp().now(), ()).await?;
	Ok(value.decode()?)
}

/// The native token's existential deposit, from the runtime's constants.
pub async fn existential_deposit(chain: &Chain) -> Result<u128> {
	let at = chain.at_best().await?;
	Ok(at.constants().entry(cascade::constants().balances().existential_deposit())?)
}
