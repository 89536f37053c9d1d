use crate::{opaque::SessionKeys, AccountId, Balances, BlockNumber, Runtime, Session, MINUTES};
use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::traits::ConvertInto;

parameter_types! {
	/// One session a minute on a 6-second network: a validator the council admits (or removes)
	/// takes (or leaves) its seat within two to three minutes.
	pub const SessionPeriod: BlockNumber = MINUTES;
	pub const SessionOffset: BlockNumber = 0;
}

/// Aura's and GRANDPA's authorities come from Session, which takes the set from `Validators`.
impl pallet_session::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = crate::Validators;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// A permissioned network: misbehaving validators are removed by the council, not slashed.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	// Keys are registered by operators the council then admits: no deposit.
	type KeyDeposit = ();
}

/// The governed validator set: admitted and removed by the Operator, at least three kept.
impl pallet_validators::Config for Runtime {
	type OperatorOrigin = super::council::CouncilSupermajority;
	type KeysRegistered = Session;
	// Aura's and GRANDPA's MaxAuthorities.
	type MaxValidators = ConstU32<32>;
	type MinValidators = ConstU32<3>;
	type WeightInfo = pallet_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CascadeBenchmarkHelper;
}
