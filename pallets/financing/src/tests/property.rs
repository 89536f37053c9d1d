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
	Issue {
		issuer: usize,
		face: u32,
		days: u8,
	},
	Accept {
		note: u16,
	},
	SplitTransfer {
		note: u16,
		to: usize,
		percent: u8,
	},
	Transfer {
		note: u16,
		to: usize,
	},
	Finance {
		note: u16,
		program: u8,
		kind: u8,
	},
	Request {
		note: u16,
		financier: usize,
		kind: u8,
		rate: u16,
	},
	Approve {
		request: u8,
	},

	RepayLoan {
		financing: u8,
	},
	Recourse {
		financing: u8,
	},
	SettleClaim {
		financing: u8,
	},
	CallLoan {
		financing: u8,
	},
	/// Someone sends money to a receivable's escrow.
	Donate {
		receivable: u8,
		amount: u16,
	},
	/// A holder pays part of its money to another (so recourse and claims meet short sellers).
	Spend {
		from: usize,
		to: usize,
		percent: u8,
	},
	Repay {
		receivable: u8,
	},
	/// The issuer pays `percent` of what is outstanding.
	RepayPart {
		receivable: u8,
		percent: u8,
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
	MarkOverdue {
		receivable: u8,
	},
	Freeze {
		note: u16,
	},
	Unfreeze {
		note: u16,
	},
	Wait {
		days: u8,
	},
	/// Time runs past the grace period of a financed receivable, which is marked overdue.
	Lapse {
		financing: u8,
	},
	/// The rating body grades a holder (tier or green), the grade expiring in `days`.
	Attest {
		who: usize,
		grade: u8,
		days: u8,
	},
	/// The rating body loses its office (its grades stop counting), or gets it back.
	ToggleAttestor,
	/// An issuer in default repays one of its overdue receivables (so it may issue again).
	Cure {
		receivable: u8,
	},
	/// A program's financier prices it by grade: `adjust` ppm off A and DeepGreen and onto D and
	/// Red, a limit per D seller, `advance` % advanced.
	Price {
		program: u8,
		adjust: u16,
		limit: u32,
		advance: u8,
	},
}

/// The rating body of the property tests (not an enterprise).
const RATER: AccountId = 40;

