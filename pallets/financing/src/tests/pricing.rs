//! Pricing by who the seller is (issue 30): rate adjustments per tier and green grade, limits
//! per tier, the advance rate and a factoring's reserve; `set_program_pricing`'s refusals; the
//! program quote. Every test ends with the invariants and money conservation checked.

use crate::{
	mock::*, pallet::*, AttestedGreen, AttestedTier, FinancingKind, FinancingStatus, Terms,
};
use cascade_primitives::{Grade, GreenGrade, Office, TierGrade};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use pallet_receivables::{NoteState, Notes};
use sp_runtime::{DispatchError, Permill};

const FACTORING: FinancingKind = FinancingKind::Factoring { recourse: false };
const RECOURSE: FinancingKind = FinancingKind::Factoring { recourse: true };
const PLEDGE: FinancingKind = FinancingKind::Pledge;
/// The rating body: an account that is not an enterprise.
const RATER: AccountId = 40;

fn attest(who: AccountId, grade: Grade) {
	if !pallet_enterprises::Offices::<Test>::contains_key(RATER, Office::Attestor) {
		assert_ok!(Enterprises::grant_role(RuntimeOrigin::root(), RATER, Office::Attestor));
	}
	assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), who, grade, MATURITY + 365 * DAY));
}

fn list<T: core::fmt::Debug>(items: Vec<T>) -> BoundedVec<T, crate::GradeCount> {
	items.try_into().unwrap()
}

/// Tier A −1 %, D +2 %; DeepGreen −0.5 %, Red +1 %; D sellers may draw 1,500,000; advance as given.
fn price_program(advance: Permill) {
	assert_ok!(Financing::set_program_pricing(
		RuntimeOrigin::signed(BANK),
		PROGRAM,
		list(vec![(TierGrade::A, -10_000), (TierGrade::D, 20_000)]),
		list(vec![(GreenGrade::DeepGreen, -5_000), (GreenGrade::Red, 10_000)]),
		list(vec![(TierGrade::D, 1_500_000)]),
		advance,
	));
}

/// A note of `face` held by `holder` (issued to T1 and passed on).
fn note_of(holder: AccountId, face: Balance) -> (u64, u64) {
	let (r, note) = note_of_t1(CORE, face);
	if holder != T1 {
		pass(note, T1, holder);
	}
	(r, note)
}

/// A note of `face` maturing at `maturity`, issued to T1 and passed on to `holder`.
fn note_maturing(holder: AccountId, face: Balance, maturity: u64) -> u64 {
	let (_, note) = note_of_t1_maturing(CORE, face, maturity);
	if holder != T1 {
		pass(note, T1, holder);
	}
	note
}

#[test]
fn set_program_pricing_stores_and_announces_the_terms() {
	build_and_execute(|| {
		price_program(Permill::from_percent(80));
		let p = ProgramPricings::<Test>::get(PROGRAM).unwrap();
		assert_eq!(p.advance_rate, Permill::from_percent(80));
		assert_eq!(p.tier_limits.to_vec(), vec![(TierGrade::D, 1_500_000)]);
		System::assert_last_event(
			Event::<Test>::ProgramPricingSet {
				program: PROGRAM,
				tier_adjustments: list(vec![(TierGrade::A, -10_000), (TierGrade::D, 20_000)]),
				green_adjustments: list(vec![
					(GreenGrade::DeepGreen, -5_000),
					(GreenGrade::Red, 10_000),
				]),
				tier_limits: list(vec![(TierGrade::D, 1_500_000)]),
				advance_rate: Permill::from_percent(80),
			}
			.into(),
		);
		// A new pricing replaces the old.
		assert_ok!(Financing::set_program_pricing(
			RuntimeOrigin::signed(BANK),
			PROGRAM,
			list(vec![]),
			list(vec![]),
			list(vec![]),
			Permill::one()
		));
		assert!(ProgramPricings::<Test>::get(PROGRAM).unwrap().tier_adjustments.is_empty());
	});
}

