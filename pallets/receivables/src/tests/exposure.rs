//! What each issuer owes (`Exposures`), kept as receivables are issued, repaid and cancelled;
//! counting the receivables of a chain upgraded from a runtime without the counters; and
//! `can_issue`, which answers what `issue` would.

use crate::mock::Receivables;
use crate::{mock::*, pallet::*, Owed};
use frame_support::{
	assert_ok,
	traits::{GetStorageVersion, Hooks, StorageVersion},
	weights::Weight,
};

fn owed(issuer: AccountId, asset: u32) -> Option<Owed<Balance>> {
	Exposures::<Test>::get(issuer, asset)
}

#[test]
fn issuing_repaying_and_cancelling_keep_the_counters() {
	ExtBuilder::default().build_and_execute(|| {
		let (r0, root0) = issue_to_t1(1_000, "A");
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 1, amount: 1_000 }));
		let (r1, root1) = issue_to_t1(2_500, "B");
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 2, amount: 3_500 }));
		let (r2, _) = issue_to_t1(700, "C");
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 3, amount: 4_200 }));
		assert_eq!(owed(OTHER_CORE, CNY), None);

		// Cancelled before acceptance: no longer owed.
		assert_ok!(Receivables::cancel(RuntimeOrigin::signed(CORE), r2));
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 2, amount: 3_500 }));

		// Rejected by the supplier: the same.
		assert_ok!(Receivables::reject(RuntimeOrigin::signed(T1), root1));
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 1, amount: 1_000 }));
		let _ = r1;

		// Repaid in part, then in full.
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root0));
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r0, 400));
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 1, amount: 600 }));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r0));
		assert_eq!(owed(CORE, CNY), None, "nothing owed leaves no entry");
	});
}

#[test]
fn counters_are_per_issuer_and_asset() {
	ExtBuilder::default().build_and_execute(|| {
		issue_to_t1(1_000, "A");
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(OTHER_CORE),
			T1,
			CNY,
			300,
			START + DAY,
			1,
			doc(),
			invoice("A")
		));
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(CORE),
			T1,
			HKD,
			5_000,
			START + DAY,
			HKD_LINE,
			doc(),
			invoice("H")
		));
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 1, amount: 1_000 }));
		assert_eq!(owed(CORE, HKD), Some(Owed { receivables: 1, amount: 5_000 }));
		assert_eq!(owed(OTHER_CORE, CNY), Some(Owed { receivables: 1, amount: 300 }));
		let mut mine = Receivables::owed_by(&CORE, 10);
		mine.sort_by_key(|(asset, _)| *asset);
		assert_eq!(
			mine,
			vec![
				(CNY, Owed { receivables: 1, amount: 1_000 }),
				(HKD, Owed { receivables: 1, amount: 5_000 })
			]
		);
		assert_eq!(Receivables::owed_by(&CORE, 1).len(), 1, "at most max assets");
	});
}

/// A chain whose receivables exist but whose counters do not: as after an upgrade from storage
/// version 0. Returns the receivables (id, face).
fn chain_before_the_counters() -> Vec<(u64, Balance)> {
	let mut issued = Vec::new();
	for i in 0..10u64 {
		let face = 1_000 + 100 * i as Balance;
		let (r, root) = issue_to_t1(face, &format!("INV-{i}"));
		if i % 3 == 0 {
			assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		}
		issued.push((r, face));
	}
	let _ = Exposures::<Test>::clear(u32::MAX, None);
	StorageVersion::new(0).put::<Receivables>();
	issued
}

#[test]
fn an_upgraded_chain_counts_its_receivables_from_leftover_weight() {
	new_test_ext().execute_with(|| {
		let issued = chain_before_the_counters();
		Receivables::on_runtime_upgrade();
		assert_eq!(Receivables::on_chain_storage_version(), 2);
		assert_eq!(ExposureBackfill::<Test>::get(), Some((0, 10)));
		assert!(!Receivables::exposures_complete());
		check_invariants();

		// Meanwhile: a counted-to-be receivable is repaid in part, one is cancelled, and a new one
		// is issued (counted at once).
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), 0, 250));
		assert_ok!(Receivables::cancel(RuntimeOrigin::signed(CORE), 7));
		let (new, _) = issue_to_t1(5_000, "NEW");
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 1, amount: 5_000 }));
		check_invariants();

		// A block with room for four receivables (and the cursor) counts four.
		let room = Receivables::exposure_backfill_step().saturating_mul(4);
		let clearing_idle = Receivables::on_idle(2, Weight::zero());
		assert_eq!(clearing_idle, Weight::zero());
		Receivables::backfill_exposures(room);
		assert_eq!(ExposureBackfill::<Test>::get(), Some((4, 10)));
		check_invariants();
		// A block with no room counts none.
		assert_eq!(Receivables::backfill_exposures(Weight::zero()), Weight::zero());
		assert_eq!(ExposureBackfill::<Test>::get(), Some((4, 10)));

		idle_blocks(1);
		assert!(Receivables::exposures_complete());
		let expected: Balance =
			issued.iter().filter(|(r, _)| *r != 7).map(|(_, face)| face).sum::<Balance>() - 250
				+ 5_000;
		assert_eq!(owed(CORE, CNY), Some(Owed { receivables: 10, amount: expected }));
		assert!(new >= 10);

		// Later upgrades do nothing.
		Receivables::on_runtime_upgrade();
		assert!(Receivables::exposures_complete());
		check_invariants();
	});
}

