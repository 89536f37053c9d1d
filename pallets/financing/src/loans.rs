//! Pledge loans — repayment before or after maturity, the lender's call once the receivable is
//! overdue, payment from the note's payouts — and closing financings when their notes are paid
//! (the receivables pallet's [`RedeemHook`]).
//!
//! Interest on a pledge loan runs, actual/360, in whole days from the day it was advanced (at
//! least one day), rounded up once over the loan's life ([`Accrual`]), to:
//! - the day the borrower repays it (`repay_loan`), but no further than the day the note's
//!   money became available (`max(maturity, funded_at)`) once the issuer has paid in full;
//! - `max(maturity, paid in)` when the note is paid: paid on time, interest stops at maturity;
//!   paid late, at the day the issuer paid the money in;
//! - the day the lender calls the loan: the debt becomes a fixed claim, and the note stays
//!   pledged as security.
//!
//! A note's payouts (its pro-rata shares when the issuer pays in parts) go to the lender first,
//! up to what the loan owes. A share that does not cover the loan pays it down — interest
//! first, then principal — and interest then runs on the principal left ([`LoanBalance`]); the
//! payout that covers it closes the loan and releases the note to its borrower, who receives
//! the rest of that share and every later one. If the note is paid in full before the loan
//! is covered, the lender keeps what it received (a called loan's rest stays owed as a claim).

