//! Benchmarks of `pallet_receivables` (frame-benchmarking v2).
//!
//! Besides one benchmark per call, `*_at_depth` and `*_in_tree` measure `split`, `transfer` and
//! `split_transfer` on a note `d` levels below the root and on a receivable holding `1 + 16·n`
//! notes, built with real calls. Their slopes in `d` and `n` show the calls are `O(1)` in both.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Hooks},
	weights::Weight,
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::{Bounded, One};

/// The chain's time in the benchmarks (ms).
const NOW: Moment = 1_700_000_000_000;
const DAY: Moment = cascade_primitives::MILLIS_PER_DAY;

struct World<T: Config> {
	core: T::AccountId,
	supplier: T::AccountId,
	other: T::AccountId,
	asset: T::AssetId,
	line: LineId,
}

fn world<T: Config>() -> World<T> {
	T::BenchmarkHelper::set_time(NOW);
	// Smallest notes of one minor unit, so deep and wide trees need little money.
	Pallet::<T>::do_set_parameters(365 * DAY, 3 * DAY, One::one()).expect("parameters");
	let core: T::AccountId = account("core", 0, 0);
	let supplier: T::AccountId = account("supplier", 0, 0);
	let other: T::AccountId = account("supplier", 1, 0);
	let (asset, line) =
		T::BenchmarkHelper::enroll_core(&core, BalanceOf::<T>::max_value() / 4u32.into());
	T::BenchmarkHelper::enroll_supplier(&supplier);
	T::BenchmarkHelper::enroll_supplier(&other);
	World { core, supplier, other, asset, line }
}

fn big_face<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::from(1_000_000_000u32) * 1_000u32.into()
}

/// Issue to the supplier; returns (receivable, root note), the root Pending.
fn issued<T: Config>(w: &World<T>, face: BalanceOf<T>) -> (ReceivableId, NoteId) {
	let r = NextReceivableId::<T>::get();
	let root = NextNoteId::<T>::get();
	// The longest reference, unique per receivable.
	let mut inv = alloc::vec![b'i'; T::MaxInvoiceRefLength::get() as usize];
	for (byte, digit) in inv.iter_mut().zip(alloc::format!("{r:016x}").bytes()) {
		*byte = digit;
	}
	let inv: InvoiceRefOf<T> = BoundedVec::truncate_from(inv);
	Pallet::<T>::do_issue(
		w.core.clone(),
		w.supplier.clone(),
		w.asset,
		face,
		NOW + 30 * DAY,
		w.line,
		H256::repeat_byte(1),
		inv,
	)
	.expect("issues");
	(r, root)
}

/// Someone sends money to the receivable's escrow: cancelling or settling returns it.
fn donate<T: Config>(w: &World<T>, r: ReceivableId) {
	T::BenchmarkHelper::fund(&w.asset, &Pallet::<T>::escrow_account(r), 1_000u32.into());
}

/// The issuer pays the receivable and the clock reaches its maturity.
fn repaid_at_maturity<T: Config>(w: &World<T>, r: ReceivableId) {
	T::BenchmarkHelper::fund(&w.asset, &w.core, big_face::<T>() * 2u32.into());
	Pallet::<T>::do_repay(w.core.clone(), r, None).expect("repays");
	T::BenchmarkHelper::set_time(NOW + 30 * DAY);
}

/// Issue and accept; returns (receivable, root note), the root Active with the supplier.
fn accepted<T: Config>(w: &World<T>, face: BalanceOf<T>) -> (ReceivableId, NoteId) {
	let (r, root) = issued(w, face);
	Pallet::<T>::do_accept(w.supplier.clone(), root).expect("accepts");
	(r, root)
}

