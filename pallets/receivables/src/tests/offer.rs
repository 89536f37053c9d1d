use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState, ReceivableStatus};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn accept_root_activates_receivable() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = issue_to_t1(1_000, "INV-1");
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		let note = Notes::<Test>::get(root).unwrap();
		assert_eq!(note.holder, T1);
		assert_eq!(note.state, NoteState::Active);
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(r).unwrap().status,
			ReceivableStatus::Active
		);
		assert!(NotesByHolder::<Test>::contains_key(T1, root));
		assert!(!NotesByHolder::<Test>::contains_key(CORE, root));
		assert!(!PendingTo::<Test>::contains_key(T1, root));
		System::assert_last_event(
			Event::<Test>::Accepted { note: root, receivable: r, holder: T1 }.into(),
		);
	});
}

#[test]
fn accept_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::accept(RuntimeOrigin::signed(T1), 42),
			Error::<Test>::UnknownNote
		);
		let (_, root) = issue_to_t1(1_000, "INV-1");
		for caller in [T2, CORE, BANK, STRANGER] {
			assert_noop!(
				Receivables::accept(RuntimeOrigin::signed(caller), root),
				Error::<Test>::NotRecipient
			);
		}
		assert_noop!(Receivables::accept(RuntimeOrigin::root(), root), DispatchError::BadOrigin);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T1));
		assert_noop!(
			Receivables::accept(RuntimeOrigin::signed(T1), root),
			Error::<Test>::NotParticipant
		);
		assert_ok!(Enterprises::reinstate(RuntimeOrigin::root(), T1));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		assert_noop!(
			Receivables::accept(RuntimeOrigin::signed(T1), root),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn reject_root_cancels_the_receivable() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = issue_to_t1(1_000, "INV-1");
		assert_ok!(Receivables::reject(RuntimeOrigin::signed(T1), root));
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(r).unwrap().status,
			ReceivableStatus::Cancelled
		);
		assert_eq!(pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used, 0);
		System::assert_last_event(
			Event::<Test>::Rejected { note: root, by: T1, holder: CORE }.into(),
		);
	});
}

#[test]
fn reject_transfer_returns_note_to_sender() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		assert_ok!(Receivables::reject(RuntimeOrigin::signed(T2), root));
		let note = Notes::<Test>::get(root).unwrap();
		assert_eq!((note.holder, note.state), (T1, NoteState::Active));
		assert!(!PendingTo::<Test>::contains_key(T2, root));
	});
}

#[test]
fn reject_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::reject(RuntimeOrigin::signed(T1), 42),
			Error::<Test>::UnknownNote
		);
		let (_, root) = active_receivable(1_000);
		assert_noop!(
			Receivables::reject(RuntimeOrigin::signed(T1), root),
			Error::<Test>::NotPending
		);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		for caller in [T1, T3, STRANGER] {
			assert_noop!(
				Receivables::reject(RuntimeOrigin::signed(caller), root),
				Error::<Test>::NotRecipient
			);
		}
		assert_noop!(Receivables::reject(RuntimeOrigin::root(), root), DispatchError::BadOrigin);
		// A suspended recipient may still refuse an offer.
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T2));
		assert_ok!(Receivables::reject(RuntimeOrigin::signed(T2), root));
	});
}

#[test]
fn revoke_takes_an_offer_back() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		assert_ok!(Receivables::revoke(RuntimeOrigin::signed(T1), root));
		let note = Notes::<Test>::get(root).unwrap();
		assert_eq!((note.holder, note.state), (T1, NoteState::Active));
		System::assert_last_event(Event::<Test>::Revoked { note: root, holder: T1 }.into());
		assert_noop!(
			Receivables::accept(RuntimeOrigin::signed(T2), root),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn revoke_of_unaccepted_root_cancels() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = issue_to_t1(1_000, "INV-1");
		assert_ok!(Receivables::revoke(RuntimeOrigin::signed(CORE), root));
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(r).unwrap().status,
			ReceivableStatus::Cancelled
		);
	});
}

#[test]
fn revoke_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::revoke(RuntimeOrigin::signed(T1), 42),
			Error::<Test>::UnknownNote
		);
		let (_, root) = active_receivable(1_000);
		assert_noop!(
			Receivables::revoke(RuntimeOrigin::signed(T1), root),
			Error::<Test>::NotPending
		);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		for caller in [T2, CORE, STRANGER] {
			assert_noop!(
				Receivables::revoke(RuntimeOrigin::signed(caller), root),
				Error::<Test>::NotHolder
			);
		}
		assert_noop!(Receivables::revoke(RuntimeOrigin::root(), root), DispatchError::BadOrigin);
	});
}
