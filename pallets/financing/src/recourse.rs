//! Recourse factoring and claims: when the receivable goes overdue, a recourse factor may make
//! the seller buy the note back. The seller owes the advance plus interest — for the part of
//! the note still unpaid: a note the issuer has paid part of (pro rata) was paid that part to
//! the factor, so the seller owes `advance × (amount − paid) / amount` (rounded up) plus its
//! interest. The seller pays what it can at once. Paid in full, the note goes back to the
//! seller. Otherwise the rest is a claim and the note stays the factor's security, exactly as a
//! called pledge loan's does (see `loans.rs`): it is the seller's again but pledged to the
//! financing (status `Called`), so it cannot move, and every payout on it (clearing, `settle`,
//! `redeem`) pays the factor first, up to the claim, then the seller. The note is released to
//! the seller only when the claim is paid in full — by its payouts or by `settle_claim`, in
//! one go or in parts. A seller who emptied its account before the receivable went overdue so
//! gets nothing of the late payment until the factor is paid.

use crate::{pallet::*, Claim, FinancingId, FinancingKind, FinancingStatus};
use cascade_primitives::{NoteLedger, NoteStanding};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Time,
	},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedSub, Zero},
	ArithmeticError, Rounding, TokenError,
};

impl<T: Config> Pallet<T> {
	/// What `who` can pay of `owed` in `asset` now without its account being reaped (so no
	/// dust is ever destroyed).
	fn payable(asset: T::AssetId, who: &T::AccountId, owed: BalanceOf<T>) -> BalanceOf<T> {
		T::Assets::reducible_balance(asset, who, Preservation::Preserve, Fortitude::Polite)
			.min(owed)
	}

	pub(crate) fn do_exercise_recourse(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let mut f = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(f.financier == who, Error::<T>::NotFinancingFinancier);
		ensure!(f.kind == FinancingKind::Factoring { recourse: true }, Error::<T>::NotRecourse);
		ensure!(f.status == FinancingStatus::Open, Error::<T>::NotOpen);
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		ensure!(view.overdue, Error::<T>::NotOverdue);
		ensure!(
			view.holder == who && view.standing == NoteStanding::Active,
			Error::<T>::NoteNotHeld
		);
		let unpaid = view.amount.checked_sub(&view.paid).ok_or(ArithmeticError::Underflow)?;
		let advance = multiply_by_rational_with_rounding(
			f.disbursed.into(),
			unpaid.into(),
			view.amount.into(),
			Rounding::Up,
		)
		.ok_or(ArithmeticError::Overflow)?;
		let advance = BalanceOf::<T>::try_from(advance).map_err(|_| Error::<T>::Overflow)?;
		let owed = Self::payoff(advance, f.annual_rate, f.started_at, T::Time::now())?;

		T::Notes::move_note(f.note, &f.seller)?;
		FactoringOfNote::<T>::remove(f.note);
		// The seller has its note back, and with it every later payout: no reserve is owed.
		Self::end_reserve(id, None)?;
		let paid = Self::payable(view.asset, &f.seller, owed);
		if !paid.is_zero() {
			T::Assets::transfer(view.asset, &f.seller, &who, paid, Preservation::Preserve)?;
		}
		let rest = owed - paid;
		if rest.is_zero() {
			f.status = FinancingStatus::RecourseSettled;
			Self::recover_budget(&f);
		} else {
			// The note stays the factor's security until the claim is paid.
			T::Notes::pledge(f.note, id)?;
			Self::open_claim(
				id,
				Claim { debtor: f.seller.clone(), creditor: who.clone(), amount: rest },
			);
			f.status = FinancingStatus::Called;
		}
		let seller = f.seller.clone();
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::RecourseExercised { financing: id, seller, owed, paid });
		Ok(())
	}

	pub(crate) fn do_settle_claim(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::NoClaim)?;
		ensure!(claim.debtor == who, Error::<T>::NotDebtor);
		let mut f = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		let paid = Self::payable(view.asset, &who, claim.amount);
		ensure!(!paid.is_zero(), TokenError::FundsUnavailable);
		T::Assets::transfer(view.asset, &who, &claim.creditor, paid, Preservation::Preserve)?;
		claim.amount -= paid;
		let remaining = claim.amount;
		if remaining.is_zero() {
			Self::close_claim(id, &claim);
			if f.status == FinancingStatus::Called {
				// The called loan is repaid: its security goes back to the borrower.
				T::Notes::release_pledge(f.note)?;
			}
			f.status = match f.kind {
				FinancingKind::Pledge => FinancingStatus::LoanRepaid,
				FinancingKind::Factoring { .. } => FinancingStatus::RecourseSettled,
			};
			Self::recover_budget(&f);
			Financings::<T>::insert(id, f);
		} else {
			Claims::<T>::insert(id, claim);
		}
		Self::deposit_event(Event::ClaimSettled { financing: id, paid, remaining });
		Ok(())
	}
}
