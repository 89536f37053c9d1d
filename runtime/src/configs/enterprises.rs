use crate::{AccountId, AssetId, Assets, Balance, Runtime, Timestamp};
use frame_support::traits::ConstU32;
use frame_system::EnsureRoot;

/// The registry and the credit lines. The Operator is Root (Sudo on dev chains).
impl pallet_enterprises::Config for Runtime {
	type OperatorOrigin = EnsureRoot<AccountId>;
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type Time = Timestamp;
	type MaxNameLength = ConstU32<128>;
	type MaxGenesisLines = ConstU32<16>;
	type WeightInfo = pallet_enterprises::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CascadeBenchmarkHelper;
}
