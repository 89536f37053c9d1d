//! Receivables, notes and the ledger's parameters.

pub use cascade_primitives::{FinancingId, LineId, Moment, NoteId, ReceivableId};
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

	impl<AccountId: Serialize + Clone> Serialize for NoteState<AccountId> {
		fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
			let (pending_to, financing) = match self {
				NoteState::Pending { to } => (Some(to.clone()), None),
				NoteState::Pledged { financing } => (None, Some(*financing)),
				_ => (None, None),
			};
			Fields { state: self.name().into(), pending_to, financing }.serialize(s)
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
