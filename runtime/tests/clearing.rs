//! 自动清分 on the real runtime, with its generated weights: every pallet's `on_idle`, given what
//! the block has left as `Executive` gives it (`max_block − block weight so far`), pays a due
//! receivable's notes from that weight, never more; a block whose user transactions used the
//! whole normal class still leaves them all in (clearing only takes what is left), also when
//! every note is on the worst path clearing knows (issue 25, item 3).

mod common;

use cascade_runtime::{
	genesis_config_presets::demo, AccountId, AllPalletsWithSystem, Assets, Enterprises, Financing,
	Receivables, Runtime, RuntimeOrigin, System, CNY, MILLIS_PER_DAY, YUAN,
};
use common::*;
use frame_support::{
	assert_ok,
	dispatch::DispatchClass,
	traits::{fungibles::Mutate, Get, OnIdle},
	BoundedVec,
};
use sp_core::H256;

const NOTES: u32 = 3_000;

/// Bob issues `NOTES` × 1.00 CNY to Charlie, who splits it into `NOTES` notes (16-way); Bob
/// repays; the clock passes maturity. Returns the receivable.
fn due_receivable_of_many_notes() -> u64 {
	let maturity = issued_and_split(NOTES);
	assert_ok!(Receivables::repay(RuntimeOrigin::signed(demo::core()), 0));
	pallet_timestamp::Now::<Runtime>::put(maturity);
	0
}

/// Bob issues `notes` × 1.00 CNY to Charlie (receivable 0), who splits it into `notes` notes of
/// 1.00 (16-way). Returns the maturity.
fn issued_and_split(notes: u32) -> u64 {
	let [charlie, ..] = demo::suppliers();
	let bob = demo::core();
	let maturity = GENESIS_TIME + 30 * MILLIS_PER_DAY;
	assert_ok!(Receivables::issue(
		RuntimeOrigin::signed(bob.clone()),
		charlie.clone(),
		CNY,
		notes as u128 * YUAN,
		maturity,
		0,
		H256::repeat_byte(5),
		b"CLEAR-1".to_vec().try_into().unwrap(),
	));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(charlie.clone()), 0));
	// Split the last note into 16 until there are `notes` notes of 1.00 each.
	let (mut rest, mut count) = (0u64, 1u32);
	while count < notes {
		let parts = 16.min(notes - count + 1);
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
	maturity
}

/// A Financier of its own for note `i` (`role` 1: factor, 2: lender), with money and a
/// program for Bob's receivables; returns it and the program.
fn bank(role: u8, i: u32) -> (AccountId, u64) {
	let mut raw = [role; 32];
	raw[..4].copy_from_slice(&i.to_le_bytes());
	let who = AccountId::from(raw);
	assert_ok!(Enterprises::do_register(
		who.clone(),
		b"Bank".to_vec().try_into().unwrap(),
		pallet_enterprises::credit_code::numbered(8_000_000 + role as u32 * 100_000 + i),
		cascade_primitives::Roles { core: false, supplier: false, financier: true },
	));
	assert_ok!(<Assets as Mutate<AccountId>>::mint_into(CNY, &who, 1_000 * YUAN));
	let program = pallet_financing::NextProgramId::<Runtime>::get();
	assert_ok!(Financing::open_program(
		RuntimeOrigin::signed(who.clone()),
		demo::core(),
		CNY,
		sp_runtime::Permill::from_percent(5),
		100 * YUAN,
		u64::MAX,
	));
	(who, program)
}

