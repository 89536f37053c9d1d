//! Financing without a program: request, approve, decline, withdraw.

use crate::{pallet::*, FinancingKind, NoteId, Request, RequestId};
use cascade_primitives::{EnterpriseRegistry, Role};
use frame_support::{ensure, pallet_prelude::*, traits::Time};
use sp_runtime::{ArithmeticError, Permill};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_request(
		holder: T::AccountId,
		note: NoteId,
		financier: T::AccountId,
		kind: FinancingKind,
		annual_rate: Permill,
	) -> DispatchResult {
		Self::financeable_note_of(&holder, note)?;
		ensure!(holder != financier, Error::<T>::SelfFinance);
		ensure!(
			T::Enterprises::is_active_with(&financier, Role::Financier),
			Error::<T>::NotFinancier
		);

		let request = NextRequestId::<T>::get();
		NextRequestId::<T>::put(request.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		Requests::<T>::insert(
			request,
			Request {
				holder: holder.clone(),
				financier: financier.clone(),
				note,
				kind,
				annual_rate,
				created_at: T::Time::now(),
			},
		);
		Self::deposit_event(Event::Requested {
			request,
			note,
			holder,
			financier,
			kind,
			annual_rate,
		});
		Ok(())
	}

	pub(crate) fn do_approve(who: T::AccountId, request: RequestId) -> DispatchResult {
		let r = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(r.financier == who, Error::<T>::NotRequestFinancier);
		ensure!(T::Enterprises::is_active_with(&who, Role::Financier), Error::<T>::NotFinancier);
		let view = Self::financeable_note_of(&r.holder, r.note)?;
		Requests::<T>::remove(request);
		let financing = Self::execute(r.holder, who, view, r.kind, r.annual_rate, None)?;
		Self::deposit_event(Event::Approved { request, financing });
		Ok(())
	}

	pub(crate) fn do_decline(who: T::AccountId, request: RequestId) -> DispatchResult {
		let r = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(r.financier == who, Error::<T>::NotRequestFinancier);
		Requests::<T>::remove(request);
		Self::deposit_event(Event::Declined { request });
		Ok(())
	}

	pub(crate) fn do_withdraw(who: T::AccountId, request: RequestId) -> DispatchResult {
		let r = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(r.holder == who, Error::<T>::NotRequestHolder);
		Requests::<T>::remove(request);
		Self::deposit_event(Event::Withdrawn { request });
		Ok(())
	}
}
