//! # Receivables
//!
//! The ledger of Cascade: a core enterprise's receivable (a digital payment commitment) and the
//! tree of notes it splits into as it moves down the supply chain.
//!
//! - `issue` draws the issuer's credit line and creates the receivable with its root note,
//!   offered (Pending) to the tier-1 supplier, who `accept`s (签收) or `reject`s it.
//! - Holders `split` notes, `transfer` them whole, or `split_transfer` part of one to their own
//!   supplier; every offer waits for the recipient's acceptance and may be revoked until then.
//! - `repay` moves everything outstanding into the receivable's escrow account, `repay_part` a
//!   part of it; the credit line is released by what reaches escrow.
//! - Clearing (自动清分, `clearing.rs`): once a receivable's maturity has come and its escrow holds
//!   money, the chain pays every live note its pro-rata share by itself, from each block's
//!   leftover weight (`on_idle`), a bounded number of notes a block, receivables in order of
//!   maturity, resuming from a stored cursor. `settle(receivable, max_notes)` and `redeem(note)`
//!   let anyone push the same payouts along. Each payout pays the pledgee first, a pending
//!   note's sender, and waits for a frozen note until it is unfrozen.
//! - The escrow never loses a unit to dust or reaping, whatever the asset's minimum balance:
//!   `repay` adds the minimum balance as a reserve, payouts keep the escrow alive, and the last
//!   one returns the reserve and anything others sent to the escrow to the issuer (see
//!   `settlement.rs`). A payout to an account that holds none of the asset must be at least the
//!   asset's minimum balance (the asset's own rule); a smaller one fails, changing nothing,
//!   until the recipient holds some.
//! - Nobody grows another's storage: at most `MaxPendingOffers` offers wait for one account
//!   (`TooManyOffers`), and at most `MaxOffersPerSender` of them from any one sender
//!   (`TooManyOffersFrom`); each is rejected with one `O(1)` call, and everything one sender
//!   offered with one `reject_all_from(sender)`, bounded by `MaxOffersPerSender`.
//! - The Operator freezes and unfreezes notes (judicial freeze) and sets the parameters.
//!
//! Every call is `O(1)` in the depth of the tree and in the number of notes of the receivable:
//! nothing walks to the root or iterates an index. Full scans are in the runtime API and in
//! [`Pallet::do_try_state`] only.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod clearing;
mod exposure;
mod freeze;
mod invariants;
mod issue;
mod ledger;
mod offer;
mod queries;
mod settlement;
mod split;
mod transfer;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cascade_primitives::{CreditLineDraws, EnterpriseRegistry, RedeemHook};
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, Time},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::AtLeast32BitUnsigned;

	/// The balance type of the settlement assets.
	pub type BalanceOf<T> = <T as Config>::Balance;
	/// A receivable as stored.
	pub type ReceivableOf<T> = Receivable<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		BalanceOf<T>,
		<T as Config>::MaxInvoiceRefLength,
	>;
	/// A note as stored.
	pub type NoteOf<T> = Note<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// A note's state as stored.
	pub type NoteStateOf<T> = NoteState<<T as frame_system::Config>::AccountId>;
	/// An invoice reference.
	pub type InvoiceRefOf<T> = BoundedVec<u8, <T as Config>::MaxInvoiceRefLength>;
	/// A receivable as the runtime API shows it.
	pub type ReceivableInfoOf<T> = ReceivableInfo<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		BalanceOf<T>,
	>;
	/// A note as the runtime API shows it.
	pub type NoteInfoOf<T> = NoteInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// 1: `Exposures` counts what each issuer owes.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Defaults for test runtimes (`#[derive_impl(config_preludes::TestDefaultConfig)]`): what
	/// depends on the runtime's other pallets (origin, assets, registry, lines, payout hook, clock)
	/// stays with the mock.
	pub mod config_preludes {
		use super::*;
		use cascade_primitives::MILLIS_PER_DAY;
		use frame_support::{derive_impl, parameter_types, traits::ConstU32};

		pub struct TestDefaultConfig;

		parameter_types! {
			pub const TestPalletId: PalletId = PalletId(*b"cscd/rcv");
			pub const TestMaxTenor: Moment = 365 * MILLIS_PER_DAY;
			pub const TestGracePeriod: Moment = 3 * MILLIS_PER_DAY;
			pub const TestMinNoteAmount: u128 = 100;
		}

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type AssetId = u32;
			type Balance = u128;
			type PalletId = TestPalletId;
			type MaxSplit = ConstU32<16>;
			type MaxPendingOffers = ConstU32<64>;
			type MaxOffersPerSender = ConstU32<16>;
			type MaxInvoiceRefLength = ConstU32<32>;
			type DefaultMaxTenor = TestMaxTenor;
			type DefaultGracePeriod = TestGracePeriod;
			type DefaultMinNoteAmount = TestMinNoteAmount;
			type MaxClearPerBlock = ConstU32<8>;
			type ClearTurn = ConstU32<4>;
			type MaxSettleNotes = ConstU32<10>;
			type MaxDepth = ConstU32<1_000>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The consortium's Operator: freezes notes and sets parameters.
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

		/// The settlement money: repay pays into escrow, redeem pays out of it.
		#[pallet::no_default]
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = Self::Balance>
			+ fungibles::Mutate<Self::AccountId>;

		/// Who may take part, and in which role.
		#[pallet::no_default]
		type Enterprises: EnterpriseRegistry<Self::AccountId>;

		/// The credit lines receivables draw on.
		#[pallet::no_default]
		type Lines: CreditLineDraws<Self::AccountId, Self::AssetId, Self::Balance>;

		/// Told when a note is redeemed, so a financing closes and a pledgee is paid first.
		#[pallet::no_default]
		type RedeemHook: RedeemHook<Self::AccountId, Self::Balance>;

		/// Whether an account owes an unpaid claim: a core that does issues nothing new.
		#[pallet::no_default]
		type Claims: cascade_primitives::ClaimsOwed<Self::AccountId>;

		/// Who calls this pallet without fees (registered, active enterprises, within a quota
		/// per block).
		#[pallet::no_default]
		type Feeless: cascade_primitives::FeelessWork<Self::AccountId>;

		/// The chain's clock (milliseconds since the Unix epoch).
		#[pallet::no_default]
		type Time: Time<Moment = Moment>;

		/// Seeds the escrow account of each receivable.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Most parts one `split` makes.
		#[pallet::constant]
		type MaxSplit: Get<u32>;

		/// Most offers (`Pending` notes) one account may have waiting for its answer before
		/// holders can offer it more; issuance does not count against it (credit lines bound
		/// issuance), but its offers are counted.
		#[pallet::constant]
		type MaxPendingOffers: Get<u32>;

		/// Most offers one account may have waiting from any one sender: well below
		/// `MaxPendingOffers`, so no one sender can fill an account's offers (incoming payments
		/// would then fail), and `reject_all_from` clears a sender's offers in one bounded call.
		#[pallet::constant]
		type MaxOffersPerSender: Get<u32>;

		/// Longest invoice reference, in bytes.
		#[pallet::constant]
		type MaxInvoiceRefLength: Get<u32>;

		/// `max_tenor` until the Operator sets it (ms).
		#[pallet::constant]
		type DefaultMaxTenor: Get<Moment>;

		/// `grace_period` until the Operator sets it (ms).
		#[pallet::constant]
		type DefaultGracePeriod: Get<Moment>;

		/// `min_note_amount` until the Operator sets it.
		#[pallet::constant]
		type DefaultMinNoteAmount: Get<Self::Balance>;

		/// Most notes clearing pays in one block out of the block's leftover weight.
		#[pallet::constant]
		type MaxClearPerBlock: Get<u32>;

		/// Most notes one due receivable is paid in one turn of clearing: due receivables take
		/// turns, so while others are due none takes more than this before the next is served.
		#[pallet::constant]
		type ClearTurn: Get<u32>;

		/// Most notes one `settle` call visits.
		#[pallet::constant]
		type MaxSettleNotes: Get<u32>;

		/// Deepest a note may be (the root note is at depth 0): `split` and `split_transfer` of a
		/// note at this depth fail with `TooDeep`. It bounds a note's lineage, so reading one
		/// reads at most `MaxDepth + 1` notes.
		#[pallet::constant]
		type MaxDepth: Get<u32>;

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
		/// Make `who` an active enterprise: a Core (with a credit line of `limit` in a
		/// settlement asset, returned with the line's id) or a Supplier.
		fn enroll_core(who: &AccountId, limit: Balance) -> (AssetId, LineId);
		/// Make `who` an active Supplier.
		fn enroll_supplier(who: &AccountId);
		/// Give `who` `amount` of `asset`.
		fn fund(asset: &AssetId, who: &AccountId, amount: Balance);
		/// Set the chain's time (ms).
		fn set_time(now: Moment);
		/// Sell `note` (Active, held by `holder`, receivable Active and not matured) to a
		/// financier through a factoring; returns the factor, the note's holder now.
		fn factor(note: NoteId, holder: &AccountId) -> AccountId;
		/// Pledge `note` (Active, held by `holder`) through a financing of another financier;
		/// returns the lender.
		fn pledge(note: NoteId, holder: &AccountId) -> AccountId;
		/// Make `note`'s receivable overdue and have its lender call the pledge loan.
		fn call_loan(note: NoteId);
		/// Like [`Self::factor`], by a factor of its own for `index` (one account per note), so
		/// clearing meets a distinct holder at every note.
		fn factor_by(note: NoteId, holder: &AccountId, index: u32) -> AccountId {
			let _ = index;
			Self::factor(note, holder)
		}
		/// Like [`Self::pledge`], to a lender of its own for `index` (one account per note).
		fn pledge_by(note: NoteId, holder: &AccountId, index: u32) -> AccountId {
			let _ = index;
			Self::pledge(note, holder)
		}
		/// Have the lender of pledged `note`, whose receivable is overdue already, call the
		/// loan.
		fn call_pledge(note: NoteId) {
			let _ = note;
		}
	}

	#[pallet::type_value]
	pub fn DefaultParameters<T: Config>() -> Parameters<BalanceOf<T>> {
		Parameters {
			max_tenor: T::DefaultMaxTenor::get(),
			grace_period: T::DefaultGracePeriod::get(),
			min_note_amount: T::DefaultMinNoteAmount::get(),
		}
	}

	/// The ledger's parameters.
	#[pallet::storage]
	pub type Params<T: Config> =
		StorageValue<_, Parameters<BalanceOf<T>>, ValueQuery, DefaultParameters<T>>;

	/// 183 days: 银发〔2025〕77号's six months.
	#[pallet::type_value]
	pub fn DefaultSoftTenor() -> Moment {
		183 * cascade_primitives::MILLIS_PER_DAY
	}

	/// The longest term (issue to maturity, ms) programs finance without a bank's review:
	/// notes of longer receivables are financed only through `request`/`approve`.
	#[pallet::storage]
	pub type SoftTenor<T: Config> = StorageValue<_, Moment, ValueQuery, DefaultSoftTenor>;

	/// How many of each issuer's receivables are Overdue: an issuer with any issues nothing
	/// new (`IssuerInDefault`) until they are repaid.
	#[pallet::storage]
	pub type OverdueOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The receivables, by id.
	#[pallet::storage]
	pub type Receivables<T: Config> =
		StorageMap<_, Blake2_128Concat, ReceivableId, ReceivableOf<T>, OptionQuery>;

	/// The notes, by id. Never deleted while their receivable is live: the tree is the audit
	/// trail.
	#[pallet::storage]
	pub type Notes<T: Config> = StorageMap<_, Blake2_128Concat, NoteId, NoteOf<T>, OptionQuery>;

	/// Index: the live notes (Active, Pending, Pledged, Frozen) each account holds.
	#[pallet::storage]
	pub type NotesByHolder<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		NoteId,
		(),
		OptionQuery,
	>;

	/// Index: the notes offered to each account, waiting for its acceptance.
	#[pallet::storage]
	pub type PendingTo<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		NoteId,
		(),
		OptionQuery,
	>;

	/// Index: every note of each receivable (the tree).
	#[pallet::storage]
	pub type NotesByReceivable<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ReceivableId,
		Blake2_128Concat,
		NoteId,
		(),
		OptionQuery,
	>;

	/// Index: every receivable of each issuer.
	#[pallet::storage]
	pub type ReceivablesByIssuer<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		ReceivableId,
		(),
		OptionQuery,
	>;

	/// The receivable each issuer issued for each invoice reference (double issuance of an
	/// invoice is refused). A cancelled receivable frees its reference.
	#[pallet::storage]
	pub type InvoiceRefs<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		InvoiceRefOf<T>,
		ReceivableId,
		OptionQuery,
	>;

	/// Index: the notes offered to each account by each sender (recipient, sender, note).
	#[pallet::storage]
	pub type OffersFrom<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, NoteId>,
		),
		(),
		OptionQuery,
	>;

	/// How many offers wait for each account's answer from each sender (at most
	/// `MaxOffersPerSender`): its `OffersFrom` entries under that pair.
	#[pallet::storage]
	pub type OffersFromCount<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// After an upgrade from storage version 1 (before `OffersFrom`): the note ids still to
	/// look at for offers to index, from `.0` up to `.1` (exclusive); done from leftover weight.
	#[pallet::storage]
	pub type OffersBackfill<T: Config> = StorageValue<_, (NoteId, NoteId), OptionQuery>;

	/// How many offers wait for each account's answer: its `PendingTo` entries.
	#[pallet::storage]
	pub type OffersWaiting<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// What a frozen note was before the freeze, restored by `unfreeze`.
	#[pallet::storage]
	pub type FrozenPrior<T: Config> =
		StorageMap<_, Blake2_128Concat, NoteId, NoteStateOf<T>, OptionQuery>;

	/// The receivables whose escrow holds money to pay out to their notes, with where their
	/// clearing stands. The first key is the maturity, big-endian and unhashed, so the map is
	/// walked in order of maturity; a receivable is due once the chain's time reaches it. (Only
	/// core enterprises choose maturities, within `max_tenor`: nobody can unbalance the trie.)
	#[pallet::storage]
	pub type DueQueue<T: Config> =
		StorageDoubleMap<_, Identity, [u8; 8], Twox64Concat, ReceivableId, Clearing, OptionQuery>;

	/// Where clearing's rotation stands: the entry of [`DueQueue`] served last. The next turn
	/// goes to the first due receivable after it, from the start once none is.
	#[pallet::storage]
	pub type ClearingCursor<T: Config> = StorageValue<_, ([u8; 8], ReceivableId), OptionQuery>;

	/// What each issuer owes per asset (`Owed`): kept as receivables are issued, repaid and
	/// cancelled, so a core's exposure is read without walking its receivables.
	#[pallet::storage]
	pub type Exposures<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AssetId,
		Owed<BalanceOf<T>>,
		OptionQuery,
	>;

	/// Receivables issued before `Exposures` existed that it does not count yet: ids from the
	/// first up to the second (exclusive), counted from blocks' leftover weight after the
	/// upgrade that added it. Absent when every receivable is counted.
	#[pallet::storage]
	pub type ExposureBackfill<T: Config> =
		StorageValue<_, (ReceivableId, ReceivableId), OptionQuery>;

	/// The id the next receivable gets.
	#[pallet::storage]
	pub type NextReceivableId<T: Config> = StorageValue<_, ReceivableId, ValueQuery>;

	/// The id the next note gets.
	#[pallet::storage]
	pub type NextNoteId<T: Config> = StorageValue<_, NoteId, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A core enterprise issued a receivable; its root note is offered to the supplier.
		Issued {
			receivable: ReceivableId,
			issuer: T::AccountId,
			supplier: T::AccountId,
			asset: T::AssetId,
			face: BalanceOf<T>,
			maturity: Moment,
			credit_line: LineId,
			root_note: NoteId,
			invoice_ref: InvoiceRefOf<T>,
		},
		/// An offered note was accepted (签收): `holder` holds it now.
		Accepted {
			note: NoteId,
			receivable: ReceivableId,
			holder: T::AccountId,
			/// When, by the chain's clock. Only in the runtime built with the `upgrade-test`
			/// feature: a field that a runtime upgrade adds to an event the indexer records, to
			/// show that it decodes each block's events with that block's own metadata.
			#[cfg(feature = "upgrade-test")]
			accepted_at: Moment,
		},
		/// An offered note was rejected; it is back with `holder`.
		Rejected { note: NoteId, by: T::AccountId, holder: T::AccountId },
		/// `by` rejected every offer `sender` had waiting for it: `count` notes went back to
		/// `sender` (a root note's receivable is cancelled).
		RejectedAllFrom { by: T::AccountId, sender: T::AccountId, count: u32 },
		/// An offer was revoked by its sender before acceptance.
		Revoked { note: NoteId, holder: T::AccountId },
		/// A receivable was withdrawn before acceptance; its credit was released.
		Cancelled { receivable: ReceivableId },
		/// A note was split into `children` (consecutive ids), all held by `holder`.
		Split { note: NoteId, holder: T::AccountId, children: BoundedVec<NoteId, T::MaxSplit> },
		/// A whole note was offered to `to`.
		Transferred { note: NoteId, from: T::AccountId, to: T::AccountId },
		/// Part of a note was offered to `to` as `sent`; `kept` stays with `from`.
		SplitTransferred {
			note: NoteId,
			from: T::AccountId,
			to: T::AccountId,
			sent: NoteId,
			kept: NoteId,
			amount: BalanceOf<T>,
		},
		/// The issuer paid `amount` into the receivable's escrow, plus the asset's minimum
		/// balance as a `reserve` that keeps the escrow alive until it is returned at
		/// settlement; its credit was released.
		Repaid {
			receivable: ReceivableId,
			amount: BalanceOf<T>,
			reserve: BalanceOf<T>,
			escrow: T::AccountId,
		},
		/// The issuer paid `amount` of a receivable into escrow, `outstanding` is still owed (the
		/// first payment also pays the asset's minimum balance as the escrow's `reserve`); the
		/// credit line was released by `amount`.
		PartRepaid {
			receivable: ReceivableId,
			amount: BalanceOf<T>,
			reserve: BalanceOf<T>,
			outstanding: BalanceOf<T>,
		},
		/// A note was paid part of what it is owed (its share of a partial repayment): `amount`
		/// to `holder`, after `to_pledgee` to the pledgee of a pledged note and `to_seller` to
		/// the seller of a factoring with a reserve; `left` is still owed on it.
		PartPaid {
			note: NoteId,
			receivable: ReceivableId,
			holder: T::AccountId,
			amount: BalanceOf<T>,
			to_pledgee: Option<(T::AccountId, BalanceOf<T>)>,
			to_seller: Option<(T::AccountId, BalanceOf<T>)>,
			left: BalanceOf<T>,
		},
		/// Clearing could not pay a note (the payout failed, e.g. below the asset's minimum
		/// balance for a recipient holding none): it stays owed, for `redeem` to pay later.
		PayoutFailed { note: NoteId, error: DispatchError },
		/// Clearing walked every note of a receivable once with the money in escrow.
		ClearingDone { receivable: ReceivableId },
		/// What was left in a settled or cancelled receivable's escrow (its reserve, and money
		/// others sent to it) went back to the issuer.
		EscrowReturned { escrow: T::AccountId, to: T::AccountId, amount: BalanceOf<T> },
		/// A note was paid in full out of escrow (it is Redeemed): this last payment paid
		/// `amount` to `holder`, after `to_pledgee` to the pledgee of a pledged note and
		/// `to_seller` to the seller of a factoring with a reserve.
		Redeemed {
			note: NoteId,
			receivable: ReceivableId,
			holder: T::AccountId,
			amount: BalanceOf<T>,
			to_pledgee: Option<(T::AccountId, BalanceOf<T>)>,
			to_seller: Option<(T::AccountId, BalanceOf<T>)>,
		},
		/// Every note of a receivable is paid out.
		Settled { receivable: ReceivableId },
		/// A receivable was not repaid by maturity plus the grace period.
		MarkedOverdue { receivable: ReceivableId },
		/// A note was put under judicial freeze.
		Frozen { note: NoteId },
		/// A judicial freeze was lifted.
		Unfrozen { note: NoteId },
		/// The Operator set the parameters.
		ParametersSet { max_tenor: Moment, grace_period: Moment, min_note_amount: BalanceOf<T> },
		/// The Operator set the soft tenor: programs finance no note of a longer term.
		SoftTenorSet { soft_tenor: Moment },
		/// An issuer's receivable went overdue while it had none: it issues nothing new until
		/// its overdue receivables are repaid (银发〔2025〕77号).
		IssuerInDefault { issuer: T::AccountId },
		/// An issuer repaid its last overdue receivable: it may issue again (unless it owes a
		/// claim).
		IssuerCured { issuer: T::AccountId },
		/// A note was sold to `to` against payment (financing).
		NoteMoved { note: NoteId, from: T::AccountId, to: T::AccountId },
		/// A note was pledged to a financing.
		Pledged { note: NoteId, financing: FinancingId },
		/// A pledged note was released back to its holder.
		PledgeReleased { note: NoteId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No receivable has this id.
		UnknownReceivable,
		/// No note has this id.
		UnknownNote,
		/// The caller is not an active Core enterprise.
		NotCore,
		/// The supplier is not an active Supplier enterprise.
		NotSupplier,
		/// A core enterprise cannot issue a receivable to itself.
		SelfIssue,
		/// The amount is below the minimum note amount, or below the asset's minimum balance
		/// (a smaller note could not be paid to a holder that holds none of the asset).
		BelowMinimum,
		/// The maturity is not in the future.
		MaturityInPast,
		/// The maturity is further away than the longest tenor.
		TenorTooLong,
		/// The invoice reference is empty.
		EmptyInvoiceRef,
		/// The issuer already issued a receivable for this invoice reference.
		DuplicateInvoice,
		/// The caller does not hold the note.
		NotHolder,
		/// The recipient already has `MaxPendingOffers` offers waiting for its answer.
		TooManyOffers,
		/// The recipient already has `MaxOffersPerSender` offers from this sender waiting.
		TooManyOffersFrom,
		/// No offer from this sender waits for the caller.
		NoOffersFrom,
		/// The caller is not an active enterprise that may hold notes (Supplier or Financier).
		NotParticipant,
		/// The recipient is not an active enterprise that may hold notes.
		RecipientNotEligible,
		/// A note cannot be offered to its own holder.
		SelfTransfer,
		/// The note is not Active.
		NoteNotActive,
		/// The note is not offered to anyone.
		NotPending,
		/// The note is offered to someone else.
		NotRecipient,
		/// The caller is not the receivable's issuer.
		NotIssuer,
		/// The receivable was accepted: it can no longer be cancelled.
		AlreadyAccepted,
		/// A split makes at least two parts.
		TooFewParts,
		/// The parts do not sum to the note's amount.
		AmountMismatch,
		/// The amount is larger than the note.
		AmountTooLarge,
		/// The receivable is not Active or Overdue, so it cannot be repaid.
		NotRepayable,
		/// The receivable is not repaid.
		NotRepaid,
		/// The receivable has not matured.
		NotMatured,
		/// The note is already redeemed.
		AlreadyRedeemed,
		/// The note was split; its children are redeemed instead.
		NoteConsumed,
		/// The note is under judicial freeze.
		NoteFrozen,
		/// Maturity plus the grace period has not passed.
		NotOverdueYet,
		/// Only an Active receivable can become overdue.
		NotActiveReceivable,
		/// The note is Consumed or Redeemed and cannot be frozen.
		NotFreezable,
		/// The note is not frozen.
		NotFrozen,
		/// The note is not pledged.
		NotPledged,
		/// A parameter is zero.
		InvalidParameters,
		/// The issuer has an overdue receivable or owes an unpaid claim: it issues nothing new.
		IssuerInDefault,
		/// The amount is zero.
		ZeroAmount,
		/// The amount is more than what is still outstanding on the receivable.
		AboveOutstanding,
		/// Nothing is due on the note now: its share of the money in escrow is paid.
		NothingDue,
		/// The receivable has no clearing under way: not matured, or no money waits in its
		/// escrow.
		NothingToSettle,
		/// The invoice reference is longer than `MaxInvoiceRefLength` (reported by `can_issue`:
		/// an `issue` with it cannot even be encoded).
		InvoiceRefTooLong,
		/// `max_notes` is zero or above `MaxSettleNotes`.
		BadMaxNotes,
		/// Payouts on the receivable have begun: its notes can no longer be split.
		PaymentsStarted,
		/// The escrow's money in the receivable's own asset is still the notes' (the receivable
		/// is live): it goes back to the issuer when the receivable is settled.
		EscrowInUse,
		/// The escrow holds none of the asset.
		NothingToSweep,
		/// The note is at the deepest level a note may have (`MaxDepth`): it can be transferred
		/// whole, financed or redeemed, but no longer split.
		TooDeep,
	}

	impl<T: Config> Pallet<T> {
		/// What `redeem` is charged: the heaviest of its benchmarked paths (pledged through a
		/// factor, a called loan, factored, pending).
		pub fn redeem_weight() -> Weight {
			T::WeightInfo::redeem()
				.max(T::WeightInfo::redeem_called())
				.max(T::WeightInfo::redeem_factored())
				.max(T::WeightInfo::redeem_pending())
		}

		/// What `unfreeze` is charged: lifting the freeze, then paying the note what waited for
		/// it.
		pub fn unfreeze_weight() -> Weight {
			T::WeightInfo::unfreeze().saturating_add(Self::redeem_weight())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Clearing: pay due notes out of the weight the block has left; then count receivables
		/// issued before the exposure counters existed, if any are left.
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let used = Self::clear_idle(remaining);
			let used =
				used.saturating_add(Self::backfill_exposures(remaining.saturating_sub(used)));
			used.saturating_add(Self::backfill_offers(remaining.saturating_sub(used)))
		}

		/// From storage version 0 (no exposure counters) to 1: schedule counting the
		/// receivables that exist (`ExposureBackfill`); from 1 (no per-sender offer index) to 2:
		/// schedule indexing the offers waiting (`OffersBackfill`). Both are done from blocks'
		/// leftover weight.
		fn on_runtime_upgrade() -> Weight {
			Self::schedule_exposure_backfill().saturating_add(Self::schedule_offers_backfill())
		}

		fn integrity_test() {
			assert!(T::MaxSplit::get() >= 2, "MaxSplit must allow at least two parts");
			assert!(T::MaxInvoiceRefLength::get() > 0, "MaxInvoiceRefLength must be above zero");
			assert!(
				!sp_runtime::traits::Zero::is_zero(&T::DefaultMinNoteAmount::get()),
				"DefaultMinNoteAmount must be above zero"
			);
			assert!(T::MaxSettleNotes::get() > 0, "MaxSettleNotes must be above zero");
			assert!(T::ClearTurn::get() > 0, "ClearTurn must be above zero");
			assert!(
				T::MaxOffersPerSender::get() > 0
					&& T::MaxOffersPerSender::get() <= T::MaxPendingOffers::get(),
				"MaxOffersPerSender must be above zero and at most MaxPendingOffers"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Issue a receivable to a tier-1 supplier against a credit line (开立).
		///
		/// The origin must be signed by an active Core enterprise.
		///
		/// - `supplier`: an active Supplier; the root note is offered to it.
		/// - `asset`: the settlement asset (the credit line's).
		/// - `face`: face value in minor units (at least `min_note_amount` and the asset's minimum
		///   balance).
		/// - `maturity`: due date (ms), in the future and within `max_tenor`.
		/// - `credit_line`: a live line of the issuer with room for `face`.
		/// - `doc_hash`: hash of the underlying documents.
		/// - `invoice_ref`: the invoice reference, unique per issuer.
		///
		/// Emits [`Event::Issued`].
		///
		/// Errors: [`Error::NotCore`], [`Error::NotSupplier`], [`Error::SelfIssue`],
		/// [`Error::BelowMinimum`], [`Error::MaturityInPast`], [`Error::TenorTooLong`],
		/// [`Error::EmptyInvoiceRef`], [`Error::DuplicateInvoice`], and the credit line's
		/// errors (unknown, not the issuer's, revoked, expired, other asset, exceeded).
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::issue())]
		#[allow(clippy::too_many_arguments)] // the argument list is the public interface
		#[pallet::feeless_if(|origin: &OriginFor<T>, _supplier: &T::AccountId, _asset: &T::AssetId, _face: &BalanceOf<T>, _maturity: &Moment, _credit_line: &LineId, _doc_hash: &H256, _invoice_ref: &InvoiceRefOf<T>| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn issue(
			origin: OriginFor<T>,
			supplier: T::AccountId,
			asset: T::AssetId,
			face: BalanceOf<T>,
			maturity: Moment,
			credit_line: LineId,
			doc_hash: H256,
			invoice_ref: InvoiceRefOf<T>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_issue(
				issuer,
				supplier,
				asset,
				face,
				maturity,
				credit_line,
				doc_hash,
				invoice_ref,
			)
			.map(|_| ())
		}

		/// Accept an offered note (签收): the caller becomes its holder.
		///
		/// The origin must be signed by the enterprise the note is offered to, active, with the
		/// Supplier or Financier role. Accepting a root note makes the receivable Active.
		///
		/// - `note`: a Pending note offered to the caller.
		///
		/// Emits [`Event::Accepted`].
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NotPending`], [`Error::NotRecipient`],
		/// [`Error::NotParticipant`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::accept())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn accept(origin: OriginFor<T>, note: NoteId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept(who, note)
		}

		/// Reject an offered note: it goes back to its sender. Rejecting a root note cancels
		/// the receivable and releases its credit.
		///
		/// The origin must be signed by the enterprise the note is offered to (a suspended one
		/// may still reject).
		///
		/// - `note`: a Pending note offered to the caller.
		///
		/// Emits [`Event::Rejected`] (and [`Event::Cancelled`] for a root note).
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NotPending`], [`Error::NotRecipient`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn reject(origin: OriginFor<T>, note: NoteId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject(who, note)
		}
		/// Reject every offer `sender` has waiting for the caller, in one call: each note goes
		/// back to `sender` (a root note's receivable is cancelled and its credit released). For
		/// an account flooded with small offers by one sender.
		///
		/// The origin must be signed by the account the offers wait for.
		///
		/// - `sender`: the account whose offers to reject.
		///
		/// Emits [`Event::Rejected`] per note (and [`Event::Cancelled`] for root notes), then
		/// [`Event::RejectedAllFrom`].
		///
		/// Errors: [`Error::NoOffersFrom`].
		///
		/// Complexity: `O(n)` in the sender's offers, at most `MaxOffersPerSender`; charged
		/// for `MaxOffersPerSender` and refunded for the rest.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::reject_all_from(T::MaxOffersPerSender::get()))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _sender: &T::AccountId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn reject_all_from(
			origin: OriginFor<T>,
			sender: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let count = Self::do_reject_all_from(who, sender)?;
			Ok(Some(T::WeightInfo::reject_all_from(count)).into())
		}

		/// Take back an offer before it is accepted. Revoking a root note cancels the
		/// receivable and releases its credit.
		///
		/// The origin must be signed by the note's sender (its holder while Pending).
		///
		/// - `note`: a Pending note the caller sent.
		///
		/// Emits [`Event::Revoked`] (and [`Event::Cancelled`] for a root note).
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NotPending`], [`Error::NotHolder`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn revoke(origin: OriginFor<T>, note: NoteId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(who, note)
		}

		/// Withdraw a receivable that its supplier never accepted; its credit is released and
		/// its invoice reference freed.
		///
		/// The origin must be signed by the issuer.
		///
		/// - `receivable`: a Pending receivable of the caller.
		///
		/// Emits [`Event::Cancelled`].
		///
		/// Errors: [`Error::UnknownReceivable`], [`Error::NotIssuer`],
		/// [`Error::AlreadyAccepted`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _receivable: &ReceivableId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn cancel(origin: OriginFor<T>, receivable: ReceivableId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, receivable)
		}

		/// Split a note into parts held by the same holder.
		///
		/// The origin must be signed by the note's holder, an active participant.
		///
		/// - `note`: an Active note of the caller.
		/// - `amounts`: two to `MaxSplit` parts, each at least `min_note_amount` and the asset's
		///   minimum balance, summing to the note's amount.
		///
		/// Emits [`Event::Split`].
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NotHolder`], [`Error::NotParticipant`],
		/// [`Error::NoteNotActive`], [`Error::TooFewParts`], [`Error::BelowMinimum`],
		/// [`Error::AmountMismatch`].
		///
		/// Complexity: `O(P)` in the number of parts; `O(1)` in depth and tree size.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::split(amounts.len() as u32))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId, _amounts: &BoundedVec<BalanceOf<T>, T::MaxSplit>| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn split(
			origin: OriginFor<T>,
			note: NoteId,
			amounts: BoundedVec<BalanceOf<T>, T::MaxSplit>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_split(who, note, amounts)
		}

		/// Offer a whole note to another enterprise; it stays Pending until accepted.
		///
		/// The origin must be signed by the note's holder, an active participant.
		///
		/// - `note`: an Active note of the caller.
		/// - `to`: an active Supplier or Financier other than the caller.
		///
		/// Emits [`Event::Transferred`].
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NotHolder`], [`Error::NotParticipant`],
		/// [`Error::NoteNotActive`], [`Error::SelfTransfer`], [`Error::RecipientNotEligible`],
		/// [`Error::TooManyOffers`], [`Error::TooManyOffersFrom`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId, _to: &T::AccountId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn transfer(origin: OriginFor<T>, note: NoteId, to: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, note, to)
		}

		/// Pay a supplier part of a note: the note splits into `amount`, offered to `to`, and
		/// the remainder, kept Active by the caller. Offering the whole amount is a `transfer`.
		///
		/// The origin must be signed by the note's holder, an active participant.
		///
		/// - `note`: an Active note of the caller.
		/// - `to`: an active Supplier or Financier other than the caller.
		/// - `amount`: what to pay; it and the remainder each at least `min_note_amount` and the
		///   asset's minimum balance.
		///
		/// Emits [`Event::SplitTransferred`] (or [`Event::Transferred`] for the whole amount).
		///
		/// Errors: those of `transfer`, and [`Error::AmountTooLarge`], [`Error::BelowMinimum`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::split_transfer())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId, _to: &T::AccountId, _amount: &BalanceOf<T>| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn split_transfer(
			origin: OriginFor<T>,
			note: NoteId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_split_transfer(who, note, to, amount)
		}

		/// Pay a receivable: everything still outstanding moves from the issuer into the
		/// receivable's escrow account and the credit line is released. Allowed before
		/// maturity (early) and after it (late, while Overdue). On the first payment the
		/// asset's minimum balance goes along as a reserve that keeps the escrow alive,
		/// returned at settlement with anything else left in the escrow. From maturity on the
		/// chain pays the notes by itself.
		///
		/// The origin must be signed by the issuer (a suspended issuer may still repay).
		///
		/// - `receivable`: an Active or Overdue receivable of the caller.
		///
		/// Emits [`Event::Repaid`].
		///
		/// Errors: [`Error::UnknownReceivable`], [`Error::NotIssuer`], [`Error::NotRepayable`],
		/// and the asset's errors if the issuer's balance is short.
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::repay())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _receivable: &ReceivableId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn repay(origin: OriginFor<T>, receivable: ReceivableId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay(who, receivable, None)
		}

		/// Pay part of a receivable (部分兑付): `amount` moves from the issuer into the escrow and
		/// the credit line is released by as much. Before or after maturity. From maturity on,
		/// the money in escrow is shared among the live notes pro rata to their amounts
		/// (rounded down; the units held back are carried to the next payment, so once
		/// everything is paid every note has received exactly its amount); what is unpaid
		/// stays owed. Paying all that is outstanding is a `repay`.
		///
		/// The origin must be signed by the issuer (a suspended issuer may still pay).
		///
		/// - `receivable`: an Active or Overdue receivable of the caller.
		/// - `amount`: above zero, at most what is outstanding.
		///
		/// Emits [`Event::PartRepaid`] (or [`Event::Repaid`] when it pays the rest).
		///
		/// Errors: [`Error::UnknownReceivable`], [`Error::NotIssuer`], [`Error::NotRepayable`],
		/// [`Error::ZeroAmount`], [`Error::AboveOutstanding`], and the asset's errors if the
		/// issuer's balance is short.
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::repay_part())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _receivable: &ReceivableId, _amount: &BalanceOf<T>| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn repay_part(
			origin: OriginFor<T>,
			receivable: ReceivableId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay(who, receivable, Some(amount))
		}

		/// Push a due receivable's clearing along: pay up to `max_notes` of its notes their
		/// share now, from where clearing stands, following `redeem`'s rules. Free (the fee is
		/// refunded) when it pays at least one note.
		///
		/// The origin may be anyone signed.
		///
		/// - `receivable`: a receivable at or past maturity with money in escrow to pay out.
		/// - `max_notes`: how many notes to visit, 1 to `MaxSettleNotes`.
		///
		/// Emits [`Event::Redeemed`] or [`Event::PartPaid`] per note paid,
		/// [`Event::ClearingDone`] when every note was visited, [`Event::Settled`] when all is
		/// paid.
		///
		/// Errors: [`Error::UnknownReceivable`], [`Error::BadMaxNotes`],
		/// [`Error::NothingToSettle`].
		///
		/// Complexity: `O(max_notes)`; charged for the notes visited.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::settle((*max_notes).min(T::MaxSettleNotes::get())))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _receivable: &ReceivableId, _max_notes: &u32| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn settle(
			origin: OriginFor<T>,
			receivable: ReceivableId,
			max_notes: u32,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let (visited, paid) = Self::do_settle(receivable, max_notes)?;
			let pays_fee = if paid > 0 { Pays::No } else { Pays::Yes };
			Ok(frame_support::dispatch::PostDispatchInfo {
				actual_weight: Some(T::WeightInfo::settle(visited)),
				pays_fee,
			})
		}

		/// Pay one note its share of the money in escrow now (clearing would pay it in the
		/// next blocks anyway), to its rightful party: the pledgee first for a pledged note,
		/// the holder (a pending note's sender) the rest. The payout that completes the last
		/// note settles the receivable and returns what is left in the escrow (its reserve,
		/// and any surplus) to the issuer.
		///
		/// The origin may be anyone signed.
		///
		/// - `note`: a live, unfrozen note of a receivable at or after maturity, with money in
		///   escrow for it.
		///
		/// Emits [`Event::Redeemed`] when the note is paid in full, [`Event::PartPaid`]
		/// otherwise (and [`Event::Settled`] and [`Event::EscrowReturned`] for the last note).
		///
		/// Errors: [`Error::UnknownNote`], [`Error::AlreadyRedeemed`], [`Error::NoteConsumed`],
		/// [`Error::NoteFrozen`], [`Error::NotRepaid`] (nothing paid into escrow yet),
		/// [`Error::NotMatured`], [`Error::NothingDue`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::redeem_weight())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _note: &NoteId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn redeem(origin: OriginFor<T>, note: NoteId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_redeem(note)
		}

		/// Mark a receivable overdue once maturity plus the grace period has passed unpaid;
		/// recourse opens for financiers.
		///
		/// The origin may be anyone signed.
		///
		/// - `receivable`: an Active receivable.
		///
		/// Emits [`Event::MarkedOverdue`].
		///
		/// Errors: [`Error::UnknownReceivable`], [`Error::NotActiveReceivable`],
		/// [`Error::NotOverdueYet`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::mark_overdue())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _receivable: &ReceivableId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn mark_overdue(origin: OriginFor<T>, receivable: ReceivableId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_mark_overdue(receivable)
		}

		/// Put a note under judicial freeze: it cannot move, split, be financed or be redeemed
		/// until unfrozen; its money waits in escrow.
		///
		/// The origin must be the Operator.
		///
		/// - `note`: an Active, Pending or Pledged note.
		///
		/// Emits [`Event::Frozen`].
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NoteFrozen`], [`Error::NotFreezable`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, note: NoteId) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_freeze(note)
		}

		/// Lift a judicial freeze: the note returns to the state it had, and is paid at once
		/// what waited for it in escrow (if clearing could not pay it now, it stays owed, for
		/// `redeem`).
		///
		/// The origin must be the Operator.
		///
		/// - `note`: a frozen note.
		///
		/// Emits [`Event::Unfrozen`] (and the payout's events).
		///
		/// Errors: [`Error::UnknownNote`], [`Error::NotFrozen`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(12)]
		#[pallet::weight(Pallet::<T>::unfreeze_weight())]
		pub fn unfreeze(origin: OriginFor<T>, note: NoteId) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(note)
		}

		/// Set the ledger's parameters.
		///
		/// The origin must be the Operator.
		///
		/// - `max_tenor`: longest time from issuance to maturity (ms, above zero).
		/// - `grace_period`: time after maturity before overdue (ms).
		/// - `min_note_amount`: smallest note (above zero).
		///
		/// Emits [`Event::ParametersSet`].
		///
		/// Errors: [`Error::InvalidParameters`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(
			origin: OriginFor<T>,
			max_tenor: Moment,
			grace_period: Moment,
			min_note_amount: BalanceOf<T>,
		) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_set_parameters(max_tenor, grace_period, min_note_amount)
		}

		/// Set the soft tenor: the longest term (issue to maturity) of a note that programs
		/// finance; a note of a longer receivable is financed only through a bank's own review
		/// (`request`/`approve`). 银发〔2025〕77号 asks for that review of terms beyond six
		/// months; the default is 183 days.
		///
		/// The origin must be the Operator.
		///
		/// - `soft_tenor`: ms, above zero.
		///
		/// Emits [`Event::SoftTenorSet`].
		///
		/// Errors: [`Error::InvalidParameters`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::set_soft_tenor())]
		pub fn set_soft_tenor(origin: OriginFor<T>, soft_tenor: Moment) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_set_soft_tenor(soft_tenor)
		}

		/// Return money stranded in a receivable's escrow to its issuer: anything sent to the
		/// escrow after the receivable was settled or cancelled (when the escrow's own money
		/// has gone back already), or at any time money in an asset other than the
		/// receivable's, which settlement never touches. The whole balance goes, so the escrow
		/// account is reaped.
		///
		/// The origin may be anyone signed.
		///
		/// - `receivable`: the receivable whose escrow holds the money.
		/// - `asset`: the asset to return.
		///
		/// Emits [`Event::EscrowReturned`].
		///
		/// Errors: [`Error::UnknownReceivable`], [`Error::EscrowInUse`] (the receivable's own
		/// asset while the receivable is live: settlement returns the surplus),
		/// [`Error::NothingToSweep`].
		///
		/// Complexity: `O(1)`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::sweep_escrow())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, _receivable: &ReceivableId, _asset: &T::AssetId| -> bool { Pallet::<T>::feeless(origin) })]
		pub fn sweep_escrow(
			origin: OriginFor<T>,
			receivable: ReceivableId,
			asset: T::AssetId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_sweep_escrow(receivable, asset)
		}

		/// Succeeds for any signed origin and changes nothing. Exists only in the runtime built
		/// with the `upgrade-test` feature (`scripts/build/upgrade-runtime.sh`): a call that a runtime
		/// upgrade adds to a pallet the `cascade` client uses, to show that installed clients
		/// keep working when one appears.
		#[cfg(feature = "upgrade-test")]
		#[pallet::call_index(63)]
		#[pallet::weight(T::DbWeight::get().reads(0))]
		pub fn upgrade_probe(origin: OriginFor<T>) -> DispatchResult {
			ensure_signed(origin)?;
			Ok(())
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
