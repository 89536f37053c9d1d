//! Clearing (自动清分) and partial repayment (部分兑付): the chain pays every note by itself,
//! `settle` pushes it along, and a receivable paid in parts is shared pro rata to the unit.

use crate::mock::Receivables;
use crate::{mock::*, pallet::*, Clearing, NoteState, ReceivableStatus};
use cascade_primitives::NoteLedger;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, Pays},
	traits::{fungibles::Inspect, Hooks},
	weights::Weight,
};
use sp_runtime::DispatchError;

const MATURITY: u64 = START + 30 * DAY;

fn receivable(r: u64) -> crate::ReceivableOf<Test> {
	crate::pallet::Receivables::<Test>::get(r).unwrap()
}

fn note(id: u64) -> crate::NoteOf<Test> {
	Notes::<Test>::get(id).unwrap()
}

fn used() -> Balance {
	pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used
}

/// An Active receivable of `face` whose root T1 split into `parts` (notes `root + 1 ..`).
fn split_receivable(face: Balance, parts: &[Balance]) -> (u64, Vec<u64>) {
	let (r, root) = issue_to_t1(face, &format!("SPLIT-{}", NextReceivableId::<Test>::get()));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
	assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(parts)));
	(r, (root + 1..root + 1 + parts.len() as u64).collect())
}

/// How many notes were paid in the events since the last `System::reset_events`.
fn payouts() -> usize {
	System::events()
		.iter()
		.filter(|e| {
			matches!(
				e.event,
				RuntimeEvent::Receivables(Event::Redeemed { .. } | Event::PartPaid { .. })
			)
		})
		.count()
}

#[test]
fn clearing_pays_every_holder_without_any_call() {
	ExtBuilder::default().build_and_execute(|| {
		// Five notes: T1 keeps one, T2 accepted one, one is pending to T3 (pays its sender,
		// T1), one is pledged (the stand-in lender BANK is owed 150 of it), one is sold to
		// BANK (factored), one is frozen.
		let (r, notes) = split_receivable(6_000, &[1_000; 6]);
		let [kept, accepted, pending, pledged, factored, frozen] = notes[..] else {
			unreachable!()
		};
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), accepted, T2));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), accepted));
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), pending, T3));
		assert_ok!(<Receivables as NoteLedger<_, _, _>>::pledge(pledged, 4));
		PledgeOwed::set(Some((BANK, 150)));
		assert_ok!(<Receivables as NoteLedger<_, _, _>>::move_note(factored, &BANK));
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), frozen));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		let escrow = Receivables::escrow_account(r);
		let (t1, t2, bank) = (cny(T1), cny(T2), cny(BANK));

		// Nothing before maturity.
		idle_blocks(3);
		assert_eq!((cny(T1), cny(T2), cny(BANK)), (t1, t2, bank));

		set_time(MATURITY);
		idle_blocks(1);
		// Every unfrozen note paid by the chain itself, pledgee first.
		assert_eq!(cny(T1), t1 + 1_000 + 1_000 + 850);
		assert_eq!(cny(T2), t2 + 1_000);
		assert_eq!(cny(BANK), bank + 150 + 1_000);
		for id in [kept, accepted, pending, pledged, factored] {
			assert_eq!(note(id).state, NoteState::Redeemed);
			assert_eq!(note(id).paid, 1_000);
		}
		assert!(!PendingTo::<Test>::contains_key(T3, pending));
		// The frozen note waits; the walk is over, so the queue is empty.
		assert_eq!(note(frozen).state, NoteState::Frozen);
		assert_eq!(receivable(r).status, ReceivableStatus::Repaid);
		assert_eq!(receivable(r).live_notes, 1);
		System::assert_has_event(Event::<Test>::ClearingDone { receivable: r }.into());
		assert_eq!(DueQueue::<Test>::iter().count(), 0);
		assert_eq!(cny(escrow), 1_000 + 1);

		// Lifting the freeze pays it; the receivable settles and the escrow empties.
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), frozen));
		assert_eq!(cny(T1), t1 + 3_850);
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
		assert_eq!(receivable(r).live_notes, 0);
		assert_eq!(cny(escrow), 0);
	});
}

