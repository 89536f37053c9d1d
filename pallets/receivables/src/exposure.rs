//! What each issuer owes, kept as counters ([`Exposures`]): a receivable adds its face when it is
//! issued, repayments take off what they pay, and a receivable repaid in full or cancelled stops
//! counting. A core's exposure is then read from one entry per asset, however many receivables
//! it ever issued.
//!
//! A chain upgraded from a runtime without the counters counts the receivables it already has
//! from blocks' leftover weight, a bounded number each block, from a stored cursor
//! ([`ExposureBackfill`]); until the cursor passes a receivable, its changes are left to the
//! count.

use crate::{pallet::*, Owed, ReceivableId, ReceivableStatus};
use frame_support::{
	pallet_prelude::*,
	traits::{GetStorageVersion, StorageVersion},
	weights::WeightMeter,
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Whether receivable `id` is in the counters: issued since they exist, or counted since.
	pub(crate) fn counted(id: ReceivableId) -> bool {
		match ExposureBackfill::<T>::get() {
			Some((next, end)) => id < next || id >= end,
			None => true,
		}
	}

	/// Receivable `id` of `issuer` in `asset`, just issued for `face`, counts.
	pub(crate) fn owe(
		issuer: &T::AccountId,
		asset: &T::AssetId,
		id: ReceivableId,
		face: BalanceOf<T>,
	) {
		if Self::counted(id) {
			Self::add_owed(issuer, asset, face);
		}
	}

	fn add_owed(issuer: &T::AccountId, asset: &T::AssetId, amount: BalanceOf<T>) {
		Exposures::<T>::mutate(issuer, asset, |owed| {
			let owed = owed.get_or_insert_with(Owed::default);
			owed.receivables = owed.receivables.saturating_add(1);
			owed.amount = owed.amount.saturating_add(amount);
		});
	}

	/// `amount` of receivable `id` was paid into escrow or written off (cancelled); `closes`
	/// when nothing is owed on it any more.
	pub(crate) fn owe_less(
		issuer: &T::AccountId,
		asset: &T::AssetId,
		id: ReceivableId,
		amount: BalanceOf<T>,
		closes: bool,
	) {
		if !Self::counted(id) {
			return;
		}
		Exposures::<T>::mutate_exists(issuer, asset, |entry| {
			if let Some(owed) = entry {
				owed.amount = owed.amount.saturating_sub(amount);
				if closes {
					owed.receivables = owed.receivables.saturating_sub(1);
				}
				if owed.receivables == 0 {
					*entry = None;
				}
			}
		});
	}

	/// After an upgrade from storage version 0: count the receivables that exist, from
	/// blocks' leftover weight. Returns the weight used.
	pub(crate) fn schedule_exposure_backfill() -> Weight {
		let db = T::DbWeight::get();
		if Self::on_chain_storage_version() >= 1 {
			return db.reads(1);
		}
		let end = NextReceivableId::<T>::get();
		if end > 0 {
			ExposureBackfill::<T>::put((0, end));
		}
		StorageVersion::new(1).put::<Self>();
		db.reads_writes(2, 2)
	}

	/// Count receivables the counters miss, within `remaining` weight. Returns the weight used.
	pub(crate) fn backfill_exposures(remaining: Weight) -> Weight {
		let db = T::DbWeight::get();
		let mut meter = WeightMeter::with_limit(remaining);
		// The cursor's read and write, then per receivable its read and the counter's.
		if !meter.can_consume(db.reads_writes(1, 1)) {
			return meter.consumed();
		}
		meter.consume(db.reads_writes(1, 1));
		let Some((mut next, end)) = ExposureBackfill::<T>::get() else {
			return db.reads(1);
		};
		let per_receivable = Self::exposure_backfill_step();
		while next < end && meter.try_consume(per_receivable).is_ok() {
			if let Some(r) = Receivables::<T>::get(next) {
				if Self::owes(r.status) {
					Self::add_owed(&r.issuer, &r.asset, r.outstanding());
				}
			}
			next += 1;
		}
		if next < end {
			ExposureBackfill::<T>::put((next, end));
		} else {
			ExposureBackfill::<T>::kill();
		}
		meter.consumed()
	}

	/// What counting one receivable costs: its read, the counter's read and write, and the
	/// decoding and arithmetic (not benchmarked: a one-off after an upgrade, priced high —
	/// 25 µs and 1 KiB of proof besides the database).
	pub fn exposure_backfill_step() -> Weight {
		T::DbWeight::get().reads_writes(2, 1).saturating_add(Weight::from_parts(25_000_000, 1_024))
	}

	/// Whether a receivable in `status` still owes its outstanding amount.
	pub(crate) fn owes(status: ReceivableStatus) -> bool {
		matches!(
			status,
			ReceivableStatus::Pending | ReceivableStatus::Active | ReceivableStatus::Overdue
		)
	}

	/// What `issuer` owes per asset, with how many receivables: at most `max` assets.
	pub fn owed_by(
		issuer: &T::AccountId,
		max: usize,
	) -> alloc::vec::Vec<(T::AssetId, Owed<BalanceOf<T>>)> {
		Exposures::<T>::iter_prefix(issuer).take(max).collect()
	}

	/// Whether the counters cover every receivable (no backfill under way).
	pub fn exposures_complete() -> bool {
		!ExposureBackfill::<T>::exists()
	}
}