#[test]
fn set_program_pricing_refusals_change_nothing() {
	build_and_execute(|| {
		let set = |who,
		           program,
		           tiers: Vec<(TierGrade, i32)>,
		           greens: Vec<(GreenGrade, i32)>,
		           limits: Vec<(TierGrade, Balance)>,
		           advance| {
			Financing::set_program_pricing(
				RuntimeOrigin::signed(who),
				program,
				list(tiers),
				list(greens),
				list(limits),
				advance,
			)
		};
		let all = Permill::one();
		assert_noop!(set(BANK, 7, vec![], vec![], vec![], all), Error::<Test>::UnknownProgram);
		assert_noop!(
			set(OTHER_BANK, PROGRAM, vec![], vec![], vec![], all),
			Error::<Test>::NotProgramFinancier
		);
		assert_noop!(
			set(BANK, PROGRAM, vec![(TierGrade::B, 1), (TierGrade::B, 2)], vec![], vec![], all),
			Error::<Test>::DuplicateGrade
		);
		assert_noop!(
			set(
				BANK,
				PROGRAM,
				vec![],
				vec![(GreenGrade::Red, 1), (GreenGrade::Red, 1)],
				vec![],
				all
			),
			Error::<Test>::DuplicateGrade
		);
		assert_noop!(
			set(BANK, PROGRAM, vec![], vec![], vec![(TierGrade::C, 1), (TierGrade::C, 5)], all),
			Error::<Test>::DuplicateGrade
		);
		assert_noop!(
			set(BANK, PROGRAM, vec![(TierGrade::A, -1_000_001)], vec![], vec![], all),
			Error::<Test>::AdjustmentOutOfRange
		);
		assert_noop!(
			set(BANK, PROGRAM, vec![], vec![(GreenGrade::Yellow, 1_000_001)], vec![], all),
			Error::<Test>::AdjustmentOutOfRange
		);
		assert_noop!(
			set(BANK, PROGRAM, vec![], vec![], vec![], Permill::zero()),
			Error::<Test>::ZeroAdvance
		);
		assert_noop!(
			Financing::set_program_pricing(
				RuntimeOrigin::root(),
				PROGRAM,
				list(vec![]),
				list(vec![]),
				list(vec![]),
				all
			),
			DispatchError::BadOrigin
		);
		assert_ok!(Financing::close_program(RuntimeOrigin::signed(BANK), PROGRAM));
		assert_noop!(set(BANK, PROGRAM, vec![], vec![], vec![], all), Error::<Test>::ProgramClosed);
	});
}

// Acceptance 3's first part, on the pallet: a green A-tier seller and a red D-tier seller finance
// the same amount through the same program; the prices differ exactly by the adjustments.
#[test]
fn grades_move_the_price_by_their_adjustments() {
	build_and_execute(|| {
		price_program(Permill::one());
		attest(T1, Grade::Tier(TierGrade::A));
		attest(T1, Grade::Green(GreenGrade::DeepGreen));
		attest(T2, Grade::Tier(TierGrade::D));
		attest(T2, Grade::Green(GreenGrade::Red));
		let (_, green) = note_of(T1, 1_000_000);
		let (_, red) = note_of(T2, 1_000_000);
		let (t1, t2) = (cny(T1), cny(T2));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), green, PROGRAM, FACTORING));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T2), red, PROGRAM, FACTORING));
		// 3.65 % − 1 % − 0.5 % = 2.15 % for 90 days: 1,000,000 × 21,500 × 90 / 360,000,000 = 5,375.
		assert_eq!(cny(T1), t1 + 994_625);
		// 3.65 % + 2 % + 1 % = 6.65 %: 16,625.
		assert_eq!(cny(T2), t2 + 983_375);
		// The difference is the adjustments' 4.5 % for 90 days: 11,250.
		assert_eq!(16_625 - 5_375, 1_000_000u64 * 45_000 * 90 / 360_000_000);
		let f = Financings::<Test>::get(0).unwrap();
		assert_eq!((f.annual_rate, f.interest), (Permill::from_parts(21_500), 5_375));
		System::assert_has_event(
			Event::<Test>::Financed {
				financing: 1,
				kind: FACTORING,
				recourse: false,
				financier: BANK,
				seller: T2,
				obligor: CORE,
				note: red,
				receivable: 1,
				asset: CNY,
				amount: 1_000_000,
				price: 983_375,
				interest: 16_625,
				annual_rate: Permill::from_parts(66_500),
				maturity: MATURITY,
				program: Some(PROGRAM),
				terms: Terms {
					base_rate: rate(),
					tier: Some(AttestedTier { attestation: 2, grade: TierGrade::D }),
					tier_adjustment: 20_000,
					green: Some(AttestedGreen { attestation: 3, grade: GreenGrade::Red }),
					green_adjustment: 10_000,
					annual_rate: Permill::from_parts(66_500),
					advance_rate: Permill::one(),
					advance: 1_000_000,
					reserve: 0,
					interest: 16_625,
					disbursed: 983_375,
				},
			}
			.into(),
		);
	});
}

#[test]
fn a_rate_never_goes_below_zero_and_ungraded_sellers_pay_the_base() {
	build_and_execute(|| {
		assert_ok!(Financing::set_program_pricing(
			RuntimeOrigin::signed(BANK),
			PROGRAM,
			list(vec![(TierGrade::A, -1_000_000)]),
			list(vec![]),
			list(vec![]),
			Permill::one(),
		));
		attest(T1, Grade::Tier(TierGrade::A));
		let (_, free) = note_of(T1, 1_000_000);
		let (_, base) = note_of(T3, 1_000_000);
		let (t1, t3) = (cny(T1), cny(T3));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), free, PROGRAM, FACTORING));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T3), base, PROGRAM, FACTORING));
		assert_eq!(cny(T1), t1 + 1_000_000, "a rate clamped at zero charges nothing");
		assert_eq!(cny(T3), t3 + 990_875, "no attestation: the base rate");
	});
}

