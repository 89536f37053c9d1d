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
