//! One finalized block into the database: its row, its Cascade events (decoded with its own
//! runtime's metadata), and what they changed — the notes, receivables, enterprises and
//! financings they name, each as the chain showed it at that block — in one transaction, so a
//! block is indexed whole or not at all.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{anyhow, Context, Result};
use cascade_client::{
	chain::{AtBlock, BlockRef, Chain, H256},
	interface::cascade,
	ledger::{account_of, Note, Receivable},
};
use cascade_runtime_api::NoteState;
use futures::{stream, StreamExt, TryStreamExt};
use serde_json::Value as Json;
use sqlx::{Any, Row, Transaction};
use subxt::rpcs::client::rpc_params;

use crate::{
	db::Db,
	decode::{self, amount, flag, int, opt_int, text, Event},
};

/// The pallets whose events are indexed.
pub const PALLETS: [&str; 3] = ["Enterprises", "Receivables", "Financing"];

/// How many state reads one block sends the node at once.
const READS_IN_FLIGHT: usize = 32;

/// What a block's events name, to be read at that block before writing.
#[derive(Default)]
struct Touched {
	notes: BTreeSet<u64>,
	receivables: BTreeSet<u64>,
	enterprises: BTreeSet<String>,
	financings: BTreeSet<u64>,
	/// By event index: the notes an event changed without naming them (`RejectedAllFrom`: the
	/// offers it sent back; `Cancelled`: the receivable's root note).
	unnamed: BTreeMap<u32, Vec<u64>>,
}

/// The chain's state, at the block, of what its events named.
struct States {
	notes: BTreeMap<u64, Note>,
	receivables: BTreeMap<u64, Receivable>,
	enterprises: BTreeMap<String, EnterpriseRow>,
	financings: BTreeMap<u64, String>,
	unnamed: BTreeMap<u32, Vec<u64>>,
}

struct EnterpriseRow {
	name: String,
	credit_code: String,
	core: bool,
	supplier: bool,
	financier: bool,
	suspended: bool,
}

/// What [`index_block`] wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Indexed {
	pub number: u32,
	pub events: usize,
	pub rows: usize,
}

/// The decoded Cascade events of the block `at`.
pub async fn events_of(at: &AtBlock) -> Result<Vec<Event>> {
	let metadata = at.metadata();
	let raw = at.events().fetch().await.context("the block's events")?;
	let mut out = Vec::new();
	for event in raw.iter() {
		let event = event.context("an event of the block")?;
		if !PALLETS.contains(&event.pallet_name()) {
			continue;
		}
		out.push(decode::event(
			&metadata,
			event.index(),
			event.phase(),
			event.pallet_name(),
			event.event_index(),
			event.field_bytes(),
		)?);
	}
	Ok(out)
}

/// Indexes finalized block `number` (the next one after the database's last).
pub async fn index_block(chain: &Chain, db: &Db, number: u32) -> Result<Indexed> {
	let hash = chain
		.block_hash(number)
		.await?
		.ok_or_else(|| anyhow!("the node has no block #{number}"))?;
	let at = chain.at(BlockRef { number, hash }).await?;
	let header = at.block_header().await.context("the block's header")?;
	let time: u64 = at
		.storage()
		.fetch(cascade::storage().timestamp().now(), ())
		.await
		.context("the block's time")?
		.decode()?;
	let events = events_of(&at).await.with_context(|| format!("block #{number}"))?;

	let touched = touched(db, &events).await?;
	let states = read_states(chain, &at, hash, touched, number == 0).await?;

	let mut tx = db.pool().begin().await?;
	let mut rows = 1;
	sqlx::query(
		"INSERT INTO blocks (number, hash, parent, time_ms, spec_version) VALUES ($1, $2, $3, $4, $5)",
	)
	.bind(number as i64)
	.bind(format!("{hash:?}"))
	.bind(format!("{:?}", header.parent_hash))
	.bind(time as i64)
	.bind(at.spec_version() as i64)
	.execute(&mut *tx)
	.await?;
	for event in &events {
		sqlx::query(
			"INSERT INTO events (block, idx, extrinsic, pallet, name, fields) VALUES ($1, $2, $3, $4, $5, $6)",
		)
		.bind(number as i64)
		.bind(event.index as i64)
		.bind(event.extrinsic.map(|i| i as i64))
		.bind(&event.pallet)
		.bind(&event.name)
		.bind(event.fields.to_string())
		.execute(&mut *tx)
		.await?;
		rows += 1;
		rows += apply(&mut tx, number, event, &states)
			.await
			.with_context(|| format!("block #{number}: {}.{}", event.pallet, event.name))?;
	}
	rows += write_states(&mut tx, number, &states).await?;
	tx.commit().await?;
	Ok(Indexed { number, events: events.len(), rows })
}

