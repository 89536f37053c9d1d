use crate::{mock::*, pallet::*, FinancingKind, FinancingStatus};
use frame_support::{assert_noop, assert_ok};
use pallet_receivables::{NoteState, Notes};

const RECOURSE: FinancingKind = FinancingKind::Factoring { recourse: true };

/// `from` sends `amount` CNY to `to` (its account may go).
fn give(from: AccountId, to: AccountId, amount: Balance) {
	assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
		CNY,
		&from,
		&to,
		amount,
		frame_support::traits::tokens::Preservation::Expendable
	));
}

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
		give(T1, T2, all);
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		// The note is the seller's again, but held as the bank's security for the claim.
		let held = Notes::<Test>::get(note).unwrap();
		assert_eq!((held.holder, held.state), (T1, NoteState::Pledged { financing: 0 }));
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!((claim.debtor, claim.creditor), (T1, BANK));
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Called);
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
		give(T2, T1, all + SUPPLIER_CNY);
		let bank = cny(BANK);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert_eq!(cny(BANK), bank + claim.amount);
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().budget, PROGRAM_BUDGET);
		// Paid in full: the security goes back to the seller.
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
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
		give(T1, T2, extra);
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
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Called);
		// The claim is paid in two parts.
		give(T2, T1, 300_000);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		System::assert_last_event(
			Event::<Test>::ClaimSettled { financing: 0, paid: 300_000, remaining: 100_220 }.into(),
		);
		give(T2, T1, 105_000);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(cny(BANK), bank + 1_000_219);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::RecourseSettled);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
	});
}

/// T1 sends everything it holds to T2: it can pay nothing of a claim.
fn empty_t1() -> Balance {
	let all = cny(T1);
	give(T1, T2, all);
	all
}

// Issue 25, item 1: a seller who emptied its account before the receivable went overdue must not
// walk away with the core's late payment while the bank holds only an unsecured claim. The note
// stays the bank's security: the late payment pays the bank first, up to the claim.
#[test]
fn recourse_keeps_the_note_as_security_and_the_late_payment_pays_the_bank_first() {
	build_and_execute(|| {
		let (r, note) = overdue_factoring(1_000_000);
		empty_t1();
		let bank = cny(BANK);
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		// 93 days on 990,875: owed 1,000,219, T1 paid nothing.
		let claim = Claims::<Test>::get(0).unwrap().amount;
		assert_eq!(claim, 1_000_219);
		// While it secures the claim the seller cannot pass the note on or finance it again.
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), note, T3),
			pallet_receivables::Error::<Test>::NoteNotActive
		);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, RECOURSE),
			Error::<Test>::NotePledged
		);
		// The core pays late; the note is paid: the bank first, up to its claim.
		set_time(MATURITY + 10 * DAY);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		let t1 = cny(T1);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(BANK), bank + 1_000_000, "the whole note goes to the bank");
		assert_eq!(cny(T1), t1, "the seller gets nothing while it owes the claim");
		// The note did not cover the claim: the rest stays owed, now unsecured.
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, claim - 1_000_000);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Claimed);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Redeemed);
	});
}

// Issue 25, item 1, in parts: the core pays part late; the part pays the bank's claim first and
// the seller nothing; the seller settles the rest of the claim, the note is released to it, and
// the core's next part is the seller's.
#[test]
fn a_secured_recourse_claim_is_paid_from_part_payments_then_released() {
	build_and_execute(|| {
		let (r, note) = overdue_factoring(1_000_000);
		let all = empty_t1();
		let bank = cny(BANK);
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		let claim = Claims::<Test>::get(0).unwrap().amount;
		set_time(MATURITY + 10 * DAY);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 600_000));
		let t1 = cny(T1);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(BANK), bank + 600_000);
		assert_eq!(cny(T1), t1);
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, claim - 600_000);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Called);
		// The seller gets money back and settles the rest in two parts.
		give(T2, T1, all);
		give(T1, T2, all - 200_001);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, claim - 800_000);
		assert_eq!(
			Notes::<Test>::get(note).unwrap().state,
			NoteState::Pledged { financing: 0 },
			"still security while anything is owed"
		);
		give(T2, T1, 300_000);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(T1), 0));
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(cny(BANK), bank + claim);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::RecourseSettled);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
		// The rest of the note is the seller's alone.
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		let (t1, bank_now) = (cny(T1), cny(BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(T1), t1 + 400_000);
		assert_eq!(cny(BANK), bank_now);
	});
}

// Issue 25, item 1: the payout that covers the claim releases the note; the seller gets the rest
// of that payout.
#[test]
fn a_late_payment_larger_than_the_claim_pays_the_bank_then_the_seller() {
	build_and_execute(|| {
		let (r, note) = overdue_factoring(1_000_000);
		// T1 keeps 600,000: the claim is 400,220 (see recourse_takes_what_the_seller_can_pay_now).
		let extra = cny(T1) - 600_000;
		give(T1, T2, extra);
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, 400_220);
		set_time(MATURITY + 10 * DAY);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 500_000));
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(BANK), bank + 400_220);
		assert_eq!(cny(T1), t1 + 99_780);
		assert!(Claims::<Test>::get(0).is_none());
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Active);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::RecourseSettled);
	});
}
