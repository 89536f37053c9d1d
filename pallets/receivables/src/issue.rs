//! Issuing receivables and withdrawing them before acceptance.

use crate::{
	pallet::*, LineId, Moment, Note, NoteState, Receivable, ReceivableId, ReceivableStatus,
};
use cascade_primitives::{ClaimsOwed, CreditLineDraws, EnterpriseRegistry, Role};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::{with_transaction, TransactionOutcome},
};
use sp_core::H256;
use sp_runtime::{traits::Zero, ArithmeticError};

impl<T: Config> Pallet<T> {
	/// Issue a receivable and offer its root note to `supplier`. Returns the receivable's id.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_issue(
		issuer: T::AccountId,
		supplier: T::AccountId,
		asset: T::AssetId,
		face: BalanceOf<T>,
		maturity: Moment,
		credit_line: LineId,
		doc_hash: H256,
		invoice_ref: InvoiceRefOf<T>,
	) -> Result<ReceivableId, DispatchError> {
		ensure!(T::Enterprises::is_active_with(&issuer, Role::Core), Error::<T>::NotCore);
		ensure!(issuer != supplier, Error::<T>::SelfIssue);
		ensure!(T::Enterprises::is_active_with(&supplier, Role::Supplier), Error::<T>::NotSupplier);
		// 银发〔2025〕77号: no new vouchers from a core that has not paid at maturity.
		ensure!(
			OverdueOf::<T>::get(&issuer) == 0 && !T::Claims::owes(&issuer),
			Error::<T>::IssuerInDefault
		);
		let params = Params::<T>::get();
		ensure!(face >= Self::min_note_in(asset), Error::<T>::BelowMinimum);
		let now = Self::now();
		ensure!(maturity > now, Error::<T>::MaturityInPast);
		ensure!(maturity - now <= params.max_tenor, Error::<T>::TenorTooLong);
		ensure!(!invoice_ref.is_empty(), Error::<T>::EmptyInvoiceRef);
		ensure!(
			!InvoiceRefs::<T>::contains_key(&issuer, &invoice_ref),
			Error::<T>::DuplicateInvoice
		);

		// Draw last among the checks: it is the only one that writes.
		T::Lines::draw(credit_line, &issuer, &asset, face, now)?;

		let receivable = NextReceivableId::<T>::get();
		NextReceivableId::<T>::put(receivable.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		let root = Self::reserve_note_ids(1)?;

		Self::insert_note(
			root,
			Note {
				receivable,
				parent: None,
				depth: 0,
				holder: issuer.clone(),
				amount: face,
				paid: Zero::zero(),
				state: NoteState::Pending { to: supplier.clone() },
			},
		);
		InvoiceRefs::<T>::insert(&issuer, &invoice_ref, receivable);
		ReceivablesByIssuer::<T>::insert(&issuer, receivable, ());
		Self::owe(&issuer, &asset, receivable, face);
		Receivables::<T>::insert(
			receivable,
			Receivable {
				issuer: issuer.clone(),
				asset,
				face,
				issued_at: now,
				maturity,
				credit_line,
				doc_hash,
				invoice_ref: invoice_ref.clone(),
				status: ReceivableStatus::Pending,
				repaid: Zero::zero(),
				repaid_at: None,
				paid_out: Zero::zero(),
				root,
				live_notes: 1,
			},
		);
		Self::deposit_event(Event::Issued {
			receivable,
			issuer,
			supplier,
			asset,
			face,
			maturity,
			credit_line,
			root_note: root,
			invoice_ref,
		});
		Ok(receivable)
	}

	/// What `issue` by `issuer` with these arguments would do now: `Ok`, or the error it would
	/// fail with. It runs `issue` itself in a storage layer that is always rolled back, so the
	/// answer comes from exactly the checks `issue` makes, and nothing is written.
	#[allow(clippy::too_many_arguments)]
	pub fn can_issue(
		issuer: T::AccountId,
		supplier: T::AccountId,
		asset: T::AssetId,
		face: BalanceOf<T>,
		maturity: Moment,
		credit_line: LineId,
		invoice_ref: alloc::vec::Vec<u8>,
	) -> DispatchResult {
		let invoice_ref: InvoiceRefOf<T> =
			invoice_ref.try_into().map_err(|_| Error::<T>::InvoiceRefTooLong)?;
		with_transaction(|| {
			let outcome = Self::do_issue(
				issuer,
				supplier,
				asset,
				face,
				maturity,
				credit_line,
				H256::zero(),
				invoice_ref,
			);
			TransactionOutcome::Rollback(outcome.map(|_| ()))
		})
	}

	pub(crate) fn do_cancel(who: T::AccountId, id: ReceivableId) -> DispatchResult {
		let receivable = Self::receivable_of(id)?;
		ensure!(receivable.issuer == who, Error::<T>::NotIssuer);
		ensure!(receivable.status == ReceivableStatus::Pending, Error::<T>::AlreadyAccepted);
		let root = Self::note_of(receivable.root)?;
		ensure!(root.state != NoteState::Frozen, Error::<T>::NoteFrozen);
		Self::cancel_receivable(id, receivable)
	}

	/// Withdraw a Pending receivable: release its credit, free its invoice reference and drop
	/// its never-accepted root note (the receivable record stays, Cancelled).
	pub(crate) fn cancel_receivable(
		id: ReceivableId,
		mut receivable: ReceivableOf<T>,
	) -> DispatchResult {
		T::Lines::release(receivable.credit_line, receivable.face)?;
		let root = receivable.root;
		if let Some(mut note) = Notes::<T>::get(root) {
			Self::retire_note(root, &mut note, NoteState::Consumed);
		}
		Notes::<T>::remove(root);
		NotesByReceivable::<T>::remove(id, root);
		InvoiceRefs::<T>::remove(&receivable.issuer, &receivable.invoice_ref);
		Self::owe_less(&receivable.issuer, &receivable.asset, id, receivable.outstanding(), true);
		// Money someone sent to the escrow of a receivable that will never be repaid.
		Self::return_escrow(receivable.asset, &Self::escrow_account(id), &receivable.issuer)?;
		receivable.status = ReceivableStatus::Cancelled;
		receivable.live_notes = 0;
		Receivables::<T>::insert(id, receivable);
		Self::deposit_event(Event::Cancelled { receivable: id });
		Ok(())
	}
}
