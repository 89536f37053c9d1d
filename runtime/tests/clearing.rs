//! 自动清分 on the real runtime, with its generated weights: every pallet's `on_idle`, given what
//! the block has left as `Executive` gives it (`max_block − block weight so far`), pays a due
//! receivable's notes from that weight, never more; a block whose user transactions used the
//! whole normal class still leaves them all in (clearing only takes what is left).

mod common;

use cascade_runtime::{
	genesis_config_presets::demo, AllPalletsWithSystem, Receivables, Runtime, RuntimeOrigin,
	System, CNY, MILLIS_PER_DAY, YUAN,
};
use common::*;
use frame_support::{
	assert_ok,
	dispatch::DispatchClass,
	traits::{Get, OnIdle},
	BoundedVec,
};
use sp_core::H256;

const NOTES: u32 = 3_000;

/// Bob issues `NOTES` × 1.00 CNY to Charlie, who splits it into `NOTES` notes (16-way); Bob
/// repays; the clock passes maturity. Returns the receivable.
fn due_receivable_of_many_notes() -> u64 {
	let [charlie, ..] = demo::suppliers();
	let bob = demo::core();
	let maturity = GENESIS_TIME + 30 * MILLIS_PER_DAY;
	assert_ok!(Receivables::issue(
		RuntimeOrigin::signed(bob.clone()),
		charlie.clone(),
		CNY,
		NOTES as u128 * YUAN,
		maturity,
		0,
		H256::repeat_byte(5),
		b"CLEAR-1".to_vec().try_into().unwrap(),
	));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(charlie.clone()), 0));
	// Split the last note into 16 until there are NOTES notes of 1.00 each.
	let (mut rest, mut count) = (0u64, 1u32);
	while count < NOTES {
		let parts = 16.min(NOTES - count + 1);
		let amount = pallet_receivables::Notes::<Runtime>::get(rest).unwrap().amount;
		let mut amounts = vec![YUAN; parts as usize - 1];
		amounts.push(amount - (parts as u128 - 1) * YUAN);
		let first = pallet_receivables::NextNoteId::<Runtime>::get();
		assert_ok!(Receivables::split(
			RuntimeOrigin::signed(charlie.clone()),
			rest,
			BoundedVec::truncate_from(amounts)
		));
		rest = first + parts as u64 - 1;
		count += parts - 1;
	}
	assert_ok!(Receivables::repay(RuntimeOrigin::signed(bob), 0));
	pallet_timestamp::Now::<Runtime>::put(maturity);
	0
}

fn notes_left() -> u32 {
	pallet_receivables::Receivables::<Runtime>::get(0).unwrap().live_notes
}

/// Block `n` with `used` normal weight consumed by user transactions: the idle hooks get what
/// is left, as `Executive::finalize_block` gives it, and their weight is registered as
/// Mandatory. Returns the notes paid in it.
fn block_with(n: u32, used: frame_support::weights::Weight) -> u32 {
	System::reset_events();
	System::set_block_number(n);
	frame_system::BlockWeight::<Runtime>::kill();
	System::register_extra_weight_unchecked(used, DispatchClass::Normal);
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	let remaining = max.saturating_sub(System::block_weight().total());
	let before = notes_left();
	if remaining.all_gt(Default::default()) {
		let idle = <AllPalletsWithSystem as OnIdle<u32>>::on_idle(n, remaining);
		assert!(idle.all_lte(remaining), "on_idle used {idle:?} of {remaining:?}");
		System::register_extra_weight_unchecked(idle, DispatchClass::Mandatory);
	}
	before - notes_left()
}

#[test]
fn clearing_takes_only_what_the_block_has_left() {
	ext_from_preset("development").execute_with(|| {
		due_receivable_of_many_notes();
		let weights = <Runtime as frame_system::Config>::BlockWeights::get();
		let max = weights.max_block;
		let per_note = Receivables::clear_note_weight();

		// An empty block: clearing goes on until the first of its two bounds — the block's
		// weight, or `MaxClearPerBlock` notes visited (each visit charged `per_note`) — and no
		// further. With storage priced for ParityDB the cap comes first (a block pays ~1,850
		// notes of a split tree in 0.9 s); with dearer storage the weight did.
		let cap = <Runtime as pallet_receivables::Config>::MaxClearPerBlock::get();
		let paid_empty = block_with(2, Default::default());
		let total = System::block_weight().total();
		assert!(total.all_lte(max), "block weight {total:?} over {max:?}");
		assert!(paid_empty > 100, "only {paid_empty} notes in an empty block");
		assert!(paid_empty <= cap);
		let weight_full = max.ref_time() - total.ref_time() < per_note.ref_time() * 2;
		let cap_reached = total.ref_time() >= per_note.ref_time() * cap as u64;
		assert!(
			weight_full || cap_reached,
			"clearing stopped early: {} of {} ps used, {paid_empty} notes paid, cap {cap}",
			total.ref_time(),
			max.ref_time()
		);

		// A block whose user transactions took all the normal class: clearing gets only what
		// is left over, and pays correspondingly fewer notes.
		let normal = weights.get(DispatchClass::Normal).max_total.unwrap_or(max);
		let paid_full = block_with(3, normal);
		let total = System::block_weight().total();
		assert!(total.all_lte(max), "block weight {total:?} over {max:?}");
		assert!(
			paid_full < paid_empty,
			"{paid_full} notes in a full block, {paid_empty} in an empty one"
		);

		// A block with no weight left at all: nothing is paid, nothing is overdrawn.
		let paid_none = block_with(4, max);
		assert_eq!(paid_none, 0);

		// And the rest clears in the blocks after.
		let mut n = 5;
		while notes_left() > 0 {
			block_with(n, Default::default());
			n += 1;
			assert!(n < 100, "clearing does not end");
		}
		let r = pallet_receivables::Receivables::<Runtime>::get(0).unwrap();
		assert_eq!(r.status, pallet_receivables::ReceivableStatus::Settled);
		assert_eq!(cny(&Receivables::escrow_account(0)), 0);
		check_invariants();
		println!(
			"{NOTES} notes: {paid_empty} per empty block, {paid_full} beside a full normal class; \
			 one note's payout {} µs ref time, {} B proof",
			per_note.ref_time() / 1_000_000,
			per_note.proof_size()
		);
	});
}
