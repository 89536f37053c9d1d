//! The note ledger's bookkeeping — storing notes with their indexes, the escrow account, who may
//! hold notes — and the [`NoteLedger`] view the financing pallet uses.

use crate::{pallet::*, NoteId, NoteState, ReceivableId, ReceivableStatus};
use cascade_primitives::{
	EnterpriseRegistry, FinancingId, NoteLedger, NoteStanding, NoteView, Role,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Inspect, Time},
};
use sp_runtime::{traits::AccountIdConversion, ArithmeticError};

impl<T: Config> Pallet<T> {
	/// The escrow account of a receivable: a sub-account of the pallet, so balances are
	/// auditable on chain.
	pub fn escrow_account(receivable: ReceivableId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(receivable)
	}

	/// Whether `who` may hold notes: an active Supplier or Financier.
	pub fn may_hold(who: &T::AccountId) -> bool {
		T::Enterprises::is_active_with(who, Role::Supplier)
			|| T::Enterprises::is_active_with(who, Role::Financier)
	}

	/// The smallest note in `asset`: the ledger's `min_note_amount`, and never below the
	/// asset's minimum balance, so a note can always be paid in full to a holder that holds
	/// none of the asset yet.
	pub fn min_note_in(asset: T::AssetId) -> BalanceOf<T> {
		Params::<T>::get().min_note_amount.max(T::Assets::minimum_balance(asset))
	}

	/// The smallest note of receivable `id` (see [`Self::min_note_in`]).
	pub(crate) fn min_note_of(id: ReceivableId) -> Result<BalanceOf<T>, DispatchError> {
		Ok(Self::min_note_in(Self::receivable_of(id)?.asset))
	}

	/// Reserve `count` consecutive note ids; returns the first.
	pub(crate) fn reserve_note_ids(count: u64) -> Result<NoteId, DispatchError> {
		let first = NextNoteId::<T>::get();
		let next = first.checked_add(count).ok_or(ArithmeticError::Overflow)?;
		NextNoteId::<T>::put(next);
		Ok(first)
	}

	/// Store a new note with its indexes.
	pub(crate) fn insert_note(id: NoteId, note: NoteOf<T>) {
		NotesByReceivable::<T>::insert(note.receivable, id, ());
		if note.is_live() {
			NotesByHolder::<T>::insert(&note.holder, id, ());
		}
		if let NoteState::Pending { to } = &note.state {
			Self::add_offer(to, &note.holder, id);
		}
		Notes::<T>::insert(id, note);
	}

	/// `id` is offered to `to` by `from`: index it and count it against `to`'s offers, in all
	/// and from `from`.
	pub(crate) fn add_offer(to: &T::AccountId, from: &T::AccountId, id: NoteId) {
		PendingTo::<T>::insert(to, id, ());
		OffersWaiting::<T>::mutate(to, |n| *n = n.saturating_add(1));
		OffersFrom::<T>::insert((to, from, id), ());
		OffersFromCount::<T>::mutate(to, from, |n| *n = n.saturating_add(1));
	}

