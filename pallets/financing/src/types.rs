//! Programs, financings, requests and recourse claims.

pub use cascade_primitives::{
	AttestationId, Decimal, FinancingId, GreenGrade, Moment, NoteId, ReceivableId, TierGrade,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
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

/// Most entries in each of a program's pricing lists: one per grade.
pub type GradeCount = ConstU32<4>;

/// How a program prices by who the seller is (`set_program_pricing`); a program without one
/// charges its base rate to everyone, sets no limit per seller and advances the whole note.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct ProgramPricing<Balance> {
	/// Added to the base rate for a seller of the tier grade (ppm a year; negative: cheaper).
	pub tier_adjustments: BoundedVec<(TierGrade, i32), GradeCount>,
	/// Added to the base rate for a seller of the green grade (ppm a year).
	pub green_adjustments: BoundedVec<(GreenGrade, i32), GradeCount>,
	/// The most one seller of the tier grade may have drawn (advanced to it and not yet
	/// recovered) from the program at once; a seller with no tier in force counts as D.
	pub tier_limits: BoundedVec<(TierGrade, Balance), GradeCount>,
	/// The share of a note's amount advanced: a pledge lends it (less interest); a factoring
	/// pays it (less interest) now and the rest, the reserve, when the note is paid.
	pub advance_rate: Permill,
}

/// A seller's tier a price used, and the attestation that gave it.
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
pub struct AttestedTier {
	pub attestation: AttestationId,
	pub grade: TierGrade,
}

/// A seller's green grade a price used, and the attestation that gave it.
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
pub struct AttestedGreen {
	pub attestation: AttestationId,
	pub grade: GreenGrade,
}

/// What one financing's price is made of: the base rate, what the seller's grades add, how much
/// is advanced, and the interest. Amounts are `Balance` on chain and decimal strings in the API.
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
pub struct Terms<Balance> {
	/// The program's (or the request's) rate.
	pub base_rate: Permill,
	/// The seller's tier in force, if any, and what it adds (ppm a year).
	pub tier: Option<AttestedTier>,
	pub tier_adjustment: i32,
	/// The seller's green grade in force, if any, and what it adds (ppm a year).
	pub green: Option<AttestedGreen>,
	pub green_adjustment: i32,
	/// base + adjustments, never below 0 nor above 100 %: the rate charged.
	pub annual_rate: Permill,
	pub advance_rate: Permill,
	/// `advance_rate × amount`, rounded down.
	pub advance: Balance,
	/// Factoring: `amount − advance`, paid to the seller as the note is paid. Zero for a pledge.
	pub reserve: Balance,
	/// On the advance, to maturity, rounded up once.
	pub interest: Balance,
	/// `advance − interest`: what the seller or borrower receives now.
	pub disbursed: Balance,
}

impl<Balance> Terms<Balance> {
	/// The same terms with amounts of another type (decimal strings for the API).
	pub fn map<B>(self, f: impl Fn(Balance) -> B) -> Terms<B> {
		Terms {
			base_rate: self.base_rate,
			tier: self.tier,
			tier_adjustment: self.tier_adjustment,
			green: self.green,
			green_adjustment: self.green_adjustment,
			annual_rate: self.annual_rate,
			advance_rate: self.advance_rate,
			advance: f(self.advance),
			reserve: f(self.reserve),
			interest: f(self.interest),
			disbursed: f(self.disbursed),
		}
	}
}

/// A factoring's reserve (`amount − advance`): owed to the seller by the factor, paid out of the
/// note's payouts pro rata as they come, the rest with the last. Kept while anything of it is
/// unpaid.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Reserve<Balance> {
	pub total: Balance,
	pub paid: Balance,
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

// What the runtime API and the node's RPC answer (with `std`, serde: camelCase fields, balances and
// asset ids as decimal strings through `Decimal`, accounts as SS58, rates in parts per million).

/// A financing as the API shows it: the stored financing with its id.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct FinancingInfo<AccountId, Balance> {
	pub id: FinancingId,
	/// `{"factoring":{"recourse":…}}` or `"pledge"`.
	pub kind: FinancingKind,
	pub financier: AccountId,
	/// The seller (factoring) or the borrower (pledge).
	pub seller: AccountId,
	pub note: NoteId,
	pub receivable: ReceivableId,
	pub amount: Decimal<Balance>,
	/// What the seller or borrower received.
	pub disbursed: Decimal<Balance>,
	pub interest: Decimal<Balance>,
	pub annual_rate: Permill,
	pub started_at: Moment,
	pub maturity: Moment,
	pub program: Option<ProgramId>,
	pub status: FinancingStatus,
}

