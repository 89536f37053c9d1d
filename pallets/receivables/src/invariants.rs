//! The ledger's invariants (DESIGN.md §5), checked by `try_state`, after every test and by the
//! property tests.

use crate::{pallet::*, NoteId, NoteState, ReceivableId, ReceivableStatus};
use alloc::collections::btree_map::BTreeMap;
use cascade_primitives::{CreditLines, LineId};
use frame_support::{ensure, traits::fungibles::Inspect};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// The ledger's invariants:
	///
	/// 1. For every live (not Cancelled) receivable: Σ amount of its Active, Pending, Pledged
	///    and Frozen notes + what has been paid out = face. Nothing is created or lost.
	/// 2. A Consumed note's children sum to its amount; every child's depth is its parent's
	///    plus one, and both belong to the same receivable.
	/// 3. Each credit line's `used` = Σ face of the receivables drawn on it that are neither
	///    repaid nor cancelled (settled ones are repaid).
	/// 4. The escrow balance of a Repaid receivable ≥ what was repaid − what was paid out
	///    (= Σ amount of its live notes): money others send to an escrow is surplus, returned
	///    to the issuer at settlement.
	/// 5. The indexes agree with the notes: `NotesByHolder` holds exactly the live notes by
	///    holder, `PendingTo` exactly the Pending notes by recipient, `NotesByReceivable`
	///    exactly every note by receivable, `FrozenPrior` exactly the Frozen notes, and
	///    `InvoiceRefs` exactly the invoice references of the receivables not cancelled,
	///    `ReceivablesByIssuer` exactly every receivable by issuer, and `OffersWaiting` counts
	///    each account's `PendingTo` entries.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_note = NextNoteId::<T>::get();
		let next_receivable = NextReceivableId::<T>::get();

		// Per receivable: live amount; per parent: children's sum.
		let mut live: BTreeMap<ReceivableId, BalanceOf<T>> = BTreeMap::new();
		let mut children: BTreeMap<NoteId, BalanceOf<T>> = BTreeMap::new();
		let mut live_count = 0u64;
		let mut pending_count = 0u64;
		let mut frozen_count = 0u64;
		let mut note_count = 0u64;

		for (id, note) in Notes::<T>::iter() {
			note_count += 1;
			ensure!(id < next_note, "note id at or above NextNoteId");
			ensure!(!note.amount.is_zero(), "note with a zero amount");
			let receivable =
				Receivables::<T>::get(note.receivable).ok_or("note of an unknown receivable")?;
			ensure!(
				receivable.status != ReceivableStatus::Cancelled,
				"note of a cancelled receivable"
			);
			ensure!(
				NotesByReceivable::<T>::contains_key(note.receivable, id),
				"note missing from NotesByReceivable"
			);
			match note.parent {
				None => {
					ensure!(note.depth == 0, "root note with a depth");
					ensure!(receivable.root == id, "a second root note");
				}
				Some(parent_id) => {
					let parent = Notes::<T>::get(parent_id).ok_or("note of an unknown parent")?;
					ensure!(parent.state == NoteState::Consumed, "child of an unconsumed note");
					ensure!(parent.receivable == note.receivable, "child of another receivable");
					ensure!(note.depth == parent.depth + 1, "child depth is not parent depth + 1");
					let sum = children.entry(parent_id).or_insert_with(Zero::zero);
					*sum = sum.checked_add(&note.amount).ok_or("children's sum overflows")?;
				}
			}
			if note.is_live() {
				live_count += 1;
				ensure!(
					NotesByHolder::<T>::contains_key(&note.holder, id),
					"live note missing from NotesByHolder"
				);
				let sum = live.entry(note.receivable).or_insert_with(Zero::zero);
				*sum = sum.checked_add(&note.amount).ok_or("live sum overflows")?;
			}
			match &note.state {
				NoteState::Pending { to } => {
					pending_count += 1;
					ensure!(
						PendingTo::<T>::contains_key(to, id),
						"pending note missing from PendingTo"
					);
				}
				NoteState::Frozen => {
					frozen_count += 1;
					ensure!(
						FrozenPrior::<T>::contains_key(id),
						"frozen note without its prior state"
					);
				}
				_ => {}
			}
		}

		// 2. Consumed notes' children sum to their amounts.
		for (id, note) in Notes::<T>::iter() {
			if note.state == NoteState::Consumed {
				ensure!(
					children.get(&id) == Some(&note.amount),
					"a consumed note's children do not sum to its amount"
				);
			} else {
				ensure!(!children.contains_key(&id), "an unconsumed note has children");
			}
		}

		// 1, 3, 4 per receivable.
		let mut drawn: BTreeMap<LineId, BalanceOf<T>> = BTreeMap::new();
		let mut invoice_count = 0u64;
		let mut receivable_count = 0u64;
		for (id, r) in Receivables::<T>::iter() {
			receivable_count += 1;
			ensure!(id < next_receivable, "receivable id at or above NextReceivableId");
			ensure!(
				ReceivablesByIssuer::<T>::contains_key(&r.issuer, id),
				"receivable missing from ReceivablesByIssuer"
			);
			if r.status == ReceivableStatus::Cancelled {
				continue;
			}
			invoice_count += 1;
			ensure!(
				InvoiceRefs::<T>::get(&r.issuer, &r.invoice_ref) == Some(id),
				"invoice reference index disagrees"
			);
			let live_sum = live.get(&id).copied().unwrap_or_else(Zero::zero);
			ensure!(
				live_sum.checked_add(&r.paid_out) == Some(r.face),
				"live notes + paid out differ from the face"
			);
			let escrow = T::Assets::balance(r.asset, &Self::escrow_account(id));
			match r.status {
				ReceivableStatus::Pending
				| ReceivableStatus::Active
				| ReceivableStatus::Overdue => {
					let d = drawn.entry(r.credit_line).or_insert_with(Zero::zero);
					*d = d.checked_add(&r.face).ok_or("drawn sum overflows")?;
					ensure!(r.paid_out.is_zero(), "paid out before repayment");
					ensure!(r.repaid.is_zero() && r.repaid_at.is_none(), "repaid but not Repaid");
				}
				ReceivableStatus::Repaid => {
					ensure!(r.repaid == r.face, "repaid differs from the face");
					ensure!(r.repaid_at.is_some(), "repaid without a time");
					let owed = r.repaid.checked_sub(&r.paid_out).ok_or("paid out above repaid")?;
					ensure!(owed == live_sum, "repaid − paid out differs from the live notes");
					ensure!(escrow >= owed, "escrow holds less than it owes");
				}
				ReceivableStatus::Settled => {
					ensure!(live_sum.is_zero(), "a settled receivable has live notes");
					ensure!(
						r.paid_out == r.repaid,
						"a settled receivable paid out other than repaid"
					);
				}
				ReceivableStatus::Cancelled => {}
			}
		}
		for (line, sum) in drawn.iter() {
			ensure!(
				T::CreditLines::used(*line) == Some(*sum),
				"credit line used differs from its outstanding receivables"
			);
		}

		// 5. Indexes hold nothing else.
		let mut by_holder = 0u64;
		for (holder, id, ()) in NotesByHolder::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("NotesByHolder names an unknown note")?;
			ensure!(note.holder == holder && note.is_live(), "NotesByHolder disagrees");
			by_holder += 1;
		}
		ensure!(by_holder == live_count, "NotesByHolder has extra entries");
		let mut pending = 0u64;
		for (to, id, ()) in PendingTo::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("PendingTo names an unknown note")?;
			ensure!(note.state == NoteState::Pending { to }, "PendingTo disagrees");
			pending += 1;
		}
		ensure!(pending == pending_count, "PendingTo has extra entries");
		let mut counted = 0u64;
		for (to, n) in OffersWaiting::<T>::iter() {
			ensure!(n > 0, "OffersWaiting holds a zero");
			ensure!(
				PendingTo::<T>::iter_prefix(&to).count() as u32 == n,
				"OffersWaiting miscounts an account's offers"
			);
			counted += n as u64;
		}
		ensure!(counted == pending, "OffersWaiting misses an account");
		let mut by_receivable = 0u64;
		for (r, id, ()) in NotesByReceivable::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("NotesByReceivable names an unknown note")?;
			ensure!(note.receivable == r, "NotesByReceivable disagrees");
			by_receivable += 1;
		}
		ensure!(by_receivable == note_count, "NotesByReceivable has extra entries");
		ensure!(
			FrozenPrior::<T>::iter().count() as u64 == frozen_count,
			"FrozenPrior has extra entries"
		);
		ensure!(
			InvoiceRefs::<T>::iter().count() as u64 == invoice_count,
			"InvoiceRefs has extra entries"
		);
		ensure!(
			ReceivablesByIssuer::<T>::iter().count() as u64 == receivable_count,
			"ReceivablesByIssuer has extra entries"
		);
		Ok(())
	}
}
