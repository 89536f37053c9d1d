//! Property tests: random sequences of ledger and financing operations, with every pallet's
//! invariants and money conservation (every account's CNY plus every escrow) checked after each
//! step, and every failed call checked to leave storage exactly as it was.
//!
//! `CASCADE_PROPTEST_CASES` sets the number of sequences (default 1,000).

use crate::{mock::*, FinancingKind};
use frame_support::dispatch::DispatchResult;
use pallet_receivables::{NextNoteId, NextReceivableId, NoteState, Notes, Receivables as Recs};
use proptest::prelude::*;

const HOLDERS: [AccountId; 5] = [T1, T2, T3, BANK, OTHER_BANK];
const ISSUERS: [AccountId; 2] = [CORE, OTHER_CORE];

#[derive(Clone, Debug)]
enum Op {
	Issue { issuer: usize, face: u32, days: u8 },
	Accept { note: u16 },
	SplitTransfer { note: u16, to: usize, percent: u8 },
	Transfer { note: u16, to: usize },
	Finance { note: u16, program: u8, kind: u8 },
	Request { note: u16, financier: usize, kind: u8, rate: u16 },
	Approve { request: u8 },
	RepayLoan { financing: u8 },
	Recourse { financing: u8 },
	SettleClaim { financing: u8 },
	Repay { receivable: u8 },
	Redeem { note: u16 },
	MarkOverdue { receivable: u8 },
	Freeze { note: u16 },
	Unfreeze { note: u16 },
	Wait { days: u8 },
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		3 => (0..2usize, 1u32..100_000, 5u8..120).prop_map(|(issuer, face, days)| Op::Issue { issuer, face, days }),
		4 => any::<u16>().prop_map(|note| Op::Accept { note }),
		3 => (any::<u16>(), 0..HOLDERS.len(), 1u8..100).prop_map(|(note, to, percent)| Op::SplitTransfer { note, to, percent }),
		1 => (any::<u16>(), 0..HOLDERS.len()).prop_map(|(note, to)| Op::Transfer { note, to }),
		4 => (any::<u16>(), prop_oneof![4 => Just(0u8), 1 => 1u8..3], 0u8..3).prop_map(|(note, program, kind)| Op::Finance { note, program, kind }),
		1 => (any::<u16>(), 3..5usize, 0u8..3, 0u16..20_000).prop_map(|(note, financier, kind, rate)| Op::Request { note, financier, kind, rate }),
		1 => any::<u8>().prop_map(|request| Op::Approve { request }),
		2 => any::<u8>().prop_map(|financing| Op::RepayLoan { financing }),
		2 => any::<u8>().prop_map(|financing| Op::Recourse { financing }),
		1 => any::<u8>().prop_map(|financing| Op::SettleClaim { financing }),
		2 => any::<u8>().prop_map(|receivable| Op::Repay { receivable }),
		3 => any::<u16>().prop_map(|note| Op::Redeem { note }),
		1 => any::<u8>().prop_map(|receivable| Op::MarkOverdue { receivable }),
		1 => any::<u16>().prop_map(|note| Op::Freeze { note }),
		1 => any::<u16>().prop_map(|note| Op::Unfreeze { note }),
		2 => (1u8..60).prop_map(|days| Op::Wait { days }),
	]
}

fn pick(sel: u64, n: u64) -> u64 {
	if n == 0 {
		0
	} else {
		sel % n
	}
}

/// A note id, most often one of the three newest (they are the likeliest to be live).
fn note(sel: u16) -> u64 {
	let n = NextNoteId::<Test>::get();
	if sel % 10 < 7 {
		n.saturating_sub(1 + (sel as u64 / 10) % 3)
	} else {
		pick(sel as u64, n)
	}
}

fn holder(id: u64) -> AccountId {
	Notes::<Test>::get(id).map(|n| n.holder).unwrap_or(STRANGER)
}

fn kind(k: u8) -> FinancingKind {
	match k {
		0 => FinancingKind::Factoring { recourse: false },
		1 => FinancingKind::Factoring { recourse: true },
		_ => FinancingKind::Pledge,
	}
}

