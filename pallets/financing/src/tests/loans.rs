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
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(T1), 0));
		// 990,875 × 36,500 × 30 / 360,000,000 = 3,013.91… → 3,013.
		assert_eq!(cny(T1), t1 - 993_888);
		assert_eq!(cny(BANK), bank + 993_888);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::LoanRepaid);
		System::assert_last_event(Event::<Test>::LoanRepaid { financing: 0, paid: 993_888 }.into());
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
		set_time(MATURITY);
		assert_noop!(
			Financing::repay_loan(RuntimeOrigin::signed(T1), 1),
			Error::<Test>::LoanMatured
		);
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
		// Payoff to maturity: 990,875 + 990,875 × 36,500 × 90 / 360,000,000 (= 9,041.73… → 9,041).
		assert_eq!(cny(BANK), bank + 999_916);
		assert_eq!(cny(T1), t1 + 84);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		System::assert_has_event(
			Event::<Test>::FinancingRedeemed { financing: 0, to_financier: 999_916 }.into(),
		);
	});
}
