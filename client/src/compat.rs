//! What the client uses of the chain, checked against the node's metadata item by item.
//!
//! A runtime upgrade voted in by the consortium may change any pallet. The client does not care
//! about what it does not use: it checks only the calls, storage entries, runtime-API methods and
//! events it uses (subxt's shape hash of each call, storage entry and API method, generated from
//! the runtime this client was built with, against the node's; each event's fields the client
//! reads, by name), and a command stops only when something it needs differs — saying exactly
//! what.

use subxt::{error::ExtrinsicError, tx::Payload};

use subxt::metadata::Metadata;

use crate::{
	chain::{AccountId, H256},
	interface::cascade::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
};

/// One thing the client uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
	Call(&'static str, &'static str),
	Storage(&'static str, &'static str),
	Api(&'static str, &'static str),
	/// An event and the fields the client reads from it.
	Event(&'static str, &'static str, &'static [&'static str]),
}

impl std::fmt::Display for Use {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Use::Call(p, c) => write!(f, "call {p}.{c}"),
			Use::Storage(p, s) => write!(f, "storage {p}.{s}"),
			Use::Api(t, m) => write!(f, "runtime API {t}.{m}"),
			Use::Event(p, e, _) => write!(f, "event {p}.{e}"),
		}
	}
}

/// Something the client uses that the node's runtime has in another shape, or lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incompatible {
	pub what: Use,
	pub why: String,
}

impl std::fmt::Display for Incompatible {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}: {}", self.what, self.why)
	}
}

fn dummy_account() -> AccountId {
	AccountId::from([0u8; 32])
}

/// The shape hash subxt generated for a call.
fn hash_of<P: Payload>(call: P) -> Option<[u8; 32]> {
	call.validation_details().map(|d| d.hash)
}

/// Every call the client may send, with the shape hash it was built with (placeholder
/// arguments: only names and shapes matter here).
fn calls() -> Vec<(Use, Option<[u8; 32]>)> {
	let tx = cascade::tx();
	let r = || tx.receivables();
	let f = || tx.financing();
	vec![
		(
			Use::Call("Receivables", "issue"),
			hash_of(r().issue(dummy_account(), 0, 0, 0, 0, H256::zero(), BoundedVec(Vec::new()))),
		),
		(Use::Call("Receivables", "accept"), hash_of(r().accept(0))),
		(Use::Call("Receivables", "transfer"), hash_of(r().transfer(0, dummy_account()))),
		(
			Use::Call("Receivables", "split_transfer"),
			hash_of(r().split_transfer(0, dummy_account(), 0)),
		),
		(Use::Call("Receivables", "repay"), hash_of(r().repay(0))),
		(Use::Call("Receivables", "repay_part"), hash_of(r().repay_part(0, 0))),
		(Use::Call("Financing", "call_loan"), hash_of(f().call_loan(0))),
		(Use::Call("Financing", "settle_claim"), hash_of(f().settle_claim(0))),
	]
}

/// The events the client reads, with the fields it reads.
pub const EVENTS: &[Use] = &[
	Use::Event("System", "ExtrinsicSuccess", &[]),
	Use::Event("System", "ExtrinsicFailed", &["dispatch_error"]),
	Use::Event("Receivables", "Issued", &["receivable", "root_note"]),
	Use::Event("Receivables", "Repaid", &["amount"]),
	Use::Event("Receivables", "PartRepaid", &["amount", "outstanding"]),
	Use::Event("Receivables", "Transferred", &["note"]),
	Use::Event("Receivables", "SplitTransferred", &["sent", "kept"]),
	Use::Event("Financing", "LoanCalled", &["owed"]),
	Use::Event("Financing", "ClaimSettled", &["paid", "remaining"]),
];

/// The shape hash subxt generated for a storage entry.
fn storage_hash_of<A: subxt::storage::Address>(address: A) -> Option<[u8; 32]> {
	address.validation_hash()
}

/// Every storage entry the client reads, with the shape hash it was built with.
fn storage() -> Vec<(Use, Option<[u8; 32]>)> {
	let s = cascade::storage;
	vec![
		(
			Use::Storage("Enterprises", "Enterprises"),
			storage_hash_of(s().enterprises().enterprises()),
		),
		(
			Use::Storage("Enterprises", "CreditLines"),
			storage_hash_of(s().enterprises().credit_lines()),
		),
		(
			Use::Storage("Receivables", "Receivables"),
			storage_hash_of(s().receivables().receivables()),
		),
		(
			Use::Storage("Receivables", "InvoiceRefs"),
			storage_hash_of(s().receivables().invoice_refs()),
		),
		(Use::Storage("Assets", "Metadata"), storage_hash_of(s().assets().metadata())),
		(Use::Storage("Timestamp", "Now"), storage_hash_of(s().timestamp().now())),
		(Use::Storage("Financing", "Financings"), storage_hash_of(s().financing().financings())),
	]
}

