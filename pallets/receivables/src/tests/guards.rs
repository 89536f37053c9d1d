//! 银发〔2025〕77号's guards on the ledger (issue 30): no new receivable from an issuer with an
//! overdue one (`IssuerInDefault`, events when it becomes blocked and when it is cured), and the
//! soft tenor that marks notes of long receivables for a bank's review.

use crate::mock::Receivables;
use crate::{mock::*, pallet::*};
use cascade_primitives::NoteLedger;
use frame_support::{assert_noop, assert_ok, dispatch::DispatchResult};
use sp_runtime::DispatchError;

const MATURITY: u64 = START + 30 * DAY;

fn issue(inv: &str, maturity: u64) -> DispatchResult {
	Receivables::issue(
		RuntimeOrigin::signed(CORE),
		T1,
		CNY,
		1_000,
		maturity,
		LINE,
		doc(),
		invoice(inv),
	)
}
fn overdue(r: u64) {
	set_time(MATURITY + 3 * DAY);
	assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
}

#[test]
fn an_issuer_with_an_overdue_receivable_issues_nothing_until_it_pays() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, _) = active_receivable(1_000);
		let (r2, root2) = issue_to_t1(2_000, "INV-2");
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root2));
		overdue(r);
		System::assert_has_event(Event::<Test>::IssuerInDefault { issuer: CORE }.into());
		assert_eq!(OverdueOf::<Test>::get(CORE), 1);
		assert_noop!(issue("INV-3", MATURITY + 30 * DAY), Error::<Test>::IssuerInDefault);
		// A second overdue receivable: still one default, no second event.
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r2));
		assert_eq!(OverdueOf::<Test>::get(CORE), 2);
		assert_eq!(
			System::events()
				.iter()
				.filter(|e| e.event == Event::<Test>::IssuerInDefault { issuer: CORE }.into())
				.count(),
			1
		);
		// Paying part of one cures nothing; paying one in full leaves the other.
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 400));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_eq!(OverdueOf::<Test>::get(CORE), 1);
		assert_noop!(issue("INV-3", MATURITY + 30 * DAY), Error::<Test>::IssuerInDefault);
		// The last one paid: the issuer is cured and issues again.
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r2));
		System::assert_last_event(Event::<Test>::IssuerCured { issuer: CORE }.into());
		assert!(!OverdueOf::<Test>::contains_key(CORE));
		assert_ok!(issue("INV-3", MATURITY + 30 * DAY));
	});
}

#[test]
fn another_issuers_default_blocks_only_it() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, _) = active_receivable(1_000);
		overdue(r);
		// A receivable repaid on time never counts.
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(OTHER_CORE),
			T1,
			CNY,
			1_000,
			MATURITY + 30 * DAY,
			1,
			doc(),
			invoice("OTHER-1")
		));
	});
}

#[test]
fn the_operator_sets_the_soft_tenor_and_notes_beyond_it_need_review() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(SoftTenor::<Test>::get(), 183 * DAY);
		let short = crate::NextNoteId::<Test>::get();
		assert_ok!(issue("SHORT", START + 183 * DAY));
		let long = crate::NextNoteId::<Test>::get();
		assert_ok!(issue("LONG", START + 183 * DAY + 1));
		let view = |n| <Receivables as NoteLedger<_, _, _>>::note(n).unwrap();
		assert!(!view(short).needs_review, "183 days is within the soft tenor");
		assert!(view(long).needs_review, "a millisecond more needs a bank's review");

		assert_ok!(Receivables::set_soft_tenor(RuntimeOrigin::root(), 200 * DAY));
		System::assert_last_event(Event::<Test>::SoftTenorSet { soft_tenor: 200 * DAY }.into());
		assert!(!view(long).needs_review);
	});
}

#[test]
fn set_soft_tenor_refusals_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::set_soft_tenor(RuntimeOrigin::root(), 0),
			Error::<Test>::InvalidParameters
		);
		assert_noop!(
			Receivables::set_soft_tenor(RuntimeOrigin::signed(CORE), DAY),
			DispatchError::BadOrigin
		);
	});
}
