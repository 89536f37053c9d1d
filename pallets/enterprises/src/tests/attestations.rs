//! Offices and attestations: every call's success and every refusal (storage unchanged), and what
//! counts as in force (expiry, revocation, the attestor losing its office).

use crate::mock::Enterprises;
use crate::{mock::*, pallet::*};
use cascade_primitives::{
	AttestationKind, Attestations as _, Grade, GreenGrade, Office, TierGrade,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// A rating body: an account that is not an enterprise.
const RATER: AccountId = 40;
const A: Grade = Grade::Tier(TierGrade::A);
const D: Grade = Grade::Tier(TierGrade::D);
const DEEP_GREEN: Grade = Grade::Green(GreenGrade::DeepGreen);

fn attestor(who: AccountId) {
	assert_ok!(Enterprises::grant_role(RuntimeOrigin::root(), who, Office::Attestor));
}

#[test]
fn the_operator_grants_and_revokes_offices() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::grant_role(RuntimeOrigin::root(), RATER, Office::Attestor));
		System::assert_last_event(
			Event::<Test>::RoleGranted { who: RATER, role: Office::Attestor }.into(),
		);
		assert_ok!(Enterprises::grant_role(RuntimeOrigin::root(), BANK, Office::Registrar));
		assert!(Enterprises::holds(&RATER, Office::Attestor));
		assert!(!Enterprises::holds(&RATER, Office::Registrar));
		assert!(Enterprises::holds(&BANK, Office::Registrar));

		assert_ok!(Enterprises::revoke_role(RuntimeOrigin::root(), RATER, Office::Attestor));
		System::assert_last_event(
			Event::<Test>::RoleRevoked { who: RATER, role: Office::Attestor }.into(),
		);
		assert!(!Enterprises::holds(&RATER, Office::Attestor));
	});
}

#[test]
fn offices_are_the_operators_and_given_once() {
	ExtBuilder::default().build_and_execute(|| {
		for caller in [STRANGER, BANK, CORE] {
			assert_noop!(
				Enterprises::grant_role(RuntimeOrigin::signed(caller), caller, Office::Attestor),
				DispatchError::BadOrigin
			);
		}
		attestor(RATER);
		assert_noop!(
			Enterprises::grant_role(RuntimeOrigin::root(), RATER, Office::Attestor),
			Error::<Test>::RoleHeld
		);
		assert_noop!(
			Enterprises::revoke_role(RuntimeOrigin::signed(RATER), RATER, Office::Attestor),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enterprises::revoke_role(RuntimeOrigin::root(), RATER, Office::Registrar),
			Error::<Test>::RoleNotHeld
		);
	});
}

#[test]
fn an_attestor_attests_and_a_new_grade_replaces_the_old() {
	ExtBuilder::default().build_and_execute(|| {
		attestor(RATER);
		let until = START + 30 * DAY;
		assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), SUPPLIER, D, until));
		System::assert_last_event(
			Event::<Test>::Attested {
				enterprise: SUPPLIER,
				attestation: 0,
				grade: D,
				expires_at: until,
				attestor: RATER,
				replaced: None,
			}
			.into(),
		);
		assert_eq!(Enterprises::in_force(&SUPPLIER, AttestationKind::Tier, START), Some((0, D)));
		assert_eq!(Enterprises::in_force(&SUPPLIER, AttestationKind::Green, START), None);

		// The other kind stands beside it; the same kind replaces it.
		assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), SUPPLIER, DEEP_GREEN, until));
		assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), SUPPLIER, A, until));
		System::assert_last_event(
			Event::<Test>::Attested {
				enterprise: SUPPLIER,
				attestation: 2,
				grade: A,
				expires_at: until,
				attestor: RATER,
				replaced: Some(0),
			}
			.into(),
		);
		assert_eq!(Enterprises::in_force(&SUPPLIER, AttestationKind::Tier, START), Some((2, A)));
		assert_eq!(
			Enterprises::in_force(&SUPPLIER, AttestationKind::Green, START),
			Some((1, DEEP_GREEN))
		);
		let shown = Enterprises::attestations_of(&SUPPLIER);
		assert_eq!(shown.len(), 2);
		assert!(shown.iter().all(|a| a.in_force && a.attestor == RATER && a.expires_at == until));
		assert_eq!(
			shown.iter().map(|a| (a.kind, a.grade)).collect::<Vec<_>>(),
			vec![(AttestationKind::Tier, A), (AttestationKind::Green, DEEP_GREEN)]
		);
	});
}

