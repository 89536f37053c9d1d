//! `ReceivablesApi`: what clients read of the ledger that storage alone makes awkward — a
//! holder's notes including offers waiting for acceptance, a note's path to its root, a
//! receivable's tree, a core enterprise's exposure and credit lines, what financing would pay
//! now, a financier's programs, an account's financings, requests and claims — and whether an
//! `issue` would go through.
//!
//! The answer types are the RPC's answers too: with `std` they derive serde (camelCase fields,
//! amounts and asset ids as decimal strings, accounts as SS58, the invoice reference as text), so
//! the node serves them as they are.
//!
//! Versions: 1 answered `notes_of`, `tree` and `claims_of` with every item at once, which grows
//! with the ledger, and `exposure` by walking every receivable of the core; 2 answers every list
//! a bounded page at a time (`cascade_primitives::paging`), reads exposure from counters, and adds
//! the financings, programs, requests and lines lists and `can_issue`; 3 names the note that
//! secures each claim (`ClaimInfo::security`). Blocks of older runtimes are still read with
//! their own calls (`*_before_version_2`, `claims_of_before_version_3` on the client side),
//! whose answer types are in [`v1`] and [`v2`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
pub use cascade_primitives::paging::{Cursor, Page, PageError, PageRequest, MAX_PAGE};
use cascade_primitives::{FinancingId, LineId, Moment, NoteId, ReceivableId};
use codec::{Codec, Decode, Encode};
pub use pallet_financing::{FinancingKind, FinancingStatus, ProgramId, RequestId};
pub use pallet_receivables::{NoteState, ReceivableStatus};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchResult, Permill};

#[cfg(feature = "std")]
use serde::{Deserialize, Serialize};

/// A receivable as the API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize, AssetId: core::fmt::Display, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, AssetId: core::str::FromStr, Balance: core::str::FromStr"
		)
	)
)]
pub struct ReceivableInfo<AccountId, AssetId, Balance> {
	pub id: ReceivableId,
	pub issuer: AccountId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub asset: AssetId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub face: Balance,
	pub issued_at: Moment,
	pub maturity: Moment,
	pub credit_line: LineId,
	pub doc_hash: H256,
	/// The invoice reference (in JSON as text, lossy for bytes that are not UTF-8).
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::lossy_text"))]
	pub invoice_ref: Vec<u8>,
	/// In JSON: `pending`, `active`, `repaid`, `settled`, `cancelled` or `overdue`.
	pub status: ReceivableStatus,
	/// Paid into escrow so far.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub repaid: Balance,
	/// Still to be paid into escrow (`face − repaid`).
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub outstanding: Balance,
	/// Paid out of escrow to notes so far.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub paid_out: Balance,
	pub root: NoteId,
	/// Notes still live: clearing has yet to pay them in full (`notesLeft` in JSON).
	#[cfg_attr(feature = "std", serde(rename = "notesLeft"))]
	pub live_notes: u32,
	/// Whether clearing has money to pay out to its notes (queued or under way).
	pub clearing: bool,
	/// The escrow account repayments go into.
	pub escrow: AccountId,
	/// Its balance now.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub escrow_balance: Balance,
}

/// A note as the API shows it. In JSON its state is three fields: `state`, `pendingTo`,
/// `financing` (see `NoteState`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize + Clone, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr"
		)
	)
)]
pub struct NoteInfo<AccountId, Balance> {
	pub id: NoteId,
	pub receivable: ReceivableId,
	pub parent: Option<NoteId>,
	pub depth: u32,
	pub holder: AccountId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub amount: Balance,
	/// Paid on it out of escrow so far (`amount − paid` is still owed).
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub paid: Balance,
	#[cfg_attr(feature = "std", serde(flatten))]
	pub state: NoteState<AccountId>,
}

/// A credit line as the API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize, AssetId: core::fmt::Display, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, AssetId: core::str::FromStr, Balance: core::str::FromStr"
		)
	)
)]
pub struct LineInfo<AccountId, AssetId, Balance> {
	pub id: LineId,
	pub financier: AccountId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub asset: AssetId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub limit: Balance,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub used: Balance,
	/// `limit − used`.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub available: Balance,
	pub expires_at: Moment,
	pub revoked: bool,
}

/// What a core owes in one asset.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AssetId: core::fmt::Display, Balance: core::fmt::Display",
			deserialize = "AssetId: core::str::FromStr, Balance: core::str::FromStr"
		)
	)
)]
pub struct Outstanding<AssetId, Balance> {
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub asset: AssetId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub amount: Balance,
}