#[test]
fn clearing_is_bounded_per_block_and_takes_receivables_in_order_of_maturity() {
	ExtBuilder::default().build_and_execute(|| {
		// Issued first, maturing last: 12 notes.
		let (late, _) = split_receivable(1_200, &[100; 12]);
		// Issued second, maturing first: 4 notes.
		let (early_id, early_root) = {
			let r = NextReceivableId::<Test>::get();
			let root = NextNoteId::<Test>::get();
			assert_ok!(Receivables::issue(
				RuntimeOrigin::signed(CORE),
				T1,
				CNY,
				400,
				MATURITY - DAY,
				LINE,
				doc(),
				invoice("EARLY")
			));
			assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
			(r, root)
		};
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), early_root, amounts(&[100; 4])));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), late));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), early_id));
		set_time(MATURITY);

		System::reset_events();
		idle_blocks(1);
		// At most MAX_CLEAR_PER_BLOCK notes (the two root notes, Consumed, are visited too):
		// the earlier maturity first, although issued and repaid second.
		assert!(payouts() <= MAX_CLEAR_PER_BLOCK as usize);
		assert_eq!(receivable(early_id).status, ReceivableStatus::Settled);
		assert!(receivable(late).paid_out > 0);
		assert_eq!(receivable(late).status, ReceivableStatus::Repaid);
		let mut blocks = 1;
		while receivable(late).status != ReceivableStatus::Settled {
			System::reset_events();
			idle_blocks(1);
			assert!(payouts() <= MAX_CLEAR_PER_BLOCK as usize);
			blocks += 1;
			assert!(blocks < 10, "clearing does not end");
		}
		// 16 notes and 2 consumed roots at 8 visits a block.
		assert_eq!(blocks, 3);
		assert_eq!(DueQueue::<Test>::iter().count(), 0);
	});
}

#[test]
fn clearing_uses_only_the_weight_the_block_has_left() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, notes) = split_receivable(600, &[100; 6]);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY);
		let per_receivable = Receivables::clear_receivable_weight();

		// No room for one note: nothing happens, nothing is charged beyond what was used.
		let used = Receivables::on_idle(2, per_receivable);
		assert!(used.all_lte(per_receivable));
		assert_eq!(receivable(r).paid_out, 0);

		// Room for the receivable and three notes: the first three of the index are visited
		// (the consumed root among them, perhaps).
		let room = Receivables::clearing_room(3);
		let used = Receivables::on_idle(3, room);
		assert!(used.all_lte(room), "used {used:?} of {room:?}");
		let first: Vec<u64> = NotesByReceivable::<Test>::iter_key_prefix(r).take(3).collect();
		let live = first.iter().filter(|id| notes.contains(id)).count() as Balance;
		assert_eq!(receivable(r).paid_out, 100 * live);
		assert_eq!(
			DueQueue::<Test>::get(Receivables::due_key(MATURITY), r).unwrap().last,
			Some(first[2])
		);
		check_invariants();

		// Nothing due: an idle block costs at most the look at the queue.
		idle_blocks(1);
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
		let used = Receivables::on_idle(9, Weight::MAX);
		assert!(used.all_lte(per_receivable));
	});
}

