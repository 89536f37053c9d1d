use crate::{AccountId, AssetId, Balance, Balances, Runtime, MILLI_UNIT};
use frame_support::traits::NeverEnsureOrigin;
use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;

parameter_types! {
	pub const AssetDeposit: Balance = 10 * MILLI_UNIT;
	pub const AssetAccountDeposit: Balance = MILLI_UNIT;
	pub const MetadataDepositBase: Balance = MILLI_UNIT;
	pub const MetadataDepositPerByte: Balance = MILLI_UNIT / 100;
	pub const ApprovalDeposit: Balance = MILLI_UNIT;
}

/// `Assets` holds the settlement money (CNY in the demo world). No signed account creates
/// assets: settlement assets are created by the Operator through
/// `Enterprises::create_settlement_asset`, sufficient (escrow and supplier accounts hold them
/// without any native balance) and owned by the enterprises pallet's keyless account, so no
/// key holds the asset owner's powers over escrow. `force_*` calls stay with Root, which only a
/// council supermajority reaches (`CouncilRoot`).
impl pallet_assets::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = NeverEnsureOrigin<AccountId>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