/// From an Active note of the supplier, split off one unit `d` times, each time continuing
/// with the remainder; returns the note at depth `d` (Active, supplier's).
fn deepen<T: Config>(w: &World<T>, mut note: NoteId, d: u32) -> NoteId {
	for _ in 0..d {
		let amount = Notes::<T>::get(note).expect("exists").amount;
		let one: BalanceOf<T> = One::one();
		let parts: BoundedVec<BalanceOf<T>, T::MaxSplit> =
			BoundedVec::truncate_from(alloc::vec![one, amount - one]);
		let first = NextNoteId::<T>::get();
		Pallet::<T>::do_split(w.supplier.clone(), note, parts).expect("splits");
		note = first + 1;
	}
	note
}

/// Grow the receivable by `n` splits of `MaxSplit` parts in a side branch (from `note`),
/// breadth first, so the branch stays a few levels deep whatever `n` (`MaxDepth`).
fn widen<T: Config>(w: &World<T>, note: NoteId, n: u32) {
	let width = T::MaxSplit::get();
	let mut queue = alloc::collections::VecDeque::from([note]);
	for _ in 0..n {
		let next = queue.pop_front().expect("a note to split");
		let amount = Notes::<T>::get(next).expect("exists").amount;
		let part = amount / width.into();
		let mut parts = alloc::vec![part; width as usize - 1];
		parts.push(amount - part * (width - 1).into());
		let first = NextNoteId::<T>::get();
		Pallet::<T>::do_split(w.supplier.clone(), next, BoundedVec::truncate_from(parts))
			.expect("splits");
		queue.extend(first..first + width as u64);
	}
}

/// The most notes [`notes_of`] can make whose walk, with their split ancestors, fits in one
/// `settle` of `MaxSettleNotes`.
fn max_settled<T: Config>() -> u32 {
	let max = T::MaxSettleNotes::get();
	max - max.div_ceil(T::MaxSplit::get() - 1)
}

/// The most worst-path notes (see `settle`) of one receivable that one `on_idle` clears: they
/// and their split ancestors within `MaxClearPerBlock` visits and one `settle`.
fn max_cleared<T: Config>() -> u32 {
	let cap = T::MaxClearPerBlock::get();
	let fit = cap - cap.div_ceil(T::MaxSplit::get());
	max_settled::<T>().min(fit).max(1)
}

/// The most one-note receivables the `clear_receivables` benchmark makes due at once.
fn max_receivables<T: Config>() -> u32 {
	T::MaxClearPerBlock::get().min(100)
}

/// `notes`, held by the supplier, each on the worst path (see `settle`): factored to a factor
/// of its own, pledged by it to a lender of its own, frozen and released, the loan called once
/// its receivable `receivables` went overdue; then the core pays them late.
fn worst_notes<T: Config>(w: &World<T>, receivables: &[ReceivableId], notes: &[NoteId]) {
	for (i, note) in notes.iter().enumerate() {
		let factor = T::BenchmarkHelper::factor_by(*note, &w.supplier, i as u32);
		T::BenchmarkHelper::pledge_by(*note, &factor, i as u32);
	}
	let grace = Params::<T>::get().grace_period;
	T::BenchmarkHelper::set_time(NOW + 30 * DAY + grace);
	for r in receivables {
		Pallet::<T>::do_mark_overdue(*r).expect("overdue");
	}
	for note in notes {
		T::BenchmarkHelper::call_pledge(*note);
		// Held by the Operator and released again before the money came: the note walks as
		// any other (one still frozen is skipped, and paid by `unfreeze`, charged then).
		Pallet::<T>::do_freeze(*note).expect("freezes");
		Pallet::<T>::do_unfreeze(*note).expect("unfreezes");
	}
	for r in receivables {
		donate(w, *r);
		let face = Receivables::<T>::get(r).expect("exists").face;
		T::BenchmarkHelper::fund(&w.asset, &w.core, face * 2u32.into());
		Pallet::<T>::do_repay(w.core.clone(), *r, None).expect("repays late");
	}
}