#[test]
fn settle_pushes_clearing_along_and_is_free_when_it_pays() {
	ExtBuilder::default().build_and_execute(|| {
		// Every note frozen: settle visits them, pays nothing, and the fee is due.
		let (frozen, notes) = split_receivable(200, &[100; 2]);
		for id in &notes {
			assert_ok!(Receivables::freeze(RuntimeOrigin::root(), *id));
		}
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), frozen));
		set_time(MATURITY);
		let call = crate::Call::<Test>::settle { receivable: frozen, max_notes: 3 };
		assert_eq!(call.get_dispatch_info().call_weight, <() as crate::WeightInfo>::settle(3));
		let info = Receivables::settle(RuntimeOrigin::signed(STRANGER), frozen, 3).unwrap();
		assert_eq!(info.pays_fee, Pays::Yes);
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::settle(3)));
		assert_eq!(receivable(frozen).paid_out, 0);
		System::assert_has_event(Event::<Test>::ClearingDone { receivable: frozen }.into());

		// Notes paid: free, charged for the notes visited only.
		set_time(START);
		let (r, _) = split_receivable(500, &[100; 5]);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY);
		let info = Receivables::settle(RuntimeOrigin::signed(STRANGER), r, 10).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		// The root and five notes; the last payout settled it.
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::settle(6)));
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);

		// Nothing left to settle on either.
		for id in [frozen, r] {
			assert_noop!(
				Receivables::settle(RuntimeOrigin::signed(STRANGER), id, 3),
				Error::<Test>::NothingToSettle
			);
		}
	});
}

#[test]
fn settle_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::settle(RuntimeOrigin::signed(STRANGER), 7, 1),
			Error::<Test>::UnknownReceivable
		);
		let (r, _) = split_receivable(500, &[100; 5]);
		for bad in [0, MAX_SETTLE_NOTES + 1] {
			assert_noop!(
				Receivables::settle(RuntimeOrigin::signed(STRANGER), r, bad),
				Error::<Test>::BadMaxNotes
			);
		}
		// No money in escrow.
		set_time(MATURITY);
		assert_noop!(
			Receivables::settle(RuntimeOrigin::signed(STRANGER), r, 1),
			Error::<Test>::NothingToSettle
		);
		// Money in escrow, not matured.
		set_time(START);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_noop!(
			Receivables::settle(RuntimeOrigin::signed(STRANGER), r, 1),
			Error::<Test>::NothingToSettle
		);
		assert_noop!(Receivables::settle(RuntimeOrigin::none(), r, 1), DispatchError::BadOrigin);
		set_time(MATURITY);
		assert_ok!(Receivables::settle(RuntimeOrigin::signed(STRANGER), r, MAX_SETTLE_NOTES));
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
		assert_noop!(
			Receivables::settle(RuntimeOrigin::signed(STRANGER), r, 1),
			Error::<Test>::NothingToSettle
		);
	});
}

#[test]
fn repay_part_before_maturity_is_shared_pro_rata_at_maturity() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, notes) = split_receivable(1_000, &[333, 333, 334]);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), notes[1], T2));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), notes[1]));
		let escrow = Receivables::escrow_account(r);
		let (core, t1, t2) = (cny(CORE), cny(T1), cny(T2));

		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 500));
		System::assert_last_event(
			Event::<Test>::PartRepaid { receivable: r, amount: 500, reserve: 1, outstanding: 500 }
				.into(),
		);
		// The first payment brings the reserve; the line is released by what was paid.
		assert_eq!(cny(CORE), core - 501);
		assert_eq!(cny(escrow), 501);
		assert_eq!(used(), 500);
		let rec = receivable(r);
		assert_eq!(
			(rec.status, rec.repaid, rec.repaid_at),
			(ReceivableStatus::Active, 500, Some(START))
		);

		idle_blocks(2);
		assert_eq!(cny(T1), t1, "nothing is paid before maturity");

		set_time(MATURITY);
		idle_blocks(1);
		// ⌊333 × 500 / 1000⌋ = 166, twice; ⌊334 × 500 / 1000⌋ = 167: 499 paid, 1 unit carried.
		assert_eq!(cny(T1), t1 + 166 + 167);
		assert_eq!(cny(T2), t2 + 166);
		assert_eq!(
			[note(notes[0]).paid, note(notes[1]).paid, note(notes[2]).paid],
			[166, 166, 167]
		);
		assert_eq!(receivable(r).paid_out, 499);
		assert_eq!(cny(escrow), 1 + 1);
		System::assert_has_event(
			Event::<Test>::PartPaid {
				note: notes[1],
				receivable: r,
				holder: T2,
				amount: 166,
				to_pledgee: None,
				to_seller: None,
				left: 167,
			}
			.into(),
		);
		for id in &notes {
			assert_eq!(note(*id).state, NoteState::Active, "partly paid notes stay live");
		}
	});
}

