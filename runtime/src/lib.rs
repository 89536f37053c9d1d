//! The Cascade runtime: a supply-chain-finance ledger.
//!
//! System, Timestamp, Balances (fees), TransactionPayment, the governed validator set (Validators,
//! Session, Aura, Grandpa), the consortium's governance (Council, CouncilMembership, CouncilRoot,
//! Multisig, TxPause) and Assets (settlement money) around Cascade's own pallets.
//!
//! ## Who may do what: no single key
//!
//! There is no Sudo. The consortium's Operator is the `Council`: a motion carried by at least two
//! thirds of its members ([`configs::CouncilSupermajority`]). Each power takes one of two paths:
//!
//! | power | path | why |
//! |---|---|---|
//! | register, re-role, suspend enterprises; set parameters; freeze notes; create and mint settlement assets | the pallets' `OperatorOrigin` = council supermajority | Cascade's own calls name their origin |
//! | admit and remove validators (`Validators`) | `OperatorOrigin` = council supermajority | a small pallet of ours, same rule |
//! | council seats (`CouncilMembership`) | every origin of the membership pallet = council supermajority; `Council.set_members` is disabled | only the council changes the council |
//! | pause and resume calls (`TxPause`) | Pause/UnpauseOrigin = council supermajority; governance, System, Timestamp never pausable | an emergency brake must not lock the council out |
//! | runtime upgrade (`System.authorize_upgrade`), other System code/storage calls, `Balances`/`Assets` `force_*` | Root, reached only by `CouncilRoot.dispatch_as_root` from a council supermajority | FRAME hard-codes Root for these; the glue hands Root to the vote and to nothing else |
//!
//! A carried upgrade motion only *authorizes* a code hash; anyone then submits the code with
//! `System.apply_authorized_upgrade`, and the chain carries on under the new runtime without a
//! restart.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-style macros expand to large types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types for the node: it needs to know the block format, not the calls inside.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

#[cfg(not(feature = "upgrade-test"))]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("cascade"),
	impl_name: alloc::borrow::Cow::Borrowed("cascade-node"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The same runtime one spec version up: what the upgrade tests vote in (the `upgrade-test`
/// feature, built into its own target folder by the test script).
#[cfg(feature = "upgrade-test")]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("cascade"),
	impl_name: alloc::borrow::Cow::Borrowed("cascade-node"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time of a real network (Aura slot).
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration. It cannot change once a chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Block numbers per unit of time, at the real network's block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// Milliseconds of `pallet_timestamp` time.
pub const MILLIS_PER_DAY: u64 = 24 * 60 * 60 * 1000;

/// The native token (fees only): 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
pub const MILLI_UNIT: Balance = 1_000_000_000;
pub const MICRO_UNIT: Balance = 1_000_000;
/// Existential deposit of the native token.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The settlement asset of the demo world: CNY, 2 decimals (分).
pub const CNY: AssetId = 1;
/// One yuan in minor units.
pub const YUAN: Balance = 100;

/// Signature of a transaction.
pub type Signature = MultiSignature;
/// An account: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance of the native token or of an asset.
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// A hash of some data.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// Identifier of an asset in `Assets`.
pub type AssetId = u32;
/// A `pallet_timestamp` moment: milliseconds since the Unix epoch.
pub type Moment = u64;
/// The address format of a transaction's sender.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions: the stock ones, so polkadot.js needs no type configuration.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// Registered, active enterprises' ledger calls pay no fee (a bounded number a block, counted
	// by FeelessQuota); everyone else's do. Both encode to what they wrap, or to nothing.
	pallet_skip_feeless_payment::SkipCheckIfFeeless<
		Runtime,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	>,
	pallet_enterprises::FeelessQuota<Runtime>,
	// A wallet may have the chain check the metadata it signed with (RFC 78): what it showed is
	// what the call means.
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as the runtime sees it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations beyond the pallets' own.
type Migrations = ();

/// Dispatches to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Before Session: its genesis hands Session the first validator set.
	#[runtime::pallet_index(4)]
	pub type Validators = pallet_validators;

	// Before Aura and Grandpa: a new session hands them their authorities.
	#[runtime::pallet_index(5)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(6)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(7)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(8)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(9)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	#[runtime::pallet_index(10)]
	pub type CouncilRoot = pallet_council_root;

	#[runtime::pallet_index(11)]
	pub type Multisig = pallet_multisig;

	#[runtime::pallet_index(12)]
	pub type TxPause = pallet_tx_pause;

	#[runtime::pallet_index(13)]
	pub type Assets = pallet_assets;

	#[runtime::pallet_index(14)]
	pub type Enterprises = pallet_enterprises;

	#[runtime::pallet_index(15)]
	pub type Receivables = pallet_receivables;

	#[runtime::pallet_index(16)]
	pub type Financing = pallet_financing;

	#[runtime::pallet_index(17)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(18)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;
}