/// The runtime-API methods the client calls, with the shape hash it was built with.
fn apis() -> Vec<(Use, Option<[u8; 32]>)> {
	use subxt::runtime_apis::Payload as _;
	let zero = dummy_account;
	let can_issue =
		cascade::runtime_apis().receivables_api().can_issue(zero(), zero(), 0, 0, 0, 0, Vec::new());
	vec![(Use::Api("ReceivablesApi", "can_issue"), can_issue.validation_hash())]
}

/// Everything the client uses that a runtime with `metadata` lacks or has in another shape.
pub fn check(metadata: &Metadata) -> Vec<Incompatible> {
	let mut found = Vec::new();
	let mut differs = |what: Use, why: &str| found.push(Incompatible { what, why: why.into() });
	let changed = "its shape differs from what this client was built for";
	for (what, ours) in calls() {
		let Use::Call(pallet, call) = what else { continue };
		match metadata.pallet_by_name(pallet).map(|p| p.call_hash(call)) {
			None => differs(what, "the runtime has no such pallet"),
			Some(None) => differs(what, "the runtime has no such call"),
			Some(Some(theirs)) if ours.is_some_and(|ours| ours != theirs) => differs(what, changed),
			Some(Some(_)) => {}
		}
	}
	for (what, ours) in storage() {
		let Use::Storage(pallet, entry) = what else { continue };
		match metadata.pallet_by_name(pallet).map(|p| p.storage_hash(entry)) {
			None => differs(what, "the runtime has no such pallet"),
			Some(None) => differs(what, "the runtime has no such storage entry"),
			Some(Some(theirs)) if ours.is_some_and(|ours| ours != theirs) => differs(what, changed),
			Some(Some(_)) => {}
		}
	}
	for (what, ours) in apis() {
		let Use::Api(api, method) = what else { continue };
		match metadata.runtime_api_trait_by_name(api).map(|t| t.method_by_name(method)) {
			None => differs(what, "the runtime has no such API"),
			Some(None) => differs(what, "the runtime API has no such method"),
			Some(Some(m)) if ours.is_some_and(|ours| ours != m.hash()) => differs(what, changed),
			Some(Some(_)) => {}
		}
	}
	for what in EVENTS {
		let Use::Event(pallet, event, fields) = *what else { continue };
		let variant = metadata
			.pallet_by_name(pallet)
			.and_then(|p| p.event_variants())
			.and_then(|v| v.iter().find(|v| v.name == event));
		let Some(variant) = variant else {
			differs(*what, "the runtime has no such event");
			continue;
		};
		let missing: Vec<&str> = fields
			.iter()
			.filter(|f| !variant.fields.iter().any(|x| x.name.as_deref() == Some(**f)))
			.copied()
			.collect();
		if !missing.is_empty() {
			differs(*what, &format!("the event lacks the field(s) {}", missing.join(", ")));
		}
	}
	found
}

fn why_call(e: &ExtrinsicError) -> String {
	match e {
		ExtrinsicError::PalletNameNotFound(_) => "the runtime has no such pallet".into(),
		ExtrinsicError::CallNameNotFound { .. } => "the runtime has no such call".into(),
		ExtrinsicError::IncompatibleCodegen => {
			"its arguments differ from what this client was built for".into()
		}
		other => other.to_string(),
	}
}

/// A signing error for `call`, naming the call when its shape is the problem.
pub fn call_error<C: Payload + ?Sized>(call: &C, e: ExtrinsicError) -> anyhow::Error {
	match e {
		ExtrinsicError::PalletNameNotFound(_)
		| ExtrinsicError::CallNameNotFound { .. }
		| ExtrinsicError::IncompatibleCodegen => anyhow::anyhow!(
			"the chain's runtime cannot take this client's call {}.{}: {} — install a client \
			 built for the chain's current runtime",
			call.pallet_name(),
			call.call_name(),
			why_call(&e)
		),
		other => anyhow::anyhow!("cannot build the transaction: {other}"),
	}
}

/// Fails with every incompatibility among `needed`, or does nothing.
pub fn require(found: &[Incompatible], needed: &[Use]) -> anyhow::Result<()> {
	let blocking: Vec<String> = found
		.iter()
		.filter(|i| needed.iter().any(|n| same_item(n, &i.what)))
		.map(|i| i.to_string())
		.collect();
	if blocking.is_empty() {
		return Ok(());
	}
	anyhow::bail!(
		"the node's runtime differs from the one this client was built for in what this command \
		 needs:\n  {}\nInstall a client built for the chain's current runtime.",
		blocking.join("\n  ")
	)
}

fn same_item(a: &Use, b: &Use) -> bool {
	match (a, b) {
		(Use::Event(p, e, _), Use::Event(q, f, _)) => p == q && e == f,
		_ => a == b,
	}
}
