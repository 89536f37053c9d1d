//! JSON-RPC methods over [`ReceivablesApi`]: `cascade_receivable`, `cascade_note`,
//! `cascade_notesOf`, `cascade_lineage`, `cascade_tree`, `cascade_exposure`, `cascade_quote`.
//!
//! Every method takes an optional block hash `at` (default: the best block). Accounts are SS58
//! strings and amounts decimal strings, so JavaScript loses no precision. Bad input — an unknown
//! id, a malformed account, an unknown block — is answered with a JSON-RPC error object; no
//! handler unwraps.

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::error::{ErrorObject, ErrorObjectOwned},
};
use pallet_receivables_runtime_api::{
	ClaimInfo, Exposure, LineInfo, NoteInfo, NoteState, Quote, ReceivableInfo, ReceivableStatus,
	ReceivablesApi as ReceivablesRuntimeApi,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::{traits::Block as BlockT, Permill};

/// The error codes of the `cascade_*` methods.
pub mod error_code {
	/// No receivable or note has the given id.
	pub const NOT_FOUND: i32 = 4040;
	/// An argument is malformed (for example an account that is not SS58).
	pub const INVALID_PARAMS: i32 = -32602;
	/// The runtime could not answer (for example an unknown block hash).
	pub const RUNTIME_ERROR: i32 = 5000;
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(code, message.into(), None::<()>)
}

/// A note, for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteJson {
	pub id: u64,
	pub receivable: u64,
	pub parent: Option<u64>,
	pub depth: u32,
	pub holder: String,
	pub amount: String,
	/// Paid on it out of escrow so far; `amount − paid` is still owed.
	pub paid: String,
	/// `pending`, `active`, `pledged`, `frozen`, `redeemed` or `consumed`.
	pub state: String,
	/// For `pending`: the account the note is offered to.
	pub pending_to: Option<String>,
	/// For `pledged`: the financing.
	pub financing: Option<u64>,
}

/// A receivable, for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivableJson {
	pub id: u64,
	pub issuer: String,
	pub asset: String,
	pub face: String,
	pub issued_at: u64,
	pub maturity: u64,
	pub credit_line: u64,
	pub doc_hash: String,
	/// The invoice reference as text (lossy for non-UTF-8 bytes).
	pub invoice_ref: String,
	/// `pending`, `active`, `repaid`, `settled`, `cancelled` or `overdue`.
	pub status: String,
	/// Paid into escrow so far.
	pub repaid: String,
	/// Still to be paid into escrow.
	pub outstanding: String,
	/// Paid out of escrow to notes so far.
	pub paid_out: String,
	pub root: u64,
	/// Notes not yet paid in full.
	pub notes_left: u32,
	/// Whether the chain is clearing money in escrow to its notes.
	pub clearing: bool,
	pub escrow: String,
	pub escrow_balance: String,
}

/// A credit line, for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineJson {
	pub id: u64,
	pub financier: String,
	pub asset: String,
	pub limit: String,
	pub used: String,
	pub available: String,
	pub expires_at: u64,
	pub revoked: bool,
}

/// One asset's outstanding amount, for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutstandingJson {
	pub asset: String,
	pub amount: String,
}

/// A core enterprise's exposure, for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExposureJson {
	pub core: String,
	pub outstanding: Vec<OutstandingJson>,
	pub receivables: u32,
	pub credit_lines: Vec<LineJson>,
}

/// A claim (recourse, or a called pledge loan), for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimJson {
	pub financing: u64,
	pub debtor: String,
	pub creditor: String,
	pub amount: String,
}

/// A financing quote, for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteJson {
	pub note: u64,
	pub obligor: String,
	pub asset: String,
	pub amount: String,
	/// Parts per million a year (3.65 % is 36500).
	pub annual_rate: u32,
	pub now: u64,
	pub maturity: u64,
	pub days: u64,
	pub interest: String,
	pub disbursed: String,
	pub financeable: bool,
}

fn note_json<A: Ss58Codec, B: ToString>(n: NoteInfo<A, B>) -> NoteJson {
	let (state, pending_to, financing) = match n.state {
		NoteState::Pending { to } => ("pending", Some(to.to_ss58check()), None),
		NoteState::Active => ("active", None, None),
		NoteState::Pledged { financing } => ("pledged", None, Some(financing)),
		NoteState::Frozen => ("frozen", None, None),
		NoteState::Redeemed => ("redeemed", None, None),
		NoteState::Consumed => ("consumed", None, None),
	};
	NoteJson {
		id: n.id,
		receivable: n.receivable,
		parent: n.parent,
		depth: n.depth,
		holder: n.holder.to_ss58check(),
		amount: n.amount.to_string(),
		paid: n.paid.to_string(),
		state: state.into(),
		pending_to,
		financing,
	}
}

fn status_name(s: ReceivableStatus) -> &'static str {
	match s {
		ReceivableStatus::Pending => "pending",
		ReceivableStatus::Active => "active",
		ReceivableStatus::Repaid => "repaid",
		ReceivableStatus::Settled => "settled",
		ReceivableStatus::Cancelled => "cancelled",
		ReceivableStatus::Overdue => "overdue",
	}
}