#[test]
fn a_new_chain_needs_no_backfill() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Receivables::on_chain_storage_version(), 2);
		issue_to_t1(1_000, "A");
		Receivables::on_runtime_upgrade();
		assert!(Receivables::exposures_complete());
	});
}

/// `can_issue` answers what `issue` then does, and writes nothing.
fn answers_like_issue(
	issuer: AccountId,
	supplier: AccountId,
	asset: u32,
	face: Balance,
	maturity: u64,
	line: u64,
	inv: &str,
) {
	let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
	let answer = Receivables::can_issue(
		issuer,
		supplier,
		asset,
		face,
		maturity,
		line,
		inv.as_bytes().to_vec(),
	);
	assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before, "can_issue wrote");
	assert!(System::events().is_empty(), "can_issue deposited an event");
	let done = Receivables::issue(
		RuntimeOrigin::signed(issuer),
		supplier,
		asset,
		face,
		maturity,
		line,
		doc(),
		invoice(inv),
	);
	assert_eq!(answer, done, "can_issue({face}, {inv}) answered other than issue");
	System::reset_events();
}

#[test]
fn can_issue_answers_what_issue_does() {
	ExtBuilder::default().build_and_execute(|| {
		System::reset_events();
		let m = START + DAY;
		answers_like_issue(CORE, T1, CNY, 1_000, m, LINE, "OK-1");
		answers_like_issue(T1, T2, CNY, 1_000, m, LINE, "X");
		answers_like_issue(CORE, BANK, CNY, 1_000, m, LINE, "X");
		answers_like_issue(OTHER_CORE, OTHER_CORE, CNY, 1_000, m, 1, "X");
		answers_like_issue(CORE, T1, CNY, 99, m, LINE, "X");
		answers_like_issue(CORE, T1, CNY, 1_000, START, LINE, "X");
		answers_like_issue(CORE, T1, CNY, 1_000, START + 366 * DAY, LINE, "X");
		answers_like_issue(CORE, T1, CNY, 1_000, m, LINE, "");
		answers_like_issue(CORE, T1, CNY, 1_000, m, LINE, "OK-1");
		answers_like_issue(CORE, T1, CNY, LINE_LIMIT, m, LINE, "X");
		answers_like_issue(CORE, T1, CNY, 1_000, m, 9, "X");
		answers_like_issue(CORE, T1, USD, 1_000, m, LINE, "X");
		answers_like_issue(CORE, T1, CNY, 2_000, m, LINE, "OK-2");
	});
}

#[test]
fn can_issue_names_a_rule_change_without_a_new_check() {
	ExtBuilder::default().build_and_execute(|| {
		let m = START + DAY;
		let ask = |face| Receivables::can_issue(CORE, T1, CNY, face, m, LINE, b"X".to_vec());
		assert_ok!(ask(500));
		// The Operator raises the minimum: the same question gets the new answer.
		assert_ok!(Receivables::set_parameters(RuntimeOrigin::root(), 365 * DAY, DAY, 1_000));
		assert_eq!(ask(500), Err(Error::<Test>::BelowMinimum.into()));
		assert_ok!(ask(1_000));
	});
}

#[test]
fn can_issue_refuses_an_invoice_reference_issue_cannot_carry() {
	ExtBuilder::default().build_and_execute(|| {
		let long = vec![b'x'; 33];
		assert_eq!(
			Receivables::can_issue(CORE, T1, CNY, 1_000, START + DAY, LINE, long),
			Err(Error::<Test>::InvoiceRefTooLong.into())
		);
	});
}