use crate::{
	pallet::*, Accrual, Claim, FinancingId, FinancingKind, FinancingOf, FinancingStatus,
	LoanBalance, NoteId,
};
use cascade_primitives::{pricing, Moment, NoteLedger, Payout, RedeemHook, MILLIS_PER_DAY};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Mutate, tokens::Preservation, Time},
};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
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

	/// What the open pledge `id` owes at `until`: its balance with interest charged through the
	/// whole day that holds `until` (counted from the loan's start; at least its first day), and
	/// the interest charged in all. Interest is rounded up once, over `Σ principal × days` from
	/// the start ([`Accrual`]): paying in parts never costs a day, nor a minor unit, more than
	/// paying the same money at the same days at once.
	pub fn loan_balance(
		id: FinancingId,
		f: &FinancingOf<T>,
		until: Moment,
	) -> Result<(LoanBalance<BalanceOf<T>>, Accrual<BalanceOf<T>>), DispatchError> {
		let stored = LoanBalances::<T>::get(id);
		let fresh = stored.is_none();
		let (mut balance, mut accrual) = match stored {
			Some(balance) => (balance, LoanAccruals::<T>::get(id).unwrap_or_default()),
			None => (
				LoanBalance {
					principal: f.disbursed,
					interest: Zero::zero(),
					accrued_to: f.started_at,
				},
				Accrual::default(),
			),
		};
		let mut days = pricing::days_to_maturity(balance.accrued_to, until);
		if fresh {
			days = days.max(1);
		}
		if days > 0 {
			let principal: u128 = balance.principal.into();
			let more = principal.checked_mul(days as u128).ok_or(ArithmeticError::Overflow)?;
			accrual.principal_days =
				accrual.principal_days.checked_add(more).ok_or(ArithmeticError::Overflow)?;
			let total = pricing::interest(accrual.principal_days, f.annual_rate, 1)
				.ok_or(ArithmeticError::Overflow)?;
			let total = BalanceOf::<T>::try_from(total).map_err(|_| Error::<T>::Overflow)?;
			let more = total.saturating_sub(accrual.charged);
			balance.interest =
				balance.interest.checked_add(&more).ok_or(ArithmeticError::Overflow)?;
			accrual.charged = accrual.charged.max(total);
			let span = days.checked_mul(MILLIS_PER_DAY).ok_or(ArithmeticError::Overflow)?;
			balance.accrued_to =
				balance.accrued_to.checked_add(span).ok_or(ArithmeticError::Overflow)?;
		}
		Ok((balance, accrual))
	}

	/// The open pledge `id` no longer carries a balance (repaid, called or closed).
	fn forget_balance(id: FinancingId) {
		LoanBalances::<T>::remove(id);
		LoanAccruals::<T>::remove(id);
	}

	/// What the open pledge `id` owes in all at `until`.
	fn loan_owed(
		id: FinancingId,
		f: &FinancingOf<T>,
		until: Moment,
	) -> Result<BalanceOf<T>, DispatchError> {
		Self::loan_balance(id, f, until)?.0.total().ok_or_else(|| ArithmeticError::Overflow.into())
	}

	/// The open pledge `id`, checked to be one.
	fn open_pledge(id: FinancingId) -> Result<FinancingOf<T>, DispatchError> {
		let f = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(f.kind == FinancingKind::Pledge, Error::<T>::NotPledge);
		Ok(f)
	}

	/// What `repay_loan` of the open pledge `id` would debit now: principal plus interest to
	/// today, but no further than the day the note's money became available once the issuer
	/// has paid in full (`max(maturity, funded_at)`).
	fn repayment_now(
		id: FinancingId,
		f: &FinancingOf<T>,
	) -> Result<(BalanceOf<T>, crate::finance::ViewOf<T>), DispatchError> {
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		let now = T::Time::now();
		// Once the escrow is funded the lender's money is there from `max(maturity, funded)`.
		let until = match view.funded_at {
			Some(funded) => now.min(f.maturity.max(funded)),
			None => now,
		};
		Ok((Self::loan_owed(id, f, until)?, view))
	}

	/// What `repay_loan(id)` would debit its borrower now, if `id` is an open pledge loan (for
	/// the runtime API: a borrower sees the amount before signing).
	pub fn repayment_due(id: FinancingId) -> Option<BalanceOf<T>> {
		let f = Self::open_pledge(id).ok().filter(|f| f.status == FinancingStatus::Open)?;
		Self::repayment_now(id, &f).ok().map(|(owed, _)| owed)
	}

	pub(crate) fn do_repay_loan(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let mut f = Self::open_pledge(id)?;
		ensure!(f.seller == who, Error::<T>::NotBorrower);
		ensure!(f.status == FinancingStatus::Open, Error::<T>::NotOpen);
		let (paid, view) = Self::repayment_now(id, &f)?;

		T::Assets::transfer(view.asset, &who, &f.financier, paid, Preservation::Expendable)?;
		T::Notes::release_pledge(f.note)?;
		Self::forget_balance(id);
		f.status = FinancingStatus::LoanRepaid;
		Self::recover_budget(&f);
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
		let owed = Self::loan_owed(id, &f, T::Time::now())?;

		Self::forget_balance(id);
		Self::open_claim(
			id,
			Claim { debtor: f.seller.clone(), creditor: who.clone(), amount: owed },
		);
		f.status = FinancingStatus::Called;
		let borrower = f.seller.clone();
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::LoanCalled { financing: id, borrower, owed });
		Ok(())
	}

	/// The pledge `id` of `note` is paid `share` (`last`: the note is paid in full): what goes
	/// to the lender, and whether the loan is paid off so the note goes back to its borrower.
	fn pay_pledge(
		id: FinancingId,
		note: NoteId,
		share: BalanceOf<T>,
		last: bool,
		interest_until: Moment,
	) -> Result<Payout<T::AccountId, BalanceOf<T>>, DispatchError> {
		let Some(mut f) = Financings::<T>::get(id) else { return Ok(Payout::default()) };
		if f.note != note {
			return Ok(Payout::default());
		}
		let (to_lender, paid_off) = match f.status {
			FinancingStatus::Open if f.kind == FinancingKind::Pledge => {
				let (mut balance, accrual) = Self::loan_balance(id, &f, interest_until)?;
				let owed = balance.total().ok_or(ArithmeticError::Overflow)?;
				let to_lender = owed.min(share);
				balance.apply(to_lender);
				let paid_off = to_lender == owed;
				if paid_off || last {
					// Covered, or the note is paid in full: the lender keeps what it got.
					Self::forget_balance(id);
					f.status = FinancingStatus::Redeemed;
					Self::recover_budget(&f);
				} else {
					LoanBalances::<T>::insert(id, balance);
					LoanAccruals::<T>::insert(id, accrual);
					let owed = owed - to_lender;
					Self::deposit_event(Event::LoanPaidDown {
						financing: id,
						paid: to_lender,
						owed,
					});
				}
				(to_lender, paid_off)
			}
			// A called loan, or recourse the seller could not pay: the claim is paid first.
			FinancingStatus::Called => {
				let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::NoClaim)?;
				let paid = claim.amount.min(share);
				claim.amount -= paid;
				let paid_off = claim.amount.is_zero();
				if paid_off {
					Self::close_claim(id, &claim);
					f.status = match f.kind {
						FinancingKind::Pledge => FinancingStatus::Redeemed,
						FinancingKind::Factoring { .. } => FinancingStatus::RecourseSettled,
					};
					Self::recover_budget(&f);
				} else {
					let owed = claim.amount;
					Claims::<T>::insert(id, claim);
					if last {
						// The note's money did not cover the debt: the rest stays owed.
						f.status = FinancingStatus::Claimed;
					} else {
						Self::deposit_event(Event::LoanPaidDown { financing: id, paid, owed });
					}
				}
				(paid, paid_off)
			}
			_ => return Ok(Payout::default()),
		};
		let lender = f.financier.clone();
		let closed = f.status != FinancingStatus::Open && f.status != FinancingStatus::Called;
		Financings::<T>::insert(id, f);
		if closed {
			Self::deposit_event(Event::FinancingRedeemed {
				financing: id,
				to_financier: to_lender,
			});
		}
		Ok(Payout { to_pledgee: Some((lender, to_lender)), release: paid_off, to_seller: None })
	}

	/// The open factoring of `note` ends with its redemption: the advance came back.
	fn redeem_factoring(note: NoteId) {
		let Some(id) = FactoringOfNote::<T>::take(note) else { return };
		let Some(mut f) = Financings::<T>::get(id) else { return };
		if f.status != FinancingStatus::Open {
			return;
		}
		f.status = FinancingStatus::Redeemed;
		Self::recover_budget(&f);
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::FinancingRedeemed { financing: id, to_financier: Zero::zero() });
	}
}

impl<T: Config> RedeemHook<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn on_payout(
		note: NoteId,
		holder: &T::AccountId,
		pledge: Option<FinancingId>,
		share: BalanceOf<T>,
		last: bool,
		interest_until: Moment,
	) -> Result<Payout<T::AccountId, BalanceOf<T>>, DispatchError> {
		// A factoring with a reserve pays its seller the reserve's part of each payout to the
		// factor (never beside a pledge: a factor owing a reserve may not pledge the note).
		let reserve = match (pledge, FactoringOfNote::<T>::get(note)) {
			(None, Some(id)) => match Financings::<T>::get(id) {
				Some(f) if f.status == FinancingStatus::Open && &f.financier == holder => {
					let part = Self::reserve_share(id, f.amount, share, last)?;
					(!part.is_zero()).then(|| (f.seller, part))
				}
				_ => None,
			},
			_ => None,
		};
		// A factor's advance has come back once its note is paid in full (a factor that
		// pledged a note it bought: both financings end with the last payout).
		if last {
			Self::redeem_factoring(note);
		}
		let mut payout = match pledge {
			Some(id) => Self::pay_pledge(id, note, share, last, interest_until)?,
			None => Payout::default(),
		};
		payout.to_seller = reserve;
		Ok(payout)
	}
}
