//! A test runtime: System and Validators; session keys registered through a thread-local set.

use crate::{self as pallet_validators};
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Validators = pallet_validators;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	static KEYS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Accounts that have "registered session keys".
pub struct MockKeys;
impl MockKeys {
	pub fn register(who: u64) {
		KEYS.with(|k| k.borrow_mut().push(who));
	}
	/// `who` purges its session keys (`Session::purge_keys`).
	pub fn purge(who: u64) {
		KEYS.with(|k| k.borrow_mut().retain(|w| *w != who));
	}
}
impl frame_support::traits::ValidatorRegistration<u64> for MockKeys {
	fn is_registered(who: &u64) -> bool {
		KEYS.with(|k| k.borrow().contains(who))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockKeys {
	fn register_keys(who: &u64) {
		MockKeys::register(*who);
	}
}

impl pallet_validators::Config for Test {
	type OperatorOrigin = EnsureRoot<u64>;
	type KeysRegistered = MockKeys;
	type MaxValidators = ConstU32<6>;
	type MinValidators = ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockKeys;
}

/// Validators 1..=4 with keys; account 5 has keys but does not validate; 6 has none.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		validators: pallet_validators::GenesisConfig { validators: vec![1, 2, 3, 4] },
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		KEYS.with(|k| k.borrow_mut().clear());
		for who in 1..=5 {
			MockKeys::register(who);
		}
		System::set_block_number(1);
	});
	ext
}

/// Runs a test and checks the pallet's invariants after it.
pub fn test(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		Validators::do_try_state().expect("invariants hold");
	});
}
