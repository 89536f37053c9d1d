use crate::{Aura, Enterprises, Moment, Runtime, SLOT_DURATION};
use frame_support::traits::ConstU64;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch: receivables' maturities are in this unit.
	type Moment = Moment;
	// Enterprises anchors the genesis credit lines' expiry to the first block's time.
	type OnTimestampSet = (Aura, Enterprises);
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	// Priced with the runtime's DbWeight (the default `()` prices storage as RocksDB).
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
