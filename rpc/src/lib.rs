//! JSON-RPC methods over [`ReceivablesApi`]: `cascade_receivable`, `cascade_note`,
//! `cascade_notesOf`, `cascade_lineage`, `cascade_tree`, `cascade_exposure`, `cascade_quote`,
//! `cascade_claimsOf`, `cascade_financingsOf`, `cascade_programsOf`, `cascade_requestsOf`,
//! `cascade_receivablesOf`, `cascade_linesOf`, `cascade_attestationsOf`, `cascade_programQuote`.
//!
//! This crate is routing: the answers are the pallets' own read types (through the runtime API),
//! serialized as they derive it — camelCase fields, accounts as SS58 strings, amounts and asset
//! ids as decimal strings (JavaScript loses no precision) — and it is generic over the runtime's
//! account, asset and balance types. Every method takes an optional block hash `at` (default: the best block). Bad
//! input — an unknown id, a malformed account, an unknown block — is answered with a JSON-RPC
//! error object; no handler unwraps.
//!
//! Lists take an optional third argument, a page `{ "cursor": "0x…" | null, "limit": n }`, and
//! then answer `{ "items": [...], "next": cursor | null }`, at most 1,000 items a page. Without
//! it they answer the whole list as before when it fits in one page, and otherwise an error
//! naming the paged form. Blocks whose runtime has version 1 of the API are answered by its
//! version-1 calls (whole lists, no pages; the lists version 1 did not have are refused).
//!
//! Every handler runs as blocking work (jsonrpsee's `blocking` methods, on tokio's blocking
//! pool): a reader calling into the runtime never holds one of the node's async worker threads.
//! And at most a fixed number of readers run the runtime at once ([`Readers`]; node/src/rpc.rs
//! allows half the cores, at least one): the others wait their turn, so however many clients
//! read, cores are left for block authoring, import and networking — measured: 50 readers paging
//! through a 100,000-note tree on a 2-core node without the limit stretched 6-second blocks to
//! 17 s. A bounded number wait (64 per turn); beyond that a reader is answered `4290` (busy,
//! retry) at once, so waiting readers never pile up on the blocking pool. Blocks of version 1 of
//! the API are answered in [`v1`].

mod readers;
mod v1;

pub use readers::{Readers, Turn};

use std::{marker::PhantomData, sync::Arc};

use cascade_runtime_api::ReceivablesApi as ReceivablesRuntimeApi;
pub use cascade_runtime_api::{
	AttestationInfo, ClaimInfo, ExposureInfo, FinancingInfo, FinancingKind, LineInfo, NoteInfo,
	Page, PageError, PageRequest, ProgramInfo, ProgramQuote, Quote, ReceivableInfo, RequestInfo,
	MAX_PAGE,
};
use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::error::{ErrorObject, ErrorObjectOwned},
};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
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
	/// The block's runtime does not have what was asked (paging, or a list version 1 lacked).
	pub const UNSUPPORTED_AT_BLOCK: i32 = 4260;
	/// The node is busy: every reader's turn is taken and the queue of readers waiting for one
	/// is full. Nothing was read; retry after a moment.
	pub const BUSY: i32 = 4290;
}

/// A list answer: the whole list (asked without a page, and it fits in one), or one page of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Listing<T> {
	All(Vec<T>),
	Page(Page<T>),
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

/// The `cascade_*` methods, generic over the runtime's account, asset and balance types.
#[rpc(client, server)]
pub trait CascadeApi<BlockHash, AccountId, AssetId, Balance> {
	/// A receivable by id.
	#[method(name = "cascade_receivable", blocking)]
	fn receivable(
		&self,
		id: u64,
		at: Option<BlockHash>,
	) -> RpcResult<ReceivableInfo<AccountId, AssetId, Balance>>;

	/// A note by id.
	#[method(name = "cascade_note", blocking)]
	fn note(&self, id: u64, at: Option<BlockHash>) -> RpcResult<NoteInfo<AccountId, Balance>>;

