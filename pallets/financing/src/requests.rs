//! Financing without a program: request, approve, decline, withdraw.
//!
//! A holder has at most one request per note and financier waiting (`DuplicateRequest`), and a
//! financier at most `MaxRequestsPerFinancier` waiting for its answer (`TooManyRequests`), so
//! nobody can grow another's storage without bound; every request leaves with one `O(1)` call
//! by either side (`decline`, `withdraw`) or with `approve`.

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
		ensure!(!RequestOfNote::<T>::contains_key(note, &financier), Error::<T>::DuplicateRequest);
		let waiting = RequestsWaiting::<T>::get(&financier);
		ensure!(waiting < T::MaxRequestsPerFinancier::get(), Error::<T>::TooManyRequests);

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
		RequestOfNote::<T>::insert(note, &financier, request);
		RequestsOf::<T>::insert(&financier, request, ());
		RequestsOf::<T>::insert(&holder, request, ());
		RequestsWaiting::<T>::insert(&financier, waiting + 1);
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
		Self::remove_request(request, &r);
		let financing = Self::execute(r.holder, who, view, r.kind, r.annual_rate, None)?;
		Self::deposit_event(Event::Approved { request, financing });
		Ok(())
	}

	pub(crate) fn do_decline(who: T::AccountId, request: RequestId) -> DispatchResult {
		let r = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(r.financier == who, Error::<T>::NotRequestFinancier);
		Self::remove_request(request, &r);
		Self::deposit_event(Event::Declined { request });
		Ok(())
	}

	pub(crate) fn do_withdraw(who: T::AccountId, request: RequestId) -> DispatchResult {
		let r = Requests::<T>::get(request).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(r.holder == who, Error::<T>::NotRequestHolder);
		Self::remove_request(request, &r);
		Self::deposit_event(Event::Withdrawn { request });
		Ok(())
	}

	/// A request leaves with its indexes.
	fn remove_request(id: RequestId, r: &RequestOf<T>) {
		Requests::<T>::remove(id);
		RequestOfNote::<T>::remove(r.note, &r.financier);
		RequestsOf::<T>::remove(&r.financier, id);
		RequestsOf::<T>::remove(&r.holder, id);
		RequestsWaiting::<T>::mutate_exists(&r.financier, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
	}
}
