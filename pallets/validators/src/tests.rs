//! Admitting and removing validators, and what Session is handed.

use crate::{mock::*, Error, Event};
use frame_support::{assert_noop, assert_ok};
use pallet_session::SessionManager;
use sp_runtime::DispatchError;

fn set() -> Vec<u64> {
	crate::Validators::<Test>::get().into_inner()
}

#[test]
fn operator_adds_a_validator_with_keys() {
	test(|| {
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 5));
		assert_eq!(set(), vec![1, 2, 3, 4, 5]);
		System::assert_last_event(Event::ValidatorAdded { who: 5 }.into());
		assert_eq!(<Validators as SessionManager<u64>>::new_session(1), Some(vec![1, 2, 3, 4, 5]));
	});
}

#[test]
fn operator_removes_a_validator() {
	test(|| {
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 4));
		assert_eq!(set(), vec![1, 2, 3]);
		System::assert_last_event(Event::ValidatorRemoved { who: 4 }.into());
		assert_eq!(<Validators as SessionManager<u64>>::new_session(1), Some(vec![1, 2, 3]));
	});
}

#[test]
fn signed_accounts_cannot_change_the_set() {
	test(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::signed(1), 5),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn adding_a_validator_twice_fails() {
	test(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 4),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn adding_an_account_without_session_keys_fails() {
	test(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 6),
			Error::<Test>::NoSessionKeys
		);
	});
}

#[test]
fn the_set_is_bounded() {
	test(|| {
		MockKeys::register(7);
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 5));
		MockKeys::register(6);
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 6));
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 7),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn removing_a_stranger_fails() {
	test(|| {
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn three_validators_are_always_kept() {
	test(|| {
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 1));
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(set(), vec![2, 3, 4]);
	});
}

// Issue 25, item 10: a validator that purged its session keys no longer authors or votes
// (Session drops it), so it counts as gone: a removal may not leave fewer than MinValidators
// validators that still have keys. Before, the set's length alone counted, and with 4 purging
// its keys the council could remove 1 and leave 2 working validators of 3 required.
#[test]
fn a_validator_without_session_keys_counts_as_gone() {
	test(|| {
		MockKeys::purge(4);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
		// Removing the keyless one leaves three working validators: allowed.
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 4));
		assert_eq!(set(), vec![1, 2, 3]);
	});
}
