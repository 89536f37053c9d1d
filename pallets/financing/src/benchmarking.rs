//! Benchmarks of `pallet_financing` (frame-benchmarking v2).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_support::BoundedVec;
use frame_system::RawOrigin;
use sp_runtime::{traits::Bounded, Permill};

fn rate() -> Permill {
	Permill::from_parts(36_500)
}

fn amount<T: Config>() -> BalanceOf<T> {
	1_000_000u32.into()
}

/// A program of financier `index` for `core`'s notes; returns (program, financier).
fn program_of<T: Config>(
	index: u32,
	core: &T::AccountId,
	asset: T::AssetId,
) -> (ProgramId, T::AccountId) {
	let financier = T::BenchmarkHelper::financier(index);
	let id = NextProgramId::<T>::get();
	Pallet::<T>::do_open_program(
		financier.clone(),
		core.clone(),
		asset,
		rate(),
		BalanceOf::<T>::max_value() / 4u32.into(),
		Moment::MAX,
	)
	.expect("opens");
	(id, financier)
}

/// Price `program` of `financier` by grade, every list full, 80 % advanced.
fn price<T: Config>(program: ProgramId, financier: &T::AccountId) {
	use cascade_primitives::{GreenGrade, TierGrade};
	let tiers = [TierGrade::A, TierGrade::B, TierGrade::C, TierGrade::D];
	let greens =
		[GreenGrade::DeepGreen, GreenGrade::LightGreen, GreenGrade::Yellow, GreenGrade::Red];
	Pallet::<T>::do_set_program_pricing(
		financier.clone(),
		program,
		tiers
			.iter()
			.map(|g| (*g, -1_000))
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.expect("four"),
		greens.iter().map(|g| (*g, 500)).collect::<alloc::vec::Vec<_>>().try_into().expect("four"),
		tiers
			.iter()
			.map(|g| (*g, BalanceOf::<T>::max_value() / 8u32.into()))
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.expect("four"),
		Permill::from_percent(80),
	)
	.expect("prices");
}

