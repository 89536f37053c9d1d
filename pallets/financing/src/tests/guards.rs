//! 银发〔2025〕77号's guards where financing meets them (issue 30): a program does not finance a
//! note whose term is beyond the soft tenor, a bank's own review (request/approve) may; a core
//! that owes an unpaid claim issues nothing new until it pays.

use crate::{mock::*, pallet::*, FinancingKind};
use frame_support::{assert_noop, assert_ok, traits::fungibles::Mutate};

const RECOURSE: FinancingKind = FinancingKind::Factoring { recourse: true };

/// CORE issues 1,000,000 to T1 maturing in `days`, T1 accepts; returns the note.
fn note_in(days: u64) -> u64 {
	note_of_t1_maturing(CORE, 1_000_000, START + days * DAY).1
}

#[test]
fn a_note_beyond_the_soft_tenor_is_financed_only_on_a_banks_review() {
	build_and_execute(|| {
		let long = note_in(200);
		let short = note_in(183);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), long, PROGRAM, RECOURSE),
			Error::<Test>::TenorNeedsReview
		);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), short, PROGRAM, RECOURSE));
		// The bank's own review: request, approve.
		assert_ok!(Financing::request(RuntimeOrigin::signed(T1), long, BANK, RECOURSE, rate()));
		assert_ok!(Financing::approve(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(Financings::<Test>::get(1).unwrap().note, long);
		// A longer soft tenor (the Operator's) lets programs take such notes.
		assert_ok!(Receivables::set_soft_tenor(RuntimeOrigin::root(), 365 * DAY));
		let other = note_in(200);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), other, PROGRAM, RECOURSE));
	});
}

#[test]
fn a_core_that_owes_a_claim_issues_nothing_until_it_pays() {
	build_and_execute(|| {
		// OTHER_CORE also supplies: it holds a CORE note, factors it with recourse, and has
		// spent its money when the note goes overdue.
		assert_ok!(Enterprises::set_roles(
			RuntimeOrigin::root(),
			OTHER_CORE,
			roles(true, true, false)
		));
		let (r, note) = note_of_t1(CORE, 1_000_000);
		pass(note, T1, OTHER_CORE);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(OTHER_CORE), note, PROGRAM, RECOURSE));
		let spend = cny(OTHER_CORE) - 10;
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			CNY,
			&OTHER_CORE,
			&STRANGER,
			spend,
			frame_support::traits::tokens::Preservation::Preserve
		));
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		assert!(Claims::<Test>::get(0).is_some_and(|c| c.debtor == OTHER_CORE));
		assert_eq!(ClaimsOwedBy::<Test>::get(OTHER_CORE), 1);

		let issue = |tag: &str| {
			Receivables::issue(
				RuntimeOrigin::signed(OTHER_CORE),
				T1,
				CNY,
				1_000,
				MATURITY + 30 * DAY,
				1,
				sp_core::H256::zero(),
				alloc::format!("{tag}").into_bytes().try_into().unwrap(),
			)
		};
		assert_noop!(issue("OWING"), pallet_receivables::Error::<Test>::IssuerInDefault);
		// CORE, whose receivable is overdue, is blocked too.
		assert_noop!(
			Receivables::issue(
				RuntimeOrigin::signed(CORE),
				T1,
				CNY,
				1_000,
				MATURITY + 30 * DAY,
				0,
				sp_core::H256::zero(),
				b"LATE".to_vec().try_into().unwrap(),
			),
			pallet_receivables::Error::<Test>::IssuerInDefault
		);

		// Paid, the claim closes and OTHER_CORE issues again.
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			CNY,
			&STRANGER,
			&OTHER_CORE,
			spend,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(OTHER_CORE), 0));
		assert!(!ClaimsOwedBy::<Test>::contains_key(OTHER_CORE));
		assert_ok!(issue("PAID"));
	});
}
