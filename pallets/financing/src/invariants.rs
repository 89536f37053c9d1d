//! The financing pallet's invariants.

use crate::{pallet::*, FinancingKind, FinancingStatus, ProgramId};
use alloc::collections::btree_map::BTreeMap;
use cascade_primitives::{NoteLedger, NoteStanding};
use frame_support::{ensure, traits::Get};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Pricing by grade:
	/// - `Drawn` holds, for each program and seller, exactly the advances of the seller's
	///   financings through the program that are still outstanding (never a zero entry);
	/// - each reserve belongs to an open factoring, is at most the note's amount, and is not yet
	///   paid in full (a paid one is removed: it is paid once);
	/// - each pricing is of a known program, advances something, and names each grade once.
	pub fn check_pricing() -> Result<(), TryRuntimeError> {
		let mut drawn: BTreeMap<(ProgramId, T::AccountId), BalanceOf<T>> = BTreeMap::new();
		for (_, f) in Financings::<T>::iter() {
			if let (true, Some(p)) = (f.status.is_outstanding(), f.program) {
				let d = drawn.entry((p, f.seller.clone())).or_insert_with(Zero::zero);
				*d = d.saturating_add(f.disbursed);
			}
		}
		drawn.retain(|_, d| !d.is_zero());
		let mut entries = 0usize;
		for (p, seller, d) in Drawn::<T>::iter() {
			ensure!(!d.is_zero(), "a zero Drawn entry");
			ensure!(
				drawn.get(&(p, seller)) == Some(&d),
				"Drawn differs from the seller's outstanding advances"
			);
			entries += 1;
		}
		ensure!(entries == drawn.len(), "Drawn misses a seller's advances");
		for (id, r) in Reserves::<T>::iter() {
			let f = Financings::<T>::get(id).ok_or("a reserve of an unknown financing")?;
			ensure!(
				f.status == FinancingStatus::Open && f.kind != FinancingKind::Pledge,
				"a reserve of a financing other than an open factoring"
			);
			ensure!(r.total <= f.amount, "a reserve above the note's amount");
			ensure!(r.paid < r.total, "a reserve paid in full is still kept");
		}
		for (id, p) in ProgramPricings::<T>::iter() {
			ensure!(Programs::<T>::contains_key(id), "pricing of an unknown program");
			ensure!(!p.advance_rate.is_zero(), "a pricing that advances nothing");
			let once =
				|grades: &[u8]| grades.iter().enumerate().all(|(i, g)| !grades[..i].contains(g));
			ensure!(
				once(
					&p.tier_adjustments
						.iter()
						.map(|(g, _)| *g as u8)
						.collect::<alloc::vec::Vec<_>>()
				) && once(
					&p.green_adjustments
						.iter()
						.map(|(g, _)| *g as u8)
						.collect::<alloc::vec::Vec<_>>()
				) && once(
					&p.tier_limits.iter().map(|(g, _)| *g as u8).collect::<alloc::vec::Vec<_>>()
				),
				"a pricing names a grade twice"
			);
		}
		Ok(())
	}

	/// The financing pallet's invariants:
	///
	/// - `FactoringOfNote` holds exactly the open factorings, each under its own note;
	/// - an open pledge's note, and the note held as security for a called financing (a called
	///   loan, or recourse the seller could not pay at once), is Pledged to it (or Frozen under a
	///   judicial freeze) — DESIGN §5.6;
	/// - `Claims` holds exactly the called and claimed financings, each owed by its seller to
	///   its financier, never zero;
	/// - each program's `outstanding` is the sum advanced by its open, called or claimed
	///   financings;
	/// - `RequestOfNote` indexes exactly the waiting requests, and `RequestsWaiting` counts
	///   them per financier, within `MaxRequestsPerFinancier`; `RequestsFrom` indexes them by
	///   financier and holder (while a backfill is under way, those it has reached) and
	///   `RequestsFromCount` counts them per pair;
	/// - `LoanBalances` holds only open pledges, each owing something and no more principal than
	///   was advanced; `LoanAccruals` only loans that have a balance;
	/// - ids are below their counters;
	/// - `ProgramsOf`, `FinancingsOf`, `RequestsOf` and `ClaimsOf` hold exactly each record
	///   under each account it names (its financier; and its seller, holder, or debtor and
	///   creditor); while a backfill is under way, the ids it has yet to reach may be missing;
	/// - pricing by grade (`check_pricing`): what each seller drew from each program, and the
	///   reserves factors owe (DESIGN §5.7: a reserve is paid once, never more than it is).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_indexes()?;
		Self::check_pricing()?;
		let mut advanced: BTreeMap<ProgramId, BalanceOf<T>> = BTreeMap::new();
		let mut factorings = 0u64;
		let mut claimed = 0u64;
		let next = NextFinancingId::<T>::get();
		for (id, f) in Financings::<T>::iter() {
			ensure!(id < next, "financing id at or above NextFinancingId");
			let open_factoring =
				f.status == FinancingStatus::Open && f.kind != FinancingKind::Pledge;
			if open_factoring {
				factorings += 1;
				ensure!(
					FactoringOfNote::<T>::get(f.note) == Some(id),
					"open factoring missing from FactoringOfNote"
				);
			}
			let secured = f.status == FinancingStatus::Called
				|| (f.kind == FinancingKind::Pledge && f.status == FinancingStatus::Open);
			if secured {
				let view = T::Notes::note(f.note).ok_or("pledged note is unknown")?;
				ensure!(
					matches!(view.standing, NoteStanding::Pledged(p) if p == id)
						|| view.standing == NoteStanding::Frozen,
					"an open pledge's or a claim's security note is not pledged to it"
				);
			}
			if matches!(f.status, FinancingStatus::Called | FinancingStatus::Claimed) {
				claimed += 1;
				let claim = Claims::<T>::get(id).ok_or("claimed financing without a claim")?;
				ensure!(
					claim.debtor == f.seller && claim.creditor == f.financier,
					"claim between the wrong parties"
				);
				ensure!(!claim.amount.is_zero(), "a claim of zero");
			} else {
				ensure!(!Claims::<T>::contains_key(id), "claim on a financing without one");
			}
			if f.status.is_outstanding() {
				if let Some(p) = f.program {
					let a = advanced.entry(p).or_insert_with(Zero::zero);
					*a = a.saturating_add(f.disbursed);
				}
			}
		}
		for (id, balance) in LoanBalances::<T>::iter() {
			let f = Financings::<T>::get(id).ok_or("loan balance of an unknown financing")?;
			ensure!(
				f.kind == FinancingKind::Pledge && f.status == FinancingStatus::Open,
				"loan balance of a financing other than an open pledge"
			);
			ensure!(balance.principal <= f.disbursed, "loan balance above the advance");
			ensure!(
				!balance.principal.is_zero() || !balance.interest.is_zero(),
				"a loan balance of zero"
			);
		}
		for (id, _) in LoanAccruals::<T>::iter() {
			ensure!(LoanBalances::<T>::contains_key(id), "an accrual without a loan balance");
		}
		ensure!(
			FactoringOfNote::<T>::iter().count() as u64 == factorings,
			"extra FactoringOfNote entries"
		);
		ensure!(Claims::<T>::iter().count() as u64 == claimed, "extra claims");
		// Counted as they are indexed under their debtor (an upgrade's backfill indexes the
		// older ones as it reaches them).
		let mut owed: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, c) in Claims::<T>::iter() {
			if ClaimsOf::<T>::contains_key(&c.debtor, id) {
				*owed.entry(c.debtor).or_default() += 1;
			}
		}
		for (debtor, n) in ClaimsOwedBy::<T>::iter() {
			ensure!(
				n > 0 && owed.get(&debtor) == Some(&n),
				"ClaimsOwedBy miscounts a debtor's claims"
			);
		}
		ensure!(ClaimsOwedBy::<T>::iter().count() == owed.len(), "ClaimsOwedBy misses a debtor");
		let next_program = NextProgramId::<T>::get();
		for (id, p) in Programs::<T>::iter() {
			ensure!(id < next_program, "program id at or above NextProgramId");
			let a = advanced.get(&id).copied().unwrap_or_else(Zero::zero);
			ensure!(p.outstanding == a, "program outstanding differs from its open advances");
		}
		let next_request = NextRequestId::<T>::get();
		let mut waiting: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, r) in Requests::<T>::iter() {
			ensure!(id < next_request, "request id at or above NextRequestId");
			ensure!(
				RequestOfNote::<T>::get(r.note, &r.financier) == Some(id),
				"request missing from RequestOfNote"
			);
			*waiting.entry(r.financier).or_default() += 1;
		}
		ensure!(
			RequestOfNote::<T>::iter().count() == waiting.values().sum::<u32>() as usize,
			"extra RequestOfNote entries"
		);
		let max = T::MaxRequestsPerFinancier::get();
		for (financier, n) in RequestsWaiting::<T>::iter() {
			ensure!(waiting.get(&financier) == Some(&n), "RequestsWaiting miscounts");
			ensure!(n <= max, "more requests waiting than MaxRequestsPerFinancier");
		}
		ensure!(
			RequestsWaiting::<T>::iter().count() == waiting.len(),
			"RequestsWaiting misses a financier"
		);
		// The per-holder index: every entry a waiting request of that holder to that financier;
		// every request indexed, except those an upgrade's backfill has yet to reach.
		let backfill = RequestsFromBackfill::<T>::get().unwrap_or_default();
		let mut from_entries = 0u64;
		for ((financier, holder, id), ()) in RequestsFrom::<T>::iter() {
			let r = Requests::<T>::get(id).ok_or("RequestsFrom names no waiting request")?;
			ensure!(r.financier == financier && r.holder == holder, "RequestsFrom disagrees");
			from_entries += 1;
		}
		let mut indexed = 0u64;
		for (id, r) in Requests::<T>::iter() {
			if RequestsFrom::<T>::contains_key((&r.financier, &r.holder, id)) {
				indexed += 1;
			} else {
				ensure!(
					id >= backfill.0 && id < backfill.1,
					"a request is missing from RequestsFrom"
				);
			}
		}
		ensure!(indexed == from_entries, "RequestsFrom has extra entries");
		let mut from_counted = 0u64;
		for (financier, holder, n) in RequestsFromCount::<T>::iter() {
			ensure!(n > 0, "RequestsFromCount holds a zero");
			ensure!(
				RequestsFrom::<T>::iter_key_prefix((&financier, &holder)).count() as u32 == n,
				"RequestsFromCount miscounts a holder's requests"
			);
			from_counted += n as u64;
		}
		ensure!(from_counted == from_entries, "RequestsFromCount misses a holder");
		Ok(())
	}

	/// The per-account indexes against the records.
	fn check_indexes() -> Result<(), TryRuntimeError> {
		let backfill = IndexBackfill::<T>::get().unwrap_or_default();
		let pending = |range: (u64, u64), id: u64| id >= range.0 && id < range.1;
		let mut expected = 0usize;
		for (id, p) in Programs::<T>::iter() {
			if !pending(backfill.programs, id) {
				ensure!(ProgramsOf::<T>::contains_key(&p.financier, id), "program not indexed");
				expected += 1;
			}
		}
		let mut entries = 0usize;
		for (who, id, ()) in ProgramsOf::<T>::iter() {
			let p = Programs::<T>::get(id).ok_or("ProgramsOf names an unknown program")?;
			ensure!(p.financier == who, "ProgramsOf disagrees");
			entries += !pending(backfill.programs, id) as usize;
		}
		ensure!(entries == expected, "ProgramsOf has extra entries");

		let (mut expected, mut expected_claims) = (0usize, 0usize);
		for (id, f) in Financings::<T>::iter() {
			if pending(backfill.financings, id) {
				continue;
			}
			for who in [&f.financier, &f.seller] {
				ensure!(FinancingsOf::<T>::contains_key(who, id), "financing not indexed");
			}
			expected += 2;
			if let Some(c) = Claims::<T>::get(id) {
				for who in [&c.debtor, &c.creditor] {
					ensure!(ClaimsOf::<T>::contains_key(who, id), "claim not indexed");
				}
				expected_claims += 2;
			}
		}
		let mut entries = 0usize;
		for (who, id, ()) in FinancingsOf::<T>::iter() {
			let f = Financings::<T>::get(id).ok_or("FinancingsOf names an unknown financing")?;
			ensure!(f.financier == who || f.seller == who, "FinancingsOf disagrees");
			entries += !pending(backfill.financings, id) as usize;
		}
		ensure!(entries == expected, "FinancingsOf has extra entries");
		let mut entries = 0usize;
		for (who, id, ()) in ClaimsOf::<T>::iter() {
			let c = Claims::<T>::get(id).ok_or("ClaimsOf names no claim")?;
			ensure!(c.debtor == who || c.creditor == who, "ClaimsOf disagrees");
			entries += !pending(backfill.financings, id) as usize;
		}
		ensure!(entries == expected_claims, "ClaimsOf has extra entries");

		let mut expected = 0usize;
		for (id, r) in Requests::<T>::iter() {
			if !pending(backfill.requests, id) {
				for who in [&r.financier, &r.holder] {
					ensure!(RequestsOf::<T>::contains_key(who, id), "request not indexed");
				}
				expected += 2;
			}
		}
		let mut entries = 0usize;
		for (who, id, ()) in RequestsOf::<T>::iter() {
			let r = Requests::<T>::get(id).ok_or("RequestsOf names no waiting request")?;
			ensure!(r.financier == who || r.holder == who, "RequestsOf disagrees");
			entries += !pending(backfill.requests, id) as usize;
		}
		ensure!(entries == expected, "RequestsOf has extra entries");
		Ok(())
	}
}
