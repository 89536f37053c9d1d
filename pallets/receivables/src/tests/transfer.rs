use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn transfer_offers_the_whole_note() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		let note = Notes::<Test>::get(root).unwrap();
		assert_eq!(note.holder, T1);
		assert_eq!(note.state, NoteState::Pending { to: T2 });
		assert!(PendingTo::<Test>::contains_key(T2, root));
		System::assert_last_event(
			Event::<Test>::Transferred { note: root, from: T1, to: T2 }.into(),
		);
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), root));
		assert_eq!(Notes::<Test>::get(root).unwrap().holder, T2);
		assert!(NotesByHolder::<Test>::contains_key(T2, root));
		assert!(!NotesByHolder::<Test>::contains_key(T1, root));
	});
}

#[test]
fn transfer_to_a_financier_is_allowed() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, BANK));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(BANK), root));
	});
}

#[test]
fn transfer_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), 9, T2),
			Error::<Test>::UnknownNote
		);
		let (_, root) = active_receivable(1_000);
		for caller in [T2, CORE, STRANGER] {
			assert_noop!(
				Receivables::transfer(RuntimeOrigin::signed(caller), root, T3),
				Error::<Test>::NotHolder
			);
		}
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::root(), root, T3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), root, T1),
			Error::<Test>::SelfTransfer
		);
		// A pure core, a stranger and a suspended supplier cannot receive notes.
		for to in [CORE, STRANGER] {
			assert_noop!(
				Receivables::transfer(RuntimeOrigin::signed(T1), root, to),
				Error::<Test>::RecipientNotEligible
			);
		}
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T2));
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), root, T2),
			Error::<Test>::RecipientNotEligible
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T1));
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), root, T3),
			Error::<Test>::NotParticipant
		);
		assert_ok!(Enterprises::reinstate(RuntimeOrigin::root(), T1));
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T3));
		// Already pending.
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), root, BANK),
			Error::<Test>::NoteNotActive
		);
	});
}

#[test]
fn split_transfer_keeps_total() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 300));
		let (sent, kept) = (root + 1, root + 2);
		let s = Notes::<Test>::get(sent).unwrap();
		let k = Notes::<Test>::get(kept).unwrap();
		assert_eq!(
			(s.amount, s.holder, s.state, s.depth),
			(300, T1, NoteState::Pending { to: T2 }, 1)
		);
		assert_eq!((k.amount, k.holder, k.state, k.depth), (700, T1, NoteState::Active, 1));
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Consumed);
		System::assert_last_event(
			Event::<Test>::SplitTransferred {
				note: root,
				from: T1,
				to: T2,
				sent,
				kept,
				amount: 300,
			}
			.into(),
		);
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), sent));
		assert_eq!(Notes::<Test>::get(sent).unwrap().holder, T2);
	});
}

#[test]
fn split_transfer_of_whole_amount_is_a_transfer() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 1_000));
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Pending { to: T2 });
		assert!(Notes::<Test>::get(root + 1).is_none());
	});
}

#[test]
fn split_transfer_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), 9, T2, 300),
			Error::<Test>::UnknownNote
		);
		let (_, root) = active_receivable(1_000);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T2), root, T3, 300),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T1, 300),
			Error::<Test>::SelfTransfer
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, STRANGER, 300),
			Error::<Test>::RecipientNotEligible
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 1_001),
			Error::<Test>::AmountTooLarge
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 99),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 901),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::root(), root, T2, 300),
			DispatchError::BadOrigin
		);
	});
}

// Issue 11, item 7 (offers): a holder cannot push unbounded offers onto another account. At
// most MAX_OFFERS wait for one account; it clears them one O(1) call each.
#[test]
fn nobody_can_grow_another_accounts_offers_without_bound() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(100 * (MAX_OFFERS as u128 + 2));
		// T1 splits off 1.00 pieces and offers them to T2, one after another.
		let mut note = root;
		let mut offered = vec![];
		for _ in 0..MAX_OFFERS {
			let sent = crate::NextNoteId::<Test>::get();
			assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), note, T2, 100));
			offered.push(sent);
			note = sent + 1;
		}
		assert_eq!(OffersWaiting::<Test>::get(T2), MAX_OFFERS);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), note, T2, 100),
			Error::<Test>::TooManyOffers
		);
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), note, T2),
			Error::<Test>::TooManyOffers
		);
		// Others may still offer to anyone else.
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), note, T3, 100));
		// T2 rejects one and accepts another: room for two more.
		assert_ok!(Receivables::reject(RuntimeOrigin::signed(T2), offered[0]));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), offered[1]));
		assert_eq!(OffersWaiting::<Test>::get(T2), MAX_OFFERS - 2);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), offered[0], T2));
	});
}

#[test]
fn frozen_and_revoked_offers_leave_the_count() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		assert_eq!(OffersWaiting::<Test>::get(T2), 1);
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), root));
		assert_eq!(OffersWaiting::<Test>::get(T2), 0);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), root));
		assert_eq!(OffersWaiting::<Test>::get(T2), 1);
		assert_ok!(Receivables::revoke(RuntimeOrigin::signed(T1), root));
		assert!(!OffersWaiting::<Test>::contains_key(T2));
	});
}
