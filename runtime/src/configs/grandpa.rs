use crate::Runtime;
use frame_support::traits::{ConstU32, ConstU64};
use sp_core::Void;

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No session pallet: equivocations are not reported on chain.
	type KeyOwnerProof = Void;
	type EquivocationReportSystem = ();
}
