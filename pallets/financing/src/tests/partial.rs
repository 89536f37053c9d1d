//! Financing over partly paid notes (issue 13): a pledgee is paid first from every share up to
//! what the loan owes, a factor receives its note's shares, and recourse and claims concern the
//! unpaid part only.

use crate::{mock::*, pallet::*, FinancingKind, FinancingStatus, LoanBalance};
use frame_support::assert_ok;
use pallet_receivables::{NoteState, Notes};

const PLEDGE: FinancingKind = FinancingKind::Pledge;

fn repay_part(r: u64, amount: Balance) {
	assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, amount));
}

#[test]
fn a_share_short_of_the_loan_pays_it_down_interest_first() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		repay_part(r, 700_000);
		set_time(MATURITY);
		let (t1, bank) = (cny(T1), cny(BANK));
		idle_blocks(1);
		// The loan owes 990,875 + 9,042 interest to maturity: the whole share goes to the
		// lender, interest first, leaving 299,917 of principal.
		assert_eq!(cny(BANK), bank + 700_000);
		assert_eq!(cny(T1), t1);
		assert_eq!(
			LoanBalances::<Test>::get(0),
			Some(LoanBalance { principal: 299_917, interest: 0, accrued_to: MATURITY })
		);
		System::assert_has_event(
			Event::<Test>::LoanPaidDown { financing: 0, paid: 700_000, owed: 299_917 }.into(),
		);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Open);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Pledged { financing: 0 });

		// The borrower repays five days later: interest ran on the principal left only, rounded
		// once over the loan's life (issue 25, item 8): (990,875 × 90 + 299,917 × 5) × 3.65 % /
		// 360 = 9,193.77… → 9,194, of which 9,042 was charged at maturity: 152 more (rounding
		// the five days on their own, 152.04…, would charge 153).
		set_time(MATURITY + 5 * DAY);
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(T1), 0));
		assert_eq!(cny(BANK), bank + 300_069);
		assert_eq!(cny(T1), t1 - 300_069);
		assert!(LoanBalances::<Test>::get(0).is_none());
		assert!(LoanAccruals::<Test>::get(0).is_none());
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);

		// The rest of the receivable now goes to the borrower, free of the pledge.
		let t1 = cny(T1);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		idle_blocks(1);
		assert_eq!(cny(T1), t1 + 300_000);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Redeemed);
	});
}

#[test]
fn a_share_that_covers_the_loan_closes_it_and_releases_the_note() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		repay_part(r, 999_950);
		set_time(MATURITY);
		let (t1, bank) = (cny(T1), cny(BANK));
		idle_blocks(1);
		// 999,917 to the lender, the 33 left of the share to the borrower.
		assert_eq!(cny(BANK), bank + 999_917);
		assert_eq!(cny(T1), t1 + 33);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		let n = Notes::<Test>::get(note).unwrap();
		assert_eq!((n.state, n.paid), (NoteState::Active, 999_950));
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().budget, PROGRAM_BUDGET);
		// The last 50 go to the borrower alone.
		repay_part(r, 50);
		idle_blocks(1);
		assert_eq!(cny(T1), t1 + 83);
		assert_eq!(cny(BANK), bank + 999_917);
	});
}

#[test]
fn a_called_loan_is_paid_from_each_share_and_its_rest_stays_claimed() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		assert_ok!(Financing::call_loan(RuntimeOrigin::signed(BANK), 0));
		// 93 days of interest: 9,344.
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, 1_000_219);

		let (t1, bank) = (cny(T1), cny(BANK));
		repay_part(r, 500_000);
		idle_blocks(1);
		assert_eq!(cny(BANK), bank + 500_000);
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, 500_219);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Called);
		System::assert_has_event(
			Event::<Test>::LoanPaidDown { financing: 0, paid: 500_000, owed: 500_219 }.into(),
		);

		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		idle_blocks(1);
		// The note is paid in full and did not cover the claim: 219 stays owed.
		assert_eq!(cny(BANK), bank + 1_000_000);
		assert_eq!(cny(T1), t1);
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, 219);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Claimed);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Redeemed);
	});
}

#[test]
fn a_factor_receives_its_notes_shares_and_closes_at_the_last() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(T1),
			note,
			PROGRAM,
			FinancingKind::Factoring { recourse: false }
		));
		set_time(MATURITY);
		let bank = cny(BANK);
		repay_part(r, 250_000);
		idle_blocks(1);
		assert_eq!(cny(BANK), bank + 250_000);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Open);
		assert_eq!(FactoringOfNote::<Test>::get(note), Some(0));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		idle_blocks(1);
		assert_eq!(cny(BANK), bank + 1_000_000);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
	});
}

#[test]
fn recourse_on_a_partly_paid_note_is_for_the_unpaid_part() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(T1),
			note,
			PROGRAM,
			FinancingKind::Factoring { recourse: true }
		));
		set_time(MATURITY);
		repay_part(r, 400_000);
		idle_blocks(1);
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		// The advance for the unpaid 60 %: ⌈990,875 × 0.6⌉ = 594,525, plus 93 days' interest
		// (5,606). T1 holds 10,000 + 990,875: it pays it all at once.
		let owed = 600_131;
		System::assert_last_event(
			Event::<Test>::RecourseExercised { financing: 0, seller: T1, owed, paid: owed }.into(),
		);
		assert_eq!(cny(BANK), bank + owed);
		assert_eq!(cny(T1), t1 - owed);
		// The note, 400,000 of it paid, is the seller's again: the rest of the money is its.
		let n = Notes::<Test>::get(note).unwrap();
		assert_eq!((n.holder, n.paid), (T1, 400_000));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		idle_blocks(1);
		assert_eq!(cny(T1), t1 - owed + 600_000);
	});
}