/// What the events name, plus what the database knows they touch (the notes a
/// `RejectedAllFrom` sent back, a cancelled receivable's root note).
async fn touched(db: &Db, events: &[Event]) -> Result<Touched> {
	let mut t = Touched::default();
	for e in events {
		let f = &e.fields;
		for name in ["note", "sent", "kept", "root_note"] {
			if let Ok(id) = int(f, name) {
				t.notes.insert(id);
			}
		}
		if let Some(Json::Array(children)) = f.get("children") {
			t.notes.extend(children.iter().filter_map(|c| c.as_u64()));
		}
		if let Ok(id) = int(f, "receivable") {
			t.receivables.insert(id);
		}
		match (e.pallet.as_str(), e.name.as_str()) {
			("Enterprises", "Registered" | "RolesSet" | "Suspended" | "Reinstated") => {
				t.enterprises.insert(text(f, "who")?);
			}
			("Financing", _) => {
				if let Ok(id) = int(f, "financing") {
					t.financings.insert(id);
				}
			}
			("Receivables", "RejectedAllFrom") => {
				let rows = sqlx::query(
					"SELECT id FROM notes WHERE state = 'pending' AND offered_to = $1 AND holder = $2",
				)
				.bind(text(f, "by")?)
				.bind(text(f, "sender")?)
				.fetch_all(db.pool())
				.await?;
				let ids: Vec<u64> = rows.iter().map(|r| r.get::<i64, _>(0) as u64).collect();
				t.notes.extend(ids.iter().copied());
				t.unnamed.insert(e.index, ids);
			}
			("Receivables", "Cancelled") => {
				let row = sqlx::query("SELECT root_note FROM receivables WHERE id = $1")
					.bind(int(f, "receivable")? as i64)
					.fetch_optional(db.pool())
					.await?;
				if let Some(row) = row {
					let root = row.get::<i64, _>(0) as u64;
					t.notes.insert(root);
					t.unnamed.insert(e.index, vec![root]);
				}
			}
			_ => {}
		}
	}
	Ok(t)
}

/// Reads, at the block, everything `touched` names (at genesis: every enterprise, since the
/// genesis ones were registered without events).
async fn read_states(
	chain: &Chain,
	at: &AtBlock,
	hash: H256,
	touched: Touched,
	genesis: bool,
) -> Result<States> {
	let notes = stream::iter(touched.notes)
		.map(|id| async move {
			let note: Option<Note> =
				chain.rpc().request("cascade_note", rpc_params![id, Some(hash)]).await.ok();
			Ok::<_, anyhow::Error>((id, note))
		})
		.buffer_unordered(READS_IN_FLIGHT)
		.try_collect::<Vec<_>>()
		.await?
		.into_iter()
		.filter_map(|(id, n)| n.map(|n| (id, n)))
		.collect();
	let receivables = stream::iter(touched.receivables)
		.map(|id| async move {
			let r: Option<Receivable> =
				chain.rpc().request("cascade_receivable", rpc_params![id, Some(hash)]).await.ok();
			Ok::<_, anyhow::Error>((id, r))
		})
		.buffer_unordered(READS_IN_FLIGHT)
		.try_collect::<Vec<_>>()
		.await?
		.into_iter()
		.filter_map(|(id, r)| r.map(|r| (id, r)))
		.collect();

	let mut enterprises = BTreeMap::new();
	let address = cascade::storage().enterprises().enterprises();
	if genesis {
		let mut all = at.storage().iter(address.clone(), ()).await?;
		while let Some(entry) = all.next().await {
			let entry = entry?;
			let (who,) = entry.key()?.decode()?;
			enterprises.insert(who.to_string(), enterprise_row(entry.value().decode()?));
		}
	}
	for who in touched.enterprises {
		let account: subxt::utils::AccountId32 =
			who.parse().map_err(|_| anyhow!("`{who}` is not an account"))?;
		if let Some(value) = at.storage().try_fetch(address.clone(), (account,)).await? {
			enterprises.insert(who, enterprise_row(value.decode()?));
		}
	}

	let mut financings = BTreeMap::new();
	let address = cascade::storage().financing().financings();
	for id in touched.financings {
		if let Some(value) = at.storage().try_fetch(address.clone(), (id,)).await? {
			financings.insert(id, status_name(&format!("{:?}", value.decode()?.status)));
		}
	}
	Ok(States { notes, receivables, enterprises, financings, unnamed: touched.unnamed })
}

