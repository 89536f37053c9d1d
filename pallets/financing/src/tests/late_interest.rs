//! Interest on a late pledge is counted once (issue 25, item 8). Interest is charged in whole days
//! from the loan's start and rounded up once over the loan's life, so a core paying a late
//! receivable in many small parts moves no extra day's interest from the borrower to the lender:
//! the parts of one day cost exactly what one payment of their sum that day costs, and parts on
//! several days never cost more than one payment of their sum on the last of those days.

use crate::{mock::*, pallet::*, FinancingKind};
use frame_support::assert_ok;
use proptest::prelude::*;

/// What the lender was paid in all, and what the loan still owes (zero once closed).
fn outcome() -> (Balance, Balance) {
	let owed = LoanBalances::<Test>::get(0).map(|b| b.total().unwrap()).unwrap_or(0);
	(cny(BANK), owed)
}

/// T1 pledges a note of `face` (at START, maturing at MATURITY) that CORE then pays late: `parts`
/// as `(ms after MATURITY, amount)`, each paid out to the note (the lender first) at once.
fn late_parts(face: Balance, parts: &[(u64, Balance)]) -> (Balance, Balance) {
	let (r, note) = note_of_t1(CORE, face);
	assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FinancingKind::Pledge));
	for &(after, amount) in parts {
		set_time(MATURITY + after);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, amount));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		check_invariants();
	}
	outcome()
}

fn cases() -> u32 {
	std::env::var("CASCADE_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// `count` amounts of at least 1 summing to `total`, from `weights`.
fn split(total: Balance, weights: &[u32]) -> Vec<Balance> {
	let sum: u128 = weights.iter().map(|w| *w as u128 + 1).sum();
	let mut parts: Vec<Balance> =
		weights.iter().map(|w| (total * (*w as u128 + 1) / sum).max(1)).collect();
	let given: Balance = parts.iter().sum();
	if given <= total {
		*parts.last_mut().unwrap() += total - given;
	} else {
		// Rounding up small parts went over: take it back from the largest.
		let over = given - total;
		let max = parts.iter_mut().max().unwrap();
		*max -= over;
	}
	parts
}

proptest! {
	#![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

	/// The late money of one day, in one part or up to fifty: the same cost to the borrower, the
	/// same to the lender, the same left owed.
	#[test]
	fn parts_within_one_day_cost_what_one_payment_costs(
		day in 0u64..20,
		total in 1_000u128..1_200_000,
		weights in prop::collection::vec(any::<u32>().prop_map(|w| w % 1_000), 1..=50),
		times in prop::collection::vec(1u64..=DAY, 50),
	) {
		let face = 1_000_000;
		let total = total.min(face);
		let amounts = split(total, &weights);
		let mut at: Vec<u64> = times[..amounts.len()].iter().map(|t| day * DAY + t).collect();
		at.sort();
		let parts: Vec<(u64, Balance)> = at.iter().copied().zip(amounts).collect();
		let last = parts.last().unwrap().0;

		let in_parts = new_test_ext().execute_with(|| late_parts(face, &parts));
		let at_once = new_test_ext().execute_with(|| late_parts(face, &[(last, total)]));
		prop_assert_eq!(in_parts, at_once, "parts {:?}", parts);
	}

	/// Late money on several days never costs more than the same money paid at once on the last
	/// of them: paying down earlier only shortens the interest.
	#[test]
	fn parts_on_several_days_never_cost_more(
		weights in prop::collection::vec(any::<u32>().prop_map(|w| w % 1_000), 1..=50),
		times in prop::collection::vec(1u64..=20 * DAY, 50),
		total in 1_000u128..1_000_000,
	) {
		let face = 1_000_000;
		let amounts = split(total, &weights);
		let mut at: Vec<u64> = times[..amounts.len()].to_vec();
		at.sort();
		let parts: Vec<(u64, Balance)> = at.iter().copied().zip(amounts).collect();
		let last = parts.last().unwrap().0;

		let (lender_parts, owed_parts) = new_test_ext().execute_with(|| late_parts(face, &parts));
		let (lender_once, owed_once) =
			new_test_ext().execute_with(|| late_parts(face, &[(last, total)]));
		// What the borrower gives up in all: paid to the lender plus still owed.
		prop_assert!(
			lender_parts + owed_parts <= lender_once + owed_once,
			"parts {:?} cost {} more", parts, (lender_parts + owed_parts) - (lender_once + owed_once)
		);
	}
}

/// The case the rule was written for, fixed: ten late parts an hour apart on one day.
#[test]
fn ten_late_parts_an_hour_apart_cost_one_days_interest() {
	let hour = DAY / 24;
	let parts: Vec<(u64, Balance)> = (1..=10).map(|h| (2 * DAY + h * hour, 30_000)).collect();
	let in_parts = new_test_ext().execute_with(|| late_parts(1_000_000, &parts));
	let at_once =
		new_test_ext().execute_with(|| late_parts(1_000_000, &[(2 * DAY + 10 * hour, 300_000)]));
	assert_eq!(in_parts, at_once);
}
