//! Offers waiting for acceptance (签收): accept, reject, revoke.

use crate::{pallet::*, NoteId, NoteState, ReceivableStatus};
use frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	/// The note and its recipient, if it is Pending.
	fn pending(id: NoteId) -> Result<(NoteOf<T>, T::AccountId), DispatchError> {
		let note = Self::note_of(id)?;
		match &note.state {
			NoteState::Pending { to } => {
				let to = to.clone();
				Ok((note, to))
			}
			_ => Err(Error::<T>::NotPending.into()),
		}
	}

	pub(crate) fn do_accept(who: T::AccountId, id: NoteId) -> DispatchResult {
		let (mut note, to) = Self::pending(id)?;
		ensure!(to == who, Error::<T>::NotRecipient);
		ensure!(Self::may_hold(&who), Error::<T>::NotParticipant);

		Self::remove_offer(&to, id);
		Self::set_holder(id, &mut note, to);
		note.state = NoteState::Active;
		let receivable = note.receivable;
		if note.parent.is_none() {
			Receivables::<T>::try_mutate(receivable, |r| -> DispatchResult {
				let r = r.as_mut().ok_or(Error::<T>::UnknownReceivable)?;
				if r.status == ReceivableStatus::Pending {
					r.status = ReceivableStatus::Active;
				}
				Ok(())
			})?;
		}
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::Accepted { note: id, receivable, holder: who });
		Ok(())
	}

	pub(crate) fn do_reject(who: T::AccountId, id: NoteId) -> DispatchResult {
		let (note, to) = Self::pending(id)?;
		ensure!(to == who, Error::<T>::NotRecipient);
		let holder = note.holder.clone();
		Self::withdraw_offer(id, note)?;
		Self::deposit_event(Event::Rejected { note: id, by: who, holder });
		Ok(())
	}

	pub(crate) fn do_revoke(who: T::AccountId, id: NoteId) -> DispatchResult {
		let (note, _to) = Self::pending(id)?;
		ensure!(note.holder == who, Error::<T>::NotHolder);
		Self::withdraw_offer(id, note)?;
		Self::deposit_event(Event::Revoked { note: id, holder: who });
		Ok(())
	}

	/// An offer ends unaccepted: the note is Active with its sender again, or, for a root note
	/// never accepted, the receivable is cancelled.
	fn withdraw_offer(id: NoteId, mut note: NoteOf<T>) -> DispatchResult {
		if note.parent.is_none() {
			let receivable = Self::receivable_of(note.receivable)?;
			if receivable.status == ReceivableStatus::Pending {
				return Self::cancel_receivable(note.receivable, receivable);
			}
		}
		if let NoteState::Pending { to } = &note.state {
			Self::remove_offer(to, id);
		}
		note.state = NoteState::Active;
		Notes::<T>::insert(id, note);
		Ok(())
	}
}
