use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState, ReceivableStatus};
use cascade_primitives::NoteLedger;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, TokenError};

const MATURITY: u64 = START + 30 * DAY;

#[test]
fn repay_moves_face_to_escrow_and_releases_credit() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, _) = active_receivable(1_000_000);
		let escrow = Receivables::escrow_account(r);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		// The face, and the asset's minimum balance (1) as the escrow's reserve.
		assert_eq!(cny(CORE), CORE_CNY - 1_000_001);
		assert_eq!(cny(escrow), 1_000_001);
		let rec = crate::pallet::Receivables::<Test>::get(r).unwrap();
		assert_eq!((rec.status, rec.repaid), (ReceivableStatus::Repaid, 1_000_000));
		assert_eq!(rec.repaid_at, Some(START));
		assert_eq!(pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used, 0);
		System::assert_last_event(
			Event::<Test>::Repaid { receivable: r, amount: 1_000_000, reserve: 1, escrow }.into(),
		);
	});
}

#[test]
fn repay_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(CORE), 3),
			Error::<Test>::UnknownReceivable
		);
		let (r, root) = issue_to_t1(1_000, "INV-1");
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(CORE), r),
			Error::<Test>::NotRepayable
		);
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		for caller in [T1, OTHER_CORE, STRANGER] {
			assert_noop!(
				Receivables::repay(RuntimeOrigin::signed(caller), r),
				Error::<Test>::NotIssuer
			);
		}
		assert_noop!(Receivables::repay(RuntimeOrigin::root(), r), DispatchError::BadOrigin);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(CORE), r),
			Error::<Test>::NotRepayable
		);
	});
}

#[test]
fn repay_without_funds_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, _) = active_receivable(LINE_LIMIT);
		// Spend the core's money elsewhere first.
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&CORE,
			&OTHER_CORE,
			CORE_CNY - 10,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(CORE), r),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn suspended_issuer_can_still_repay() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, _) = active_receivable(1_000);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), CORE));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
	});
}

#[test]
fn redeem_pays_every_holder_and_settles() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 300));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), root + 1));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(STRANGER), root + 1),
			Error::<Test>::NotMatured
		);
		set_time(MATURITY);
		let (t1, t2) = (cny(T1), cny(T2));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), root + 1));
		assert_eq!(cny(T2), t2 + 300);
		System::assert_last_event(
			Event::<Test>::Redeemed {
				note: root + 1,
				receivable: r,
				holder: T2,
				amount: 300,
				to_pledgee: None,
				to_seller: None,
			}
			.into(),
		);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), root + 2));
		assert_eq!(cny(T1), t1 + 700);
		assert_eq!(cny(Receivables::escrow_account(r)), 0);
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(r).unwrap().status,
			ReceivableStatus::Settled
		);
		System::assert_last_event(Event::<Test>::Settled { receivable: r }.into());
		assert_eq!(Notes::<Test>::get(root + 2).unwrap().state, NoteState::Redeemed);
		assert!(!NotesByHolder::<Test>::contains_key(T1, root + 2));
	});
}

#[test]
fn redeem_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Receivables::redeem(RuntimeOrigin::signed(T1), 5), Error::<Test>::UnknownNote);
		let (r, root) = active_receivable(1_000);
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(T1), root),
			Error::<Test>::NotRepaid
		);
		assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[500, 500])));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY);
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(T1), root),
			Error::<Test>::NoteConsumed
		);
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::none(), root + 1),
			DispatchError::BadOrigin
		);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(T1), root + 1));
		assert_noop!(
			Receivables::redeem(RuntimeOrigin::signed(T1), root + 1),
			Error::<Test>::AlreadyRedeemed
		);
	});
}

#[test]
fn redeem_of_pending_note_pays_its_sender() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), root, T2));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY);
		let t1 = cny(T1);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(T2), root));
		assert_eq!(cny(T1), t1 + 1_000);
		assert!(!PendingTo::<Test>::contains_key(T2, root));
	});
}

