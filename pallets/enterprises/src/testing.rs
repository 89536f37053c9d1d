//! The one test world of Cascade's pallets (feature `test-utils`): a builder for the enterprises,
//! their roles, the settlement assets, the money and the credit lines a test starts from, and
//! [`impl_test_runtime!`](crate::impl_test_runtime), which gives a mock runtime the pallets every
//! mock shares (System, Timestamp, Balances, Assets, optionally Enterprises) so that each mock
//! writes only its own pallet's `Config`.
//!
//! ```ignore
//! pallet_enterprises::impl_test_runtime!(Test, with_enterprises);
//! let ext = World::<Test>::new(START)
//!     .settlement_asset(CNY, 1)
//!     .core(CORE, "Core Co.")
//!     .supplier(T1, "Tier 1")
//!     .financier(BANK, "Bank")
//!     .money(CNY, CORE, 1_000_000)
//!     .line(BANK, CORE, CNY, 500_000, 365 * DAY)
//!     .build();
//! ```

use crate::{credit_code, Config, GenesisLineOf, Pallet, Roles};
use alloc::vec::Vec;
use cascade_primitives::Moment;
use frame_support::traits::OnGenesis;
use sp_runtime::{BuildStorage, Storage};

/// The account and balance types of every mock runtime (`u128`: wide enough that escrow
/// sub-accounts — `modl` + pallet id + receivable id — do not truncate to one account, as they
/// would in a `u64`).
pub type AccountId = u128;
pub type Balance = u128;

/// A test world, built into the genesis storage of a mock runtime `T`.
pub struct World<T: Config> {
	start: Moment,
	enterprises: Vec<(T::AccountId, Vec<u8>, Roles)>,
	settlement_assets: Vec<(T::AssetId, T::Balance)>,
	other_assets: Vec<(T::AssetId, T::AccountId)>,
	money: Vec<(T::AssetId, T::AccountId, T::Balance)>,
	native: Vec<(T::AccountId, Balance)>,
	lines: Vec<GenesisLineOf<T>>,
}

impl<T> World<T>
where
	T: Config
		+ pallet_balances::Config<Balance = Balance>
		+ pallet_assets::Config<AssetId = <T as Config>::AssetId, Balance = <T as Config>::Balance>
		+ pallet_timestamp::Config<Moment = Moment>,
{
	/// An empty world whose chain time is `start` (ms) at block 1.
	pub fn new(start: Moment) -> Self {
		Self {
			start,
			enterprises: Vec::new(),
			settlement_assets: Vec::new(),
			other_assets: Vec::new(),
			money: Vec::new(),
			native: Vec::new(),
			lines: Vec::new(),
		}
	}

	/// Registers `who` with `roles`. The n-th enterprise registered (from 1) gets the credit
	/// code `credit_code::numbered(n)`.
	pub fn enterprise(mut self, who: T::AccountId, name: &str, roles: Roles) -> Self {
		self.enterprises.push((who, name.as_bytes().to_vec(), roles));
		self
	}

	/// A core enterprise (and nothing else).
	pub fn core(self, who: T::AccountId, name: &str) -> Self {
		self.enterprise(who, name, Roles { core: true, supplier: false, financier: false })
	}

	/// A supplier (and nothing else).
	pub fn supplier(self, who: T::AccountId, name: &str) -> Self {
		self.enterprise(who, name, Roles { core: false, supplier: true, financier: false })
	}

	/// A financier (and nothing else).
	pub fn financier(self, who: T::AccountId, name: &str) -> Self {
		self.enterprise(who, name, Roles { core: false, supplier: false, financier: true })
	}

	/// A settlement asset (owned by the enterprises pallet's account, as the Operator's are)
	/// with `min_balance`.
	pub fn settlement_asset(
		mut self,
		id: <T as Config>::AssetId,
		min_balance: <T as Config>::Balance,
	) -> Self {
		self.settlement_assets.push((id, min_balance));
		self
	}

	/// An asset `owner` created: it exists, but it is no settlement asset.
	pub fn other_asset(mut self, id: <T as Config>::AssetId, owner: T::AccountId) -> Self {
		self.other_assets.push((id, owner));
		self
	}

	/// `who` holds `amount` of `asset` at the start.
	pub fn money(
		mut self,
		asset: <T as Config>::AssetId,
		who: T::AccountId,
		amount: <T as Config>::Balance,
	) -> Self {
		self.money.push((asset, who, amount));
		self
	}

	/// `who` holds `amount` of the native token at the start.
	pub fn native(mut self, who: T::AccountId, amount: Balance) -> Self {
		self.native.push((who, amount));
		self
	}

	/// A credit line from `financier` to `core` in `asset`, expiring `valid_for` ms after the
	/// start. Line ids count from 0 in this order.
	pub fn line(
		mut self,
		financier: T::AccountId,
		core: T::AccountId,
		asset: <T as Config>::AssetId,
		limit: <T as Config>::Balance,
		valid_for: Moment,
	) -> Self {
		self.lines.push((financier, core, asset, limit, valid_for));
		self
	}

	/// The genesis storage of System, Balances, Assets and Enterprises for this world.
	pub fn storage(&self) -> Storage {
		let mut storage =
			frame_system::GenesisConfig::<T>::default().build_storage().expect("system genesis");
		pallet_balances::GenesisConfig::<T> { balances: self.native.clone(), ..Default::default() }
			.assimilate_storage(&mut storage)
			.expect("balances genesis");
		let owner = Pallet::<T>::account_id();
		let assets = self
			.settlement_assets
			.iter()
			.map(|(id, min)| (*id, owner.clone(), true, *min))
			.chain(self.other_assets.iter().map(|(id, who)| (*id, who.clone(), true, 1u32.into())))
			.collect();
		pallet_assets::GenesisConfig::<T> {
			assets,
			metadata: Vec::new(),
			accounts: self.money.clone(),
			next_asset_id: None,
			reserves: Vec::new(),
		}
		.assimilate_storage(&mut storage)
		.expect("assets genesis");
		crate::GenesisConfig::<T> {
			enterprises: self
				.enterprises
				.iter()
				.enumerate()
				.map(|(i, (who, name, roles))| {
					(who.clone(), name.clone(), credit_code::numbered(i as u32 + 1), roles.clone())
				})
				.collect(),
			credit_lines: self.lines.clone(),
			settlement_assets: self.settlement_assets.iter().map(|(id, _)| *id).collect(),
		}
		.assimilate_storage(&mut storage)
		.expect("enterprises genesis");
		storage
	}

	/// The world's externalities, with `more` genesis (the pallets above Enterprises) added: at
	/// block 1, at the start time, every pallet of `AllPallets` at its current storage version (as
	/// a chain's genesis leaves it).
	pub fn build_with<AllPallets: OnGenesis>(
		self,
		more: &[&dyn BuildStorage],
	) -> sp_io::TestExternalities {
		let mut storage = self.storage();
		for genesis in more {
			genesis.assimilate_storage(&mut storage).expect("genesis");
		}
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			AllPallets::on_genesis();
			frame_system::Pallet::<T>::set_block_number(1u32.into());
			pallet_timestamp::Pallet::<T>::set_timestamp(self.start);
		});
		ext
	}

	/// [`Self::build_with`] without more genesis.
	pub fn build<AllPallets: OnGenesis>(self) -> sp_io::TestExternalities {
		self.build_with::<AllPallets>(&[])
	}
}