fn receivable_json<A: Ss58Codec, S: ToString, B: ToString>(
	r: ReceivableInfo<A, S, B>,
) -> ReceivableJson {
	ReceivableJson {
		id: r.id,
		issuer: r.issuer.to_ss58check(),
		asset: r.asset.to_string(),
		face: r.face.to_string(),
		issued_at: r.issued_at,
		maturity: r.maturity,
		credit_line: r.credit_line,
		doc_hash: format!("{:?}", r.doc_hash),
		invoice_ref: String::from_utf8_lossy(&r.invoice_ref).into_owned(),
		status: status_name(r.status).into(),
		repaid: r.repaid.to_string(),
		outstanding: r.outstanding.to_string(),
		paid_out: r.paid_out.to_string(),
		root: r.root,
		notes_left: r.live_notes,
		clearing: r.clearing,
		escrow: r.escrow.to_ss58check(),
		escrow_balance: r.escrow_balance.to_string(),
	}
}

fn line_json<A: Ss58Codec, S: ToString, B: ToString + Copy + sp_runtime::traits::Saturating>(
	l: LineInfo<A, S, B>,
) -> LineJson {
	LineJson {
		id: l.id,
		financier: l.financier.to_ss58check(),
		asset: l.asset.to_string(),
		limit: l.limit.to_string(),
		used: l.used.to_string(),
		available: l.limit.saturating_sub(l.used).to_string(),
		expires_at: l.expires_at,
		revoked: l.revoked,
	}
}

/// The `cascade_*` methods.
#[rpc(client, server)]
pub trait CascadeApi<BlockHash> {
	/// A receivable by id.
	#[method(name = "cascade_receivable")]
	fn receivable(&self, id: u64, at: Option<BlockHash>) -> RpcResult<ReceivableJson>;

	/// A note by id.
	#[method(name = "cascade_note")]
	fn note(&self, id: u64, at: Option<BlockHash>) -> RpcResult<NoteJson>;

	/// The live notes an account holds and the notes offered to it (waiting for 签收).
	#[method(name = "cascade_notesOf")]
	fn notes_of(&self, account: String, at: Option<BlockHash>) -> RpcResult<Vec<NoteJson>>;

	/// The notes from the given one up to the root, inclusive.
	#[method(name = "cascade_lineage")]
	fn lineage(&self, note: u64, at: Option<BlockHash>) -> RpcResult<Vec<NoteJson>>;

	/// Every note of a receivable, with parents.
	#[method(name = "cascade_tree")]
	fn tree(&self, receivable: u64, at: Option<BlockHash>) -> RpcResult<Vec<NoteJson>>;

	/// A core enterprise's outstanding receivables per asset and its credit lines.
	#[method(name = "cascade_exposure")]
	fn exposure(&self, core: String, at: Option<BlockHash>) -> RpcResult<ExposureJson>;

	/// What financing a note at `annual_rate` (parts per million a year) would pay now.
	#[method(name = "cascade_quote")]
	fn quote(&self, note: u64, annual_rate: u32, at: Option<BlockHash>) -> RpcResult<QuoteJson>;

	/// The claims (recourse, called pledge loans) an account owes or is owed.
	#[method(name = "cascade_claimsOf")]
	fn claims_of(&self, account: String, at: Option<BlockHash>) -> RpcResult<Vec<ClaimJson>>;
}

/// The server of the `cascade_*` methods.
pub struct Cascade<C, Block, AccountId, AssetId, Balance> {
	client: Arc<C>,
	_marker: PhantomData<(Block, AccountId, AssetId, Balance)>,
}

