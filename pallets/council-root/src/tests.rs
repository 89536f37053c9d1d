//! Root only through the configured origin.

use crate::{mock::*, Event};
use frame_support::{assert_noop, assert_ok, storage::unhashed};
use sp_runtime::{traits::Hash, DispatchError};

fn set_storage() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(b"governed".to_vec(), b"yes".to_vec())],
	})
}

#[test]
fn the_motion_origin_dispatches_a_root_only_call() {
	new_test_ext().execute_with(|| {
		let call = set_storage();
		let call_hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(CouncilRoot::dispatch_as_root(RuntimeOrigin::signed(1), Box::new(call)));
		assert_eq!(unhashed::get_raw(b"governed"), Some(b"yes".to_vec()));
		System::assert_last_event(Event::DispatchedAsRoot { call_hash }.into());
	});
}

#[test]
fn any_other_account_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CouncilRoot::dispatch_as_root(RuntimeOrigin::signed(2), Box::new(set_storage())),
			DispatchError::BadOrigin
		);
		assert_eq!(unhashed::get_raw(b"governed"), None);
	});
}

#[test]
fn root_only_calls_refuse_the_motion_origin_itself() {
	// Without this pallet, the council's origin is not Root.
	new_test_ext().execute_with(|| {
		assert_noop!(
			System::set_storage(
				RuntimeOrigin::signed(1),
				vec![(b"governed".to_vec(), b"yes".to_vec())]
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_failing_call_fails_the_dispatch_and_leaves_nothing() {
	new_test_ext().execute_with(|| {
		// Root is not the motion's origin: the inner dispatch fails with BadOrigin.
		let inner = RuntimeCall::CouncilRoot(crate::Call::dispatch_as_root {
			call: Box::new(set_storage()),
		});
		let result = CouncilRoot::dispatch_as_root(RuntimeOrigin::signed(1), Box::new(inner));
		assert_eq!(result.map_err(|e| e.error), Err(DispatchError::BadOrigin));
		assert_eq!(unhashed::get_raw(b"governed"), None);
		assert!(System::events().is_empty());
	});
}
