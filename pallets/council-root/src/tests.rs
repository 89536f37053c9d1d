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

mod open_motions {
	use crate::{mock::*, Error, MotionTicket, OpenMotions};
	use frame_support::{assert_noop, traits::Consideration};

	type Ticket = MotionTicket<Test>;

	/// Member `who` proposes motion `n`: the collective adds it, then asks for its ticket.
	fn propose(who: u64, n: u8) -> Result<Ticket, sp_runtime::DispatchError> {
		open_motion(n);
		let ticket = Ticket::new(&who, 0);
		if ticket.is_err() {
			close_motion(n);
		}
		ticket
	}

	#[test]
	fn a_member_at_its_limit_is_refused_and_the_others_still_propose() {
		new_test_ext().execute_with(|| {
			for n in 1..=3 {
				assert!(propose(7, n).is_ok());
			}
			assert_eq!(OpenMotions::<Test>::get(7).len(), 3);
			open_motion(4);
			assert_noop!(Ticket::new(&7, 3), Error::<Test>::TooManyOpenMotions);
			close_motion(4);
			// Another member is not held back by the first.
			assert!(propose(8, 5).is_ok());
			assert_eq!(OpenMotions::<Test>::get(8).len(), 1);
		});
	}

	#[test]
	fn closed_motions_stop_counting() {
		new_test_ext().execute_with(|| {
			for n in 1..=3 {
				assert!(propose(7, n).is_ok());
			}
			// Motion 2 closes (carried or not): the member may propose again, and the closed
			// motion is dropped from its list.
			close_motion(2);
			assert!(propose(7, 4).is_ok());
			let hashes: Vec<_> = OpenMotions::<Test>::get(7).into_inner();
			assert_eq!(
				hashes,
				vec![H256::repeat_byte(1), H256::repeat_byte(3), H256::repeat_byte(4)]
			);
		});
	}

	#[test]
	fn releasing_or_burning_a_ticket_forgets_its_motion() {
		new_test_ext().execute_with(|| {
			let first = propose(7, 1).unwrap();
			let second = propose(7, 2).unwrap();
			assert_eq!(OpenMotions::<Test>::get(7).len(), 2);
			first.drop(&7).unwrap();
			assert_eq!(OpenMotions::<Test>::get(7).into_inner(), vec![H256::repeat_byte(2)]);
			second.burn(&7);
			assert!(!OpenMotions::<Test>::contains_key(7));
		});
	}

	#[test]
	fn no_motion_no_ticket() {
		new_test_ext().execute_with(|| {
			assert_noop!(Ticket::new(&7, 0), Error::<Test>::NoMotion);
		});
	}
}
