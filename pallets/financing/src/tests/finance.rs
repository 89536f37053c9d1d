use crate::{mock::*, pallet::*, FinancingKind, FinancingStatus};
use cascade_primitives::pricing;
use frame_support::{assert_noop, assert_ok};
use pallet_receivables::{NoteState, Notes};
use sp_runtime::{DispatchError, Permill};

const FACTORING: FinancingKind = FinancingKind::Factoring { recourse: false };

#[test]
fn factoring_moves_note_and_money_atomically() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		set_time(START + DAY / 2); // 89.5 days to maturity: 90 whole days, rounded up.
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
		// 1,000,000 × 36,500 × 90 / 360,000,000 = 9,125 exactly.
		assert_eq!(cny(T1), t1 + 990_875);
		assert_eq!(cny(BANK), bank - 990_875);
		let n = Notes::<Test>::get(note).unwrap();
		assert_eq!((n.holder, n.state), (BANK, NoteState::Active));
		let f = Financings::<Test>::get(0).unwrap();
		assert_eq!((f.disbursed, f.interest, f.status), (990_875, 9_125, FinancingStatus::Open));
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().budget, PROGRAM_BUDGET - 990_875);
		System::assert_has_event(
			Event::<Test>::Financed {
				financing: 0,
				kind: FACTORING,
				recourse: false,
				financier: BANK,
				seller: T1,
				obligor: CORE,
				note,
				receivable: r,
				asset: CNY,
				amount: 1_000_000,
				price: 990_875,
				interest: 9_125,
				annual_rate: rate(),
				maturity: MATURITY,
				program: Some(PROGRAM),
				terms: crate::Terms {
					base_rate: rate(),
					tier: None,
					tier_adjustment: 0,
					green: None,
					green_adjustment: 0,
					annual_rate: rate(),
					advance_rate: Permill::one(),
					advance: 1_000_000,
					reserve: 0,
					interest: 9_125,
					disbursed: 990_875,
				},
			}
			.into(),
		);
	});
}

#[test]
fn factored_note_redeems_to_the_financier_and_budget_recovers() {
	build_and_execute(|| {
		let (r, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
		repay_and_mature(r, CORE);
		let bank = cny(BANK);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(BANK), bank + 1_000_000);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		let p = Programs::<Test>::get(PROGRAM).unwrap();
		assert_eq!((p.budget, p.outstanding), (PROGRAM_BUDGET, 0));
	});
}

#[test]
fn tier3_supplier_gets_the_core_price() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 800_000);
		pass(note, T1, T2);
		pass(note, T2, T3);
		let t3 = cny(T3);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T3), note, PROGRAM, FACTORING));
		let (_, disbursed) = pricing::discount(800_000, rate(), START, MATURITY).unwrap();
		assert_eq!(cny(T3), t3 + disbursed);
	});
}

#[test]
fn finance_refuses_unmovable_notes() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000);
		// Pending.
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), note, T2));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::NotePending
		);
		assert_ok!(Receivables::revoke(RuntimeOrigin::signed(T1), note));
		// Frozen.
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), note));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::NoteFrozen
		);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), note));
		// Pledged.
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(T1),
			note,
			PROGRAM,
			FinancingKind::Pledge
		));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::NotePledged
		);
		// Consumed.
		let (_, other) = note_of_t1(CORE, 1_000);
		assert_ok!(Receivables::split(
			RuntimeOrigin::signed(T1),
			other,
			vec![500, 500].try_into().unwrap()
		));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), other, PROGRAM, FACTORING),
			Error::<Test>::NoteConsumed
		);
	});
}

#[test]
fn finance_refuses_wrong_holder_and_receivable_states() {
	build_and_execute(|| {
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), 42, PROGRAM, FACTORING),
			Error::<Test>::UnknownNote
		);
		let (r, note) = note_of_t1(CORE, 1_000);
		for who in [T2, CORE, STRANGER] {
			assert_noop!(
				Financing::finance(RuntimeOrigin::signed(who), note, PROGRAM, FACTORING),
				Error::<Test>::NotHolder
			);
		}
		assert_noop!(
			Financing::finance(RuntimeOrigin::root(), note, PROGRAM, FACTORING),
			DispatchError::BadOrigin
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T1));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::NotParticipant
		);
		assert_ok!(Enterprises::reinstate(RuntimeOrigin::root(), T1));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::ReceivableNotActive
		);
		let (_, late) = note_of_t1(CORE, 1_000);
		set_time(MATURITY);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), late, PROGRAM, FACTORING),
			Error::<Test>::NoteMatured
		);
	});
}

