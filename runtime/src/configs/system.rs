use crate::{
	AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask, VERSION,
};
use frame_support::{derive_impl, dispatch::DispatchClass, parameter_types, weights::Weight};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: crate::BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// Two seconds of compute in a six-second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(
			2u64 * frame_support::weights::constants::WEIGHT_REF_TIME_PER_SECOND,
			u64::MAX,
		),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks, three quarters of it for normal transactions.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// The generic Substrate address format.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// Storage priced for the node's own database, ParityDB, as the SDK's storage benchmark
	// measured it on a ledger of 100,000 notes (scripts/load/storage-weights.sh; README
	// "Weights": the average doubled, writes committed a thousand at a time).
	type DbWeight = super::paritydb_weights::constants::ParityDbWeight;
	// What every signed transaction's extensions (nonce, mortality, genesis, weight reclaim …)
	// cost, priced with `DbWeight` like everything else: the default `()` prices their four reads
	// and two writes as RocksDB (25 µs a read, 100 µs a write) whatever the database — 327 µs a
	// transaction instead of 132 µs.
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
	type PalletInfo = PalletInfo;
	// The emergency brake: calls the council paused are refused before they run.
	type BaseCallFilter = crate::TxPause;
}
