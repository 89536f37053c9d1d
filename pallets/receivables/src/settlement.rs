//! Settlement: the issuer repays into escrow, holders redeem from it, unpaid receivables go
//! overdue.

use crate::{pallet::*, NoteId, NoteState, ReceivableId, ReceivableStatus};
use cascade_primitives::{CreditLines, RedeemHook};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Mutate, tokens::Preservation},
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
		// Nothing is redeemed before repayment, so everything outstanding is the face.
		let amount =
			receivable.face.checked_sub(&receivable.redeemed).ok_or(ArithmeticError::Underflow)?;
		let escrow = Self::escrow_account(id);
		T::Assets::transfer(receivable.asset, &who, &escrow, amount, Preservation::Expendable)?;
		T::CreditLines::release(receivable.credit_line, receivable.face)?;
		receivable.status = ReceivableStatus::Repaid;
		receivable.repaid = amount;
		Receivables::<T>::insert(id, receivable);
		Self::deposit_event(Event::Repaid { receivable: id, amount, escrow });
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
		let mut to_holder = note.amount;
		let mut to_pledgee = None;
		if let Some((pledgee, owed)) =
			T::RedeemHook::on_redeem(id, &note.holder, pledge, note.amount)?
		{
			let owed = owed.min(note.amount);
			if !owed.is_zero() {
				T::Assets::transfer(
					receivable.asset,
					&escrow,
					&pledgee,
					owed,
					Preservation::Expendable,
				)?;
			}
			to_holder = note.amount - owed;
			to_pledgee = Some((pledgee, owed));
		}
		if !to_holder.is_zero() {
			T::Assets::transfer(
				receivable.asset,
				&escrow,
				&note.holder,
				to_holder,
				Preservation::Expendable,
			)?;
		}

		receivable.redeemed =
			receivable.redeemed.checked_add(&note.amount).ok_or(ArithmeticError::Overflow)?;
		let settled = receivable.redeemed == receivable.face;
		if settled {
			receivable.status = ReceivableStatus::Settled;
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
