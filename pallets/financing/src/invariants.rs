//! The financing pallet's invariants.

use crate::{pallet::*, FinancingKind, FinancingStatus, ProgramId};
use alloc::collections::btree_map::BTreeMap;
use cascade_primitives::{NoteLedger, NoteStanding};
use frame_support::ensure;
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// The financing pallet's invariants:
	///
	/// - `FinancingOfNote` holds exactly the open financings, each under its own note;
	/// - an open pledge's note is Pledged to it (or Frozen under a hold);
	/// - `Claims` holds exactly the financings whose recourse is claimed, owed by their seller
	///   to their financier;
	/// - each program's `outstanding` is the sum advanced by its open or claimed financings;
	/// - ids are below their counters.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut advanced: BTreeMap<ProgramId, BalanceOf<T>> = BTreeMap::new();
		let mut open = 0u64;
		let mut claimed = 0u64;
		let next = NextFinancingId::<T>::get();
		for (id, f) in Financings::<T>::iter() {
			ensure!(id < next, "financing id at or above NextFinancingId");
			match f.status {
				FinancingStatus::Open => {
					open += 1;
					ensure!(
						FinancingOfNote::<T>::get(f.note) == Some(id),
						"open financing missing from FinancingOfNote"
					);
					if f.kind == FinancingKind::Pledge {
						let view = T::Notes::note(f.note).ok_or("pledged note is unknown")?;
						ensure!(
							matches!(view.standing, NoteStanding::Pledged(p) if p == id)
								|| view.standing == NoteStanding::Frozen,
							"open pledge's note is not pledged to it"
						);
					}
				}
				FinancingStatus::RecourseClaimed => {
					claimed += 1;
					let claim = Claims::<T>::get(id).ok_or("claimed recourse without a claim")?;
					ensure!(
						claim.debtor == f.seller && claim.creditor == f.financier,
						"claim between the wrong parties"
					);
				}
				_ => ensure!(!Claims::<T>::contains_key(id), "claim on a closed financing"),
			}
			if matches!(f.status, FinancingStatus::Open | FinancingStatus::RecourseClaimed) {
				if let Some(p) = f.program {
					let a = advanced.entry(p).or_insert_with(Zero::zero);
					*a = a.saturating_add(f.disbursed);
				}
			}
		}
		ensure!(
			FinancingOfNote::<T>::iter().count() as u64 == open,
			"extra FinancingOfNote entries"
		);
		ensure!(Claims::<T>::iter().count() as u64 == claimed, "extra claims");
		let next_program = NextProgramId::<T>::get();
		for (id, p) in Programs::<T>::iter() {
			ensure!(id < next_program, "program id at or above NextProgramId");
			let a = advanced.get(&id).copied().unwrap_or_else(Zero::zero);
			ensure!(p.outstanding == a, "program outstanding differs from its open advances");
		}
		let next_request = NextRequestId::<T>::get();
		for (id, _) in Requests::<T>::iter() {
			ensure!(id < next_request, "request id at or above NextRequestId");
		}
		Ok(())
	}
}
