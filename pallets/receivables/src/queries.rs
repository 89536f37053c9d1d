//! Reads for the runtime API, answered in the API's types (`ReceivableInfo`, `NoteInfo`,
//! `Exposure`): a receivable, a note, a holder's notes, a note's lineage, a receivable's tree and
//! an issuer's exposure. They iterate, so they are never called from a dispatchable; lists come
//! a bounded page at a time (cascade_primitives::paging), and a lineage is bounded by `MaxDepth`.

use crate::{pallet::*, Exposure, NoteId, Outstanding, ReceivableId, ReceivableInfo};
use alloc::vec::Vec;
use cascade_primitives::paging::{
	self, page_of_keys, take_page, with_raw_keys, List, ListKind, Page, PageError, PageRequest,
};
use frame_support::traits::fungibles::Inspect;

impl<T: Config> Pallet<T> {
	/// One page of the live notes `who` holds, then of the notes offered to it: the cursor moves
	/// from the first list to the second. Reads at most `2 × limit + 2` items.
	pub fn notes_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<NoteInfoOf<T>>, PageError> {
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

	/// A receivable by id, as the API shows it.
	pub fn receivable_info(id: ReceivableId) -> Option<ReceivableInfoOf<T>> {
		let r = Receivables::<T>::get(id)?;
		let escrow = Self::escrow_account(id);
		Some(ReceivableInfo {
			id,
			escrow_balance: T::Assets::balance(r.asset, &escrow).into(),
			escrow,
			clearing: Self::is_clearing(id, r.maturity),
			outstanding: r.outstanding().into(),
			issuer: r.issuer,
			asset: r.asset.into(),
			face: r.face.into(),
			issued_at: r.issued_at,
			maturity: r.maturity,
			credit_line: r.credit_line,
			doc_hash: r.doc_hash,
			invoice_ref: r.invoice_ref.into_inner(),
			status: r.status,
			repaid: r.repaid.into(),
			paid_out: r.paid_out.into(),
			root: r.root,
			notes_left: r.live_notes,
		})
	}

	/// A note by id, as the API shows it.
	pub fn note_info(id: NoteId) -> Option<NoteInfoOf<T>> {
		Notes::<T>::get(id).map(|n| n.info(id))
	}

	/// The notes of `ids` that exist.
	fn notes(ids: Vec<NoteId>) -> Vec<NoteInfoOf<T>> {
		ids.into_iter().filter_map(Self::note_info).collect()
	}

	/// The notes from `note` up to the root, inclusive (at most `MaxDepth + 1`); empty for an
	/// unknown note.
	pub fn lineage(note: NoteId) -> Vec<NoteInfoOf<T>> {
		let mut path = Vec::new();
		let mut next = Some(note);
		while let Some(id) = next {
			match Notes::<T>::get(id) {
				Some(n) => {
					next = n.parent;
					path.push(n.info(id));
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
	) -> Result<Page<NoteInfoOf<T>>, PageError> {
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

	/// One page of the receivables `issuer` issued (settled and cancelled ones included: its
	/// register), in the issuer index's order. Reads at most `2 × limit + 2` items.
	pub fn receivables_of(
		issuer: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<ReceivableInfoOf<T>>, PageError> {
		let list = List::new(ListKind::Receivables, issuer);
		let (ids, next) = page_of_keys(list, request, |from| match from {
			Some(after) => ReceivablesByIssuer::<T>::iter_key_prefix_from(issuer, after),
			None => ReceivablesByIssuer::<T>::iter_key_prefix(issuer),
		})?;
		Ok(Page { items: ids.into_iter().filter_map(Self::receivable_info).collect(), next })
	}

	/// `core`'s exposure from its counters (at most a page of assets), with the `credit_lines`
	/// the runtime reads from the enterprises pallet.
	pub fn exposure<Line>(
		core: T::AccountId,
		credit_lines: Vec<Line>,
	) -> Exposure<T::AccountId, T::AssetId, BalanceOf<T>, Line> {
		let owed = Self::owed_by(&core, paging::MAX_PAGE as usize);
		Exposure {
			receivables: owed.iter().fold(0u32, |n, (_, o)| n.saturating_add(o.receivables)),
			outstanding: owed
				.into_iter()
				.map(|(asset, o)| Outstanding { asset: asset.into(), amount: o.amount.into() })
				.collect(),
			credit_lines,
			complete: Self::exposures_complete(),
			core,
		}
	}

	/// Whether receivable `id` (maturing at `maturity`) has money queued for clearing.
	pub fn is_clearing(id: ReceivableId, maturity: cascade_primitives::Moment) -> bool {
		DueQueue::<T>::contains_key(Self::due_key(maturity), id)
	}
}
