use crate::{mock::*, pallet::*, FinancingKind, FinancingStatus};
use frame_support::{assert_noop, assert_ok};
use pallet_receivables::Notes;

const RECOURSE: FinancingKind = FinancingKind::Factoring { recourse: true };

fn overdue_factoring(face: u128) -> (u64, u64) {
	let (r, note) = note_of_t1(CORE, face);
	assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, RECOURSE));
	set_time(MATURITY + 3 * DAY);
	assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
	(r, note)
}

#[test]
fn recourse_paid_at_once_when_the_seller_can() {
	build_and_execute(|| {
		let (_, note) = overdue_factoring(9_000);
		// Advance: 9,000 − 9,000×36,500×90/360,000,000 (= 82.125 → 83) = 8,917.
		assert_eq!(Financings::<Test>::get(0).unwrap().disbursed, 8_917);
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		// 93 days: 8,917 × 36,500 × 93 / 360,000,000 = 84.08 → 85; owed 9,002.
		assert_eq!(cny(T1), t1 - 9_002);
		assert_eq!(cny(BANK), bank + 9_002);
		assert_eq!(Notes::<Test>::get(note).unwrap().holder, T1);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::RecourseSettled);
		System::assert_last_event(
			Event::<Test>::RecourseExercised { financing: 0, seller: T1, owed: 9_002, paid: 9_002 }
				.into(),
		);
	});
}

#[test]
fn recourse_records_a_claim_when_the_seller_cannot_pay() {
	build_and_execute(|| {
		let (_, note) = overdue_factoring(1_000_000);
		// T1 spends everything.
		let all = cny(T1);
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&T1,
			&T2,
			all,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(Notes::<Test>::get(note).unwrap().holder, T1);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!((claim.debtor, claim.creditor), (T1, BANK));
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Claimed);
		assert_noop!(
			Financing::settle_claim(RuntimeOrigin::signed(T2), 0),
			Error::<Test>::NotDebtor
		);
		assert_noop!(Financing::settle_claim(RuntimeOrigin::signed(T1), 5), Error::<Test>::NoClaim);
		assert_noop!(
			Financing::settle_claim(RuntimeOrigin::signed(T1), 0),
			sp_runtime::TokenError::FundsUnavailable
		);
		// T2 returns the money; T1 settles.
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&T2,
			&T1,
			all + SUPPLIER_CNY,
			frame_support::traits::tokens::Preservation::Expendable
		));
		let bank = cny(BANK);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert_eq!(cny(BANK), bank + claim.amount);
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().budget, PROGRAM_BUDGET);
	});
}

#[test]
fn recourse_errors() {
	build_and_execute(|| {
		assert_noop!(
			Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::UnknownFinancing
		);
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, RECOURSE));
		assert_noop!(
			Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NotOverdue
		);
		assert_noop!(
			Financing::exercise_recourse(RuntimeOrigin::signed(T1), 0),
			Error::<Test>::NotFinancingFinancier
		);
		let (r2, other) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(T1),
			other,
			PROGRAM,
			FinancingKind::Factoring { recourse: false }
		));
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r2));
		assert_noop!(
			Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 1),
			Error::<Test>::NotRecourse
		);
		// The financier passed the note on: recourse is no longer possible.
		pass(note, BANK, T3);
		assert_noop!(
			Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NoteNotHeld
		);
		pass(note, T3, BANK);
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NotOpen
		);
	});
}

// Issue 11, item 9: recourse is not all or nothing. The seller pays what it can now (keeping
// its account alive) and owes the rest as a claim, which it may settle in parts.
#[test]
fn recourse_takes_what_the_seller_can_pay_now() {
	build_and_execute(|| {
		overdue_factoring(1_000_000);
		// T1 keeps 600,000 of the ~1,000,875 it holds.
		let extra = cny(T1) - 600_000;
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&T1,
			&T2,
			extra,
			frame_support::traits::tokens::Preservation::Expendable
		));
		let bank = cny(BANK);
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		// 93 days on 990,875: 9,343.3… → 9,344; owed 1,000,219; paid 599,999 (1 stays: the
		// asset's minimum balance keeps T1's account alive).
		System::assert_last_event(
			Event::<Test>::RecourseExercised {
				financing: 0,
				seller: T1,
				owed: 1_000_219,
				paid: 599_999,
			}
			.into(),
		);
		assert_eq!(cny(BANK), bank + 599_999);
		assert_eq!(cny(T1), 1);
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, 400_220);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Claimed);
		// The claim is paid in two parts.
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&T2,
			&T1,
			300_000,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		System::assert_last_event(
			Event::<Test>::ClaimSettled { financing: 0, paid: 300_000, remaining: 100_220 }.into(),
		);
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&T2,
			&T1,
			105_000,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(cny(BANK), bank + 1_000_219);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::RecourseSettled);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
	});
}
