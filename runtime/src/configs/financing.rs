use crate::{AssetId, Assets, Balance, Enterprises, Receivables, Runtime, Timestamp};
use frame_support::traits::ConstU32;

/// Financing programs, factoring and pledge loans over the receivables ledger.
impl pallet_financing::Config for Runtime {
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type Enterprises = Enterprises;
	type Notes = Receivables;
	type SettlementAssets = Enterprises;
	// Requests waiting for one bank's answer: each is O(1) to decline.
	type MaxRequestsPerFinancier = ConstU32<1024>;
	type Time = Timestamp;
	type WeightInfo = pallet_financing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CascadeBenchmarkHelper;
}
