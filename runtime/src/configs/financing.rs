use crate::{AssetId, Assets, Balance, Enterprises, Receivables, Runtime, Timestamp};

/// Financing programs, factoring and pledge loans over the receivables ledger.
impl pallet_financing::Config for Runtime {
	type AssetId = AssetId;
	type Balance = Balance;
	type Assets = Assets;
	type Enterprises = Enterprises;
	type Notes = Receivables;
	type Time = Timestamp;
	type WeightInfo = pallet_financing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CascadeBenchmarkHelper;
}