fn grade(g: u8) -> cascade_primitives::Grade {
	use cascade_primitives::{Grade, GreenGrade, TierGrade};
	match g % 8 {
		0 => Grade::Tier(TierGrade::A),
		1 => Grade::Tier(TierGrade::B),
		2 => Grade::Tier(TierGrade::C),
		3 => Grade::Tier(TierGrade::D),
		4 => Grade::Green(GreenGrade::DeepGreen),
		5 => Grade::Green(GreenGrade::LightGreen),
		6 => Grade::Green(GreenGrade::Yellow),
		_ => Grade::Green(GreenGrade::Red),
	}
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		3 => (0..2usize, 1u32..100_000, 5u8..120).prop_map(|(issuer, face, days)| Op::Issue { issuer, face, days }),
		4 => any::<u16>().prop_map(|note| Op::Accept { note }),
		3 => (any::<u16>(), 0..HOLDERS.len(), 1u8..100).prop_map(|(note, to, percent)| Op::SplitTransfer { note, to, percent }),
		1 => (any::<u16>(), 0..HOLDERS.len()).prop_map(|(note, to)| Op::Transfer { note, to }),
		6 => (any::<u16>(), prop_oneof![3 => Just(0u8), 2 => Just(1u8), 1 => 2u8..4], 0u8..3).prop_map(|(note, program, kind)| Op::Finance { note, program, kind }),
		1 => (any::<u16>(), 3..5usize, 0u8..3, 0u16..20_000).prop_map(|(note, financier, kind, rate)| Op::Request { note, financier, kind, rate }),
		1 => any::<u8>().prop_map(|request| Op::Approve { request }),
		2 => any::<u8>().prop_map(|financing| Op::RepayLoan { financing }),
		3 => any::<u8>().prop_map(|financing| Op::Recourse { financing }),
		2 => any::<u8>().prop_map(|financing| Op::SettleClaim { financing }),
		3 => any::<u8>().prop_map(|financing| Op::CallLoan { financing }),
		1 => (any::<u8>(), 1u16..5_000).prop_map(|(receivable, amount)| Op::Donate { receivable, amount }),
		1 => (0..3usize, 0..HOLDERS.len(), 1u8..=100).prop_map(|(from, to, percent)| Op::Spend { from, to, percent }),
		2 => any::<u8>().prop_map(|receivable| Op::Repay { receivable }),
		2 => any::<u16>().prop_map(|note| Op::Redeem { note }),
		3 => (any::<u8>(), 1u8..=100).prop_map(|(receivable, percent)| Op::RepayPart { receivable, percent }),
		1 => (any::<u8>(), 0u8..12).prop_map(|(receivable, max_notes)| Op::Settle { receivable, max_notes }),
		3 => (1u8..4, prop_oneof![0u8..3, 3u8..20]).prop_map(|(count, notes)| Op::Blocks { count, notes }),
		2 => any::<u8>().prop_map(|receivable| Op::MarkOverdue { receivable }),
		1 => any::<u16>().prop_map(|note| Op::Freeze { note }),
		1 => any::<u16>().prop_map(|note| Op::Unfreeze { note }),
		3 => (1u8..60).prop_map(|days| Op::Wait { days }),
		2 => any::<u8>().prop_map(|financing| Op::Lapse { financing }),
		1 => (0..HOLDERS.len(), any::<u8>(), 1u8..120).prop_map(|(who, grade, days)| Op::Attest { who, grade, days }),
		1 => Just(Op::ToggleAttestor),
		3 => any::<u8>().prop_map(|receivable| Op::Cure { receivable }),
		1 => (0u8..2, 0u16..60_000, 1u32..2_000_000, 1u8..=100).prop_map(|(program, adjust, limit, advance)| Op::Price { program, adjust, limit, advance }),
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

/// A financing id: half the time an open one of `kind` (a pledge: `None`; a factoring with
/// recourse: `Some(true)`), on an overdue receivable if `overdue`; otherwise any.
fn financing(sel: u8, pledge: bool, overdue: bool) -> u64 {
	let open: Vec<u64> = crate::Financings::<Test>::iter()
		.filter(|(_, f)| {
			f.status == crate::FinancingStatus::Open
				&& (f.kind == FinancingKind::Pledge) == pledge
				&& (!overdue
					|| Recs::<Test>::get(f.receivable)
						.is_some_and(|r| r.status == pallet_receivables::ReceivableStatus::Overdue))
		})
		.map(|(id, _)| id)
		.collect();
	if sel.is_multiple_of(2) && !open.is_empty() {
		open[(sel as usize / 2) % open.len()]
	} else {
		pick(sel as u64, crate::NextFinancingId::<Test>::get())
	}
}

/// A receivable id: half the time one whose grace period is over (the likeliest to go
/// overdue), otherwise any.
fn receivable(sel: u8) -> u64 {
	let now = pallet_timestamp::Now::<Test>::get();
	let due: Vec<u64> = Recs::<Test>::iter()
		.filter(|(_, r)| r.maturity + 3 * DAY <= now)
		.map(|(id, _)| id)
		.collect();
	if sel.is_multiple_of(2) && !due.is_empty() {
		due[(sel as usize / 2) % due.len()]
	} else {
		pick(sel as u64, NextReceivableId::<Test>::get())
	}
}

/// A note id for financing: half the time an Active note of a CORE receivable (the programs'
/// obligor), otherwise as [`note`].
fn financeable(sel: u16) -> u64 {
	let active: Vec<u64> = Notes::<Test>::iter()
		.filter(|(_, n)| {
			n.state == NoteState::Active
				&& Recs::<Test>::get(n.receivable).is_some_and(|r| r.issuer == CORE)
		})
		.map(|(id, _)| id)
		.collect();
	if sel.is_multiple_of(2) && !active.is_empty() {
		active[(sel as usize / 2) % active.len()]
	} else {
		note(sel)
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
			let pending: Vec<u64> = Notes::<Test>::iter()
				.filter(|(_, n)| matches!(n.state, NoteState::Pending { .. }))
				.map(|(id, _)| id)
				.collect();
			let id = if n % 2 == 0 && !pending.is_empty() {
				pending[(n as usize / 2) % pending.len()]
			} else {
				note(n)
			};
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
			let id = financeable(n);
			Financing::finance(o(holder(id)), id, program as u64, kind(k))
		}
		Op::Request { note: n, financier, kind: k, rate } => {
			let id = financeable(n);
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
		Op::RepayLoan { financing: sel } => {
			let id = financing(sel, true, sel % 4 == 0);
			let who = crate::Financings::<Test>::get(id).map(|f| f.seller).unwrap_or(T1);
			Financing::repay_loan(o(who), id)
		}
		Op::Recourse { financing: sel } => {
			let id = financing(sel, false, true);
			let who = crate::Financings::<Test>::get(id).map(|f| f.financier).unwrap_or(BANK);
			Financing::exercise_recourse(o(who), id)
		}
		Op::SettleClaim { financing } => {
			let id = pick(financing as u64, crate::NextFinancingId::<Test>::get());
			let who = crate::Claims::<Test>::get(id).map(|c| c.debtor).unwrap_or(T1);
			Financing::settle_claim(o(who), id)
		}
		Op::CallLoan { financing: sel } => {
			let id = financing(sel, true, true);
			let who = crate::Financings::<Test>::get(id).map(|f| f.financier).unwrap_or(BANK);
			Financing::call_loan(o(who), id)
		}
		Op::Donate { receivable, amount } => {
			let count = NextReceivableId::<Test>::get();
			if count == 0 {
				return Err(sp_runtime::DispatchError::Other("no receivable to donate to"));
			}
			let id = pick(receivable as u64, count);
			<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				CNY,
				&OTHER_BANK,
				&Receivables::escrow_account(id),
				amount as u128,
				frame_support::traits::tokens::Preservation::Preserve,
			)
			.map(|_| ())
		}
		Op::Spend { from, to, percent } => {
			let (from, to) = (HOLDERS[from], HOLDERS[to]);
			let amount = cny(from) * percent as u128 / 100;
			<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				CNY,
				&from,
				&to,
				amount,
				frame_support::traits::tokens::Preservation::Expendable,
			)
			.map(|_| ())
		}
		Op::Repay { receivable } => {
			let id = pick(receivable as u64, NextReceivableId::<Test>::get());
			let who = Recs::<Test>::get(id).map(|r| r.issuer).unwrap_or(CORE);
			Receivables::repay(o(who), id)
		}
		Op::RepayPart { receivable: sel, percent } => {
			let id = receivable(sel);
			let rec = Recs::<Test>::get(id);
			let who = rec.as_ref().map(|r| r.issuer).unwrap_or(CORE);
			let outstanding = rec.map(|r| r.outstanding()).unwrap_or(0);
			let amount = (outstanding * percent as u128).div_ceil(100);
			Receivables::repay_part(o(who), id, amount)
		}
		Op::Settle { receivable: sel, max_notes } => {
			Receivables::settle(o(STRANGER), receivable(sel), max_notes as u32)
				.map(|_| ())
				.map_err(|e| e.error)
		}
		Op::Blocks { count, notes } => {
			use frame_support::traits::Hooks;
			type R = pallet_receivables::Pallet<Test>;
			let room = R::clearing_room(notes as u32);
			for _ in 0..count {
				let block = System::block_number() + 1;
				System::set_block_number(block);
				let used = R::on_idle(block, room);
				assert!(used.all_lte(room), "clearing used {used:?} of {room:?}");
			}
			Ok(())
		}
		Op::Redeem { note: n } => Receivables::redeem(o(STRANGER), note(n)),
		Op::MarkOverdue { receivable: sel } => {
			Receivables::mark_overdue(o(STRANGER), receivable(sel))
		}
		Op::Freeze { note: n } => Receivables::freeze(RuntimeOrigin::root(), note(n)),
		Op::Unfreeze { note: n } => Receivables::unfreeze(RuntimeOrigin::root(), note(n)),
		Op::Wait { days } => {
			set_time(now + days as u64 * DAY);
			Ok(())
		}
		Op::Lapse { financing: sel } => {
			let id = financing(sel, sel % 3 == 0, false);
			let Some(r) = crate::Financings::<Test>::get(id).map(|f| f.receivable) else {
				return Err(sp_runtime::DispatchError::Other("no financing"));
			};
			let due = Recs::<Test>::get(r).map(|r| r.maturity + 3 * DAY).unwrap_or(now);
			set_time(now.max(due));
			// The time has moved either way; the receivable may be repaid or overdue already.
			let _ = Receivables::mark_overdue(o(STRANGER), r);
			Ok(())
		}
		Op::Attest { who, grade: g, days } => {
			Enterprises::attest(o(RATER), HOLDERS[who], grade(g), now + days as u64 * DAY)
		}
		Op::Cure { receivable: sel } => {
			let overdue: Vec<(u64, AccountId)> = Recs::<Test>::iter()
				.filter(|(_, r)| r.status == pallet_receivables::ReceivableStatus::Overdue)
				.map(|(id, r)| (id, r.issuer))
				.collect();
			let Some((id, issuer)) = overdue.get(sel as usize % overdue.len().max(1)).cloned()
			else {
				return Err(sp_runtime::DispatchError::Other("no overdue receivable"));
			};
			Receivables::repay(o(issuer), id)
		}
		Op::ToggleAttestor => {
			use cascade_primitives::Office;
			if pallet_enterprises::Offices::<Test>::contains_key(RATER, Office::Attestor) {
				Enterprises::revoke_role(RuntimeOrigin::root(), RATER, Office::Attestor)
			} else {
				Enterprises::grant_role(RuntimeOrigin::root(), RATER, Office::Attestor)
			}
		}
		Op::Price { program, adjust, limit, advance } => {
			use cascade_primitives::{GreenGrade, TierGrade};
			let id = program as u64;
			let who = crate::Programs::<Test>::get(id).map(|p| p.financier).unwrap_or(BANK);
			let a = adjust as i32;
			Financing::set_program_pricing(
				o(who),
				id,
				vec![(TierGrade::A, -a), (TierGrade::D, a)].try_into().unwrap(),
				vec![(GreenGrade::DeepGreen, -a / 2), (GreenGrade::Red, a)].try_into().unwrap(),
				vec![(TierGrade::D, limit as u128 * 100)].try_into().unwrap(),
				sp_runtime::Permill::from_percent(advance as u32),
			)
		}
	}
}

