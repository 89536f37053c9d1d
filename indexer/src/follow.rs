//! Following the chain: every finalized block in order, from the block after the database's
//! last (genesis on an empty database). Only finalized blocks are indexed, so nothing indexed is
//! ever reverted; a block is written whole in one transaction, so a crash (even `kill -9`) leaves
//! the database at the end of a block, and the next start goes on from there: no gap, no
//! duplicate.

use std::{
	sync::{Arc, Mutex},
	time::Duration,
};

use anyhow::{bail, Result};
use cascade_client::chain::Chain;

use crate::{
	check::{check_changed, Report},
	db::Db,
	index::{index_block, Indexed},
};

/// Where the follower is (for `/health` and the logs).
#[derive(Clone, Debug, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
	/// The node's finalized head, when last asked.
	pub finalized: u32,
	/// The last block indexed.
	pub indexed: Option<u32>,
	/// The last reconciliation with the chain.
	pub last_check: Option<Report>,
	/// Rows written since the follower started (scripts/load/indexer.py: rows a second).
	pub rows_written: u64,
	/// Reconciliations run since the follower started, and how many found a difference.
	pub checks: u32,
	pub checks_differing: u32,
}

/// Shared between the follower and its readers.
pub type SharedProgress = Arc<Mutex<Progress>>;

/// How long the follower waits for a new finalized block before asking again.
const POLL: Duration = Duration::from_millis(500);

/// Checks that the database indexes this chain: its genesis block and last block are the
/// chain's.
pub async fn same_chain(chain: &Chain, db: &Db) -> Result<()> {
	let Some(last) = db.last_block().await? else { return Ok(()) };
	for number in [0, last] {
		let ours = db.block_hash(number).await?;
		let theirs = chain.block_hash(number).await?.map(|h| format!("{h:?}"));
		if ours != theirs {
			bail!(
				"the database holds block #{number} {} but the node's block #{number} is {}: \
				 this database indexes another chain",
				ours.unwrap_or_default(),
				theirs.unwrap_or_else(|| "missing".into())
			);
		}
	}
	Ok(())
}

/// Indexes finalized blocks as they come, until block `until` is indexed (for ever without it),
/// and reconciles the database with the chain every `check_every` blocks (0: never) and once
/// more at `until`: a difference is logged as an error and kept in `progress` (`/health`); the
/// follower goes on.
pub async fn follow(
	chain: &Chain,
	db: &Db,
	until: Option<u32>,
	check_every: u32,
	progress: SharedProgress,
	mut on_block: impl FnMut(&Indexed),
) -> Result<()> {
	same_chain(chain, db).await?;
	let mut since_check = 0u32;
	loop {
		let finalized = chain.head(true).await?.number;
		let next = db.last_block().await?.map_or(0, |n| n + 1);
		if let Ok(mut p) = progress.lock() {
			p.finalized = finalized;
			p.indexed = next.checked_sub(1);
		}
		if until.is_some_and(|u| next > u) {
			if check_every > 0 && since_check > 0 {
				reconcile(chain, db, &progress).await?;
			}
			return Ok(());
		}
		if next > finalized {
			tokio::time::sleep(POLL).await;
			continue;
		}
		let last = until.map_or(finalized, |u| u.min(finalized));
		for number in next..=last {
			let indexed = index_block(chain, db, number).await?;
			if let Ok(mut p) = progress.lock() {
				p.indexed = Some(number);
				p.rows_written += indexed.rows as u64;
			}
			on_block(&indexed);
			since_check += 1;
			if check_every > 0 && since_check >= check_every {
				since_check = 0;
				reconcile(chain, db, &progress).await?;
			}
		}
	}
}

/// Compares the database with the chain at the last indexed block — the receivables changed since
/// the last reconciliation (all of them at the first) — logs and keeps the result.
async fn reconcile(chain: &Chain, db: &Db, progress: &SharedProgress) -> Result<()> {
	let since = progress.lock().ok().and_then(|p| p.last_check.as_ref().map(|c| c.block));
	let report = check_changed(chain, db, None, since).await?;
	for d in &report.differences {
		eprintln!(
			"error: block #{}: the database differs from the chain: {}: chain {} / database {}",
			report.block, d.what, d.chain, d.database
		);
	}
	if let Ok(mut p) = progress.lock() {
		p.checks += 1;
		p.checks_differing += u32::from(!report.ok());
		p.last_check = Some(report);
	}
	Ok(())
}
