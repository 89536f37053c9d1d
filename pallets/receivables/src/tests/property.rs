//! Property tests: random sequences of every ledger operation among several enterprises, with
//! DESIGN.md §5's invariants and money conservation checked after every step, and every failed
//! call checked to leave storage exactly as it was.
//!
//! `CASCADE_PROPTEST_CASES` sets the number of sequences (default 1,000).

use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState};
use frame_support::dispatch::DispatchResult;
use proptest::prelude::*;

const ISSUERS: [AccountId; 2] = [CORE, OTHER_CORE];
const HOLDERS: [AccountId; 5] = [T1, T2, T3, BANK, OTHER_CORE];
const EVERYONE: [AccountId; 8] = [CORE, OTHER_CORE, T1, T2, T3, BANK, STRANGER, OPERATOR];

#[derive(Clone, Debug)]
enum Op {
	Issue {
		issuer: usize,
		supplier: usize,
		face: u32,
		days: u8,
	},
	Accept {
		note: u16,
		honest: bool,
		actor: usize,
	},
	Reject {
		note: u16,
		honest: bool,
		actor: usize,
	},
	Revoke {
		note: u16,
		honest: bool,
		actor: usize,
	},
	Cancel {
		receivable: u8,
		honest: bool,
		actor: usize,
	},
	Split {
		note: u16,
		parts: Vec<u8>,
		honest: bool,
		actor: usize,
	},
	Transfer {
		note: u16,
		to: usize,
		honest: bool,
		actor: usize,
	},
	SplitTransfer {
		note: u16,
		to: usize,
		percent: u8,
		honest: bool,
		actor: usize,
	},
	Repay {
		receivable: u8,
		honest: bool,
		actor: usize,
	},
	/// The issuer (or someone else) pays `percent` of what is outstanding.
	RepayPart {
		receivable: u8,
		percent: u8,
		honest: bool,
		actor: usize,
	},
	/// Anyone pushes a receivable's clearing along.
	Settle {
		receivable: u8,
		max_notes: u8,
	},
	/// Blocks pass, each leaving clearing room for `notes` notes.
	Blocks {
		count: u8,
		notes: u8,
	},
	Redeem {
		note: u16,
	},
	Freeze {
		note: u16,
	},
	Unfreeze {
		note: u16,
	},
	MarkOverdue {
		receivable: u8,
	},
	Wait {
		days: u8,
	},
	/// The bank sends money to a receivable's escrow.
	Donate {
		receivable: u8,
		amount: u16,
	},
	/// An account rejects every offer of one sender at once.
	RejectAllFrom {
		by: usize,
		sender: usize,
	},
	/// Anyone returns money stranded in an escrow.
	Sweep {
		receivable: u8,
	},
}