	/// The live notes an account holds and the notes offered to it (waiting for 签收): all of
	/// them, or one `page`.
	#[method(name = "cascade_notesOf", blocking)]
	fn notes_of(
		&self,
		account: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>>;

	/// The notes from the given one up to the root, inclusive.
	#[method(name = "cascade_lineage", blocking)]
	fn lineage(
		&self,
		note: u64,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<NoteInfo<AccountId, Balance>>>;

	/// Every note of a receivable, with parents: all of them, or one `page`.
	#[method(name = "cascade_tree", blocking)]
	fn tree(
		&self,
		receivable: u64,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>>;

	/// A core enterprise's outstanding receivables per asset and its credit lines.
	#[method(name = "cascade_exposure", blocking)]
	fn exposure(
		&self,
		core: String,
		at: Option<BlockHash>,
	) -> RpcResult<ExposureInfo<AccountId, AssetId, Balance>>;

	/// What financing a note at `annual_rate` (parts per million a year) would pay now.
	#[method(name = "cascade_quote", blocking)]
	fn quote(
		&self,
		note: u64,
		annual_rate: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Quote<AccountId, AssetId, Balance>>;

	/// The claims (recourse, called pledge loans) an account owes or is owed: all, or a `page`.
	#[method(name = "cascade_claimsOf", blocking)]
	fn claims_of(
		&self,
		account: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<ClaimInfo<AccountId, Balance>>>;

	/// An account's financings, as financier and as seller or borrower: all, or a `page`.
	#[method(name = "cascade_financingsOf", blocking)]
	fn financings_of(
		&self,
		account: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<FinancingInfo<AccountId, Balance>>>;

	/// A financier's programs: all, or a `page`.
	#[method(name = "cascade_programsOf", blocking)]
	fn programs_of(
		&self,
		financier: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<ProgramInfo<AccountId, AssetId, Balance>>>;

	/// The requests waiting for an answer that an account made or must answer: all, or a
	/// `page`.
	#[method(name = "cascade_requestsOf", blocking)]
	fn requests_of(
		&self,
		account: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<RequestInfo<AccountId>>>;

	/// The receivables an issuer issued (settled and cancelled ones included): all, or a `page`
	/// (blocks whose runtime has version 4 of the API).
	#[method(name = "cascade_receivablesOf", blocking)]
	fn receivables_of(
		&self,
		issuer: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<ReceivableInfo<AccountId, AssetId, Balance>>>;

	/// A core's credit lines: all, or a `page`.
	#[method(name = "cascade_linesOf", blocking)]
	fn lines_of(
		&self,
		core: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<LineInfo<AccountId, AssetId, Balance>>>;

	/// An enterprise's attestations (its tier and green grade), each with whether it counts
	/// now (blocks whose runtime has version 5 of the API).
	#[method(name = "cascade_attestationsOf", blocking)]
	fn attestations_of(
		&self,
		account: String,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<AttestationInfo<AccountId>>>;

	/// What financing `note` through `program` as `kind` (`{"factoring":{"recourse":…}}` or
	/// `"pledge"`) would be now for the note's holder, priced by its grades, and why `finance`
	/// would fail if it would (blocks whose runtime has version 5 of the API).
	#[method(name = "cascade_programQuote", blocking)]
	fn program_quote(
		&self,
		note: u64,
		program: u64,
		kind: FinancingKind,
		at: Option<BlockHash>,
	) -> RpcResult<ProgramQuote<AccountId, Balance>>;
}

/// The server of the `cascade_*` methods.
pub struct Cascade<C, Block, AccountId, AssetId, Balance> {
	client: Arc<C>,
	readers: Arc<Readers>,
	_marker: PhantomData<(Block, AccountId, AssetId, Balance)>,
}

impl<C, Block, AccountId, AssetId, Balance> Cascade<C, Block, AccountId, AssetId, Balance> {
	/// A server reading through `client`, at most as many readers at once as `readers` allows.
	pub fn new(client: Arc<C>, readers: Arc<Readers>) -> Self {
		Self { client, readers, _marker: PhantomData }
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

/// What a caller is told when `owner`'s list of `items` is longer than a page (`whose`: how the
/// answer names the list, `owner_arg`: the owner as the method's first argument).
fn ask_in_pages(owner: &str, items: &str, whose: &str, method: &str, owner_arg: &str) -> String {
	format!(
		"{owner} has more than {MAX_PAGE} {items}: read {whose} in pages, \
		 {method}({owner_arg}, null, {{\"limit\": {MAX_PAGE}}}), then pass each answer's \
		 \"next\" as {{\"cursor\": next}}"
	)
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	error(error_code::RUNTIME_ERROR, format!("runtime could not answer: {e:?}"))
}

fn parse_account<AccountId: Ss58Codec>(s: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(s.trim())
		.map_err(|e| error(error_code::INVALID_PARAMS, format!("malformed account {s:?}: {e:?}")))
}

type ApiResult<T> = Result<Result<Page<T>, PageError>, sp_api::ApiError>;

impl<C, Block, AccountId, AssetId, Balance> Cascade<C, Block, AccountId, AssetId, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: ReceivablesRuntimeApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec + Ss58Codec,
	AssetId: Codec,
	Balance: Codec,
{
	fn at(&self, at: Option<Block::Hash>) -> Block::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}

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

	/// Refuse a method that versions from `since` of the API have, asked of an older block.
	fn require(&self, since: u32, method: &str, at: Block::Hash) -> Result<(), ErrorObjectOwned> {
		let version = self.api_version(at)?;
		if version < since {
			return Err(error(
				error_code::UNSUPPORTED_AT_BLOCK,
				format!(
					"block {at:?} runs version {version} of ReceivablesApi, which has no {method}"
				),
			));
		}
		Ok(())
	}

	/// A list of `account`'s items, by id, that versions from `since` (at least 2) of the API
	/// have.
	fn account_list<T>(
		&self,
		since: u32,
		method: &str,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
		id: impl FnMut(&T) -> u64,
		read: impl FnOnce(&C::Api, Block::Hash, AccountId, PageRequest) -> ApiResult<T>,
	) -> RpcResult<Listing<T>> {
		let who = parse_account(&account)?;
		let at = self.at(at);
		self.require(since, method, at)?;
		let whole = page.is_none();
		let request = page.unwrap_or(PageRequest::first(MAX_PAGE));
		let answer = read(&self.client.runtime_api(), at, who, request)
			.map_err(runtime_error)?
			.map_err(page_error)?;
		listing(answer, whole, id, || ask_in_pages(&account, "items", "them", method, "account"))
	}
}

impl<C, Block, AccountId, AssetId, Balance>
	CascadeApiServer<Block::Hash, AccountId, AssetId, Balance>
	for Cascade<C, Block, AccountId, AssetId, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ReceivablesRuntimeApi<Block, AccountId, AssetId, Balance>,
	AccountId: Codec
		+ Ss58Codec
		+ Clone
		+ PartialEq
		+ Serialize
		+ DeserializeOwned
		+ Send
		+ Sync
		+ 'static,
	AssetId: Codec + Serialize + DeserializeOwned + Send + Sync + 'static,
	Balance: Codec
		+ Copy
		+ sp_runtime::traits::Saturating
		+ Serialize
		+ DeserializeOwned
		+ Send
		+ Sync
		+ 'static,
{
	fn receivable(
		&self,
		id: u64,
		at: Option<Block::Hash>,
	) -> RpcResult<ReceivableInfo<AccountId, AssetId, Balance>> {
		let _turn = self.readers.turn()?;
		let r = self.client.runtime_api().receivable(self.at(at), id).map_err(runtime_error)?;
		r.ok_or_else(|| error(error_code::NOT_FOUND, format!("no receivable {id}")))
	}

	fn note(&self, id: u64, at: Option<Block::Hash>) -> RpcResult<NoteInfo<AccountId, Balance>> {
		let _turn = self.readers.turn()?;
		let n = self.client.runtime_api().note(self.at(at), id).map_err(runtime_error)?;
		n.ok_or_else(|| error(error_code::NOT_FOUND, format!("no note {id}")))
	}

	fn notes_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>> {
		let _turn = self.readers.turn()?;
		let who: AccountId = parse_account(&account)?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			v1::ensure_no_page(&page, at)?;
			return v1::Old { api: &api, at, _types: PhantomData::<(_, AssetId, _)> }
				.notes_of(who, &account);
		}
		let whole = page.is_none();
		let request = page.unwrap_or(PageRequest::first(MAX_PAGE));
		// A whole list as before: the notes held by id, then the offers by id.
		let answer =
			api.notes_of(at, who.clone(), request).map_err(runtime_error)?.map_err(page_error)?;
		let order = |n: &NoteInfo<AccountId, Balance>| (n.holder != who, n.id);
		listing(answer, whole, order, || {
			ask_in_pages(&account, "notes", "them", "cascade_notesOf", "account")
		})
	}

	fn lineage(
		&self,
		note: u64,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<NoteInfo<AccountId, Balance>>> {
		let _turn = self.readers.turn()?;
		let path = self.client.runtime_api().lineage(self.at(at), note).map_err(runtime_error)?;
		if path.is_empty() {
			return Err(error(error_code::NOT_FOUND, format!("no note {note}")));
		}
		Ok(path)
	}

	fn tree(
		&self,
		receivable: u64,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<NoteInfo<AccountId, Balance>>> {
		let _turn = self.readers.turn()?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			v1::ensure_no_page(&page, at)?;
			return v1::Old { api: &api, at, _types: PhantomData::<(AccountId, AssetId, _)> }
				.tree(receivable);
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
			answer,
			whole,
			|n: &NoteInfo<AccountId, Balance>| n.id,
			|| {
				ask_in_pages(
					&format!("receivable {receivable}"),
					"notes",
					"its tree",
					"cascade_tree",
					&receivable.to_string(),
				)
			},
		)
	}

	fn exposure(
		&self,
		core: String,
		at: Option<Block::Hash>,
	) -> RpcResult<ExposureInfo<AccountId, AssetId, Balance>> {
		let _turn = self.readers.turn()?;
		let who: AccountId = parse_account(&core)?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			return v1::Old { api: &api, at, _types: PhantomData }.exposure(who);
		}
		api.exposure(at, who).map_err(runtime_error)
	}

	fn quote(
		&self,
		note: u64,
		annual_rate: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<Quote<AccountId, AssetId, Balance>> {
		let _turn = self.readers.turn()?;
		if annual_rate > 1_000_000 {
			return Err(error(
				error_code::INVALID_PARAMS,
				format!("annual_rate {annual_rate} is above 1,000,000 parts per million"),
			));
		}
		self.client
			.runtime_api()
			.quote(self.at(at), note, Permill::from_parts(annual_rate))
			.map_err(runtime_error)?
			.ok_or_else(|| error(error_code::NOT_FOUND, format!("no note {note}")))
	}

	fn claims_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<ClaimInfo<AccountId, Balance>>> {
		let _turn = self.readers.turn()?;
		let who: AccountId = parse_account(&account)?;
		let hash = self.at(at);
		let version = self.api_version(hash)?;
		if version < 2 {
			v1::ensure_no_page(&page, hash)?;
			let api = self.client.runtime_api();
			return v1::Old { api: &api, at: hash, _types: PhantomData::<(_, AssetId, _)> }
				.claims_of(who, &account);
		}
		self.account_list(
			2,
			"cascade_claimsOf",
			account,
			Some(hash),
			page,
			|c: &ClaimInfo<AccountId, Balance>| c.financing,
			|api, at, who, p| {
				if version < 3 {
					// Version 2 does not say what secures a claim.
					#[allow(deprecated)]
					let answer = api.claims_of_before_version_3(at, who, p)?;
					return Ok(answer.map(|page| page.map(|c| c.upgrade())));
				}
				api.claims_of(at, who, p)
			},
		)
	}

	fn financings_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<FinancingInfo<AccountId, Balance>>> {
		let _turn = self.readers.turn()?;
		self.account_list(
			2,
			"cascade_financingsOf",
			account,
			at,
			page,
			|f: &FinancingInfo<AccountId, Balance>| f.id,
			|api, at, who, p| api.financings_of(at, who, p),
		)
	}

	fn programs_of(
		&self,
		financier: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<ProgramInfo<AccountId, AssetId, Balance>>> {
		let _turn = self.readers.turn()?;
		self.account_list(
			2,
			"cascade_programsOf",
			financier,
			at,
			page,
			|p: &ProgramInfo<AccountId, AssetId, Balance>| p.id,
			|api, at, who, p| api.programs_of(at, who, p),
		)
	}

	fn requests_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<RequestInfo<AccountId>>> {
		let _turn = self.readers.turn()?;
		self.account_list(
			2,
			"cascade_requestsOf",
			account,
			at,
			page,
			|r: &RequestInfo<AccountId>| r.id,
			|api, at, who, p| api.requests_of(at, who, p),
		)
	}

	fn receivables_of(
		&self,
		issuer: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<ReceivableInfo<AccountId, AssetId, Balance>>> {
		let _turn = self.readers.turn()?;
		self.account_list(
			4,
			"cascade_receivablesOf",
			issuer,
			at,
			page,
			|r: &ReceivableInfo<AccountId, AssetId, Balance>| r.id,
			|api, at, who, p| api.receivables_of(at, who, p),
		)
	}

	fn lines_of(
		&self,
		core: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<LineInfo<AccountId, AssetId, Balance>>> {
		let _turn = self.readers.turn()?;
		self.account_list(
			2,
			"cascade_linesOf",
			core,
			at,
			page,
			|l: &LineInfo<AccountId, AssetId, Balance>| l.id,
			|api, at, who, p| api.lines_of(at, who, p),
		)
	}

	fn attestations_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<AttestationInfo<AccountId>>> {
		let _turn = self.readers.turn()?;
		let who = parse_account(&account)?;
		let at = self.at(at);
		self.require(5, "cascade_attestationsOf", at)?;
		self.client.runtime_api().attestations_of(at, who).map_err(runtime_error)
	}

	fn program_quote(
		&self,
		note: u64,
		program: u64,
		kind: FinancingKind,
		at: Option<Block::Hash>,
	) -> RpcResult<ProgramQuote<AccountId, Balance>> {
		let _turn = self.readers.turn()?;
		let at = self.at(at);
		self.require(5, "cascade_programQuote", at)?;
		self.client
			.runtime_api()
			.program_quote(at, note, program, kind)
			.map_err(runtime_error)?
			.ok_or_else(|| {
				error(error_code::NOT_FOUND, format!("no note {note} or no program {program}"))
			})
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::AccountId32;

	#[test]
	fn malformed_accounts_are_invalid_params() {
		let e = parse_account::<AccountId32>("not-an-account").unwrap_err();
		assert_eq!(e.code(), error_code::INVALID_PARAMS);
		assert!(parse_account::<AccountId32>(&AccountId32::new([5; 32]).to_ss58check()).is_ok());
	}

	#[test]
	fn a_whole_list_is_answered_in_order_and_a_long_one_refused() {
		let page = Page { items: vec![3u64, 1, 2], next: None };
		assert_eq!(
			listing(page.clone(), true, |x| *x, String::new).unwrap(),
			Listing::All(vec![1, 2, 3])
		);
		assert_eq!(listing(page.clone(), false, |x| *x, String::new).unwrap(), Listing::Page(page));
		let long =
			Page { items: vec![1u64], next: Some(cascade_runtime_api::Cursor(Default::default())) };
		let refused = listing(long, true, |x| *x, || "ask in pages".into()).unwrap_err();
		assert_eq!(refused.code(), error_code::TOO_LARGE);
		assert_eq!(refused.message(), "ask in pages");
	}
}
