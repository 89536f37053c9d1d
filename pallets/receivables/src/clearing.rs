//! Clearing (自动清分): the chain pays every live note of a due receivable by itself.
//!
//! Every payment into a receivable's escrow puts it in the [`DueQueue`], keyed by its maturity;
//! it is due once the chain's time reaches that. From each block's leftover weight (`on_idle`)
//! the chain serves the due receivables in turns (round-robin): each turn walks one
//! receivable's notes in the order of the `NotesByReceivable` index from its stored cursor
//! ([`Clearing::last`]), paying each live, unfrozen note its share ([`Pallet::pay_note`]), at
//! most `ClearTurn` notes, then the next due receivable after it in the queue has its turn
//! ([`ClearingCursor`]), from the start once none is. A receivable alone in the queue gets
//! every turn. At most `MaxClearPerBlock` notes a block and never more than the weight the
//! block has left: user transactions are never crowded out, and no receivable — one split
//! into thousands of minimum pieces, or one its core keeps paying a unit into — holds up the
//! others: while `k` receivables are due each gets at least its `1/k` of the turns.
//!
//! A walk never restarts. Money that arrives during a walk is paid by a later walk: when the
//! walk reaches the last note it ends, and if money came meanwhile the receivable stays in the
//! queue for a new walk from its first note, in its next turn — behind every receivable due
//! already. `settle` walks the same cursor on request.
//!
//! Each payout runs in its own storage layer: one that fails (say, a share below the asset's
//! minimum balance for a holder that holds none) changes nothing, is reported as
//! [`Event::PayoutFailed`] and skipped; the note stays owed, for `redeem`. Frozen notes are
//! skipped too and paid when unfrozen. Notes cannot be split once payouts have begun, so no
//! note appears behind the cursor during a walk.

use crate::{pallet::*, weights::WeightInfo, Clearing, Moment, NoteState, ReceivableId};
use frame_support::{ensure, pallet_prelude::*, storage::with_storage_layer, weights::WeightMeter};

impl<T: Config> Pallet<T> {
	/// The [`DueQueue`] key of a maturity: big-endian, so keys sort by time.
	pub(crate) fn due_key(maturity: Moment) -> [u8; 8] {
		maturity.to_be_bytes()
	}

	/// Money reached the escrow of receivable `id`: its notes are to be paid from `maturity`
	/// on. A walk under way is told to walk once more when it ends.
	pub(crate) fn schedule_clearing(id: ReceivableId, maturity: Moment) {
		DueQueue::<T>::mutate(Self::due_key(maturity), id, |clearing| match clearing {
			Some(c) if c.last.is_some() => c.again = true,
			Some(_) => {}
			None => *clearing = Some(Clearing::default()),
		});
	}

	/// What one more note costs a walk, on the worst path (a factored note pledged to a
	/// lender): the slope of `settle`'s benchmark.
	pub fn clear_note_weight() -> Weight {
		T::WeightInfo::settle(1).saturating_sub(T::WeightInfo::settle(0))
	}

	/// What taking up one due receivable costs a walk besides its notes, with finding it in
	/// the queue.
	pub fn clear_receivable_weight() -> Weight {
		T::WeightInfo::settle(0).saturating_add(T::DbWeight::get().reads(1))
	}

	/// The weight a block must leave for clearing to take up a due receivable and pay `notes`
	/// of its notes.
	pub fn clearing_room(notes: u32) -> Weight {
		Self::clear_receivable_weight()
			.saturating_add(Self::clear_note_weight().saturating_mul(notes as u64))
	}

	pub(crate) fn do_settle(id: ReceivableId, max_notes: u32) -> Result<(u32, u32), DispatchError> {
		ensure!(max_notes > 0 && max_notes <= T::MaxSettleNotes::get(), Error::<T>::BadMaxNotes);
		let receivable = Self::receivable_of(id)?;
		let key = Self::due_key(receivable.maturity);
		let clearing = DueQueue::<T>::get(key, id).ok_or(Error::<T>::NothingToSettle)?;
		ensure!(Self::now() >= receivable.maturity, Error::<T>::NothingToSettle);
		Ok(Self::walk(id, receivable, clearing, max_notes))
	}

