//! A test runtime: System, Timestamp, Balances, Assets (asset 1 exists) and Enterprises.

use crate::{self as pallet_enterprises, credit_code, testing::World, CreditCode, Roles};
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;

pub use crate::testing::{AccountId, Balance};

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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type Enterprises = pallet_enterprises;
}

crate::impl_test_runtime!(Test);

/// Most lines per core in the tests: small, so the bound is easy to reach.
pub const MAX_LINES: u32 = 4;

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl crate::Config for Test {
	type OperatorOrigin = EnsureRoot<AccountId>;
	type Assets = Assets;
	type Time = Timestamp;
	type MaxLinesPerCore = ConstU32<MAX_LINES>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::testing::AssetOne;
}

/// The settlement asset of the tests (owned by the pallet's account).
pub const CNY: u32 = 1;
/// An asset that exists, owned by a signed account: not a settlement asset.
pub const USD: u32 = 2;
/// The operator's account (root acts for it; it is not an enterprise).
pub const OPERATOR: AccountId = 1;
pub const CORE: AccountId = 10;
pub const OTHER_CORE: AccountId = 11;
pub const SUPPLIER: AccountId = 20;
pub const BANK: AccountId = 30;
pub const OTHER_BANK: AccountId = 31;
pub const STRANGER: AccountId = 99;

/// The chain's time at the start of every test (ms).
pub const START: u64 = 1_000_000;
/// A day in ms.
pub const DAY: u64 = cascade_primitives::MILLIS_PER_DAY;

/// A valid credit code whose body is derived from `n` (built with the standard's algorithm).
pub fn code(n: u32) -> CreditCode {
	credit_code::numbered(n)
}

pub fn roles(core: bool, supplier: bool, financier: bool) -> Roles {
	Roles { core, supplier, financier }
}

/// Builds the test world in one line: enterprises, the assets, a credit line.
pub struct ExtBuilder {
	lines: Vec<(AccountId, AccountId, u32, Balance, u64)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		// Line 0: BANK → CORE, 1,000,000 minor units of CNY, valid for 365 days.
		Self { lines: vec![(BANK, CORE, CNY, 1_000_000, 365 * DAY)] }
	}
}

impl ExtBuilder {
	pub fn no_lines(mut self) -> Self {
		self.lines.clear();
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut world = World::<Test>::new(START)
			.settlement_asset(CNY, 1)
			.other_asset(USD, OPERATOR)
			.native(OPERATOR, 1_000_000)
			.native(BANK, 1_000_000)
			.enterprise(CORE, "Core Co.", roles(true, true, false))
			.enterprise(OTHER_CORE, "Other Core Co.", roles(true, false, false))
			.enterprise(SUPPLIER, "Supplier Co.", roles(false, true, false))
			.enterprise(BANK, "Bank", roles(false, false, true))
			.enterprise(OTHER_BANK, "Other Bank", roles(false, false, true));
		for (financier, core, asset, limit, valid_for) in self.lines {
			world = world.line(financier, core, asset, limit, valid_for);
		}
		world.build::<AllPalletsWithSystem>()
	}

	/// Build, run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			crate::Pallet::<Test>::do_try_state().expect("invariants hold");
		});
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// The events of this pallet, oldest first.
pub fn enterprise_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Enterprises(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Longest enterprise name in the tests.
pub type MaxNameLength = <Test as crate::Config>::MaxNameLength;
