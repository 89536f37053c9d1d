//! Benchmarks of `pallet_enterprises` (frame-benchmarking v2).

use super::*;
use crate::credit_code;
use cascade_primitives::{AttestationKind, Grade, GreenGrade, Office, TierGrade};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

/// A valid credit code derived from `n`.
fn code(n: u32) -> CreditCode {
	credit_code::numbered(n)
}

fn enroll<T: Config>(name: &'static str, index: u32, roles: Roles) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let name: frame_support::BoundedVec<u8, T::MaxNameLength> =
		alloc::vec![b'n'; T::MaxNameLength::get() as usize].try_into().expect("fits");
	Pallet::<T>::do_register(who.clone(), name, code(1_000 + index), roles).expect("registers");
	who
}

/// An Attestor (a bank) and a supplier it may attest.
fn attestor_and_supplier<T: Config>() -> (T::AccountId, T::AccountId) {
	let bank = enroll::<T>("bank", 1, Roles::only(Role::Financier));
	let supplier = enroll::<T>("supplier", 3, Roles::only(Role::Supplier));
	Pallet::<T>::do_grant_role(bank.clone(), Office::Attestor).expect("grants");
	(bank, supplier)
}

fn financier_and_core<T: Config>() -> (T::AccountId, T::AccountId) {
	let bank = enroll::<T>("bank", 1, Roles::only(Role::Financier));
	let core = enroll::<T>("core", 2, Roles::only(Role::Core));
	(bank, core)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("who", 0, 0);
		let name: frame_support::BoundedVec<u8, T::MaxNameLength> =
			alloc::vec![b'n'; T::MaxNameLength::get() as usize].try_into().expect("fits");
		let roles = Roles { core: true, supplier: true, financier: false };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), name, code(7), roles);

		assert!(Enterprises::<T>::contains_key(&who));

		Ok(())
	}

	#[benchmark]
	fn set_roles() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = enroll::<T>("who", 0, Roles::only(Role::Supplier));
		let roles = Roles { core: true, supplier: true, financier: true };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), roles);

		assert_eq!(Enterprises::<T>::get(&who).map(|e| e.roles), Some(roles));

		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = enroll::<T>("who", 0, Roles::only(Role::Supplier));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(Enterprises::<T>::get(&who).map(|e| e.status), Some(Status::Suspended));

		Ok(())
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = enroll::<T>("who", 0, Roles::only(Role::Supplier));
		Pallet::<T>::do_set_status(who.clone(), Status::Suspended).expect("suspends");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(Enterprises::<T>::get(&who).map(|e| e.status), Some(Status::Active));

		Ok(())
	}

	#[benchmark]
	fn grant_credit_line() {
		let (bank, core) = financier_and_core::<T>();
		let asset = T::BenchmarkHelper::settlement_asset();
		let line = NextLineId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), core, asset, BalanceOf::<T>::max_value(), Moment::MAX);

		assert!(CreditLines::<T>::contains_key(line));
	}

	#[benchmark]
	fn set_credit_limit() {
		let (bank, core) = financier_and_core::<T>();
		let asset = T::BenchmarkHelper::settlement_asset();
		let line =
			Pallet::<T>::insert_line(bank.clone(), core, asset, 1_000u32.into(), Moment::MAX)
				.expect("inserts");

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), line, 2_000u32.into());

		assert_eq!(CreditLines::<T>::get(line).map(|l| l.limit), Some(2_000u32.into()));
	}

	#[benchmark]
	fn revoke_credit_line() {
		let (bank, core) = financier_and_core::<T>();
		let asset = T::BenchmarkHelper::settlement_asset();
		let line =
			Pallet::<T>::insert_line(bank.clone(), core, asset, 1_000u32.into(), Moment::MAX)
				.expect("inserts");

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), line);

		assert_eq!(CreditLines::<T>::get(line).map(|l| l.revoked), Some(true));
	}

	#[benchmark]
	fn refuse_credit_line() {
		let (bank, core) = financier_and_core::<T>();
		let asset = T::BenchmarkHelper::settlement_asset();
		let line =
			Pallet::<T>::insert_line(bank, core.clone(), asset, 1_000u32.into(), Moment::MAX)
				.expect("inserts");

		#[extrinsic_call]
		_(RawOrigin::Signed(core.clone()), line);

		assert!(!LinesByCore::<T>::contains_key(&core, line));
	}

	#[benchmark]
	fn create_settlement_asset() -> Result<(), BenchmarkError> {
		let asset = T::BenchmarkHelper::unused_asset();
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, 1_000u32.into());

		assert!(SettlementAssets::<T>::contains_key(asset));
		Ok(())
	}

	#[benchmark]
	fn mint_settlement() -> Result<(), BenchmarkError> {
		let asset = T::BenchmarkHelper::settlement_asset();
		let who: T::AccountId = account("who", 0, 0);
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, who.clone(), 1_000u32.into());

		use frame_support::traits::fungibles::Inspect;
		assert_eq!(T::Assets::balance(asset, &who), 1_000u32.into());
		Ok(())
	}

	#[benchmark]
	fn grant_role() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("who", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), Office::Attestor);

		assert!(Offices::<T>::contains_key(&who, Office::Attestor));
		Ok(())
	}

	#[benchmark]
	fn revoke_role() -> Result<(), BenchmarkError> {
		let origin =
			T::OperatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("who", 0, 0);
		Pallet::<T>::do_grant_role(who.clone(), Office::Registrar).expect("grants");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), Office::Registrar);

		assert!(!Offices::<T>::contains_key(&who, Office::Registrar));
		Ok(())
	}

	// The worst path replaces an attestation of the same kind.
	#[benchmark]
	fn attest() {
		let (bank, supplier) = attestor_and_supplier::<T>();
		Pallet::<T>::do_attest(
			bank.clone(),
			supplier.clone(),
			Grade::Tier(TierGrade::D),
			Moment::MAX,
		)
		.expect("attests");

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), supplier.clone(), Grade::Tier(TierGrade::A), Moment::MAX);

		assert_eq!(
			EnterpriseAttestations::<T>::get(&supplier, AttestationKind::Tier).map(|a| a.grade),
			Some(Grade::Tier(TierGrade::A))
		);
	}

	#[benchmark]
	fn revoke_attestation() {
		let (bank, supplier) = attestor_and_supplier::<T>();
		Pallet::<T>::do_attest(
			bank.clone(),
			supplier.clone(),
			Grade::Green(GreenGrade::Red),
			Moment::MAX,
		)
		.expect("attests");

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), supplier.clone(), AttestationKind::Green);

		assert!(!EnterpriseAttestations::<T>::contains_key(&supplier, AttestationKind::Green));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
