//! Reads for the runtime API: a holder's notes, a note's lineage and a receivable's tree (an
//! issuer's exposure is in `exposure.rs`). They iterate, so they are never called from a
//! dispatchable; lists come a bounded page at a time (cascade_primitives::paging), and a lineage
//! is bounded by `MaxDepth`.

use crate::{pallet::*, NoteId, ReceivableId};
use alloc::vec::Vec;
use cascade_primitives::paging::{
	self, page_of_keys, take_page, with_raw_keys, List, ListKind, Page, PageError, PageRequest,
};

impl<T: Config> Pallet<T> {
	/// One page of the live notes `who` holds, then of the notes offered to it: the cursor moves
	/// from the first list to the second. Reads at most `2 × limit + 2` items.
	pub fn notes_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<(NoteId, NoteOf<T>)>, PageError> {
		let held = List::new(ListKind::NotesHeld, who);
		let offered = List::new(ListKind::NotesOffered, who);
		let limit = paging::clamp(request.limit);
		let mut ids = Vec::new();
		let offers_start = if offered.owns(request) {
			offered.start(request)?
		} else {
			let start = held.start(request)?;
			let keys = match start {
				Some(after) if !after.is_empty() => {
					NotesByHolder::<T>::iter_key_prefix_from(who, after)
				}
				_ => NotesByHolder::<T>::iter_key_prefix(who),
			};
			let (page, last) = take_page(with_raw_keys(keys), limit);
			if let Some(last) = last {
				return Ok(Page { items: Self::notes(page), next: held.cursor_after(last) });
			}
			ids = page;
			None
		};
		// The held notes ended within this page: the offers fill the room left.
		let keys = match offers_start {
			Some(after) if !after.is_empty() => PendingTo::<T>::iter_key_prefix_from(who, after),
			_ => PendingTo::<T>::iter_key_prefix(who),
		};
		let room = limit - ids.len();
		let next = if room == 0 {
			// Full exactly at the end of the held notes: continue with the offers, if any.
			let mut offers = with_raw_keys(keys);
			offers.next().and_then(|_| offered.cursor_after(Vec::new()))
		} else {
			let (page, last) = take_page(with_raw_keys(keys), room);
			ids.extend(page);
			last.and_then(|last| offered.cursor_after(last))
		};
		Ok(Page { items: Self::notes(ids), next })
	}

	/// A receivable by id.
	pub fn receivable(id: ReceivableId) -> Option<ReceivableOf<T>> {
		Receivables::<T>::get(id)
	}

	/// A note by id.
	pub fn note(id: NoteId) -> Option<NoteOf<T>> {
		Notes::<T>::get(id)
	}

	/// The notes of `ids` that exist, with their ids.
	fn notes(ids: Vec<NoteId>) -> Vec<(NoteId, NoteOf<T>)> {
		ids.into_iter().filter_map(|id| Notes::<T>::get(id).map(|n| (id, n))).collect()
	}

	/// The notes from `note` up to the root, inclusive (at most `MaxDepth + 1`); empty for an
	/// unknown note.
	pub fn lineage(note: NoteId) -> Vec<(NoteId, NoteOf<T>)> {
		let mut path = Vec::new();
		let mut next = Some(note);
		while let Some(id) = next {
			match Notes::<T>::get(id) {
				Some(n) => {
					next = n.parent;
					path.push((id, n));
				}
				None => break,
			}
		}
		path
	}

	/// One page of every note of a receivable (consumed and paid ones included: the audit
	/// trail). Reads at most `2 × limit + 2` items.
	pub fn tree(
		receivable: ReceivableId,
		request: &PageRequest,
	) -> Result<Page<(NoteId, NoteOf<T>)>, PageError> {
		if !Receivables::<T>::contains_key(receivable) {
			return Err(PageError::UnknownList);
		}
		let list = List::new(ListKind::Tree, &receivable);
		let (ids, next) = page_of_keys(list, request, |from| match from {
			Some(after) => NotesByReceivable::<T>::iter_key_prefix_from(receivable, after),
			None => NotesByReceivable::<T>::iter_key_prefix(receivable),
		})?;
		Ok(Page { items: Self::notes(ids), next })
	}

	/// Whether receivable `id` (maturing at `maturity`) has money queued for clearing.
	pub fn is_clearing(id: ReceivableId, maturity: cascade_primitives::Moment) -> bool {
		DueQueue::<T>::contains_key(Self::due_key(maturity), id)
	}
}
