//! Offers waiting for acceptance (签收): accept, reject, revoke.

use crate::{pallet::*, NoteId, NoteState, ReceivableStatus};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{GetStorageVersion, StorageVersion},
	weights::WeightMeter,
};

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

		Self::remove_offer(&to, &note.holder, id);
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
		Self::deposit_event(Event::Accepted {
			note: id,
			receivable,
			holder: who,
			#[cfg(feature = "upgrade-test")]
			accepted_at: <T::Time as frame_support::traits::Time>::now(),
		});
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

	/// `who` rejects every offer `sender` has waiting for it (at most `MaxOffersPerSender`);
	/// returns how many.
	pub(crate) fn do_reject_all_from(
		who: T::AccountId,
		sender: T::AccountId,
	) -> Result<u32, DispatchError> {
		let ids: Vec<NoteId> = OffersFrom::<T>::iter_key_prefix((&who, &sender))
			.take(T::MaxOffersPerSender::get() as usize)
			.collect();
		ensure!(!ids.is_empty(), Error::<T>::NoOffersFrom);
		for id in &ids {
			let (note, to) = Self::pending(*id)?;
			ensure!(to == who && note.holder == sender, Error::<T>::NotRecipient);
			Self::withdraw_offer(*id, note)?;
			Self::deposit_event(Event::Rejected {
				note: *id,
				by: who.clone(),
				holder: sender.clone(),
			});
		}
		let count = ids.len() as u32;
		Self::deposit_event(Event::RejectedAllFrom { by: who, sender, count });
		Ok(count)
	}

	/// After an upgrade from storage version 1: index, by sender, the offers that wait (every
	/// note id up to the next one at the upgrade is looked at, from blocks' leftover weight).
	pub(crate) fn schedule_offers_backfill() -> Weight {
		let db = T::DbWeight::get();
		if Self::on_chain_storage_version() >= 2 {
			return db.reads(1);
		}
		let end = NextNoteId::<T>::get();
		if end > 0 {
			OffersBackfill::<T>::put((0, end));
		}
		StorageVersion::new(2).put::<Self>();
		db.reads_writes(2, 2)
	}

	/// Index offers the per-sender index misses, within `remaining` weight. Returns the weight
	/// used.
	pub(crate) fn backfill_offers(remaining: Weight) -> Weight {
		let db = T::DbWeight::get();
		let mut meter = WeightMeter::with_limit(remaining);
		if !meter.can_consume(db.reads_writes(1, 1)) {
			return meter.consumed();
		}
		meter.consume(db.reads_writes(1, 1));
		let Some((mut next, end)) = OffersBackfill::<T>::get() else {
			return db.reads(1);
		};
		// A note's read, and for an offer the index's read and two writes.
		let per_note = Self::exposure_backfill_step().saturating_add(db.reads_writes(1, 2));
		while next < end && meter.try_consume(per_note).is_ok() {
			if let Some(note) = Notes::<T>::get(next) {
				if let NoteState::Pending { to } = &note.state {
					if !OffersFrom::<T>::contains_key((to, &note.holder, next)) {
						OffersFrom::<T>::insert((to, &note.holder, next), ());
						OffersFromCount::<T>::mutate(to, &note.holder, |n| {
							*n = n.saturating_add(1)
						});
					}
				}
			}
			next += 1;
		}
		if next < end {
			OffersBackfill::<T>::put((next, end));
		} else {
			OffersBackfill::<T>::kill();
		}
		meter.consumed()
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
			Self::remove_offer(to, &note.holder, id);
		}
		note.state = NoteState::Active;
		Notes::<T>::insert(id, note);
		Ok(())
	}
}
