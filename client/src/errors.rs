//! Dispatch errors in words a clerk can act on.
//!
//! An error is named `Pallet.Error` from the metadata of the runtime that raised it and explained
//! with that error's own doc comment; where the client knows the error (it decodes as this
//! client's generated error type) it adds its advice, keyed by the typed variant. An error the
//! client has never seen — a pallet or variant added by an upgrade — is still named and explained
//! by the chain.

use subxt::{
	ext::{
		scale_decode::DecodeAsType,
		scale_value::{self, At, Value, ValueDef},
	},
	metadata::Metadata,
};

use crate::interface::cascade::{
	self,
	runtime_types::{
		pallet_assets::pallet::Error as Assets, pallet_enterprises::pallet::Error as Enterprises,
		pallet_financing::pallet::Error as Financing,
		pallet_receivables::pallet::Error as Receivables,
	},
};

/// A dispatch error, named from the metadata of the runtime that raised it.
#[derive(Debug)]
pub struct Failure {
	/// `Receivables.NotCore`, `BadOrigin`, `Token.FundsUnavailable`, …
	pub name: String,
	/// The error's doc comment in the runtime (pallet errors), one line.
	pub docs: String,
	/// The error as this client's generated type, when it decodes as one.
	pub known: Option<cascade::Error>,
}

impl Failure {
	/// Decodes a `DispatchError` (SCALE, as in `System.ExtrinsicFailed` or a runtime API's
	/// `Result<_, DispatchError>`) with `metadata`, consuming its bytes from `bytes`.
	pub fn decode(bytes: &mut &[u8], metadata: &Metadata) -> Self {
		let unknown = |why: &str| Failure {
			name: format!("an error this client cannot read ({why})"),
			docs: String::new(),
			known: None,
		};
		let Some(ty) = metadata.dispatch_error_ty() else {
			return unknown("the runtime's metadata has no DispatchError");
		};
		let value = match scale_value::scale::decode_as_type(bytes, ty, metadata.types()) {
			Ok(v) => v,
			Err(e) => return unknown(&e.to_string()),
		};
		let ValueDef::Variant(variant) = &value.value else {
			return unknown("not an enum");
		};
		if variant.name != "Module" {
			// `Token(FundsUnavailable)` → `Token.FundsUnavailable`
			let inner = match value.at(0).map(|v| &v.value) {
				Some(ValueDef::Variant(inner)) => format!(".{}", inner.name),
				_ => String::new(),
			};
			return Failure {
				name: format!("{}{inner}", variant.name),
				docs: String::new(),
				known: None,
			};
		}
		// `Module(ModuleError { index, error: [u8; 4] })`
		let module = value.at(0);
		let byte = |v: Option<&Value<u32>>| v.and_then(|v| v.as_u128()).map(|n| n as u8);
		let (Some(pallet_index), Some(error_index)) = (
			byte(module.and_then(|m| m.at("index"))),
			byte(module.and_then(|m| m.at("error")).and_then(|e| e.at(0))),
		) else {
			return unknown("a pallet error without its indices");
		};
		Self::module(pallet_index, error_index, metadata)
	}

	/// Pallet `pallet_index`'s error `error_index`, named from `metadata`.
	fn module(pallet_index: u8, error_index: u8, metadata: &Metadata) -> Self {
		let Some(pallet) = metadata.pallet_by_error_index(pallet_index) else {
			return Failure {
				name: format!("an error of pallet {pallet_index} (not in the chain's metadata)"),
				docs: String::new(),
				known: None,
			};
		};
		let Some(variant) = pallet.error_variant_by_index(error_index) else {
			return Failure {
				name: format!("{}.<error {error_index}>", pallet.name()),
				docs: String::new(),
				known: None,
			};
		};
		// The runtime's outer error enum: the pallet's index, then the pallet's error.
		let bytes = [pallet_index, error_index, 0, 0, 0];
		let known = cascade::Error::decode_as_type(
			&mut &bytes[..],
			metadata.outer_enums().error_enum_ty(),
			metadata.types(),
		)
		.ok();
		Failure {
			name: format!("{}.{}", pallet.name(), variant.name),
			docs: variant.docs.join(" ").trim().to_string(),
			known,
		}
	}

	/// Whether this is `error` (as this client knows it).
	pub fn is(&self, error: impl Fn(&cascade::Error) -> bool) -> bool {
		self.known.as_ref().is_some_and(error)
	}

	/// The client's advice for this error, if it has some.
	pub fn advice(&self) -> Option<&'static str> {
		self.known.as_ref().and_then(advice)
	}

	/// `Pallet.Error: advice (the chain: doc comment)`, as much of it as there is.
	pub fn describe(&self) -> String {
		match (self.advice(), self.docs.as_str()) {
			(Some(advice), "") => format!("{}: {advice}", self.name),
			(Some(advice), docs) => format!("{}: {advice} (the chain: {docs})", self.name),
			(None, "") => self.name.clone(),
			(None, docs) => format!("{}: {docs}", self.name),
		}
	}
}

impl std::fmt::Display for Failure {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}", self.describe())
	}
}

/// What to do about an error the client knows.
pub fn advice(error: &cascade::Error) -> Option<&'static str> {
	match error {
		cascade::Error::Receivables(e) => receivables(e),
		cascade::Error::Enterprises(e) => enterprises(e),
		cascade::Error::Financing(e) => financing(e),
		cascade::Error::Assets(Assets::BalanceLow | Assets::NoAccount) => {
			Some("the account does not hold enough of the settlement asset")
		}
		cascade::Error::Assets(Assets::Frozen | Assets::AssetNotLive) => {
			Some("the settlement asset is frozen")
		}
		_ => None,
	}
}

