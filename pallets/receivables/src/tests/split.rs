use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn split_consumes_parent_and_makes_children() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[300, 300, 400])));
		let parent = Notes::<Test>::get(root).unwrap();
		assert_eq!(parent.state, NoteState::Consumed);
		assert!(!NotesByHolder::<Test>::contains_key(T1, root));
		for (i, amount) in [300, 300, 400].into_iter().enumerate() {
			let id = root + 1 + i as u64;
			let child = Notes::<Test>::get(id).unwrap();
			assert_eq!(child.parent, Some(root));
			assert_eq!(child.depth, 1);
			assert_eq!(child.amount, amount);
			assert_eq!(child.holder, T1);
			assert_eq!(child.state, NoteState::Active);
			assert_eq!(child.receivable, r);
			assert!(NotesByHolder::<Test>::contains_key(T1, id));
			assert!(NotesByReceivable::<Test>::contains_key(r, id));
		}
		System::assert_last_event(
			Event::<Test>::Split {
				note: root,
				holder: T1,
				children: vec![root + 1, root + 2, root + 3].try_into().unwrap(),
			}
			.into(),
		);
	});
}

#[test]
fn split_of_a_child_goes_one_level_deeper() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])));
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root + 1, amounts(&[200, 300])));
		assert_eq!(Notes::<Test>::get(root + 3).unwrap().depth, 2);
		assert_eq!(Notes::<Test>::get(root + 3).unwrap().parent, Some(root + 1));
	});
}

#[test]
fn split_amount_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[1_000])),
			Error::<Test>::TooFewParts
		);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[])),
			Error::<Test>::TooFewParts
		);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 400])),
			Error::<Test>::AmountMismatch
		);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 600])),
			Error::<Test>::AmountMismatch
		);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[u128::MAX, 200])),
			Error::<Test>::AmountMismatch
		);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[950, 50])),
			Error::<Test>::BelowMinimum
		);
	});
}

#[test]
fn split_by_wrong_callers_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), 77, amounts(&[500, 500])),
			Error::<Test>::UnknownNote
		);
		let (_, root) = active_receivable(1_000);
		for caller in [T2, CORE, BANK, STRANGER] {
			assert_noop!(
				Receivables::split(RuntimeOrigin::signed(caller), root, amounts(&[500, 500])),
				Error::<Test>::NotHolder
			);
		}
		assert_noop!(
			Receivables::split(RuntimeOrigin::root(), root, amounts(&[500, 500])),
			DispatchError::BadOrigin
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T1));
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])),
			Error::<Test>::NotParticipant
		);
	});
}

#[test]
fn split_of_unmovable_notes_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), root));
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])),
			Error::<Test>::NoteFrozen
		);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), root));
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])),
			Error::<Test>::NoteNotActive
		);
		assert_ok!(Receivables::revoke(RuntimeOrigin::signed(T1), root));
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])));
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])),
			Error::<Test>::NoteNotActive
		);
	});
}