	/// Clear due receivables in turns (see the module's documentation), within `remaining`
	/// weight and `MaxClearPerBlock` notes. Returns the weight used.
	pub(crate) fn clear_idle(remaining: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(remaining);
		let per_note = Self::clear_note_weight();
		// A turn: finding the next due receivable (at most two queue reads) and taking it up.
		let per_turn = Self::clear_receivable_weight().saturating_add(T::DbWeight::get().reads(1));
		// The clock and the rotation's cursor, read once and the cursor written once.
		let once = T::DbWeight::get().reads_writes(2, 1);
		if !meter.can_consume(once.saturating_add(per_turn).saturating_add(per_note)) {
			return meter.consumed();
		}
		meter.consume(once);
		let now = Self::now();
		let start = ClearingCursor::<T>::get();
		let mut cursor = start;
		let turn = T::ClearTurn::get().max(1);
		let mut budget = T::MaxClearPerBlock::get();
		while budget > 0 && meter.can_consume(per_turn.saturating_add(per_note)) {
			// Charged before anything is read.
			meter.consume(per_turn);
			let Some((key, id, clearing)) = Self::next_due(cursor, now) else { break };
			cursor = Some((key, id));
			let Some(receivable) = Receivables::<T>::get(id) else {
				// Cannot happen (receivables are never deleted); never let it block the queue.
				DueQueue::<T>::remove(key, id);
				continue;
			};
			let max = budget.min(turn).min(Self::notes_within(meter.remaining(), per_note));
			let (visited, _) = Self::walk(id, receivable, clearing, max);
			meter.consume(per_note.saturating_mul(visited as u64));
			budget = budget.saturating_sub(visited.max(1));
		}
		if cursor != start {
			ClearingCursor::<T>::set(cursor);
		}
		meter.consumed()
	}

	/// The first due receivable in the [`DueQueue`] after `cursor`, or from the queue's start
	/// if there is none after it.
	fn next_due(
		cursor: Option<([u8; 8], ReceivableId)>,
		now: Moment,
	) -> Option<([u8; 8], ReceivableId, Clearing)> {
		let due = |entry: &([u8; 8], ReceivableId, Clearing)| Moment::from_be_bytes(entry.0) <= now;
		if let Some((key, id)) = cursor {
			let after = DueQueue::<T>::iter_from(DueQueue::<T>::hashed_key_for(key, id)).next();
			if let Some(entry) = after.filter(due) {
				return Some(entry);
			}
		}
		DueQueue::<T>::iter().next().filter(due)
	}

	/// How many notes of weight `per_note` fit in `room`.
	fn notes_within(room: Weight, per_note: Weight) -> u32 {
		let by = |room: u64, per: u64| if per == 0 { u64::MAX } else { room / per };
		by(room.ref_time(), per_note.ref_time())
			.min(by(room.proof_size(), per_note.proof_size()))
			.min(u32::MAX as u64) as u32
	}

	/// Walk receivable `id`'s notes from where its clearing stands, visiting at most `max`
	/// notes and paying each live, unfrozen one its share; store the receivable and the
	/// clearing's new place (or end it). Returns the notes visited and paid.
	fn walk(
		id: ReceivableId,
		mut receivable: ReceivableOf<T>,
		mut clearing: Clearing,
		max: u32,
	) -> (u32, u32) {
		let key = Self::due_key(receivable.maturity);
		let mut notes = match clearing.last {
			Some(last) => NotesByReceivable::<T>::iter_key_prefix_from(
				id,
				NotesByReceivable::<T>::hashed_key_for(id, last),
			),
			None => NotesByReceivable::<T>::iter_key_prefix(id),
		};
		let (mut visited, mut paid, mut walked_all) = (0u32, 0u32, false);
		while visited < max {
			let Some(note_id) = notes.next() else {
				walked_all = true;
				break;
			};
			visited += 1;
			clearing.last = Some(note_id);
			let Some(mut note) = Notes::<T>::get(note_id) else { continue };
			if !note.is_live() || note.state == NoteState::Frozen {
				continue;
			}
			// On an error `pay_note` leaves `receivable` as it was and the layer rolls back.
			match with_storage_layer(|| Self::pay_note(note_id, &mut note, &mut receivable)) {
				Ok(true) => paid += 1,
				Ok(false) => {}
				Err(error) => Self::deposit_event(Event::PayoutFailed { note: note_id, error }),
			}
			if receivable.status == crate::ReceivableStatus::Settled {
				// `pay_note` settled it and took it off the queue.
				Receivables::<T>::insert(id, receivable);
				return (visited, paid);
			}
		}
		if walked_all || notes.next().is_none() {
			if clearing.again {
				DueQueue::<T>::insert(key, id, Clearing::default());
			} else {
				DueQueue::<T>::remove(key, id);
				Self::deposit_event(Event::ClearingDone { receivable: id });
			}
		} else {
			DueQueue::<T>::insert(key, id, clearing);
		}
		Receivables::<T>::insert(id, receivable);
		(visited, paid)
	}
}
