//! JSON-RPC methods over [`ReceivablesApi`]: `cascade_receivable`, `cascade_note`,
//! `cascade_notesOf`, `cascade_lineage`, `cascade_tree`, `cascade_exposure`, `cascade_quote`.
//!
//! Every method takes an optional block hash `at` (default: the best block). Accounts are SS58
//! strings and amounts decimal strings, so JavaScript loses no precision. Bad input — an unknown
//! id, a malformed account, an unknown block — is answered with a JSON-RPC error object; no
//! handler unwraps.
//!
//! Lists (`cascade_notesOf`, `cascade_tree`) take an optional third argument, a page
//! `{ "cursor": "0x…" | null, "limit": n }`, and then answer `{ "items": [...], "next": cursor |
//! null }`, at most 1,000 items a page. Without it they answer the whole list as before when it
//! fits in one page, and otherwise an error naming the paged form. Blocks whose runtime has
//! version 1 of the API are answered by its version-1 calls (whole lists, no pages).
//!
//! Every handler runs as blocking work (jsonrpsee's `blocking` methods, on tokio's blocking
//! pool): a reader calling into the runtime never holds one of the node's async worker threads,
//! so block import and networking do not wait on readers.

use std::{marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::error::{ErrorObject, ErrorObjectOwned},
};
use pallet_receivables_runtime_api::{
	ClaimInfo, Exposure, LineInfo, NoteInfo, NoteState, Page, PageError, PageRequest, Quote,
	ReceivableInfo, ReceivableStatus, ReceivablesApi as ReceivablesRuntimeApi, MAX_PAGE,
};
use serde::{Deserialize, Serialize};
use sp_api::{ApiExt, ProvideRuntimeApi};
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
	/// The list is longer than one page: ask for it in pages.
	pub const TOO_LARGE: i32 = 4130;
	/// The block's runtime does not have what was asked (paging before version 2 of the API).
	pub const UNSUPPORTED_AT_BLOCK: i32 = 4260;
}

/// A list answer: the whole list (asked without a page, and it fits in one), or one page of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Listing<T> {
	All(Vec<T>),
	Page(Page<T>),
}

impl<T> Listing<T> {
	/// The items of the answer, whichever form it took.
	pub fn into_items(self) -> Vec<T> {
		match self {
			Listing::All(items) => items,
			Listing::Page(page) => page.items,
		}
	}
}