type StoredEnterprise = cascade::runtime_types::pallet_enterprises::types::Enterprise;

fn enterprise_row(e: StoredEnterprise) -> EnterpriseRow {
	EnterpriseRow {
		name: String::from_utf8_lossy(&e.name.0).into_owned(),
		credit_code: String::from_utf8_lossy(&e.credit_code).into_owned(),
		core: e.roles.core,
		supplier: e.roles.supplier,
		financier: e.roles.financier,
		suspended: format!("{:?}", e.status) == "Suspended",
	}
}

/// A unit enum's Debug name in camelCase, as the node's RPC names statuses (`LoanRepaid` →
/// `loanRepaid`).
fn status_name(debug: &str) -> String {
	let name: String = debug.chars().take_while(|c| c.is_alphanumeric()).collect();
	let mut chars = name.chars();
	match chars.next() {
		Some(first) => first.to_lowercase().chain(chars).collect(),
		None => name,
	}
}

/// The `note_history` rows of one event, with the states read at its block.
struct History<'a> {
	block: u32,
	event: &'a Event,
	states: &'a States,
}

impl History<'_> {
	/// A row for `note`, with its receivable and amount as the chain showed them at the block.
	async fn note(
		&self,
		tx: &mut Transaction<'_, Any>,
		note: u64,
		kind: &str,
		account: Option<String>,
		counterparty: Option<String>,
	) -> Result<usize> {
		let receivable = receivable_of(self.states, note)?;
		let amount = amount_of(self.states, note);
		self.row(tx, (note, receivable), kind, account, counterparty, amount).await
	}

	/// A row for `(note, receivable)` moving `amount`.
	async fn row(
		&self,
		tx: &mut Transaction<'_, Any>,
		(note, receivable): (u64, u64),
		kind: &str,
		account: Option<String>,
		counterparty: Option<String>,
		amount: Option<u128>,
	) -> Result<usize> {
		sqlx::query(
			"INSERT INTO note_history (note, block, idx, receivable, kind, account, counterparty, amount) \
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		)
		.bind(note as i64)
		.bind(self.block as i64)
		.bind(self.event.index as i64)
		.bind(receivable as i64)
		.bind(kind)
		.bind(account)
		.bind(counterparty)
		.bind(amount.map(|a| a.to_string()))
		.execute(&mut **tx)
		.await?;
		Ok(1)
	}
}

/// Receivables events that change the one note their `note` field names: the history kind, the
/// field naming whom the change concerns, and the field naming the other side.
const ONE_NOTE: &[(&str, &str, &str, Option<&str>)] = &[
	("Rejected", "rejected", "by", Some("holder")),
	("Revoked", "revoked", "holder", None),
	("Transferred", "transferred", "from", Some("to")),
	("NoteMoved", "moved", "to", Some("from")),
];

/// Receivables events that change the state of the note they name, not its holder.
const NOTE_STATE: &[(&str, &str)] = &[
	("Pledged", "pledged"),
	("PledgeReleased", "released"),
	("Frozen", "frozen"),
	("Unfrozen", "unfrozen"),
];

/// The receivable of a note, from the state read at the block.
fn receivable_of(states: &States, note: u64) -> Result<u64> {
	states
		.notes
		.get(&note)
		.map(|n| n.receivable)
		.ok_or_else(|| anyhow!("note {note} was not readable at its block"))
}

fn amount_of(states: &States, note: u64) -> Option<u128> {
	states.notes.get(&note).map(|n| n.amount.0)
}

