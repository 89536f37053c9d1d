//! Financing without a program: request, approve, decline, withdraw.
//!
//! A holder has at most one request per note and financier waiting (`DuplicateRequest`), and a
//! financier at most `MaxRequestsPerFinancier` waiting for its answer (`TooManyRequests`), at
//! most `MaxRequestsPerHolder` of them from any one holder (`TooManyRequestsFrom`), so nobody can
//! grow another's storage without bound or fill a bank's requests alone; every request leaves
//! with one `O(1)` call by either side (`decline`, `withdraw`) or with `approve`, and a bank
//! declines everything one holder asked in one bounded call (`decline_all_from`).

use crate::{pallet::*, FinancingKind, NoteId, Request, RequestId};
use alloc::vec::Vec;
use cascade_primitives::{EnterpriseRegistry, Role};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{GetStorageVersion, StorageVersion, Time},
	weights::WeightMeter,
};
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
		ensure!(
			RequestsFromCount::<T>::get(&financier, &holder) < T::MaxRequestsPerHolder::get(),
			Error::<T>::TooManyRequestsFrom
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
		RequestOfNote::<T>::insert(note, &financier, request);
		RequestsOf::<T>::insert(&financier, request, ());
		RequestsOf::<T>::insert(&holder, request, ());
		RequestsWaiting::<T>::insert(&financier, waiting + 1);
		RequestsFrom::<T>::insert((&financier, &holder, request), ());
		RequestsFromCount::<T>::mutate(&financier, &holder, |n| *n = n.saturating_add(1));
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
		// A request is the bank's own review: its rate, everything advanced.
		let terms = Self::terms(
			r.annual_rate,
			None,
			&r.holder,
			view.amount,
			view.maturity,
			r.kind == crate::FinancingKind::Pledge,
		)?;
		let financing = Self::execute(r.holder, who, view, r.kind, terms, None)?;
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
		// A request made before the per-holder index existed and not indexed yet counts
		// against nothing per holder.
		if RequestsFrom::<T>::take((&r.financier, &r.holder, id)).is_some() {
			RequestsFromCount::<T>::mutate_exists(&r.financier, &r.holder, |n| {
				*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}
	}

	/// `who` declines every request `holder` has waiting for it (at most
	/// `MaxRequestsPerHolder`); returns how many.
	pub(crate) fn do_decline_all_from(
		who: T::AccountId,
		holder: T::AccountId,
	) -> Result<u32, DispatchError> {
		let ids: Vec<RequestId> = RequestsFrom::<T>::iter_key_prefix((&who, &holder))
			.take(T::MaxRequestsPerHolder::get() as usize)
			.collect();
		ensure!(!ids.is_empty(), Error::<T>::NoRequestsFrom);
		for id in &ids {
			let r = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
			Self::remove_request(*id, &r);
			Self::deposit_event(Event::Declined { request: *id });
		}
		let count = ids.len() as u32;
		Self::deposit_event(Event::DeclinedAllFrom { financier: who, holder, count });
		Ok(count)
	}

	/// After an upgrade from storage version 1: index the waiting requests by holder (every
	/// request id up to the next one at the upgrade, from blocks' leftover weight).
	pub(crate) fn schedule_requests_from_backfill() -> Weight {
		let db = T::DbWeight::get();
		if Self::on_chain_storage_version() >= 2 {
			return db.reads(1);
		}
		let end = NextRequestId::<T>::get();
		if end > 0 {
			RequestsFromBackfill::<T>::put((0, end));
		}
		StorageVersion::new(2).put::<Self>();
		db.reads_writes(2, 2)
	}

	/// Index requests the per-holder index misses, within `remaining` weight. Returns the weight
	/// used.
	pub(crate) fn backfill_requests_from(remaining: Weight) -> Weight {
		let db = T::DbWeight::get();
		let mut meter = WeightMeter::with_limit(remaining);
		if meter.try_consume(db.reads_writes(1, 1)).is_err() {
			return Weight::zero();
		}
		let Some((mut next, end)) = RequestsFromBackfill::<T>::get() else { return db.reads(1) };
		while next < end && meter.try_consume(Self::backfill_step(2, 2)).is_ok() {
			if let Some(r) = Requests::<T>::get(next) {
				if !RequestsFrom::<T>::contains_key((&r.financier, &r.holder, next)) {
					RequestsFrom::<T>::insert((&r.financier, &r.holder, next), ());
					RequestsFromCount::<T>::mutate(&r.financier, &r.holder, |n| {
						*n = n.saturating_add(1)
					});
				}
			}
			next += 1;
		}
		if next < end {
			RequestsFromBackfill::<T>::put((next, end));
		} else {
			RequestsFromBackfill::<T>::kill();
		}
		meter.consumed()
	}
}
