//! # Enterprises
//!
//! The registry of Cascade's participants and the financiers' credit lines (授信) to core
//! enterprises.
//!
//! - An enterprise is one account with a registered profile: name, unified social credit code
//!   (统一社会信用代码, unique, check character validated per GB 32100-2015), a set of roles
//!   (Core, Supplier, Financier) and a status (Active or Suspended). The Operator registers,
//!   re-roles, suspends and reinstates enterprises.
//! - A credit line is a signed Financier's commitment to a Core in one settlement asset: `limit`,
//!   `used`, `expires_at`. Receivables draw on it when issued and release it when repaid or
//!   cancelled, through [`cascade_primitives::CreditLineDraws`].
//!
//! - Settlement assets (the money) are created and minted by the Operator only and owned by this
//!   pallet's keyless account; lines (and, through [`cascade_primitives::SettlementAssets`],
//!   programs and receivables) exist only in them.
//!
//! Revoking a line stops new draws at once; receivables already drawn on it are unaffected and
//! release their face as they are repaid or cancelled, so `used` runs down to zero. A core has
//! at most `MaxLinesPerCore` lines in `LinesByCore`; a line leaves the index once it is revoked
//! (by its financier) or refused (by its core) with nothing drawn, so a core can always clear
//! lines it did not ask for, one `O(1)` call each.
//!
//! - Offices: the Operator makes an account (an enterprise or not) an Attestor (a bank or an
//!   admitted rating body) or a Registrar (the link to 动产融资统一登记公示系统). An Attestor
//!   attests an enterprise's tier (A–D) or green grade (DeepGreen, LightGreen, Yellow, Red) with
//!   an expiry; programs price by what is in force (see `attestations.rs`).
//!
//! - Feeless ledger work: an active enterprise's calls to the ledger go without fees, a bounded
//!   number a block (`feeless.rs`, the [`FeelessQuota`] transaction extension).
//!
//! Other pallets see this one through [`cascade_primitives::EnterpriseRegistry`],
//! [`cascade_primitives::CreditLineDraws`] and [`cascade_primitives::Attestations`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod attestations;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod credit_code;
mod credit_lines;
mod feeless;
mod queries;
mod registry;
mod settlement_assets;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(any(test, feature = "test-utils"))]
pub mod testing;
#[cfg(test)]
mod tests;