#[test]
fn program_refuses_other_cores_assets_budgets_and_expiry() {
	build_and_execute(|| {
		let (_, other_core_note) = note_of_t1(OTHER_CORE, 1_000);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), other_core_note, PROGRAM, FACTORING),
			Error::<Test>::WrongObligor
		);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), other_core_note, 9, FACTORING),
			Error::<Test>::UnknownProgram
		);
		// A USD program for CORE cannot take a CNY note.
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(OTHER_BANK),
			CORE,
			USD,
			rate(),
			1_000_000,
			START + 30 * DAY
		));
		let (_, note) = note_of_t1(CORE, 20_000_000);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, 1, FACTORING),
			Error::<Test>::AssetMismatch
		);
		// Budget of 10,000,000 cannot advance ~19.8 million.
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::BudgetExhausted
		);
		// An expired program.
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(OTHER_BANK),
			CORE,
			CNY,
			rate(),
			100_000_000,
			START + DAY
		));
		set_time(START + DAY);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, 2, FACTORING),
			Error::<Test>::ProgramExpired
		);
	});
}

#[test]
fn exhausted_budget_refuses_until_money_comes_back() {
	build_and_execute(|| {
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(OTHER_BANK),
			CORE,
			CNY,
			Permill::zero(),
			1_500,
			START + 365 * DAY
		));
		let (r1, a) = note_of_t1(CORE, 1_000);
		let (_, b) = note_of_t1(CORE, 1_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), a, 1, FACTORING));
		assert_eq!(Programs::<Test>::get(1).unwrap().budget, 500);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), b, 1, FACTORING),
			Error::<Test>::BudgetExhausted
		);
		repay_and_mature(r1, CORE);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), a));
		assert_eq!(Programs::<Test>::get(1).unwrap().budget, 1_500);
	});
}

#[test]
fn financier_cannot_finance_its_own_note() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000);
		pass(note, T1, BANK);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(BANK), note, PROGRAM, FACTORING),
			Error::<Test>::SelfFinance
		);
	});
}

#[test]
fn financier_short_of_money_changes_nothing() {
	build_and_execute(|| {
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(OTHER_BANK),
			CORE,
			CNY,
			rate(),
			u128::MAX / 2,
			START + 365 * DAY
		));
		let (_, note) = note_of_t1(CORE, 400_000_000);
		// OTHER_BANK holds 1e9; drain it first.
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&OTHER_BANK,
			&BANK,
			RICH - 10,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, 1, FACTORING),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn financing_a_factored_note_again_ends_the_first_financing() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 990_875);
		// The bank sells the note on to another bank, which has no program.
		assert_ok!(Financing::request(
			RuntimeOrigin::signed(BANK),
			note,
			OTHER_BANK,
			FACTORING,
			Permill::from_parts(20_000)
		));
		assert_ok!(Financing::approve(RuntimeOrigin::signed(OTHER_BANK), 0));
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::SoldOn);
		assert_eq!(FactoringOfNote::<Test>::get(note), Some(1));
		assert_eq!(Notes::<Test>::get(note).unwrap().holder, OTHER_BANK);
		let p = Programs::<Test>::get(PROGRAM).unwrap();
		assert_eq!((p.budget, p.outstanding), (PROGRAM_BUDGET, 0));
	});
}

// Issue 11, item 3: splitting does not defeat the discount. Sixteen 1.00 pieces of a 16.00
// note, each financed for 90 days, fetch no more than the whole note would (before interest was
// rounded up, each piece's 0.91 of interest rounded to nothing and the seller got 16.00).
#[test]
fn splitting_does_not_defeat_the_discount() {
	build_and_execute(|| {
		let (_, whole) = note_of_t1(CORE, 1_600);
		let (_, note) = note_of_t1(CORE, 1_600);
		let first = pallet_receivables::NextNoteId::<Test>::get();
		assert_ok!(Receivables::split(
			RuntimeOrigin::signed(T1),
			note,
			vec![100; 16].try_into().unwrap()
		));
		let t1 = cny(T1);
		for piece in first..first + 16 {
			assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), piece, PROGRAM, FACTORING));
		}
		let pieces = cny(T1) - t1;
		let t1 = cny(T1);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), whole, PROGRAM, FACTORING));
		let whole_price = cny(T1) - t1;
		// 1,600 × 0.0365 × 90/360 = 14.6 → 15: 1,585. Each piece: 0.9125 → 1: 99.
		assert_eq!((pieces, whole_price), (1_584, 1_585));
		assert!(pieces <= whole_price);
	});
}