#[test]
fn an_attestation_counts_until_it_expires() {
	ExtBuilder::default().build_and_execute(|| {
		attestor(RATER);
		let until = START + DAY;
		assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), SUPPLIER, A, until));
		assert_eq!(
			Enterprises::in_force(&SUPPLIER, AttestationKind::Tier, until - 1),
			Some((0, A))
		);
		assert_eq!(Enterprises::in_force(&SUPPLIER, AttestationKind::Tier, until), None);
		Timestamp::set_timestamp(until);
		let shown = Enterprises::attestations_of(&SUPPLIER);
		assert_eq!(shown.len(), 1, "an expired attestation stays on record");
		assert!(!shown[0].in_force);
	});
}

#[test]
fn an_attestors_grades_stop_counting_with_its_office() {
	ExtBuilder::default().build_and_execute(|| {
		attestor(RATER);
		assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), SUPPLIER, A, START + DAY));
		assert_ok!(Enterprises::revoke_role(RuntimeOrigin::root(), RATER, Office::Attestor));
		assert_eq!(Enterprises::in_force(&SUPPLIER, AttestationKind::Tier, START), None);
		assert!(!Enterprises::attestations_of(&SUPPLIER)[0].in_force);
		// Given back, they count again (they were never removed).
		attestor(RATER);
		assert_eq!(Enterprises::in_force(&SUPPLIER, AttestationKind::Tier, START), Some((0, A)));
	});
}

#[test]
fn attest_refusals_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let until = START + DAY;
		// Not an Attestor (a bank without the office, a stranger).
		for caller in [BANK, STRANGER] {
			assert_noop!(
				Enterprises::attest(RuntimeOrigin::signed(caller), SUPPLIER, A, until),
				Error::<Test>::NotAttestor
			);
		}
		attestor(BANK);
		assert_noop!(
			Enterprises::attest(RuntimeOrigin::signed(BANK), BANK, A, until),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			Enterprises::attest(RuntimeOrigin::signed(BANK), STRANGER, A, until),
			Error::<Test>::NotRegistered
		);
		for past in [START, START - 1] {
			assert_noop!(
				Enterprises::attest(RuntimeOrigin::signed(BANK), SUPPLIER, A, past),
				Error::<Test>::ExpiryInPast
			);
		}
		assert_noop!(
			Enterprises::attest(RuntimeOrigin::root(), SUPPLIER, A, until),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_attestor_revokes_what_it_attested() {
	ExtBuilder::default().build_and_execute(|| {
		attestor(RATER);
		assert_ok!(Enterprises::attest(
			RuntimeOrigin::signed(RATER),
			SUPPLIER,
			DEEP_GREEN,
			START + DAY
		));
		assert_ok!(Enterprises::revoke_attestation(
			RuntimeOrigin::signed(RATER),
			SUPPLIER,
			AttestationKind::Green
		));
		System::assert_last_event(
			Event::<Test>::AttestationRevoked {
				enterprise: SUPPLIER,
				kind: AttestationKind::Green,
				attestation: 0,
			}
			.into(),
		);
		assert_eq!(Enterprises::in_force(&SUPPLIER, AttestationKind::Green, START), None);
		assert!(Enterprises::attestations_of(&SUPPLIER).is_empty());
	});
}

#[test]
fn revoke_attestation_refusals_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		attestor(RATER);
		attestor(BANK);
		assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), SUPPLIER, A, START + DAY));
		assert_noop!(
			Enterprises::revoke_attestation(
				RuntimeOrigin::signed(STRANGER),
				SUPPLIER,
				AttestationKind::Tier
			),
			Error::<Test>::NotAttestor
		);
		assert_noop!(
			Enterprises::revoke_attestation(
				RuntimeOrigin::signed(BANK),
				SUPPLIER,
				AttestationKind::Tier
			),
			Error::<Test>::NotAttestationAuthor
		);
		assert_noop!(
			Enterprises::revoke_attestation(
				RuntimeOrigin::signed(RATER),
				SUPPLIER,
				AttestationKind::Green
			),
			Error::<Test>::NoAttestation
		);
		assert_noop!(
			Enterprises::revoke_attestation(
				RuntimeOrigin::signed(RATER),
				CORE,
				AttestationKind::Tier
			),
			Error::<Test>::NoAttestation
		);
	});
}