#[test]
fn an_expired_or_revoked_grade_counts_as_none() {
	build_and_execute(|| {
		price_program(Permill::one());
		assert_ok!(Enterprises::grant_role(RuntimeOrigin::root(), RATER, Office::Attestor));
		assert_ok!(Enterprises::attest(
			RuntimeOrigin::signed(RATER),
			T1,
			Grade::Tier(TierGrade::A),
			START + DAY
		));
		assert_ok!(Enterprises::attest(
			RuntimeOrigin::signed(RATER),
			T2,
			Grade::Tier(TierGrade::A),
			MATURITY
		));
		let (_, a) = note_of(T1, 1_000_000);
		let (_, b) = note_of(T2, 1_000_000);
		set_time(START + DAY); // T1's attestation has expired; 89 days to maturity.
		assert_ok!(Enterprises::revoke_role(RuntimeOrigin::root(), RATER, Office::Attestor));
		let (t1, t2) = (cny(T1), cny(T2));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), a, PROGRAM, FACTORING));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T2), b, PROGRAM, FACTORING));
		// Both at the base rate for 89 days: 1,000,000 × 36,500 × 89 / 360,000,000 = 9,023.6… → 9,024.
		assert_eq!((cny(T1) - t1, cny(T2) - t2), (990_976, 990_976));
		assert_eq!(Financings::<Test>::get(1).unwrap().annual_rate, rate());
	});
}

#[test]
fn a_tier_limit_bounds_what_one_seller_draws_and_recovers_with_repayment() {
	build_and_execute(|| {
		price_program(Permill::one());
		attest(T2, Grade::Tier(TierGrade::D));
		let (r1, first) = note_of(T2, 1_000_000);
		let later = note_maturing(T2, 1_000_000, MATURITY + 30 * DAY);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T2), first, PROGRAM, FACTORING));
		// 3.65 % + 2 % for 90 days: 14,125 of interest, 985,875 drawn.
		assert_eq!(Drawn::<Test>::get(PROGRAM, T2), 985_875);
		// A second advance of ~980,000 would take T2 over D's 1,500,000.
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T2), later, PROGRAM, FACTORING),
			Error::<Test>::TierLimitExceeded
		);
		// An unattested seller counts as D.
		let (_, t3a) = note_of(T3, 1_000_000);
		let (_, t3b) = note_of(T3, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T3), t3a, PROGRAM, PLEDGE));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(T3), t3b, PROGRAM, FACTORING),
			Error::<Test>::TierLimitExceeded
		);
		// A-tier T1 has no limit.
		attest(T1, Grade::Tier(TierGrade::A));
		for _ in 0..2 {
			let (_, n) = note_of(T1, 1_000_000);
			assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), n, PROGRAM, FACTORING));
		}
		// T2's first note is paid: its draw comes back, and the later note goes through.
		repay_and_mature(r1, CORE);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), first));
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		assert_eq!(Drawn::<Test>::get(PROGRAM, T2), 0);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T2), later, PROGRAM, FACTORING));
		assert_eq!(Drawn::<Test>::get(PROGRAM, T2), Financings::<Test>::get(4).unwrap().disbursed);
	});
}

#[test]
fn a_factoring_advances_its_rate_and_pays_the_reserve_as_the_note_is_paid() {
	build_and_execute(|| {
		price_program(Permill::from_percent(80));
		let (r, note) = note_of(T1, 1_000_000);
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
		// 800,000 advanced; interest 1,000,000 × 80 % × 3.65 % × 90/360 = 7,300.
		assert_eq!(cny(T1), t1 + 792_700);
		assert_eq!(Reserves::<Test>::get(0).map(|r| (r.total, r.paid)), Some((200_000, 0)));
		assert_eq!(Programs::<Test>::get(PROGRAM).unwrap().outstanding, 792_700);

		// The core pays 700,000 at maturity: the factor gets 560,000 of the share, the seller
		// the reserve's part, 140,000.
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 700_000));
		set_time(MATURITY);
		idle_blocks(1);
		assert_eq!(cny(T1), t1 + 792_700 + 140_000);
		assert_eq!(cny(BANK), bank - 792_700 + 560_000);
		System::assert_has_event(
			pallet_receivables::Event::<Test>::PartPaid {
				note,
				receivable: r,
				holder: BANK,
				amount: 560_000,
				to_pledgee: None,
				to_seller: Some((T1, 140_000)),
				left: 300_000,
			}
			.into(),
		);
		// The rest: 60,000 of reserve, 240,000 to the factor; the reserve is paid once, in full.
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		idle_blocks(1);
		assert_eq!(cny(T1), t1 + 792_700 + 200_000);
		assert_eq!(cny(BANK), bank - 792_700 + 800_000);
		assert!(Reserves::<Test>::get(0).is_none());
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::Redeemed);
		assert_eq!(Notes::<Test>::get(note).unwrap().state, NoteState::Redeemed);
	});
}

