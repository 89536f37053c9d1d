//! Reconciliation: the database compared with the chain at one block, every difference named.
//! Nothing the indexer wrote is trusted: for every receivable it holds, the chain's `paid_out`
//! must equal the sum of the payouts indexed up to that block; at the last indexed block (where
//! the database's current-state tables stand) its status and repayments must be the chain's, and
//! its notes exactly the chain's tree (each note's holder, amount, paid and state).

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use cascade_client::{
	chain::{Chain, H256},
	ledger::{account_of, Note, Receivable},
};
use cascade_runtime_api::{Page, PageRequest, MAX_PAGE};
use futures::{stream, StreamExt, TryStreamExt};
use serde::Serialize;
use sqlx::Row;
use subxt::rpcs::client::rpc_params;

use crate::db::Db;

/// How many receivables are compared with the chain at once.
const IN_FLIGHT: usize = 16;

/// One thing the database and the chain disagree on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
	/// What differs (`receivable 3: paid_out`, `note 7: holder`, `block #12: hash`…).
	pub what: String,
	pub chain: String,
	pub database: String,
}

/// What a check compared, and what it found.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
	pub block: u32,
	pub receivables: usize,
	pub notes: usize,
	pub differences: Vec<Difference>,
}

impl Report {
	pub fn ok(&self) -> bool {
		self.differences.is_empty()
	}
}

fn differ(out: &mut Vec<Difference>, what: String, chain: impl ToString, db: impl ToString) {
	let (chain, database) = (chain.to_string(), db.to_string());
	if chain != database {
		out.push(Difference { what, chain, database });
	}
}

/// Every note of receivable `r` at `hash`, page by page.
async fn tree_at(chain: &Chain, r: u64, hash: H256) -> Result<Vec<Note>> {
	let mut out = Vec::new();
	let mut request = PageRequest::first(MAX_PAGE);
	loop {
		let page: Page<Note> = chain
			.rpc()
			.request("cascade_tree", rpc_params![r, Some(hash), request.clone()])
			.await?;
		out.extend(page.items);
		match page.next {
			Some(cursor) => request = PageRequest { cursor: Some(cursor), limit: MAX_PAGE },
			None => return Ok(out),
		}
	}
}

struct DbReceivable {
	id: u64,
	status: String,
	repaid: String,
	paid_out: String,
}

/// Compares the database with the chain at block `at` (by default the last indexed block).
pub async fn check(chain: &Chain, db: &Db, at: Option<u32>) -> Result<Report> {
	let Some(last) = db.last_block().await? else { bail!("the database has no block yet") };
	let at = at.unwrap_or(last);
	if at > last {
		bail!("block #{at} is not indexed yet (the database stops at #{last})");
	}
	let mut differences = Vec::new();
	let Some(hash) = chain.block_hash(at).await? else { bail!("the node has no block #{at}") };
	differ(
		&mut differences,
		format!("block #{at}: hash"),
		format!("{hash:?}"),
		db.block_hash(at).await?.unwrap_or_default(),
	);
	let current = at == last;

	let receivables: Vec<DbReceivable> = sqlx::query(
		"SELECT id, status, repaid, paid_out FROM receivables WHERE issued_block <= $1 ORDER BY id",
	)
	.bind(at as i64)
	.fetch_all(db.pool())
	.await?
	.iter()
	.map(|row| DbReceivable {
		id: row.get::<i64, _>(0) as u64,
		status: row.get(1),
		repaid: row.get(2),
		paid_out: row.get(3),
	})
	.collect();
	let mut paid: BTreeMap<u64, u128> = BTreeMap::new();
	for row in sqlx::query("SELECT receivable, amount, to_pledgee FROM payouts WHERE block <= $1")
		.bind(at as i64)
		.fetch_all(db.pool())
		.await?
	{
		let amount: u128 = row.get::<String, _>(1).parse()?;
		let to_pledgee: u128 = row.get::<String, _>(2).parse()?;
		*paid.entry(row.get::<i64, _>(0) as u64).or_default() += amount + to_pledgee;
	}

	let compared: Vec<(Vec<Difference>, usize)> = stream::iter(receivables.iter())
		.map(|r| {
			let paid = paid.get(&r.id).copied().unwrap_or(0);
			async move {
				let mut out = Vec::new();
				let on_chain: Receivable = chain
					.rpc()
					.request("cascade_receivable", rpc_params![r.id, Some(hash)])
					.await?;
				differ(
					&mut out,
					format!("receivable {}: Σ payouts = paid_out", r.id),
					on_chain.paid_out.0,
					paid,
				);
				if !current {
					return Ok::<_, anyhow::Error>((out, 0));
				}
				let status = serde_json::to_value(&on_chain.status)?;
				differ(
					&mut out,
					format!("receivable {}: status", r.id),
					status.as_str().unwrap_or(""),
					&r.status,
				);
				differ(
					&mut out,
					format!("receivable {}: repaid", r.id),
					on_chain.repaid.0,
					&r.repaid,
				);
				differ(
					&mut out,
					format!("receivable {}: paid_out", r.id),
					on_chain.paid_out.0,
					&r.paid_out,
				);
				let tree = tree_at(chain, r.id, hash).await?;
				let rows = sqlx::query(
					"SELECT id, holder, amount, paid, state FROM notes WHERE receivable = $1 ORDER BY id",
				)
				.bind(r.id as i64)
				.fetch_all(db.pool())
				.await?;
				let mut ours: BTreeMap<u64, (String, String, String, String)> = rows
					.iter()
					.map(|row| {
						(
							row.get::<i64, _>(0) as u64,
							(row.get(1), row.get(2), row.get(3), row.get(4)),
						)
					})
					.collect();
				for note in &tree {
					let Some((holder, amount, paid, state)) = ours.remove(&note.id) else {
						differ(&mut out, format!("note {}: indexed", note.id), "yes", "no");
						continue;
					};
					differ(
						&mut out,
						format!("note {}: holder", note.id),
						account_of(&note.holder),
						holder,
					);
					differ(&mut out, format!("note {}: amount", note.id), note.amount.0, amount);
					differ(&mut out, format!("note {}: paid", note.id), note.paid.0, paid);
					differ(&mut out, format!("note {}: state", note.id), note.state.name(), state);
				}
				for id in ours.keys() {
					differ(&mut out, format!("note {id}: exists"), "no", "yes");
				}
				Ok((out, tree.len()))
			}
		})
		.buffer_unordered(IN_FLIGHT)
		.try_collect()
		.await?;
	let mut notes = 0;
	for (found, n) in compared {
		differences.extend(found);
		notes += n;
	}
	differences.sort_by(|a, b| a.what.cmp(&b.what));
	Ok(Report { block: at, receivables: receivables.len(), notes, differences })
}
