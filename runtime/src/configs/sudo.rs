use crate::{Runtime, RuntimeCall};

/// Sudo is the consortium Operator on dev chains; a council can take its place later.
impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