/// A core enterprise's exposure: what it owes per asset (receivables neither repaid in full nor
/// cancelled, how many) and its credit lines (the first page of them: a core has at most
/// `MaxLinesPerCore`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize, AssetId: core::fmt::Display, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, AssetId: core::str::FromStr, Balance: core::str::FromStr"
		)
	)
)]
pub struct Exposure<AccountId, AssetId, Balance> {
	pub core: AccountId,
	pub outstanding: Vec<Outstanding<AssetId, Balance>>,
	pub receivables: u32,
	pub credit_lines: Vec<LineInfo<AccountId, AssetId, Balance>>,
	/// False for the few blocks after the upgrade that introduced the exposure counters, while
	/// they still count older receivables: the figures are then too low.
	pub complete: bool,
}

/// What financing a note at a rate would pay if executed now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize, AssetId: core::fmt::Display, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, AssetId: core::str::FromStr, Balance: core::str::FromStr"
		)
	)
)]
pub struct Quote<AccountId, AssetId, Balance> {
	pub note: NoteId,
	pub obligor: AccountId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub asset: AssetId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub amount: Balance,
	/// Parts per million a year (3.65 % is 36500).
	pub annual_rate: Permill,
	pub now: Moment,
	pub maturity: Moment,
	/// Whole days to maturity, rounded up.
	pub days: u64,
	/// Discount interest, actual/360, rounded down.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub interest: Balance,
	/// `amount − interest`.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub disbursed: Balance,
	/// Whether the note may be financed now (Active, its receivable Active).
	pub financeable: bool,
}

/// A claim a seller (recourse) or a borrower (a called pledge loan) still owes a financier.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr"
		)
	)
)]
pub struct ClaimInfo<AccountId, Balance> {
	pub financing: FinancingId,
	pub debtor: AccountId,
	pub creditor: AccountId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub amount: Balance,
	/// The note held as the creditor's security for the claim (version 3): pledged to the
	/// financing, its payouts pay the creditor first, and it goes back to the debtor when the
	/// claim is paid. `None` once the note is paid out (the claim is unsecured) and in answers
	/// for blocks of a runtime before version 3.
	pub security: Option<NoteId>,
}

/// A financing (factoring or pledge loan) as the API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, Balance: core::str::FromStr"
		)
	)
)]
pub struct FinancingInfo<AccountId, Balance> {
	pub id: FinancingId,
	/// In JSON `{"factoring": {"recourse": bool}}` or `"pledge"`.
	pub kind: FinancingKind,
	pub financier: AccountId,
	/// The holder who sold or pledged the note.
	pub seller: AccountId,
	pub note: NoteId,
	pub receivable: ReceivableId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub amount: Balance,
	/// What the seller received.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub disbursed: Balance,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub interest: Balance,
	pub annual_rate: Permill,
	pub started_at: Moment,
	pub maturity: Moment,
	pub program: Option<ProgramId>,
	/// In JSON `open`, `loanRepaid`, `redeemed`, `recourseSettled`, `claimed`, `soldOn` or
	/// `called`.
	pub status: FinancingStatus,
}

/// A financing program as the API shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(
			serialize = "AccountId: Serialize, AssetId: core::fmt::Display, Balance: core::fmt::Display",
			deserialize = "AccountId: Deserialize<'de>, AssetId: core::str::FromStr, Balance: core::str::FromStr"
		)
	)
)]
pub struct ProgramInfo<AccountId, AssetId, Balance> {
	pub id: ProgramId,
	pub financier: AccountId,
	pub core: AccountId,
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub asset: AssetId,
	pub annual_rate: Permill,
	/// What it may still advance.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub budget: Balance,
	/// What it has advanced and not yet got back.
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::decimal"))]
	pub outstanding: Balance,
	pub expires_at: Moment,
	pub closed: bool,
}

/// A request for financing waiting for its financier's answer.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize, Deserialize))]
#[cfg_attr(
	feature = "std",
	serde(
		rename_all = "camelCase",
		bound(serialize = "AccountId: Serialize", deserialize = "AccountId: Deserialize<'de>")
	)
)]
pub struct RequestInfo<AccountId> {
	pub id: RequestId,
	pub holder: AccountId,
	pub financier: AccountId,
	pub note: NoteId,
	pub kind: FinancingKind,
	pub annual_rate: Permill,
	pub created_at: Moment,
}

/// The answer types of version 2, kept to decode what blocks of a version-2 runtime answer.
pub mod v2 {
	use super::*;

	/// A claim (versions 1 and 2: without `security`).
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
	pub struct ClaimInfo<AccountId, Balance> {
		pub financing: FinancingId,
		pub debtor: AccountId,
		pub creditor: AccountId,
		pub amount: Balance,
	}