fn receivables(e: &Receivables) -> Option<&'static str> {
	Some(match e {
		Receivables::NotCore => {
			"the signing key is not an active core enterprise: sign with the core enterprise's key \
			 (--suri or --key-file), or ask the operator to register or reinstate it"
		}
		Receivables::NotSupplier => {
			"the recipient is not an active supplier on chain: check the account, or ask the \
			 operator to register it as a supplier"
		}
		Receivables::SelfIssue => "a core enterprise cannot issue a receivable to itself",
		Receivables::BelowMinimum => "the amount is below the ledger's minimum note amount",
		Receivables::MaturityInPast => "the maturity date must be after the chain's current time",
		Receivables::TenorTooLong => {
			"the maturity is further away than the ledger's longest tenor: choose an earlier date"
		}
		Receivables::EmptyInvoiceRef => "give an invoice reference",
		Receivables::DuplicateInvoice => {
			"this invoice reference was already issued by this core enterprise; `cascade \
			 issue-batch` skips such lines when run again"
		}
		Receivables::UnknownReceivable => "no receivable has this id: check the id",
		Receivables::UnknownNote => "no note has this id: check the id (`cascade notes`)",
		Receivables::NotHolder => "the signing account does not hold this note",
		Receivables::NotParticipant => "the signing account is not an active supplier or financier",
		Receivables::RecipientNotEligible => {
			"the recipient is not an active supplier or financier: check the account"
		}
		Receivables::SelfTransfer => "a note cannot be offered to its own holder",
		Receivables::NoteNotActive => {
			"the note is not active (it is pending, pledged, frozen, split or redeemed)"
		}
		Receivables::NotPending => "the note is not offered to anyone",
		Receivables::NotRecipient => "the note is offered to another account",
		Receivables::NotIssuer => "only the receivable's issuer may do this",
		Receivables::AlreadyAccepted => {
			"the supplier accepted the receivable: it can no longer be cancelled"
		}
		Receivables::TooFewParts => "a split makes at least two parts",
		Receivables::AmountMismatch => "the parts must add up to the note's amount",
		Receivables::AmountTooLarge => "the amount is larger than the note",
		Receivables::NotRepayable => {
			"the receivable is not active or overdue (pending, already repaid or cancelled)"
		}
		Receivables::NotRepaid => "the core enterprise has not repaid this receivable yet",
		Receivables::NotMatured => "the receivable has not matured yet",
		Receivables::AlreadyRedeemed => "the note was already paid out",
		Receivables::NoteConsumed => "the note was split; its parts are redeemed instead",
		Receivables::NoteFrozen => "the note is under a judicial freeze",
		Receivables::ZeroAmount => "the amount must be above zero",
		Receivables::AboveOutstanding => {
			"that is more than is still outstanding on the receivable (`cascade repay` without \
			 --amount pays exactly the rest)"
		}
		Receivables::NothingDue => "nothing is due on this note now: its share is paid",
		Receivables::NothingToSettle => {
			"nothing to clear: the receivable has not matured or no money waits in its escrow"
		}
		Receivables::PaymentsStarted => {
			"payouts on this receivable have begun: its notes can no longer be split"
		}
		Receivables::TooDeep => {
			"the note is as deep in its tree as the ledger allows: transfer it whole instead of \
			 splitting it"
		}
		_ => return None,
	})
}

fn enterprises(e: &Enterprises) -> Option<&'static str> {
	Some(match e {
		Enterprises::UnknownLine => "no credit line has this id (`cascade exposure` lists yours)",
		Enterprises::NotLineCore => "the credit line belongs to another core enterprise",
		Enterprises::LineRevoked => "the financier revoked this credit line: issue on another line",
		Enterprises::LineExpired => {
			"the credit line has expired: ask the financier to grant a new one"
		}
		Enterprises::AssetMismatch => "the credit line is in another settlement asset",
		Enterprises::CreditLineExceeded => {
			"the credit line has less room than the amount (`cascade exposure` shows what is \
			 left): ask the financier to raise the limit, or repay receivables first"
		}
		_ => return None,
	})
}

fn financing(e: &Financing) -> Option<&'static str> {
	Some(match e {
		Financing::UnknownFinancing => "no financing has this id: check the id",
		Financing::NotPledge => "only a pledge loan can be called or repaid this way",
		Financing::NotFinancingFinancier => "only the lender of this financing may call it",
		Financing::NotOpen => "the financing is no longer open (repaid, called or settled)",
		Financing::NotOverdue => {
			"the receivable behind the loan is not overdue yet: a loan is called only after \
			 maturity and the grace period"
		}
		Financing::NoClaim => "there is no unpaid claim on this financing",
		Financing::NotDebtor => "the claim is on another account",
		_ => return None,
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_receivables_error_a_client_can_meet_has_advice() {
		for e in [
			Receivables::NotCore,
			Receivables::NotSupplier,
			Receivables::BelowMinimum,
			Receivables::MaturityInPast,
			Receivables::TenorTooLong,
			Receivables::DuplicateInvoice,
			Receivables::NotHolder,
			Receivables::NotRecipient,
			Receivables::NotRepayable,
			Receivables::AmountTooLarge,
		] {
			assert!(advice(&cascade::Error::Receivables(e)).is_some());
		}
		let exceeded = cascade::Error::Enterprises(Enterprises::CreditLineExceeded);
		assert!(advice(&exceeded).is_some_and(|a| a.contains("raise the limit")));
	}
}
