use crate::mock::Receivables;
use crate::{mock::*, pallet::*, NoteState, ReceivableStatus};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn issue(
	who: AccountId,
	supplier: AccountId,
	face: Balance,
	maturity: u64,
	line: u64,
	inv: &str,
) -> frame_support::dispatch::DispatchResult {
	Receivables::issue(
		RuntimeOrigin::signed(who),
		supplier,
		CNY,
		face,
		maturity,
		line,
		doc(),
		invoice(inv),
	)
}

#[test]
fn issue_creates_receivable_root_note_and_draws_the_line() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = issue_to_t1(1_000_000, "INV-1");
		let rec = crate::pallet::Receivables::<Test>::get(r).unwrap();
		assert_eq!(rec.issuer, CORE);
		assert_eq!(rec.face, 1_000_000);
		assert_eq!(rec.status, ReceivableStatus::Pending);
		assert_eq!(rec.issued_at, START);
		assert_eq!(rec.maturity, START + 30 * DAY);
		assert_eq!(rec.root, root);
		let note = Notes::<Test>::get(root).unwrap();
		assert_eq!(note.parent, None);
		assert_eq!(note.depth, 0);
		assert_eq!(note.holder, CORE);
		assert_eq!(note.state, NoteState::Pending { to: T1 });
		assert!(PendingTo::<Test>::contains_key(T1, root));
		assert!(NotesByHolder::<Test>::contains_key(CORE, root));
		assert_eq!(InvoiceRefs::<Test>::get(CORE, invoice("INV-1")), Some(r));
		assert_eq!(pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used, 1_000_000);
		System::assert_last_event(
			Event::<Test>::Issued {
				receivable: r,
				issuer: CORE,
				supplier: T1,
				asset: CNY,
				face: 1_000_000,
				maturity: START + 30 * DAY,
				credit_line: LINE,
				root_note: root,
				invoice_ref: invoice("INV-1"),
			}
			.into(),
		);
	});
}

#[test]
fn issue_by_wrong_callers_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let m = START + DAY;
		for caller in [T1, BANK, STRANGER] {
			assert_noop!(issue(caller, T2, 1_000, m, LINE, "X"), Error::<Test>::NotCore);
		}
		assert_noop!(
			Receivables::issue(RuntimeOrigin::root(), T1, CNY, 1_000, m, LINE, doc(), invoice("X")),
			DispatchError::BadOrigin
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), CORE));
		assert_noop!(issue(CORE, T1, 1_000, m, LINE, "X"), Error::<Test>::NotCore);
	});
}

#[test]
fn issue_to_ineligible_supplier_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let m = START + DAY;
		for supplier in [BANK, STRANGER, OTHER_CORE + 100] {
			assert_noop!(issue(CORE, supplier, 1_000, m, LINE, "X"), Error::<Test>::NotSupplier);
		}
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), T1));
		assert_noop!(issue(CORE, T1, 1_000, m, LINE, "X"), Error::<Test>::NotSupplier);
		// A core that is also a supplier cannot issue to itself.
		assert_noop!(issue(OTHER_CORE, OTHER_CORE, 1_000, m, 1, "X"), Error::<Test>::SelfIssue);
	});
}

#[test]
fn issue_bad_terms_fail() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(issue(CORE, T1, 99, START + DAY, LINE, "X"), Error::<Test>::BelowMinimum);
		assert_noop!(issue(CORE, T1, 1_000, START, LINE, "X"), Error::<Test>::MaturityInPast);
		assert_noop!(
			issue(CORE, T1, 1_000, START + 366 * DAY, LINE, "X"),
			Error::<Test>::TenorTooLong
		);
		assert_noop!(issue(CORE, T1, 1_000, START + DAY, LINE, ""), Error::<Test>::EmptyInvoiceRef);
		assert_ok!(issue(CORE, T1, 1_000, START + DAY, LINE, "X"));
		assert_noop!(issue(CORE, T2, 500, START + DAY, LINE, "X"), Error::<Test>::DuplicateInvoice);
		// Another issuer may use the same reference.
		assert_ok!(issue(OTHER_CORE, T1, 1_000, START + DAY, 1, "X"));
	});
}

#[test]
fn issue_credit_line_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let m = START + DAY;
		assert_noop!(
			issue(CORE, T1, LINE_LIMIT + 1, m, LINE, "X"),
			pallet_enterprises::Error::<Test>::CreditLineExceeded
		);
		assert_noop!(
			issue(CORE, T1, 1_000, m, 1, "X"),
			pallet_enterprises::Error::<Test>::NotLineCore
		);
		assert_noop!(
			issue(CORE, T1, 1_000, m, 9, "X"),
			pallet_enterprises::Error::<Test>::UnknownLine
		);
		assert_noop!(
			Receivables::issue(
				RuntimeOrigin::signed(CORE),
				T1,
				USD,
				1_000,
				m,
				LINE,
				doc(),
				invoice("X")
			),
			pallet_enterprises::Error::<Test>::AssetMismatch
		);
		assert_ok!(Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), LINE));
		assert_noop!(
			issue(CORE, T1, 1_000, m, LINE, "X"),
			pallet_enterprises::Error::<Test>::LineRevoked
		);
	});
}

#[test]
fn issue_after_line_expiry_fails() {
	ExtBuilder::default().build_and_execute(|| {
		set_time(START + 365 * DAY);
		assert_noop!(
			issue(CORE, T1, 1_000, START + 366 * DAY, LINE, "X"),
			pallet_enterprises::Error::<Test>::LineExpired
		);
	});
}

#[test]
fn cancel_releases_credit_and_frees_the_invoice() {
	ExtBuilder::default().build_and_execute(|| {
		let (r, root) = issue_to_t1(1_000_000, "INV-1");
		assert_ok!(Receivables::cancel(RuntimeOrigin::signed(CORE), r));
		assert_eq!(
			crate::pallet::Receivables::<Test>::get(r).unwrap().status,
			ReceivableStatus::Cancelled
		);
		assert!(Notes::<Test>::get(root).is_none());
		assert!(!PendingTo::<Test>::contains_key(T1, root));
		assert_eq!(pallet_enterprises::CreditLines::<Test>::get(LINE).unwrap().used, 0);
		System::assert_last_event(Event::<Test>::Cancelled { receivable: r }.into());
		// The invoice may be issued again.
		issue_to_t1(900_000, "INV-1");
	});
}

#[test]
fn cancel_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Receivables::cancel(RuntimeOrigin::signed(CORE), 5),
			Error::<Test>::UnknownReceivable
		);
		let (r, root) = issue_to_t1(1_000, "INV-1");
		for caller in [T1, OTHER_CORE, STRANGER] {
			assert_noop!(
				Receivables::cancel(RuntimeOrigin::signed(caller), r),
				Error::<Test>::NotIssuer
			);
		}
		assert_noop!(Receivables::cancel(RuntimeOrigin::root(), r), DispatchError::BadOrigin);
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), root));
		assert_noop!(
			Receivables::cancel(RuntimeOrigin::signed(CORE), r),
			Error::<Test>::NoteFrozen
		);
		assert_ok!(Receivables::unfreeze(RuntimeOrigin::root(), root));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
		assert_noop!(
			Receivables::cancel(RuntimeOrigin::signed(CORE), r),
			Error::<Test>::AlreadyAccepted
		);
	});
}