	impl<AccountId, Balance> ClaimInfo<AccountId, Balance> {
		/// In the form version 3 answers (what secures it is not known).
		pub fn upgrade(self) -> super::ClaimInfo<AccountId, Balance> {
			super::ClaimInfo {
				financing: self.financing,
				debtor: self.debtor,
				creditor: self.creditor,
				amount: self.amount,
				security: None,
			}
		}
	}
}

/// The answer types of version 1, kept to decode what blocks of a version-1 runtime answer.
pub mod v1 {
	use super::*;

	/// A credit line (version 1: without `available`).
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

	/// A core's exposure (version 1).
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
	pub struct Exposure<AccountId, AssetId, Balance> {
		pub outstanding: Vec<(AssetId, Balance)>,
		pub receivables: u32,
		pub lines: Vec<LineInfo<AccountId, AssetId, Balance>>,
	}

	impl<AccountId, AssetId, Balance> Exposure<AccountId, AssetId, Balance>
	where
		Balance: Copy + sp_runtime::traits::Saturating,
	{
		/// In the form version 2 answers, for `core`.
		pub fn upgrade(self, core: AccountId) -> super::Exposure<AccountId, AssetId, Balance> {
			super::Exposure {
				core,
				outstanding: self
					.outstanding
					.into_iter()
					.map(|(asset, amount)| Outstanding { asset, amount })
					.collect(),
				receivables: self.receivables,
				credit_lines: self
					.lines
					.into_iter()
					.map(|l| super::LineInfo {
						id: l.id,
						financier: l.financier,
						asset: l.asset,
						limit: l.limit,
						used: l.used,
						available: l.limit.saturating_sub(l.used),
						expires_at: l.expires_at,
						revoked: l.revoked,
					})
					.collect(),
				complete: true,
			}
		}
	}
}

sp_api::decl_runtime_apis! {
	/// Reads of Cascade's ledger.
	#[api_version(3)]
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
		/// The notes from `note` up to its root, inclusive (at most `MaxDepth + 1`); empty if
		/// `note` is unknown.
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
		/// A core's outstanding receivables per asset and its credit lines (version 1: walked
		/// every receivable the core issued).
		#[changed_in(2)]
		fn exposure(core: AccountId) -> v1::Exposure<AccountId, AssetId, Balance>;
		/// A core's outstanding receivables per asset, from counters, and its credit lines.
		fn exposure(core: AccountId) -> Exposure<AccountId, AssetId, Balance>;
		/// What financing `note` at `annual_rate` would pay now; `None` if the note is unknown.
		fn quote(note: NoteId, annual_rate: Permill) -> Option<Quote<AccountId, AssetId, Balance>>;
		/// The claims `who` owes or is owed, all at once (version 1: scanned every claim).
		#[changed_in(2)]
		fn claims_of(who: AccountId) -> Vec<v2::ClaimInfo<AccountId, Balance>>;
		/// One page of the claims `who` owes or is owed (version 2: without their security).
		#[changed_in(3)]
		fn claims_of(
			who: AccountId,
			page: PageRequest,
		) -> Result<Page<v2::ClaimInfo<AccountId, Balance>>, PageError>;
		/// One page of the claims (recourse, called loans) `who` owes or is owed, each with the
		/// note that secures it.
		fn claims_of(
			who: AccountId,
			page: PageRequest,
		) -> Result<Page<ClaimInfo<AccountId, Balance>>, PageError>;
		/// One page of the financings of `who`, as financier or as seller/borrower.
		fn financings_of(
			who: AccountId,
			page: PageRequest,
		) -> Result<Page<FinancingInfo<AccountId, Balance>>, PageError>;
		/// One page of the programs `financier` opened.
		fn programs_of(
			financier: AccountId,
			page: PageRequest,
		) -> Result<Page<ProgramInfo<AccountId, AssetId, Balance>>, PageError>;
		/// One page of the requests waiting for an answer that `who` made or must answer.
		fn requests_of(
			who: AccountId,
			page: PageRequest,
		) -> Result<Page<RequestInfo<AccountId>>, PageError>;
		/// One page of `core`'s credit lines.
		fn lines_of(
			core: AccountId,
			page: PageRequest,
		) -> Result<Page<LineInfo<AccountId, AssetId, Balance>>, PageError>;
		/// What `repay_loan(financing)` would debit its borrower now (principal and interest to
		/// today); `None` if `financing` is not an open pledge loan (version 3).
		fn repayment(financing: FinancingId) -> Option<Balance>;
		/// What `issue` by `issuer` with these arguments would do now: `Ok`, or the error it
		/// would fail with — from `issue`'s own checks, run and rolled back.
		fn can_issue(
			issuer: AccountId,
			supplier: AccountId,
			asset: AssetId,
			face: Balance,
			maturity: Moment,
			credit_line: LineId,
			invoice_ref: Vec<u8>,
		) -> DispatchResult;
	}
}
