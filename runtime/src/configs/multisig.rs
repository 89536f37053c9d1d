use crate::{Balance, Balances, Runtime, RuntimeCall, System, MILLI_UNIT};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Reserved while a multisig operation waits: one storage item of ~88 bytes.
	pub const MultisigDepositBase: Balance = 10 * MILLI_UNIT;
	/// Reserved per signatory of a waiting operation.
	pub const MultisigDepositFactor: Balance = MILLI_UNIT;
}

/// Each institution's maker-checker: an enterprise or a council seat may be an m-of-n multisig
/// of its officers, so no one officer issues, repays or votes alone.
impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<16>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}