	/// The offer of `id` to `to` by `from` is gone (accepted, rejected, revoked, frozen,
	/// redeemed). An offer made before the per-sender index existed and not indexed yet
	/// (`OffersBackfill`) counts against nothing per sender.
	pub(crate) fn remove_offer(to: &T::AccountId, from: &T::AccountId, id: NoteId) {
		if PendingTo::<T>::take(to, id).is_some() {
			OffersWaiting::<T>::mutate_exists(to, |n| {
				*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}
		if OffersFrom::<T>::take((to, from, id)).is_some() {
			OffersFromCount::<T>::mutate_exists(to, from, |n| {
				*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}
	}

	/// A note leaves the live set (Consumed or Redeemed): drop it from the holder indexes.
	pub(crate) fn retire_note(id: NoteId, note: &mut NoteOf<T>, state: NoteStateOf<T>) {
		NotesByHolder::<T>::remove(&note.holder, id);
		if let NoteState::Pending { to } = &note.state {
			Self::remove_offer(to, &note.holder, id);
		}
		note.state = state;
	}

	/// Hand a note to a new holder, Active.
	pub(crate) fn set_holder(id: NoteId, note: &mut NoteOf<T>, to: T::AccountId) {
		NotesByHolder::<T>::remove(&note.holder, id);
		NotesByHolder::<T>::insert(&to, id, ());
		note.holder = to;
	}

	/// The note, or [`Error::UnknownNote`].
	pub(crate) fn note_of(id: NoteId) -> Result<NoteOf<T>, DispatchError> {
		Notes::<T>::get(id).ok_or_else(|| Error::<T>::UnknownNote.into())
	}

	/// The receivable, or [`Error::UnknownReceivable`].
	pub(crate) fn receivable_of(id: ReceivableId) -> Result<ReceivableOf<T>, DispatchError> {
		Receivables::<T>::get(id).ok_or_else(|| Error::<T>::UnknownReceivable.into())
	}

	/// The chain's time now (ms).
	pub(crate) fn now() -> u64 {
		T::Time::now()
	}
}

impl<T: Config> NoteLedger<T::AccountId, T::AssetId, BalanceOf<T>> for Pallet<T> {
	fn note(id: NoteId) -> Option<NoteView<T::AccountId, T::AssetId, BalanceOf<T>>> {
		let note = Notes::<T>::get(id)?;
		let receivable = Receivables::<T>::get(note.receivable)?;
		let standing = match note.state {
			NoteState::Active => NoteStanding::Active,
			NoteState::Pending { .. } => NoteStanding::Pending,
			NoteState::Pledged { financing } => NoteStanding::Pledged(financing),
			NoteState::Frozen => NoteStanding::Frozen,
			NoteState::Consumed => NoteStanding::Consumed,
			NoteState::Redeemed => NoteStanding::Redeemed,
		};
		Some(NoteView {
			note: id,
			receivable: note.receivable,
			holder: note.holder,
			amount: note.amount,
			paid: note.paid,
			standing,
			obligor: receivable.issuer,
			asset: receivable.asset,
			maturity: receivable.maturity,
			financeable: receivable.status == ReceivableStatus::Active,
			overdue: receivable.status == ReceivableStatus::Overdue,
			funded_at: if receivable.repaid == receivable.face {
				receivable.repaid_at
			} else {
				None
			},
			needs_review: receivable.maturity.saturating_sub(receivable.issued_at)
				> SoftTenor::<T>::get(),
		})
	}

	fn move_note(id: NoteId, to: &T::AccountId) -> DispatchResult {
		let mut note = Self::note_of(id)?;
		ensure!(note.state == NoteState::Active, Error::<T>::NoteNotActive);
		ensure!(&note.holder != to, Error::<T>::SelfTransfer);
		let from = note.holder.clone();
		Self::set_holder(id, &mut note, to.clone());
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::NoteMoved { note: id, from, to: to.clone() });
		Ok(())
	}

	fn pledge(id: NoteId, financing: FinancingId) -> DispatchResult {
		let mut note = Self::note_of(id)?;
		ensure!(note.state == NoteState::Active, Error::<T>::NoteNotActive);
		note.state = NoteState::Pledged { financing };
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::Pledged { note: id, financing });
		Ok(())
	}

	fn release_pledge(id: NoteId) -> DispatchResult {
		let mut note = Self::note_of(id)?;
		match note.state {
			NoteState::Pledged { .. } => {
				note.state = NoteState::Active;
				Notes::<T>::insert(id, note);
			}
			// A frozen pledged note is released under the freeze: it unfreezes to Active.
			NoteState::Frozen => {
				let prior = FrozenPrior::<T>::get(id).ok_or(Error::<T>::NotPledged)?;
				ensure!(matches!(prior, NoteState::Pledged { .. }), Error::<T>::NotPledged);
				FrozenPrior::<T>::insert(id, NoteState::Active);
			}
			_ => return Err(Error::<T>::NotPledged.into()),
		}
		Self::deposit_event(Event::PledgeReleased { note: id });
		Ok(())
	}
}
