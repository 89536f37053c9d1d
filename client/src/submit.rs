//! Pipelined submission: sign with consecutive nonces, keep up to `window` transactions in the
//! node's pool, and find each one in the blocks that follow.
//!
//! Transactions are signed just before they are sent, against a recent finalized block, so a
//! long batch never sends a transaction whose mortality has run out. Inclusion is read from the
//! blocks themselves (the block's extrinsics hashed, the block's events filtered by extrinsic
//! index), so one subscription to new heads serves any number of transactions.

use std::{
	collections::{BTreeMap, HashMap},
	time::Duration,
};

use anyhow::Result;
use cascade_runtime::RuntimeCall;
use futures::StreamExt;
use sp_core::H256;

use crate::{
	chain::{BlockRef, Chain, Inclusion, MORTALITY},
	keys::Signer,
};

/// How to submit.
#[derive(Clone, Copy, Debug)]
pub struct Options {
	/// Wait for finality instead of inclusion in the best chain.
	pub finalized: bool,
	/// Most transactions in the pool at once.
	pub window: usize,
}

/// How a submission run ended.
pub struct Run {
	/// For each call, where it landed (None: not sent, or not seen before the run stopped).
	pub included: Vec<Option<Inclusion>>,
	/// Why the run stopped early, if it did.
	pub stopped: Option<String>,
}

/// Follows the chain's new (or finalized) heads and finds transactions in every new block.
pub struct Watcher {
	heads: jsonrpsee::core::client::Subscription<serde_json::Value>,
	next_block: u32,
	finalized: bool,
	last_progress: u32,
}

impl Watcher {
	/// Starts watching at the next block.
	pub async fn new(chain: &Chain, finalized: bool) -> Result<Self> {
		let heads = chain.heads(finalized).await?;
		let head = chain.head(finalized).await?.number;
		Ok(Self { heads, next_block: head + 1, finalized, last_progress: head })
	}

	/// Waits for a new head (at most 2 s: a missed notification costs no more) and returns the
	/// head and the transactions of `in_pool` found in the blocks up to it, removing them.
	pub async fn poll(
		&mut self,
		chain: &Chain,
		in_pool: &mut HashMap<H256, usize>,
	) -> Result<(BlockRef, Vec<(usize, Inclusion)>)> {
		let _ = tokio::time::timeout(Duration::from_secs(2), self.heads.next()).await;
		let top = chain.head(self.finalized).await?;
		let mut found = Vec::new();
		while self.next_block <= top.number {
			let number = self.next_block;
			let hash = if number == top.number {
				top.hash
			} else {
				match chain.block_hash(number).await? {
					Some(h) => h,
					None => break,
				}
			};
			for (tag, inclusion) in chain.find_in_block(number, hash, in_pool).await? {
				in_pool.retain(|_, t| *t != tag);
				found.push((tag, inclusion));
				self.last_progress = number;
			}
			self.next_block = number + 1;
		}
		Ok((top, found))
	}

	/// True when nothing was found for longer than a transaction lives.
	pub fn stalled(&self, top: BlockRef) -> bool {
		top.number as u64 > self.last_progress as u64 + MORTALITY + 2
	}

	/// Blocks since a transaction was last found.
	pub fn idle(&self, top: BlockRef) -> u32 {
		top.number.saturating_sub(self.last_progress)
	}
}

/// Blocks without any of our transactions before they are sent again.
const RESEND_AFTER: u32 = 3;

/// Sends again what is still waiting, in nonce order. The node's pool can lose transactions
/// under load (seen with 500+ from one sender while blocks are imported); one lost nonce would
/// hold back every later one. A copy the pool still has is refused as already imported, which
/// is harmless.
async fn resend(chain: &Chain, waiting: &BTreeMap<usize, Vec<u8>>) {
	for xt in waiting.values() {
		let _ = chain.submit(xt).await;
	}
}

fn stall_error(waiting: usize) -> anyhow::Error {
	anyhow::anyhow!(
		"{waiting} transaction(s) were not included within {MORTALITY} blocks; the node may have \
		 dropped them. Run the command again: what is on chain is found and skipped."
	)
}

