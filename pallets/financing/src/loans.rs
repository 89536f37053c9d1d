//! Pledge loans — repayment before maturity, payoff at redemption — and closing financings when
//! their notes are redeemed (the receivables pallet's [`RedeemHook`]).

use crate::{pallet::*, FinancingId, FinancingKind, FinancingStatus, Moment, NoteId};
use cascade_primitives::{pricing, NoteLedger, RedeemHook};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Mutate, tokens::Preservation, Time},
};
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	ArithmeticError,
};

impl<T: Config> Pallet<T> {
	/// What settles a loan of `principal` at `rate` started at `start`, at `until`: principal
	/// plus interest for the whole days elapsed (rounded up, at least one), actual/360.
	pub fn payoff(
		principal: BalanceOf<T>,
		rate: sp_runtime::Permill,
		start: Moment,
		until: Moment,
	) -> Result<BalanceOf<T>, DispatchError> {
		let days = pricing::days_to_maturity(start, until).max(1);
		let interest =
			pricing::interest(principal.into(), rate, days).ok_or(ArithmeticError::Overflow)?;
		let interest = BalanceOf::<T>::try_from(interest).map_err(|_| Error::<T>::Overflow)?;
		principal.checked_add(&interest).ok_or_else(|| ArithmeticError::Overflow.into())
	}

	pub(crate) fn do_repay_loan(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let mut f = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(f.kind == FinancingKind::Pledge, Error::<T>::NotPledge);
		ensure!(f.seller == who, Error::<T>::NotBorrower);
		ensure!(f.status == FinancingStatus::Open, Error::<T>::NotOpen);
		let now = T::Time::now();
		ensure!(now < f.maturity, Error::<T>::LoanMatured);
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		let paid = Self::payoff(f.disbursed, f.annual_rate, f.started_at, now)?;

		T::Assets::transfer(view.asset, &who, &f.financier, paid, Preservation::Expendable)?;
		T::Notes::release_pledge(f.note)?;
		FinancingOfNote::<T>::remove(f.note);
		f.status = FinancingStatus::LoanRepaid;
		Self::recover_budget(f.program, f.disbursed);
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::LoanRepaid { financing: id, paid });
		Ok(())
	}
}

impl<T: Config> RedeemHook<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn on_redeem(
		note: NoteId,
		_holder: &T::AccountId,
		pledge: Option<FinancingId>,
		amount: BalanceOf<T>,
	) -> Result<Option<(T::AccountId, BalanceOf<T>)>, DispatchError> {
		let Some(id) = pledge.or_else(|| FinancingOfNote::<T>::get(note)) else { return Ok(None) };
		let Some(mut f) = Financings::<T>::get(id) else { return Ok(None) };
		if f.status != FinancingStatus::Open || f.note != note {
			return Ok(None);
		}
		let to_financier = match f.kind {
			FinancingKind::Pledge => {
				// Interest runs to maturity: the money is there from then on.
				Self::payoff(f.disbursed, f.annual_rate, f.started_at, f.maturity)?.min(amount)
			}
			FinancingKind::Factoring { .. } => Zero::zero(),
		};
		FinancingOfNote::<T>::remove(note);
		f.status = FinancingStatus::Redeemed;
		Self::recover_budget(f.program, f.disbursed);
		let financier = f.financier.clone();
		let kind = f.kind;
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::FinancingRedeemed { financing: id, to_financier });
		Ok(match kind {
			FinancingKind::Pledge => Some((financier, to_financier)),
			FinancingKind::Factoring { .. } => None,
		})
	}
}
