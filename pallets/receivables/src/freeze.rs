//! The Operator's tools: judicial freezes and the ledger's parameters.

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
			NoteState::Pending { to } => Self::remove_offer(to, &note.holder, id),
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
			Self::add_offer(to, &note.holder, id);
		}
		note.state = prior;
		Notes::<T>::insert(id, note.clone());
		Self::deposit_event(Event::Unfrozen { note: id });
		Self::pay_unfrozen(id, note);
		Ok(())
	}

	/// A note just unfrozen is paid what waited for it in escrow, if its receivable has
	/// matured. A payout that fails leaves the note owed ([`Event::PayoutFailed`]): lifting the
	/// hold does not depend on the recipient.
	fn pay_unfrozen(id: NoteId, mut note: NoteOf<T>) {
		let Some(mut receivable) = Receivables::<T>::get(note.receivable) else { return };
		if receivable.repaid.is_zero() || Self::now() < receivable.maturity {
			return;
		}
		let receivable_id = note.receivable;
		match frame_support::storage::with_storage_layer(|| {
			Self::pay_note(id, &mut note, &mut receivable)
		}) {
			Ok(true) => Receivables::<T>::insert(receivable_id, receivable),
			Ok(false) => {}
			Err(error) => Self::deposit_event(Event::PayoutFailed { note: id, error }),
		}
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

	pub(crate) fn do_set_soft_tenor(soft_tenor: Moment) -> DispatchResult {
		ensure!(soft_tenor > 0, Error::<T>::InvalidParameters);
		SoftTenor::<T>::put(soft_tenor);
		Self::deposit_event(Event::SoftTenorSet { soft_tenor });
		Ok(())
	}
}
