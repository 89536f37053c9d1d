//! Pricing by who the seller is: a program's rate adjustments per tier and green grade, its limit
//! per tier on what one seller may have drawn, and its advance rate (`set_program_pricing`); the
//! [`Terms`] of one financing; a factoring's reserve, paid to the seller out of the note's payouts.
//!
//! The seller's grades are the attestations in force when it finances (`Attestations`): an
//! expired or revoked one, or one whose attestor lost its office, counts as none — no
//! adjustment, and for the limits the worst tier (D): a bank gives an unrated firm no more room
//! than its lowest class.

use crate::{
	pallet::*, AttestedGreen, AttestedTier, FinancingId, GradeCount, ProgramId, ProgramPricing,
	Reserve, Terms, TierGrade,
};
use cascade_primitives::{pricing, AttestationKind, Attestations, Grade, GreenGrade, Moment};
use frame_support::{ensure, pallet_prelude::*, traits::Time, BoundedVec};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, Saturating, Zero},
	ArithmeticError, PerThing, Permill, Rounding,
};

/// The terms of a financing, in the runtime's balance.
pub type TermsOf<T> = Terms<BalanceOf<T>>;
/// A program's pricing, in the runtime's balance.
pub type PricingOf<T> = ProgramPricing<BalanceOf<T>>;

/// Whether a list names a grade twice.
fn repeats<G: PartialEq, V>(list: &[(G, V)]) -> bool {
	list.iter().enumerate().any(|(i, (g, _))| list[..i].iter().any(|(h, _)| h == g))
}