pub use credit_code::CreditCode;
pub use feeless::FeelessQuota;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Time},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::AtLeast32BitUnsigned;

	/// The balance type of the settlement assets.
	pub type BalanceOf<T> = <T as Config>::Balance;
	/// The credit line as stored.
	pub type CreditLineOf<T> =
		CreditLine<<T as frame_system::Config>::AccountId, <T as Config>::AssetId, BalanceOf<T>>;
	/// A credit line as the runtime API shows it.
	pub type LineInfoOf<T> =
		LineInfo<<T as frame_system::Config>::AccountId, <T as Config>::AssetId, BalanceOf<T>>;
	/// A genesis credit line: financier, core, asset, limit, validity after the first block (ms).
	pub type GenesisLineOf<T> = (
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		BalanceOf<T>,
		Moment,
	);
	/// The enterprise profile as stored.
	pub type EnterpriseOf<T> = Enterprise<<T as Config>::MaxNameLength>;
	/// An attestation as stored.
	pub type AttestationOf<T> =
		cascade_primitives::Attestation<<T as frame_system::Config>::AccountId>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Defaults for test runtimes (`#[derive_impl(config_preludes::TestDefaultConfig)]`): what
	/// depends on the runtime's other pallets (origin, assets, clock) stays with the mock.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, parameter_types, traits::ConstU32};

		pub struct TestDefaultConfig;

		parameter_types! {
			pub const TestPalletId: PalletId = PalletId(*b"cscd/ent");
		}

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type AssetId = u32;
			type Balance = u128;
			type PalletId = TestPalletId;
			type MaxLinesPerCore = ConstU32<8>;
			type MaxNameLength = ConstU32<64>;
			type MaxGenesisLines = ConstU32<8>;
			type FeelessPerBlock = ConstU32<3>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The consortium's Operator: registers, re-roles, suspends and reinstates enterprises.
		#[pallet::no_default]
		type OperatorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Identifier of a settlement asset.
		type AssetId: Parameter + Member + Copy + MaxEncodedLen + MaybeSerializeDeserialize;

		/// Amounts in a settlement asset's minor unit.
		type Balance: Parameter
			+ Member
			+ AtLeast32BitUnsigned
			+ Copy
			+ Default
			+ MaxEncodedLen
			+ MaybeSerializeDeserialize;

		/// The assets pallet that holds the settlement money: this pallet creates settlement
		/// assets in it (owned by its own account) and mints them.
		#[pallet::no_default]
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = Self::Balance>
			+ fungibles::Create<Self::AccountId>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::roles::Inspect<Self::AccountId>;

		/// Seeds the keyless account that owns the settlement assets.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Most credit lines one core has in `LinesByCore`.
		#[pallet::constant]
		type MaxLinesPerCore: Get<u32>;

		/// The chain's clock (milliseconds since the Unix epoch).
		#[pallet::no_default]
		type Time: Time<Moment = Moment>;

		/// Longest enterprise name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most credit lines in genesis (they are anchored to the first block's time).
		#[pallet::constant]
		type MaxGenesisLines: Get<u32>;

		/// Most calls to the ledger one enterprise makes without fees in one block; past that it
		/// pays as everyone else does.
		#[pallet::constant]
		type FeelessPerBlock: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from the rest of the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AssetId>;
	}

	/// What the benchmarks need from the rest of the runtime.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AssetId> {
		/// A settlement asset that exists (created if need be).
		fn settlement_asset() -> AssetId;
		/// An asset id no asset has.
		fn unused_asset() -> AssetId;
	}

	/// The registered enterprises, by account.
	#[pallet::storage]
	pub type Enterprises<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EnterpriseOf<T>, OptionQuery>;

	/// Which account holds each unified social credit code (they are unique).
	#[pallet::storage]
	pub type CreditCodes<T: Config> =
		StorageMap<_, Blake2_128Concat, CreditCode, T::AccountId, OptionQuery>;

	/// The credit lines, by id.
	#[pallet::storage]
	pub type CreditLines<T: Config> =
		StorageMap<_, Blake2_128Concat, LineId, CreditLineOf<T>, OptionQuery>;

	/// Index of credit lines by core enterprise.
	#[pallet::storage]
	pub type LinesByCore<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		LineId,
		(),
		OptionQuery,
	>;

	/// How many lines each core has in `LinesByCore` (at most `MaxLinesPerCore`).
	#[pallet::storage]
	pub type LinesPerCore<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The settlement assets: created by the Operator, owned by this pallet's account.
	#[pallet::storage]
	pub type SettlementAssets<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, (), OptionQuery>;

	/// The id the next credit line gets.
	#[pallet::storage]
	pub type NextLineId<T: Config> = StorageValue<_, LineId, ValueQuery>;

	/// Genesis credit lines whose `expires_at` still holds a duration, to be anchored to the
	/// first block's timestamp. Empty after block 1.
	#[pallet::storage]
	pub type UnanchoredLines<T: Config> =
		StorageValue<_, BoundedVec<LineId, T::MaxGenesisLines>, ValueQuery>;

	/// The offices the Operator granted: (account, office).
	#[pallet::storage]
	pub type Offices<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		cascade_primitives::Office,
		(),
		OptionQuery,
	>;

	/// The attestations in place: one per kind per enterprise (whether each counts is decided
	/// when it is read: its expiry and its attestor's office).
	#[pallet::storage]
	pub type EnterpriseAttestations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		cascade_primitives::AttestationKind,
		AttestationOf<T>,
		OptionQuery,
	>;

	/// Each enterprise's feeless calls: the block of the last and how many it made in that
	/// block (a count from an earlier block is zero).
	#[pallet::storage]
	pub type FeelessUsed<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (BlockNumberFor<T>, u32), OptionQuery>;

	/// The id the next attestation gets.
	#[pallet::storage]
	pub type NextAttestationId<T: Config> =
		StorageValue<_, cascade_primitives::AttestationId, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Enterprises: account, name, unified social credit code, roles.
		pub enterprises: Vec<(T::AccountId, Vec<u8>, CreditCode, Roles)>,
		/// Credit lines: financier, core, asset, limit, and how long after the first block's
		/// timestamp the line expires (ms). Ids count from 0 in this order.
		pub credit_lines: Vec<GenesisLineOf<T>>,
		/// Settlement assets, created in `Assets`' own genesis as sufficient assets owned by
		/// [`Pallet::account_id`] (checked here).
		pub settlement_assets: Vec<T::AssetId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use fungibles::roles::Inspect as _;
			for asset in &self.settlement_assets {
				assert!(
					T::Assets::owner(*asset) == Some(Pallet::<T>::account_id()),
					"a genesis settlement asset must exist, owned by the enterprises pallet"
				);
				SettlementAssets::<T>::insert(asset, ());
			}
			for (who, name, code, roles) in &self.enterprises {
				let name: BoundedVec<u8, T::MaxNameLength> =
					name.clone().try_into().expect("genesis enterprise name too long");
				Pallet::<T>::do_register(who.clone(), name, *code, *roles)
					.expect("genesis enterprise is valid");
			}
			let mut unanchored = BoundedVec::<LineId, T::MaxGenesisLines>::default();
			for (financier, core, asset, limit, valid_for) in &self.credit_lines {
				let line = Pallet::<T>::insert_line(
					financier.clone(),
					core.clone(),
					*asset,
					*limit,
					*valid_for,
				)
				.expect("genesis credit line is valid");
				unanchored.try_push(line).expect("more genesis lines than MaxGenesisLines");
			}
			UnanchoredLines::<T>::put(unanchored);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An enterprise was registered.
		Registered { who: T::AccountId, credit_code: CreditCode, roles: Roles },
		/// An enterprise's roles were replaced.
		RolesSet { who: T::AccountId, roles: Roles },
		/// An enterprise was suspended: it starts nothing new.
		Suspended { who: T::AccountId },
		/// A suspended enterprise was reinstated.
		Reinstated { who: T::AccountId },
		/// A financier granted a credit line to a core enterprise.
		CreditLineGranted {
			line: LineId,
			financier: T::AccountId,
			core: T::AccountId,
			asset: T::AssetId,
			limit: BalanceOf<T>,
			expires_at: Moment,
		},
		/// A credit line's limit was changed.
		CreditLimitSet { line: LineId, limit: BalanceOf<T> },
		/// A credit line was revoked: no new draws.
		CreditLineRevoked { line: LineId },
		/// A receivable drew on a credit line.
		CreditDrawn { line: LineId, amount: BalanceOf<T>, used: BalanceOf<T> },
		/// A repaid or cancelled receivable gave its face back to a credit line.
		CreditReleased { line: LineId, amount: BalanceOf<T>, used: BalanceOf<T> },
		/// A core refused a credit line it did not want; it left the core's lines.
		CreditLineRefused { line: LineId },
		/// The Operator created a settlement asset.
		SettlementAssetCreated { asset: T::AssetId, min_balance: BalanceOf<T> },
		/// The Operator minted settlement money.
		SettlementMinted { asset: T::AssetId, beneficiary: T::AccountId, amount: BalanceOf<T> },
		/// The Operator gave an account an office (Attestor, Registrar).
		RoleGranted { who: T::AccountId, role: cascade_primitives::Office },
		/// The Operator took an office from an account (an Attestor's attestations stop
		/// counting).
		RoleRevoked { who: T::AccountId, role: cascade_primitives::Office },
		/// An Attestor attested an enterprise's grade until `expires_at`; `replaced` is the
		/// attestation of that kind it replaces.
		Attested {
			enterprise: T::AccountId,
			attestation: cascade_primitives::AttestationId,
			grade: cascade_primitives::Grade,
			expires_at: Moment,
			attestor: T::AccountId,
			replaced: Option<cascade_primitives::AttestationId>,
		},
		/// An Attestor withdrew its attestation.
		AttestationRevoked {
			enterprise: T::AccountId,
			kind: cascade_primitives::AttestationKind,
			attestation: cascade_primitives::AttestationId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already registered.
		AlreadyRegistered,
		/// Another enterprise holds this unified social credit code.
		CreditCodeTaken,
		/// The unified social credit code is malformed or its check character is wrong.
		InvalidCreditCode,
		/// The name is empty.
		EmptyName,
		/// The role set is empty.
		NoRoles,
		/// The account is not a registered enterprise.
		NotRegistered,
		/// The enterprise is already suspended.
		AlreadySuspended,
		/// The enterprise is not suspended.
		NotSuspended,
		/// The caller is not an active enterprise with the Financier role.
		NotFinancier,
		/// The beneficiary is not an active enterprise with the Core role.
		NotCore,
		/// A financier cannot grant a credit line to itself.
		SelfCredit,
		/// The asset is not a settlement asset (created by the Operator).
		NotSettlementAsset,
		/// An asset with this id exists already.
		AssetExists,
		/// A settlement asset's minimum balance must be above zero.
		ZeroMinBalance,
		/// An amount must be above zero.
		ZeroAmount,
		/// The core already has `MaxLinesPerCore` credit lines.
		TooManyLines,
		/// The caller is not the core the line was granted to.
		NotLineCore,
		/// Something is drawn on the line: it cannot be refused.
		LineInUse,
		/// A limit must be above zero.
		ZeroLimit,
		/// The expiry is not in the future.
		ExpiryInPast,
		/// No credit line has this id.
		UnknownLine,
		/// The caller did not grant this credit line.
		NotLineFinancier,
		/// The credit line is revoked.
		LineRevoked,
		/// The credit line has expired.
		LineExpired,
		/// The credit line is in another settlement asset.
		AssetMismatch,
		/// The credit line has less room than the amount.
		CreditLineExceeded,
		/// A limit may not go below what is drawn.
		LimitBelowUsed,
		/// A suspended financier may lower or revoke its lines, not raise them.
		FinancierSuspended,
		/// More released than was drawn (never expected).
		ReleaseExceedsUsed,
		/// The account holds this office already.
		RoleHeld,
		/// The account does not hold this office.
		RoleNotHeld,
		/// The caller is not an Attestor.
		NotAttestor,
		/// An Attestor may not attest itself.
		SelfAttestation,
		/// The enterprise has no attestation of this kind.
		NoAttestation,
		/// Another Attestor made this attestation.
		NotAttestationAuthor,
		/// No attestation id is left (never expected).
		AttestationIdsExhausted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNameLength::get() > 0, "MaxNameLength must be above zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register an enterprise.
		///
		/// The origin must be the Operator.
		///
		/// - `who`: the enterprise's account.
		/// - `name`: its registered name (at most `MaxNameLength` bytes).
		/// - `credit_code`: its 18-character unified social credit code.
		/// - `roles`: the roles it plays.
		///
		/// Emits [`Event::Registered`].
		///
		/// Errors: [`Error::AlreadyRegistered`] if `who` is registered,
		/// [`Error::CreditCodeTaken`] if another enterprise holds the code,
		/// [`Error::InvalidCreditCode`] if the code's check character is wrong,
		/// [`Error::EmptyName`], [`Error::NoRoles`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			who: T::AccountId,
			name: BoundedVec<u8, T::MaxNameLength>,
			credit_code: CreditCode,
			roles: Roles,
		) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_register(who, name, credit_code, roles)
		}

		/// Replace an enterprise's roles.
		///
		/// The origin must be the Operator.
		///
		/// - `who`: a registered enterprise.
		/// - `roles`: its new roles (not empty).
		///
		/// Emits [`Event::RolesSet`].
		///
		/// Errors: [`Error::NotRegistered`], [`Error::NoRoles`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_roles())]
		pub fn set_roles(origin: OriginFor<T>, who: T::AccountId, roles: Roles) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_set_roles(who, roles)
		}

		/// Suspend an enterprise: it starts nothing new but still receives what it is owed.
		///
		/// The origin must be the Operator.
		///
		/// - `who`: an active registered enterprise.
		///
		/// Emits [`Event::Suspended`].
		///
		/// Errors: [`Error::NotRegistered`], [`Error::AlreadySuspended`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_set_status(who, Status::Suspended)
		}

		/// Reinstate a suspended enterprise.
		///
		/// The origin must be the Operator.
		///
		/// - `who`: a suspended enterprise.
		///
		/// Emits [`Event::Reinstated`].
		///
		/// Errors: [`Error::NotRegistered`], [`Error::NotSuspended`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_set_status(who, Status::Active)
		}

		/// Grant a credit line to a core enterprise. The new line's id is in the event.
		///
		/// The origin must be signed by an active Financier.
		///
		/// - `core`: an active Core enterprise other than the caller.
		/// - `asset`: a settlement asset.
		/// - `limit`: the most that may be drawn at once (above zero).
		/// - `expires_at`: no draw at or after this moment (ms, in the future).
		///
		/// Emits [`Event::CreditLineGranted`].
		///
		/// Errors: [`Error::NotFinancier`], [`Error::NotCore`], [`Error::SelfCredit`],
		/// [`Error::NotSettlementAsset`], [`Error::ZeroLimit`], [`Error::ExpiryInPast`],
		/// [`Error::TooManyLines`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::grant_credit_line())]
		pub fn grant_credit_line(
			origin: OriginFor<T>,
			core: T::AccountId,
			asset: T::AssetId,
			limit: BalanceOf<T>,
			expires_at: Moment,
		) -> DispatchResult {
			let financier = ensure_signed(origin)?;
			Self::do_grant_credit_line(financier, core, asset, limit, expires_at)
		}

		/// Change a credit line's limit.
		///
		/// The origin must be signed by the financier that granted the line. A suspended
		/// financier may only lower it.
		///
		/// - `line`: the credit line.
		/// - `limit`: the new limit (above zero, not below what is drawn).
		///
		/// Emits [`Event::CreditLimitSet`].
		///
		/// Errors: [`Error::UnknownLine`], [`Error::NotLineFinancier`], [`Error::LineRevoked`],
		/// [`Error::ZeroLimit`], [`Error::LimitBelowUsed`], [`Error::FinancierSuspended`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_credit_limit())]
		pub fn set_credit_limit(
			origin: OriginFor<T>,
			line: LineId,
			limit: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_credit_limit(who, line, limit)
		}

		/// Revoke a credit line: no new draws. Receivables already drawn on it are unaffected
		/// and release their face when repaid or cancelled; once nothing is drawn the line
		/// leaves the core's lines.
		///
		/// The origin must be signed by the financier that granted the line.
		///
		/// - `line`: the credit line.
		///
		/// Emits [`Event::CreditLineRevoked`].
		///
		/// Errors: [`Error::UnknownLine`], [`Error::NotLineFinancier`], [`Error::LineRevoked`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke_credit_line())]
		pub fn revoke_credit_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_credit_line(who, line)
		}

		/// Create a settlement asset in `Assets`: sufficient, owned by this pallet's keyless
		/// account (no signed account holds the owner's powers over it).
		///
		/// The origin must be the Operator.
		///
		/// - `asset`: an id no asset has.
		/// - `min_balance`: the asset's minimum balance (above zero).
		///
		/// Emits [`Event::SettlementAssetCreated`].
		///
		/// Errors: [`Error::AssetExists`], [`Error::ZeroMinBalance`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::create_settlement_asset())]
		pub fn create_settlement_asset(
			origin: OriginFor<T>,
			asset: T::AssetId,
			min_balance: BalanceOf<T>,
		) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_create_settlement_asset(asset, min_balance)
		}

		/// Mint settlement money to an account (the consortium's issuance of the settlement
		/// token against money held off chain).
		///
		/// The origin must be the Operator.
		///
		/// - `asset`: a settlement asset.
		/// - `beneficiary`: who receives it.
		/// - `amount`: how much (above zero; at least the asset's minimum balance for an
		///   account that holds none).
		///
		/// Emits [`Event::SettlementMinted`].
		///
		/// Errors: [`Error::NotSettlementAsset`], [`Error::ZeroAmount`], and the asset's errors.
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::mint_settlement())]
		pub fn mint_settlement(
			origin: OriginFor<T>,
			asset: T::AssetId,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_mint_settlement(asset, beneficiary, amount)
		}

		/// Refuse a credit line granted to the caller that it does not want: the line is
		/// revoked and leaves the caller's lines, so nobody can fill a core's lines unasked.
		///
		/// The origin must be signed by the line's core (active or suspended).
		///
		/// - `line`: a line granted to the caller with nothing drawn on it.
		///
		/// Emits [`Event::CreditLineRefused`].
		///
		/// Errors: [`Error::UnknownLine`], [`Error::NotLineCore`], [`Error::LineInUse`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::refuse_credit_line())]
		pub fn refuse_credit_line(origin: OriginFor<T>, line: LineId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_refuse_credit_line(who, line)
		}

		/// Give an account an office: `Attestor` (attests tiers and green grades) or `Registrar`
		/// (confirms that financings were registered). The account need not be an enterprise.
		///
		/// The origin must be the Operator.
		///
		/// - `who`: the account.
		/// - `role`: the office.
		///
		/// Emits [`Event::RoleGranted`].
		///
		/// Errors: [`Error::RoleHeld`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(
			origin: OriginFor<T>,
			who: T::AccountId,
			role: cascade_primitives::Office,
		) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_grant_role(who, role)
		}

		/// Take an office from an account. An Attestor's attestations stop counting at once (they
		/// stay on record).
		///
		/// The origin must be the Operator.
		///
		/// - `who`: the account.
		/// - `role`: the office it holds.
		///
		/// Emits [`Event::RoleRevoked`].
		///
		/// Errors: [`Error::RoleNotHeld`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(
			origin: OriginFor<T>,
			who: T::AccountId,
			role: cascade_primitives::Office,
		) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_revoke_role(who, role)
		}

		/// Attest an enterprise's grade until `expires_at`. `grade` names its kind
		/// (`Tier(A)`, `Green(DeepGreen)`); it replaces the enterprise's attestation of that kind.
		///
		/// The origin must be signed by an Attestor.
		///
		/// - `enterprise`: a registered enterprise other than the caller.
		/// - `grade`: the grade.
		/// - `expires_at`: it counts before this moment only (ms, in the future).
		///
		/// Emits [`Event::Attested`].
		///
		/// Errors: [`Error::NotAttestor`], [`Error::SelfAttestation`], [`Error::NotRegistered`],
		/// [`Error::ExpiryInPast`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			grade: cascade_primitives::Grade,
			expires_at: Moment,
		) -> DispatchResult {
			let attestor = ensure_signed(origin)?;
			Self::do_attest(attestor, enterprise, grade, expires_at)
		}

		/// Withdraw an attestation one made: from now on the enterprise has none of that kind.
		///
		/// The origin must be signed by the Attestor that made it (and is still an Attestor).
		///
		/// - `enterprise`: the attested enterprise.
		/// - `kind`: `Tier` or `Green`.
		///
		/// Emits [`Event::AttestationRevoked`].
		///
		/// Errors: [`Error::NotAttestor`], [`Error::NoAttestation`],
		/// [`Error::NotAttestationAuthor`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::revoke_attestation())]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			enterprise: T::AccountId,
			kind: cascade_primitives::AttestationKind,
		) -> DispatchResult {
			let attestor = ensure_signed(origin)?;
			Self::do_revoke_attestation(attestor, enterprise, kind)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The pallet's invariants:
		///
		/// - every enterprise's credit code maps back to it in `CreditCodes`, and every entry of
		///   `CreditCodes` names an enterprise with that code;
		/// - every enterprise has a non-empty name and role set and a valid credit code;
		/// - every enterprise's account exists (registration gives it a provider reference);
		/// - every credit line has `used ≤ limit` and an id below `NextLineId`;
		/// - `LinesByCore` holds exactly the (core, line) pairs of the stored lines that are not
		///   retired (revoked with nothing drawn), and `LinesPerCore` counts them per core,
		///   within `MaxLinesPerCore`;
		/// - every settlement asset exists and is owned by this pallet's account;
		/// - every attestation is stored under its grade's kind, has an id below
		///   `NextAttestationId`, expires after it was made, and is of a registered enterprise.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			for (who, e) in Enterprises::<T>::iter() {
				ensure!(
					CreditCodes::<T>::get(e.credit_code).as_ref() == Some(&who),
					"credit code does not map back to its enterprise"
				);
				ensure!(!e.name.is_empty(), "enterprise with an empty name");
				ensure!(!e.roles.is_empty(), "enterprise with no roles");
				ensure!(credit_code::is_valid(&e.credit_code), "enterprise with an invalid code");
				ensure!(
					frame_system::Pallet::<T>::providers(&who) > 0,
					"a registered enterprise's account does not exist"
				);
			}
			for (code, who) in CreditCodes::<T>::iter() {
				let e = Enterprises::<T>::get(&who).ok_or("credit code of an unknown account")?;
				ensure!(e.credit_code == code, "credit code index disagrees with the profile");
			}
			let next = NextLineId::<T>::get();
			let mut lines = 0u64;
			for (id, line) in CreditLines::<T>::iter() {
				ensure!(id < next, "credit line id at or above NextLineId");
				ensure!(line.used <= line.limit, "credit line used above its limit");
				ensure!(
					LinesByCore::<T>::contains_key(&line.core, id) != line.is_retired(),
					"LinesByCore disagrees with a line's standing"
				);
				if !line.is_retired() {
					lines += 1;
				}
			}
			let mut indexed = 0u64;
			for (core, id, ()) in LinesByCore::<T>::iter() {
				let line = CreditLines::<T>::get(id).ok_or("LinesByCore names an unknown line")?;
				ensure!(line.core == core, "LinesByCore names the wrong core");
				indexed += 1;
			}
			ensure!(lines == indexed, "LinesByCore and CreditLines differ in size");
			let mut counted = 0u64;
			for (core, n) in LinesPerCore::<T>::iter() {
				ensure!(n > 0, "LinesPerCore holds a zero");
				ensure!(n <= T::MaxLinesPerCore::get(), "a core has more than MaxLinesPerCore");
				ensure!(
					LinesByCore::<T>::iter_prefix(&core).count() as u32 == n,
					"LinesPerCore miscounts a core's lines"
				);
				counted += n as u64;
			}
			ensure!(counted == indexed, "LinesPerCore misses a core");
			for (asset, ()) in SettlementAssets::<T>::iter() {
				use fungibles::roles::Inspect as _;
				ensure!(
					T::Assets::owner(asset) == Some(Self::account_id()),
					"a settlement asset is not owned by the enterprises pallet"
				);
			}
			Self::check_attestations()
		}

		/// The attestations' part of [`Self::do_try_state`].
		pub fn check_attestations() -> Result<(), sp_runtime::TryRuntimeError> {
			let next = NextAttestationId::<T>::get();
			for (who, kind, a) in EnterpriseAttestations::<T>::iter() {
				ensure!(a.grade.kind() == kind, "an attestation is stored under another kind");
				ensure!(a.id < next, "attestation id at or above NextAttestationId");
				ensure!(a.attested_at < a.expires_at, "an attestation expires before it was made");
				ensure!(
					Enterprises::<T>::contains_key(&who),
					"an attestation of an unknown account"
				);
			}
			Ok(())
		}
	}
}