fn op() -> impl Strategy<Value = Op> {
	let who = 0..EVERYONE.len();
	prop_oneof![
		3 => (0..2usize, 0..HOLDERS.len(), 1u32..50_000, 1u8..60)
			.prop_map(|(issuer, supplier, face, days)| Op::Issue { issuer, supplier, face, days }),
		3 => (any::<u16>(), prop::bool::weighted(0.85), who.clone())
			.prop_map(|(note, honest, actor)| Op::Accept { note, honest, actor }),
		1 => (any::<u16>(), prop::bool::weighted(0.85), who.clone())
			.prop_map(|(note, honest, actor)| Op::Reject { note, honest, actor }),
		1 => (any::<u16>(), prop::bool::weighted(0.85), who.clone())
			.prop_map(|(note, honest, actor)| Op::Revoke { note, honest, actor }),
		1 => (any::<u8>(), prop::bool::weighted(0.85), who.clone())
			.prop_map(|(receivable, honest, actor)| Op::Cancel { receivable, honest, actor }),
		3 => (any::<u16>(), prop::collection::vec(1u8..10, 0..5), prop::bool::weighted(0.85), who.clone())
			.prop_map(|(note, parts, honest, actor)| Op::Split { note, parts, honest, actor }),
		2 => (any::<u16>(), 0..HOLDERS.len(), prop::bool::weighted(0.85), who.clone())
			.prop_map(|(note, to, honest, actor)| Op::Transfer { note, to, honest, actor }),
		3 => (any::<u16>(), 0..HOLDERS.len(), 1u8..100, prop::bool::weighted(0.85), who.clone())
			.prop_map(|(note, to, percent, honest, actor)| Op::SplitTransfer { note, to, percent, honest, actor }),
		2 => (any::<u8>(), prop::bool::weighted(0.85), who.clone())
			.prop_map(|(receivable, honest, actor)| Op::Repay { receivable, honest, actor }),
		2 => (any::<u8>(), 1u8..=100, prop::bool::weighted(0.85), who.clone())
			.prop_map(|(receivable, percent, honest, actor)| Op::RepayPart { receivable, percent, honest, actor }),
		2 => (any::<u8>(), 0u8..12).prop_map(|(receivable, max_notes)| Op::Settle { receivable, max_notes }),
		3 => (1u8..4, prop_oneof![0u8..3, 3u8..20]).prop_map(|(count, notes)| Op::Blocks { count, notes }),
		2 => any::<u16>().prop_map(|note| Op::Redeem { note }),
		1 => any::<u16>().prop_map(|note| Op::Freeze { note }),
		1 => any::<u16>().prop_map(|note| Op::Unfreeze { note }),
		1 => any::<u8>().prop_map(|receivable| Op::MarkOverdue { receivable }),
		1 => (1u8..40).prop_map(|days| Op::Wait { days }),
		1 => (any::<u8>(), 1u16..5_000).prop_map(|(receivable, amount)| Op::Donate { receivable, amount }),
		1 => (who.clone(), who.clone()).prop_map(|(by, sender)| Op::RejectAllFrom { by, sender }),
		1 => any::<u8>().prop_map(|receivable| Op::Sweep { receivable }),
	]
}

/// A note id, most often one of the three newest (they are the likeliest to be live).
fn pick_note(sel: u16) -> u64 {
	let n = NextNoteId::<Test>::get();
	if n == 0 {
		0
	} else if sel % 10 < 7 {
		n.saturating_sub(1 + (sel as u64 / 10) % 3)
	} else {
		sel as u64 % n
	}
}

fn pick_receivable(sel: u8) -> u64 {
	let n = NextReceivableId::<Test>::get();
	if n == 0 {
		0
	} else {
		sel as u64 % n
	}
}

/// The right actor for a note (its holder, or its recipient), or a random one.
fn actor_for_note(note: u64, honest: bool, actor: usize, recipient: bool) -> AccountId {
	match (honest, Notes::<Test>::get(note)) {
		(true, Some(n)) => match (recipient, n.state) {
			(true, NoteState::Pending { to }) => to,
			_ => n.holder,
		},
		_ => EVERYONE[actor],
	}
}

fn actor_for_receivable(r: u64, honest: bool, actor: usize) -> AccountId {
	match (honest, crate::pallet::Receivables::<Test>::get(r)) {
		(true, Some(rec)) => rec.issuer,
		_ => EVERYONE[actor],
	}
}

