//! Reads of Cascade's own storage, decoded with the runtime's types.

use anyhow::Result;
use cascade_primitives::{LineId, ReceivableId};
use cascade_runtime::{AccountId, Runtime};

use crate::chain::Chain;

/// An enterprise as stored.
pub type Enterprise = pallet_enterprises::EnterpriseOf<Runtime>;
/// A credit line as stored.
pub type CreditLine = pallet_enterprises::CreditLineOf<Runtime>;
/// A receivable as stored.
pub type Receivable = pallet_receivables::ReceivableOf<Runtime>;

impl Chain {
	/// A registered enterprise.
	pub async fn enterprise(&self, who: &AccountId) -> Result<Option<Enterprise>> {
		let key = pallet_enterprises::Enterprises::<Runtime>::hashed_key_for(who);
		self.storage(&key, None).await
	}

	/// The enterprise's name, or the short address when it is not registered.
	pub async fn display_name(&self, who: &AccountId) -> String {
		match self.enterprise(who).await {
			Ok(Some(e)) => String::from_utf8_lossy(&e.name).into_owned(),
			_ => short_address(who),
		}
	}

	/// A credit line.
	pub async fn credit_line(&self, id: LineId) -> Result<Option<CreditLine>> {
		let key = pallet_enterprises::CreditLines::<Runtime>::hashed_key_for(id);
		self.storage(&key, None).await
	}

	/// The receivable an issuer issued for an invoice reference, if any.
	pub async fn invoice(
		&self,
		issuer: &AccountId,
		invoice: &[u8],
	) -> Result<Option<ReceivableId>> {
		let Ok(invoice) = pallet_receivables::InvoiceRefOf::<Runtime>::try_from(invoice.to_vec())
		else {
			return Ok(None);
		};
		let key = pallet_receivables::InvoiceRefs::<Runtime>::hashed_key_for(issuer, invoice);
		self.storage(&key, None).await
	}

	/// A receivable as stored.
	pub async fn receivable_record(&self, id: ReceivableId) -> Result<Option<Receivable>> {
		let key = pallet_receivables::Receivables::<Runtime>::hashed_key_for(id);
		self.storage(&key, None).await
	}
}

/// `5FHneW…94ty`: enough of an address to tell accounts apart on screen.
pub fn short_address(who: &AccountId) -> String {
	use sp_core::crypto::Ss58Codec;
	let full = who.to_ss58check();
	if full.len() <= 12 {
		return full;
	}
	format!("{}…{}", &full[..6], &full[full.len() - 4..])
}
