//! Dispatch errors in words a clerk can act on.

/// What `Pallet.Error` means and what to do about it.
pub fn advice(error: &str) -> &'static str {
	match error {
		"Receivables.NotCore" => {
			"the signing key is not an active core enterprise: sign with the core enterprise's key \
			 (--suri or --key-file), or ask the operator to register or reinstate it"
		}
		"Receivables.NotSupplier" => {
			"the recipient is not an active supplier on chain: check the account, or ask the \
			 operator to register it as a supplier"
		}
		"Receivables.SelfIssue" => "a core enterprise cannot issue a receivable to itself",
		"Receivables.BelowMinimum" => "the amount is below the ledger's minimum note amount",
		"Receivables.MaturityInPast" => "the maturity date must be after the chain's current time",
		"Receivables.TenorTooLong" => {
			"the maturity is further away than the ledger's longest tenor: choose an earlier date"
		}
		"Receivables.EmptyInvoiceRef" => "give an invoice reference",
		"Receivables.DuplicateInvoice" => {
			"this invoice reference was already issued by this core enterprise; `cascade \
			 issue-batch` skips such lines when run again"
		}
		"Receivables.UnknownReceivable" => "no receivable has this id: check the id",
		"Receivables.UnknownNote" => "no note has this id: check the id (`cascade notes`)",
		"Receivables.NotHolder" => "the signing account does not hold this note",
		"Receivables.NotParticipant" => {
			"the signing account is not an active supplier or financier"
		}
		"Receivables.RecipientNotEligible" => {
			"the recipient is not an active supplier or financier: check the account"
		}
		"Receivables.SelfTransfer" => "a note cannot be offered to its own holder",
		"Receivables.NoteNotActive" => {
			"the note is not active (it is pending, pledged, frozen, split or redeemed)"
		}
		"Receivables.NotPending" => "the note is not offered to anyone",
		"Receivables.NotRecipient" => "the note is offered to another account",
		"Receivables.NotIssuer" => "only the receivable's issuer may do this",
		"Receivables.AlreadyAccepted" => {
			"the supplier accepted the receivable: it can no longer be cancelled"
		}
		"Receivables.TooFewParts" => "a split makes at least two parts",
		"Receivables.AmountMismatch" => "the parts must add up to the note's amount",
		"Receivables.AmountTooLarge" => "the amount is larger than the note",
		"Receivables.NotRepayable" => {
			"the receivable is not active or overdue (pending, already repaid or cancelled)"
		}
		"Receivables.NotRepaid" => "the core enterprise has not repaid this receivable yet",
		"Receivables.NotMatured" => "the receivable has not matured yet",
		"Receivables.AlreadyRedeemed" => "the note was already paid out",
		"Receivables.NoteConsumed" => "the note was split; its parts are redeemed instead",
		"Receivables.NoteFrozen" => "the note is under judicial hold",
		"Receivables.ZeroAmount" => "the amount must be above zero",
		"Receivables.AboveOutstanding" => {
			"that is more than is still outstanding on the receivable (`cascade repay` without \
			 --amount pays exactly the rest)"
		}
		"Receivables.NothingDue" => "nothing is due on this note now: its share is paid",
		"Receivables.NothingToSettle" => {
			"nothing to clear: the receivable has not matured or no money waits in its escrow"
		}
		"Receivables.PaymentsStarted" => {
			"payouts on this receivable have begun: its notes can no longer be split"
		}
		"Enterprises.UnknownLine" => "no credit line has this id (`cascade exposure` lists yours)",
		"Enterprises.NotLineCore" => "the credit line belongs to another core enterprise",
		"Enterprises.LineRevoked" => {
			"the financier revoked this credit line: issue on another line"
		}
		"Enterprises.LineExpired" => {
			"the credit line has expired: ask the financier to grant a new one"
		}
		"Enterprises.AssetMismatch" => "the credit line is in another settlement asset",
		"Enterprises.CreditLineExceeded" => {
			"the credit line has less room than the amount (`cascade exposure` shows what is \
			 left): ask the financier to raise the limit, or repay receivables first"
		}
		"Assets.BalanceLow" | "Assets.NoAccount" => {
			"the account does not hold enough of the settlement asset"
		}
		"Assets.Frozen" | "Assets.AssetNotLive" => "the settlement asset is frozen",
		_ => "",
	}
}

/// `Pallet.Error: advice`, or just the name when there is no advice.
pub fn describe(error: &str) -> String {
	match advice(error) {
		"" => error.to_string(),
		text => format!("{error}: {text}"),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_receivables_error_a_client_can_meet_has_advice() {
		for name in [
			"NotCore",
			"NotSupplier",
			"BelowMinimum",
			"MaturityInPast",
			"TenorTooLong",
			"DuplicateInvoice",
			"NotHolder",
			"NotRecipient",
			"NotRepayable",
			"AmountTooLarge",
		] {
			assert!(!advice(&format!("Receivables.{name}")).is_empty(), "{name}");
		}
		assert!(describe("Enterprises.CreditLineExceeded").contains("raise the limit"));
		assert_eq!(describe("Sudo.RequireSudo"), "Sudo.RequireSudo");
	}
}
