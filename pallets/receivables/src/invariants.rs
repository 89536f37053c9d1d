//! The ledger's invariants (DESIGN.md §5), one named check each, run by `try_state`, after every
//! test and by the property tests; `tests/invariants.rs` shows each one failing on a ledger
//! corrupted the way it guards against.

use crate::{pallet::*, NoteId, NoteState, Owed, ReceivableId, ReceivableStatus};
use alloc::collections::btree_map::BTreeMap;
use cascade_primitives::{CreditLineDraws, LineId};
use codec::Encode;
use frame_support::{ensure, traits::fungibles::Inspect};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// The ledger's invariants, one named check each, in DESIGN §5's order (then the clearing
	/// queue and the exposure counters, which §5 does not number). Each reads the whole ledger:
	/// for `try_state`, tests and property tests only, never a dispatchable.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_conservation()?;
		Self::check_tree()?;
		Self::check_lines()?;
		Self::check_escrow()?;
		Self::check_due_queue()?;
		Self::check_indexes()?;
		Self::check_exposure()?;
		Self::check_defaults()?;
		Ok(())
	}

	/// 77号文's guard: `OverdueOf` counts exactly each issuer's Overdue receivables (no entry of
	/// zero), so an issuer is refused new issues exactly while it has one.
	pub fn check_defaults() -> Result<(), TryRuntimeError> {
		let mut overdue: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, r) in Receivables::<T>::iter() {
			if r.status == ReceivableStatus::Overdue {
				*overdue.entry(r.issuer).or_default() += 1;
			}
		}
		let mut entries = 0usize;
		for (issuer, n) in OverdueOf::<T>::iter() {
			ensure!(n > 0, "OverdueOf holds a zero");
			ensure!(
				overdue.get(&issuer) == Some(&n),
				"OverdueOf miscounts an issuer's overdue receivables"
			);
			entries += 1;
		}
		ensure!(entries == overdue.len(), "OverdueOf misses an issuer");
		Ok(())
	}

	/// §5.1, nothing is created or lost: for every live (not Cancelled) receivable, Σ (amount −
	/// paid) of its Active, Pending, Pledged and Frozen notes + what has been paid out = face, and
	/// what has been paid out = Σ paid over all its notes; no note is paid more than its
	/// entitlement (`amount × repaid / face`), a Redeemed note is paid exactly its amount, a
	/// Consumed note nothing, a live note less than its amount; `live_notes` counts its live
	/// notes; repaid, paid out and the status agree.
	pub fn check_conservation() -> Result<(), TryRuntimeError> {
		let next_note = NextNoteId::<T>::get();
		// Per receivable: Σ (amount − paid) and the count of its live notes; Σ paid of all.
		let mut live: BTreeMap<ReceivableId, (BalanceOf<T>, u32)> = BTreeMap::new();
		let mut paid: BTreeMap<ReceivableId, BalanceOf<T>> = BTreeMap::new();
		for (id, note) in Notes::<T>::iter() {
			ensure!(id < next_note, "note id at or above NextNoteId");
			ensure!(!note.amount.is_zero(), "note with a zero amount");
			let receivable =
				Receivables::<T>::get(note.receivable).ok_or("note of an unknown receivable")?;
			ensure!(
				receivable.status != ReceivableStatus::Cancelled,
				"note of a cancelled receivable"
			);
			ensure!(note.paid <= note.amount, "note paid above its amount");
			ensure!(
				Some(note.paid) <= receivable.entitlement(note.amount),
				"note paid above its entitlement"
			);
			let p = paid.entry(note.receivable).or_insert_with(Zero::zero);
			*p = p.checked_add(&note.paid).ok_or("paid sum overflows")?;
			match note.state {
				NoteState::Redeemed => ensure!(note.paid == note.amount, "redeemed, not paid"),
				NoteState::Consumed => ensure!(note.paid.is_zero(), "consumed note was paid"),
				_ => ensure!(note.paid < note.amount, "live note paid in full"),
			}
			if note.is_live() {
				let (sum, count) = live.entry(note.receivable).or_insert_with(|| (Zero::zero(), 0));
				*sum = sum.checked_add(&(note.amount - note.paid)).ok_or("live sum overflows")?;
				*count += 1;
			}
		}
		let next_receivable = NextReceivableId::<T>::get();
		for (id, r) in Receivables::<T>::iter() {
			ensure!(id < next_receivable, "receivable id at or above NextReceivableId");
			if r.status == ReceivableStatus::Cancelled {
				continue;
			}
			let (live_sum, live_notes) = live.get(&id).copied().unwrap_or((Zero::zero(), 0));
			ensure!(
				live_sum.checked_add(&r.paid_out) == Some(r.face),
				"live notes' unpaid amounts + paid out differ from the face"
			);
			ensure!(live_notes == r.live_notes, "live_notes miscounts the live notes");
			ensure!(
				paid.get(&id).copied().unwrap_or_else(Zero::zero) == r.paid_out,
				"paid out differs from what its notes were paid"
			);
			ensure!(r.repaid <= r.face, "repaid above the face");
			ensure!(r.repaid.is_zero() == r.repaid_at.is_none(), "repaid time disagrees");
			ensure!(r.paid_out <= r.repaid, "paid out above repaid");
			match r.status {
				ReceivableStatus::Pending => {
					ensure!(r.repaid.is_zero(), "a pending receivable was repaid")
				}
				ReceivableStatus::Active | ReceivableStatus::Overdue => {
					ensure!(r.repaid < r.face, "repaid in full but not Repaid")
				}
				ReceivableStatus::Repaid => {
					ensure!(r.repaid == r.face, "repaid differs from the face")
				}
				ReceivableStatus::Settled => {
					ensure!(live_sum.is_zero(), "a settled receivable has live notes");
					ensure!(
						r.paid_out == r.repaid && r.repaid == r.face,
						"a settled receivable paid out other than its face"
					);
				}
				ReceivableStatus::Cancelled => {}
			}
		}
		Ok(())
	}

	/// §5.2, the tree: a receivable has one root note (depth 0, its `root`); every other note's
	/// parent is a Consumed note of the same receivable one level up, and a Consumed note's
	/// children sum to its amount (an unconsumed note has none).
	pub fn check_tree() -> Result<(), TryRuntimeError> {
		let mut children: BTreeMap<NoteId, BalanceOf<T>> = BTreeMap::new();
		for (id, note) in Notes::<T>::iter() {
			match note.parent {
				None => {
					ensure!(note.depth == 0, "root note with a depth");
					let receivable = Receivables::<T>::get(note.receivable)
						.ok_or("note of an unknown receivable")?;
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
		}
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
		Ok(())
	}

	/// §5.3: each credit line's `used` = Σ (face − repaid) of the receivables drawn on it that
	/// are not cancelled.
	pub fn check_lines() -> Result<(), TryRuntimeError> {
		let mut drawn: BTreeMap<LineId, BalanceOf<T>> = BTreeMap::new();
		for (_, r) in Receivables::<T>::iter() {
			if r.status == ReceivableStatus::Cancelled {
				continue;
			}
			let d = drawn.entry(r.credit_line).or_insert_with(Zero::zero);
			*d = d.checked_add(&r.outstanding()).ok_or("drawn sum overflows")?;
		}
		for (line, sum) in drawn.iter() {
			ensure!(
				T::Lines::used(*line) == Some(*sum),
				"credit line used differs from its outstanding receivables"
			);
		}
		Ok(())
	}

	/// §5.4: the escrow of a receivable not yet settled holds at least what was repaid and not
	/// yet paid out (money others send to an escrow is surplus, returned to the issuer at
	/// settlement).
	pub fn check_escrow() -> Result<(), TryRuntimeError> {
		for (id, r) in Receivables::<T>::iter() {
			if !matches!(
				r.status,
				ReceivableStatus::Active | ReceivableStatus::Overdue | ReceivableStatus::Repaid
			) {
				continue;
			}
			let owed = r.repaid.checked_sub(&r.paid_out).ok_or("paid out above repaid")?;
			let escrow = T::Assets::balance(r.asset, &Self::escrow_account(id));
			ensure!(escrow >= owed, "escrow holds less than it owes");
		}
		Ok(())
	}

	/// The clearing queue: `DueQueue` holds only receivables with money repaid and not settled,
	/// under their maturity, each with its cursor on one of its notes.
	pub fn check_due_queue() -> Result<(), TryRuntimeError> {
		for (key, id, clearing) in DueQueue::<T>::iter() {
			let r = Receivables::<T>::get(id).ok_or("DueQueue names an unknown receivable")?;
			ensure!(key == Self::due_key(r.maturity), "DueQueue key is not the maturity");
			ensure!(!r.repaid.is_zero(), "DueQueue holds a receivable with nothing repaid");
			ensure!(
				!matches!(r.status, ReceivableStatus::Settled | ReceivableStatus::Cancelled),
				"DueQueue holds a settled or cancelled receivable"
			);
			if let Some(last) = clearing.last {
				ensure!(
					NotesByReceivable::<T>::contains_key(id, last),
					"clearing cursor on a note of another receivable"
				);
			}
		}
		Ok(())
	}

	/// §5.5: the indexes agree with the notes and receivables, both ways: `NotesByHolder` holds
	/// exactly the live notes by holder, `PendingTo` exactly the Pending notes by recipient,
	/// `NotesByReceivable` exactly every note by receivable, `FrozenPrior` exactly the Frozen
	/// notes, `InvoiceRefs` exactly the invoice references of the receivables not cancelled,
	/// `ReceivablesByIssuer` exactly every receivable by issuer, `OffersWaiting` counts each
	/// account's `PendingTo` entries, `OffersFrom` holds exactly the Pending notes by recipient
	/// and sender (while a backfill is under way, those it has reached) and `OffersFromCount`
	/// counts them per pair.
	pub fn check_indexes() -> Result<(), TryRuntimeError> {
		let (mut notes, mut live, mut pending_notes, mut frozen) = (0u64, 0u64, 0u64, 0u64);
		for (id, note) in Notes::<T>::iter() {
			notes += 1;
			ensure!(
				NotesByReceivable::<T>::contains_key(note.receivable, id),
				"note missing from NotesByReceivable"
			);
			if note.is_live() {
				live += 1;
				ensure!(
					NotesByHolder::<T>::contains_key(&note.holder, id),
					"live note missing from NotesByHolder"
				);
			}
			match &note.state {
				NoteState::Pending { to } => {
					pending_notes += 1;
					ensure!(
						PendingTo::<T>::contains_key(to, id),
						"pending note missing from PendingTo"
					);
				}
				NoteState::Frozen => {
					frozen += 1;
					ensure!(
						FrozenPrior::<T>::contains_key(id),
						"frozen note without its prior state"
					);
				}
				_ => {}
			}
		}
		let (mut receivables, mut invoices) = (0u64, 0u64);
		for (id, r) in Receivables::<T>::iter() {
			receivables += 1;
			ensure!(
				ReceivablesByIssuer::<T>::contains_key(&r.issuer, id),
				"receivable missing from ReceivablesByIssuer"
			);
			if r.status != ReceivableStatus::Cancelled {
				invoices += 1;
				ensure!(
					InvoiceRefs::<T>::get(&r.issuer, &r.invoice_ref) == Some(id),
					"invoice reference index disagrees"
				);
			}
		}

		// Nothing else in them.
		let mut by_holder = 0u64;
		for (holder, id, ()) in NotesByHolder::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("NotesByHolder names an unknown note")?;
			ensure!(note.holder == holder && note.is_live(), "NotesByHolder disagrees");
			by_holder += 1;
		}
		ensure!(by_holder == live, "NotesByHolder has extra entries");
		let mut pending = 0u64;
		for (to, id, ()) in PendingTo::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("PendingTo names an unknown note")?;
			ensure!(note.state == NoteState::Pending { to }, "PendingTo disagrees");
			pending += 1;
		}
		ensure!(pending == pending_notes, "PendingTo has extra entries");
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
		// The per-sender index: every entry an offer of that sender to that account; every
		// offer indexed, except those an upgrade's backfill has yet to reach; counts agree.
		let backfill = OffersBackfill::<T>::get().unwrap_or_default();
		let mut from_entries = 0u64;
		for ((to, from, id), ()) in OffersFrom::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("OffersFrom names an unknown note")?;
			ensure!(
				note.state == NoteState::Pending { to } && note.holder == from,
				"OffersFrom disagrees"
			);
			from_entries += 1;
		}
		let mut pending_indexed = 0u64;
		for (to, id, ()) in PendingTo::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("PendingTo names an unknown note")?;
			if OffersFrom::<T>::contains_key((&to, &note.holder, id)) {
				pending_indexed += 1;
			} else {
				ensure!(id >= backfill.0 && id < backfill.1, "an offer is missing from OffersFrom");
			}
		}
		ensure!(pending_indexed == from_entries, "OffersFrom has extra entries");
		let mut from_counted = 0u64;
		for (to, from, n) in OffersFromCount::<T>::iter() {
			ensure!(n > 0, "OffersFromCount holds a zero");
			ensure!(
				OffersFrom::<T>::iter_key_prefix((&to, &from)).count() as u32 == n,
				"OffersFromCount miscounts a sender's offers"
			);
			from_counted += n as u64;
		}
		ensure!(from_counted == from_entries, "OffersFromCount misses a sender");
		let mut by_receivable = 0u64;
		for (r, id, ()) in NotesByReceivable::<T>::iter() {
			let note = Notes::<T>::get(id).ok_or("NotesByReceivable names an unknown note")?;
			ensure!(note.receivable == r, "NotesByReceivable disagrees");
			by_receivable += 1;
		}
		ensure!(by_receivable == notes, "NotesByReceivable has extra entries");
		ensure!(FrozenPrior::<T>::iter().count() as u64 == frozen, "FrozenPrior has extra entries");
		ensure!(
			InvoiceRefs::<T>::iter().count() as u64 == invoices,
			"InvoiceRefs has extra entries"
		);
		ensure!(
			ReceivablesByIssuer::<T>::iter().count() as u64 == receivables,
			"ReceivablesByIssuer has extra entries"
		);
		Ok(())
	}

	/// The exposure counters: `Exposures` holds, per issuer and asset, exactly how many
	/// receivables are Pending, Active or Overdue and Σ (face − repaid) over them (while a
	/// backfill is under way, over the receivables it has counted); no entry counts zero
	/// receivables.
	pub fn check_exposure() -> Result<(), TryRuntimeError> {
		// Keyed by the SCALE encoding of (issuer, asset): asset ids need not be ordered.
		let mut owed: BTreeMap<alloc::vec::Vec<u8>, Owed<BalanceOf<T>>> = BTreeMap::new();
		for (id, r) in Receivables::<T>::iter() {
			if Self::owes(r.status) && Self::counted(id) {
				let o = owed.entry((&r.issuer, &r.asset).encode()).or_default();
				o.receivables += 1;
				o.amount = o.amount.checked_add(&r.outstanding()).ok_or("owed sum overflows")?;
			}
		}
		let mut entries = 0usize;
		for (issuer, asset, o) in Exposures::<T>::iter() {
			ensure!(o.receivables > 0, "an exposure entry counts no receivable");
			ensure!(
				owed.get(&(issuer, asset).encode()) == Some(&o),
				"an exposure counter differs from its receivables"
			);
			entries += 1;
		}
		ensure!(entries == owed.len(), "an issuer's exposure is not counted");
		Ok(())
	}
}
