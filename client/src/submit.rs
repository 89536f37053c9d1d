//! Pipelined submission: sign with consecutive nonces, keep up to `window` transactions in the
//! node's pool, and find each one in the blocks that follow.
//!
//! Transactions are signed just before they are sent, against the latest finalized block, so a long batch
//! never sends a transaction whose mortality has run out. Inclusion is read from the blocks
//! themselves (the block's extrinsics hashed, the block's events filtered by extrinsic index),
//! so one subscription to new heads serves any number of transactions.

use std::{collections::HashMap, time::Duration};

use anyhow::{bail, Result};
use cascade_runtime::RuntimeCall;
use sp_core::H256;

use crate::{
	chain::{Chain, Inclusion, MORTALITY},
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
	let mut heads = chain.heads(options.finalized).await?;
	let mut next_block = chain.head(options.finalized).await?.number + 1;
	let mut checkpoint = chain.checkpoint().await?;
	let mut nonce = chain.next_nonce(signer.account()).await?;
	let mut included: Vec<Option<Inclusion>> = calls.iter().map(|_| None).collect();
	let mut in_pool: HashMap<H256, usize> = HashMap::new();
	let mut sent = 0usize;
	let mut stopped = None;
	let mut retries = 0;
	let mut last_progress = checkpoint.number;
	let window = options.window.max(1);

	loop {
		while stopped.is_none() && sent < calls.len() && in_pool.len() < window {
			let (xt, hash) = chain.sign(signer, calls[sent].clone(), nonce, checkpoint);
			match chain.submit(&xt).await {
				Ok(_) => {
					in_pool.insert(hash, sent);
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
		// A head notification wakes us early; the timeout covers a missed one.
		let _ = tokio::time::timeout(Duration::from_secs(2), heads.next()).await;
		let top = chain.head(options.finalized).await?;
		while next_block <= top.number {
			let number = next_block;
			let hash = if number == top.number {
				top.hash
			} else {
				match chain.block_hash(number).await? {
					Some(h) => h,
					None => break,
				}
			};
			for (tag, inclusion) in chain.find_in_block(number, hash, &in_pool).await? {
				in_pool.retain(|_, t| *t != tag);
				on_included(tag, &inclusion);
				included[tag] = Some(inclusion);
				last_progress = number;
			}
			next_block = number + 1;
		}
		checkpoint = chain.checkpoint().await?;
		if !in_pool.is_empty() && top.number as u64 > last_progress as u64 + MORTALITY + 2 {
			let waiting = in_pool.len();
			if stopped.is_none() {
				bail!(
					"{waiting} transaction(s) were not included within {MORTALITY} blocks; the \
					 node may have dropped them. Run the command again: what is on chain is \
					 found and skipped."
				);
			}
			break;
		}
	}
	Ok(Run { included, stopped })
}
