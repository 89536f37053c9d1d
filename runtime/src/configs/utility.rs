use crate::{OriginCaller, Runtime, RuntimeCall, RuntimeEvent};

/// Batches: a council member closes a motion and proposes the next in one transaction; an
/// enterprise sends several ledger calls at once. Every call in a batch passes the same call
/// filter (the emergency brake) as if sent alone, with the sender's own origin.
impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

/// Feeless ledger work (pallet-enterprises' FeelessQuota decides and counts): the skipped fees
/// show as `FeeSkipped` events.
impl pallet_skip_feeless_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
}
