//! The per-account indexes — a financier's programs, an account's financings, waiting requests
//! and claims — that let the runtime API list them a page at a time without scanning the whole
//! pallet (queries in `queries.rs`).
//!
//! A chain upgraded from a runtime without them indexes what it already has from blocks'
//! leftover weight, a bounded number of ids each block, from a stored cursor
//! ([`IndexBackfill`]). Index entries are set and cleared idempotently, so calls made meanwhile
//! keep them right whether or not the cursor has passed their ids.

use crate::{pallet::*, Backfill, FinancingId};
use frame_support::{
	pallet_prelude::*,
	traits::{GetStorageVersion, StorageVersion},
	weights::WeightMeter,
};

impl<T: Config> Pallet<T> {
	/// Record a new claim with its index entries.
	pub(crate) fn open_claim(id: FinancingId, claim: ClaimOf<T>) {
		ClaimsOf::<T>::insert(&claim.debtor, id, ());
		ClaimsOf::<T>::insert(&claim.creditor, id, ());
		ClaimsOwedBy::<T>::mutate(&claim.debtor, |n| *n = n.saturating_add(1));
		Claims::<T>::insert(id, claim);
	}

	/// A claim paid in full leaves with its index entries.
	/// `ClaimsOwedBy` counts the claims indexed under their debtor: a claim an upgrade's
	/// backfill has yet to reach is counted when it is indexed.
	pub(crate) fn close_claim(id: FinancingId, claim: &ClaimOf<T>) {
		if ClaimsOf::<T>::contains_key(&claim.debtor, id) {
			let left = ClaimsOwedBy::<T>::get(&claim.debtor).saturating_sub(1);
			if left == 0 {
				ClaimsOwedBy::<T>::remove(&claim.debtor);
			} else {
				ClaimsOwedBy::<T>::insert(&claim.debtor, left);
			}
		}
		ClaimsOf::<T>::remove(&claim.debtor, id);
		ClaimsOf::<T>::remove(&claim.creditor, id);
		Claims::<T>::remove(id);
	}

	/// After an upgrade from storage version 0: index what exists, from blocks' leftover
	/// weight. Returns the weight used.
	pub(crate) fn schedule_index_backfill() -> Weight {
		let db = T::DbWeight::get();
		if Self::on_chain_storage_version() >= 1 {
			return db.reads(1);
		}
		let backfill = Backfill {
			financings: (0, NextFinancingId::<T>::get()),
			programs: (0, NextProgramId::<T>::get()),
			requests: (0, NextRequestId::<T>::get()),
		};
		if !backfill.is_done() {
			IndexBackfill::<T>::put(backfill);
		}
		StorageVersion::new(1).put::<Self>();
		db.reads_writes(4, 2)
	}

	/// Index ids the indexes miss, within `remaining` weight. Returns the weight used.
	pub(crate) fn backfill_indexes(remaining: Weight) -> Weight {
		let db = T::DbWeight::get();
		let mut meter = WeightMeter::with_limit(remaining);
		// The cursor's read and write, then per id its record's read and the entries' writes.
		if meter.try_consume(db.reads_writes(1, 1)).is_err() {
			return Weight::zero();
		}
		let Some(mut b) = IndexBackfill::<T>::get() else { return db.reads(1) };
		// A financing: its record, claim and index entry read, five entries written.
		while b.financings.0 < b.financings.1
			&& meter.try_consume(Self::backfill_step(4, 5)).is_ok()
		{
			let id = b.financings.0;
			if let Some(f) = Financings::<T>::get(id) {
				FinancingsOf::<T>::insert(&f.financier, id, ());
				FinancingsOf::<T>::insert(&f.seller, id, ());
			}
			if let Some(c) = Claims::<T>::get(id) {
				if !ClaimsOf::<T>::contains_key(&c.debtor, id) {
					ClaimsOwedBy::<T>::mutate(&c.debtor, |n| *n = n.saturating_add(1));
				}
				ClaimsOf::<T>::insert(&c.debtor, id, ());
				ClaimsOf::<T>::insert(&c.creditor, id, ());
			}
			b.financings.0 += 1;
		}
		while b.programs.0 < b.programs.1 && meter.try_consume(Self::backfill_step(1, 1)).is_ok() {
			let id = b.programs.0;
			if let Some(p) = Programs::<T>::get(id) {
				ProgramsOf::<T>::insert(&p.financier, id, ());
			}
			b.programs.0 += 1;
		}
		while b.requests.0 < b.requests.1 && meter.try_consume(Self::backfill_step(1, 2)).is_ok() {
			let id = b.requests.0;
			if let Some(r) = Requests::<T>::get(id) {
				RequestsOf::<T>::insert(&r.financier, id, ());
				RequestsOf::<T>::insert(&r.holder, id, ());
			}
			b.requests.0 += 1;
		}
		if b.is_done() {
			IndexBackfill::<T>::kill();
		} else {
			IndexBackfill::<T>::put(b);
		}
		meter.consumed()
	}

	/// What indexing one id costs: `reads` and `writes`, and the decoding (not benchmarked: a
	/// one-off after an upgrade, priced high — 25 µs and 1 KiB of proof besides the database).
	pub fn backfill_step(reads: u64, writes: u64) -> Weight {
		T::DbWeight::get()
			.reads_writes(reads, writes)
			.saturating_add(Weight::from_parts(25_000_000, 1_024))
	}

	/// Whether every financing, program and request is indexed (no backfill under way).
	pub fn indexes_complete() -> bool {
		!IndexBackfill::<T>::exists()
	}
}

impl<T: Config> cascade_primitives::ClaimsOwed<T::AccountId> for Pallet<T> {
	fn owes(who: &T::AccountId) -> bool {
		ClaimsOwedBy::<T>::contains_key(who)
	}
}
