//! Receivables, notes and the ledger's parameters.

use alloc::vec::Vec;
pub use cascade_primitives::{Decimal, FinancingId, LineId, Moment, NoteId, ReceivableId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

/// Where a receivable is in its life.
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
#[cfg_attr(feature = "std", serde(rename_all = "lowercase"))]
pub enum ReceivableStatus {
	/// Issued; the root note waits for the tier-1 supplier's acceptance (签收).
	Pending,
	/// Accepted; its notes move down the chain.
	Active,
	/// The issuer paid everything outstanding into escrow (in one payment or in parts); notes
	/// are paid from maturity on.
	Repaid,
	/// Every note is paid; what was left in escrow went back to the issuer.
	Settled,
	/// Withdrawn before acceptance; the credit line was released.
	Cancelled,
	/// Not repaid in full by maturity plus the grace period. Later payments are cleared as
	/// they come.
	Overdue,
}

/// A core enterprise's irrevocable payment commitment (开立).
impl ReceivableStatus {
	/// The status's name: `pending`, `active`, `repaid`, `settled`, `cancelled` or `overdue`.
	pub fn name(&self) -> &'static str {
		match self {
			ReceivableStatus::Pending => "pending",
			ReceivableStatus::Active => "active",
			ReceivableStatus::Repaid => "repaid",
			ReceivableStatus::Settled => "settled",
			ReceivableStatus::Cancelled => "cancelled",
			ReceivableStatus::Overdue => "overdue",
		}
	}
}

#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(RefLimit))]
pub struct Receivable<AccountId, AssetId, Balance, RefLimit: Get<u32>> {
	/// The core enterprise that owes it.
	pub issuer: AccountId,
	/// The settlement asset.
	pub asset: AssetId,
	/// Face value in the asset's minor unit.
	pub face: Balance,
	/// When it was issued (ms).
	pub issued_at: Moment,
	/// When it falls due (ms).
	pub maturity: Moment,
	/// The credit line it draws on.
	pub credit_line: LineId,
	/// Hash of the contract, invoice or payment undertaking (documents stay off chain).
	pub doc_hash: H256,
	/// The invoice reference, unique per issuer while the receivable is not cancelled.
	pub invoice_ref: BoundedVec<u8, RefLimit>,
	/// Where it is in its life.
	pub status: ReceivableStatus,
	/// What the issuer paid into escrow towards the face so far (the escrow's reserve not
	/// counted).
	pub repaid: Balance,
	/// When the issuer last paid into the escrow (ms), once it has.
	pub repaid_at: Option<Moment>,
	/// What has been paid out of escrow to note holders and pledgees.
	pub paid_out: Balance,
	/// Its root note.
	pub root: NoteId,
	/// How many of its notes are live (not Consumed, not Redeemed): the notes clearing still
	/// has to pay in full.
	pub live_notes: u32,
}

impl<AccountId, AssetId, Balance, RefLimit: Get<u32>>
	Receivable<AccountId, AssetId, Balance, RefLimit>
where
	Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy,
{
	/// What a note of `amount` is entitled to from the money paid in so far: its pro-rata share
	/// `amount × repaid / face`, rounded down. Exactly `amount` once everything is repaid, so the
	/// units rounding holds back are carried to the next payment and nothing is lost.
	pub fn entitlement(&self, amount: Balance) -> Option<Balance> {
		if self.repaid >= self.face {
			return Some(amount);
		}
		let share = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			amount.try_into().ok()?,
			self.repaid.try_into().ok()?,
			self.face.try_into().ok()?,
			sp_runtime::Rounding::Down,
		)?;
		share.try_into().ok()
	}

	/// What is still to be paid into escrow.
	pub fn outstanding(&self) -> Balance {
		self.face.saturating_sub(self.repaid)
	}
}

/// Where a note is in its life.
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
pub enum NoteState<AccountId> {
	/// Offered to `to`; the holder is still the sender until `to` accepts.
	Pending { to: AccountId },
	/// Held and free to move.
	Active,
	/// Pledged to a financing: cannot move until released.
	Pledged { financing: FinancingId },
	/// Under judicial freeze: cannot move, split, be financed or be redeemed.
	Frozen,
	/// Paid out.
	Redeemed,
	/// Split into children; kept for lineage.
	Consumed,
}