#[test]
fn repay_part_after_maturity_is_cleared_as_it_comes() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, notes) = split_receivable(900, &[300; 3]);
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		let t1 = cny(T1);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 300));
		assert_eq!(receivable(r).status, ReceivableStatus::Overdue);
		assert_eq!(used(), 600);
		idle_blocks(1);
		assert_eq!(cny(T1), t1 + 300);
		for id in &notes {
			assert_eq!(note(*id).paid, 100);
		}
		// The rest, paid late with `repay`: the line is free, every note paid in full.
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		System::assert_last_event(Event::<Test>::IssuerCured { issuer: CORE }.into());
		System::assert_has_event(
			Event::<Test>::Repaid {
				receivable: r,
				amount: 600,
				reserve: 0,
				escrow: Receivables::escrow_account(r),
			}
			.into(),
		);
		assert_eq!(used(), 0);
		idle_blocks(1);
		assert_eq!(cny(T1), t1 + 900);
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
		assert_eq!(cny(Receivables::escrow_account(r)), 0);
	});
}

#[test]
fn a_receivable_paid_in_three_parts_pays_every_note_exactly_its_amount() {
	let holders: Vec<AccountId> = (1_000..1_007).collect();
	ExtBuilder::default().suppliers(holders.clone()).build_and_execute(|| {
		// Seven awkward amounts summing to 10,007.
		let parts = [1_001, 1_999, 1_003, 2_001, 997, 1_003, 2_003];
		let face: Balance = parts.iter().sum();
		let (r, notes) = split_receivable(face, &parts);
		let mut before = Vec::new();
		for (id, who) in notes.iter().zip(&holders) {
			assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), *id, *who));
			assert_ok!(Receivables::accept(RuntimeOrigin::signed(*who), *id));
			before.push(cny(*who));
		}
		set_time(MATURITY);
		let mut repaid = 0;
		for (i, amount) in [3_331u128, 2_999, face - 3_331 - 2_999].into_iter().enumerate() {
			assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, amount));
			repaid += amount;
			idle_blocks(2);
			for ((id, who), (part, b)) in notes.iter().zip(&holders).zip(parts.iter().zip(&before))
			{
				// Each note holds exactly ⌊part × repaid / face⌋.
				let share = part * repaid / face;
				assert_eq!(note(*id).paid, share, "part {i}, note {id}");
				assert_eq!(cny(*who), b + share, "part {i}, holder {who}");
			}
		}
		for ((id, who), (part, b)) in notes.iter().zip(&holders).zip(parts.iter().zip(&before)) {
			assert_eq!(note(*id).state, NoteState::Redeemed);
			assert_eq!(cny(*who), b + part);
		}
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
		assert_eq!(cny(Receivables::escrow_account(r)), 0);
		assert_eq!(used(), 0);
	});
}

#[test]
fn money_arriving_during_a_walk_is_walked_again() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, notes) = split_receivable(1_600, &[100; 16]);
		set_time(MATURITY);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 800));
		idle_blocks(1);
		let key = Receivables::due_key(MATURITY);
		assert!(DueQueue::<Test>::get(key, r).unwrap().last.is_some(), "walk under way");
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 800));
		assert_eq!(DueQueue::<Test>::get(key, r).unwrap().again, true);
		idle_blocks(5);
		for id in &notes {
			assert_eq!(note(*id).paid, 100);
		}
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
	});
}