/// Program 1: OTHER_BANK finances CORE's notes too, so a factor (BANK) can pledge a note it
/// bought, and a note can be sold on from one bank to the other.
fn second_program() {
	frame_support::assert_ok!(Enterprises::grant_role(
		RuntimeOrigin::root(),
		RATER,
		cascade_primitives::Office::Attestor
	));
	frame_support::assert_ok!(Financing::open_program(
		RuntimeOrigin::signed(OTHER_BANK),
		CORE,
		CNY,
		sp_runtime::Permill::from_parts(50_000),
		PROGRAM_BUDGET,
		u64::MAX
	));
}

fn cases() -> u32 {
	std::env::var("CASCADE_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

	#[test]
	fn random_financing_sequences_conserve_money(ops in prop::collection::vec(op(), 1..60)) {
		new_test_ext().execute_with(|| {
			second_program();
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
			second_program();
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

/// The new paths are reached too: called loans, partial recourse and claims, factors pledging
/// notes they bought, recourse claims paid from the payouts of the note that secures them.
#[test]
fn generated_sequences_reach_the_new_paths() {
	use crate::Financings;
	use proptest::{strategy::ValueTree, test_runner::TestRunner};
	let mut runner = TestRunner::deterministic();
	let (mut called, mut claimed, mut factored_then_pledged) = (0, 0, 0);
	let mut partial = 0;
	let mut paid_down = 0;
	let mut secured_paid = 0;
	let (mut reserve_shares, mut graded, mut limited) = (0, 0, 0);
	for _ in 0..1_000 {
		let ops = prop::collection::vec(op(), 80).new_tree(&mut runner).unwrap().current();
		new_test_ext().execute_with(|| {
			second_program();
			for (step, op) in ops.iter().enumerate() {
				let _ = apply(op, step);
				if crate::Claims::<Test>::iter().count() > 0 {
					claimed += 1;
				}
			}
			partial += System::events()
				.iter()
				.filter(|e| {
					matches!(
						e.event,
						RuntimeEvent::Financing(crate::Event::RecourseExercised { owed, paid, .. })
							if paid < owed
					)
				})
				.count();
			paid_down += System::events()
				.iter()
				.filter(|e| {
					matches!(e.event, RuntimeEvent::Financing(crate::Event::LoanPaidDown { .. }))
				})
				.count();
			let all: Vec<_> = Financings::<Test>::iter().map(|(_, f)| f).collect();
			// A recourse claim secured by its note, paid (down or off) by the note's payouts.
			let factoring = |id: &u64| {
				Financings::<Test>::get(id).is_some_and(|f| f.kind != FinancingKind::Pledge)
			};
			secured_paid += System::events()
				.iter()
				.filter(|e| match &e.event {
					RuntimeEvent::Financing(crate::Event::LoanPaidDown { financing, .. }) => {
						factoring(financing)
					}
					RuntimeEvent::Financing(crate::Event::FinancingRedeemed {
						financing,
						to_financier,
					}) => *to_financier > 0 && factoring(financing),
					_ => false,
				})
				.count();

			reserve_shares += System::events()
				.iter()
				.filter(|e| {
					matches!(
						e.event,
						RuntimeEvent::Receivables(
							pallet_receivables::Event::PartPaid { to_seller: Some(_), .. }
								| pallet_receivables::Event::Redeemed { to_seller: Some(_), .. }
						) | RuntimeEvent::Financing(crate::Event::ReservePaid { .. })
					)
				})
				.count();
			graded += System::events()
				.iter()
				.filter(|e| {
					matches!(
						&e.event,
						RuntimeEvent::Financing(crate::Event::Financed { terms, .. })
							if terms.tier_adjustment != 0 || terms.green_adjustment != 0
					)
				})
				.count();
			limited += crate::Drawn::<Test>::iter().count();
			called += System::events()
				.iter()
				.filter(|e| {
					matches!(e.event, RuntimeEvent::Financing(crate::Event::LoanCalled { .. }))
				})
				.count();
			factored_then_pledged += all
				.iter()
				.filter(|p| {
					p.kind == FinancingKind::Pledge
						&& all.iter().any(|f| {
							f.note == p.note
								&& f.kind != FinancingKind::Pledge
								&& f.financier == p.seller
						})
				})
				.count();
		});
	}
	assert!(claimed > 0, "no claim was ever recorded");
	assert!(called > 0, "no loan was ever called");
	assert!(partial > 0, "no recourse was ever paid in part");
	assert!(factored_then_pledged > 0, "no factor ever pledged a note it bought");
	assert!(paid_down > 0, "no loan or claim was ever paid down by a share");
	assert!(secured_paid > 0, "no recourse claim was ever paid from its security's payouts");
	assert!(reserve_shares > 0, "no factoring's reserve was ever paid");
	assert!(graded > 0, "no financing was ever priced by a grade");
	assert!(limited > 0, "no seller ever drew on a program");
}

proptest! {
	#![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

	/// Splitting never beats the discount, whatever the seller's grades and the program's
	/// pricing: the pieces' prices now sum to at most the whole's, and so do their prices and
	/// reserves together (what the seller gets in all).
	#[test]
	fn splitting_never_beats_the_discount_over_grades(
		tier in 0u8..4,
		green in 4u8..8,
		adjust in -30_000i32..60_000,
		advance in 10u32..=100,
		whole in 200u128..10_000_000,
		cut_percent in 1u128..100,
		days in 1u64..200,
		pledge in any::<bool>(),
	) {
		new_test_ext().execute_with(|| {
			second_program();
			frame_support::assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), T1, grade(tier), u64::MAX));
			frame_support::assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), T1, grade(green), u64::MAX));
			use cascade_primitives::{GreenGrade, TierGrade};
			let pricing = crate::ProgramPricing {
				tier_adjustments: vec![(TierGrade::A, -adjust), (TierGrade::B, adjust / 3), (TierGrade::C, adjust / 2), (TierGrade::D, adjust)].try_into().unwrap(),
				green_adjustments: vec![(GreenGrade::DeepGreen, -adjust / 2), (GreenGrade::Red, adjust)].try_into().unwrap(),
				tier_limits: Default::default(),
				advance_rate: sp_runtime::Permill::from_percent(advance),
			};
			let maturity = START + days * DAY;
			let cut = (whole * cut_percent / 100).max(100).min(whole - 100);
			let terms = |amount| Financing::terms(rate(), Some(&pricing), &T1, amount, maturity, pledge).unwrap();
			let (all, a, b) = (terms(whole), terms(cut), terms(whole - cut));
			prop_assert!(a.disbursed + b.disbursed <= all.disbursed, "price now: {:?} {:?} {:?}", all, a, b);
			prop_assert!(
				a.disbursed + a.reserve + b.disbursed + b.reserve <= all.disbursed + all.reserve,
				"price and reserve: {:?} {:?} {:?}", all, a, b
			);
			Ok(())
		})?;
	}
}
