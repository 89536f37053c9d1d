//! Reads for the runtime API: a holder's notes, a note's lineage, a receivable's tree and an
//! issuer's outstanding receivables. They iterate, so they are never called from a dispatchable.

use crate::{pallet::*, NoteId, ReceivableId, ReceivableStatus};
use alloc::vec::Vec;

impl<T: Config> Pallet<T> {
	/// The live notes `who` holds, then the notes offered to it, each by id.
	pub fn notes_of(who: &T::AccountId) -> Vec<(NoteId, NoteOf<T>)> {
		let mut ids: Vec<NoteId> = NotesByHolder::<T>::iter_key_prefix(who).collect();
		ids.sort_unstable();
		let mut offered: Vec<NoteId> = PendingTo::<T>::iter_key_prefix(who).collect();
		offered.sort_unstable();
		ids.extend(offered);
		ids.into_iter().filter_map(|id| Notes::<T>::get(id).map(|n| (id, n))).collect()
	}

	/// The notes from `note` up to the root, inclusive; empty for an unknown note.
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

	/// Every note of a receivable, by id; `None` for an unknown receivable.
	pub fn tree(receivable: ReceivableId) -> Option<Vec<(NoteId, NoteOf<T>)>> {
		if !Receivables::<T>::contains_key(receivable) {
			return None;
		}
		let mut ids: Vec<NoteId> = NotesByReceivable::<T>::iter_key_prefix(receivable).collect();
		ids.sort_unstable();
		Some(ids.into_iter().filter_map(|id| Notes::<T>::get(id).map(|n| (id, n))).collect())
	}

	/// Whether receivable `id` (maturing at `maturity`) has money queued for clearing.
	pub fn is_clearing(id: ReceivableId, maturity: cascade_primitives::Moment) -> bool {
		DueQueue::<T>::contains_key(Self::due_key(maturity), id)
	}

	/// The receivables of `issuer` that are neither repaid nor cancelled.
	pub fn outstanding_of(issuer: &T::AccountId) -> Vec<(ReceivableId, ReceivableOf<T>)> {
		let mut ids: Vec<ReceivableId> =
			ReceivablesByIssuer::<T>::iter_key_prefix(issuer).collect();
		ids.sort_unstable();
		ids.into_iter()
			.filter_map(|id| Receivables::<T>::get(id).map(|r| (id, r)))
			.filter(|(_, r)| {
				matches!(
					r.status,
					ReceivableStatus::Pending
						| ReceivableStatus::Active
						| ReceivableStatus::Overdue
				)
			})
			.collect()
	}
}