fn apply(op: &Op, step: usize) -> DispatchResult {
	let o = RuntimeOrigin::signed;
	let now = pallet_timestamp::Now::<Test>::get();
	match op.clone() {
		Op::Issue { issuer, face, days } => Receivables::issue(
			o(ISSUERS[issuer]),
			T1,
			CNY,
			face as u128 * 10,
			now + days as u64 * DAY,
			issuer as u64,
			sp_core::H256::zero(),
			format!("P-{step}").into_bytes().try_into().unwrap(),
		),
		Op::Accept { note: n } => {
			let id = note(n);
			let to = match Notes::<Test>::get(id).map(|n| n.state) {
				Some(NoteState::Pending { to }) => to,
				_ => T1,
			};
			Receivables::accept(o(to), id)
		}
		Op::SplitTransfer { note: n, to, percent } => {
			let id = note(n);
			let amount = Notes::<Test>::get(id).map(|n| n.amount).unwrap_or(0);
			Receivables::split_transfer(
				o(holder(id)),
				id,
				HOLDERS[to],
				amount * percent as u128 / 100,
			)
		}
		Op::Transfer { note: n, to } => {
			let id = note(n);
			Receivables::transfer(o(holder(id)), id, HOLDERS[to])
		}
		Op::Finance { note: n, program, kind: k } => {
			let id = note(n);
			Financing::finance(o(holder(id)), id, program as u64, kind(k))
		}
		Op::Request { note: n, financier, kind: k, rate } => {
			let id = note(n);
			Financing::request(
				o(holder(id)),
				id,
				HOLDERS[financier],
				kind(k),
				sp_runtime::Permill::from_parts(rate as u32 * 5),
			)
		}
		Op::Approve { request } => {
			let id = pick(request as u64, crate::NextRequestId::<Test>::get());
			let f = crate::Requests::<Test>::get(id).map(|r| r.financier).unwrap_or(BANK);
			Financing::approve(o(f), id)
		}
		Op::RepayLoan { financing } => {
			let id = pick(financing as u64, crate::NextFinancingId::<Test>::get());
			let who = crate::Financings::<Test>::get(id).map(|f| f.seller).unwrap_or(T1);
			Financing::repay_loan(o(who), id)
		}
		Op::Recourse { financing } => {
			let id = pick(financing as u64, crate::NextFinancingId::<Test>::get());
			let who = crate::Financings::<Test>::get(id).map(|f| f.financier).unwrap_or(BANK);
			Financing::exercise_recourse(o(who), id)
		}
		Op::SettleClaim { financing } => {
			let id = pick(financing as u64, crate::NextFinancingId::<Test>::get());
			let who = crate::Claims::<Test>::get(id).map(|c| c.debtor).unwrap_or(T1);
			Financing::settle_claim(o(who), id)
		}
		Op::Repay { receivable } => {
			let id = pick(receivable as u64, NextReceivableId::<Test>::get());
			let who = Recs::<Test>::get(id).map(|r| r.issuer).unwrap_or(CORE);
			Receivables::repay(o(who), id)
		}
		Op::Redeem { note: n } => Receivables::redeem(o(STRANGER), note(n)),
		Op::MarkOverdue { receivable } => Receivables::mark_overdue(
			o(STRANGER),
			pick(receivable as u64, NextReceivableId::<Test>::get()),
		),
		Op::Freeze { note: n } => Receivables::freeze(RuntimeOrigin::root(), note(n)),
		Op::Unfreeze { note: n } => Receivables::unfreeze(RuntimeOrigin::root(), note(n)),
		Op::Wait { days } => {
			set_time(now + days as u64 * DAY);
			Ok(())
		}
	}
}

fn cases() -> u32 {
	std::env::var("CASCADE_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

	#[test]
	fn random_financing_sequences_conserve_money(ops in prop::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			let start = money();
			for (step, op) in ops.iter().enumerate() {
				let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
				if apply(op, step).is_err() {
					let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
					prop_assert_eq!(before, after, "failed {:?} changed storage", op);
				}
				for check in [
					crate::Pallet::<Test>::do_try_state(),
					pallet_receivables::Pallet::<Test>::do_try_state(),
					pallet_enterprises::Pallet::<Test>::do_try_state(),
				] {
					if let Err(e) = check {
						return Err(TestCaseError::fail(format!("after {op:?}: {e:?}")));
					}
				}
				prop_assert_eq!(money(), start, "money not conserved after {:?}", op);
			}
			Ok(())
		})?;
	}
}

/// The generator exercises financing for real: a good share of sequences finance notes.
#[test]
fn generated_sequences_do_finance_notes() {
	use proptest::{strategy::ValueTree, test_runner::TestRunner};
	let mut runner = TestRunner::deterministic();
	let mut sequences_that_financed = 0;
	for _ in 0..50 {
		let ops = prop::collection::vec(op(), 50).new_tree(&mut runner).unwrap().current();
		new_test_ext().execute_with(|| {
			for (step, op) in ops.iter().enumerate() {
				let _ = apply(op, step);
			}
			if crate::NextFinancingId::<Test>::get() > 0 {
				sequences_that_financed += 1;
			}
		});
	}
	assert!(
		sequences_that_financed >= 10,
		"only {sequences_that_financed} of 50 random sequences financed a note"
	);
}