#[test]
fn redeem_of_pledged_note_pays_pledgee_first() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		assert_ok!(<Receivables as NoteLedger<_, _, _>>::pledge(root, 4));
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(T1), root, T2),
			Error::<Test>::NoteNotActive
		);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY);
		PledgeOwed::set(Some((BANK, 640)));
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), root));
		assert_eq!(cny(BANK), bank + 640);
		assert_eq!(cny(T1), t1 + 360);
		assert_eq!(PledgeCalls::get(), vec![(4, root, 1_000)]);
		System::assert_has_event(
			Event::<Test>::Redeemed {
				note: root,
				receivable: r,
				holder: T1,
				amount: 360,
				to_pledgee: Some((BANK, 640)),
				to_seller: None,
			}
			.into(),
		);
	});
}

#[test]
fn pledgee_claim_above_the_note_is_capped() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		assert_ok!(<Receivables as NoteLedger<_, _, _>>::pledge(root, 4));
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY);
		PledgeOwed::set(Some((BANK, 5_000)));
		let (t1, bank) = (cny(T1), cny(BANK));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), root));
		assert_eq!((cny(BANK), cny(T1)), (bank + 1_000, t1));
	});
}

#[test]
fn suspended_holder_still_gets_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T1));
		set_time(MATURITY);
		let t1 = cny(T1);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), root));
		assert_eq!(cny(T1), t1 + 1_000);
	});
}

#[test]
fn mark_overdue_after_grace_then_late_repay() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		set_time(MATURITY + 3 * DAY - 1);
		assert_noop!(
			Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r),
			Error::<Test>::NotOverdueYet
		);
		set_time(MATURITY + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(r).unwrap().status,
			ReceivableStatus::Overdue
		);
		System::assert_has_event(Event::<Test>::MarkedOverdue { receivable: r }.into());
		System::assert_last_event(Event::<Test>::IssuerInDefault { issuer: CORE }.into());
		assert_noop!(
			Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r),
			Error::<Test>::NotActiveReceivable
		);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(T1), root));
	});
}

#[test]
fn mark_overdue_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), 8),
			Error::<Test>::UnknownReceivable
		);
		let (r, _) = issue_to_t1(1_000, "INV-1");
		set_time(MATURITY + 10 * DAY);
		assert_noop!(
			Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r),
			Error::<Test>::NotActiveReceivable
		);
		assert_noop!(Receivables::mark_overdue(RuntimeOrigin::none(), r), DispatchError::BadOrigin);
	});
}

/// DESIGN acceptance: 10,000 notes held by many accounts settle by 10,000 redeem calls.
#[test]
fn ten_thousand_notes_settle_completely() {
	let suppliers: Vec<AccountId> = (1_000..1_200).collect();
	ExtBuilder::default().suppliers(suppliers.clone()).build_and_execute(|| {
		let face: Balance = 10_000 * 1_000;
		let (r, root) = active_receivable(face);
		assert_eq!(pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used, face);
		// Four levels of ten-way splits: 10,000 leaves of 1,000 each.
		let mut level = vec![root];
		let mut amount = face;
		for _ in 0..4 {
			amount /= 10;
			let mut next = Vec::new();
			for note in level {
				let first = NextNoteId::<Test>::get();
				assert_ok!(Receivables::split(
					RuntimeOrigin::signed(T1),
					note,
					amounts(&[amount; 10])
				));
				next.extend(first..first + 10);
			}
			level = next;
		}
		assert_eq!(level.len(), 10_000);
		// Pass the leaves down to 200 suppliers.
		let mut expected: std::collections::BTreeMap<AccountId, Balance> = Default::default();
		for (i, note) in level.iter().enumerate() {
			let to = suppliers[i % suppliers.len()];
			assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), *note, to));
			assert_ok!(Receivables::accept(RuntimeOrigin::signed(to), *note));
			*expected.entry(to).or_default() += amount;
		}
		check_invariants();
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		assert_eq!(pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used, 0);
		let escrow = Receivables::escrow_account(r);
		// The face and the reserve (the asset's minimum balance, 1).
		assert_eq!(cny(escrow), face + 1);
		let before: Vec<Balance> = suppliers.iter().map(|s| cny(*s)).collect();
		set_time(MATURITY);
		for note in &level {
			assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), *note));
		}
		for (s, b) in suppliers.iter().zip(before) {
			assert_eq!(cny(*s), b + expected[s], "supplier {s} paid exactly its notes");
		}
		assert_eq!(cny(escrow), 0);
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(r).unwrap().status,
			ReceivableStatus::Settled
		);
	});
}