#[test]
fn a_pledge_lends_its_advance_rate() {
	build_and_execute(|| {
		price_program(Permill::from_percent(80));
		let (r, note) = note_of(T1, 1_000_000);
		let t1 = cny(T1);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, PLEDGE));
		assert_eq!(cny(T1), t1 + 792_700);
		assert!(
			Reserves::<Test>::get(0).is_none(),
			"a pledge keeps no reserve: the note stays the borrower's"
		);
		repay_and_mature(r, CORE);
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), note));
		// The lender is paid the loan, 792,700 + 90 days at 3.65 % (7,233.4 → 7,234); the
		// borrower the rest.
		assert_eq!(cny(BANK), bank + 799_934);
		assert_eq!(cny(T1), t1 + 200_066);
	});
}

#[test]
fn a_factor_selling_on_pays_the_reserve_left_and_may_not_pledge_while_it_owes_it() {
	build_and_execute(|| {
		price_program(Permill::from_percent(80));
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(OTHER_BANK),
			CORE,
			CNY,
			rate(),
			10_000_000,
			MATURITY
		));
		let other = PROGRAM + 1;
		let (_, note) = note_of(T1, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, FACTORING));
		assert_noop!(
			Financing::finance(RuntimeOrigin::signed(BANK), note, other, PLEDGE),
			Error::<Test>::ReserveOwed
		);
		let t1 = cny(T1);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(BANK), note, other, FACTORING));
		assert_eq!(cny(T1), t1 + 200_000, "the first factor paid the reserve when it sold on");
		System::assert_has_event(
			Event::<Test>::ReservePaid { financing: 0, amount: 200_000 }.into(),
		);
		assert!(Reserves::<Test>::get(0).is_none());
		assert_eq!(Financings::<Test>::get(0).unwrap().status, FinancingStatus::SoldOn);
		assert_eq!(Drawn::<Test>::get(PROGRAM, T1), 0);
	});
}

#[test]
fn recourse_ends_the_reserve() {
	build_and_execute(|| {
		price_program(Permill::from_percent(80));
		let (r, note) = note_of(T1, 1_000_000);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T1), note, PROGRAM, RECOURSE));
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		assert_ok!(Financing::exercise_recourse(RuntimeOrigin::signed(BANK), 0));
		assert!(
			Reserves::<Test>::get(0).is_none(),
			"the seller has the note back: no reserve is owed"
		);
		assert_eq!(Notes::<Test>::get(note).unwrap().holder, T1);
	});
}

#[test]
fn the_program_quote_shows_the_terms_the_limit_and_the_refusal() {
	build_and_execute(|| {
		price_program(Permill::from_percent(80));
		attest(T2, Grade::Tier(TierGrade::D));
		let (_, first) = note_of(T2, 1_000_000);
		let (_, second) = note_of(T2, 1_000_000);
		let q = Financing::program_quote(first, PROGRAM, FACTORING).unwrap();
		assert_eq!(q.seller, T2);
		assert_eq!(q.terms.annual_rate, Permill::from_parts(56_500));
		assert_eq!(q.terms.tier, Some(AttestedTier { attestation: 0, grade: TierGrade::D }));
		assert_eq!((q.terms.advance.0, q.terms.reserve.0), (800_000, 200_000));
		assert_eq!(q.limit.map(|l| l.0), Some(1_500_000));
		assert_eq!((q.drawn.0, q.refusal.clone()), (0, None));
		// What finance pays is what the quote said.
		let t2 = cny(T2);
		assert_ok!(Financing::finance(RuntimeOrigin::signed(T2), first, PROGRAM, FACTORING));
		assert_eq!(cny(T2) - t2, q.terms.disbursed.0);
		let q = Financing::program_quote(second, PROGRAM, FACTORING).unwrap();
		assert_eq!(q.drawn.0, cny(T2) - t2);
		assert_eq!(q.refusal.as_deref(), Some("TierLimitExceeded"));
		let q = Financing::program_quote(second, PROGRAM, PLEDGE).unwrap();
		assert_eq!(q.terms.reserve.0, 0);
		assert!(Financing::program_quote(999, PROGRAM, PLEDGE).is_none());
		assert!(Financing::program_quote(second, 9, PLEDGE).is_none());
	});
}