/// As [`due_receivable_of_many_notes`], every note on the worst path clearing meets: Charlie
/// sells it (factoring with recourse) to a factor of its own, who pledges it to a lender of its
/// own; the receivable goes overdue, every lender calls its loan, each factor pays all of the
/// claim but half a note (all it has), and Bob pays late. Each payout then pays a called loan
/// off (its claim and index entries removed, the financings closed) and the factor the rest,
/// both accounts met nowhere else. Returns the lenders and the factors.
fn due_receivable_of_worst_notes(notes: u32) -> (Vec<AccountId>, Vec<AccountId>) {
	use pallet_financing::FinancingKind::{Factoring, Pledge};
	let [charlie, ..] = demo::suppliers();
	let maturity = issued_and_split(notes);
	let held: Vec<u64> = pallet_receivables::Notes::<Runtime>::iter()
		.filter(|(_, n)| n.is_live())
		.map(|(id, _)| id)
		.collect();
	assert_eq!(held.len() as u32, notes);
	let (mut lenders, mut factors, mut loans) = (Vec::new(), Vec::new(), Vec::new());
	for (i, note) in held.into_iter().enumerate() {
		let (factor, factoring) = bank(1, i as u32);
		let (lender, lending) = bank(2, i as u32);
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(charlie.clone()),
			note,
			factoring,
			Factoring { recourse: true }
		));
		loans.push((lender.clone(), pallet_financing::NextFinancingId::<Runtime>::get()));
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(factor.clone()),
			note,
			lending,
			Pledge
		));
		lenders.push(lender);
		factors.push(factor);
	}
	let grace = pallet_receivables::Params::<Runtime>::get().grace_period;
	pallet_timestamp::Now::<Runtime>::put(maturity + grace);
	assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(demo::core()), 0));
	for ((lender, financing), factor) in loans.into_iter().zip(&factors) {
		assert_ok!(Financing::call_loan(RuntimeOrigin::signed(lender), financing));
		let claim = pallet_financing::Claims::<Runtime>::get(financing).unwrap();
		let left = claim.amount - YUAN / 2 + 1;
		assert_eq!(<Assets as Mutate<AccountId>>::set_balance(CNY, factor, left), left);
		assert_ok!(Financing::settle_claim(RuntimeOrigin::signed(factor.clone()), financing));
		assert_eq!(pallet_financing::Claims::<Runtime>::get(financing).unwrap().amount, YUAN / 2);
	}
	assert_ok!(Receivables::repay(RuntimeOrigin::signed(demo::core()), 0));
	(lenders, factors)
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

#[test]
fn worst_notes_beside_a_full_normal_class_stay_within_the_block() {
	const WORST: u32 = 1_500;
	ext_from_preset("development").execute_with(|| {
		let (lenders, factors) = due_receivable_of_worst_notes(WORST);
		assert_eq!(pallet_financing::Claims::<Runtime>::iter().count() as u32, WORST);
		let lent: Vec<u128> = lenders.iter().map(cny).collect();
		let factored: Vec<u128> = factors.iter().map(cny).collect();
		let weights = <Runtime as frame_system::Config>::BlockWeights::get();
		let max = weights.max_block;
		let normal = weights.get(DispatchClass::Normal).max_total.unwrap_or(max);
		let per_note = Receivables::clear_note_weight();

		// Every block's user transactions take the whole normal class; clearing pays worst
		// notes out of what is left until it runs out, and the block stays within max_block.
		let (mut n, mut blocks, mut first) = (2, 0, 0);
		while notes_left() > 0 {
			let paid = block_with(n, normal);
			let total = System::block_weight().total();
			assert!(total.all_lte(max), "block {n}: weight {total:?} over {max:?}");
			assert!(paid > 0, "block {n}: no note paid beside a full normal class");
			if blocks == 0 {
				first = paid;
				// The first block is bound by its weight (not by `MaxClearPerBlock`): what is
				// left is less than a few notes' worth.
				let left = max.ref_time() - total.ref_time();
				assert!(
					left < per_note.ref_time() * 3,
					"clearing stopped early: {left} ps left, one note costs {}",
					per_note.ref_time()
				);
				assert!(paid < WORST, "one block paid every note: make the test bigger");
			}
			blocks += 1;
			n += 1;
			assert!(blocks < 50, "clearing does not end");
		}
		let r = pallet_receivables::Receivables::<Runtime>::get(0).unwrap();
		assert_eq!(r.status, pallet_receivables::ReceivableStatus::Settled);
		// Every called loan was paid off first from its note's payout, the factor the rest.
		assert_eq!(pallet_financing::Claims::<Runtime>::iter().count(), 0);
		for (lender, before) in lenders.iter().zip(lent) {
			assert_eq!(cny(lender), before + YUAN / 2, "a lender was not paid its claim");
		}
		for (factor, before) in factors.iter().zip(factored) {
			assert_eq!(cny(factor), before + YUAN / 2, "a factor was not paid the rest");
		}
		check_invariants();
		pallet_financing::Pallet::<Runtime>::do_try_state().expect("financing invariants");
		println!(
			"{WORST} worst notes beside a full normal class: {first} in the first block, \
			 {blocks} blocks; one worst note charged {} µs ref time, {} B proof",
			per_note.ref_time() / 1_000_000,
			per_note.proof_size()
		);
	});
}
