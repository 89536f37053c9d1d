use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState};
use frame_support::{assert_noop, assert_ok, weights::Weight};
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

/// `from` splits 1.00 pieces off `note` and offers them to `to`, `n` times; returns the
/// offered notes and the note left.
fn offer_pieces(from: AccountId, mut note: u64, to: AccountId, n: u32) -> (Vec<u64>, u64) {
	let mut offered = vec![];
	for _ in 0..n {
		let sent = crate::NextNoteId::<Test>::get();
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(from), note, to, 100));
		offered.push(sent);
		note = sent + 1;
	}
	(offered, note)
}

// Issue 11, item 7 (offers): a holder cannot push unbounded offers onto another account. At
// most MAX_OFFERS wait for one account, at most MAX_OFFERS_FROM of them from one sender
// (issue 25, item 7); it clears them one O(1) call each.
#[test]
fn nobody_can_grow_another_accounts_offers_without_bound() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(100 * (2 * MAX_OFFERS as u128 + 4));
		// T1 passes half its note to T3, so two senders can offer to T2.
		let half = 100 * (MAX_OFFERS as u128 + 2);
		let to_t3 = crate::NextNoteId::<Test>::get();
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T3, half));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T3), to_t3));
		let (offered, note) = offer_pieces(T1, to_t3 + 1, T2, MAX_OFFERS_FROM);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), note, T2, 100),
			Error::<Test>::TooManyOffersFrom
		);
		let (_, t3_note) = offer_pieces(T3, to_t3, T2, MAX_OFFERS - MAX_OFFERS_FROM);
		assert_eq!(OffersWaiting::<Test>::get(T2), MAX_OFFERS);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T3), t3_note, T2, 100),
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
		assert_eq!(OffersFromCount::<Test>::get(T2, T1), MAX_OFFERS_FROM - 2);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), offered[0], T2));
	});
}

// Issue 25, item 7: an account flooded by one sender clears everything that sender offered in
// one call; other senders' offers stay.
#[test]
fn reject_all_from_clears_one_senders_offers_in_one_call() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(100 * (MAX_OFFERS as u128 + 2));
		let (offered, _) = offer_pieces(T1, root, T2, MAX_OFFERS_FROM);
		// CORE issues to T2 as well: an offer of another sender.
		let other_root = crate::NextNoteId::<Test>::get();
		let other = crate::NextReceivableId::<Test>::get();
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(CORE),
			T2,
			CNY,
			1_000,
			START + 30 * DAY,
			LINE,
			doc(),
			invoice("TO-T2")
		));
		assert_noop!(
			Receivables::reject_all_from(RuntimeOrigin::signed(T2), T3),
			Error::<Test>::NoOffersFrom
		);
		assert_noop!(
			Receivables::reject_all_from(RuntimeOrigin::signed(T3), T1),
			Error::<Test>::NoOffersFrom
		);
		assert_ok!(Receivables::reject_all_from(RuntimeOrigin::signed(T2), T1));
		System::assert_last_event(
			Event::RejectedAllFrom { by: T2, sender: T1, count: MAX_OFFERS_FROM }.into(),
		);
		for id in &offered {
			let note = crate::Notes::<Test>::get(id).unwrap();
			assert_eq!((note.holder, note.state), (T1, NoteState::Active));
		}
		assert_eq!(OffersFromCount::<Test>::get(T2, T1), 0);
		assert_eq!(OffersWaiting::<Test>::get(T2), 1, "CORE's offer is still there");
		// A core's issuance rejected all at once is cancelled, its credit released.
		let used = pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used;
		assert_ok!(Receivables::reject_all_from(RuntimeOrigin::signed(T2), CORE));
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(other).unwrap().status,
			crate::ReceivableStatus::Cancelled
		);
		assert_eq!(pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used, used - 1_000);
		assert!(!crate::PendingTo::<Test>::contains_key(T2, other_root));
		assert_eq!(OffersWaiting::<Test>::get(T2), 0);
	});
}

// Issue 25, item 7: after an upgrade from a chain without the per-sender index, the offers that
// wait are indexed from blocks' leftover weight, a bounded number a block.
#[test]
fn an_upgraded_chain_indexes_its_waiting_offers_by_sender() {
	use frame_support::traits::{Get, GetStorageVersion, Hooks, StorageVersion};
	ExtBuilder::default().build_and_execute(|| {
		let (_, root) = active_receivable(100 * (MAX_OFFERS as u128 + 2));
		let (offered, _) = offer_pieces(T1, root, T2, 3);
		// As before the index existed.
		let _ = crate::OffersFrom::<Test>::clear(u32::MAX, None);
		let _ = OffersFromCount::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Receivables>();
		Receivables::on_runtime_upgrade();
		assert_eq!(Receivables::on_chain_storage_version(), 2);
		check_invariants();
		// Room for one note a block: the backfill goes one note at a time.
		let db: frame_support::weights::RuntimeDbWeight =
			<Test as frame_system::Config>::DbWeight::get();
		let one = db
			.reads_writes(1, 1)
			.saturating_add(Receivables::exposure_backfill_step())
			.saturating_add(db.reads_writes(1, 2));
		let before = crate::OffersBackfill::<Test>::get().unwrap().0;
		Receivables::on_idle(2, one.saturating_add(db.reads_writes(1, 1)));
		assert_eq!(crate::OffersBackfill::<Test>::get().unwrap().0, before + 1);
		check_invariants();
		Receivables::on_idle(3, Weight::MAX);
		assert!(crate::OffersBackfill::<Test>::get().is_none());
		assert_eq!(OffersFromCount::<Test>::get(T2, T1), 3);
		check_invariants();
		assert_ok!(Receivables::reject_all_from(RuntimeOrigin::signed(T2), T1));
		assert_eq!(crate::Notes::<Test>::get(offered[2]).unwrap().state, NoteState::Active);
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