impl<AccountId, Balance> Financing<AccountId, Balance> {
	/// The financing `id` as the API shows it.
	pub fn info(self, id: FinancingId) -> FinancingInfo<AccountId, Balance> {
		FinancingInfo {
			id,
			kind: self.kind,
			financier: self.financier,
			seller: self.seller,
			note: self.note,
			receivable: self.receivable,
			amount: self.amount.into(),
			disbursed: self.disbursed.into(),
			interest: self.interest.into(),
			annual_rate: self.annual_rate,
			started_at: self.started_at,
			maturity: self.maturity,
			program: self.program,
			status: self.status,
		}
	}
}

/// A financing program as the API shows it: the stored program with its id.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProgramInfo<AccountId, AssetId, Balance> {
	pub id: ProgramId,
	pub financier: AccountId,
	pub core: AccountId,
	pub asset: Decimal<AssetId>,
	pub annual_rate: Permill,
	/// What is left to lend.
	pub budget: Decimal<Balance>,
	/// Advanced and not yet recovered.
	pub outstanding: Decimal<Balance>,
	pub expires_at: Moment,
	pub closed: bool,
}

impl<AccountId, AssetId, Balance> Program<AccountId, AssetId, Balance> {
	/// The program `id` as the API shows it.
	pub fn info(self, id: ProgramId) -> ProgramInfo<AccountId, AssetId, Balance> {
		ProgramInfo {
			id,
			financier: self.financier,
			core: self.core,
			asset: self.asset.into(),
			annual_rate: self.annual_rate,
			budget: self.budget.into(),
			outstanding: self.outstanding.into(),
			expires_at: self.expires_at,
			closed: self.closed,
		}
	}
}

/// A financing request as the API shows it: the stored request with its id.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct RequestInfo<AccountId> {
	pub id: RequestId,
	pub holder: AccountId,
	pub financier: AccountId,
	pub note: NoteId,
	pub kind: FinancingKind,
	pub annual_rate: Permill,
	pub created_at: Moment,
}

impl<AccountId> Request<AccountId> {
	/// The request `id` as the API shows it.
	pub fn info(self, id: RequestId) -> RequestInfo<AccountId> {
		RequestInfo {
			id,
			holder: self.holder,
			financier: self.financier,
			note: self.note,
			kind: self.kind,
			annual_rate: self.annual_rate,
			created_at: self.created_at,
		}
	}
}

/// A claim as the API shows it: who owes whom how much for which financing, and the note held
/// as security for it (a called loan's note, or the note recourse was exercised on, while it is
/// pledged to the financing; null once it is paid out).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ClaimInfo<AccountId, Balance> {
	pub financing: FinancingId,
	pub debtor: AccountId,
	pub creditor: AccountId,
	pub amount: Decimal<Balance>,
	pub security: Option<NoteId>,
}

/// What financing a note at a rate would pay now (the price a program or a request would
/// disburse): the days to maturity, the discount interest and what is left.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Quote<AccountId, AssetId, Balance> {
	pub note: NoteId,
	/// The core enterprise that owes the note's receivable.
	pub obligor: AccountId,
	pub asset: Decimal<AssetId>,
	pub amount: Decimal<Balance>,
	pub annual_rate: Permill,
	pub now: Moment,
	pub maturity: Moment,
	/// Whole days to maturity, rounded up.
	pub days: u64,
	pub interest: Decimal<Balance>,
	/// What the holder would receive now.
	pub disbursed: Decimal<Balance>,
	/// Whether the note may be financed now (active, financeable, not yet due).
	pub financeable: bool,
}