/// `n` notes of one receivable, each of `unit`, held by the supplier (the receivable holds
/// their split ancestors too).
fn notes_of<T: Config>(w: &World<T>, n: u32) -> (ReceivableId, alloc::vec::Vec<NoteId>) {
	let unit: BalanceOf<T> = 1_000_000_000u32.into();
	let (r, root) = accepted(w, unit * n.into());
	let width = T::MaxSplit::get();
	let (mut notes, mut rest, mut left) = (alloc::vec::Vec::new(), root, n);
	while left > 1 {
		// Split `rest` into up to `width − 1` unit notes and the remainder.
		let k = (width - 1).min(left - 1);
		let mut parts = alloc::vec![unit; k as usize];
		parts.push(unit * (left - k).into());
		let first = NextNoteId::<T>::get();
		Pallet::<T>::do_split(w.supplier.clone(), rest, BoundedVec::truncate_from(parts))
			.expect("splits");
		notes.extend(first..first + k as u64);
		rest = first + k as u64;
		left -= k;
	}
	notes.push(rest);
	(r, notes)
}

/// A note of the supplier at depth `d + 1` in a receivable that also holds `n` wide splits.
fn note_in<T: Config>(w: &World<T>, d: u32, n: u32) -> NoteId {
	let (_, root) = accepted(w, big_face::<T>());
	let half: BalanceOf<T> = big_face::<T>() / 2u32.into();
	let first = NextNoteId::<T>::get();
	Pallet::<T>::do_split(
		w.supplier.clone(),
		root,
		BoundedVec::truncate_from(alloc::vec![half, half]),
	)
	.expect("splits");
	widen(w, first + 1, n);
	deepen(w, first, d)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn issue() {
		let w = world::<T>();
		let inv: InvoiceRefOf<T> =
			BoundedVec::truncate_from(alloc::vec![b'i'; T::MaxInvoiceRefLength::get() as usize]);
		let r = NextReceivableId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(w.core.clone()),
			w.supplier.clone(),
			w.asset,
			big_face::<T>(),
			NOW + 30 * DAY,
			w.line,
			H256::repeat_byte(1),
			inv,
		);

		assert!(Receivables::<T>::contains_key(r));
	}

	#[benchmark]
	fn accept() {
		let w = world::<T>();
		let (r, root) = issued(&w, big_face::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(w.supplier.clone()), root);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Active));
	}

	// The worst case: rejecting a root note cancels the receivable and returns a donation.
	#[benchmark]
	fn reject() {
		let w = world::<T>();
		let (r, root) = issued(&w, big_face::<T>());
		donate(&w, r);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.supplier.clone()), root);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Cancelled));
	}

	// The worst case: revoking a root note cancels the receivable and returns a donation.
	#[benchmark]
	fn revoke() {
		let w = world::<T>();
		let (r, root) = issued(&w, big_face::<T>());
		donate(&w, r);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.core.clone()), root);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Cancelled));
	}

	// The worst case returns money someone sent to the escrow.
	#[benchmark]
	fn cancel() {
		let w = world::<T>();
		let (r, _) = issued(&w, big_face::<T>());
		donate(&w, r);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.core.clone()), r);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Cancelled));
	}

	// Rejecting every offer of one sender, each the worst path of `reject`: a root note, whose
	// receivable is cancelled and its credit released.
	#[benchmark]
	fn reject_all_from(n: Linear<1, { T::MaxOffersPerSender::get() }>) {
		let w = world::<T>();
		for _ in 0..n {
			issued(&w, big_face::<T>());
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(w.supplier.clone()), w.core.clone());

		assert_eq!(OffersFromCount::<T>::get(&w.supplier, &w.core), 0);
	}

	// Money sent to the escrow of a cancelled receivable goes back to its issuer.
	#[benchmark]
	fn sweep_escrow() {
		let w = world::<T>();
		let (r, _) = issued(&w, big_face::<T>());
		Pallet::<T>::do_cancel(w.core.clone(), r).expect("cancels");
		donate(&w, r);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), r, w.asset);

		let escrow = Pallet::<T>::escrow_account(r);
		let left =
			<T::Assets as frame_support::traits::fungibles::Inspect<_>>::balance(w.asset, &escrow);
		assert!(left == BalanceOf::<T>::from(0u32));
	}

	#[benchmark]
	fn split(p: Linear<2, { T::MaxSplit::get() }>) {
		let w = world::<T>();
		let (_, root) = accepted(&w, big_face::<T>());
		let mut parts = alloc::vec![BalanceOf::<T>::one(); p as usize - 1];
		parts.push(big_face::<T>() - (p - 1).into());
		let parts: BoundedVec<BalanceOf<T>, T::MaxSplit> = BoundedVec::truncate_from(parts);

		#[extrinsic_call]
		_(RawOrigin::Signed(w.supplier.clone()), root, parts);

		assert_eq!(NextNoteId::<T>::get(), root + 1 + p as u64);
	}

	#[benchmark]
	fn transfer() {
		let w = world::<T>();
		let (_, root) = accepted(&w, big_face::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(w.supplier.clone()), root, w.other.clone());

		assert!(PendingTo::<T>::contains_key(&w.other, root));
	}

	#[benchmark]
	fn split_transfer() {
		let w = world::<T>();
		let (_, root) = accepted(&w, big_face::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(w.supplier.clone()), root, w.other.clone(), 1_000u32.into());

		assert!(PendingTo::<T>::contains_key(&w.other, root + 1));
	}

	#[benchmark]
	fn repay() {
		let w = world::<T>();
		let (r, _) = accepted(&w, big_face::<T>());
		T::BenchmarkHelper::fund(&w.asset, &w.core, big_face::<T>() * 2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(w.core.clone()), r);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Repaid));
	}

	// Paying part: the first payment, with the escrow's reserve, queues the receivable for
	// clearing.
	#[benchmark]
	fn repay_part() {
		let w = world::<T>();
		let (r, _) = accepted(&w, big_face::<T>());
		T::BenchmarkHelper::fund(&w.asset, &w.core, big_face::<T>() * 2u32.into());
		let half = big_face::<T>() / 2u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(w.core.clone()), r, half);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.repaid), Some(half));
		assert!(DueQueue::<T>::contains_key(Pallet::<T>::due_key(NOW + 30 * DAY), r));
	}

	// Clearing `n` notes, each on the worst path a note can take (issue 25, item 3): every note
	// held by a factor of its own (one account per note, so every payout reads and writes
	// another holder's account), which pledged it to a lender of its own, who called the loan
	// once the receivable went overdue; the core then pays late. Each payout pays the lender's
	// claim first (the claim and both its index entries removed), the factor the rest, and
	// closes both financings; the last settles the receivable and returns a donation. The walk
	// also visits the notes they were split from (one in `MaxSplit − 1`), so `n` stops where
	// notes and ancestors together fill one call. Its slope is what one note costs clearing
	// (`on_idle` and `settle` charge it per note visited), its intercept what taking up a
	// receivable does.
	#[benchmark]
	fn settle(n: Linear<1, { max_settled::<T>() }>) {
		let w = world::<T>();
		let (r, notes) = notes_of(&w, n);
		worst_notes(&w, &[r], &notes);

		#[block]
		{
			Pallet::<T>::do_settle(r, T::MaxSettleNotes::get()).expect("settles");
		}

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Settled));
	}

	// What clearing really costs, measured on `on_idle` itself (extra: not a weight the chain
	// charges, the measurement `scripts/benchmark/per-note.sh` holds the charge against). Here
	// `n` worst-path notes of one receivable (as `settle`), all cleared by one `on_idle`: its
	// slope is what one note costs the hook, to compare with `clear_note_weight`.
	#[benchmark(extra)]
	fn clear_notes(n: Linear<1, { max_cleared::<T>() }>) {
		let w = world::<T>();
		let (r, notes) = notes_of(&w, n);
		worst_notes(&w, &[r], &notes);

		#[block]
		{
			Pallet::<T>::on_idle(One::one(), Weight::MAX);
		}

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Settled));
	}

	// As `clear_notes`, on `n` due receivables of one worst-path note each: every note is a
	// turn of its own (finding the receivable, taking it up, settling it). Its slope is what
	// one receivable costs the hook, to compare with what `on_idle` charges a turn and a note.
	#[benchmark(extra)]
	fn clear_receivables(n: Linear<1, { max_receivables::<T>() }>) {
		let w = world::<T>();
		let unit: BalanceOf<T> = 1_000_000_000u32.into();
		let (receivables, notes): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
			(0..n).map(|_| accepted(&w, unit)).unzip();
		worst_notes(&w, &receivables, &notes);

		#[block]
		{
			Pallet::<T>::on_idle(One::one(), Weight::MAX);
		}

		for r in receivables {
			assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Settled));
		}
	}

	// Redemption's paths; the call is charged the heaviest. This one: a note its factor
	// pledged to another bank, redeemed on time: both financings close, the lender and the
	// holder are paid, and the receivable settles, returning the reserve and a donation.
	#[benchmark]
	fn redeem() {
		let w = world::<T>();
		let (r, root) = accepted(&w, big_face::<T>());
		let factor = T::BenchmarkHelper::factor(root, &w.supplier);
		let lender = T::BenchmarkHelper::pledge(root, &factor);
		donate(&w, r);
		repaid_at_maturity(&w, r);
		let balance = |who: &T::AccountId| {
			<T::Assets as frame_support::traits::fungibles::Inspect<_>>::balance(w.asset, who)
		};
		let (factor_before, lender_before) = (balance(&factor), balance(&lender));
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		redeem(RawOrigin::Signed(caller), root);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Settled));
		// Both payouts happened: the lender first, the factor the rest.
		assert!(balance(&lender) > lender_before && balance(&factor) > factor_before);
	}

	// A pledge loan the lender called after the receivable went overdue, paid late by the
	// issuer: the claim is paid first from the note.
	#[benchmark]
	fn redeem_called() {
		let w = world::<T>();
		let (r, root) = accepted(&w, big_face::<T>());
		let factor = T::BenchmarkHelper::factor(root, &w.supplier);
		T::BenchmarkHelper::pledge(root, &factor);
		T::BenchmarkHelper::call_loan(root);
		donate(&w, r);
		T::BenchmarkHelper::fund(&w.asset, &w.core, big_face::<T>() * 2u32.into());
		Pallet::<T>::do_repay(w.core.clone(), r, None).expect("repays late");
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		redeem(RawOrigin::Signed(caller), root);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Settled));
	}

	// A factored note: the factoring closes and the factor is paid.
	#[benchmark]
	fn redeem_factored() {
		let w = world::<T>();
		let (r, root) = accepted(&w, big_face::<T>());
		T::BenchmarkHelper::factor(root, &w.supplier);
		donate(&w, r);
		repaid_at_maturity(&w, r);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		redeem(RawOrigin::Signed(caller), root);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Settled));
	}

	// A note offered to someone else and not yet accepted: its sender is paid and the offer
	// leaves the recipient's list.
	#[benchmark]
	fn redeem_pending() {
		let w = world::<T>();
		let (r, root) = accepted(&w, big_face::<T>());
		Pallet::<T>::do_transfer(w.supplier.clone(), root, w.other.clone()).expect("offers");
		donate(&w, r);
		repaid_at_maturity(&w, r);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		redeem(RawOrigin::Signed(caller), root);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Settled));
	}

	#[benchmark]
	fn mark_overdue() {
		let w = world::<T>();
		let (r, _) = accepted(&w, big_face::<T>());
		T::BenchmarkHelper::set_time(NOW + 40 * DAY);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), r);

		assert_eq!(Receivables::<T>::get(r).map(|r| r.status), Some(ReceivableStatus::Overdue));
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let w = world::<T>();
		let (_, root) = issued(&w, big_face::<T>());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, root);

		assert_eq!(Notes::<T>::get(root).map(|n| n.state), Some(NoteState::Frozen));

		Ok(())
	}

	// Lifting the freeze itself; what it pays the note is charged as a redemption on top
	// (`unfreeze_weight`).
	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let w = world::<T>();
		let (_, root) = issued(&w, big_face::<T>());
		Pallet::<T>::do_freeze(root).expect("freezes");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, root);

		assert!(matches!(Notes::<T>::get(root).map(|n| n.state), Some(NoteState::Pending { .. })));

		Ok(())
	}

	#[benchmark]
	fn set_parameters() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 30 * DAY, DAY, 1u32.into());

		assert_eq!(Params::<T>::get().max_tenor, 30 * DAY);

		Ok(())
	}

	#[benchmark]
	fn set_soft_tenor() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 90 * DAY);

		assert_eq!(SoftTenor::<T>::get(), 90 * DAY);

		Ok(())
	}

	// Scaling: the same calls on a note `d + 1` levels deep (up to `MaxDepth`: a note there may
	// still move whole, a note one level up still split), and in a receivable of `1 + 16·n`
	// notes. Their weights must not grow with `d` or `n`.

	#[benchmark(extra)]
	fn split_at_depth(d: Linear<0, 998>) {
		let w = world::<T>();
		let note = note_in(&w, d, 0);
		let amount = Notes::<T>::get(note).expect("exists").amount;
		let one = BalanceOf::<T>::one();
		let parts: BoundedVec<BalanceOf<T>, T::MaxSplit> =
			BoundedVec::truncate_from(alloc::vec![one, amount - one]);

		#[extrinsic_call]
		split(RawOrigin::Signed(w.supplier.clone()), note, parts);

		assert_eq!(Notes::<T>::get(note).map(|n| n.state), Some(NoteState::Consumed));
	}

	#[benchmark(extra)]
	fn transfer_at_depth(d: Linear<0, 999>) {
		let w = world::<T>();
		let note = note_in(&w, d, 0);

		#[extrinsic_call]
		transfer(RawOrigin::Signed(w.supplier.clone()), note, w.other.clone());

		assert!(PendingTo::<T>::contains_key(&w.other, note));
	}

	#[benchmark(extra)]
	fn split_transfer_at_depth(d: Linear<0, 998>) {
		let w = world::<T>();
		let note = note_in(&w, d, 0);

		#[extrinsic_call]
		split_transfer(
			RawOrigin::Signed(w.supplier.clone()),
			note,
			w.other.clone(),
			1_000u32.into(),
		);

		assert_eq!(Notes::<T>::get(note).map(|n| n.state), Some(NoteState::Consumed));
	}

	#[benchmark(extra)]
	fn transfer_in_tree(n: Linear<0, 6_250>) {
		let w = world::<T>();
		let note = note_in(&w, 0, n);

		#[extrinsic_call]
		transfer(RawOrigin::Signed(w.supplier.clone()), note, w.other.clone());

		assert!(PendingTo::<T>::contains_key(&w.other, note));
	}

	#[benchmark(extra)]
	fn split_transfer_in_tree(n: Linear<0, 6_250>) {
		let w = world::<T>();
		let note = note_in(&w, 0, n);

		#[extrinsic_call]
		split_transfer(
			RawOrigin::Signed(w.supplier.clone()),
			note,
			w.other.clone(),
			1_000u32.into(),
		);

		assert_eq!(Notes::<T>::get(note).map(|n| n.state), Some(NoteState::Consumed));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