/// The rows one event writes besides the states (history, payouts, financings, claims).
async fn apply(
	tx: &mut Transaction<'_, Any>,
	block: u32,
	e: &Event,
	states: &States,
) -> Result<usize> {
	let f = &e.fields;
	let opt = |name: &str| text(f, name).ok();
	let h = History { block, event: e, states };
	if e.pallet == "Receivables" {
		if let Some((_, kind, who, other)) = ONE_NOTE.iter().find(|(name, ..)| *name == e.name) {
			return h.note(tx, int(f, "note")?, kind, opt(who), other.and_then(opt)).await;
		}
		if let Some((_, kind)) = NOTE_STATE.iter().find(|(name, _)| *name == e.name) {
			let note = int(f, "note")?;
			let holder = states.notes.get(&note).map(|n| account_of(&n.holder).to_string());
			return h.note(tx, note, kind, holder, None).await;
		}
	}
	Ok(match (e.pallet.as_str(), e.name.as_str()) {
		("Receivables", "Issued") => {
			let (note, r) = (int(f, "root_note")?, int(f, "receivable")?);
			sqlx::query(
				"INSERT INTO receivables (id, issuer, supplier, asset, face, maturity, credit_line, \
				 root_note, invoice_ref, status, repaid, paid_out, issued_block, updated_block) \
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', '0', '0', $10, $10)",
			)
			.bind(r as i64)
			.bind(text(f, "issuer")?)
			.bind(text(f, "supplier")?)
			.bind(int(f, "asset")? as i64)
			.bind(amount(f, "face")?.to_string())
			.bind(int(f, "maturity")? as i64)
			.bind(int(f, "credit_line")? as i64)
			.bind(note as i64)
			.bind(text(f, "invoice_ref").unwrap_or_default())
			.bind(block as i64)
			.execute(&mut **tx)
			.await?;
			let face = amount(f, "face")?;
			1 + h.row(tx, (note, r), "issued", opt("issuer"), opt("supplier"), Some(face)).await?
		}
		("Receivables", "Accepted") => {
			// Whom the note came from: its holder before this block (the sender of an offer);
			// none for a root note, which comes from no one's holdings (its issuer's obligation).
			let note = int(f, "note")?;
			let before = sqlx::query(
				"SELECT n.holder, r.root_note FROM notes n JOIN receivables r ON r.id = n.receivable \
				 WHERE n.id = $1",
			)
			.bind(note as i64)
			.fetch_optional(&mut **tx)
			.await?;
			let from = before
				.filter(|row| row.get::<i64, _>(1) as u64 != note)
				.map(|row| row.get::<String, _>(0));
			let r = int(f, "receivable")?;
			h.row(tx, (note, r), "accepted", opt("holder"), from, amount_of(states, note)).await?
		}
		("Receivables", "RejectedAllFrom") => {
			let mut rows = 0;
			for note in states.unnamed.get(&e.index).into_iter().flatten() {
				rows += h.note(tx, *note, "rejected", opt("by"), opt("sender")).await?;
			}
			rows
		}
		("Receivables", "Cancelled") => {
			let mut rows = 0;
			for note in states.unnamed.get(&e.index).into_iter().flatten() {
				let holder = states.notes.get(note).map(|n| account_of(&n.holder).to_string());
				rows += h.note(tx, *note, "cancelled", holder, None).await?;
			}
			rows
		}
		("Receivables", "Split") => {
			let note = int(f, "note")?;
			let mut rows = h.note(tx, note, "split", opt("holder"), None).await?;
			if let Some(Json::Array(children)) = f.get("children") {
				for child in children.iter().filter_map(|c| c.as_u64()) {
					rows += h.note(tx, child, "created", opt("holder"), None).await?;
				}
			}
			rows
		}
		("Receivables", "SplitTransferred") => {
			let (note, sent, kept) = (int(f, "note")?, int(f, "sent")?, int(f, "kept")?);
			let r = receivable_of(states, sent)?;
			let sent_amount = Some(amount(f, "amount")?);
			h.note(tx, note, "split", opt("from"), None).await?
				+ h.row(tx, (sent, r), "transferred", opt("from"), opt("to"), sent_amount).await?
				+ h.note(tx, kept, "created", opt("from"), None).await?
		}
		("Receivables", kind @ ("PartPaid" | "Redeemed")) => {
			let (note, r, paid) = (int(f, "note")?, int(f, "receivable")?, amount(f, "amount")?);
			// `(account, amount)` pairs beside the holder's share: the pledgee's, and (runtimes
			// with factoring reserves) the seller's.
			let pair = |name: &str| -> anyhow::Result<(Option<String>, u128)> {
				Ok(match f.get(name) {
					Some(Json::Array(pair)) if pair.len() == 2 => (
						pair[0].as_str().map(str::to_string),
						amount(&serde_json::json!({ "a": pair[1] }), "a")?,
					),
					_ => (None, 0),
				})
			};
			let (pledgee, to_pledgee) = pair("to_pledgee")?;
			let (seller, to_seller) = pair("to_seller")?;
			let last = kind == "Redeemed";
			sqlx::query(
				"INSERT INTO payouts (block, idx, note, receivable, holder, amount, pledgee, to_pledgee, \
				 final, seller, to_seller) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
			)
			.bind(block as i64)
			.bind(e.index as i64)
			.bind(note as i64)
			.bind(r as i64)
			.bind(text(f, "holder")?)
			.bind(paid.to_string())
			.bind(pledgee.clone())
			.bind(to_pledgee.to_string())
			.bind(last as i64)
			.bind(seller)
			.bind(to_seller.to_string())
			.execute(&mut **tx)
			.await?;
			let kind = if last { "redeemed" } else { "part_paid" };
			1 + h.row(tx, (note, r), kind, opt("holder"), pledgee, Some(paid)).await?
		}
		("Financing", "Financed") => {
			let kind = match f.get("kind") {
				Some(Json::String(k)) => k.to_lowercase(),
				Some(Json::Object(o)) => {
					o.keys().next().cloned().unwrap_or_default().to_lowercase()
				}
				_ => String::new(),
			};
			let id = int(f, "financing")?;
			let status = states.financings.get(&id).cloned().unwrap_or_else(|| "open".into());
			sqlx::query(
				"INSERT INTO financings (id, kind, recourse, financier, seller, obligor, note, receivable, \
				 asset, amount, price, interest, annual_rate, maturity, program, status, repaid, \
				 financed_block, updated_block) \
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '0', $17, $17)",
			)
			.bind(id as i64)
			.bind(kind)
			.bind(flag(f, "recourse")? as i64)
			.bind(text(f, "financier")?)
			.bind(text(f, "seller")?)
			.bind(text(f, "obligor")?)
			.bind(int(f, "note")? as i64)
			.bind(int(f, "receivable")? as i64)
			.bind(int(f, "asset")? as i64)
			.bind(amount(f, "amount")?.to_string())
			.bind(amount(f, "price")?.to_string())
			.bind(amount(f, "interest")?.to_string())
			.bind(int(f, "annual_rate")? as i64)
			.bind(int(f, "maturity")? as i64)
			.bind(opt_int(f, "program")?.map(|p| p as i64))
			.bind(status)
			.bind(block as i64)
			.execute(&mut **tx)
			.await?;
			1
		}
		("Financing", "LoanRepaid" | "LoanPaidDown") => {
			let id = int(f, "financing")?;
			let row = sqlx::query("SELECT repaid FROM financings WHERE id = $1")
				.bind(id as i64)
				.fetch_one(&mut **tx)
				.await?;
			let repaid: u128 = row.get::<String, _>(0).parse()?;
			sqlx::query("UPDATE financings SET repaid = $1, updated_block = $2 WHERE id = $3")
				.bind((repaid + amount(f, "paid")?).to_string())
				.bind(block as i64)
				.bind(id as i64)
				.execute(&mut **tx)
				.await?;
			1
		}
		("Financing", "RecourseExercised") => {
			let (owed, paid) = (amount(f, "owed")?, amount(f, "paid")?);
			sqlx::query(
				"INSERT INTO claims (financing, seller, owed, paid, remaining, opened_block, updated_block) \
				 VALUES ($1, $2, $3, $4, $5, $6, $6)",
			)
			.bind(int(f, "financing")? as i64)
			.bind(text(f, "seller")?)
			.bind(owed.to_string())
			.bind(paid.to_string())
			.bind(owed.saturating_sub(paid).to_string())
			.bind(block as i64)
			.execute(&mut **tx)
			.await?;
			1
		}
		("Financing", "ClaimSettled") => {
			let id = int(f, "financing")?;
			let row = sqlx::query("SELECT paid FROM claims WHERE financing = $1")
				.bind(id as i64)
				.fetch_optional(&mut **tx)
				.await?;
			// A called pledge loan's claim has no recourse row yet: it opens here.
			let paid_before: u128 = match &row {
				Some(row) => row.get::<String, _>(0).parse()?,
				None => 0,
			};
			let (paid, remaining) = (amount(f, "paid")?, amount(f, "remaining")?);
			if row.is_some() {
				sqlx::query(
					"UPDATE claims SET paid = $1, remaining = $2, updated_block = $3 WHERE financing = $4",
				)
				.bind((paid_before + paid).to_string())
				.bind(remaining.to_string())
				.bind(block as i64)
				.bind(id as i64)
				.execute(&mut **tx)
				.await?;
			}
			1
		}
		_ => 0,
	})
}

