use crate::{Runtime, RuntimeCall};
use frame_support::traits::{ConstU32, Contains};
use pallet_tx_pause::RuntimeCallNameOf;

/// The pallets whose calls the brake never stops: governance (the council, its seats, its way
/// to Root, the validator set and session keys, the institutions' multisigs, and Utility's
/// batches, whose every inner call still passes the brake's filter), block production (System,
/// Timestamp) and fees. TxPause itself cannot be paused either.
pub struct Unpausable;
impl Contains<RuntimeCallNameOf<Runtime>> for Unpausable {
	fn contains((pallet, _call): &RuntimeCallNameOf<Runtime>) -> bool {
		matches!(
			pallet.as_slice(),
			b"System"
				| b"Timestamp"
				| b"Council" | b"CouncilMembership"
				| b"CouncilRoot"
				| b"Validators"
				| b"Session" | b"Multisig"
				| b"Utility"
		)
	}
}

/// The emergency brake: the council pauses single calls (e.g. `Receivables.issue`) and resumes
/// them; paused calls are refused by the runtime's call filter before they run.
impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = super::council::CouncilSupermajority;
	type UnpauseOrigin = super::council::CouncilSupermajority;
	type WhitelistedCalls = Unpausable;
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = pallet_tx_pause::weights::SubstrateWeight<Runtime>;
}