impl<C, Block, AccountId, AssetId, Balance> Cascade<C, Block, AccountId, AssetId, Balance> {
	/// A server reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId, AssetId, Balance> Cascade<C, Block, AccountId, AssetId, Balance>
where
	Block: BlockT,
	C: HeaderBackend<Block>,
{
	fn at(&self, at: Option<Block::Hash>) -> Block::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	error(error_code::RUNTIME_ERROR, format!("runtime could not answer: {e:?}"))
}

fn parse_account<AccountId: Ss58Codec>(s: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(s.trim())
		.map_err(|e| error(error_code::INVALID_PARAMS, format!("malformed account {s:?}: {e:?}")))
}

impl<C, Block, AccountId, AssetId, Balance> CascadeApiServer<Block::Hash>
	for Cascade<C, Block, AccountId, AssetId, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ReceivablesRuntimeApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec + Ss58Codec + Clone + Send + Sync + 'static,
	AssetId: Codec + ToString + Send + Sync + 'static,
	Balance: Codec + ToString + Copy + sp_runtime::traits::Saturating + Send + Sync + 'static,
{
	fn receivable(&self, id: u64, at: Option<Block::Hash>) -> RpcResult<ReceivableJson> {
		let r = self.client.runtime_api().receivable(self.at(at), id).map_err(runtime_error)?;
		r.map(receivable_json)
			.ok_or_else(|| error(error_code::NOT_FOUND, format!("no receivable {id}")))
	}

	fn note(&self, id: u64, at: Option<Block::Hash>) -> RpcResult<NoteJson> {
		let n = self.client.runtime_api().note(self.at(at), id).map_err(runtime_error)?;
		n.map(note_json).ok_or_else(|| error(error_code::NOT_FOUND, format!("no note {id}")))
	}

	fn notes_of(&self, account: String, at: Option<Block::Hash>) -> RpcResult<Vec<NoteJson>> {
		let who = parse_account::<AccountId>(&account)?;
		let notes = self.client.runtime_api().notes_of(self.at(at), who).map_err(runtime_error)?;
		Ok(notes.into_iter().map(note_json).collect())
	}

	fn lineage(&self, note: u64, at: Option<Block::Hash>) -> RpcResult<Vec<NoteJson>> {
		let path = self.client.runtime_api().lineage(self.at(at), note).map_err(runtime_error)?;
		if path.is_empty() {
			return Err(error(error_code::NOT_FOUND, format!("no note {note}")));
		}
		Ok(path.into_iter().map(note_json).collect())
	}

	fn tree(&self, receivable: u64, at: Option<Block::Hash>) -> RpcResult<Vec<NoteJson>> {
		let tree =
			self.client.runtime_api().tree(self.at(at), receivable).map_err(runtime_error)?;
		tree.map(|t| t.into_iter().map(note_json).collect())
			.ok_or_else(|| error(error_code::NOT_FOUND, format!("no receivable {receivable}")))
	}

	fn exposure(&self, core: String, at: Option<Block::Hash>) -> RpcResult<ExposureJson> {
		let who = parse_account::<AccountId>(&core)?;
		let e: Exposure<AccountId, AssetId, Balance> =
			self.client.runtime_api().exposure(self.at(at), who.clone()).map_err(runtime_error)?;
		Ok(ExposureJson {
			core: who.to_ss58check(),
			outstanding: e
				.outstanding
				.into_iter()
				.map(|(asset, amount)| OutstandingJson {
					asset: asset.to_string(),
					amount: amount.to_string(),
				})
				.collect(),
			receivables: e.receivables,
			credit_lines: e.lines.into_iter().map(line_json).collect(),
		})
	}

	fn quote(&self, note: u64, annual_rate: u32, at: Option<Block::Hash>) -> RpcResult<QuoteJson> {
		if annual_rate > 1_000_000 {
			return Err(error(
				error_code::INVALID_PARAMS,
				format!("annual_rate {annual_rate} is above 1,000,000 parts per million"),
			));
		}
		let q: Option<Quote<AccountId, AssetId, Balance>> = self
			.client
			.runtime_api()
			.quote(self.at(at), note, Permill::from_parts(annual_rate))
			.map_err(runtime_error)?;
		let q = q.ok_or_else(|| error(error_code::NOT_FOUND, format!("no note {note}")))?;
		Ok(QuoteJson {
			note: q.note,
			obligor: q.obligor.to_ss58check(),
			asset: q.asset.to_string(),
			amount: q.amount.to_string(),
			annual_rate: q.annual_rate.deconstruct(),
			now: q.now,
			maturity: q.maturity,
			days: q.days,
			interest: q.interest.to_string(),
			disbursed: q.disbursed.to_string(),
			financeable: q.financeable,
		})
	}

	fn claims_of(&self, account: String, at: Option<Block::Hash>) -> RpcResult<Vec<ClaimJson>> {
		let who = parse_account::<AccountId>(&account)?;
		let claims: Vec<ClaimInfo<AccountId, Balance>> =
			self.client.runtime_api().claims_of(self.at(at), who).map_err(runtime_error)?;
		Ok(claims
			.into_iter()
			.map(|c| ClaimJson {
				financing: c.financing,
				debtor: c.debtor.to_ss58check(),
				creditor: c.creditor.to_ss58check(),
				amount: c.amount.to_string(),
			})
			.collect())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::AccountId32;

	#[test]
	fn notes_serialize_with_strings_for_accounts_and_amounts() {
		let alice = AccountId32::new([1; 32]);
		let bob = AccountId32::new([2; 32]);
		let n = note_json(NoteInfo {
			id: 3,
			receivable: 1,
			parent: Some(2),
			depth: 1,
			holder: alice.clone(),
			amount: 340_282_366_920_938_463_463_374_607_431_768_211_455u128,
			paid: 7,
			state: NoteState::Pending { to: bob.clone() },
		});
		let v = serde_json::to_value(&n).unwrap();
		assert_eq!(v["amount"], "340282366920938463463374607431768211455");
		assert_eq!(v["holder"], alice.to_ss58check());
		assert_eq!(v["state"], "pending");
		assert_eq!(v["paid"], "7");
		assert_eq!(v["pendingTo"], bob.to_ss58check());
		assert_eq!(v["parent"], 2);
	}

	#[test]
	fn malformed_accounts_are_invalid_params() {
		let e = parse_account::<AccountId32>("not-an-account").unwrap_err();
		assert_eq!(e.code(), error_code::INVALID_PARAMS);
		let ok = parse_account::<AccountId32>(&AccountId32::new([5; 32]).to_ss58check());
		assert!(ok.is_ok());
	}
}