/// The notes, receivables, enterprises and financings as the chain showed them at the block.
async fn write_states(tx: &mut Transaction<'_, Any>, block: u32, s: &States) -> Result<usize> {
	let mut rows = 0;
	for (id, n) in &s.notes {
		let (offered_to, financing) = match &n.state {
			NoteState::Pending { to } => (Some(account_of(to).to_string()), None),
			NoteState::Pledged { financing } => (None, Some(*financing as i64)),
			_ => (None, None),
		};
		sqlx::query(
			"INSERT INTO notes (id, receivable, parent, depth, holder, amount, paid, state, offered_to, \
			 financing, created_block, updated_block) \
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) \
			 ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, amount = excluded.amount, \
			 paid = excluded.paid, state = excluded.state, offered_to = excluded.offered_to, \
			 financing = excluded.financing, updated_block = excluded.updated_block",
		)
		.bind(*id as i64)
		.bind(n.receivable as i64)
		.bind(n.parent.map(|p| p as i64))
		.bind(n.depth as i64)
		.bind(account_of(&n.holder).to_string())
		.bind(n.amount.0.to_string())
		.bind(n.paid.0.to_string())
		.bind(n.state.name())
		.bind(offered_to)
		.bind(financing)
		.bind(block as i64)
		.execute(&mut **tx)
		.await?;
		rows += 1;
	}
	for (id, r) in &s.receivables {
		sqlx::query(
			"UPDATE receivables SET status = $1, repaid = $2, paid_out = $3, updated_block = $4 WHERE id = $5",
		)
		.bind(serde_json::to_value(&r.status)?.as_str().unwrap_or_default().to_string())
		.bind(r.repaid.0.to_string())
		.bind(r.paid_out.0.to_string())
		.bind(block as i64)
		.bind(*id as i64)
		.execute(&mut **tx)
		.await?;
		rows += 1;
	}
	for (who, e) in &s.enterprises {
		sqlx::query(
			"INSERT INTO enterprises (account, name, credit_code, core, supplier, financier, suspended, \
			 registered_block, updated_block) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) \
			 ON CONFLICT (account) DO UPDATE SET name = excluded.name, credit_code = excluded.credit_code, \
			 core = excluded.core, supplier = excluded.supplier, financier = excluded.financier, \
			 suspended = excluded.suspended, updated_block = excluded.updated_block",
		)
		.bind(who)
		.bind(&e.name)
		.bind(&e.credit_code)
		.bind(e.core as i64)
		.bind(e.supplier as i64)
		.bind(e.financier as i64)
		.bind(e.suspended as i64)
		.bind(block as i64)
		.execute(&mut **tx)
		.await?;
		rows += 1;
	}
	for (id, status) in &s.financings {
		sqlx::query("UPDATE financings SET status = $1, updated_block = $2 WHERE id = $3")
			.bind(status)
			.bind(block as i64)
			.bind(*id as i64)
			.execute(&mut **tx)
			.await?;
		rows += 1;
	}
	Ok(rows)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn statuses_are_named_as_the_rpc_names_them() {
		assert_eq!(status_name("LoanRepaid"), "loanRepaid");
		assert_eq!(status_name("Open"), "open");
		assert_eq!(status_name("SoldOn"), "soldOn");
	}
}
