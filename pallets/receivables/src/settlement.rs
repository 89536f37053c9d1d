//! Settlement: the issuer repays into escrow, holders redeem from it, unpaid receivables go
//! overdue.
//!
//! The escrow never loses a unit to dust or account reaping, whatever the asset's minimum
//! balance: `repay` pays the asset's minimum balance into the escrow on top of what it owes (the
//! reserve), every payout leaves the escrow alive (`Preservation::Preserve`), and the payout
//! that settles the receivable returns everything left — the reserve and any money others sent
//! to the escrow — to the issuer, emptying the escrow exactly.

use crate::{pallet::*, NoteId, NoteState, ReceivableId, ReceivableStatus};
use cascade_primitives::{CreditLines, RedeemHook};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	ArithmeticError,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_repay(who: T::AccountId, id: ReceivableId) -> DispatchResult {
		let mut receivable = Self::receivable_of(id)?;
		ensure!(receivable.issuer == who, Error::<T>::NotIssuer);
		ensure!(
			matches!(receivable.status, ReceivableStatus::Active | ReceivableStatus::Overdue),
			Error::<T>::NotRepayable
		);
		// Nothing is paid out before repayment, so everything outstanding is the face.
		let amount =
			receivable.face.checked_sub(&receivable.paid_out).ok_or(ArithmeticError::Underflow)?;
		let reserve = T::Assets::minimum_balance(receivable.asset);
		let escrow = Self::escrow_account(id);
		let total = amount.checked_add(&reserve).ok_or(ArithmeticError::Overflow)?;
		T::Assets::transfer(receivable.asset, &who, &escrow, total, Preservation::Expendable)?;
		T::CreditLines::release(receivable.credit_line, receivable.face)?;
		receivable.status = ReceivableStatus::Repaid;
		receivable.repaid = amount;
		receivable.repaid_at = Some(Self::now());
		Receivables::<T>::insert(id, receivable);
		Self::deposit_event(Event::Repaid { receivable: id, amount, reserve, escrow });
		Ok(())
	}

	pub(crate) fn do_redeem(id: NoteId) -> DispatchResult {
		let mut note = Self::note_of(id)?;
		let pledge = match note.state {
			NoteState::Redeemed => return Err(Error::<T>::AlreadyRedeemed.into()),
			NoteState::Consumed => return Err(Error::<T>::NoteConsumed.into()),
			NoteState::Frozen => return Err(Error::<T>::NoteFrozen.into()),
			NoteState::Pledged { financing } => Some(financing),
			NoteState::Active | NoteState::Pending { .. } => None,
		};
		let mut receivable = Self::receivable_of(note.receivable)?;
		ensure!(receivable.status == ReceivableStatus::Repaid, Error::<T>::NotRepaid);
		ensure!(Self::now() >= receivable.maturity, Error::<T>::NotMatured);

		let escrow = Self::escrow_account(note.receivable);
		// Paid on time, a pledge's interest stops at maturity; paid late, when the money came.
		let interest_until = receivable.maturity.max(receivable.repaid_at.unwrap_or_default());
		let mut to_holder = note.amount;
		let mut to_pledgee = None;
		if let Some((pledgee, owed)) =
			T::RedeemHook::on_redeem(id, &note.holder, pledge, note.amount, interest_until)?
		{
			let owed = owed.min(note.amount);
			Self::pay_out(receivable.asset, &escrow, &pledgee, owed)?;
			to_holder = note.amount - owed;
			to_pledgee = Some((pledgee, owed));
		}
		Self::pay_out(receivable.asset, &escrow, &note.holder, to_holder)?;

		receivable.paid_out =
			receivable.paid_out.checked_add(&note.amount).ok_or(ArithmeticError::Overflow)?;
		let settled = receivable.paid_out == receivable.face;
		if settled {
			receivable.status = ReceivableStatus::Settled;
			Self::return_escrow(receivable.asset, &escrow, &receivable.issuer)?;
		}
		let receivable_id = note.receivable;
		let holder = note.holder.clone();
		Self::retire_note(id, &mut note, NoteState::Redeemed);
		Notes::<T>::insert(id, note);
		Receivables::<T>::insert(receivable_id, receivable);
		Self::deposit_event(Event::Redeemed {
			note: id,
			receivable: receivable_id,
			holder,
			amount: to_holder,
			to_pledgee,
		});
		if settled {
			Self::deposit_event(Event::Settled { receivable: receivable_id });
		}
		Ok(())
	}

	/// Pay `amount` out of `escrow`, leaving the escrow alive.
	fn pay_out(
		asset: T::AssetId,
		escrow: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Assets::transfer(asset, escrow, to, amount, Preservation::Preserve).map(|_| ())
	}

	/// Everything left in `escrow` (the reserve, and money others sent to it) goes to `issuer`;
	/// the escrow ends empty, with nothing burnt as dust.
	pub(crate) fn return_escrow(
		asset: T::AssetId,
		escrow: &T::AccountId,
		issuer: &T::AccountId,
	) -> DispatchResult {
		let left = T::Assets::balance(asset, escrow);
		if left.is_zero() {
			return Ok(());
		}
		T::Assets::transfer(asset, escrow, issuer, left, Preservation::Expendable)?;
		Self::deposit_event(Event::EscrowReturned {
			escrow: escrow.clone(),
			to: issuer.clone(),
			amount: left,
		});
		Ok(())
	}

	pub(crate) fn do_mark_overdue(id: ReceivableId) -> DispatchResult {
		let mut receivable = Self::receivable_of(id)?;
		ensure!(receivable.status == ReceivableStatus::Active, Error::<T>::NotActiveReceivable);
		let due = receivable
			.maturity
			.checked_add(Params::<T>::get().grace_period)
			.ok_or(ArithmeticError::Overflow)?;
		ensure!(Self::now() >= due, Error::<T>::NotOverdueYet);
		receivable.status = ReceivableStatus::Overdue;
		Receivables::<T>::insert(id, receivable);
		Self::deposit_event(Event::MarkedOverdue { receivable: id });
		Ok(())
	}
}
