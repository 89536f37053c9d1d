//! Attestations: what an admitted Attestor (a bank, a rating body) says of an enterprise — its
//! tier (A–D, the classes banks sort small firms into) or its green grade (衢州's carbon-account
//! colours: 深绿 DeepGreen, 浅绿 LightGreen, 黄 Yellow, 红 Red) — with an expiry. Programs price
//! by them (pallet-financing); the enterprises pallet keeps them and answers through
//! [`Attestations`]. An expired or revoked attestation, or one whose attestor is no longer
//! admitted, counts as none.

use crate::Moment;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Identifier of an attestation (each `attest` makes a new one; a price names the ones it used).
pub type AttestationId = u64;

/// A supplier's tier: A is the best.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum TierGrade {
	A,
	B,
	C,
	D,
}

/// A green grade (衢州's carbon-account colours): DeepGreen is the best.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum GreenGrade {
	/// 深绿
	DeepGreen,
	/// 浅绿
	LightGreen,
	/// 黄
	Yellow,
	/// 红
	Red,
}

/// What an attestation says: a grade, which names its kind.
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
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Grade {
	Tier(TierGrade),
	Green(GreenGrade),
}

/// The kinds of attestation: an enterprise has at most one of each in force.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum AttestationKind {
	Tier,
	Green,
}

impl Grade {
	/// The kind of attestation this grade is.
	pub fn kind(&self) -> AttestationKind {
		match self {
			Grade::Tier(_) => AttestationKind::Tier,
			Grade::Green(_) => AttestationKind::Green,
		}
	}
}

/// A role the Operator grants to an account (an enterprise or not): it is not among an
/// enterprise's business roles.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Office {
	/// Attests enterprises' tiers and green grades.
	Attestor,
	/// Confirms that a financing was registered at 动产融资统一登记公示系统.
	Registrar,
}

/// An attestation as stored.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Attestation<AccountId> {
	pub id: AttestationId,
	pub grade: Grade,
	/// Who attested: it must still be an Attestor for the attestation to count.
	pub attestor: AccountId,
	/// When it was made (ms).
	pub attested_at: Moment,
	/// It counts before this moment only (ms).
	pub expires_at: Moment,
}

/// An attestation as the runtime API and the RPC show it: the stored one and whether it counts
/// now. In JSON (serde, as every read type): camelCase fields and variants — a grade is
/// `{"tier":"a"}` or `{"green":"deepGreen"}`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttestationInfo<AccountId> {
	pub id: AttestationId,
	pub kind: AttestationKind,
	pub grade: Grade,
	pub attestor: AccountId,
	pub attested_at: Moment,
	pub expires_at: Moment,
	/// Unexpired and its attestor still admitted: a price may use it.
	pub in_force: bool,
}

/// The attestations other pallets price by, and the offices they check.
pub trait Attestations<AccountId> {
	/// The attestation of `kind` in force for `who` at `now`: made, not revoked, unexpired at
	/// `now`, and its attestor still an Attestor. `O(1)`.
	fn in_force(
		who: &AccountId,
		kind: AttestationKind,
		now: Moment,
	) -> Option<(AttestationId, Grade)>;
	/// Whether `who` holds `office`. `O(1)`.
	fn holds(who: &AccountId, office: Office) -> bool;
}