fn page_error(e: PageError) -> ErrorObjectOwned {
	match e {
		PageError::ForeignCursor => error(
			error_code::INVALID_PARAMS,
			"the cursor belongs to another list (another account, receivable or kind of list)",
		),
		PageError::MalformedCursor => {
			error(error_code::INVALID_PARAMS, "the cursor is not one this chain gave out")
		}
		PageError::ZeroLimit => {
			error(error_code::INVALID_PARAMS, "a page limit must be at least 1")
		}
		PageError::UnknownList => error(error_code::NOT_FOUND, "no such receivable"),
	}
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
	#[method(name = "cascade_receivable", blocking)]
	fn receivable(&self, id: u64, at: Option<BlockHash>) -> RpcResult<ReceivableJson>;

	/// A note by id.
	#[method(name = "cascade_note", blocking)]
	fn note(&self, id: u64, at: Option<BlockHash>) -> RpcResult<NoteJson>;

	/// The live notes an account holds and the notes offered to it (waiting for 签收): all of
	/// them, or one `page`.
	#[method(name = "cascade_notesOf", blocking)]
	fn notes_of(
		&self,
		account: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteJson>>;

	/// The notes from the given one up to the root, inclusive.
	#[method(name = "cascade_lineage", blocking)]
	fn lineage(&self, note: u64, at: Option<BlockHash>) -> RpcResult<Vec<NoteJson>>;

	/// Every note of a receivable, with parents: all of them, or one `page`.
	#[method(name = "cascade_tree", blocking)]
	fn tree(
		&self,
		receivable: u64,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteJson>>;

	/// A core enterprise's outstanding receivables per asset and its credit lines.
	#[method(name = "cascade_exposure", blocking)]
	fn exposure(&self, core: String, at: Option<BlockHash>) -> RpcResult<ExposureJson>;

	/// What financing a note at `annual_rate` (parts per million a year) would pay now.
	#[method(name = "cascade_quote", blocking)]
	fn quote(&self, note: u64, annual_rate: u32, at: Option<BlockHash>) -> RpcResult<QuoteJson>;

	/// The claims (recourse, called pledge loans) an account owes or is owed.
	#[method(name = "cascade_claimsOf", blocking)]
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

impl<C, Block, AccountId, AssetId, Balance> Cascade<C, Block, AccountId, AssetId, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: ReceivablesRuntimeApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec,
	AssetId: Codec,
	Balance: Codec,
{
	/// The version of ReceivablesApi the runtime of block `at` has.
	fn api_version(&self, at: Block::Hash) -> Result<u32, ErrorObjectOwned> {
		self.client
			.runtime_api()
			.api_version::<dyn ReceivablesRuntimeApi<Block, AccountId, AssetId, Balance>>(at)
			.map_err(runtime_error)?
			.ok_or_else(|| {
				error(
					error_code::UNSUPPORTED_AT_BLOCK,
					format!("block {at:?} has no ReceivablesApi"),
				)
			})
	}
}

/// Pages exist from version 2 of the API on; an older block is read whole.
fn ensure_no_page(
	page: &Option<PageRequest>,
	at: impl std::fmt::Debug,
) -> Result<(), ErrorObjectOwned> {
	match page {
		Some(_) => Err(error(
			error_code::UNSUPPORTED_AT_BLOCK,
			format!("block {at:?} runs version 1 of ReceivablesApi, which has no pages: ask without one"),
		)),
		None => Ok(()),
	}
}

/// The answer to a list request: the page asked for, or (asked without a page) the whole list in
/// `order` when it fits in one page, else an error saying how to ask in pages.
fn listing<T, K: Ord>(
	page: Page<T>,
	whole: bool,
	order: impl FnMut(&T) -> K,
	too_large: impl FnOnce() -> String,
) -> RpcResult<Listing<T>> {
	if !whole {
		return Ok(Listing::Page(page));
	}
	if page.next.is_some() {
		return Err(error(error_code::TOO_LARGE, too_large()));
	}
	let mut items = page.items;
	items.sort_by_key(order);
	Ok(Listing::All(items))
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

	fn notes_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteJson>> {
		let who = parse_account::<AccountId>(&account)?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			ensure_no_page(&page, at)?;
			#[allow(deprecated)]
			let notes = api.notes_of_before_version_2(at, who).map_err(runtime_error)?;
			return Ok(Listing::All(notes.into_iter().map(note_json).collect()));
		}
		let whole = page.is_none();
		let request = page.unwrap_or(PageRequest::first(MAX_PAGE));
		// A whole list as before: the notes held by id, then the offers by id (the holder compared
		// in the form notes are written in, whatever SS58 format the account was given in).
		let holder = who.to_ss58check();
		let answer = api.notes_of(at, who, request).map_err(runtime_error)?.map_err(page_error)?;
		let order = |n: &NoteJson| (n.holder != holder, n.id);
		listing(answer.map(note_json), whole, order, || {
			format!(
				"{account} has more than {MAX_PAGE} notes: read them in pages, \
				 cascade_notesOf(account, null, {{\"limit\": {MAX_PAGE}}}), then pass each \
				 answer's \"next\" as {{\"cursor\": next}}"
			)
		})
	}

	fn lineage(&self, note: u64, at: Option<Block::Hash>) -> RpcResult<Vec<NoteJson>> {
		let path = self.client.runtime_api().lineage(self.at(at), note).map_err(runtime_error)?;
		if path.is_empty() {
			return Err(error(error_code::NOT_FOUND, format!("no note {note}")));
		}
		Ok(path.into_iter().map(note_json).collect())
	}

	fn tree(
		&self,
		receivable: u64,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteJson>> {
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			ensure_no_page(&page, at)?;
			#[allow(deprecated)]
			let tree = api.tree_before_version_2(at, receivable).map_err(runtime_error)?;
			return tree.map(|t| Listing::All(t.into_iter().map(note_json).collect())).ok_or_else(
				|| error(error_code::NOT_FOUND, format!("no receivable {receivable}")),
			);
		}
		let whole = page.is_none();
		let request = page.unwrap_or(PageRequest::first(MAX_PAGE));
		let answer =
			api.tree(at, receivable, request).map_err(runtime_error)?.map_err(|e| match e {
				PageError::UnknownList => {
					error(error_code::NOT_FOUND, format!("no receivable {receivable}"))
				}
				other => page_error(other),
			})?;
		listing(
			answer.map(note_json),
			whole,
			|n: &NoteJson| n.id,
			|| {
				format!(
				"receivable {receivable} has more than {MAX_PAGE} notes: read its tree in pages, \
				 cascade_tree({receivable}, null, {{\"limit\": {MAX_PAGE}}}), then pass each \
				 answer's \"next\" as {{\"cursor\": next}}"
			)
			},
		)
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