proptest::proptest! {
	#![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
	// Item 3, for any split, rate and time: the pieces' prices sum to at most the whole's.
	#[test]
	fn pieces_never_price_above_the_whole(
		parts in proptest::collection::vec(1u128..=10_000_000_000, 1..=16),
		ppm in 0u32..=1_000_000,
		now in 0u64..=400 * DAY,
	) {
		let rate = Permill::from_parts(ppm);
		let whole: u128 = parts.iter().sum();
		let (_, whole_price) = pricing::discount(whole, rate, now, MATURITY - START).unwrap();
		let pieces: u128 = parts
			.iter()
			.map(|a| pricing::discount(*a, rate, now, MATURITY - START).unwrap().1)
			.sum();
		proptest::prop_assert!(pieces <= whole_price);
	}
}

// Issue 11, item 5: a suspended financier's program finances nothing new (nor one whose
// financier lost the role); what is running still pays out.
#[test]
fn a_suspended_financiers_program_finances_nothing() {
	build_and_execute(|| {
		let (r, running) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), running, PROGRAM, FACTORING));
		let (_, note) = note_of_t1(CORE, 1_000_000);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), BANK));
		let bank = cny(BANK);
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::FinancierInactive
		);
		assert_ok!(Enterprises::reinstate(RuntimeOrigin::root(), BANK));
		assert_ok!(Enterprises::set_roles(RuntimeOrigin::root(), BANK, roles(false, true, false)));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING),
			Error::<Test>::FinancierInactive
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), BANK));
		// Its running factoring still pays out to it.
		repay_and_mature(r, CORE);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), running));
		assert_eq!(cny(BANK), bank + 1_000_000);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
	});
}

/// T1 factors a 1,000,000 note to BANK (program 0, recourse; financing 0), and BANK pledges the
/// note it bought to OTHER_BANK (financing 1); returns (receivable, note).
fn factored_then_pledged() -> (u64, u64) {
	let recourse = FinancingKind::Factoring { recourse: true };
	let (r, note) = note_of_t1(CORE, 1_000_000);
	assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, recourse));
	assert_ok!(Financing::request(
		RuntimeOrigin::signed(BANK),
		note,
		OTHER_BANK,
		FinancingKind::Pledge,
		rate()
	));
	assert_ok!(Financing::approve(RuntimeOrigin::signed(OTHER_BANK), 0));
	(r, note)
}

// Issue 11, item 6: pledging a factored note changes no owner, so the factoring stays open:
// the factor keeps its recourse and the program its outstanding advance.
#[test]
fn pledging_a_factored_note_keeps_the_factoring() {
	build_and_execute(|| {
		let (r, note) = factored_then_pledged();
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Open);
		assert_eq!(FactoringOfNote::<Test>::get(note), Some(0));
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 990_875);
		// Redemption pays the lender first and closes both financings.
		repay_and_mature(r, CORE);
		let (bank, lender) = (cny(BANK), cny(OTHER_BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		assert_eq!(cny(OTHER_BANK) + cny(BANK), lender + bank + 1_000_000);
		assert!(cny(OTHER_BANK) > lender && cny(BANK) > bank);
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		assert_eq!(Financings::<Test>::get(1).unwrap().status, FinancingStatus::Redeemed);
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 0);
	});
}

#[test]
fn a_factor_that_pledged_its_note_keeps_its_recourse_once_the_loan_is_repaid() {
	build_and_execute(|| {
		let (r, note) = factored_then_pledged();
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		// Pledged: the factor must free the note before handing it back.
		assert_noop!(
			Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NoteNotHeld
		);
		assert_ok!(Financing::repay_loan(RuntimeOrigin::signed(BANK), 1));
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(Notes::<Test>::get(note).unwrap().holder, T1);
	});
}

#[test]
fn programs_exist_only_in_settlement_assets() {
	build_and_execute(|| {
		assert_noop!(
			Financing::open_program(
				RuntimeOrigin::signed(OTHER_BANK),
				CORE,
				JUNK,
				rate(),
				1_000,
				START + DAY
			),
			Error::<Test>::NotSettlementAsset
		);
	});
}