/// A fresh note factored (with recourse) to financier 0 through a program priced by grade, 80 %
/// advanced (so the factor owes its seller a reserve); returns (note, factor, core, asset).
fn factored<T: Config>() -> (NoteId, T::AccountId, T::AccountId, T::AssetId) {
	let (note, holder, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
	let (program, factor) = program_of::<T>(0, &core, asset);
	price::<T>(program, &factor);
	Pallet::<T>::do_finance_by_program(
		holder,
		note,
		program,
		FinancingKind::Factoring { recourse: true },
	)
	.expect("factors");
	(note, factor, core, asset)
}

/// A pledge of a fresh note; returns (financing, note, borrower, asset).
fn pledged<T: Config>() -> (FinancingId, NoteId, T::AccountId, T::AssetId) {
	let (note, holder, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
	let (program, _) = program_of::<T>(0, &core, asset);
	let id = NextFinancingId::<T>::get();
	Pallet::<T>::do_finance_by_program(holder.clone(), note, program, FinancingKind::Pledge)
		.expect("finances");
	(id, note, holder, asset)
}

/// A recourse factoring of a fresh note whose receivable is overdue; returns
/// (financing, financier, seller, asset).
fn overdue_recourse<T: Config>() -> (FinancingId, T::AccountId, T::AccountId, T::AssetId) {
	let (note, holder, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
	let (program, financier) = program_of::<T>(0, &core, asset);
	let id = NextFinancingId::<T>::get();
	Pallet::<T>::do_finance_by_program(
		holder.clone(),
		note,
		program,
		FinancingKind::Factoring { recourse: true },
	)
	.expect("finances");
	T::BenchmarkHelper::make_overdue(note);
	(id, financier, holder, asset)
}

/// Leave `who` with exactly `keep` of `asset`.
fn leave_with<T: Config>(asset: T::AssetId, who: &T::AccountId, keep: BalanceOf<T>) {
	use frame_support::traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
	};
	let balance = T::Assets::balance(asset, who);
	let sink = T::BenchmarkHelper::financier(1);
	if balance > keep {
		T::Assets::transfer(asset, who, &sink, balance - keep, Preservation::Expendable)
			.expect("moves");
	} else {
		T::BenchmarkHelper::fund(&asset, who, keep - balance);
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_program() {
		let (_, _, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier(0);
		let id = NextProgramId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), core, asset, rate(), amount::<T>(), Moment::MAX);

		assert!(Programs::<T>::contains_key(id));
	}

	#[benchmark]
	fn close_program() {
		let (_, _, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
		let (program, financier) = program_of::<T>(0, &core, asset);

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), program);

		assert_eq!(Programs::<T>::get(program).map(|p| p.closed), Some(true));
	}

	// The worst case: a factor with a tier and a green grade sells the note it bought on to
	// another bank through a program priced by grade with a limit for its tier, so the earlier
	// factoring closes as sold on, its program recovers, and the factor pays its own seller the
	// reserve left.
	#[benchmark]
	fn finance() {
		let (note, factor, core, asset) = factored::<T>();
		let (program, financier) = program_of::<T>(1, &core, asset);
		price::<T>(program, &financier);
		T::BenchmarkHelper::attest(&factor);
		let id = NextFinancingId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(factor), note, program, FinancingKind::Factoring { recourse: true });

		assert!(Financings::<T>::contains_key(id));
		assert_eq!(Financings::<T>::get(id - 1).map(|f| f.status), Some(FinancingStatus::SoldOn));
		assert!(!Reserves::<T>::contains_key(id - 1), "the reserve was paid");
		assert!(
			Financings::<T>::get(id).is_some_and(|f| f.annual_rate != rate()),
			"priced by grade"
		);
	}

	#[benchmark]
	fn set_program_pricing() {
		use cascade_primitives::{GreenGrade, TierGrade};
		let (_, _, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
		let (program, financier) = program_of::<T>(0, &core, asset);
		// Replacing a pricing.
		price::<T>(program, &financier);
		let tiers = [TierGrade::A, TierGrade::B, TierGrade::C, TierGrade::D];
		let greens =
			[GreenGrade::DeepGreen, GreenGrade::LightGreen, GreenGrade::Yellow, GreenGrade::Red];
		let tier_adjustments: BoundedVec<_, GradeCount> = tiers
			.iter()
			.map(|g| (*g, 2_000))
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.expect("four");
		let green_adjustments: BoundedVec<_, GradeCount> = greens
			.iter()
			.map(|g| (*g, -2_000))
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.expect("four");
		let tier_limits: BoundedVec<_, GradeCount> = tiers
			.iter()
			.map(|g| (*g, amount::<T>()))
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.expect("four");

		#[extrinsic_call]
		_(
			RawOrigin::Signed(financier),
			program,
			tier_adjustments,
			green_adjustments,
			tier_limits,
			Permill::from_percent(90),
		);

		assert_eq!(
			ProgramPricings::<T>::get(program).map(|p| p.advance_rate),
			Some(Permill::from_percent(90))
		);
	}

	#[benchmark]
	fn request() {
		let (note, holder, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier(0);
		let id = NextRequestId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), note, financier, FinancingKind::Pledge, rate());

		assert!(Requests::<T>::contains_key(id));
	}

	// The worst case: the note was factored before, so its factoring closes as sold on.
	#[benchmark]
	fn approve() {
		let (note, factor, _, _) = factored::<T>();
		let financier = T::BenchmarkHelper::financier(1);
		let req = NextRequestId::<T>::get();
		Pallet::<T>::do_request(
			factor,
			note,
			financier.clone(),
			FinancingKind::Factoring { recourse: false },
			rate(),
		)
		.expect("requests");
		let id = NextFinancingId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), req);

		assert!(!Requests::<T>::contains_key(req));
		assert_eq!(Financings::<T>::get(id - 1).map(|f| f.status), Some(FinancingStatus::SoldOn));
	}

	#[benchmark]
	fn decline() {
		let (note, holder, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier(0);
		let req = NextRequestId::<T>::get();
		Pallet::<T>::do_request(holder, note, financier.clone(), FinancingKind::Pledge, rate())
			.expect("requests");

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), req);

		assert!(!Requests::<T>::contains_key(req));
	}

	// Declining every request of one holder: `n` of them, each with its indexes.
	#[benchmark]
	fn decline_all_from(n: Linear<1, { T::MaxRequestsPerHolder::get() }>) {
		let financier = T::BenchmarkHelper::financier(0);
		let mut holder = None;
		for _ in 0..n {
			let (note, who, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
			Pallet::<T>::do_request(
				who.clone(),
				note,
				financier.clone(),
				FinancingKind::Pledge,
				rate(),
			)
			.expect("requests");
			holder = Some(who);
		}
		let holder = holder.expect("n >= 1");

		#[extrinsic_call]
		_(RawOrigin::Signed(financier.clone()), holder.clone());

		assert_eq!(RequestsFromCount::<T>::get(&financier, &holder), 0);
	}

	#[benchmark]
	fn withdraw() {
		let (note, holder, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier(0);
		let req = NextRequestId::<T>::get();
		Pallet::<T>::do_request(holder.clone(), note, financier, FinancingKind::Pledge, rate())
			.expect("requests");

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), req);

		assert!(!Requests::<T>::contains_key(req));
	}

	// The worst case: after maturity, the note under a judicial freeze (released under it).
	#[benchmark]
	fn repay_loan() {
		let (id, note, borrower, asset) = pledged::<T>();
		T::BenchmarkHelper::freeze(note);
		T::BenchmarkHelper::make_overdue(note);
		T::BenchmarkHelper::fund(&asset, &borrower, amount::<T>() * 2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(borrower), id);

		assert_eq!(Financings::<T>::get(id).map(|f| f.status), Some(FinancingStatus::LoanRepaid));
	}

	#[benchmark]
	fn call_loan() {
		let (id, note, _, _) = pledged::<T>();
		T::BenchmarkHelper::make_overdue(note);
		let lender = Financings::<T>::get(id).expect("financing").financier;

		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id);

		assert_eq!(Financings::<T>::get(id).map(|f| f.status), Some(FinancingStatus::Called));
	}

	// The worst case: the seller pays part now and owes the rest as a claim, secured by the note
	// (pledged to the financing).
	#[benchmark]
	fn exercise_recourse() {
		let (id, financier, seller, asset) = overdue_recourse::<T>();
		leave_with::<T>(asset, &seller, amount::<T>() / 2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), id);

		assert_eq!(Financings::<T>::get(id).map(|f| f.status), Some(FinancingStatus::Called));
		assert_eq!(Pallet::<T>::security_of(id), Financings::<T>::get(id).map(|f| f.note));
	}

	// The worst case: the claim of a called loan on a frozen note, paid in full, releases the
	// note under its freeze.
	#[benchmark]
	fn settle_claim() {
		let (id, note, borrower, asset) = pledged::<T>();
		T::BenchmarkHelper::make_overdue(note);
		let lender = Financings::<T>::get(id).expect("financing").financier;
		Pallet::<T>::do_call_loan(lender, id).expect("calls");
		T::BenchmarkHelper::freeze(note);
		T::BenchmarkHelper::fund(&asset, &borrower, amount::<T>() * 2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(borrower), id);

		assert!(!Claims::<T>::contains_key(id));
		assert_eq!(Financings::<T>::get(id).map(|f| f.status), Some(FinancingStatus::LoanRepaid));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
