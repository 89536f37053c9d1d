//! `ReceivablesApi`: what clients read of the ledger that storage alone makes awkward — a
//! holder's notes including offers waiting for acceptance, a note's path to its root, a
//! receivable's tree, a core enterprise's exposure and credit lines, what financing would pay
//! now, a financier's programs, an account's financings, requests and claims — and whether an
//! `issue` would go through.
//!
//! This crate only declares the API. Its answer types are the pallets' own read types
//! (`types.rs` of receivables, financing and enterprises), which with `std` derive serde the way
//! the node's RPC answers (camelCase fields, balances and asset ids as decimal strings, accounts
//! as SS58); each pallet's `queries.rs` answers in them.
//!
//! Versions: 1 answered `notes_of`, `tree` and `claims_of` with every item at once, which grows
//! with the ledger, and `exposure` by walking every receivable of the core; 2 answers every list
//! a bounded page at a time (`cascade_primitives::paging`), reads exposure from counters, and adds
//! the financings, programs, requests and lines lists and `can_issue`; 3 names the note that
//! secures each claim (`ClaimInfo::security`); 4 adds `receivables_of`; 5 adds an enterprise's
//! attestations (`attestations_of`) and what a program would pay a note's holder, priced by its
//! grades (`program_quote`). Blocks of older runtimes are still read with
//! their own calls (`*_before_version_2`, `claims_of_before_version_3` on the client side),
//! whose answer types are in [`v1`] and [`v2`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
pub use cascade_primitives::paging::{Cursor, Page, PageError, PageRequest, MAX_PAGE};
pub use cascade_primitives::Decimal;
pub use cascade_primitives::{AttestationInfo, AttestationKind, Grade, GreenGrade, TierGrade};
use cascade_primitives::{FinancingId, LineId, Moment, NoteId, ReceivableId};
use codec::{Codec, Decode, Encode};
pub use pallet_enterprises::LineInfo;
pub use pallet_financing::{
	ClaimInfo, FinancingInfo, FinancingKind, FinancingStatus, ProgramId, ProgramInfo, ProgramQuote,
	Quote, RequestId, RequestInfo, Terms,
};
pub use pallet_receivables::{
	Exposure, NoteInfo, NoteState, Outstanding, ReceivableInfo, ReceivableStatus,
};
use scale_info::TypeInfo;
use sp_runtime::{DispatchResult, Permill};

/// A core's exposure with the enterprises pallet's credit lines.
pub type ExposureInfo<AccountId, AssetId, Balance> =
	Exposure<AccountId, AssetId, Balance, LineInfo<AccountId, AssetId, Balance>>;

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
				amount: self.amount.into(),
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
		pub fn upgrade(self, core: AccountId) -> super::ExposureInfo<AccountId, AssetId, Balance> {
			super::Exposure {
				core,
				outstanding: self
					.outstanding
					.into_iter()
					.map(|(asset, amount)| Outstanding {
						asset: asset.into(),
						amount: amount.into(),
					})
					.collect(),
				receivables: self.receivables,
				credit_lines: self
					.lines
					.into_iter()
					.map(|l| super::LineInfo {
						id: l.id,
						financier: l.financier,
						asset: l.asset.into(),
						limit: l.limit.into(),
						used: l.used.into(),
						available: l.limit.saturating_sub(l.used).into(),
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
	#[api_version(5)]
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
		fn exposure(core: AccountId) -> ExposureInfo<AccountId, AssetId, Balance>;
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
		/// One page of the receivables `issuer` issued, settled and cancelled ones included
		/// (version 4).
		fn receivables_of(
			issuer: AccountId,
			page: PageRequest,
		) -> Result<Page<ReceivableInfo<AccountId, AssetId, Balance>>, PageError>;
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
		/// The attestations in place for `who` (at most one tier and one green grade), each
		/// with whether it counts now (version 5).
		fn attestations_of(who: AccountId) -> Vec<AttestationInfo<AccountId>>;
		/// What financing `note` through `program` as `kind` would be now for the note's
		/// holder: the terms its grades get, the tier limit and what it has drawn, and the
		/// error `finance` would fail with, if any; `None` for an unknown note or program
		/// (version 5).
		fn program_quote(
			note: NoteId,
			program: ProgramId,
			kind: FinancingKind,
		) -> Option<ProgramQuote<AccountId, Balance>>;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	// Issue 25, item 1: answers for blocks before version 3 say nothing of a claim's security.
	#[test]
	fn a_version_two_claim_has_no_security() {
		let old = v2::ClaimInfo { financing: 4, debtor: 1u64, creditor: 2u64, amount: 5u128 };
		let new = old.upgrade();
		assert_eq!((new.financing, new.amount, new.security), (4, Decimal(5), None));
		assert_eq!(serde_json::to_value(&new).unwrap()["security"], serde_json::Value::Null);
	}

	#[test]
	fn a_version_one_exposure_gains_its_room_and_is_complete() {
		let old = v1::Exposure {
			outstanding: vec![(1u32, 40u128)],
			receivables: 2,
			lines: vec![v1::LineInfo {
				id: 0,
				financier: 3u64,
				asset: 1u32,
				limit: 100u128,
				used: 40,
				expires_at: 9,
				revoked: false,
			}],
		};
		let new = old.upgrade(7u64);
		assert_eq!(new.core, 7);
		assert_eq!(new.outstanding, vec![Outstanding { asset: Decimal(1), amount: Decimal(40) }]);
		assert_eq!(new.credit_lines[0].available, Decimal(60));
		assert!(new.complete);
	}
}