/// Submits `calls` in order from `signer` and reports each inclusion to `on_included` as it is
/// seen. Stops sending at the first refusal by the node, waits for what was already sent, and
/// says why in [`Run::stopped`].
pub async fn submit_all(
	chain: &Chain,
	signer: &Signer,
	calls: Vec<RuntimeCall>,
	options: Options,
	mut on_included: impl FnMut(usize, &Inclusion),
) -> Result<Run> {
	let mut watcher = Watcher::new(chain, options.finalized).await?;
	let mut checkpoint = chain.checkpoint().await?;
	let mut nonce = chain.next_nonce(signer.account()).await?;
	let mut included: Vec<Option<Inclusion>> = calls.iter().map(|_| None).collect();
	let mut in_pool: HashMap<H256, usize> = HashMap::new();
	let mut waiting: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
	let mut resent_at = 0u32;
	let mut sent = 0usize;
	let mut stopped = None;
	let mut retries = 0;
	let window = options.window.max(1);

	loop {
		while stopped.is_none() && sent < calls.len() && in_pool.len() < window {
			let (xt, hash) = chain.sign(signer, calls[sent].clone(), nonce, checkpoint);
			match chain.submit(&xt).await {
				Ok(_) => {
					in_pool.insert(hash, sent);
					waiting.insert(sent, xt);
					nonce += 1;
					sent += 1;
					retries = 0;
				}
				Err(e) => {
					// The pool's count of our transactions can lag a block just imported, or a
					// stopped earlier run may still have transactions in it: take a fresh nonce.
					let text = e.to_string();
					let clash = text.contains("Priority is too low");
					if retries < 8 && (clash || text.contains("outdated")) {
						retries += 1;
						if std::env::var_os("CASCADE_DEBUG").is_some() {
							eprintln!("nonce {nonce} refused ({text}); retrying");
						}
						tokio::time::sleep(Duration::from_millis(200)).await;
						let fresh = chain.next_nonce(signer.account()).await?;
						nonce = if clash { fresh.max(nonce + 1) } else { fresh.max(nonce) };
						checkpoint = chain.checkpoint().await?;
					} else {
						stopped = Some(text);
					}
				}
			}
		}
		if in_pool.is_empty() {
			break;
		}
		let (top, found) = watcher.poll(chain, &mut in_pool).await?;
		for (tag, inclusion) in found {
			waiting.remove(&tag);
			on_included(tag, &inclusion);
			included[tag] = Some(inclusion);
		}
		if !waiting.is_empty()
			&& watcher.idle(top) >= RESEND_AFTER
			&& top.number >= resent_at + RESEND_AFTER
		{
			resend(chain, &waiting).await;
			resent_at = top.number;
		}
		checkpoint = chain.checkpoint().await?;
		if !in_pool.is_empty() && watcher.stalled(top) {
			if stopped.is_none() {
				return Err(stall_error(in_pool.len()));
			}
			break;
		}
	}
	Ok(Run { included, stopped })
}

/// Signs `calls` from `signer` with consecutive nonces, all against one checkpoint, before
/// anything is sent: what a load generator measures is then the chain, not the signing.
pub async fn presign(
	chain: &Chain,
	signer: &Signer,
	calls: Vec<RuntimeCall>,
) -> Result<Vec<(Vec<u8>, H256)>> {
	let checkpoint = chain.checkpoint().await?;
	let nonce = chain.next_nonce(signer.account()).await?;
	Ok(calls
		.into_iter()
		.enumerate()
		.map(|(i, call)| chain.sign(signer, call, nonce + i as u32, checkpoint))
		.collect())
}

/// Sends pre-signed transactions, `in_flight` RPC requests at a time, and waits until every one
/// is in a block. Returns each one's inclusion, by position.
pub async fn submit_presigned(
	chain: &Chain,
	txs: &[(Vec<u8>, H256)],
	in_flight: usize,
) -> Result<Vec<Inclusion>> {
	let mut watcher = Watcher::new(chain, false).await?;
	let mut in_pool: HashMap<H256, usize> =
		txs.iter().enumerate().map(|(i, (_, hash))| (*hash, i)).collect();
	let mut included: Vec<Option<Inclusion>> = txs.iter().map(|_| None).collect();
	let results: Vec<Result<H256>> = futures::stream::iter(txs.iter())
		.map(|(xt, _)| chain.submit(xt))
		.buffered(in_flight.max(1))
		.collect()
		.await;
	if let Some(Err(e)) = results.into_iter().find(|r| r.is_err()) {
		return Err(e);
	}
	let mut waiting: BTreeMap<usize, Vec<u8>> =
		txs.iter().enumerate().map(|(i, (xt, _))| (i, xt.clone())).collect();
	let mut resent_at = 0u32;
	while !in_pool.is_empty() {
		let (top, found) = watcher.poll(chain, &mut in_pool).await?;
		for (tag, inclusion) in found {
			waiting.remove(&tag);
			included[tag] = Some(inclusion);
		}
		if watcher.idle(top) >= RESEND_AFTER && top.number >= resent_at + RESEND_AFTER {
			resend(chain, &waiting).await;
			resent_at = top.number;
		}
		if !in_pool.is_empty() && watcher.stalled(top) {
			return Err(stall_error(in_pool.len()));
		}
	}
	Ok(included.into_iter().flatten().collect())
}
