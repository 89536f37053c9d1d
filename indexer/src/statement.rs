//! Statements (对账单): an account's movements through Cascade between two times (block time,
//! ms, `from` inclusive, `to` exclusive), with the opening and closing positions.
//!
//! Two positions are kept, in minor units of the settlement asset:
//! - **notes**: the face value still to be paid of the notes the account holds. It moves when a
//!   note is accepted (+ for the one accepting, − for the one it came from), moved by factoring
//!   (+ the financier, − the seller), and paid (− what the note was paid, its pledgee's share
//!   included). Offers, splits, pledges and freezes do not move it: the holder holds as much.
//! - **cash**: money Cascade moved for the account: payouts (+ the holder's share, + a pledgee's,
//!   + a factoring seller's reserve),
//!   financing (+ the price to the seller, − from the financier), loan and claim repayments (− the
//!   seller, + the financier), a core's repayments into escrow (−, with the escrow's reserve) and
//!   what the escrow returns to it at settlement (+: the reserve, and anything else sent there).

use std::collections::BTreeMap;

use anyhow::{anyhow, Result};
use serde::Serialize;
use serde_json::Value as Json;
use sqlx::Row;

use crate::{
	db::Db,
	decode::{amount, int, text},
};

/// One movement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
	pub time: i64,
	pub block: i64,
	/// The event's index in its block.
	pub event: i64,
	/// received, passed_on, sold, bought, paid_out, pledgee_paid, reserve_paid, financed, advanced,
	/// loan_repaid, loan_repayment, repaid, escrow_returned.
	pub kind: String,
	pub receivable: Option<i64>,
	pub note: Option<i64>,
	pub financing: Option<i64>,
	pub counterparty: Option<String>,
	/// Signed, minor units.
	pub notes: String,
	pub cash: String,
}

/// Both positions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Position {
	#[serde(serialize_with = "as_text")]
	pub notes: i128,
	#[serde(serialize_with = "as_text")]
	pub cash: i128,
}

fn as_text<S: serde::Serializer>(v: &i128, s: S) -> Result<S::Ok, S::Error> {
	s.serialize_str(&v.to_string())
}

/// A statement.
#[derive(Clone, Debug, Serialize)]
pub struct Statement {
	pub account: String,
	pub from: i64,
	pub to: i64,
	pub opening: Position,
	pub lines: Vec<Line>,
	pub closing: Position,
}

struct Movement {
	time: i64,
	block: i64,
	event: i64,
	kind: &'static str,
	receivable: Option<i64>,
	note: Option<i64>,
	financing: Option<i64>,
	counterparty: Option<String>,
	notes: i128,
	cash: i128,
}

fn signed(text: &str) -> Result<i128> {
	text.parse::<i128>().map_err(|_| anyhow!("`{text}` is not an amount"))
}

