//! The `NoteLedger` view other pallets use.

use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState};
use cascade_primitives::{NoteLedger, NoteStanding};
use frame_support::{assert_noop, assert_ok};

type Ledger = Receivables;

#[test]
fn note_view_reports_note_and_receivable() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = issue_to_t1(1_000, "INV-1");
		let view = <Ledger as NoteLedger<_, _, _>>::note(root).unwrap();
		assert_eq!(view.standing, NoteStanding::Pending);
		assert!(!view.financeable);
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		let view = <Ledger as NoteLedger<_, _, _>>::note(root).unwrap();
		assert_eq!(
			(view.receivable, view.holder, view.amount, view.obligor, view.asset),
			(r, T1, 1_000, CORE, CNY)
		);
		assert_eq!(view.maturity, START + 30 * DAY);
		assert_eq!(view.standing, NoteStanding::Active);
		assert!(view.financeable && !view.overdue);
		assert!(<Ledger as NoteLedger<_, _, _>>::note(99).is_none());
	});
}

#[test]
fn move_note_hands_an_active_note_over() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(<Ledger as NoteLedger<_, _, _>>::move_note(root, &BANK));
		let note = Notes::<Test>::get(root).unwrap();
		assert_eq!((note.holder, note.state), (BANK, NoteState::Active));
		assert!(NotesByHolder::<Test>::contains_key(BANK, root));
		assert!(!NotesByHolder::<Test>::contains_key(T1, root));
		System::assert_last_event(
			Event::<Test>::NoteMoved { note: root, from: T1, to: BANK }.into(),
		);
		assert_noop!(
			<Ledger as NoteLedger<_, _, _>>::move_note(root, &BANK),
			Error::<Test>::SelfTransfer
		);
		assert_noop!(
			<Ledger as NoteLedger<_, _, _>>::move_note(42, &BANK),
			Error::<Test>::UnknownNote
		);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(BANK), root, T2));
		assert_noop!(
			<Ledger as NoteLedger<_, _, _>>::move_note(root, &T3),
			Error::<Test>::NoteNotActive
		);
	});
}

#[test]
fn pledge_and_release() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(<Ledger as NoteLedger<_, _, _>>::pledge(root, 3));
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Pledged { financing: 3 });
		System::assert_last_event(Event::<Test>::Pledged { note: root, financing: 3 }.into());
		assert_noop!(
			<Ledger as NoteLedger<_, _, _>>::pledge(root, 4),
			Error::<Test>::NoteNotActive
		);
		assert_ok!(<Ledger as NoteLedger<_, _, _>>::release_pledge(root));
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Active);
		System::assert_last_event(Event::<Test>::PledgeReleased { note: root }.into());
		assert_noop!(
			<Ledger as NoteLedger<_, _, _>>::release_pledge(root),
			Error::<Test>::NotPledged
		);
		assert_noop!(<Ledger as NoteLedger<_, _, _>>::pledge(42, 1), Error::<Test>::UnknownNote);
	});
}

#[test]
fn release_of_a_frozen_pledged_note_unfreezes_to_active() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(<Ledger as NoteLedger<_, _, _>>::pledge(root, 3));
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), root));
		assert_ok!(<Ledger as NoteLedger<_, _, _>>::release_pledge(root));
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Frozen);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), root));
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Active);
	});
}
