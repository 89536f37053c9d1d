use crate::{mock::*, pallet::*, FinancingKind, FinancingStatus};
use frame_support::{assert_noop, assert_ok};
use pallet_receivables::{NoteState, Notes};

const PLEDGE: FinancingKind = FinancingKind::Pledge;

#[test]
fn pledge_locks_the_note_and_lends_the_price() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000_000);
		let t1 = cny(T1);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		// 90 days: interest 9,125; loan 990,875.
		assert_eq!(cny(T1), t1 + 990_875);
		let n = Notes::<Test>::get(note).unwrap();
		assert_eq!((n.holder, n.state), (T1, NoteState::Pledged { financing: 0 }));
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), note, T2),
			pallet_receivables::Error::<Test>::NoteNotActive
		);
	});
}

#[test]
fn repay_loan_pays_principal_and_interest_and_releases() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		set_time(START + 30 * DAY);
		let (t1, bank) = (cny(T1), cny(BANK));
		// What the borrower is shown before signing is what it is debited (issue 25, item 10).
		assert_eq!(Financing::repayment_due(0), Some(993_889));
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(T1), 0));
		assert_eq!(Financing::repayment_due(0), None, "no longer an open loan");
		// 990,875 × 36,500 × 30 / 360,000,000 = 3,013.91… → 3,014 (rounded up).
		assert_eq!(cny(T1), t1 - 993_889);
		assert_eq!(cny(BANK), bank + 993_889);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::LoanRepaid);
		System::assert_last_event(Event::<Test>::LoanRepaid { financing: 0, paid: 993_889 }.into());
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().budget, PROGRAM_BUDGET);
	});
}

#[test]
fn repay_loan_errors() {
	build_and_execute(|| {
		assert_noop!(
			Financing::repay_loan(RuntimeOrigin::signed(T1), 0),
			Error::<Test>::UnknownFinancing
		);
		let (_, a) = note_of_t1(CORE, 1_000_000);
		let (_, b) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(T1),
			a,
			PROGRAM,
			FinancingKind::Factoring { recourse: false }
		));
		assert_noop!(Financing::repay_loan(RuntimeOrigin::signed(T1), 0), Error::<Test>::NotPledge);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), b, PROGRAM, PLEDGE));
		for who in [T2, BANK, STRANGER] {
			assert_noop!(
				Financing::repay_loan(RuntimeOrigin::signed(who), 1),
				Error::<Test>::NotBorrower
			);
		}
		set_time(START + DAY);
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(T1), 1));
		assert_noop!(Financing::repay_loan(RuntimeOrigin::signed(T1), 1), Error::<Test>::NotOpen);
	});
}

#[test]
fn redemption_of_a_pledged_note_pays_the_financier_first() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		repay_and_mature(r, CORE);
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		// Payoff to maturity: 990,875 + 990,875 × 36,500 × 90 / 360,000,000 (= 9,041.73… → 9,042).
		assert_eq!(cny(BANK), bank + 999_917);
		assert_eq!(cny(T1), t1 + 83);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		System::assert_has_event(
			Event::<Test>::FinancingRedeemed { financing: 0, to_financier: 999_917 }.into(),
		);
	});
}

/// A pledge of a 1,000,000 note at program 0's 3.65 % (loan 990,875), its receivable overdue.
fn overdue_pledge() -> (u64, u64) {
	let (r, note) = note_of_t1(CORE, 1_000_000);
	assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
	set_time(MATURITY + 3 * DAY);
	assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
	(r, note)
}

/// A pledge at 50 % a year through a request (loan 875,000): dear enough that a late payout
/// still leaves the borrower something.
fn dear_pledge() -> (u64, u64) {
	let (r, note) = note_of_t1(CORE, 1_000_000);
	assert_ok!(Financing::request(
		RuntimeOrigin::signed(T1),
		note,
		OTHER_BANK,
		PLEDGE,
		sp_runtime::Permill::from_percent(50)
	));
	assert_ok!(Financing::approve(RuntimeOrigin::signed(OTHER_BANK), 0));
	assert_eq!(Financings::<Test>::get(0).unwrap().disbursed, 875_000);
	(r, note)
}

// Issue 11, item 1: a pledged note whose receivable goes overdue locks nothing. (a) The
// borrower repays after maturity, interest to the day of payment.
#[test]
fn a_pledged_note_whose_receivable_goes_overdue_can_be_repaid_late() {
	build_and_execute(|| {
		let (_, note) = overdue_pledge();
		set_time(MATURITY + 5 * DAY);
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(T1), 0));
		// 95 days: 990,875 × 36,500 × 95 / 360,000,000 = 9,544.05… → 9,545.
		assert_eq!(cny(T1), t1 - 1_000_420);
		assert_eq!(cny(BANK), bank + 1_000_420);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::LoanRepaid);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
	});
}

