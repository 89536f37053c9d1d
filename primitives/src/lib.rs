//! The types and traits that couple Cascade's pallets.
//!
//! The receivables pallet asks "is this account an active Core?" and "draw this much on that
//! credit line" through these traits; the runtime wires the concrete pallets behind them.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod attestation;
pub mod decimal;
pub mod paging;
pub mod pricing;
#[cfg(feature = "std")]
pub mod text;

pub use attestation::{
	Attestation, AttestationId, AttestationInfo, AttestationKind, Attestations, Grade, GreenGrade,
	Office, TierGrade,
};
pub use decimal::Decimal;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::DispatchResult;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// A `pallet_timestamp` moment: milliseconds since the Unix epoch.
pub type Moment = u64;
/// Identifier of a financier's credit line to a core enterprise.
pub type LineId = u64;

/// Milliseconds in a day.
pub const MILLIS_PER_DAY: Moment = 86_400_000;

/// A role an enterprise plays. One enterprise may hold several.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Role {
	/// A core enterprise: the obligor of receivables.
	Core,
	/// A supplier at any tier: accepts, holds, splits and transfers notes.
	Supplier,
	/// A bank or factor: grants credit lines and finances notes.
	Financier,
}

/// The set of roles of an enterprise.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct Roles {
	/// Issues receivables against its credit lines and repays them.
	pub core: bool,
	/// Accepts, holds, splits and transfers notes.
	pub supplier: bool,
	/// Grants credit lines and finances notes.
	pub financier: bool,
}

impl Roles {
	/// Roles holding just `role`.
	pub fn only(role: Role) -> Self {
		let mut roles = Self::default();
		match role {
			Role::Core => roles.core = true,
			Role::Supplier => roles.supplier = true,
			Role::Financier => roles.financier = true,
		}
		roles
	}

	/// Whether the set holds `role`.
	pub fn has(&self, role: Role) -> bool {
		match role {
			Role::Core => self.core,
			Role::Supplier => self.supplier,
			Role::Financier => self.financier,
		}
	}

	/// Whether the set is empty.
	pub fn is_empty(&self) -> bool {
		!(self.core || self.supplier || self.financier)
	}
}

/// Who takes part: the registry of enterprises.
pub trait EnterpriseRegistry<AccountId> {
	/// Whether `who` is registered (Active or Suspended).
	fn is_registered(who: &AccountId) -> bool;
	/// Whether `who` is registered, Active, and holds `role`.
	fn is_active_with(who: &AccountId, role: Role) -> bool;
	/// Whether `who` is registered and Active, whatever its roles.
	fn is_active(who: &AccountId) -> bool;
}

/// Financiers' credit lines to core enterprises, as the receivables pallet draws on them.
pub trait CreditLineDraws<AccountId, AssetId, Balance> {
	/// Draw `amount` on `line` for `issuer` in `asset` at time `now`. Fails, changing nothing,
	/// when the line is unknown, not the issuer's, revoked, expired at `now`, in another asset,
	/// or has less than `amount` of room.
	fn draw(
		line: LineId,
		issuer: &AccountId,
		asset: &AssetId,
		amount: Balance,
		now: Moment,
	) -> DispatchResult;
	/// Give back `amount` drawn on `line` (the receivable was repaid or cancelled).
	fn release(line: LineId, amount: Balance) -> DispatchResult;
	/// What is drawn on `line` now, if it exists.
	fn used(line: LineId) -> Option<Balance>;
}

/// Identifier of a receivable.
pub type ReceivableId = u64;
/// Identifier of a note (a piece of a receivable).
pub type NoteId = u64;
/// Identifier of a financing (a factoring or a pledge loan).
pub type FinancingId = u64;

/// Where a note stands, as other pallets see it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum NoteStanding {
	/// Held and free to move.
	Active,
	/// Offered to another enterprise, waiting for acceptance.
	Pending,
	/// Pledged to a financing.
	Pledged(FinancingId),
	/// Under judicial freeze.
	Frozen,
	/// Split into children.
	Consumed,
	/// Paid out.
	Redeemed,
}

