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
	type Attestations = Enterprises;
	type Feeless = Enterprises;
	// Requests waiting for one bank's answer: each is O(1) to decline.
	type MaxRequestsPerFinancier = ConstU32<1024>;
	// Requests from any one holder waiting for one bank's review: a supplier's notes awaiting one
	// bank at once, far below the bank's 1,024, so no one holder fills them, and
	// `decline_all_from` clears one holder's in one bounded call.
	type MaxRequestsPerHolder = ConstU32<16>;
	type Time = Timestamp;
	type WeightInfo = pallet_financing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CascadeBenchmarkHelper;
}