/// The value a list gives a grade, if any.
fn lookup<G: PartialEq + Copy, V: Copy>(list: &[(G, V)], grade: G) -> Option<V> {
	list.iter().find(|(g, _)| *g == grade).map(|(_, v)| *v)
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_program_pricing(
		who: T::AccountId,
		program: ProgramId,
		tier_adjustments: BoundedVec<(TierGrade, i32), GradeCount>,
		green_adjustments: BoundedVec<(GreenGrade, i32), GradeCount>,
		tier_limits: BoundedVec<(TierGrade, BalanceOf<T>), GradeCount>,
		advance_rate: Permill,
	) -> DispatchResult {
		let p = Programs::<T>::get(program).ok_or(Error::<T>::UnknownProgram)?;
		ensure!(p.financier == who, Error::<T>::NotProgramFinancier);
		ensure!(!p.closed, Error::<T>::ProgramClosed);
		ensure!(
			!repeats(&tier_adjustments) && !repeats(&green_adjustments) && !repeats(&tier_limits),
			Error::<T>::DuplicateGrade
		);
		ensure!(
			tier_adjustments
				.iter()
				.map(|(_, a)| a)
				.chain(green_adjustments.iter().map(|(_, a)| a))
				.all(|a| a.unsigned_abs() <= Permill::ACCURACY),
			Error::<T>::AdjustmentOutOfRange
		);
		ensure!(!advance_rate.is_zero(), Error::<T>::ZeroAdvance);
		let pricing =
			ProgramPricing { tier_adjustments, green_adjustments, tier_limits, advance_rate };
		ProgramPricings::<T>::insert(program, pricing.clone());
		Self::deposit_event(Event::ProgramPricingSet {
			program,
			tier_adjustments: pricing.tier_adjustments,
			green_adjustments: pricing.green_adjustments,
			tier_limits: pricing.tier_limits,
			advance_rate,
		});
		Ok(())
	}

	/// The terms of financing `amount` until `maturity` now, at `base_rate`, for `seller`
	/// under `pricing` (none: the base rate, everything advanced). A pledge has no reserve: what
	/// is not advanced stays the borrower's note.
	pub fn terms(
		base_rate: Permill,
		pricing: Option<&PricingOf<T>>,
		seller: &T::AccountId,
		amount: BalanceOf<T>,
		maturity: Moment,
		pledge: bool,
	) -> Result<TermsOf<T>, DispatchError> {
		let now = T::Time::now();
		let tier = T::Attestations::in_force(seller, AttestationKind::Tier, now).and_then(
			|(attestation, grade)| match grade {
				Grade::Tier(grade) => Some(AttestedTier { attestation, grade }),
				Grade::Green(_) => None,
			},
		);
		let green = T::Attestations::in_force(seller, AttestationKind::Green, now).and_then(
			|(attestation, grade)| match grade {
				Grade::Green(grade) => Some(AttestedGreen { attestation, grade }),
				Grade::Tier(_) => None,
			},
		);
		let (tier_adjustment, green_adjustment, advance_rate) = match pricing {
			Some(p) => (
				tier.and_then(|t| lookup(&p.tier_adjustments, t.grade)).unwrap_or(0),
				green.and_then(|g| lookup(&p.green_adjustments, g.grade)).unwrap_or(0),
				p.advance_rate,
			),
			None => (0, 0, Permill::one()),
		};
		let rate = (base_rate.deconstruct() as i64)
			.saturating_add(tier_adjustment as i64)
			.saturating_add(green_adjustment as i64)
			.clamp(0, Permill::ACCURACY as i64);
		let annual_rate = Permill::from_parts(rate as u32);
		let (advance, interest, disbursed) =
			pricing::advance_discount(amount.into(), advance_rate, annual_rate, now, maturity)
				.ok_or(ArithmeticError::Overflow)?;
		let balance = |v: u128| BalanceOf::<T>::try_from(v).map_err(|_| Error::<T>::Overflow);
		let advance = balance(advance)?;
		let reserve = if pledge { Zero::zero() } else { amount.saturating_sub(advance) };
		Ok(Terms {
			base_rate,
			tier,
			tier_adjustment,
			green,
			green_adjustment,
			annual_rate,
			advance_rate,
			advance,
			reserve,
			interest: balance(interest)?,
			disbursed: balance(disbursed)?,
		})
	}

	/// The limit `pricing` sets on what `tier` (none: D) may have drawn from the program.
	pub fn tier_limit(
		pricing: Option<&PricingOf<T>>,
		tier: Option<TierGrade>,
	) -> Option<BalanceOf<T>> {
		pricing.and_then(|p| lookup(&p.tier_limits, tier.unwrap_or(TierGrade::D)))
	}

	/// `seller` draws `amount` more from `program`, within `limit`.
	pub(crate) fn draw(
		program: ProgramId,
		seller: &T::AccountId,
		amount: BalanceOf<T>,
		limit: Option<BalanceOf<T>>,
	) -> DispatchResult {
		let drawn = Drawn::<T>::get(program, seller)
			.checked_add(&amount)
			.ok_or(ArithmeticError::Overflow)?;
		if let Some(limit) = limit {
			ensure!(drawn <= limit, Error::<T>::TierLimitExceeded);
		}
		if !drawn.is_zero() {
			Drawn::<T>::insert(program, seller, drawn);
		}
		Ok(())
	}

	/// `seller` repaid `amount` of what it drew from `program` (the money came back).
	pub(crate) fn undraw(program: ProgramId, seller: &T::AccountId, amount: BalanceOf<T>) {
		let left = Drawn::<T>::get(program, seller).saturating_sub(amount);
		if left.is_zero() {
			Drawn::<T>::remove(program, seller);
		} else {
			Drawn::<T>::insert(program, seller, left);
		}
	}

	/// What of a payout of `share` on a factored note goes to the seller as its reserve: the
	/// reserve's pro-rata part (`share × total / amount`, rounded up) and never more than is
	/// left of it — so by the last payout exactly the whole reserve is paid — or, at the last,
	/// what is left. Records it as paid (the payout pays it at once); the record goes once the
	/// reserve is paid in full.
	pub(crate) fn reserve_share(
		factoring: FinancingId,
		amount: BalanceOf<T>,
		share: BalanceOf<T>,
		last: bool,
	) -> Result<BalanceOf<T>, DispatchError> {
		let Some(mut reserve) = Reserves::<T>::get(factoring) else { return Ok(Zero::zero()) };
		let left = reserve.total.saturating_sub(reserve.paid);
		let pro_rata = multiply_by_rational_with_rounding(
			share.into(),
			reserve.total.into(),
			amount.into(),
			Rounding::Up,
		)
		.ok_or(ArithmeticError::Overflow)?;
		let pro_rata = BalanceOf::<T>::try_from(pro_rata).map_err(|_| Error::<T>::Overflow)?;
		let part = if last { left } else { pro_rata.min(left) }.min(share);
		reserve.paid = reserve.paid.saturating_add(part);
		if reserve.paid >= reserve.total {
			Reserves::<T>::remove(factoring);
		} else {
			Reserves::<T>::insert(factoring, reserve);
		}
		Ok(part)
	}

	/// A factoring whose note leaves its factor before it is paid (sold on, or back to the seller
	/// by recourse) ends its reserve: sold on, the factor pays the seller what is left of it
	/// now (it has just been paid for the note); taken back by the seller, nothing is owed (the
	/// seller gets the note's payouts itself).
	pub(crate) fn end_reserve(
		factoring: FinancingId,
		pay_from: Option<(&T::AccountId, &T::AccountId, T::AssetId)>,
	) -> DispatchResult {
		let Some(reserve) = Reserves::<T>::take(factoring) else { return Ok(()) };
		let left = reserve.total.saturating_sub(reserve.paid);
		if let Some((factor, seller, asset)) = pay_from {
			if !left.is_zero() {
				use frame_support::traits::{fungibles::Mutate, tokens::Preservation};
				T::Assets::transfer(asset, factor, seller, left, Preservation::Preserve)?;
				Self::deposit_event(Event::ReservePaid { financing: factoring, amount: left });
			}
		}
		Ok(())
	}

	/// Store a new factoring's reserve, if it has one.
	pub(crate) fn keep_reserve(factoring: FinancingId, reserve: BalanceOf<T>) {
		if !reserve.is_zero() {
			Reserves::<T>::insert(factoring, Reserve { total: reserve, paid: Zero::zero() });
		}
	}
}