/// What another pallet may read of a note and its receivable.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NoteView<AccountId, AssetId, Balance> {
	pub note: NoteId,
	pub receivable: ReceivableId,
	pub holder: AccountId,
	pub amount: Balance,
	/// What has been paid on the note so far (its unpaid part is `amount − paid`).
	pub paid: Balance,
	pub standing: NoteStanding,
	/// The core enterprise that owes the receivable.
	pub obligor: AccountId,
	pub asset: AssetId,
	pub maturity: Moment,
	/// Whether the receivable is accepted, not repaid, not cancelled and not overdue: the
	/// only time a note may be financed.
	pub financeable: bool,
	/// Whether the receivable is overdue (recourse may open).
	pub overdue: bool,
	/// When the issuer completed paying the receivable into escrow, if it has: a pledge's
	/// interest runs no further than `max(maturity, funded_at)`.
	pub funded_at: Option<Moment>,
	/// The receivable's term (issue to maturity) is longer than the soft tenor: a bank must
	/// review it (request/approve) — programs do not finance it (银发〔2025〕77号).
	pub needs_review: bool,
}

/// The ledger of notes, as the financing pallet uses it. Every change is atomic with the
/// caller's own: a failing call changes nothing.
pub trait NoteLedger<AccountId, AssetId, Balance> {
	/// Read a note.
	fn note(note: NoteId) -> Option<NoteView<AccountId, AssetId, Balance>>;
	/// Hand an Active note to `to`, who holds it Active at once (a sale against payment).
	fn move_note(note: NoteId, to: &AccountId) -> DispatchResult;
	/// Pledge an Active note to `financing`.
	fn pledge(note: NoteId, financing: FinancingId) -> DispatchResult;
	/// Release a Pledged note back to Active.
	fn release_pledge(note: NoteId) -> DispatchResult;
}

/// What a financing makes of one payout on a note (see [`RedeemHook`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Payout<AccountId, Balance> {
	/// The pledgee and what it is paid out of the share (at most the share), if any; the holder
	/// gets the rest.
	pub to_pledgee: Option<(AccountId, Balance)>,
	/// The pledge is paid off by this payout: a note not yet fully paid goes back to its holder,
	/// Active.
	pub release: bool,
	/// The seller of a factoring with a reserve and the reserve's part of the share (at most
	/// what is left after the pledgee); the holder gets the rest.
	pub to_seller: Option<(AccountId, Balance)>,
}

impl<AccountId, Balance> Default for Payout<AccountId, Balance> {
	fn default() -> Self {
		Payout { to_pledgee: None, release: false, to_seller: None }
	}
}

/// Told when a note is paid (its pro-rata share of what reached escrow, or the rest of it), so a
/// financing can be paid down or closed and a pledgee paid first. Implemented by the financing
/// pallet; the default `()` pays everything to the holder.
pub trait RedeemHook<AccountId, Balance> {
	/// `note`, held by `holder` (pledged to `pledge`, if any), is being paid `share` out of
	/// escrow; `last` when this share completes the note (it is then Redeemed). A pledge's
	/// interest runs until `interest_until`.
	fn on_payout(
		note: NoteId,
		holder: &AccountId,
		pledge: Option<FinancingId>,
		share: Balance,
		last: bool,
		interest_until: Moment,
	) -> Result<Payout<AccountId, Balance>, frame_support::pallet_prelude::DispatchError>;
}

impl<AccountId, Balance> RedeemHook<AccountId, Balance> for () {
	fn on_payout(
		_note: NoteId,
		_holder: &AccountId,
		_pledge: Option<FinancingId>,
		_share: Balance,
		_last: bool,
		_interest_until: Moment,
	) -> Result<Payout<AccountId, Balance>, frame_support::pallet_prelude::DispatchError> {
		Ok(Payout::default())
	}
}

/// Who does ledger work without fees: a registered, active enterprise, within a number of
/// feeless calls per block (nobody floods the chain for free). Implemented by the enterprises
/// pallet, which counts them; `()` lets nobody.
pub trait FeelessWork<AccountId> {
	/// Whether a call signed by `who` now goes without fees.
	fn allows(who: &AccountId) -> bool;
}

impl<AccountId> FeelessWork<AccountId> for () {
	fn allows(_who: &AccountId) -> bool {
		false
	}
}

/// Whether an account owes an unpaid claim (a called loan, recourse it could not pay): a core
/// that does may issue nothing new. Implemented by the financing pallet; `()` owes nothing.
pub trait ClaimsOwed<AccountId> {
	/// Whether `who` is the debtor of a claim not yet paid. `O(1)`.
	fn owes(who: &AccountId) -> bool;
}

impl<AccountId> ClaimsOwed<AccountId> for () {
	fn owes(_who: &AccountId) -> bool {
		false
	}
}

/// The settlement assets: created by the Operator only, the only money credit lines,
/// financing programs and receivables may be in.
pub trait SettlementAssets<AssetId> {
	/// Whether `asset` is a settlement asset.
	fn is_settlement_asset(asset: &AssetId) -> bool;
}
