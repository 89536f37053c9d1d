//! Pledge loans — repayment before or after maturity, the lender's call once the receivable is
//! overdue, payoff at redemption — and closing financings when their notes are redeemed (the
//! receivables pallet's [`RedeemHook`]).
//!
//! Interest on a pledge loan runs, actual/360 and rounded up, from the day it was advanced to:
//! - the day the borrower repays it (`repay_loan`), but no further than the day the note's
//!   money became available (`max(maturity, funded_at)`) once the issuer has funded the escrow;
//! - `max(maturity, funded_at)` when the note is redeemed: paid on time, interest stops at
//!   maturity; paid late, at the day the issuer funded the escrow;
//! - the day the lender calls the loan: the debt becomes a fixed claim, and the note stays
//!   pledged as security. Redemption then pays the lender first up to the claim and the borrower
//!   the rest; if the note's money does not cover the claim, the rest stays owed (`Claimed`).

use crate::{pallet::*, Claim, FinancingId, FinancingKind, FinancingOf, FinancingStatus, NoteId};
use cascade_primitives::{pricing, Moment, NoteLedger, RedeemHook};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Mutate, tokens::Preservation, Time},
};
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	ArithmeticError,
};

/// Who is paid first out of a note's money, and how much.
type Payee<T> = (<T as frame_system::Config>::AccountId, BalanceOf<T>);

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

	/// The open pledge `id`, checked to be one.
	fn open_pledge(id: FinancingId) -> Result<FinancingOf<T>, DispatchError> {
		let f = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(f.kind == FinancingKind::Pledge, Error::<T>::NotPledge);
		Ok(f)
	}

	pub(crate) fn do_repay_loan(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let mut f = Self::open_pledge(id)?;
		ensure!(f.seller == who, Error::<T>::NotBorrower);
		ensure!(f.status == FinancingStatus::Open, Error::<T>::NotOpen);
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		let now = T::Time::now();
		// Once the escrow is funded the lender's money is there from `max(maturity, funded)`.
		let until = match view.funded_at {
			Some(funded) => now.min(f.maturity.max(funded)),
			None => now,
		};
		let paid = Self::payoff(f.disbursed, f.annual_rate, f.started_at, until)?;

		T::Assets::transfer(view.asset, &who, &f.financier, paid, Preservation::Expendable)?;
		T::Notes::release_pledge(f.note)?;
		f.status = FinancingStatus::LoanRepaid;
		Self::recover_budget(f.program, f.disbursed);
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::LoanRepaid { financing: id, paid });
		Ok(())
	}

	pub(crate) fn do_call_loan(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let mut f = Self::open_pledge(id)?;
		ensure!(f.financier == who, Error::<T>::NotFinancingFinancier);
		ensure!(f.status == FinancingStatus::Open, Error::<T>::NotOpen);
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		ensure!(view.overdue, Error::<T>::NotOverdue);
		let owed = Self::payoff(f.disbursed, f.annual_rate, f.started_at, T::Time::now())?;

		Claims::<T>::insert(
			id,
			Claim { debtor: f.seller.clone(), creditor: who.clone(), amount: owed },
		);
		f.status = FinancingStatus::Called;
		let borrower = f.seller.clone();
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::LoanCalled { financing: id, borrower, owed });
		Ok(())
	}

	/// The pledge `id` of `note` is redeemed for `amount`: what goes to the lender.
	fn redeem_pledge(
		id: FinancingId,
		note: NoteId,
		amount: BalanceOf<T>,
		interest_until: Moment,
	) -> Result<Option<Payee<T>>, DispatchError> {
		let Some(mut f) = Financings::<T>::get(id) else { return Ok(None) };
		if f.note != note || f.kind != FinancingKind::Pledge {
			return Ok(None);
		}
		let to_lender = match f.status {
			FinancingStatus::Open => {
				let owed = Self::payoff(f.disbursed, f.annual_rate, f.started_at, interest_until)?;
				f.status = FinancingStatus::Redeemed;
				Self::recover_budget(f.program, f.disbursed);
				owed.min(amount)
			}
			FinancingStatus::Called => {
				let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::NoClaim)?;
				let paid = claim.amount.min(amount);
				claim.amount -= paid;
				if claim.amount.is_zero() {
					Claims::<T>::remove(id);
					f.status = FinancingStatus::Redeemed;
					Self::recover_budget(f.program, f.disbursed);
				} else {
					// The note's money did not cover the debt: the rest stays owed.
					Claims::<T>::insert(id, claim);
					f.status = FinancingStatus::Claimed;
				}
				paid
			}
			_ => return Ok(None),
		};
		let lender = f.financier.clone();
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::FinancingRedeemed { financing: id, to_financier: to_lender });
		Ok(Some((lender, to_lender)))
	}

	/// The open factoring of `note` ends with its redemption: the advance came back.
	fn redeem_factoring(note: NoteId) {
		let Some(id) = FactoringOfNote::<T>::take(note) else { return };
		let Some(mut f) = Financings::<T>::get(id) else { return };
		if f.status != FinancingStatus::Open {
			return;
		}
		f.status = FinancingStatus::Redeemed;
		Self::recover_budget(f.program, f.disbursed);
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::FinancingRedeemed { financing: id, to_financier: Zero::zero() });
	}
}

impl<T: Config> RedeemHook<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn on_redeem(
		note: NoteId,
		_holder: &T::AccountId,
		pledge: Option<FinancingId>,
		amount: BalanceOf<T>,
		interest_until: Moment,
	) -> Result<Option<(T::AccountId, BalanceOf<T>)>, DispatchError> {
		// A factor that pledged a note it bought: both financings end here.
		Self::redeem_factoring(note);
		match pledge {
			Some(id) => Self::redeem_pledge(id, note, amount, interest_until),
			None => Ok(None),
		}
	}
}
