//! The load generator's own helpers: transactions signed before the clock starts, sent as fast
//! as the node takes them, and found again in blocks; the chain's clock, the existential deposit
//! and the weight the runtime charges.

use std::collections::{BTreeMap, HashMap};

use anyhow::{anyhow, Result};
use cascade_client::{
	chain::{Chain, Inclusion, Signed, H256},
	interface::cascade,
	keys::Signer,
	submit::{resend_signed, stall_error, Watcher, RESEND_AFTER},
};
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

/// How a phase's transactions went: seconds from the first sent until the pool had taken the
/// last one, and each one's inclusion, by position (lanes one after another).
pub struct Sent {
	pub submit_seconds: f64,
	pub included: Vec<Inclusion>,
}

/// Sends pre-signed transactions and waits until every one is in a block. Each lane is one
/// sender's transactions in nonce order, sent one request at a time (so they reach the pool in
/// order and none waits as a "future" one); the lanes run at once, spread over the connections
/// (lane i on connection i mod the number of connections).
pub async fn submit(conns: &[Chain], lanes: &[Vec<Signed>]) -> Result<Sent> {
	let chain = &conns[0];
	let at = chain.at_best().await?;
	let mut watcher = Watcher::new(chain, false).await?;
	let all: Vec<&Signed> = lanes.iter().flatten().collect();
	let mut in_pool: HashMap<H256, usize> =
		all.iter().enumerate().map(|(i, xt)| (xt.hash, i)).collect();
	let mut included: Vec<Option<Inclusion>> = all.iter().map(|_| None).collect();
	let started = std::time::Instant::now();
	let sending = lanes.iter().enumerate().map(|(lane, txs)| {
		let conn = &conns[lane % conns.len()];
		let at = &at;
		async move {
			for xt in txs {
				conn.submit(at, xt).await.map_err(|e| anyhow!("lane {lane}: refused: {e}"))?;
			}
			Ok::<_, anyhow::Error>(())
		}
	});
	futures::future::try_join_all(sending).await?;
	let submit_seconds = started.elapsed().as_secs_f64();
	let mut waiting: BTreeMap<usize, Signed> =
		all.iter().map(|xt| (*xt).clone()).enumerate().collect();
	let mut resent_at = 0u32;
	while !in_pool.is_empty() {
		let (top, found) = watcher.poll(chain, &mut in_pool).await?;
		for (tag, inclusion) in found {
			waiting.remove(&tag);
			included[tag] = Some(inclusion);
		}
		if watcher.idle(top) >= RESEND_AFTER && top.number >= resent_at + RESEND_AFTER {
			resend_signed(chain, &waiting).await?;
			resent_at = top.number;
		}
		if !in_pool.is_empty() && watcher.stalled(top) {
			return Err(stall_error(in_pool.len()));
		}
	}
	Ok(Sent { submit_seconds, included: included.into_iter().flatten().collect() })
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

/// An account's free native balance at the best block.
pub async fn free_balance(chain: &Chain, who: &cascade_client::chain::AccountId) -> Result<u128> {
	let at = chain.at_best().await?;
	let info = at.storage().fetch(cascade::storage().system().account(), (who.clone(),)).await?;
	Ok(info.decode()?.data.free)
}