/// Every movement of `who` before `to`, in chain order.
async fn movements(db: &Db, who: &str, to: i64) -> Result<Vec<Movement>> {
	let pool = db.pool();
	let mut out = Vec::new();
	// A note changes hands at what is still to be paid on it: its face less what was paid out on
	// it before (a part payment, then recourse moving it back, say). The payouts of the notes
	// this account's movements name, in one query.
	let mut paid_before: BTreeMap<i64, Vec<(i64, i64, i128)>> = BTreeMap::new();
	for row in sqlx::query(
		"SELECT note, block, idx, amount, to_pledgee, to_seller FROM payouts WHERE note IN \
		 (SELECT note FROM note_history WHERE kind IN ('accepted', 'moved') \
		  AND (account = $1 OR counterparty = $1))",
	)
	.bind(who)
	.fetch_all(pool)
	.await?
	{
		let paid = signed(&row.get::<String, _>(3))?
			+ signed(&row.get::<String, _>(4))?
			+ signed(&row.get::<String, _>(5))?;
		paid_before.entry(row.get(0)).or_default().push((row.get(1), row.get(2), paid));
	}
	let unpaid = |note: i64, block: i64, idx: i64, face: i128| {
		face - paid_before
			.get(&note)
			.map(|ps| {
				ps.iter().filter(|(b, i, _)| (*b, *i) < (block, idx)).map(|(_, _, p)| p).sum()
			})
			.unwrap_or(0)
	};
	for row in sqlx::query(
		"SELECT h.kind, h.note, h.receivable, h.account, h.counterparty, h.amount, h.block, h.idx, b.time_ms \
		 FROM note_history h JOIN blocks b ON b.number = h.block \
		 WHERE h.kind IN ('accepted', 'moved') AND (h.account = $1 OR h.counterparty = $1) AND b.time_ms < $2",
	)
	.bind(who)
	.bind(to)
	.fetch_all(pool)
	.await?
	{
		let kind: String = row.get(0);
		let account: Option<String> = row.get(3);
		let counterparty: Option<String> = row.get(4);
		let face = signed(&row.get::<Option<String>, _>(5).unwrap_or_default())?;
		let value = unpaid(row.get(1), row.get(6), row.get(7), face);
		let incoming = account.as_deref() == Some(who);
		let (label, other, sign) = match (kind.as_str(), incoming) {
			("accepted", true) => ("received", counterparty, 1),
			("accepted", false) => ("passed_on", account, -1),
			(_, true) => ("bought", counterparty, 1),
			(_, false) => ("sold", account, -1),
		};
		out.push(Movement {
			time: row.get(8),
			block: row.get(6),
			event: row.get(7),
			kind: label,
			receivable: Some(row.get(2)),
			note: Some(row.get(1)),
			financing: None,
			counterparty: other,
			notes: sign * value,
			cash: 0,
		});
	}
	for row in sqlx::query(
		"SELECT p.note, p.receivable, p.holder, p.amount, p.pledgee, p.to_pledgee, p.block, p.idx, b.time_ms, \
		 p.seller, p.to_seller FROM payouts p JOIN blocks b ON b.number = p.block \
		 WHERE (p.holder = $1 OR p.pledgee = $1 OR p.seller = $1) AND b.time_ms < $2",
	)
	.bind(who)
	.bind(to)
	.fetch_all(pool)
	.await?
	{
		let holder: String = row.get(2);
		let pledgee: Option<String> = row.get(4);
		let (paid, to_pledgee) = (signed(&row.get::<String, _>(3))?, signed(&row.get::<String, _>(5))?);
		let seller: Option<String> = row.get(9);
		let to_seller = signed(&row.get::<String, _>(10))?;
		let base = |kind, counterparty, notes, cash| Movement {
			time: row.get(8),
			block: row.get(6),
			event: row.get(7),
			kind,
			receivable: Some(row.get(1)),
			note: Some(row.get(0)),
			financing: None,
			counterparty,
			notes,
			cash,
		};
		if holder == who {
			out.push(base("paid_out", pledgee.clone(), -(paid + to_pledgee + to_seller), paid));
		}
		if pledgee.as_deref() == Some(who) && to_pledgee > 0 {
			out.push(base("pledgee_paid", Some(holder.clone()), 0, to_pledgee));
		}
		if seller.as_deref() == Some(who) && to_seller > 0 {
			out.push(base("reserve_paid", Some(holder.clone()), 0, to_seller));
		}
	}
	// The financings the account is a party to, for the money they moved; each line placed at its
	// Financed event (the row does not keep the event's index: the Financed events of the blocks
	// that made them, read in one query).
	let mut financed_at: BTreeMap<i64, i64> = BTreeMap::new();
	for row in sqlx::query(
		"SELECT idx, fields FROM events WHERE pallet = 'Financing' AND name = 'Financed' AND block IN \
		 (SELECT financed_block FROM financings WHERE seller = $1 OR financier = $1)",
	)
	.bind(who)
	.fetch_all(pool)
	.await?
	{
		let fields: Json = serde_json::from_str(&row.get::<String, _>(1))?;
		financed_at.insert(int(&fields, "financing")? as i64, row.get(0));
	}
	let mut parties: BTreeMap<i64, (String, String, i64)> = BTreeMap::new();
	for row in sqlx::query(
		"SELECT f.id, f.seller, f.financier, f.price, f.note, f.receivable, f.financed_block, b.time_ms \
		 FROM financings f JOIN blocks b ON b.number = f.financed_block \
		 WHERE f.seller = $1 OR f.financier = $1",
	)
	.bind(who)
	.fetch_all(pool)
	.await?
	{
		let (id, seller, financier): (i64, String, String) = (row.get(0), row.get(1), row.get(2));
		parties.insert(id, (seller.clone(), financier.clone(), row.get(5)));
		let time: i64 = row.get(7);
		if time >= to {
			continue;
		}
		let price = signed(&row.get::<String, _>(3))?;
		let (kind, other, cash) =
			if seller == who { ("financed", financier, price) } else { ("advanced", seller, -price) };
		let event = financed_at.get(&id).copied().unwrap_or(0);
		out.push(Movement {
			time,
			block: row.get(6),
			event,
			kind,
			receivable: Some(row.get(5)),
			note: Some(row.get(4)),
			financing: Some(id),
			counterparty: Some(other),
			notes: 0,
			cash,
		});
	}
	for row in sqlx::query(
		"SELECT e.name, e.fields, e.block, e.idx, b.time_ms FROM events e JOIN blocks b ON b.number = e.block \
		 WHERE e.pallet = 'Financing' AND e.name IN ('LoanRepaid', 'LoanPaidDown', 'RecourseExercised', 'ClaimSettled') \
		 AND b.time_ms < $1",
	)
	.bind(to)
	.fetch_all(pool)
	.await?
	{
		let fields: Json = serde_json::from_str(&row.get::<String, _>(1))?;
		let id = int(&fields, "financing")? as i64;
		let Some((seller, financier, receivable)) = parties.get(&id) else { continue };
		let paid = amount(&fields, "paid")? as i128;
		if paid == 0 {
			continue;
		}
		let (kind, other, cash) = if seller == who {
			("loan_repayment", financier.clone(), -paid)
		} else {
			("loan_repaid", seller.clone(), paid)
		};
		out.push(Movement {
			time: row.get(4),
			block: row.get(2),
			event: row.get(3),
			kind,
			receivable: Some(*receivable),
			note: None,
			financing: Some(id),
			counterparty: Some(other),
			notes: 0,
			cash,
		});
	}
	for row in sqlx::query(
		"SELECT e.name, e.fields, e.block, e.idx, b.time_ms FROM events e JOIN blocks b ON b.number = e.block \
		 WHERE e.pallet = 'Receivables' AND e.name IN ('Repaid', 'PartRepaid', 'EscrowReturned') AND b.time_ms < $1",
	)
	.bind(to)
	.fetch_all(pool)
	.await?
	{
		let name: String = row.get(0);
		let fields: Json = serde_json::from_str(&row.get::<String, _>(1))?;
		let (kind, receivable, cash) = if name == "EscrowReturned" {
			if text(&fields, "to")? != who {
				continue;
			}
			("escrow_returned", None, amount(&fields, "amount")? as i128)
		} else {
			let r = int(&fields, "receivable")? as i64;
			let issuer = sqlx::query("SELECT issuer FROM receivables WHERE id = $1")
				.bind(r)
				.fetch_optional(pool)
				.await?
				.map(|row| row.get::<String, _>(0));
			if issuer.as_deref() != Some(who) {
				continue;
			}
			// The first payment also pays the escrow's reserve (returned at settlement).
			let reserve = amount(&fields, "reserve").unwrap_or(0);
			("repaid", Some(r), -((amount(&fields, "amount")? + reserve) as i128))
		};
		out.push(Movement {
			time: row.get(4),
			block: row.get(2),
			event: row.get(3),
			kind,
			receivable,
			note: None,
			financing: None,
			counterparty: None,
			notes: 0,
			cash,
		});
	}
	out.sort_by_key(|m| (m.block, m.event, m.note));
	Ok(out)
}

