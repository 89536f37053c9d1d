//! Recourse factoring: when the receivable goes overdue, the note goes back to the seller, who
//! owes the advance plus interest.

use crate::{pallet::*, Claim, FinancingId, FinancingKind, FinancingStatus};
use cascade_primitives::{NoteLedger, NoteStanding};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Time,
	},
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_exercise_recourse(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let mut f = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		ensure!(f.financier == who, Error::<T>::NotFinancingFinancier);
		ensure!(f.kind == FinancingKind::Factoring { recourse: true }, Error::<T>::NotRecourse);
		ensure!(f.status == FinancingStatus::Open, Error::<T>::NotOpen);
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		ensure!(view.overdue, Error::<T>::NotOverdue);
		ensure!(
			view.holder == who && view.standing == NoteStanding::Active,
			Error::<T>::NoteNotHeld
		);
		let owed = Self::payoff(f.disbursed, f.annual_rate, f.started_at, T::Time::now())?;

		T::Notes::move_note(f.note, &f.seller)?;
		FinancingOfNote::<T>::remove(f.note);
		let available = T::Assets::reducible_balance(
			view.asset,
			&f.seller,
			Preservation::Expendable,
			Fortitude::Polite,
		);
		let paid = available >= owed;
		if paid {
			T::Assets::transfer(view.asset, &f.seller, &who, owed, Preservation::Expendable)?;
			f.status = FinancingStatus::RecourseSettled;
			Self::recover_budget(f.program, f.disbursed);
		} else {
			Claims::<T>::insert(
				id,
				Claim { debtor: f.seller.clone(), creditor: who.clone(), amount: owed },
			);
			f.status = FinancingStatus::RecourseClaimed;
		}
		let seller = f.seller.clone();
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::RecourseExercised { financing: id, seller, owed, paid });
		Ok(())
	}

	pub(crate) fn do_settle_claim(who: T::AccountId, id: FinancingId) -> DispatchResult {
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::NoClaim)?;
		ensure!(claim.debtor == who, Error::<T>::NotDebtor);
		let mut f = Financings::<T>::get(id).ok_or(Error::<T>::UnknownFinancing)?;
		let view = T::Notes::note(f.note).ok_or(Error::<T>::UnknownNote)?;
		T::Assets::transfer(
			view.asset,
			&who,
			&claim.creditor,
			claim.amount,
			Preservation::Expendable,
		)?;
		Claims::<T>::remove(id);
		f.status = FinancingStatus::RecourseSettled;
		Self::recover_budget(f.program, f.disbursed);
		Financings::<T>::insert(id, f);
		Self::deposit_event(Event::ClaimSettled { financing: id, amount: claim.amount });
		Ok(())
	}
}