// Issue 11, item 4: escrow never loses a unit to dust or account reaping, whatever the asset's
// minimum balance. Face 25.00 split 10.00 / 15.00 in an asset whose minimum balance is 10.00
// (no note may be smaller since issue 25, item 9): before the reserve, redeeming 10.00 reaped
// the escrow and destroyed the 15.00 the other note was owed.
#[test]
fn escrow_never_loses_a_unit_to_dust_or_reaping() {
	ExtBuilder::default().build_and_execute(|| {
		let hkd = |who| {
			<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(HKD, &who)
		};
		let supply = || {
			<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::total_issuance(HKD)
		};
		let issued = supply();
		let (r, root) = (crate::NextReceivableId::<Test>::get(), crate::NextNoteId::<Test>::get());
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(CORE),
			T1,
			HKD,
			2_500,
			MATURITY,
			HKD_LINE,
			doc(),
			invoice("HKD-1")
		));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T2, 1_000));
		let (to_t2, kept) = (root + 1, root + 2);
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T2), to_t2));
		let core = hkd(CORE);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		// 25.00 and a reserve of the minimum balance, 10.00.
		assert_eq!(hkd(Receivables::escrow_account(r)), 2_500 + HKD_MIN);
		set_time(MATURITY);
		let (t1, t2) = (hkd(T1), hkd(T2));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), to_t2));
		assert_eq!(hkd(T2), t2 + 1_000);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), kept));
		assert_eq!(hkd(T1), t1 + 1_500);
		// The escrow is empty, the reserve is back with the issuer, nothing was burnt.
		assert_eq!(hkd(Receivables::escrow_account(r)), 0);
		assert_eq!(hkd(CORE), core - 2_500);
		assert_eq!(supply(), issued);
		let rec = crate::pallet::Receivables::<Test>::get(r).unwrap();
		assert_eq!((rec.status, rec.paid_out), (ReceivableStatus::Settled, 2_500));
	});
}

// Issue 11, item 8: a donation to an escrow account keeps the invariants (escrow ≥ what it
// owes) and goes back to the issuer when the receivable is settled.
#[test]
fn a_donation_to_an_escrow_returns_to_the_issuer_at_settlement() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = active_receivable(1_000);
		let escrow = Receivables::escrow_account(r);
		let give = |amount| {
			assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				CNY,
				&BANK,
				&escrow,
				amount,
				frame_support::traits::tokens::Preservation::Expendable
			));
		};
		give(70);
		check_invariants();
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		give(30);
		check_invariants();
		set_time(MATURITY);
		let (core, t1) = (cny(CORE), cny(T1));
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), root));
		assert_eq!(cny(T1), t1 + 1_000);
		// The reserve (1) and the 100 donated.
		assert_eq!(cny(CORE), core + 101);
		assert_eq!(cny(escrow), 0);
		System::assert_has_event(
			Event::<Test>::EscrowReturned { escrow, to: CORE, amount: 101 }.into(),
		);
	});
}

#[test]
fn a_donation_to_a_cancelled_receivables_escrow_returns_to_the_issuer() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, _) = issue_to_t1(1_000, "INV-1");
		let escrow = Receivables::escrow_account(r);
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
			CNY,
			&BANK,
			&escrow,
			50,
			frame_support::traits::tokens::Preservation::Expendable
		));
		let core = cny(CORE);
		assert_ok!(Receivables::cancel(RuntimeOrigin::signed(CORE), r));
		assert_eq!((cny(CORE), cny(escrow)), (core + 50, 0));
	});
}

/// HKD of `who` (the asset whose minimum balance is 1,000).
fn hkd(who: AccountId) -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(HKD, &who)
}

/// CORE issues `face` HKD to T1, who accepts; returns (receivable, root note).
fn hkd_receivable(face: Balance) -> (u64, u64) {
	let (r, root) = (crate::NextReceivableId::<Test>::get(), crate::NextNoteId::<Test>::get());
	assert_ok!(Receivables::issue(
		RuntimeOrigin::signed(CORE),
		T1,
		HKD,
		face,
		MATURITY,
		HKD_LINE,
		doc(),
		invoice("HKD-2")
	));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
	(r, root)
}

