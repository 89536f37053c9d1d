//! The Operator's tools: judicial holds and the ledger's parameters.

use crate::{pallet::*, Moment, NoteId, NoteState, Parameters};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	pub fn do_freeze(id: NoteId) -> DispatchResult {
		let mut note = Self::note_of(id)?;
		match &note.state {
			NoteState::Frozen => return Err(Error::<T>::NoteFrozen.into()),
			NoteState::Consumed | NoteState::Redeemed => {
				return Err(Error::<T>::NotFreezable.into())
			}
			NoteState::Pending { to } => Self::remove_offer(to, id),
			NoteState::Active | NoteState::Pledged { .. } => {}
		}
		FrozenPrior::<T>::insert(id, note.state.clone());
		note.state = NoteState::Frozen;
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::Frozen { note: id });
		Ok(())
	}

	pub(crate) fn do_unfreeze(id: NoteId) -> DispatchResult {
		let mut note = Self::note_of(id)?;
		ensure!(note.state == NoteState::Frozen, Error::<T>::NotFrozen);
		let prior = FrozenPrior::<T>::take(id).unwrap_or(NoteState::Active);
		if let NoteState::Pending { to } = &prior {
			Self::add_offer(to, id);
		}
		note.state = prior;
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::Unfrozen { note: id });
		Ok(())
	}

	pub(crate) fn do_set_parameters(
		max_tenor: Moment,
		grace_period: Moment,
		min_note_amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(max_tenor > 0 && !min_note_amount.is_zero(), Error::<T>::InvalidParameters);
		Params::<T>::put(Parameters { max_tenor, grace_period, min_note_amount });
		Self::deposit_event(Event::ParametersSet { max_tenor, grace_period, min_note_amount });
		Ok(())
	}
}
