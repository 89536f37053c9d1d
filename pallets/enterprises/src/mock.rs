//! A test runtime: System, Timestamp, Balances, Assets (asset 1 exists) and Enterprises.

use crate::{self as pallet_enterprises, credit_code, CreditCode, Roles};
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::BuildStorage;

/// Wide enough that escrow sub-accounts (`modl` + pallet id + receivable id) do not truncate
/// to one account, as they would in a `u64`.
pub type AccountId = u128;
pub type Balance = u128;

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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type Enterprises = pallet_enterprises;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = Enterprises;
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
}

parameter_types! {
	pub const MaxNameLength: u32 = 64;
	pub const EnterprisesPalletId: frame_support::PalletId = frame_support::PalletId(*b"cscd/ent");
}

/// Most lines per core in the tests: small, so the bound is easy to reach.
pub const MAX_LINES: u32 = 4;

impl crate::Config for Test {
	type OperatorOrigin = EnsureRoot<AccountId>;
	type AssetId = u32;
	type Balance = Balance;
	type Assets = Assets;
	type PalletId = EnterprisesPalletId;
	type MaxLinesPerCore = ConstU32<MAX_LINES>;
	type Time = Timestamp;
	type MaxNameLength = MaxNameLength;
	type MaxGenesisLines = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = AssetOne;
}

/// In the mock, asset 1 (CNY) exists from genesis.
#[cfg(feature = "runtime-benchmarks")]
pub struct AssetOne;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u32> for AssetOne {
	fn settlement_asset() -> u32 {
		CNY
	}
	fn unused_asset() -> u32 {
		77
	}
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
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: vec![(OPERATOR, 1_000_000), (BANK, 1_000_000)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_assets::GenesisConfig::<Test> {
			assets: vec![
				(CNY, crate::Pallet::<Test>::account_id(), true, 1),
				(USD, OPERATOR, true, 1),
			],
			metadata: vec![],
			accounts: vec![],
			next_asset_id: None,
			reserves: vec![],
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_enterprises::GenesisConfig::<Test> {
			enterprises: vec![
				(CORE, b"Core Co.".to_vec(), code(1), roles(true, true, false)),
				(OTHER_CORE, b"Other Core Co.".to_vec(), code(2), roles(true, false, false)),
				(SUPPLIER, b"Supplier Co.".to_vec(), code(3), roles(false, true, false)),
				(BANK, b"Bank".to_vec(), code(4), roles(false, false, true)),
				(OTHER_BANK, b"Other Bank".to_vec(), code(5), roles(false, false, true)),
			],
			credit_lines: self.lines,
			settlement_assets: vec![CNY],
		}
		.assimilate_storage(&mut storage)
		.unwrap();

		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(START);
		});
		ext
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
