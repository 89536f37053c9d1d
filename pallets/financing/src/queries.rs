//! Reads for the runtime API: a financier's programs, an account's financings, waiting requests
//! and claims — each a bounded page at a time from its per-account index
//! (cascade_primitives::paging), never a scan of the pallet. Never called from a dispatchable.

use crate::{pallet::*, FinancingId, FinancingStatus, NoteId, ProgramId, RequestId};
use alloc::vec::Vec;
use cascade_primitives::paging::{page_of_keys, List, ListKind, Page, PageError, PageRequest};
use frame_support::storage::KeyPrefixIterator;

/// One page of the ids under an account's index, with the records they name.
fn page<K: Copy, V>(
	kind: ListKind,
	who: &impl codec::Encode,
	request: &PageRequest,
	keys: impl FnOnce(Option<Vec<u8>>) -> KeyPrefixIterator<K>,
	get: impl Fn(K) -> Option<V>,
) -> Result<Page<(K, V)>, PageError> {
	let (ids, next) = page_of_keys(List::new(kind, who), request, keys)?;
	let items = ids.into_iter().filter_map(|id| get(id).map(|v| (id, v))).collect();
	Ok(Page { items, next })
}

impl<T: Config> Pallet<T> {
	/// One page of the programs `financier` opened (closed ones included).
	pub fn programs_of(
		financier: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<(ProgramId, ProgramOf<T>)>, PageError> {
		page(
			ListKind::Programs,
			financier,
			request,
			|from| match from {
				Some(key) => ProgramsOf::<T>::iter_key_prefix_from(financier, key),
				None => ProgramsOf::<T>::iter_key_prefix(financier),
			},
			Programs::<T>::get,
		)
	}

	/// One page of the financings of `who`, as financier or as seller/borrower (closed ones
	/// included: the registration record).
	pub fn financings_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<(FinancingId, FinancingOf<T>)>, PageError> {
		page(
			ListKind::Financings,
			who,
			request,
			|from| match from {
				Some(key) => FinancingsOf::<T>::iter_key_prefix_from(who, key),
				None => FinancingsOf::<T>::iter_key_prefix(who),
			},
			Financings::<T>::get,
		)
	}

	/// One page of the requests waiting for an answer that `who` made or must answer.
	pub fn requests_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<(RequestId, RequestOf<T>)>, PageError> {
		page(
			ListKind::Requests,
			who,
			request,
			|from| match from {
				Some(key) => RequestsOf::<T>::iter_key_prefix_from(who, key),
				None => RequestsOf::<T>::iter_key_prefix(who),
			},
			Requests::<T>::get,
		)
	}

	/// One page of the claims `who` owes or is owed, by financing, each with the note held as
	/// security for it (if any).
	pub fn claims_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<(FinancingId, (ClaimOf<T>, Option<NoteId>))>, PageError> {
		page(
			ListKind::Claims,
			who,
			request,
			|from| match from {
				Some(key) => ClaimsOf::<T>::iter_key_prefix_from(who, key),
				None => ClaimsOf::<T>::iter_key_prefix(who),
			},
			|id| Claims::<T>::get(id).map(|claim| (claim, Self::security_of(id))),
		)
	}

	/// The note held as security for the claim of financing `id`: its note while the financing
	/// is `Called` (a called loan, or recourse the seller could not pay), pledged to it.
	pub fn security_of(id: FinancingId) -> Option<NoteId> {
		Financings::<T>::get(id).filter(|f| f.status == FinancingStatus::Called).map(|f| f.note)
	}
}