#[test]
fn a_payout_that_fails_is_skipped_and_left_for_redeem() {
	ExtBuilder::default().build_and_execute(|| {
		let hkd = |who| <Assets as Inspect<AccountId>>::balance(HKD, &who);
		// In HKD (minimum balance 1,000): T3 holds none, so a share of 600 cannot reach it.
		let r = NextReceivableId::<Test>::get();
		let root = NextNoteId::<Test>::get();
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(CORE),
			T1,
			HKD,
			3_200,
			MATURITY,
			HKD_LINE,
			doc(),
			invoice("HKD-1")
		));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[1_200, 2_000])));
		let (to_t3, kept) = (root + 1, root + 2);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), to_t3, T3));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T3), to_t3));
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 1_600));
		set_time(MATURITY);
		let t1 = hkd(T1);
		idle_blocks(1);
		System::assert_has_event(
			Event::<Test>::PayoutFailed {
				note: to_t3,
				error: sp_runtime::TokenError::BelowMinimum.into(),
			}
			.into(),
		);
		assert_eq!(note(to_t3).paid, 0);
		assert_eq!(note(kept).paid, 1_000);
		assert_eq!(hkd(T1), t1 + 1_000);
		assert_eq!(DueQueue::<Test>::iter().count(), 0, "the walk ended past the failure");
		// Once the rest is paid the share is large enough: redeem pays it.
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		idle_blocks(1);
		assert_eq!(hkd(T3), 1_200);
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
	});
}

#[test]
fn redeem_pays_the_share_now_and_nothing_twice() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, notes) = split_receivable(1_000, &[500, 500]);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 300));
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(STRANGER), notes[0]),
			Error::<Test>::NotMatured
		);
		set_time(MATURITY);
		let t1 = cny(T1);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), notes[0]));
		assert_eq!(cny(T1), t1 + 150);
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(STRANGER), notes[0]),
			Error::<Test>::NothingDue
		);
		// Clearing pays the other note and skips the one already paid.
		System::reset_events();
		idle_blocks(1);
		assert_eq!(payouts(), 1);
		assert_eq!(cny(T1), t1 + 300);
	});
}

#[test]
fn repay_part_errors_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::signed(CORE), 9, 100),
			Error::<Test>::UnknownReceivable
		);
		let (r, root) = issue_to_t1(1_000, "INV-P");
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 100),
			Error::<Test>::NotRepayable
		);
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::signed(T1), r, 100),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 1_001),
			Error::<Test>::AboveOutstanding
		);
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::none(), r, 100),
			DispatchError::BadOrigin
		);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 400));
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 601),
			Error::<Test>::AboveOutstanding
		);
		// Paying exactly the rest repays the receivable; nothing more is accepted.
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 600));
		assert_eq!(receivable(r).status, ReceivableStatus::Repaid);
		assert_noop!(
			Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 1),
			Error::<Test>::NotRepayable
		);
	});
}

#[test]
fn notes_cannot_be_split_once_payouts_have_begun() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, notes) = split_receivable(1_000, &[500, 500]);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 100));
		// Before maturity splitting is still fine.
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), notes[0], amounts(&[200, 300])));
		set_time(MATURITY);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), notes[1], amounts(&[200, 300])),
			Error::<Test>::PaymentsStarted
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), notes[1], T2, 200),
			Error::<Test>::PaymentsStarted
		);
		// A whole note still moves; its share follows the holder.
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), notes[1], T2));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), notes[1]));
		let t2 = cny(T2);
		idle_blocks(1);
		assert_eq!(cny(T2), t2 + 50);
	});
}

#[test]
fn the_clearing_cursor_is_stored_per_receivable() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, _) = split_receivable(1_000, &[100; 10]);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_eq!(
			DueQueue::<Test>::get(Receivables::due_key(MATURITY), r),
			Some(Clearing { last: None, again: false })
		);
		set_time(MATURITY);
		assert_ok!(Receivables::settle(RuntimeOrigin::signed(STRANGER), r, 4));
		let first: Vec<u64> = NotesByReceivable::<Test>::iter_key_prefix(r).take(4).collect();
		let live = first.iter().filter(|id| **id != receivable(r).root).count() as Balance;
		assert_eq!(receivable(r).paid_out, 100 * live);
		assert_eq!(
			DueQueue::<Test>::get(Receivables::due_key(MATURITY), r).unwrap().last,
			Some(first[3])
		);
		System::reset_events();
		idle_blocks(1);
		// The block went on from where settle stopped: every note paid once.
		assert_eq!(payouts() as Balance, 10 - live);
		assert_eq!(receivable(r).paid_out, 1_000);
	});
}

