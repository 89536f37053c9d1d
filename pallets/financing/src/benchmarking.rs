//! Benchmarks of `pallet_financing` (frame-benchmarking v2).

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::{traits::Bounded, Permill};

fn rate() -> Permill {
	Permill::from_parts(36_500)
}

fn amount<T: Config>() -> BalanceOf<T> {
	1_000_000u32.into()
}

/// A program of a fresh financier for the note's obligor; returns (program, financier).
fn program_for<T: Config>(core: &T::AccountId, asset: T::AssetId) -> (ProgramId, T::AccountId) {
	let financier = T::BenchmarkHelper::financier();
	let id = NextProgramId::<T>::get();
	Pallet::<T>::do_open_program(
		financier.clone(),
		core.clone(),
		asset,
		rate(),
		BalanceOf::<T>::max_value() / 2u32.into(),
		Moment::MAX,
	)
	.expect("opens");
	(id, financier)
}

/// A pledge of a fresh note; returns (financing, borrower, asset).
fn pledged<T: Config>() -> (FinancingId, T::AccountId, T::AssetId) {
	let (note, holder, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
	let (program, _) = program_for::<T>(&core, asset);
	let id = NextFinancingId::<T>::get();
	Pallet::<T>::do_finance_by_program(holder.clone(), note, program, FinancingKind::Pledge)
		.expect("finances");
	(id, holder, asset)
}

/// A recourse factoring of a fresh note whose receivable is overdue; returns
/// (financing, financier, seller, asset).
fn overdue_recourse<T: Config>() -> (FinancingId, T::AccountId, T::AccountId, T::AssetId) {
	let (note, holder, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
	let (program, financier) = program_for::<T>(&core, asset);
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

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_program() {
		let (_, _, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier();
		let id = NextProgramId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), core, asset, rate(), amount::<T>(), Moment::MAX);

		assert!(Programs::<T>::contains_key(id));
	}

	#[benchmark]
	fn close_program() {
		let (_, _, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
		let (program, financier) = program_for::<T>(&core, asset);

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), program);

		assert_eq!(Programs::<T>::get(program).map(|p| p.closed), Some(true));
	}

	// Factoring moves the note and pays; the pledge path does no more.
	#[benchmark]
	fn finance() {
		let (note, holder, core, asset) = T::BenchmarkHelper::active_note(amount::<T>());
		let (program, _) = program_for::<T>(&core, asset);
		let id = NextFinancingId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), note, program, FinancingKind::Factoring { recourse: true });

		assert!(Financings::<T>::contains_key(id));
	}

	#[benchmark]
	fn request() {
		let (note, holder, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier();
		let id = NextRequestId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), note, financier, FinancingKind::Pledge, rate());

		assert!(Requests::<T>::contains_key(id));
	}

	#[benchmark]
	fn approve() {
		let (note, holder, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier();
		let req = NextRequestId::<T>::get();
		Pallet::<T>::do_request(
			holder,
			note,
			financier.clone(),
			FinancingKind::Factoring { recourse: false },
			rate(),
		)
		.expect("requests");

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), req);

		assert!(!Requests::<T>::contains_key(req));
	}

	#[benchmark]
	fn decline() {
		let (note, holder, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier();
		let req = NextRequestId::<T>::get();
		Pallet::<T>::do_request(holder, note, financier.clone(), FinancingKind::Pledge, rate())
			.expect("requests");

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), req);

		assert!(!Requests::<T>::contains_key(req));
	}

	#[benchmark]
	fn withdraw() {
		let (note, holder, _, _) = T::BenchmarkHelper::active_note(amount::<T>());
		let financier = T::BenchmarkHelper::financier();
		let req = NextRequestId::<T>::get();
		Pallet::<T>::do_request(holder.clone(), note, financier, FinancingKind::Pledge, rate())
			.expect("requests");

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), req);

		assert!(!Requests::<T>::contains_key(req));
	}

	#[benchmark]
	fn repay_loan() {
		let (id, borrower, asset) = pledged::<T>();
		T::BenchmarkHelper::fund(&asset, &borrower, amount::<T>() * 2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(borrower), id);

		assert_eq!(Financings::<T>::get(id).map(|f| f.status), Some(FinancingStatus::LoanRepaid));
	}

	// The worst case pays the advance back at once.
	#[benchmark]
	fn exercise_recourse() {
		let (id, financier, seller, asset) = overdue_recourse::<T>();
		T::BenchmarkHelper::fund(&asset, &seller, amount::<T>() * 2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(financier), id);

		assert_eq!(
			Financings::<T>::get(id).map(|f| f.status),
			Some(FinancingStatus::RecourseSettled)
		);
	}

	#[benchmark]
	fn settle_claim() {
		let (id, financier, seller, asset) = overdue_recourse::<T>();
		// Leave the seller short so recourse records a claim, then fund the settlement.
		let short =
			<T::Assets as frame_support::traits::fungibles::Inspect<_>>::balance(asset, &seller);
		let sink = T::BenchmarkHelper::financier();
		frame_support::assert_ok!(
			<T::Assets as frame_support::traits::fungibles::Mutate<_>>::transfer(
				asset,
				&seller,
				&sink,
				short,
				frame_support::traits::tokens::Preservation::Expendable,
			)
		);
		Pallet::<T>::do_exercise_recourse(financier, id).expect("recourse");
		T::BenchmarkHelper::fund(&asset, &seller, amount::<T>() * 2u32.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(seller), id);

		assert!(!Claims::<T>::contains_key(id));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