/// What financing a note through a program would be now, for the note's holder: the terms (with
/// the holder's grades), the tier limit that applies and what the holder has drawn, and whether
/// the program would finance it (the refusal's name otherwise).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProgramQuote<AccountId, Balance> {
	pub note: NoteId,
	pub program: ProgramId,
	/// The note's holder, whose grades price it.
	pub seller: AccountId,
	pub amount: Decimal<Balance>,
	pub now: Moment,
	pub maturity: Moment,
	/// Whole days to maturity, rounded up.
	pub days: u64,
	pub terms: Terms<Decimal<Balance>>,
	/// The most the seller may have drawn from the program (its tier's limit), if one applies.
	pub limit: Option<Decimal<Balance>>,
	/// What the seller has drawn from the program and not yet repaid.
	pub drawn: Decimal<Balance>,
	/// Null if `finance` would go through now; else the error it would fail with
	/// (`TierLimitExceeded`, `BudgetExhausted`, `NotePending`, …).
	pub refusal: Option<alloc::string::String>,
}

#[cfg(test)]
mod json {
	use super::*;
	use sp_core::crypto::AccountId32;

	fn account(n: u8) -> AccountId32 {
		AccountId32::new([n; 32])
	}

	#[test]
	fn quotes_show_the_rate_in_parts_per_million_and_amounts_as_strings() {
		let q = Quote::<AccountId32, u32, u128> {
			note: 1,
			obligor: account(1),
			asset: 1.into(),
			amount: 100.into(),
			annual_rate: Permill::from_parts(36_500),
			now: 1,
			maturity: 2,
			days: 1,
			interest: 1.into(),
			disbursed: 99.into(),
			financeable: true,
		};
		let v = serde_json::to_value(&q).unwrap();
		assert_eq!(v["annualRate"], 36_500);
		assert_eq!(v["disbursed"], "99");
		assert_eq!(serde_json::from_value::<Quote<AccountId32, u32, u128>>(v).unwrap(), q);
	}

	// Issue 25, item 1: a claim names the note that secures it.
	#[test]
	fn claims_name_their_security() {
		let c = ClaimInfo::<AccountId32, u128> {
			financing: 4,
			debtor: account(1),
			creditor: account(2),
			amount: 1_000_219.into(),
			security: Some(9),
		};
		let v = serde_json::to_value(&c).unwrap();
		assert_eq!(v["amount"], "1000219");
		assert_eq!(v["security"], 9);
		assert_eq!(serde_json::from_value::<ClaimInfo<AccountId32, u128>>(v).unwrap(), c);
	}

	#[test]
	fn financings_name_their_kind_and_status() {
		let stored = Financing::<AccountId32, u128> {
			kind: FinancingKind::Factoring { recourse: true },
			financier: account(3),
			seller: account(4),
			note: 5,
			receivable: 0,
			amount: 1_000,
			disbursed: 990,
			interest: 10,
			annual_rate: Permill::from_parts(36_500),
			started_at: 1,
			maturity: 2,
			program: None,
			status: FinancingStatus::LoanRepaid,
		};
		let f = stored.info(2);
		let v = serde_json::to_value(&f).unwrap();
		assert_eq!(v["kind"], serde_json::json!({ "factoring": { "recourse": true } }));
		assert_eq!(v["status"], "loanRepaid");
		assert_eq!(v["amount"], "1000");
		assert_eq!(serde_json::from_value::<FinancingInfo<AccountId32, u128>>(v).unwrap(), f);
		let pledge = FinancingInfo { kind: FinancingKind::Pledge, ..f };
		assert_eq!(serde_json::to_value(&pledge).unwrap()["kind"], "pledge");
	}

	#[test]
	fn programs_and_requests_keep_their_shape() {
		let p = Program::<AccountId32, u32, u128> {
			financier: account(3),
			core: account(1),
			asset: 1,
			annual_rate: Permill::from_parts(36_500),
			budget: 5,
			outstanding: 2,
			expires_at: u64::MAX,
			closed: false,
		}
		.info(7);
		let v = serde_json::to_value(&p).unwrap();
		assert_eq!(
			(&v["id"], &v["asset"], &v["budget"], &v["expiresAt"]),
			(&7.into(), &"1".into(), &"5".into(), &u64::MAX.into())
		);
		let r = Request::<AccountId32> {
			holder: account(2),
			financier: account(3),
			note: 9,
			kind: FinancingKind::Pledge,
			annual_rate: Permill::from_parts(45_000),
			created_at: 3,
		}
		.info(1);
		let v = serde_json::to_value(&r).unwrap();
		assert_eq!(
			(&v["kind"], &v["annualRate"], &v["createdAt"]),
			(&"pledge".into(), &45_000.into(), &3.into())
		);
		assert_eq!(serde_json::from_value::<RequestInfo<AccountId32>>(v).unwrap(), r);
	}
}