fn apply(op: &Op, step: usize) -> DispatchResult {
	let o = RuntimeOrigin::signed;
	match op.clone() {
		Op::Issue { issuer, supplier, face, days } => Receivables::issue(
			o(ISSUERS[issuer]),
			HOLDERS[supplier],
			CNY,
			face as Balance * 10,
			pallet_timestamp::Now::<Test>::get() + days as u64 * DAY,
			if ISSUERS[issuer] == CORE { 0 } else { 1 },
			doc(),
			invoice(&format!("INV-{step}")),
		),
		Op::Accept { note, honest, actor } => {
			let id = pick_note(note);
			Receivables::accept(o(actor_for_note(id, honest, actor, true)), id)
		}
		Op::Reject { note, honest, actor } => {
			let id = pick_note(note);
			Receivables::reject(o(actor_for_note(id, honest, actor, true)), id)
		}
		Op::Revoke { note, honest, actor } => {
			let id = pick_note(note);
			Receivables::revoke(o(actor_for_note(id, honest, actor, false)), id)
		}
		Op::Cancel { receivable, honest, actor } => {
			let id = pick_receivable(receivable);
			Receivables::cancel(o(actor_for_receivable(id, honest, actor)), id)
		}
		Op::Split { note, parts, honest, actor } => {
			let id = pick_note(note);
			let amount = Notes::<Test>::get(id).map(|n| n.amount).unwrap_or(1_000);
			let total: u32 = parts.iter().map(|p| *p as u32).sum();
			let mut split: Vec<Balance> = Vec::new();
			if total > 0 {
				let mut left = amount;
				for (i, p) in parts.iter().enumerate() {
					let share = if i + 1 == parts.len() {
						left
					} else {
						(amount * *p as Balance / total as Balance).min(left)
					};
					left -= share;
					split.push(share);
				}
			}
			Receivables::split(o(actor_for_note(id, honest, actor, false)), id, amounts(&split))
		}
		Op::Transfer { note, to, honest, actor } => {
			let id = pick_note(note);
			Receivables::transfer(o(actor_for_note(id, honest, actor, false)), id, HOLDERS[to])
		}
		Op::SplitTransfer { note, to, percent, honest, actor } => {
			let id = pick_note(note);
			let amount = Notes::<Test>::get(id).map(|n| n.amount).unwrap_or(1_000);
			Receivables::split_transfer(
				o(actor_for_note(id, honest, actor, false)),
				id,
				HOLDERS[to],
				amount * percent as Balance / 100,
			)
		}
		Op::Repay { receivable, honest, actor } => {
			let id = pick_receivable(receivable);
			Receivables::repay(o(actor_for_receivable(id, honest, actor)), id)
		}
		Op::RepayPart { receivable, percent, honest, actor } => {
			let id = pick_receivable(receivable);
			let outstanding =
				crate::pallet::Receivables::<Test>::get(id).map(|r| r.outstanding()).unwrap_or(0);
			let amount = (outstanding * percent as Balance).div_ceil(100);
			Receivables::repay_part(o(actor_for_receivable(id, honest, actor)), id, amount)
		}
		Op::Settle { receivable, max_notes } => {
			Receivables::settle(o(STRANGER), pick_receivable(receivable), max_notes as u32)
				.map(|_| ())
				.map_err(|e| e.error)
		}
		Op::Blocks { count, notes } => {
			use frame_support::traits::Hooks;
			let room = Receivables::clearing_room(notes as u32);
			for _ in 0..count {
				let block = System::block_number() + 1;
				System::set_block_number(block);
				let used = Receivables::on_idle(block, room);
				assert!(used.all_lte(room), "clearing used {used:?} of {room:?}");
			}
			Ok(())
		}
		Op::Redeem { note } => Receivables::redeem(o(STRANGER), pick_note(note)),
		Op::Freeze { note } => Receivables::freeze(RuntimeOrigin::root(), pick_note(note)),
		Op::Unfreeze { note } => Receivables::unfreeze(RuntimeOrigin::root(), pick_note(note)),
		Op::MarkOverdue { receivable } => {
			Receivables::mark_overdue(o(STRANGER), pick_receivable(receivable))
		}
		Op::Wait { days } => {
			set_time(pallet_timestamp::Now::<Test>::get() + days as u64 * DAY);
			Ok(())
		}
		Op::Donate { receivable, amount } => {
			if NextReceivableId::<Test>::get() == 0 {
				return Err(sp_runtime::DispatchError::Other("no receivable to donate to"));
			}
			<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				CNY,
				&BANK,
				&Receivables::escrow_account(pick_receivable(receivable)),
				amount as u128,
				frame_support::traits::tokens::Preservation::Preserve,
			)
			.map(|_| ())
		}
		Op::RejectAllFrom { by, sender } => {
			Receivables::reject_all_from(o(EVERYONE[by]), EVERYONE[sender])
				.map(|_| ())
				.map_err(|e| e.error)
		}
		Op::Sweep { receivable } => {
			Receivables::sweep_escrow(o(STRANGER), pick_receivable(receivable), CNY)
		}
	}
}

