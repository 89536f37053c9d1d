//! Programs, financings, requests and recourse claims.

pub use cascade_primitives::{FinancingId, Moment, NoteId, ReceivableId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// Identifier of a financing program.
pub type ProgramId = u64;
/// Identifier of a financing request.
pub type RequestId = u64;

/// How a note is financed.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum FinancingKind {
	/// The note is sold to the financier at a discount (保理). With recourse, the seller buys it
	/// back if the receivable goes overdue.
	Factoring { recourse: bool },
	/// The note is pledged for a loan (质押融资); it returns when the loan is repaid, and at
	/// redemption the financier is paid first.
	Pledge,
}

impl FinancingKind {
	/// Whether this is recourse factoring.
	pub fn recourse(&self) -> bool {
		matches!(self, FinancingKind::Factoring { recourse: true })
	}
}

/// A financier's standing offer for notes of one core enterprise (the obligor).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Program<AccountId, AssetId, Balance> {
	/// The financier.
	pub financier: AccountId,
	/// The obligor whose notes it finances.
	pub core: AccountId,
	/// The settlement asset.
	pub asset: AssetId,
	/// Annual rate (3.65 % = 36,500 parts per million).
	pub annual_rate: Permill,
	/// What may still be advanced; falls by each advance and recovers when money comes back.
	pub budget: Balance,
	/// What it has advanced and not yet got back.
	pub outstanding: Balance,
	/// No financing at or after this moment (ms).
	pub expires_at: Moment,
	/// Closed by its financier: no new financing.
	pub closed: bool,
}

/// Where a financing stands.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum FinancingStatus {
	/// Money advanced; waiting for redemption (or repayment of the loan, a call, or recourse).
	Open,
	/// The pledge loan was repaid (directly, or by settling the claim of a called loan) and the
	/// note released.
	LoanRepaid,
	/// The note was redeemed; the financier was paid from escrow.
	Redeemed,
	/// Recourse was exercised and the seller paid everything it owed.
	RecourseSettled,
	/// The seller or borrower still owes a claim and no note secures it any more: the note
	/// held as security (a called loan's, or recourse's) was paid in full without covering it.
	Claimed,
	/// The financier sold the note on through a new financing; this one ended with it
	/// (its recourse too), and its advance counts as returned.
	SoldOn,
	/// A claim is owed and the note secures it: the lender called the pledge loan of an overdue
	/// receivable, or the factor exercised recourse the seller could not pay in full. The note
	/// is the debtor's, pledged to this financing: it cannot move, and its payouts pay the
	/// financier first, up to the claim; it is released when the claim is paid.
	Called,
}

impl FinancingStatus {
	/// Whether the financier's advance is still out: the program's budget has not recovered it.
	pub fn is_outstanding(&self) -> bool {
		matches!(self, Self::Open | Self::Called | Self::Claimed)
	}
}

/// One financing of one note.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Financing<AccountId, Balance> {
	pub kind: FinancingKind,
	pub financier: AccountId,
	/// The holder who sold or pledged the note.
	pub seller: AccountId,
	pub note: NoteId,
	pub receivable: ReceivableId,
	/// The note's amount.
	pub amount: Balance,
	/// What the seller received.
	pub disbursed: Balance,
	/// Discount interest charged up front (factoring), or the full-tenor interest (pledge).
	pub interest: Balance,
	pub annual_rate: Permill,
	pub started_at: Moment,
	pub maturity: Moment,
	/// The program it drew on, if any.
	pub program: Option<ProgramId>,
	pub status: FinancingStatus,
}

/// What the borrower of a pledge loan still owes once part of the loan was paid from the note's
/// payouts (a partly paid receivable): interest runs on the principal left, and every payment
/// goes to interest first, then principal.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct LoanBalance<Balance> {
	/// Principal not yet repaid.
	pub principal: Balance,
	/// Interest accrued and not yet paid.
	pub interest: Balance,
	/// Interest is charged through this moment (ms): the end of a whole day counted from the
	/// loan's start.
	pub accrued_to: Moment,
}

impl<Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy> LoanBalance<Balance> {
	/// Principal and interest together.
	pub fn total(&self) -> Option<Balance> {
		self.principal.checked_add(&self.interest)
	}

	/// Apply a payment of at most [`Self::total`]: interest first, then principal.
	pub fn apply(&mut self, payment: Balance) {
		let to_interest = payment.min(self.interest);
		self.interest -= to_interest;
		self.principal = self.principal.saturating_sub(payment - to_interest);
	}
}

/// How much interest an open pledge loan has been charged, so that interest is rounded once: from
/// the loan's start, as `Σ principal × days` over the whole days charged so far, and what that
/// came to (rounded up). Each new charge adds the days since [`LoanBalance::accrued_to`] at the
/// principal left, and charges `interest(principal_days) − charged`: never a day more, nor a
/// minor unit more, for paying in parts.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Accrual<Balance> {
	/// `Σ principal × days` over every whole day charged.
	pub principal_days: u128,
	/// The interest those days came to, rounded up once (what has been charged in all).
	pub charged: Balance,
}

/// A holder's request to a financier with no program.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Request<AccountId> {
	pub holder: AccountId,
	pub financier: AccountId,
	pub note: NoteId,
	pub kind: FinancingKind,
	pub annual_rate: Permill,
	pub created_at: Moment,
}

/// What a seller (recourse) or a borrower (a called loan) owes a financier. A fixed sum:
/// interest stops running when the claim is recorded.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Claim<AccountId, Balance> {
	pub debtor: AccountId,
	pub creditor: AccountId,
	pub amount: Balance,
}

/// Ids still to index after an upgrade: from `.0` up to `.1` (exclusive), per kind.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Backfill {
	pub financings: (FinancingId, FinancingId),
	pub programs: (ProgramId, ProgramId),
	pub requests: (RequestId, RequestId),
}

impl Backfill {
	/// Whether nothing is left to index.
	pub fn is_done(&self) -> bool {
		self.financings.0 >= self.financings.1
			&& self.programs.0 >= self.programs.1
			&& self.requests.0 >= self.requests.1
	}
}
