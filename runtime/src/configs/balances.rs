use crate::{
	Balance, Runtime, RuntimeFreezeReason, RuntimeHoldReason, System, EXISTENTIAL_DEPOSIT,
};
use frame_support::traits::{ConstU128, ConstU32, VariantCountOf};

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}