/// What the benchmarks of every mock ask of the enterprises pallet: settlement asset 1 exists.
#[cfg(feature = "runtime-benchmarks")]
pub struct AssetOne;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u32> for AssetOne {
	fn settlement_asset() -> u32 {
		1
	}
	fn unused_asset() -> u32 {
		77
	}
}

/// Implements, for the mock runtime `$runtime`, the `Config` of the pallets every mock shares —
/// System, Timestamp (telling `Enterprises` the time), Balances and Assets — with
/// [`AccountId`] and [`Balance`]; `with_enterprises` adds Enterprises (its test defaults, root as
/// the Operator). The runtime must name these pallets `System`, `Timestamp`, `Balances`, `Assets`
/// and `Enterprises`.
#[macro_export]
macro_rules! impl_test_runtime {
	($runtime:ty) => {
		#[frame_support::derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $runtime {
			type Block = frame_system::mocking::MockBlock<$runtime>;
			type AccountId = $crate::testing::AccountId;
			type Lookup = sp_runtime::traits::IdentityLookup<$crate::testing::AccountId>;
			type AccountData = pallet_balances::AccountData<$crate::testing::Balance>;
		}

		impl pallet_timestamp::Config for $runtime {
			type Moment = u64;
			type OnTimestampSet = Enterprises;
			type MinimumPeriod = frame_support::traits::ConstU64<1>;
			type WeightInfo = ();
		}

		#[frame_support::derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $runtime {
			type Balance = $crate::testing::Balance;
			type AccountStore = System;
		}

		#[frame_support::derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
		impl pallet_assets::Config for $runtime {
			type Balance = $crate::testing::Balance;
			type Currency = Balances;
			type CreateOrigin = frame_support::traits::AsEnsureOriginWithArg<
				frame_system::EnsureSigned<$crate::testing::AccountId>,
			>;
			type ForceOrigin = frame_system::EnsureRoot<$crate::testing::AccountId>;
			type Freezer = ();
		}
	};
	($runtime:ty, with_enterprises) => {
		$crate::impl_test_runtime!($runtime);

		#[frame_support::derive_impl($crate::config_preludes::TestDefaultConfig)]
		impl $crate::Config for $runtime {
			type OperatorOrigin = frame_system::EnsureRoot<$crate::testing::AccountId>;
			type Assets = Assets;
			type Time = Timestamp;
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = $crate::testing::AssetOne;
		}
	};
}
