//! Reads for the runtime API: a core's credit lines as `LineInfo`, a bounded page at a time
//! (cascade_primitives::paging). Never called from a dispatchable.

use crate::pallet::*;
use cascade_primitives::paging::{page_of_keys, List, ListKind, Page, PageError, PageRequest};

impl<T: Config> Pallet<T> {
	/// One page of `core`'s credit lines (revoked and expired ones included).
	pub fn lines_of(
		core: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<LineInfoOf<T>>, PageError> {
		let (ids, next) =
			page_of_keys(List::new(ListKind::Lines, core), request, |from| match from {
				Some(key) => LinesByCore::<T>::iter_key_prefix_from(core, key),
				None => LinesByCore::<T>::iter_key_prefix(core),
			})?;
		let items = ids
			.into_iter()
			.filter_map(|id| CreditLines::<T>::get(id).map(|line| line.info(id)))
			.collect();
		Ok(Page { items, next })
	}
}