// Issue 25, item 9: no note is smaller than the asset's minimum balance, so no note is ever
// unpayable to a holder that holds none of the asset. Before, the ledger's own minimum (1.00)
// was the only bound: a 9.99 HKD note (minimum balance 10.00) could be issued, split off or
// passed on, and never paid to a new holder.
#[test]
fn no_note_is_smaller_than_the_assets_minimum_balance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Params::<Test>::get().min_note_amount, 100);
		assert_eq!(Receivables::min_note_in(HKD), HKD_MIN);
		assert_eq!(Receivables::min_note_in(CNY), 100);
		assert_noop!(
			Receivables::issue(
				RuntimeOrigin::signed(CORE),
				T1,
				HKD,
				HKD_MIN - 1,
				MATURITY,
				HKD_LINE,
				doc(),
				invoice("HKD-SMALL")
			),
			Error::<Test>::BelowMinimum
		);
		let (_, root) = hkd_receivable(3_000);
		assert_noop!(
			Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[999, 2_001])),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T3, 999),
			Error::<Test>::BelowMinimum
		);
		assert_noop!(
			Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T3, 2_001),
			Error::<Test>::BelowMinimum
		);
		// At the asset's minimum they go through, and T3, holding no HKD, is paid in full.
		assert_eq!(hkd(T3), 0);
		assert_ok!(Receivables::split_transfer(RuntimeOrigin::signed(T1), root, T3, 1_000));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T3), root + 1));
		assert_ok!(Receivables::split(
			RuntimeOrigin::signed(T1),
			root + 2,
			amounts(&[1_000, 1_000])
		));
	});
}

// Issue 25, item 9: money sent to an escrow after the receivable was cancelled or settled goes
// to the issuer (before, nothing could move it: the escrow is a keyless account).
#[test]
fn money_sent_to_a_closed_escrow_goes_to_the_issuer() {
	ExtBuilder::default().build_and_execute(|| {
		let send = |to: AccountId, asset: u32, amount: Balance| {
			assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::transfer(
				asset,
				&BANK,
				&to,
				amount,
				frame_support::traits::tokens::Preservation::Expendable
			));
		};
		assert_noop!(
			Receivables::sweep_escrow(RuntimeOrigin::signed(STRANGER), 9, CNY),
			Error::<Test>::UnknownReceivable
		);
		// Settled: a later gift is swept back to CORE by anyone.
		let (r, root) = active_receivable(1_000);
		let escrow = Receivables::escrow_account(r);
		assert_noop!(
			Receivables::sweep_escrow(RuntimeOrigin::signed(STRANGER), r, USD),
			Error::<Test>::NothingToSweep
		);
		send(escrow, CNY, 50);
		// While live, the receivable's own money in escrow is the notes' (settlement returns any
		// surplus); money in another asset can go back at once.
		assert_noop!(
			Receivables::sweep_escrow(RuntimeOrigin::signed(STRANGER), r, CNY),
			Error::<Test>::EscrowInUse
		);
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::mint_into(
			USD, &BANK, 100
		));
		send(escrow, USD, 70);
		let core_usd = || {
			<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(USD, &CORE)
		};
		let before = core_usd();
		assert_ok!(Receivables::sweep_escrow(RuntimeOrigin::signed(STRANGER), r, USD));
		assert_eq!(core_usd(), before + 70);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
		set_time(MATURITY);
		assert_ok!(Receivables::redeem(RuntimeOrigin::signed(STRANGER), root));
		assert_eq!(cny(escrow), 0, "settlement returned the surplus");
		send(escrow, CNY, 30);
		let core = cny(CORE);
		assert_ok!(Receivables::sweep_escrow(RuntimeOrigin::signed(STRANGER), r, CNY));
		assert_eq!(cny(CORE), core + 30);
		assert_eq!(cny(escrow), 0);
		System::assert_last_event(
			Event::<Test>::EscrowReturned { escrow: escrow.clone(), to: CORE, amount: 30 }.into(),
		);
		// Cancelled: likewise.
		set_time(START);
		let (r2, _) = issue_to_t1(1_000, "INV-2");
		assert_ok!(Receivables::cancel(RuntimeOrigin::signed(CORE), r2));
		let escrow2 = Receivables::escrow_account(r2);
		send(escrow2, CNY, 40);
		let core = cny(CORE);
		assert_ok!(Receivables::sweep_escrow(RuntimeOrigin::signed(T2), r2, CNY));
		assert_eq!(cny(CORE), core + 40);
	});
}
