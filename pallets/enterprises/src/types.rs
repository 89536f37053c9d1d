//! The enterprise profile and the credit line.

use crate::credit_code::CreditCode;
pub use cascade_primitives::{LineId, Moment, Role, Roles};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::Get, BoundedVec};
use scale_info::TypeInfo;

/// Whether an enterprise may start new business.
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
pub enum Status {
	/// Takes part in everything its roles allow.
	Active,
	/// Starts nothing new; still receives payouts it is owed.
	Suspended,
}

/// The registered profile of an enterprise.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(NameLimit))]
pub struct Enterprise<NameLimit: Get<u32>> {
	/// Registered name.
	pub name: BoundedVec<u8, NameLimit>,
	/// Unified social credit code (统一社会信用代码), unique across the registry.
	pub credit_code: CreditCode,
	/// The roles it plays.
	pub roles: Roles,
	/// Active or Suspended.
	pub status: Status,
}

/// A financier's commitment to a core enterprise (授信), in one settlement asset.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct CreditLine<AccountId, AssetId, Balance> {
	/// The granting financier.
	pub financier: AccountId,
	/// The core enterprise that draws on it by issuing receivables.
	pub core: AccountId,
	/// The settlement asset of everything drawn on it.
	pub asset: AssetId,
	/// The most that may be drawn at once.
	pub limit: Balance,
	/// Face value of the receivables drawn on it that are neither repaid nor cancelled.
	pub used: Balance,
	/// No draw at or after this moment (ms).
	pub expires_at: Moment,
	/// A revoked line takes no new draws; what is drawn stays until repaid or cancelled.
	pub revoked: bool,
}

impl<AccountId, AssetId, Balance: sp_runtime::traits::Zero>
	CreditLine<AccountId, AssetId, Balance>
{
	/// Revoked with nothing drawn: the line is only a record now, out of its core's lines.
	pub fn is_retired(&self) -> bool {
		self.revoked && self.used.is_zero()
	}
}
