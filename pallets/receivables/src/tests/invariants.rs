//! Each named invariant check fails on a ledger corrupted the way it guards against (storage
//! written by hand, as no call can), and only that check: the checks can fail, and each names
//! what is wrong.

use crate::mock::Receivables;
use crate::{mock::*, pallet::*, Clearing, NoteState};
use frame_support::{assert_ok, traits::fungibles::Mutate};
use sp_runtime::TryRuntimeError;

type Check = fn() -> Result<(), TryRuntimeError>;

/// The named checks, as `do_try_state` runs them.
const CHECKS: [(&str, Check); 7] = [
	("check_conservation", Receivables::check_conservation),
	("check_tree", Receivables::check_tree),
	("check_lines", Receivables::check_lines),
	("check_escrow", Receivables::check_escrow),
	("check_due_queue", Receivables::check_due_queue),
	("check_indexes", Receivables::check_indexes),
	("check_exposure", Receivables::check_exposure),
];

/// A ledger with a receivable split in two, one half offered to T2 and the core's repayment in
/// escrow: every check passes on it. Returns the receivable and its three notes.
fn ledger() -> (u64, u64, u64, u64) {
	let (r, root) = active_receivable(1_000);
	assert_ok!(Receivables::split(RuntimeOrigin::signed(T1), root, amounts(&[400, 600])));
	let (a, b) = (root + 1, root + 2);
	assert_ok!(Receivables::transfer(RuntimeOrigin::signed(T1), a, T2));
	assert_ok!(Receivables::repay(RuntimeOrigin::signed(CORE), r));
	for (name, check) in CHECKS {
		assert_eq!(check(), Ok(()), "{name} fails on a sound ledger");
	}
	(r, root, a, b)
}

/// `corrupt` breaks the ledger; exactly the check `name` fails, with `message`.
fn only_fails(name: &str, message: &'static str, corrupt: impl FnOnce(u64, u64, u64, u64)) {
	new_test_ext().execute_with(|| {
		let (r, root, a, b) = ledger();
		corrupt(r, root, a, b);
		for (check_name, check) in CHECKS {
			if check_name == name {
				assert_eq!(check(), Err(message.into()), "{check_name}");
			} else {
				assert_eq!(check(), Ok(()), "{check_name} fails too");
			}
		}
		assert_eq!(Receivables::do_try_state(), Err(message.into()));
	});
}

#[test]
fn conservation_fails_when_a_note_is_paid_out_of_nowhere() {
	let message = "live notes' unpaid amounts + paid out differ from the face";
	only_fails("check_conservation", message, |_, _, _, b| {
		Notes::<Test>::mutate(b, |n| n.as_mut().unwrap().paid = 1);
	});
}

#[test]
fn tree_fails_when_a_child_is_one_level_too_deep() {
	only_fails("check_tree", "child depth is not parent depth + 1", |_, _, _, b| {
		Notes::<Test>::mutate(b, |n| n.as_mut().unwrap().depth = 2);
	});
}

#[test]
fn lines_fail_when_a_receivables_outstanding_drifts_from_its_line() {
	only_fails(
		"check_lines",
		"credit line used differs from its outstanding receivables",
		|r, _, _, _| {
			// Repaid in full, the receivable uses nothing: bring its outstanding back.
			crate::pallet::Receivables::<Test>::mutate(r, |x| {
				let x = x.as_mut().unwrap();
				x.repaid = 0;
				x.repaid_at = None;
				x.status = crate::ReceivableStatus::Active;
			});
			let _ = DueQueue::<Test>::clear(u32::MAX, None);
			Exposures::<Test>::insert(CORE, CNY, crate::Owed { receivables: 1, amount: 1_000 });
		},
	);
}

#[test]
fn escrow_fails_when_money_leaves_it() {
	only_fails("check_escrow", "escrow holds less than it owes", |r, _, _, _| {
		let escrow = Receivables::escrow_account(r);
		assert_eq!(<Assets as Mutate<_>>::set_balance(CNY, &escrow, 999), 999);
	});
}

#[test]
fn due_queue_fails_when_its_cursor_is_on_another_receivables_note() {
	only_fails(
		"check_due_queue",
		"clearing cursor on a note of another receivable",
		|r, _, _, _| {
			let key = DueQueue::<Test>::iter().find(|(_, id, _)| *id == r).unwrap().0;
			DueQueue::<Test>::insert(key, r, Clearing { last: Some(1_000), ..Default::default() });
		},
	);
}

#[test]
fn indexes_fail_when_an_offer_is_missing_from_pending_to() {
	only_fails("check_indexes", "pending note missing from PendingTo", |_, _, a, _| {
		assert_eq!(Notes::<Test>::get(a).unwrap().state, NoteState::Pending { to: T2 });
		PendingTo::<Test>::remove(T2, a);
	});
}

#[test]
fn exposure_fails_when_a_counter_drifts() {
	only_fails(
		"check_exposure",
		"an exposure counter differs from its receivables",
		|_, _, _, _| {
			Exposures::<Test>::insert(OTHER_CORE, CNY, crate::Owed { receivables: 1, amount: 5 });
		},
	);
}
