//! Offices (Attestor, Registrar) the Operator grants, and the attestations Attestors make: an
//! enterprise's tier or green grade with an expiry, one of each kind in place at a time (a new one
//! replaces the old). The [`Attestations`] view answers only with attestations in force:
//! unexpired and made by an account that is still an Attestor — revoking an Attestor's office
//! voids what it attested without touching every record.

use crate::pallet::*;
use alloc::vec::Vec;
use cascade_primitives::{
	Attestation, AttestationId, AttestationInfo, AttestationKind, Attestations, Grade, Moment,
	Office,
};
use frame_support::{ensure, pallet_prelude::*, traits::Time};

impl<T: Config> Pallet<T> {
	/// Give `who` `office`.
	pub(crate) fn do_grant_role(who: T::AccountId, role: Office) -> DispatchResult {
		ensure!(!Offices::<T>::contains_key(&who, role), Error::<T>::RoleHeld);
		Offices::<T>::insert(&who, role, ());
		Self::deposit_event(Event::RoleGranted { who, role });
		Ok(())
	}

	/// Take `office` from `who`: an Attestor's attestations stop counting at once.
	pub(crate) fn do_revoke_role(who: T::AccountId, role: Office) -> DispatchResult {
		ensure!(Offices::<T>::contains_key(&who, role), Error::<T>::RoleNotHeld);
		Offices::<T>::remove(&who, role);
		Self::deposit_event(Event::RoleRevoked { who, role });
		Ok(())
	}

	/// `attestor` attests `grade` of `enterprise` until `expires_at`, replacing what was in
	/// place of that kind.
	pub(crate) fn do_attest(
		attestor: T::AccountId,
		enterprise: T::AccountId,
		grade: Grade,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(Offices::<T>::contains_key(&attestor, Office::Attestor), Error::<T>::NotAttestor);
		ensure!(attestor != enterprise, Error::<T>::SelfAttestation);
		ensure!(Enterprises::<T>::contains_key(&enterprise), Error::<T>::NotRegistered);
		let now = T::Time::now();
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);
		let id = NextAttestationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::AttestationIdsExhausted)?;
		let kind = grade.kind();
		let replaced = EnterpriseAttestations::<T>::get(&enterprise, kind).map(|a| a.id);
		NextAttestationId::<T>::put(next);
		EnterpriseAttestations::<T>::insert(
			&enterprise,
			kind,
			Attestation { id, grade, attestor: attestor.clone(), attested_at: now, expires_at },
		);
		Self::deposit_event(Event::Attested {
			enterprise,
			attestation: id,
			grade,
			expires_at,
			attestor,
			replaced,
		});
		Ok(())
	}

	/// `attestor` withdraws the attestation of `kind` it made of `enterprise`.
	pub(crate) fn do_revoke_attestation(
		attestor: T::AccountId,
		enterprise: T::AccountId,
		kind: AttestationKind,
	) -> DispatchResult {
		ensure!(Offices::<T>::contains_key(&attestor, Office::Attestor), Error::<T>::NotAttestor);
		let attestation =
			EnterpriseAttestations::<T>::get(&enterprise, kind).ok_or(Error::<T>::NoAttestation)?;
		ensure!(attestation.attestor == attestor, Error::<T>::NotAttestationAuthor);
		EnterpriseAttestations::<T>::remove(&enterprise, kind);
		Self::deposit_event(Event::AttestationRevoked {
			enterprise,
			kind,
			attestation: attestation.id,
		});
		Ok(())
	}

	/// Whether a stored attestation counts at `now`.
	fn counts(a: &Attestation<T::AccountId>, now: Moment) -> bool {
		now < a.expires_at && Offices::<T>::contains_key(&a.attestor, Office::Attestor)
	}

	/// `who`'s attestations in place (at most one of each kind), with whether each counts now.
	/// For the runtime API.
	pub fn attestations_of(who: &T::AccountId) -> Vec<AttestationInfo<T::AccountId>> {
		let now = T::Time::now();
		[AttestationKind::Tier, AttestationKind::Green]
			.into_iter()
			.filter_map(|kind| {
				EnterpriseAttestations::<T>::get(who, kind).map(|a| AttestationInfo {
					id: a.id,
					kind,
					grade: a.grade,
					in_force: Self::counts(&a, now),
					attestor: a.attestor,
					attested_at: a.attested_at,
					expires_at: a.expires_at,
				})
			})
			.collect()
	}
}

impl<T: Config> Attestations<T::AccountId> for Pallet<T> {
	fn in_force(
		who: &T::AccountId,
		kind: AttestationKind,
		now: Moment,
	) -> Option<(AttestationId, Grade)> {
		EnterpriseAttestations::<T>::get(who, kind)
			.filter(|a| Self::counts(a, now))
			.map(|a| (a.id, a.grade))
	}

	fn holds(who: &T::AccountId, office: Office) -> bool {
		Offices::<T>::contains_key(who, office)
	}
}
