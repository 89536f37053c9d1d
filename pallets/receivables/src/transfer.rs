//! Offering notes to other enterprises: whole (`transfer`) or in part (`split_transfer`).

use crate::{pallet::*, NoteId, NoteState};
use frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	/// `to` may receive an offer from `from`.
	fn check_recipient(from: &T::AccountId, to: &T::AccountId) -> DispatchResult {
		ensure!(from != to, Error::<T>::SelfTransfer);
		ensure!(Self::may_hold(to), Error::<T>::RecipientNotEligible);
		ensure!(
			OffersWaiting::<T>::get(to) < T::MaxPendingOffers::get(),
			Error::<T>::TooManyOffers
		);
		ensure!(
			OffersFromCount::<T>::get(to, from) < T::MaxOffersPerSender::get(),
			Error::<T>::TooManyOffersFrom
		);
		Ok(())
	}

	pub(crate) fn do_transfer(who: T::AccountId, id: NoteId, to: T::AccountId) -> DispatchResult {
		let mut note = Self::movable_note_of(&who, id)?;
		Self::check_recipient(&who, &to)?;

		note.state = NoteState::Pending { to: to.clone() };
		Self::add_offer(&to, &who, id);
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::Transferred { note: id, from: who, to });
		Ok(())
	}

	pub(crate) fn do_split_transfer(
		who: T::AccountId,
		id: NoteId,
		to: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut note = Self::movable_note_of(&who, id)?;
		Self::check_recipient(&who, &to)?;
		ensure!(amount <= note.amount, Error::<T>::AmountTooLarge);
		if amount == note.amount {
			return Self::do_transfer(who, id, to);
		}
		let min = Self::min_note_of(note.receivable)?;
		let rest = note.amount - amount;
		ensure!(amount >= min && rest >= min, Error::<T>::BelowMinimum);
		let receivable = Self::splittable_receivable(&note, 2)?;

		let sent = Self::reserve_note_ids(2)?;
		let kept = sent + 1;
		let sent_note =
			Self::child_of(id, &note, who.clone(), amount, NoteState::Pending { to: to.clone() })?;
		let kept_note = Self::child_of(id, &note, who.clone(), rest, NoteState::Active)?;
		Self::insert_note(sent, sent_note);
		Self::insert_note(kept, kept_note);
		Self::retire_note(id, &mut note, NoteState::Consumed);
		Receivables::<T>::insert(note.receivable, receivable);
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::SplitTransferred {
			note: id,
			from: who,
			to,
			sent,
			kept,
			amount,
		});
		Ok(())
	}
}
