//! The maturity ladder: what falls due per week from the week of the last indexed block on — for
//! a core what it still owes on the receivables it issued, for a holder what its live notes will
//! still be paid, for a financier its exposure on the financings still out, per core. Weeks start
//! on Monday 00:00 China time (UTC+8); what fell due before this week and is still unpaid is
//! `earlier`, what falls due after the last week shown is `later`.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;
use sqlx::Row;

use crate::db::Db;

pub const WEEK_MS: i64 = 7 * 86_400_000;
/// 1970-01-05 was a Monday; 00:00 at UTC+8 is 16:00 UTC the day before.
const MONDAY_UTC8_MS: i64 = 4 * 86_400_000 - 8 * 3_600_000;

/// The start (ms) of the week that holds `t`.
pub fn week_of(t: i64) -> i64 {
	MONDAY_UTC8_MS + (t - MONDAY_UTC8_MS).div_euclid(WEEK_MS) * WEEK_MS
}

/// Amounts per week (decimal strings of minor units).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Rungs {
	pub earlier: String,
	pub weeks: Vec<String>,
	pub later: String,
	pub total: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoreRungs {
	pub core: String,
	#[serde(flatten)]
	pub rungs: Rungs,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ladder {
	/// The chain time of the last indexed block.
	pub as_of: i64,
	/// The start of each week shown (ms).
	pub weeks: Vec<i64>,
	/// What the account owes as issuer: face less repaid of its receivables not yet repaid.
	pub owes: Rungs,
	/// What the account's live notes (active, pledged, frozen) will still be paid.
	pub to_be_paid: Rungs,
	/// What the account has out as financier, per core: a factored note's face, a pledge loan's
	/// principal and interest less what was repaid.
	pub exposure: Vec<CoreRungs>,
}

struct Bins {
	first: i64,
	earlier: u128,
	weeks: Vec<u128>,
	later: u128,
}

impl Bins {
	fn new(first: i64, n: usize) -> Self {
		Bins { first, earlier: 0, weeks: vec![0; n], later: 0 }
	}

	fn add(&mut self, maturity: i64, amount: u128) {
		let week = week_of(maturity);
		if week < self.first {
			self.earlier += amount;
		} else {
			let i = ((week - self.first) / WEEK_MS) as usize;
			match self.weeks.get_mut(i) {
				Some(w) => *w += amount,
				None => self.later += amount,
			}
		}
	}

	fn rungs(&self) -> Rungs {
		let total = self.earlier + self.later + self.weeks.iter().sum::<u128>();
		Rungs {
			earlier: self.earlier.to_string(),
			weeks: self.weeks.iter().map(u128::to_string).collect(),
			later: self.later.to_string(),
			total: total.to_string(),
		}
	}
}

fn number(text: &str) -> Result<u128> {
	Ok(text.parse()?)
}

/// `who`'s ladder over `weeks` weeks from the week of the last indexed block.
pub async fn ladder(db: &Db, who: &str, weeks: usize) -> Result<Ladder> {
	let as_of: i64 = sqlx::query("SELECT MAX(time_ms) FROM blocks")
		.fetch_one(db.pool())
		.await?
		.get::<Option<i64>, _>(0)
		.unwrap_or(0);
	let first = week_of(as_of);

	let mut owes = Bins::new(first, weeks);
	for row in sqlx::query(
		"SELECT face, repaid, maturity FROM receivables WHERE issuer = $1 \
		 AND status IN ('pending', 'active', 'overdue')",
	)
	.bind(who)
	.fetch_all(db.pool())
	.await?
	{
		let left =
			number(&row.get::<String, _>(0))?.saturating_sub(number(&row.get::<String, _>(1))?);
		owes.add(row.get(2), left);
	}

	let mut to_be_paid = Bins::new(first, weeks);
	for row in sqlx::query(
		"SELECT n.amount, n.paid, r.maturity FROM notes n JOIN receivables r ON r.id = n.receivable \
		 WHERE n.holder = $1 AND n.state IN ('active', 'pledged', 'frozen')",
	)
	.bind(who)
	.fetch_all(db.pool())
	.await?
	{
		let left = number(&row.get::<String, _>(0))?
			.saturating_sub(number(&row.get::<String, _>(1))?);
		to_be_paid.add(row.get(2), left);
	}

	let mut per_core: BTreeMap<String, Bins> = BTreeMap::new();
	for row in sqlx::query(
		"SELECT obligor, kind, amount, price, interest, repaid, maturity FROM financings \
		 WHERE financier = $1 AND status IN ('open', 'called', 'claimed')",
	)
	.bind(who)
	.fetch_all(db.pool())
	.await?
	{
		let kind: String = row.get(1);
		let out = if kind == "pledge" {
			(number(&row.get::<String, _>(3))? + number(&row.get::<String, _>(4))?)
				.saturating_sub(number(&row.get::<String, _>(5))?)
		} else {
			number(&row.get::<String, _>(2))?
		};
		per_core.entry(row.get(0)).or_insert_with(|| Bins::new(first, weeks)).add(row.get(6), out);
	}

	Ok(Ladder {
		as_of,
		weeks: (0..weeks as i64).map(|i| first + i * WEEK_MS).collect(),
		owes: owes.rungs(),
		to_be_paid: to_be_paid.rungs(),
		exposure: per_core
			.into_iter()
			.map(|(core, bins)| CoreRungs { core, rungs: bins.rungs() })
			.collect(),
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn weeks_start_on_monday_at_midnight_in_china() {
		// 2026-12-07 is a Monday: 00:00 UTC+8 is 2026-12-06T16:00Z = 1_796_572_800_000 ms.
		let monday = 1_796_572_800_000;
		assert_eq!(week_of(monday), monday);
		assert_eq!(week_of(monday + WEEK_MS - 1), monday);
		assert_eq!(week_of(monday - 1), monday - WEEK_MS);
		assert_eq!(week_of(monday + 3 * 86_400_000), monday);
	}

	#[test]
	fn amounts_fall_into_their_week_or_before_or_after() {
		let first = week_of(1_796_572_800_000);
		let mut bins = Bins::new(first, 2);
		bins.add(first - 1, 1);
		bins.add(first, 10);
		bins.add(first + WEEK_MS + 5, 100);
		bins.add(first + 2 * WEEK_MS, 1_000);
		let r = bins.rungs();
		assert_eq!(r.earlier, "1");
		assert_eq!(r.weeks, vec!["10", "100"]);
		assert_eq!(r.later, "1000");
		assert_eq!(r.total, "1111");
	}
}
