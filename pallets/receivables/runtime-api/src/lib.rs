//! `ReceivablesApi`: what clients read of the ledger that storage alone makes awkward — a
//! holder's notes including offers waiting for acceptance, a note's path to its root, a
//! receivable's whole tree, a core enterprise's exposure, and what financing would pay now.
//!
//! Versions: 1 answered `notes_of` and `tree` with every item at once, which grows with the
//! ledger; 2 answers them a bounded page at a time (`cascade_primitives::paging`). Blocks of a
//! runtime with version 1 are still read with the version-1 calls (`*_before_version_2` on the
//! client side).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
pub use cascade_primitives::paging::{Cursor, Page, PageError, PageRequest, MAX_PAGE};
use cascade_primitives::{LineId, Moment, NoteId, ReceivableId};
use codec::{Codec, Decode, Encode};
pub use pallet_receivables::{NoteState, ReceivableStatus};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Permill;

/// A receivable as the API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ReceivableInfo<AccountId, AssetId, Balance> {
	pub id: ReceivableId,
	pub issuer: AccountId,
	pub asset: AssetId,
	pub face: Balance,
	pub issued_at: Moment,
	pub maturity: Moment,
	pub credit_line: LineId,
	pub doc_hash: H256,
	pub invoice_ref: Vec<u8>,
	pub status: ReceivableStatus,
	/// Paid into escrow so far.
	pub repaid: Balance,
	/// Still to be paid into escrow (`face − repaid`).
	pub outstanding: Balance,
	/// Paid out of escrow to notes so far.
	pub paid_out: Balance,
	pub root: NoteId,
	/// Notes still live: clearing has yet to pay them in full.
	pub live_notes: u32,
	/// Whether clearing has money to pay out to its notes (queued or under way).
	pub clearing: bool,
	/// The escrow account repayments go into.
	pub escrow: AccountId,
	/// Its balance now.
	pub escrow_balance: Balance,
}

/// A note as the API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct NoteInfo<AccountId, Balance> {
	pub id: NoteId,
	pub receivable: ReceivableId,
	pub parent: Option<NoteId>,
	pub depth: u32,
	pub holder: AccountId,
	pub amount: Balance,
	/// Paid on it out of escrow so far (`amount − paid` is still owed).
	pub paid: Balance,
	pub state: NoteState<AccountId>,
}

/// A credit line as the API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct LineInfo<AccountId, AssetId, Balance> {
	pub id: LineId,
	pub financier: AccountId,
	pub asset: AssetId,
	pub limit: Balance,
	pub used: Balance,
	pub expires_at: Moment,
	pub revoked: bool,
}

/// A core enterprise's exposure: what it owes per asset (receivables neither repaid nor
/// cancelled) and its credit lines.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Exposure<AccountId, AssetId, Balance> {
	pub outstanding: Vec<(AssetId, Balance)>,
	pub receivables: u32,
	pub lines: Vec<LineInfo<AccountId, AssetId, Balance>>,
}

/// What financing a note at a rate would pay if executed now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Quote<AccountId, AssetId, Balance> {
	pub note: NoteId,
	pub obligor: AccountId,
	pub asset: AssetId,
	pub amount: Balance,
	pub annual_rate: Permill,
	pub now: Moment,
	pub maturity: Moment,
	/// Whole days to maturity, rounded up.
	pub days: u64,
	/// Discount interest, actual/360, rounded down.
	pub interest: Balance,
	/// `amount − interest`.
	pub disbursed: Balance,
	/// Whether the note may be financed now (Active, its receivable Active).
	pub financeable: bool,
}

/// A claim a seller (recourse) or a borrower (a called pledge loan) still owes a financier.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ClaimInfo<AccountId, Balance> {
	pub financing: cascade_primitives::FinancingId,
	pub debtor: AccountId,
	pub creditor: AccountId,
	pub amount: Balance,
}

sp_api::decl_runtime_apis! {
	/// Reads of Cascade's ledger.
	#[api_version(2)]
	pub trait ReceivablesApi<AccountId, AssetId, Balance>
	where
		AccountId: Codec,
		AssetId: Codec,
		Balance: Codec,
	{
		/// A receivable.
		fn receivable(id: ReceivableId) -> Option<ReceivableInfo<AccountId, AssetId, Balance>>;
		/// A note.
		fn note(id: NoteId) -> Option<NoteInfo<AccountId, Balance>>;
		/// The live notes `who` holds and the notes offered to it, all at once (version 1).
		#[changed_in(2)]
		fn notes_of(who: AccountId) -> Vec<NoteInfo<AccountId, Balance>>;
		/// One page of the live notes `who` holds, then of the notes offered to it.
		fn notes_of(
			who: AccountId,
			page: PageRequest,
		) -> Result<Page<NoteInfo<AccountId, Balance>>, PageError>;
		/// The notes from `note` up to its root, inclusive; empty if `note` is unknown.
		fn lineage(note: NoteId) -> Vec<NoteInfo<AccountId, Balance>>;
		/// Every note of a receivable, ordered by id; `None` if the receivable is unknown
		/// (version 1).
		#[changed_in(2)]
		fn tree(receivable: ReceivableId) -> Option<Vec<NoteInfo<AccountId, Balance>>>;
		/// One page of the notes of a receivable (`PageError::UnknownList` if it is unknown).
		fn tree(
			receivable: ReceivableId,
			page: PageRequest,
		) -> Result<Page<NoteInfo<AccountId, Balance>>, PageError>;
		/// A core enterprise's outstanding receivables per asset and its credit lines.
		fn exposure(core: AccountId) -> Exposure<AccountId, AssetId, Balance>;
		/// What financing `note` at `annual_rate` would pay now; `None` if the note is unknown.
		fn quote(note: NoteId, annual_rate: Permill) -> Option<Quote<AccountId, AssetId, Balance>>;
		/// The claims (recourse, called loans) `who` owes or is owed.
		fn claims_of(who: AccountId) -> Vec<ClaimInfo<AccountId, Balance>>;
	}
}
