use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState, Parameters};
use cascade_primitives::NoteLedger;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn freeze_blocks_everything_until_unfrozen() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), root));
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Frozen);
		System::assert_last_event(Event::<Test>::Frozen { note: root }.into());
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), root, T2),
			Error::<Test>::NoteFrozen
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 300),
			Error::<Test>::NoteFrozen
		);
		assert_noop!(
			<Receivables as NoteLedger<_, _, _>>::pledge(root, 0),
			Error::<Test>::NoteNotActive
		);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(START + 30 * DAY);
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(T1), root),
			Error::<Test>::NoteFrozen
		);
		// Lifting the freeze pays the note what waited for it in escrow.
		let before = cny(T1);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), root));
		System::assert_has_event(Event::<Test>::Unfrozen { note: root }.into());
		System::assert_last_event(Event::<Test>::Settled { receivable: r }.into());
		assert_eq!(cny(T1), before + 1_000);
		assert_eq!(Notes::<Test>::get(root).unwrap().state, NoteState::Redeemed);
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(T1), root),
			Error::<Test>::AlreadyRedeemed
		);
	});
}

#[test]
fn freeze_of_pending_and_pledged_restores_them() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(1_000);
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])));
		let (a, b) = (root + 1, root + 2);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), a, T2));
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), a));
		assert!(!PendingTo::<Test>::contains_key(T2, a));
		assert_noop!(Receivables::accept(RuntimeOrigin::signed(T2), a), Error::<Test>::NotPending);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), a));
		assert_eq!(Notes::<Test>::get(a).unwrap().state, NoteState::Pending { to: T2 });
		assert!(PendingTo::<Test>::contains_key(T2, a));

		assert_ok!(<Receivables as NoteLedger<_, _, _>>::pledge(b, 7));
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), b));
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), b));
		assert_eq!(Notes::<Test>::get(b).unwrap().state, NoteState::Pledged { financing: 7 });
	});
}

#[test]
fn freeze_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Receivables::freeze(RuntimeOrigin::root(), 3), Error::<Test>::UnknownNote);
		let (_, root) = active_receivable(1_000);
		for caller in [T1, CORE, OPERATOR] {
			assert_noop!(
				Receivables::freeze(RuntimeOrigin::signed(caller), root),
				DispatchError::BadOrigin
			);
		}
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), root));
		assert_noop!(Receivables::freeze(RuntimeOrigin::root(), root), Error::<Test>::NoteFrozen);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), root));
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])));
		assert_noop!(Receivables::freeze(RuntimeOrigin::root(), root), Error::<Test>::NotFreezable);
	});
}

#[test]
fn unfreeze_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Receivables::unfreeze(RuntimeOrigin::root(), 3), Error::<Test>::UnknownNote);
		let (_, root) = active_receivable(1_000);
		assert_noop!(Receivables::unfreeze(RuntimeOrigin::root(), root), Error::<Test>::NotFrozen);
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), root));
		assert_noop!(
			Receivables::unfreeze(RuntimeOrigin::signed(T1), root),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_parameters_stores_and_applies() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			Params::<Test>::get(),
			Parameters { max_tenor: 365 * DAY, grace_period: 3 * DAY, min_note_amount: 100 }
		);
		assert_ok!(Receivables::set_parameters(RuntimeOrigin::root(), 10 * DAY, 60_000, 1));
		assert_eq!(
			Params::<Test>::get(),
			Parameters { max_tenor: 10 * DAY, grace_period: 60_000, min_note_amount: 1 }
		);
		System::assert_last_event(
			Event::<Test>::ParametersSet {
				max_tenor: 10 * DAY,
				grace_period: 60_000,
				min_note_amount: 1,
			}
			.into(),
		);
		assert_noop!(
			Receivables::issue(
				RuntimeOrigin::signed(CORE),
				T1,
				CNY,
				1_000,
				START + 11 * DAY,
				LINE,
				doc(),
				invoice("X")
			),
			Error::<Test>::TenorTooLong
		);
		let root = NextNoteId::<Test>::get();
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(CORE),
			T1,
			CNY,
			2,
			START + 10 * DAY,
			LINE,
			doc(),
			invoice("SMALL")
		));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[1, 1])));
	});
}

#[test]
fn set_parameters_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::set_parameters(RuntimeOrigin::signed(OPERATOR), DAY, DAY, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Receivables::set_parameters(RuntimeOrigin::root(), 0, DAY, 1),
			Error::<Test>::InvalidParameters
		);
		assert_noop!(
			Receivables::set_parameters(RuntimeOrigin::root(), DAY, DAY, 0),
			Error::<Test>::InvalidParameters
		);
	});
}