// Item 1 (b): the lender calls the loan; the debt is a claim the borrower settles, and the note
// comes back to the borrower.
#[test]
fn a_pledged_note_whose_receivable_goes_overdue_can_be_called_and_settled() {
	build_and_execute(|| {
		let (_, note) = overdue_pledge();
		set_time(MATURITY + 4 * DAY);
		assert_noop!(
			Financing::call_loan(RuntimeOrigin::signed(T1), 0),
			Error::<Test>::NotFinancingFinancier
		);
		assert_ok!(Financing::call_loan(RuntimeOrigin::signed(BANK), 0));
		// 94 days: 9,443.59… → 9,444 on 990,875.
		System::assert_last_event(
			Event::<Test>::LoanCalled { financing: 0, borrower: T1, owed: 1_000_319 }.into(),
		);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!((claim.debtor, claim.creditor, claim.amount), (T1, BANK, 1_000_319));
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Pledged { financing: 0 });
		// Called: no direct repayment, no second call.
		assert_noop!(Financing::repay_loan(RuntimeOrigin::signed(T1), 0), Error::<Test>::NotOpen);
		assert_noop!(Financing::call_loan(RuntimeOrigin::signed(BANK), 0), Error::<Test>::NotOpen);
		let bank = cny(BANK);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert_eq!(cny(BANK), bank + 1_000_319);
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::LoanRepaid);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
	});
}

// Item 1 (c): after a call, the core pays late: redemption pays the lender first up to the
// claim, the rest to the borrower, and the claim closes.
#[test]
fn a_called_loan_is_paid_first_when_the_core_pays_late() {
	build_and_execute(|| {
		let (r, note) = dear_pledge();
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		set_time(MATURITY + 4 * DAY);
		assert_ok!(Financing::call_loan(RuntimeOrigin::signed(OTHER_BANK), 0));
		// 94 days at 50 % on 875,000: 114,236.1… → 114,237.
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, 989_237);
		set_time(MATURITY + 6 * DAY);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		let (t1, lender) = (cny(T1), cny(OTHER_BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(OTHER_BANK), lender + 989_237);
		assert_eq!(cny(T1), t1 + 10_763);
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
	});
}

// Item 1 (c), the note short of the claim: the lender takes the whole note and the rest of the
// claim stays owed by the borrower.
#[test]
fn a_called_loan_larger_than_its_note_stays_owed_in_part() {
	build_and_execute(|| {
		let (r, note) = overdue_pledge();
		set_time(MATURITY + 4 * DAY);
		assert_ok!(Financing::call_loan(RuntimeOrigin::signed(BANK), 0));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(BANK), bank + 1_000_000);
		assert_eq!(cny(T1), t1);
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, 319);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Claimed);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 990_875);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert_eq!(cny(BANK), bank + 1_000_319);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::LoanRepaid);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
	});
}

// Item 1 (d): paid late, a pledge's interest runs to the day the escrow was funded.
#[test]
fn pledge_interest_runs_to_the_day_the_escrow_is_funded() {
	build_and_execute(|| {
		let (r, note) = dear_pledge();
		set_time(MATURITY + 4 * DAY);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY + 20 * DAY);
		let (t1, lender) = (cny(T1), cny(OTHER_BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		// 94 days (to the funding), not 90 (maturity) nor 110 (redemption).
		assert_eq!(cny(OTHER_BANK), lender + 989_237);
		assert_eq!(cny(T1), t1 + 10_763);
	});
}

#[test]
fn call_loan_errors() {
	build_and_execute(|| {
		assert_noop!(
			Financing::call_loan(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::UnknownFinancing
		);
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(T1),
			note,
			PROGRAM,
			FinancingKind::Factoring { recourse: true }
		));
		assert_noop!(
			Financing::call_loan(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NotPledge
		);
		let (_, pledged) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), pledged, PROGRAM, PLEDGE));
		assert_noop!(
			Financing::call_loan(RuntimeOrigin::signed(BANK), 1),
			Error::<Test>::NotOverdue
		);
		set_time(MATURITY + 3 * DAY);
		assert_noop!(
			Financing::call_loan(RuntimeOrigin::signed(BANK), 1),
			Error::<Test>::NotOverdue
		);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r + 1));
		assert_noop!(
			Financing::call_loan(RuntimeOrigin::root(), 1),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(T1), 1));
		assert_noop!(Financing::call_loan(RuntimeOrigin::signed(BANK), 1), Error::<Test>::NotOpen);
	});
}

#[test]
fn a_frozen_pledged_note_is_repaid_and_released_under_its_hold() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), note));
		set_time(MATURITY + DAY);
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(T1), 0));
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Frozen);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), note));
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
	});
}
