//! Reconciliation: the database compared with the chain at one block, every difference named.
//! Nothing the indexer wrote is trusted: for every receivable it holds, the chain's `paid_out`
//! must equal the sum of the payouts indexed up to that block; at the last indexed block (where
//! the database's current-state tables stand) its status and repayments must be the chain's, and
//! its notes exactly the chain's tree (each note's holder, amount, paid and state). At any block:
//! each receivable's escrow holds what the indexed events put in and took out (repayments and
//! reserves in, payouts and returns out), and each program's outstanding is the sum of the
//! advances of its indexed financings still out.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use cascade_client::{
	chain::{BlockRef, Chain, H256},
	ledger::{account_of, Note, Receivable},
};
use cascade_runtime_api::{Page, PageRequest, MAX_PAGE};
use futures::{stream, StreamExt, TryStreamExt};
use serde::Serialize;
use sqlx::Row;
use subxt::rpcs::client::rpc_params;

use cascade_client::interface::cascade;

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
	pub programs: usize,
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

/// Compares the database with the chain at block `at` (by default the last indexed block), every
/// receivable it holds.
pub async fn check(chain: &Chain, db: &Db, at: Option<u32>) -> Result<Report> {
	check_changed(chain, db, at, None).await
}

/// [`check`], of the receivables whose rows changed after block `since` only (all with `None`):
/// what the follower compares every `--check-every` blocks. A whole check reads every receivable
/// and note from the node, competing with everyone else for its RPC; the rows a follower writes
/// only change for receivables its blocks touched (the receivable's row or one of its notes'), so
/// those are what it compares as it goes (`cascade-indexer check` compares everything).
pub async fn check_changed(
	chain: &Chain,
	db: &Db,
	at: Option<u32>,
	since: Option<u32>,
) -> Result<Report> {
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
		"SELECT id, status, repaid, paid_out FROM receivables WHERE issued_block <= $1 \
		 AND (updated_block > $2 OR id IN (SELECT receivable FROM notes WHERE updated_block > $2)) \
		 ORDER BY id",
	)
	.bind(at as i64)
	.bind(since.map_or(-1, i64::from))
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
	for row in sqlx::query(
		"SELECT receivable, amount, to_pledgee, to_seller FROM payouts WHERE block <= $1",
	)
	.bind(at as i64)
	.fetch_all(db.pool())
	.await?
	{
		let amount: u128 = row.get::<String, _>(1).parse()?;
		let to_pledgee: u128 = row.get::<String, _>(2).parse()?;
		let to_seller: u128 = row.get::<String, _>(3).parse()?;
		*paid.entry(row.get::<i64, _>(0) as u64).or_default() += amount + to_pledgee + to_seller;
	}

	let escrow = escrow_flows(db, at).await?;
	let compared: Vec<(Vec<Difference>, usize)> = stream::iter(receivables.iter())
		.map(|r| {
			let paid = paid.get(&r.id).copied().unwrap_or(0);
			let escrow = &escrow;
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
				// In: repayments and their reserve; out: payouts and what was returned.
				let put_in = escrow.paid_in.get(&r.id).copied().unwrap_or(0);
				let returned = escrow
					.returned
					.get(&account_of(&on_chain.escrow).to_string())
					.copied()
					.unwrap_or(0);
				let held = (put_in as i128) - (paid as i128) - (returned as i128);
				differ(
					&mut out,
					format!("receivable {}: escrow balance", r.id),
					on_chain.escrow_balance.0,
					held,
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
	let programs = if current {
		check_programs(chain, &hash_block(at, hash), db, &mut differences).await?
	} else {
		0
	};
	differences.sort_by(|a, b| a.what.cmp(&b.what));
	Ok(Report { block: at, receivables: receivables.len(), notes, programs, differences })
}

/// What the indexed events moved into and out of escrows up to a block (payouts apart).
struct EscrowFlows {
	/// Repayments and reserves paid in, by receivable.
	paid_in: BTreeMap<u64, u128>,
	/// What escrows returned to their issuer, by escrow account.
	returned: BTreeMap<String, u128>,
}

fn field_amount(fields: &serde_json::Value, name: &str) -> Result<u128> {
	match &fields[name] {
		serde_json::Value::String(s) => Ok(s.parse()?),
		serde_json::Value::Number(n) => {
			n.as_u64().map(u128::from).ok_or_else(|| anyhow::anyhow!("{name}: {n}"))
		}
		other => bail!("{name}: {other}"),
	}
}

async fn escrow_flows(db: &Db, at: u32) -> Result<EscrowFlows> {
	let mut flows = EscrowFlows { paid_in: BTreeMap::new(), returned: BTreeMap::new() };
	let rows = sqlx::query(
		"SELECT name, fields FROM events WHERE pallet = 'Receivables' \
		 AND name IN ('Repaid', 'PartRepaid', 'EscrowReturned') AND block <= $1",
	)
	.bind(at as i64)
	.fetch_all(db.pool())
	.await?;
	for row in rows {
		let name: String = row.get(0);
		let fields: serde_json::Value = serde_json::from_str(&row.get::<String, _>(1))?;
		if name == "EscrowReturned" {
			let escrow = fields["escrow"].as_str().unwrap_or_default().to_string();
			*flows.returned.entry(escrow).or_default() += field_amount(&fields, "amount")?;
		} else {
			let r = fields["receivable"]
				.as_u64()
				.ok_or_else(|| anyhow::anyhow!("{name}: receivable"))?;
			let reserve = field_amount(&fields, "reserve").unwrap_or(0);
			*flows.paid_in.entry(r).or_default() += field_amount(&fields, "amount")? + reserve;
		}
	}
	Ok(flows)
}

/// Each program's outstanding on the chain at `hash` against the advances (`price`) of its
/// indexed financings still out — open, called, claimed: what the financing pallet's invariant
/// counts. Only at the last indexed block, where the financings' statuses stand; returns how many
/// programs were compared.
async fn check_programs(
	chain: &Chain,
	at: &BlockRef,
	db: &Db,
	out: &mut Vec<Difference>,
) -> Result<usize> {
	let mut advanced: BTreeMap<u64, u128> = BTreeMap::new();
	let rows = sqlx::query(
		"SELECT program, price FROM financings WHERE program IS NOT NULL \
		 AND status IN ('open', 'called', 'claimed')",
	)
	.fetch_all(db.pool())
	.await?;
	for row in rows {
		let program = row.get::<i64, _>(0) as u64;
		*advanced.entry(program).or_default() += row.get::<String, _>(1).parse::<u128>()?;
	}
	let block = chain.at(*at).await?;
	let mut all = block.storage().iter(cascade::storage().financing().programs(), ()).await?;
	let mut n = 0;
	while let Some(entry) = all.next().await {
		let entry = entry?;
		let (id,) = entry.key()?.decode()?;
		let program = entry.value().decode()?;
		n += 1;
		differ(
			out,
			format!("program {id}: outstanding"),
			program.outstanding,
			advanced.get(&id).copied().unwrap_or(0),
		);
	}
	Ok(n)
}

fn hash_block(number: u32, hash: H256) -> BlockRef {
	BlockRef { number, hash }
}
