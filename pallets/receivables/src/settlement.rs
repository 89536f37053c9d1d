//! Settlement: the issuer pays into escrow (whole or in parts), notes are paid their pro-rata
//! share out of it, unpaid receivables go overdue.
//!
//! A note's entitlement is `amount × repaid / face`, rounded down
//! ([`crate::Receivable::entitlement`]);
//! a payout pays it `entitlement − paid`. The units rounding holds back stay in escrow and are
//! carried to the next payment: once everything is repaid every entitlement is exactly the
//! note's amount, so every note ends paid exactly its amount and nothing is lost.
//!
//! The escrow never loses a unit to dust or account reaping, whatever the asset's minimum
//! balance: the first payment into it adds the asset's minimum balance (the reserve), every
//! payout leaves the escrow alive (`Preservation::Preserve`), and the payout that settles the
//! receivable returns everything left — the reserve and any money others sent to the escrow —
//! to the issuer, emptying the escrow exactly.

use crate::{pallet::*, NoteId, NoteState, ReceivableId, ReceivableStatus};
use cascade_primitives::{CreditLineDraws, RedeemHook};
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
	/// The issuer pays `amount` (everything outstanding if `None`) into the receivable's escrow.
	pub(crate) fn do_repay(
		who: T::AccountId,
		id: ReceivableId,
		amount: Option<BalanceOf<T>>,
	) -> DispatchResult {
		let mut receivable = Self::receivable_of(id)?;
		ensure!(receivable.issuer == who, Error::<T>::NotIssuer);
		ensure!(
			matches!(receivable.status, ReceivableStatus::Active | ReceivableStatus::Overdue),
			Error::<T>::NotRepayable
		);
		let outstanding = receivable.outstanding();
		let amount = amount.unwrap_or(outstanding);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= outstanding, Error::<T>::AboveOutstanding);
		// The first payment keeps the escrow alive with the asset's minimum balance.
		let reserve = if receivable.repaid.is_zero() {
			T::Assets::minimum_balance(receivable.asset)
		} else {
			Zero::zero()
		};
		let escrow = Self::escrow_account(id);
		let total = amount.checked_add(&reserve).ok_or(ArithmeticError::Overflow)?;
		T::Assets::transfer(receivable.asset, &who, &escrow, total, Preservation::Expendable)?;
		T::Lines::release(receivable.credit_line, amount)?;
		receivable.repaid =
			receivable.repaid.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		receivable.repaid_at = Some(Self::now());
		let outstanding = outstanding - amount;
		let cured = outstanding.is_zero() && receivable.status == ReceivableStatus::Overdue;
		if outstanding.is_zero() {
			receivable.status = ReceivableStatus::Repaid;
		}
		Self::owe_less(&who, &receivable.asset, id, amount, outstanding.is_zero());
		Self::schedule_clearing(id, receivable.maturity);
		Receivables::<T>::insert(id, receivable);
		if outstanding.is_zero() {
			Self::deposit_event(Event::Repaid { receivable: id, amount, reserve, escrow });
		} else {
			Self::deposit_event(Event::PartRepaid { receivable: id, amount, reserve, outstanding });
		}
		if cured {
			Self::overdue_repaid(&who);
		}
		Ok(())
	}

	pub(crate) fn do_redeem(id: NoteId) -> DispatchResult {
		let mut note = Self::note_of(id)?;
		match note.state {
			NoteState::Redeemed => return Err(Error::<T>::AlreadyRedeemed.into()),
			NoteState::Consumed => return Err(Error::<T>::NoteConsumed.into()),
			NoteState::Frozen => return Err(Error::<T>::NoteFrozen.into()),
			NoteState::Pledged { .. } | NoteState::Active | NoteState::Pending { .. } => {}
		}
		let mut receivable = Self::receivable_of(note.receivable)?;
		ensure!(!receivable.repaid.is_zero(), Error::<T>::NotRepaid);
		ensure!(Self::now() >= receivable.maturity, Error::<T>::NotMatured);
		let receivable_id = note.receivable;
		let paid = Self::pay_note(id, &mut note, &mut receivable)?;
		ensure!(paid, Error::<T>::NothingDue);
		Receivables::<T>::insert(receivable_id, receivable);
		Ok(())
	}

	/// Pay note `id` what it is owed from the money in escrow now: its entitlement less what it
	/// was paid. A pledged note pays its pledgee first (the financing decides how much); a
	/// pending note pays its sender (still its holder). A note paid in full is Redeemed; the
	/// payout that completes the receivable settles it: what is left in its escrow goes back
	/// to the issuer and its clearing ends. Writes the note (when it pays), not the
	/// receivable: the caller stores it once for all the notes it pays. Returns whether
	/// anything was paid. On an error `receivable` is unchanged (storage is the caller's
	/// transaction's or storage layer's to roll back).
	///
	/// The caller checks the note is live and unfrozen and the receivable matured.
	pub(crate) fn pay_note(
		id: NoteId,
		note: &mut NoteOf<T>,
		receivable: &mut ReceivableOf<T>,
	) -> Result<bool, DispatchError> {
		let entitled = receivable.entitlement(note.amount).ok_or(ArithmeticError::Overflow)?;
		let share = entitled.checked_sub(&note.paid).unwrap_or_else(Zero::zero);
		if share.is_zero() {
			return Ok(false);
		}
		let paid = note.paid.checked_add(&share).ok_or(ArithmeticError::Overflow)?;
		let paid_out = receivable.paid_out.checked_add(&share).ok_or(ArithmeticError::Overflow)?;
		let last = paid == note.amount;
		let pledge = match note.state {
			NoteState::Pledged { financing } => Some(financing),
			_ => None,
		};
		let escrow = Self::escrow_account(note.receivable);
		// Paid on time, a pledge's interest stops at maturity; paid late, when the money came.
		let interest_until = receivable.maturity.max(receivable.repaid_at.unwrap_or_default());
		let payout =
			T::RedeemHook::on_payout(id, &note.holder, pledge, share, last, interest_until)?;
		let mut to_holder = share;
		let to_pledgee = match payout.to_pledgee {
			Some((pledgee, owed)) => {
				let owed = owed.min(share);
				Self::pay_out(receivable.asset, &escrow, &pledgee, owed)?;
				to_holder = share - owed;
				Some((pledgee, owed))
			}
			None => None,
		};
		let to_seller = match payout.to_seller {
			Some((seller, part)) => {
				let part = part.min(to_holder);
				Self::pay_out(receivable.asset, &escrow, &seller, part)?;
				to_holder -= part;
				Some((seller, part))
			}
			None => None,
		};
		Self::pay_out(receivable.asset, &escrow, &note.holder, to_holder)?;

		// Everything that can fail is done before `receivable` changes: on an error the caller
		// has it as it was.
		let settles = paid_out == receivable.face;
		if settles {
			Self::return_escrow(receivable.asset, &escrow, &receivable.issuer)?;
		}
		note.paid = paid;
		receivable.paid_out = paid_out;
		let (receivable_id, holder) = (note.receivable, note.holder.clone());
		if last {
			Self::retire_note(id, note, NoteState::Redeemed);
			receivable.live_notes = receivable.live_notes.saturating_sub(1);
		} else if payout.release && pledge.is_some() {
			note.state = NoteState::Active;
			Self::deposit_event(Event::PledgeReleased { note: id });
		}
		Notes::<T>::insert(id, note.clone());
		if last {
			Self::deposit_event(Event::Redeemed {
				note: id,
				receivable: receivable_id,
				holder,
				amount: to_holder,
				to_pledgee,
				to_seller,
			});
		} else {
			Self::deposit_event(Event::PartPaid {
				note: id,
				receivable: receivable_id,
				holder,
				amount: to_holder,
				to_pledgee,
				to_seller,
				left: note.amount - paid,
			});
		}
		if settles {
			receivable.status = ReceivableStatus::Settled;
			DueQueue::<T>::remove(Self::due_key(receivable.maturity), receivable_id);
			Self::deposit_event(Event::Settled { receivable: receivable_id });
		}
		Ok(true)
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

	/// Money stranded in the escrow of receivable `id` goes to its issuer: in `asset` other
	/// than the receivable's at any time, in the receivable's own asset once it is settled or
	/// cancelled (its notes are owed nothing more).
	pub(crate) fn do_sweep_escrow(id: ReceivableId, asset: T::AssetId) -> DispatchResult {
		let receivable = Self::receivable_of(id)?;
		let closed =
			matches!(receivable.status, ReceivableStatus::Settled | ReceivableStatus::Cancelled);
		ensure!(closed || asset != receivable.asset, Error::<T>::EscrowInUse);
		let escrow = Self::escrow_account(id);
		ensure!(!T::Assets::balance(asset, &escrow).is_zero(), Error::<T>::NothingToSweep);
		Self::return_escrow(asset, &escrow, &receivable.issuer)
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
		let issuer = receivable.issuer.clone();
		Receivables::<T>::insert(id, receivable);
		Self::deposit_event(Event::MarkedOverdue { receivable: id });
		let overdue = OverdueOf::<T>::get(&issuer);
		OverdueOf::<T>::insert(&issuer, overdue.saturating_add(1));
		if overdue == 0 {
			Self::deposit_event(Event::IssuerInDefault { issuer });
		}
		Ok(())
	}

	/// One of `issuer`'s overdue receivables is repaid in full.
	fn overdue_repaid(issuer: &T::AccountId) {
		let left = OverdueOf::<T>::get(issuer).saturating_sub(1);
		if left == 0 {
			OverdueOf::<T>::remove(issuer);
			Self::deposit_event(Event::IssuerCured { issuer: issuer.clone() });
		} else {
			OverdueOf::<T>::insert(issuer, left);
		}
	}
}
