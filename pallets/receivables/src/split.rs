//! Splitting a note into parts held by the same holder.

use crate::{pallet::*, Note, NoteId, NoteState};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	ArithmeticError,
};

impl<T: Config> Pallet<T> {
	/// The note, checked to be an Active note of `who`, an active participant.
	pub(crate) fn movable_note_of(
		who: &T::AccountId,
		id: NoteId,
	) -> Result<NoteOf<T>, DispatchError> {
		let note = Self::note_of(id)?;
		ensure!(&note.holder == who, Error::<T>::NotHolder);
		ensure!(Self::may_hold(who), Error::<T>::NotParticipant);
		match note.state {
			NoteState::Active => Ok(note),
			NoteState::Frozen => Err(Error::<T>::NoteFrozen.into()),
			_ => Err(Error::<T>::NoteNotActive.into()),
		}
	}

	/// A child of `parent` (its id is `parent_id`) with `amount`, in `state`, held by `holder`.
	pub(crate) fn child_of(
		parent_id: NoteId,
		parent: &NoteOf<T>,
		holder: T::AccountId,
		amount: BalanceOf<T>,
		state: NoteStateOf<T>,
	) -> Result<NoteOf<T>, DispatchError> {
		Ok(Note {
			receivable: parent.receivable,
			parent: Some(parent_id),
			depth: parent.depth.checked_add(1).ok_or(ArithmeticError::Overflow)?,
			holder,
			amount,
			paid: Zero::zero(),
			state,
		})
	}

	/// The receivable of a note about to be split into `parts`, checked to have no payouts
	/// under way (a split mid-clearing could hide a child from the walk; a partly paid note's
	/// parts would not sum to what is owed), with `parts − 1` more live notes counted; the
	/// caller stores it. The note must leave room for children below it (`MaxDepth`).
	pub(crate) fn splittable_receivable(
		note: &NoteOf<T>,
		parts: u32,
	) -> Result<ReceivableOf<T>, DispatchError> {
		ensure!(note.depth < T::MaxDepth::get(), Error::<T>::TooDeep);
		let mut receivable = Self::receivable_of(note.receivable)?;
		let started = !receivable.repaid.is_zero() && Self::now() >= receivable.maturity;
		ensure!(!started && note.paid.is_zero(), Error::<T>::PaymentsStarted);
		receivable.live_notes = receivable
			.live_notes
			.checked_add(parts.saturating_sub(1))
			.ok_or(ArithmeticError::Overflow)?;
		Ok(receivable)
	}

	pub(crate) fn do_split(
		who: T::AccountId,
		id: NoteId,
		amounts: BoundedVec<BalanceOf<T>, T::MaxSplit>,
	) -> DispatchResult {
		let mut note = Self::movable_note_of(&who, id)?;
		ensure!(amounts.len() >= 2, Error::<T>::TooFewParts);
		let min = Self::min_note_of(note.receivable)?;
		let mut sum = BalanceOf::<T>::zero();
		for amount in amounts.iter() {
			ensure!(*amount >= min, Error::<T>::BelowMinimum);
			sum = sum.checked_add(amount).ok_or(Error::<T>::AmountMismatch)?;
		}
		ensure!(sum == note.amount, Error::<T>::AmountMismatch);
		let receivable = Self::splittable_receivable(&note, amounts.len() as u32)?;

		let first = Self::reserve_note_ids(amounts.len() as u64)?;
		let mut children = BoundedVec::<NoteId, T::MaxSplit>::default();
		for (i, amount) in amounts.into_iter().enumerate() {
			let child_id = first + i as u64;
			let child = Self::child_of(id, &note, who.clone(), amount, NoteState::Active)?;
			Self::insert_note(child_id, child);
			children.try_push(child_id).map_err(|_| Error::<T>::TooFewParts)?;
		}
		Self::retire_note(id, &mut note, NoteState::Consumed);
		Receivables::<T>::insert(note.receivable, receivable);
		Notes::<T>::insert(id, note);
		Self::deposit_event(Event::Split { note: id, holder: who, children });
		Ok(())
	}
}
