//! # Financing
//!
//! Core-company credit down the chain: a tier-N supplier holding a note gets cash before
//! maturity at the price of the core enterprise's credit, not its own.
//!
//! - A financier opens a **program**: "I finance any note in `asset` whose obligor is `core`,
//!   at this rate, up to this budget". Any holder takes it with `finance`, at once.
//! - Without a program, a holder `request`s financing at a proposed rate; the financier
//!   `approve`s or `decline`s, the holder may `withdraw`.
//! - **Factoring** sells the note to the financier; the seller is paid the discounted price in
//!   the same call (delivery versus payment). With recourse, if the receivable goes overdue the
//!   financier may `exercise_recourse`: the note returns to the seller, who owes the advance plus
//!   interest — for the note's unpaid part only — and pays at once what its balance allows; the
//!   rest is a claim to `settle_claim`. A factor holding a note receives its shares as they are
//!   paid; the factoring closes with the last.
//! - A **pledge** locks the note and lends the discounted price to the holder. The borrower
//!   `repay_loan`s before or after maturity (interest to the day of payment) and the note is
//!   released; once the receivable is overdue the lender may `call_loan`: the debt becomes a
//!   claim and the note stays pledged as security. Every payout on the note (its pro-rata
//!   share when the core pays in parts, or the rest) pays the lender first, through the
//!   receivables pallet's [`cascade_primitives::RedeemHook`]: a share short of the loan pays it
//!   down, interest first ([`LoanBalance`]); the share that covers it closes the loan and
//!   releases the note to its borrower (rules in `loans.rs`).
//!   No pledge is ever stuck: whatever the receivable does, the borrower can repay or settle,
//!   and the lender can call.
//! - Only a change of owner ends a factoring early (`SoldOn`, when the factor sells the note on
//!   through a new factoring); a factor that pledges a note it bought keeps its recourse.
//!
//! Pricing is [`cascade_primitives::pricing`]: actual/360, whole days to maturity rounded up,
//! interest rounded up (so splitting a note never raises what its pieces fetch). A program may
//! price by who the seller is (`set_program_pricing`, rules in `terms.rs`): rate adjustments
//! per tier and green grade attested in the enterprises pallet, a limit per tier on what one
//! seller may have drawn, and an advance rate — a pledge lends that share of the note, a
//! factoring pays it now and the rest (the reserve) to the seller as the note is paid. A program's
//! budget falls by what it advances and recovers when that money comes back (redemption, loan
//! repayment, recourse or claim paid). A suspended financier's programs finance nothing new.
//!
//! Money moves from payers with `Preservation::Preserve` where the payer pays "what it can"
//! (recourse, claims), so no account is reaped and no dust is destroyed.
//!
//! Limitation: a factored note that its factor splits or passes on outside a financing is no
//! longer tracked by its factoring; the program's budget then recovers only through recourse,
//! not redemption.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod finance;
mod indexes;
mod invariants;
mod loans;
mod programs;
mod queries;
mod recourse;
mod requests;
mod terms;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use terms::{PricingOf, TermsOf};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cascade_primitives::{Attestations, EnterpriseRegistry, NoteLedger, SettlementAssets};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Time},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{AtLeast32BitUnsigned, Zero},
		Permill,
	};

	/// The balance type of the settlement assets.
	pub type BalanceOf<T> = <T as Config>::Balance;
	/// A program as stored.
	pub type ProgramOf<T> =
		Program<<T as frame_system::Config>::AccountId, <T as Config>::AssetId, BalanceOf<T>>;
	/// A financing as stored.
	pub type FinancingOf<T> = Financing<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A request as stored.
	pub type RequestOf<T> = Request<<T as frame_system::Config>::AccountId>;
	/// A genesis program: financier, core, asset, rate, budget, expiry (`None`: never).
	pub type GenesisProgramOf<T> = (
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		Permill,
		BalanceOf<T>,
		Option<Moment>,
	);
	/// A claim as stored.
	pub type ClaimOf<T> = Claim<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A financing as the runtime API shows it.
	pub type FinancingInfoOf<T> =
		FinancingInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A program as the runtime API shows it.
	pub type ProgramInfoOf<T> =
		ProgramInfo<<T as frame_system::Config>::AccountId, <T as Config>::AssetId, BalanceOf<T>>;
	/// A request as the runtime API shows it.
	pub type RequestInfoOf<T> = RequestInfo<<T as frame_system::Config>::AccountId>;
	/// A claim as the runtime API shows it.
	pub type ClaimInfoOf<T> = ClaimInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A program's quote as the runtime API shows it.
	pub type ProgramQuoteOf<T> = ProgramQuote<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A quote as the runtime API shows it.
	pub type QuoteOf<T> =
		Quote<<T as frame_system::Config>::AccountId, <T as Config>::AssetId, BalanceOf<T>>;

	/// 1: the per-account indexes `ProgramsOf`, `FinancingsOf`, `RequestsOf`, `ClaimsOf`;
	/// 2: the per-holder index of requests `RequestsFrom`.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Defaults for test runtimes (`#[derive_impl(config_preludes::TestDefaultConfig)]`): what
	/// depends on the runtime's other pallets (assets, registry, notes, clock) stays with the mock.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU32};

		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type AssetId = u32;
			type Balance = u128;
			type MaxRequestsPerFinancier = ConstU32<4>;
			type MaxRequestsPerHolder = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// Identifier of a settlement asset.
		type AssetId: Parameter + Member + Copy + MaxEncodedLen + MaybeSerializeDeserialize;

		/// Amounts in a settlement asset's minor unit.
		type Balance: Parameter
			+ Member
			+ AtLeast32BitUnsigned
			+ Copy
			+ Default
			+ MaxEncodedLen
			+ MaybeSerializeDeserialize
			+ Into<u128>
			+ TryFrom<u128>;

		/// The settlement money.
		#[pallet::no_default]
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = Self::Balance>
			+ fungibles::Mutate<Self::AccountId>;

		/// Who may take part, and in which role.
		#[pallet::no_default]
		type Enterprises: EnterpriseRegistry<Self::AccountId>;

		/// The ledger of notes.
		#[pallet::no_default]
		type Notes: NoteLedger<Self::AccountId, Self::AssetId, Self::Balance>;

		/// The settlement assets programs may be in.
		#[pallet::no_default]
		type SettlementAssets: SettlementAssets<Self::AssetId>;

		/// The sellers' tiers and green grades, which programs price by.
		#[pallet::no_default]
		type Attestations: Attestations<Self::AccountId>;

		/// Who calls this pallet without fees (registered, active enterprises, within a quota
		/// per block).
		#[pallet::no_default]
		type Feeless: cascade_primitives::FeelessWork<Self::AccountId>;

		/// Most requests waiting for one financier's answer.
		#[pallet::constant]
		type MaxRequestsPerFinancier: Get<u32>;

		/// Most requests waiting for one financier's answer from any one holder: well below
		/// `MaxRequestsPerFinancier`, so no one holder fills a bank's requests, and
		/// `decline_all_from` clears a holder's in one bounded call.
		#[pallet::constant]
		type MaxRequestsPerHolder: Get<u32>;

		/// The chain's clock (milliseconds since the Unix epoch).
		#[pallet::no_default]
		type Time: Time<Moment = Moment>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need from the rest of the runtime.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetId, Self::Balance>;
	}

	/// What the benchmarks need from the rest of the runtime.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId, AssetId, Balance> {
		/// An Active note of `amount` on an Active receivable maturing in 90 days, held by an
		/// active supplier; returns (note, holder, obligor, asset).
		fn active_note(amount: Balance) -> (NoteId, AccountId, AccountId, AssetId);
		/// An active Financier with plenty of every asset; a different one for each `index`.
		fn financier(index: u32) -> AccountId;
		/// Put `note` under judicial freeze.
		fn freeze(note: NoteId);
		/// Give `who` `amount` of `asset`.
		fn fund(asset: &AssetId, who: &AccountId, amount: Balance);
		/// Make the note's receivable overdue (moving the clock past maturity and grace).
		fn make_overdue(note: NoteId);
		/// Give `who` (a registered enterprise) a tier and a green grade in force.
		fn attest(who: &AccountId);
	}

	/// Financing programs, by id.
	#[pallet::storage]
	pub type Programs<T: Config> =
		StorageMap<_, Blake2_128Concat, ProgramId, ProgramOf<T>, OptionQuery>;

	/// The id the next program gets.
	#[pallet::storage]
	pub type NextProgramId<T: Config> = StorageValue<_, ProgramId, ValueQuery>;

	/// Financings, by id (kept after they close: the registration record).
	#[pallet::storage]
	pub type Financings<T: Config> =
		StorageMap<_, Blake2_128Concat, FinancingId, FinancingOf<T>, OptionQuery>;

	/// The id the next financing gets.
	#[pallet::storage]
	pub type NextFinancingId<T: Config> = StorageValue<_, FinancingId, ValueQuery>;

	/// The open factoring of each factored note. (An open pledge is in the note's own state.)
	#[pallet::storage]
	pub type FactoringOfNote<T: Config> =
		StorageMap<_, Blake2_128Concat, NoteId, FinancingId, OptionQuery>;

	/// Requests waiting for a financier's answer, by id.
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageMap<_, Blake2_128Concat, RequestId, RequestOf<T>, OptionQuery>;

	/// The id the next request gets.
	#[pallet::storage]
	pub type NextRequestId<T: Config> = StorageValue<_, RequestId, ValueQuery>;

	/// Index: the waiting request for each note and financier (one at a time).
	#[pallet::storage]
	pub type RequestOfNote<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		NoteId,
		Blake2_128Concat,
		T::AccountId,
		RequestId,
		OptionQuery,
	>;

	/// Index: the requests waiting for each financier's answer, by holder (financier, holder,
	/// request).
	#[pallet::storage]
	pub type RequestsFrom<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, RequestId>,
		),
		(),
		OptionQuery,
	>;

	/// How many requests wait for each financier's answer from each holder (at most
	/// `MaxRequestsPerHolder`): its `RequestsFrom` entries under that pair.
	#[pallet::storage]
	pub type RequestsFromCount<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// After an upgrade from storage version 1 (before `RequestsFrom`): the request ids still to
	/// index, from `.0` up to `.1` (exclusive); done from leftover weight.
	#[pallet::storage]
	pub type RequestsFromBackfill<T: Config> = StorageValue<_, (RequestId, RequestId), OptionQuery>;

	/// How many requests wait for each financier's answer (at most `MaxRequestsPerFinancier`).
	#[pallet::storage]
	pub type RequestsWaiting<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// What the borrowers of open pledge loans still owe once part was paid from their notes'
	/// payouts (a loan with no entry owes its principal and the interest from its start).
	#[pallet::storage]
	pub type LoanBalances<T: Config> =
		StorageMap<_, Blake2_128Concat, FinancingId, LoanBalance<BalanceOf<T>>, OptionQuery>;

	/// The interest charged so far on each loan in [`LoanBalances`] (an entry written before
	/// this map existed has none: its rounding starts again from its `accrued_to`).
	#[pallet::storage]
	pub type LoanAccruals<T: Config> =
		StorageMap<_, Blake2_128Concat, FinancingId, Accrual<BalanceOf<T>>, OptionQuery>;

	/// How programs price by who the seller is (`set_program_pricing`); a program without an
	/// entry charges everyone its base rate and advances the whole note.
	#[pallet::storage]
	pub type ProgramPricings<T: Config> =
		StorageMap<_, Blake2_128Concat, ProgramId, PricingOf<T>, OptionQuery>;

	/// What each seller has drawn from each program and not yet repaid (the advances of its
	/// financings still outstanding): a program's tier limits bound it.
	#[pallet::storage]
	pub type Drawn<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProgramId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// The reserves factors still owe their sellers, by factoring (removed once paid in full).
	#[pallet::storage]
	pub type Reserves<T: Config> =
		StorageMap<_, Blake2_128Concat, FinancingId, Reserve<BalanceOf<T>>, OptionQuery>;

	/// Claims sellers (recourse) and borrowers (called loans) still owe, by financing.
	#[pallet::storage]
	pub type Claims<T: Config> =
		StorageMap<_, Blake2_128Concat, FinancingId, ClaimOf<T>, OptionQuery>;

	/// How many unpaid claims each debtor owes (no entry: none). A core that owes one issues
	/// nothing new (the receivables pallet asks through `ClaimsOwed`).
	#[pallet::storage]
	pub type ClaimsOwedBy<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Index: each financier's programs.
	#[pallet::storage]
	pub type ProgramsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		ProgramId,
		(),
		OptionQuery,
	>;

	/// Index: each account's financings, as financier and as seller or borrower.
	#[pallet::storage]
	pub type FinancingsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		FinancingId,
		(),
		OptionQuery,
	>;

	/// Index: the waiting requests of each account, as the financier asked and as the holder
	/// asking.
	#[pallet::storage]
	pub type RequestsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		RequestId,
		(),
		OptionQuery,
	>;

	/// Index: each account's claims (by financing), as debtor and as creditor.
	#[pallet::storage]
	pub type ClaimsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		FinancingId,
		(),
		OptionQuery,
	>;

	/// After the upgrade that added the indexes: the ids still to index, each `(next, end)` —
	/// financings (with their claims), programs, requests — indexed from blocks' leftover
	/// weight. Absent when everything is indexed.
	#[pallet::storage]
	pub type IndexBackfill<T: Config> = StorageValue<_, Backfill, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Programs: financier, core, asset, annual rate, budget, and expiry (ms; `None` for
		/// never). Ids count from 0 in this order.
		pub programs: alloc::vec::Vec<GenesisProgramOf<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (financier, core, asset, annual_rate, budget, expires_at) in &self.programs {
				let id = NextProgramId::<T>::get();
				NextProgramId::<T>::put(id + 1);
				ProgramsOf::<T>::insert(financier, id, ());
				Programs::<T>::insert(
					id,
					Program {
						financier: financier.clone(),
						core: core.clone(),
						asset: *asset,
						annual_rate: *annual_rate,
						budget: *budget,
						outstanding: Zero::zero(),
						expires_at: expires_at.unwrap_or(Moment::MAX),
						closed: false,
					},
				);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A financier opened a program for one core enterprise's notes.
		ProgramOpened {
			program: ProgramId,
			financier: T::AccountId,
			core: T::AccountId,
			asset: T::AssetId,
			annual_rate: Permill,
			budget: BalanceOf<T>,
			expires_at: Moment,
		},
		/// A program was closed.
		ProgramClosed { program: ProgramId },
		/// A note was financed. Carries what a public registration (动产融资统一登记) needs.
		Financed {
			financing: FinancingId,
			kind: FinancingKind,
			recourse: bool,
			financier: T::AccountId,
			seller: T::AccountId,
			obligor: T::AccountId,
			note: NoteId,
			receivable: ReceivableId,
			asset: T::AssetId,
			amount: BalanceOf<T>,
			price: BalanceOf<T>,
			interest: BalanceOf<T>,
			annual_rate: Permill,
			maturity: Moment,
			program: Option<ProgramId>,
			/// What the price is made of: base rate, the seller's grades and what they add,
			/// the advance, the reserve.
			terms: TermsOf<T>,
		},
		/// A program's pricing by grade was set (replacing what it had).
		ProgramPricingSet {
			program: ProgramId,
			tier_adjustments: BoundedVec<(TierGrade, i32), GradeCount>,
			green_adjustments: BoundedVec<(GreenGrade, i32), GradeCount>,
			tier_limits: BoundedVec<(TierGrade, BalanceOf<T>), GradeCount>,
			advance_rate: Permill,
		},
		/// A factor that sold a note on paid its seller what was left of the reserve.
		ReservePaid { financing: FinancingId, amount: BalanceOf<T> },
		/// A holder asked a financier for financing.
		Requested {
			request: RequestId,
			note: NoteId,
			holder: T::AccountId,
			financier: T::AccountId,
			kind: FinancingKind,
			annual_rate: Permill,
		},
		/// A financier approved a request; the financing is in `Financed`.
		Approved { request: RequestId, financing: FinancingId },
		/// A financier declined a request.
		Declined { request: RequestId },
		/// `financier` declined every request `holder` had waiting for it: `count` of them.
		DeclinedAllFrom { financier: T::AccountId, holder: T::AccountId, count: u32 },
		/// A holder withdrew its request.
		Withdrawn { request: RequestId },
		/// A pledge loan was repaid; the note is free again.
		LoanRepaid { financing: FinancingId, paid: BalanceOf<T> },
		/// The lender called a pledge loan of an overdue receivable: the borrower owes `owed`
		/// as a claim; the note stays pledged.
		LoanCalled { financing: FinancingId, borrower: T::AccountId, owed: BalanceOf<T> },
		/// A pledged note was paid part of what it is owed and `paid` of it went to the lender:
		/// the loan (or the claim of a called loan) still owes `owed`.
		LoanPaidDown { financing: FinancingId, paid: BalanceOf<T>, owed: BalanceOf<T> },
		/// A financed note was redeemed; `to_financier` went to the financier of a pledge.
		FinancingRedeemed { financing: FinancingId, to_financier: BalanceOf<T> },
		/// Recourse: the note went back to the seller, who owed `owed` and paid `paid` at once;
		/// the rest, if any, is a claim.
		RecourseExercised {
			financing: FinancingId,
			seller: T::AccountId,
			owed: BalanceOf<T>,
			paid: BalanceOf<T>,
		},
		/// The debtor paid `paid` of a claim; `remaining` is still owed (zero: closed).
		ClaimSettled { financing: FinancingId, paid: BalanceOf<T>, remaining: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller (or the named financier) is not an active Financier.
		NotFinancier,
		/// The program's core is not an active Core enterprise.
		NotCore,
		/// A budget must be above zero.
		ZeroBudget,
		/// The expiry is not in the future.
		ExpiryInPast,
		/// No program has this id.
		UnknownProgram,
		/// The caller did not open this program.
		NotProgramFinancier,
		/// The program is closed.
		ProgramClosed,
		/// The program has expired.
		ProgramExpired,
		/// The program finances another core enterprise's notes.
		WrongObligor,
		/// The program is in another settlement asset.
		AssetMismatch,
		/// The program's budget is smaller than the advance.
		BudgetExhausted,
		/// No note has this id.
		UnknownNote,
		/// The caller does not hold the note.
		NotHolder,
		/// The caller is not an active enterprise.
		NotParticipant,
		/// The note is offered to someone and waits for acceptance.
		NotePending,
		/// The note is under judicial freeze.
		NoteFrozen,
		/// The note is already pledged.
		NotePledged,
		/// The note was split; finance its children.
		NoteConsumed,
		/// The note is redeemed.
		NoteRedeemed,
		/// The note's receivable is not Active (pending, repaid, overdue or settled).
		ReceivableNotActive,
		/// The note has matured: nothing is left to discount.
		NoteMatured,
		/// A financier cannot finance its own note.
		SelfFinance,
		/// No request has this id.
		UnknownRequest,
		/// The caller is not the financier the request was made to.
		NotRequestFinancier,
		/// The caller did not make the request.
		NotRequestHolder,
		/// No financing has this id.
		UnknownFinancing,
		/// The caller is not the borrower of the pledge.
		NotBorrower,
		/// The financing is not a pledge.
		NotPledge,
		/// The financing is not open.
		NotOpen,
		/// The caller is not the financing's financier.
		NotFinancingFinancier,
		/// The financing is not recourse factoring.
		NotRecourse,
		/// The receivable is not overdue.
		NotOverdue,
		/// The financier no longer holds the note as an Active note.
		NoteNotHeld,
		/// There is no claim for this financing.
		NoClaim,
		/// The caller does not owe the claim.
		NotDebtor,
		/// An amount does not fit.
		Overflow,
		/// The program's financier is suspended or no longer a Financier.
		FinancierInactive,
		/// The asset is not a settlement asset.
		NotSettlementAsset,
		/// The holder already asked this financier to finance this note.
		DuplicateRequest,
		/// The financier already has `MaxRequestsPerFinancier` requests waiting.
		TooManyRequests,
		/// The financier already has `MaxRequestsPerHolder` requests from this holder waiting.
		TooManyRequestsFrom,
		/// No request from this holder waits for the caller.
		NoRequestsFrom,
		/// A pricing list names a grade twice.
		DuplicateGrade,
		/// A rate adjustment is beyond ±100 % (±1,000,000 ppm).
		AdjustmentOutOfRange,
		/// An advance rate must be above zero.
		ZeroAdvance,
		/// The seller would have drawn more than its tier's limit from the program.
		TierLimitExceeded,
		/// The factor still owes the seller the note's reserve: it cannot pledge the note.
		ReserveOwed,
		/// The note's term (issue to maturity) is beyond the soft tenor: programs do not
		/// finance it; a bank may, on request, after its own review (银发〔2025〕77号).
		TenorNeedsReview,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Index what existed before the indexes, from the weight the block has left.
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let used = Self::backfill_indexes(remaining);
			used.saturating_add(Self::backfill_requests_from(remaining.saturating_sub(used)))
		}

		/// From storage version 0 (no per-account indexes) to 1: schedule indexing what exists;
		/// from 1 to 2: schedule indexing the waiting requests by holder.
		fn on_runtime_upgrade() -> Weight {
			Self::schedule_index_backfill().saturating_add(Self::schedule_requests_from_backfill())
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a standing offer to finance any note in `asset` whose obligor is `core`.
		///
		/// The origin must be signed by an active Financier.
		///
		/// - `core`: an active Core enterprise.
		/// - `asset`: the settlement asset.
		/// - `annual_rate`: the rate (3.65 % = 36,500 parts per million).
		/// - `budget`: the most it advances at once (above zero).
		/// - `expires_at`: no financing at or after this moment (ms, in the future).
		///
		/// Emits [`Event::ProgramOpened`].
		///
		/// Errors: [`Error::NotFinancier`], [`Error::NotCore`], [`Error::NotSettlementAsset`],
		/// [`Error::ZeroBudget`], [`Error::ExpiryInPast`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::open_program())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _core: &T::AccountId, _asset: &T::AssetId, _annual_rate: &Permill, _budget: &BalanceOf<T>, _expires_at: &Moment| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn open_program(
			origin: OriginFor<T>,
			core: T::AccountId,
			asset: T::AssetId,
			annual_rate: Permill,
			budget: BalanceOf<T>,
			expires_at: Moment,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_program(who, core, asset, annual_rate, budget, expires_at)
		}

		/// Close a program: no new financing; open financings are unaffected.
		///
		/// The origin must be signed by the program's financier.
		///
		/// - `program`: an open program.
		///
		/// Emits [`Event::ProgramClosed`].
		///
		/// Errors: [`Error::UnknownProgram`], [`Error::NotProgramFinancier`],
		/// [`Error::ProgramClosed`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::close_program())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _program: &ProgramId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn close_program(origin: OriginFor<T>, program: ProgramId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_program(who, program)
		}

		/// Finance a note through a program, at once and atomically: factoring moves the note
		/// to the financier and pays the seller the discounted price; a pledge locks the note
		/// and lends the same amount. Both or nothing.
		///
		/// The origin must be signed by the note's holder, an active enterprise.
		///
		/// - `note`: an Active note of an Active receivable, not yet matured.
		/// - `program`: an open, unexpired program for the note's obligor and asset with budget
		///   for the advance.
		/// - `kind`: `Factoring { recourse }` or `Pledge`.
		///
		/// Emits [`Event::Financed`].
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NotHolder`], [`Error::NotParticipant`],
		/// [`Error::NotePending`], [`Error::NoteFrozen`], [`Error::NotePledged`],
		/// [`Error::NoteConsumed`], [`Error::NoteRedeemed`], [`Error::ReceivableNotActive`],
		/// [`Error::NoteMatured`], [`Error::UnknownProgram`], [`Error::ProgramClosed`],
		/// [`Error::ProgramExpired`], [`Error::FinancierInactive`], [`Error::WrongObligor`],
		/// [`Error::AssetMismatch`], [`Error::SelfFinance`], [`Error::BudgetExhausted`], and the
		/// asset's errors if the financier's balance is short.
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::finance())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId, _program: &ProgramId, _kind: &FinancingKind| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn finance(
			origin: OriginFor<T>,
			note: NoteId,
			program: ProgramId,
			kind: FinancingKind,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_finance_by_program(who, note, program, kind)
		}

		/// Ask a financier without a program to finance a note at a proposed rate.
		///
		/// The origin must be signed by the note's holder, an active enterprise.
		///
		/// - `note`: an Active note of an Active receivable, not yet matured.
		/// - `financier`: an active Financier other than the caller.
		/// - `kind`: `Factoring { recourse }` or `Pledge`.
		/// - `annual_rate`: the proposed rate.
		///
		/// Emits [`Event::Requested`].
		///
		/// Errors: those of `finance` about the note, and [`Error::NotFinancier`],
		/// [`Error::SelfFinance`], [`Error::DuplicateRequest`], [`Error::TooManyRequests`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::request())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId, _financier: &T::AccountId, _kind: &FinancingKind, _annual_rate: &Permill| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn request(
			origin: OriginFor<T>,
			note: NoteId,
			financier: T::AccountId,
			kind: FinancingKind,
			annual_rate: Permill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request(who, note, financier, kind, annual_rate)
		}

		/// Approve a request: the financing executes now, at the requested rate, atomically.
		///
		/// The origin must be signed by the financier the request was made to, still active.
		///
		/// - `request`: a pending request.
		///
		/// Emits [`Event::Financed`] and [`Event::Approved`].
		///
		/// Errors: [`Error::UnknownRequest`], [`Error::NotRequestFinancier`], and those of
		/// `finance` if the note or the holder changed since.
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _request: &RequestId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn approve(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve(who, request)
		}

		/// Decline a request.
		///
		/// The origin must be signed by the financier the request was made to.
		///
		/// - `request`: a pending request.
		///
		/// Emits [`Event::Declined`].
		///
		/// Errors: [`Error::UnknownRequest`], [`Error::NotRequestFinancier`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::decline())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _request: &RequestId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn decline(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_decline(who, request)
		}
		/// Decline every request `holder` has waiting for the caller, in one call. For a bank
		/// flooded with requests by one holder.
		///
		/// The origin must be signed by the financier the requests were made to.
		///
		/// - `holder`: the account whose requests to decline.
		///
		/// Emits [`Event::Declined`] per request, then [`Event::DeclinedAllFrom`].
		///
		/// Errors: [`Error::NoRequestsFrom`].
		///
		/// Complexity: `O(n)` in the holder's requests, at most `MaxRequestsPerHolder`; charged
		/// for `MaxRequestsPerHolder` and refunded for the rest.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::decline_all_from(T::MaxRequestsPerHolder::get()))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _holder: &T::AccountId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn decline_all_from(
			origin: OriginFor<T>,
			holder: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let count = Self::do_decline_all_from(who, holder)?;
			Ok(Some(T::WeightInfo::decline_all_from(count)).into())
		}

		/// Withdraw one's own request.
		///
		/// The origin must be signed by the holder that made the request.
		///
		/// - `request`: a pending request.
		///
		/// Emits [`Event::Withdrawn`].
		///
		/// Errors: [`Error::UnknownRequest`], [`Error::NotRequestHolder`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _request: &RequestId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn withdraw(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, request)
		}

		/// Repay a pledge loan, before or after maturity: principal plus interest for the whole
		/// days elapsed (at least one), actual/360, to the day of payment (no further than the
		/// day the note's money was available, once the issuer has funded the escrow); the note
		/// is released (back to Active, or to Active under a judicial freeze that stays).
		///
		/// The origin must be signed by the borrower.
		///
		/// - `financing`: an open (not called) pledge of the caller.
		///
		/// Emits [`Event::LoanRepaid`].
		///
		/// Errors: [`Error::UnknownFinancing`], [`Error::NotPledge`], [`Error::NotBorrower`],
		/// [`Error::NotOpen`], and the asset's errors if the balance is short.
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::repay_loan())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _financing: &FinancingId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn repay_loan(origin: OriginFor<T>, financing: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay_loan(who, financing)
		}

		/// Exercise recourse on an overdue receivable: the seller owes the advance plus
		/// interest for the days elapsed (for the part of the note still unpaid) and pays what
		/// its balance allows now (keeping its account alive). Paid in full, the note goes back
		/// to the seller. Otherwise the rest is a claim and the note stays the financier's
		/// security: the seller's again but pledged to this financing, so its payouts pay the
		/// financier first up to the claim, and it is released when the claim is paid.
		///
		/// The origin must be signed by the financing's financier.
		///
		/// - `financing`: an open recourse factoring whose note the caller still holds.
		///
		/// Emits [`Event::RecourseExercised`].
		///
		/// Errors: [`Error::UnknownFinancing`], [`Error::NotFinancingFinancier`],
		/// [`Error::NotRecourse`], [`Error::NotOpen`], [`Error::NotOverdue`],
		/// [`Error::NoteNotHeld`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::exercise_recourse())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _financing: &FinancingId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn exercise_recourse(origin: OriginFor<T>, financing: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_exercise_recourse(who, financing)
		}

		/// Pay a claim (recourse, or a called loan): as much of it as the caller's balance allows
		/// (keeping its account alive). Paid in full, the claim closes and the note that secured
		/// it (if it is not paid out yet) is released back to the debtor.
		///
		/// The origin must be signed by the debtor.
		///
		/// - `financing`: a financing with a claim on the caller.
		///
		/// Emits [`Event::ClaimSettled`].
		///
		/// Errors: [`Error::NoClaim`], [`Error::NotDebtor`], `TokenError::FundsUnavailable` if
		/// the caller can pay nothing.
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::settle_claim())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _financing: &FinancingId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn settle_claim(origin: OriginFor<T>, financing: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_settle_claim(who, financing)
		}

		/// Call a pledge loan once the note's receivable is overdue: what the borrower owes
		/// (principal plus interest to today) becomes a claim, visible through the runtime API
		/// and paid with `settle_claim`. The note stays pledged as security: if the issuer pays
		/// late, redemption pays the lender first up to the claim, the borrower the rest.
		///
		/// The origin must be signed by the lender.
		///
		/// - `financing`: an open pledge of the caller whose receivable is Overdue.
		///
		/// Emits [`Event::LoanCalled`].
		///
		/// Errors: [`Error::UnknownFinancing`], [`Error::NotPledge`],
		/// [`Error::NotFinancingFinancier`], [`Error::NotOpen`], [`Error::NotOverdue`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::call_loan())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _financing: &FinancingId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn call_loan(origin: OriginFor<T>, financing: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_call_loan(who, financing)
		}

		/// Price a program by who the seller is, replacing its pricing: rate adjustments per
		/// tier and green grade (added to the base rate; the rate charged is never below 0),
		/// the most one seller of a tier may have drawn from the program at once (a seller
		/// with no tier in force counts as D), and the advance rate (a pledge lends that share
		/// of the note, less interest; a factoring pays it, less interest, now and the rest —
		/// the reserve — to the seller as the note is paid). Financings already made keep
		/// their terms.
		///
		/// The origin must be signed by the program's financier.
		///
		/// - `program`: an open program of the caller.
		/// - `tier_adjustments`: `(grade, ppm a year)`, each grade at most once, within ±100 %.
		/// - `green_adjustments`: `(grade, ppm a year)`, likewise.
		/// - `tier_limits`: `(grade, amount)`, each grade at most once.
		/// - `advance_rate`: above zero.
		///
		/// Emits [`Event::ProgramPricingSet`].
		///
		/// Errors: [`Error::UnknownProgram`], [`Error::NotProgramFinancier`],
		/// [`Error::ProgramClosed`], [`Error::DuplicateGrade`], [`Error::AdjustmentOutOfRange`],
		/// [`Error::ZeroAdvance`].
		///
		/// Complexity: `O(1)` (the lists hold at most four entries each).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_program_pricing())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _program: &ProgramId, _tier_adjustments: &BoundedVec<(TierGrade, i32), GradeCount>, _green_adjustments: &BoundedVec<(GreenGrade, i32), GradeCount>, _tier_limits: &BoundedVec<(TierGrade, BalanceOf<T>), GradeCount>, _advance_rate: &Permill| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn set_program_pricing(
			origin: OriginFor<T>,
			program: ProgramId,
			tier_adjustments: BoundedVec<(TierGrade, i32), GradeCount>,
			green_adjustments: BoundedVec<(GreenGrade, i32), GradeCount>,
			tier_limits: BoundedVec<(TierGrade, BalanceOf<T>), GradeCount>,
			advance_rate: Permill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_program_pricing(
				who,
				program,
				tier_adjustments,
				green_adjustments,
				tier_limits,
				advance_rate,
			)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether a call of `origin` goes without fees: signed by a registered, active
		/// enterprise within its feeless quota for the block (`T::Feeless`).
		pub fn feeless(origin: &OriginFor<T>) -> bool {
			use cascade_primitives::FeelessWork as _;
			frame_system::ensure_signed(origin.clone()).is_ok_and(|who| T::Feeless::allows(&who))
		}
	}
}