/// CORE issues `face` to T1 maturing at `maturity`, T1 accepts and splits it breadth first into
/// at least `notes` live notes of at least 100 each; returns the receivable.
fn many_notes(face: Balance, maturity: u64, notes: usize, inv: &str) -> u64 {
	let r = NextReceivableId::<Test>::get();
	let root = NextNoteId::<Test>::get();
	assert_ok!(Receivables::issue(
		RuntimeOrigin::signed(CORE),
		T1,
		CNY,
		face,
		maturity,
		LINE,
		doc(),
		invoice(inv)
	));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
	let mut queue = std::collections::VecDeque::from([root]);
	let mut live = 1;
	while live < notes {
		let id = queue.pop_front().expect("a note to split");
		let amount = note(id).amount;
		let part = amount / 16;
		assert!(part >= 100, "face too small for {notes} notes");
		let mut parts = vec![part; 15];
		parts.push(amount - part * 15);
		let first = NextNoteId::<Test>::get();
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), id, amounts(&parts)));
		queue.extend(first..first + 16);
		live += 15;
	}
	r
}

// Issue 25, item 2: clearing is fair. A core paying one unit into its older receivable A (50
// notes) every block kept A's walk going forever at the head of the queue: B, due later with
// 3,000 notes, was never paid. Due receivables now take turns of at most CLEAR_TURN notes, and
// money arriving mid-walk is paid by a later walk that waits its turn: B is paid within the
// blocks its notes need with A taking a turn in each.
#[test]
fn a_unit_paid_every_block_into_an_older_receivable_does_not_hold_up_a_later_one() {
	ExtBuilder::default().build_and_execute(|| {
		let a = many_notes(5_000 * 16, START + 20 * DAY, 50, "OLD-A");
		let b = many_notes(100 * 16 * 16 * 16, START + 30 * DAY, 3_000, "LATER-B");
		let b_visits = NotesByReceivable::<Test>::iter_prefix(b).count() as u32;
		assert!(b_visits >= 3_000);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), b));
		set_time(START + 30 * DAY);
		// The blocks B's notes need while one other receivable takes its turn in each block.
		let share = MAX_CLEAR_PER_BLOCK - CLEAR_TURN;
		let bound = b_visits.div_ceil(share) + 1;
		let mut blocks = 0;
		while receivable(b).status != ReceivableStatus::Settled {
			assert!(blocks <= bound, "B not paid after {blocks} blocks (bound {bound})");
			assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), a, 1));
			let block = System::block_number() + 1;
			System::set_block_number(block);
			Receivables::on_idle(block, Weight::MAX);
			blocks += 1;
			if blocks % 100 == 0 {
				check_invariants();
			}
		}
		// A was served too: its walks went on in its turns.
		assert!(receivable(a).paid_out > 0, "A's money was paid out in its turns");
	});
}

// Issue 25, item 2: money arriving during a walk does not restart it: the walk goes on from
// where it stands, and the money is paid by a later walk.
#[test]
fn money_arriving_mid_walk_does_not_restart_the_walk() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, notes) = split_receivable(1_600, &[100; 16]);
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 800));
		set_time(MATURITY);
		let key = Receivables::due_key(MATURITY);
		idle_blocks(1);
		let at = DueQueue::<Test>::get(key, r).unwrap().last;
		assert!(at.is_some(), "the walk is under way");
		assert_ok!(Receivables::repay_part(RuntimeOrigin::signed(CORE), r, 800));
		let clearing = DueQueue::<Test>::get(key, r).unwrap();
		assert_eq!(
			(clearing.last, clearing.again),
			(at, true),
			"the walk goes on from where it was"
		);
		idle_blocks(6);
		for id in &notes {
			assert_eq!(note(*id).paid, 100);
		}
		assert_eq!(receivable(r).status, ReceivableStatus::Settled);
	});
}