/// A piece of a receivable: the thing that is held, split, transferred and financed.
impl<AccountId> NoteState<AccountId> {
	/// The state's name: `pending`, `active`, `pledged`, `frozen`, `redeemed` or `consumed`.
	pub fn name(&self) -> &'static str {
		match self {
			NoteState::Pending { .. } => "pending",
			NoteState::Active => "active",
			NoteState::Pledged { .. } => "pledged",
			NoteState::Frozen => "frozen",
			NoteState::Redeemed => "redeemed",
			NoteState::Consumed => "consumed",
		}
	}
}

#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Note<AccountId, Balance> {
	/// The receivable it is a piece of.
	pub receivable: ReceivableId,
	/// The note it was split from; `None` for the root note.
	pub parent: Option<NoteId>,
	/// Levels below the root (the root is 0).
	pub depth: u32,
	/// Who holds it (the sender, while it is Pending).
	pub holder: AccountId,
	/// Its amount in the asset's minor unit.
	pub amount: Balance,
	/// What has been paid on it out of escrow so far; `amount − paid` is still owed.
	pub paid: Balance,
	/// Where it is in its life.
	pub state: NoteState<AccountId>,
}

impl<AccountId, Balance> Note<AccountId, Balance> {
	/// Whether the note still stands for money: Active, Pending, Pledged or Frozen.
	pub fn is_live(&self) -> bool {
		!matches!(self.state, NoteState::Redeemed | NoteState::Consumed)
	}
}

/// The ledger's parameters, set by the Operator.
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
pub struct Parameters<Balance> {
	/// Longest time from issuance to maturity (ms).
	pub max_tenor: Moment,
	/// Time after maturity before an unpaid receivable may be marked overdue (ms).
	pub grace_period: Moment,
	/// Smallest amount of a note.
	pub min_note_amount: Balance,
}

/// Where the clearing of a due receivable stands: the note it last visited (its notes are
/// walked in the order of the `NotesByReceivable` index), and whether money arrived during the
/// walk, so that one more walk pays the notes already passed their new share.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Clearing {
	/// The last note visited; `None` before the walk starts.
	pub last: Option<NoteId>,
	/// Money arrived after the walk started: walk again once it ends.
	pub again: bool,
}

/// What one issuer owes in one asset: its receivables neither repaid in full nor cancelled.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Owed<Balance> {
	/// How many receivables.
	pub receivables: u32,
	/// What is still to be paid into their escrows (face less repaid).
	pub amount: Balance,
}

/// In JSON a note's state is three fields of the note: `state` (`pending`, `active`, `pledged`,
/// `frozen`, `redeemed` or `consumed`), `pendingTo` (the account a pending note is offered to,
/// else null) and `financing` (a pledged note's financing, else null) — flattened into the note.
#[cfg(feature = "std")]
mod note_state_json {
	use super::{FinancingId, NoteState};
	use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

	#[derive(Serialize, Deserialize)]
	#[serde(rename_all = "camelCase")]
	struct Fields<AccountId> {
		state: String,
		pending_to: Option<AccountId>,
		financing: Option<FinancingId>,
	}

	#[derive(Serialize)]
	#[serde(rename_all = "camelCase")]
	struct FieldsRef<'a, AccountId> {
		state: &'static str,
		pending_to: Option<&'a AccountId>,
		financing: Option<FinancingId>,
	}

	impl<AccountId: Serialize> Serialize for NoteState<AccountId> {
		fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
			let (pending_to, financing) = match self {
				NoteState::Pending { to } => (Some(to), None),
				NoteState::Pledged { financing } => (None, Some(*financing)),
				_ => (None, None),
			};
			FieldsRef { state: self.name(), pending_to, financing }.serialize(s)
		}
	}

	impl<'de, AccountId: Deserialize<'de>> Deserialize<'de> for NoteState<AccountId> {
		fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
			let f = Fields::<AccountId>::deserialize(d)?;
			Ok(match (&f.state[..], f.pending_to, f.financing) {
				("pending", Some(to), None) => NoteState::Pending { to },
				("active", None, None) => NoteState::Active,
				("pledged", None, Some(financing)) => NoteState::Pledged { financing },
				("frozen", None, None) => NoteState::Frozen,
				("redeemed", None, None) => NoteState::Redeemed,
				("consumed", None, None) => NoteState::Consumed,
				(state, ..) => {
					return Err(D::Error::custom(format!(
						"state {state:?} with pendingTo/financing that do not go with it"
					)))
				}
			})
		}
	}
}