/// Every account's CNY plus every escrow.
fn money() -> Balance {
	let mut total: Balance = EVERYONE.iter().map(|a| cny(*a)).sum();
	for r in 0..NextReceivableId::<Test>::get() {
		total += cny(Receivables::escrow_account(r));
	}
	total
}

fn cases() -> u32 {
	std::env::var("CASCADE_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

	#[test]
	fn random_sequences_keep_the_ledger_whole(ops in prop::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			let start_money = money();
			let mut ok = 0usize;
			for (step, op) in ops.iter().enumerate() {
				let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				match apply(op, step) {
					Ok(()) => ok += 1,
					Err(_) => {
						let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
						prop_assert_eq!(before, after, "failed {:?} changed storage", op);
					},
				}
				if let Err(e) = crate::Pallet::<Test>::do_try_state() {
					return Err(TestCaseError::fail(format!("after {op:?}: {e:?}")));
				}
				if let Err(e) = pallet_enterprises::Pallet::<Test>::do_try_state() {
					return Err(TestCaseError::fail(format!("after {op:?}: {e:?}")));
				}
				prop_assert_eq!(money(), start_money, "money not conserved after {:?}", op);
			}
			let _ = ok;
			Ok(())
		})?;
	}
}

/// The generator is not vacuous: a good share of random operations succeed.
#[test]
fn generated_sequences_mostly_succeed() {
	use proptest::{strategy::ValueTree, test_runner::TestRunner};
	let mut runner = TestRunner::deterministic();
	let (mut ok, mut total) = (0, 0);
	for _ in 0..50 {
		let ops = prop::collection::vec(op(), 40).new_tree(&mut runner).unwrap().current();
		new_test_ext().execute_with(|| {
			for (step, op) in ops.iter().enumerate() {
				total += 1;
				if apply(op, step).is_ok() {
					ok += 1;
				}
			}
		});
	}
	// Random operations are meant to fail often (wrong callers, wrong states); a fifth or so
	// succeeding shows the sequences reach deep states rather than bouncing off the first check.
	assert!(ok * 6 > total, "only {ok} of {total} random operations succeeded");
}

/// The new paths are reached: partial payouts, clearing walks that end, settled receivables,
/// a walk that must go again because money arrived during it.
#[test]
fn generated_sequences_reach_clearing_and_partial_payouts() {
	use proptest::{strategy::ValueTree, test_runner::TestRunner};
	let mut runner = TestRunner::deterministic();
	let (mut part_paid, mut walked, mut settled, mut again) = (0, 0, 0, 0);
	for _ in 0..300 {
		let ops = prop::collection::vec(op(), 80).new_tree(&mut runner).unwrap().current();
		new_test_ext().execute_with(|| {
			for (step, op) in ops.iter().enumerate() {
				let _ = apply(op, step);
				again += DueQueue::<Test>::iter().filter(|(_, _, c)| c.again).count();
			}
			for e in System::events() {
				match e.event {
					RuntimeEvent::Receivables(Event::PartPaid { .. }) => part_paid += 1,
					RuntimeEvent::Receivables(Event::ClearingDone { .. }) => walked += 1,
					RuntimeEvent::Receivables(Event::Settled { .. }) => settled += 1,
					_ => {}
				}
			}
		});
	}
	assert!(part_paid > 0, "no note was ever paid in part");
	assert!(walked > 0, "no clearing walk ever ended");
	assert!(settled > 0, "no receivable ever settled");
	assert!(again > 0, "no money ever arrived during a walk");
}
