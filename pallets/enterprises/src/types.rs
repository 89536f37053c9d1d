//! The enterprise profile and the credit line.

use crate::credit_code::CreditCode;
pub use cascade_primitives::{Decimal, LineId, Moment, Role, Roles};
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

/// A credit line as the runtime API and the RPC show it (camelCase JSON, amounts as decimal
/// strings): the stored line with its id and the room left on it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct LineInfo<AccountId, AssetId, Balance> {
	pub id: LineId,
	pub financier: AccountId,
	pub asset: Decimal<AssetId>,
	pub limit: Decimal<Balance>,
	pub used: Decimal<Balance>,
	/// `limit − used`: what a new receivable may still draw.
	pub available: Decimal<Balance>,
	pub expires_at: Moment,
	pub revoked: bool,
}

impl<AccountId, AssetId, Balance: Copy + sp_runtime::traits::Saturating>
	CreditLine<AccountId, AssetId, Balance>
{
	/// The line `id` as the API shows it.
	pub fn info(self, id: LineId) -> LineInfo<AccountId, AssetId, Balance> {
		LineInfo {
			id,
			financier: self.financier,
			asset: self.asset.into(),
			limit: self.limit.into(),
			used: self.used.into(),
			available: self.limit.saturating_sub(self.used).into(),
			expires_at: self.expires_at,
			revoked: self.revoked,
		}
	}
}

#[cfg(test)]
mod json {
	use super::*;
	use sp_core::crypto::{AccountId32, Ss58Codec};

	#[test]
	fn a_line_shows_its_room_and_amounts_as_decimal_strings() {
		let stored = CreditLine::<AccountId32, u32, u128> {
			financier: AccountId32::new([3; 32]),
			core: AccountId32::new([1; 32]),
			asset: 1,
			limit: 10,
			used: 4,
			expires_at: 99,
			revoked: false,
		};
		let line = stored.info(0);
		let v = serde_json::to_value(&line).unwrap();
		assert_eq!(
			v,
			serde_json::json!({
				"id": 0, "financier": AccountId32::new([3; 32]).to_ss58check(), "asset": "1",
				"limit": "10", "used": "4", "available": "6", "expiresAt": 99, "revoked": false,
			})
		);
		assert_eq!(serde_json::from_value::<LineInfo<AccountId32, u32, u128>>(v).unwrap(), line);
	}
}