// What the runtime API and the node's RPC answer (with `std`, serde: camelCase fields, balances and
// asset ids as decimal strings through `Decimal`, accounts as SS58).

/// A receivable as the API shows it: the stored receivable with its id, what is still
/// outstanding, whether clearing is under way, and its escrow with what the escrow holds.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ReceivableInfo<AccountId, AssetId, Balance> {
	pub id: ReceivableId,
	pub issuer: AccountId,
	pub asset: Decimal<AssetId>,
	pub face: Decimal<Balance>,
	pub issued_at: Moment,
	pub maturity: Moment,
	pub credit_line: LineId,
	pub doc_hash: H256,
	/// The invoice reference as text (bytes that are not UTF-8 shown as U+FFFD).
	#[cfg_attr(feature = "std", serde(with = "cascade_primitives::text::lossy_text"))]
	pub invoice_ref: Vec<u8>,
	pub status: ReceivableStatus,
	/// What the issuer has paid into escrow.
	pub repaid: Decimal<Balance>,
	/// Face less repaid.
	pub outstanding: Decimal<Balance>,
	/// What has been paid out of escrow to holders and pledgees.
	pub paid_out: Decimal<Balance>,
	pub root: NoteId,
	/// Notes still to be paid in full.
	pub notes_left: u32,
	/// Money in escrow is queued for clearing.
	pub clearing: bool,
	/// The receivable's escrow account.
	pub escrow: AccountId,
	/// What the escrow holds in the receivable's asset.
	pub escrow_balance: Decimal<Balance>,
}

/// A note as the API shows it. In JSON its state is three fields: `state`, `pendingTo`,
/// `financing` (see `NoteState`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct NoteInfo<AccountId, Balance> {
	pub id: NoteId,
	pub receivable: ReceivableId,
	pub parent: Option<NoteId>,
	pub depth: u32,
	pub holder: AccountId,
	pub amount: Decimal<Balance>,
	/// What has been paid on it so far.
	pub paid: Decimal<Balance>,
	#[cfg_attr(feature = "std", serde(flatten))]
	pub state: NoteState<AccountId>,
}

impl<AccountId, Balance> Note<AccountId, Balance> {
	/// The note `id` as the API shows it.
	pub fn info(self, id: NoteId) -> NoteInfo<AccountId, Balance> {
		NoteInfo {
			id,
			receivable: self.receivable,
			parent: self.parent,
			depth: self.depth,
			holder: self.holder,
			amount: self.amount.into(),
			paid: self.paid.into(),
			state: self.state,
		}
	}
}

/// What a core owes in one asset.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub struct Outstanding<AssetId, Balance> {
	pub asset: Decimal<AssetId>,
	pub amount: Decimal<Balance>,
}

/// A core enterprise's exposure: what is outstanding per asset and on how many receivables
/// (from the issuer's counters), and its credit lines (`Line`: the enterprises pallet's
/// `LineInfo`, which the runtime puts in).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Exposure<AccountId, AssetId, Balance, Line> {
	pub core: AccountId,
	pub outstanding: Vec<Outstanding<AssetId, Balance>>,
	pub receivables: u32,
	pub credit_lines: Vec<Line>,
	/// False only for the few blocks after the upgrade that added the counters, while they
	/// count older receivables.
	pub complete: bool,
}

#[cfg(test)]
mod json {
	use super::*;
	use sp_core::crypto::{AccountId32, Ss58Codec};

	fn account(n: u8) -> AccountId32 {
		AccountId32::new([n; 32])
	}

