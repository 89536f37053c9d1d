use crate::{AssetId, Assets, Balance, Runtime, Timestamp};
use frame_support::{parameter_types, traits::ConstU32, PalletId};

parameter_types! {
	/// Seeds the keyless account that owns the settlement assets.
	pub const EnterprisesPalletId: PalletId = PalletId(*b"cscd/ent");
}

/// The registry, the credit lines and the settlement assets. The Operator is a council
/// supermajority.
impl pallet_enterprises::Config for Runtime {
	type OperatorOrigin = super::council::CouncilSupermajority;
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type PalletId = EnterprisesPalletId;
	// Banks per core enterprise: a consortium has a handful; 32 leaves room and bounds reads.
	type MaxLinesPerCore = ConstU32<32>;
	type Time = Timestamp;
	type MaxNameLength = ConstU32<128>;
	type MaxGenesisLines = ConstU32<16>;
	// An enterprise's ledger calls are free up to this many a block (a supplier's working day
	// spreads over blocks); beyond, it pays like anyone.
	type FeelessPerBlock = ConstU32<16>;
	type WeightInfo = pallet_enterprises::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CascadeBenchmarkHelper;
}