/// The statement of `who` for [from, to).
pub async fn statement(db: &Db, who: &str, from: i64, to: i64) -> Result<Statement> {
	let mut opening = Position::default();
	let mut lines = Vec::new();
	for m in movements(db, who, to).await? {
		if m.time < from {
			opening.notes += m.notes;
			opening.cash += m.cash;
			continue;
		}
		lines.push(m);
	}
	let mut closing = opening;
	let lines = lines
		.into_iter()
		.map(|m| {
			closing.notes += m.notes;
			closing.cash += m.cash;
			Line {
				time: m.time,
				block: m.block,
				event: m.event,
				kind: m.kind.to_string(),
				receivable: m.receivable,
				note: m.note,
				financing: m.financing,
				counterparty: m.counterparty,
				notes: m.notes.to_string(),
				cash: m.cash.to_string(),
			}
		})
		.collect();
	Ok(Statement { account: who.to_string(), from, to, opening, lines, closing })
}

/// The statement as CSV: a header, the opening line, one line a movement, the closing line.
pub fn to_csv(s: &Statement) -> String {
	let mut out =
		String::from("time,block,event,kind,receivable,note,financing,counterparty,notes,cash\n");
	let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
	out += &format!("{},,,opening,,,,,{},{}\n", s.from, s.opening.notes, s.opening.cash);
	for l in &s.lines {
		out += &format!(
			"{},{},{},{},{},{},{},{},{},{}\n",
			l.time,
			l.block,
			l.event,
			l.kind,
			opt(l.receivable),
			opt(l.note),
			opt(l.financing),
			l.counterparty.clone().unwrap_or_default(),
			l.notes,
			l.cash
		);
	}
	out += &format!("{},,,closing,,,,,{},{}\n", s.to, s.closing.notes, s.closing.cash);
	out
}