	#[test]
	fn notes_serialize_as_they_always_did() {
		let (alice, bob) = (account(1), account(2));
		let n = NoteInfo::<AccountId32, u128> {
			id: 3,
			receivable: 1,
			parent: Some(2),
			depth: 1,
			holder: alice.clone(),
			amount: u128::MAX.into(),
			paid: 7.into(),
			state: NoteState::Pending { to: bob.clone() },
		};
		let v = serde_json::to_value(&n).unwrap();
		assert_eq!(
			v,
			serde_json::json!({
				"id": 3, "receivable": 1, "parent": 2, "depth": 1,
				"holder": alice.to_ss58check(),
				"amount": "340282366920938463463374607431768211455",
				"paid": "7", "state": "pending", "pendingTo": bob.to_ss58check(), "financing": null,
			})
		);
		assert_eq!(
			serde_json::from_value::<NoteInfo<AccountId32, u128>>(v).unwrap(),
			n,
			"and read back"
		);
		let pledged = NoteInfo { state: NoteState::Pledged { financing: 9 }, ..n.clone() };
		let v = serde_json::to_value(&pledged).unwrap();
		assert_eq!(
			(&v["state"], &v["pendingTo"], &v["financing"]),
			(&"pledged".into(), &serde_json::Value::Null, &9.into())
		);
		assert_eq!(serde_json::from_value::<NoteInfo<AccountId32, u128>>(v).unwrap(), pledged);
		let mut bad = serde_json::to_value(&n).unwrap();
		bad["state"] = "active".into();
		assert!(
			serde_json::from_value::<NoteInfo<AccountId32, u128>>(bad).is_err(),
			"active with pendingTo is refused"
		);
	}

	#[test]
	fn receivables_serialize_as_they_always_did() {
		let r = ReceivableInfo::<AccountId32, u32, u128> {
			id: 4,
			issuer: account(1),
			asset: 1.into(),
			face: 100_000.into(),
			issued_at: 10,
			maturity: 20,
			credit_line: 0,
			doc_hash: H256::repeat_byte(0xab),
			invoice_ref: vec![b'I', b'-', 0xff],
			status: ReceivableStatus::Overdue,
			repaid: 1.into(),
			outstanding: 99_999.into(),
			paid_out: 0.into(),
			root: 7,
			notes_left: 3,
			clearing: false,
			escrow: account(9),
			escrow_balance: 2.into(),
		};
		let v = serde_json::to_value(&r).unwrap();
		let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
		assert_eq!(
			keys,
			[
				"asset",
				"clearing",
				"creditLine",
				"docHash",
				"escrow",
				"escrowBalance",
				"face",
				"id",
				"invoiceRef",
				"issuedAt",
				"issuer",
				"maturity",
				"notesLeft",
				"outstanding",
				"paidOut",
				"repaid",
				"root",
				"status"
			]
		);
		assert_eq!(v["asset"], "1");
		assert_eq!(v["face"], "100000");
		assert_eq!(v["status"], "overdue");
		assert_eq!(v["invoiceRef"], "I-\u{fffd}");
		assert_eq!(v["docHash"], format!("0x{}", "ab".repeat(32)));
		assert_eq!(v["notesLeft"], 3);
		assert_eq!(v["escrow"], account(9).to_ss58check());
	}

	#[test]
	fn an_exposure_carries_the_lines_it_is_given() {
		let e = Exposure::<AccountId32, u32, u128, serde_json::Value> {
			core: account(1),
			outstanding: vec![Outstanding { asset: 1.into(), amount: 4.into() }],
			receivables: 1,
			credit_lines: vec![serde_json::json!({ "id": 0 })],
			complete: true,
		};
		let v = serde_json::to_value(&e).unwrap();
		assert_eq!(v["outstanding"], serde_json::json!([{ "asset": "1", "amount": "4" }]));
		assert_eq!(v["creditLines"], serde_json::json!([{ "id": 0 }]));
		assert_eq!(v["core"], account(1).to_ss58check());
		assert_eq!(v["complete"], true);
	}
}
