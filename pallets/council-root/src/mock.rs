//! A test runtime: System and CouncilRoot; account 1 stands for a carried council motion.

use crate::{self as pallet_council_root};
use frame_support::{derive_impl, ord_parameter_types, traits::ConstU32};
use frame_system::EnsureSignedBy;
pub use sp_core::H256;
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
	pub type CouncilRoot = pallet_council_root;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

ord_parameter_types! {
	pub const Motion: u64 = 1;
}

impl pallet_council_root::Config for Test {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = EnsureSignedBy<Motion, u64>;
	type WeightInfo = ();
	type Motions = MockMotions;
	type MaxOpenMotions = ConstU32<3>;
}

std::thread_local! {
	/// The mock collective's open motions, newest last.
	pub static OPEN: core::cell::RefCell<Vec<H256>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// A collective of motions kept in [`OPEN`].
pub struct MockMotions;
impl crate::Motions<H256> for MockMotions {
	fn is_open(hash: &H256) -> bool {
		OPEN.with(|o| o.borrow().contains(hash))
	}
	fn newest() -> Option<H256> {
		OPEN.with(|o| o.borrow().last().copied())
	}
}

/// The mock collective adds motion `n` (as its hash).
pub fn open_motion(n: u8) -> H256 {
	let hash = H256::repeat_byte(n);
	OPEN.with(|o| o.borrow_mut().push(hash));
	hash
}

/// The mock collective closes motion `n`.
pub fn close_motion(n: u8) {
	OPEN.with(|o| o.borrow_mut().retain(|h| *h != H256::repeat_byte(n)));
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	OPEN.with(|o| o.borrow_mut().clear());
	ext.execute_with(|| System::set_block_number(1));
	ext
}
