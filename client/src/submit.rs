//! Pipelined submission: sign with consecutive nonces, keep up to `window` transactions in the
//! node's pool, and find each one in the blocks that follow.
//!
//! Transactions are signed just before they are sent, a chunk at a time, for the runtime of the
//! best block (its metadata, spec and transaction version) and against a recent finalized block
//! for mortality, so a long batch never sends a transaction whose mortality has run out. Inclusion is read from
//! the blocks themselves (the block's extrinsics hashed, the block's events filtered by extrinsic
//! index), so one subscription to new heads serves any number of transactions.

use std::{
	collections::{BTreeMap, HashMap, VecDeque},
	time::Duration,
};

use anyhow::Result;
use futures::StreamExt;
use subxt::tx::Payload;

use crate::{
	chain::{AtBlock, BlockRef, Chain, Inclusion, Refusal, Signed, H256, MORTALITY},
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
	heads: subxt::rpcs::client::RpcSubscription<<crate::chain::Config as subxt::Config>::Header>,
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
			for (tag, inclusion) in chain.find_in_block(BlockRef { number, hash }, in_pool).await? {
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

/// Transactions signed at a time, against one view of the chain.
pub const CHUNK: usize = 32;

/// Blocks without any of our transactions before they are sent again.
pub const RESEND_AFTER: u32 = 3;

/// Sends again what is still waiting, in nonce order. The node's pool can lose transactions
/// under load (seen with 500+ from one sender while blocks are imported, and when a pool drops a
/// backlog); one lost nonce would hold back every later one. A copy the pool still has is refused
/// as already imported (or its nonce as taken), which is harmless. A copy the pool dropped is
/// refused as banned (or, its mortality run out, as invalid): that call is signed again — the
/// same nonce, the runtime of `at`, a fresh checkpoint — and the new transaction is watched
/// beside the old one (only one of the two can land: they share the nonce).
async fn resend<C: Payload>(
	chain: &Chain,
	at: &AtBlock,
	checkpoint: BlockRef,
	signer: &Signer,
	calls: &[C],
	pending: &mut Waiting,
) -> Result<()> {
	let tags: Vec<usize> = pending.waiting.keys().copied().collect();
	for tag in tags {
		let Some((nonce, spec)) = pending.signed_as.get(&tag).copied() else { continue };
		// A runtime upgrade since it was signed makes it invalid (the signature covers the spec
		// version): sign it again for the new runtime before sending.
		if spec != at.spec_version() {
			pending.sign_again(tag, Chain::sign(at, signer, &calls[tag], nonce, checkpoint)?, at);
		}
		let Some(xt) = pending.waiting.get(&tag) else { continue };
		match chain.submit(at, xt).await {
			Ok(_) | Err(Refusal::AlreadyImported | Refusal::NonceTaken | Refusal::NonceUsed) => {}
			Err(Refusal::Banned | Refusal::Other(_)) => {
				let fresh = Chain::sign(at, signer, &calls[tag], nonce, checkpoint)?;
				pending.sign_again(tag, fresh, at);
				if let Some(xt) = pending.waiting.get(&tag) {
					let _ = chain.submit(at, xt).await;
				}
			}
		}
	}
	Ok(())
}

/// Sends pre-signed transactions again as they are (the load generator's: it measures the chain
/// with bytes signed before the clock started, so it cannot sign again; a copy the pool banned
/// stays refused and the run stalls, which the run then reports).
pub async fn resend_signed(chain: &Chain, waiting: &BTreeMap<usize, Signed>) -> Result<()> {
	let at = chain.at_best().await?;
	for xt in waiting.values() {
		let _ = chain.submit(&at, xt).await;
	}
	Ok(())
}

/// The transactions sent and not yet seen in a block: the latest signed copy of each call, the
/// nonce and runtime it was signed with, and every copy's hash (any of them may land).
#[derive(Default)]
struct Waiting {
	waiting: BTreeMap<usize, Signed>,
	signed_as: HashMap<usize, (u64, u32)>,
	in_pool: HashMap<H256, usize>,
}

impl Waiting {
	/// `tag` was sent as `xt`, with `nonce`, for the runtime of `at`.
	fn sent(&mut self, tag: usize, xt: Signed, nonce: u64, at: &AtBlock) {
		self.in_pool.insert(xt.hash, tag);
		self.signed_as.insert(tag, (nonce, at.spec_version()));
		self.waiting.insert(tag, xt);
	}

	/// `tag` signed again as `fresh` (same nonce); the earlier copies stay watched.
	fn sign_again(&mut self, tag: usize, fresh: Signed, at: &AtBlock) {
		if let Some((nonce, _)) = self.signed_as.get(&tag).copied() {
			self.sent(tag, fresh, nonce, at);
		}
	}

	/// `tag` will not land: forget every copy.
	fn forget(&mut self, tag: usize) {
		self.signed_as.remove(&tag);
		self.waiting.remove(&tag);
		self.in_pool.retain(|_, t| *t != tag);
	}
}

/// The error of a run whose transactions stopped landing.
pub fn stall_error(waiting: usize) -> anyhow::Error {
	anyhow::anyhow!(
		"{waiting} transaction(s) were not included within {MORTALITY} blocks; the node may have \
		 dropped them. Run the command again: what is on chain is found and skipped."
	)
}

/// Submits `calls` in order from `signer` and reports each inclusion to `on_included` as it is
/// seen. Stops sending at the first refusal by the node, waits for what was already sent, and
/// says why in [`Run::stopped`].
pub async fn submit_all<C: Payload>(
	chain: &Chain,
	signer: &Signer,
	calls: &[C],
	options: Options,
	mut on_included: impl FnMut(usize, &Inclusion),
) -> Result<Run> {
	let mut watcher = Watcher::new(chain, options.finalized).await?;
	let mut at = chain.at_best().await?;
	let mut checkpoint = chain.checkpoint().await?;
	let mut nonce = chain.next_nonce(&signer.account()).await?;
	let mut included: Vec<Option<Inclusion>> = calls.iter().map(|_| None).collect();
	let mut sent = Waiting::default();
	let mut resent_at = 0u32;
	// Calls not yet in the pool, in the order they go.
	let mut pending: VecDeque<usize> = (0..calls.len()).collect();
	let mut stopped = None;
	let mut retries = 0;
	let window = options.window.max(1);

	loop {
		while stopped.is_none() && !pending.is_empty() && sent.waiting.len() < window {
			// Sign a chunk with consecutive nonces, then hand it to the node in nonce order, one
			// request at a time: sent concurrently, transactions reach the pool out of order and
			// wait as "future" ones; measured here, that halved the rate (113–162 against 317/s
			// for 500 receivables).
			let room = (window - sent.waiting.len()).min(CHUNK);
			let mut chunk = Vec::with_capacity(room);
			for tag in pending.drain(..room.min(pending.len())) {
				chunk.push((tag, nonce, Chain::sign(&at, signer, &calls[tag], nonce, checkpoint)?));
				nonce += 1;
			}
			let answers: Vec<_> = futures::stream::iter(&chunk)
				.map(|(_, _, xt)| chain.submit(&at, xt))
				.buffered(1)
				.collect()
				.await;
			let mut refused = Vec::new();
			let mut clash = None;
			let mut first_lost = None;
			for ((tag, used, xt), answer) in chunk.into_iter().zip(answers) {
				match answer {
					Ok(_) | Err(Refusal::AlreadyImported) => sent.sent(tag, xt, used, &at),
					// The pool's count of our transactions can lag a block just imported, or a
					// stopped earlier run may still have transactions in it: the nonce is
					// taken, so the call goes again with a fresh one.
					Err(refusal @ (Refusal::NonceTaken | Refusal::NonceUsed)) if retries < 8 => {
						if std::env::var_os("CASCADE_DEBUG").is_some() {
							eprintln!("nonce {used} refused ({refusal}); retrying");
						}
						refused.push(tag);
						clash = Some(refusal);
					}
					Err(refusal) => {
						stopped.get_or_insert(refusal.to_string());
						first_lost.get_or_insert(used);
					}
				}
			}
			if let Some(lost) = first_lost {
				// Transactions after a nonce that was refused cannot land (they wait for it):
				// they count as not sent.
				let after: Vec<usize> = sent
					.signed_as
					.iter()
					.filter(|(_, (used, _))| *used > lost)
					.map(|(tag, _)| *tag)
					.collect();
				for tag in after {
					sent.forget(tag);
				}
			}
			for tag in refused.into_iter().rev() {
				pending.push_front(tag);
			}
			if clash.is_none() {
				retries = 0;
				continue;
			}
			retries += 1;
			tokio::time::sleep(Duration::from_millis(200)).await;
			// Past every nonce this chunk used, and past what the pool counts.
			nonce = chain.next_nonce(&signer.account()).await?.max(nonce);
			checkpoint = chain.checkpoint().await?;
			at = chain.at_best().await?;
		}
		if sent.in_pool.is_empty() {
			break;
		}
		let (top, found) = watcher.poll(chain, &mut sent.in_pool).await?;
		for (tag, inclusion) in found {
			sent.forget(tag);
			on_included(tag, &inclusion);
			included[tag] = Some(inclusion);
		}
		checkpoint = chain.checkpoint().await?;
		at = chain.at_best().await?;
		if !sent.waiting.is_empty()
			&& watcher.idle(top) >= RESEND_AFTER
			&& top.number >= resent_at + RESEND_AFTER
		{
			resend(chain, &at, checkpoint, signer, calls, &mut sent).await?;
			resent_at = top.number;
		}
		if !sent.in_pool.is_empty() && watcher.stalled(top) {
			if stopped.is_none() {
				return Err(stall_error(sent.waiting.len()));
			}
			break;
		}
	}
	Ok(Run { included, stopped })
}
