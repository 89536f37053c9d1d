//! JSON-RPC methods over [`ReceivablesApi`]: `cascade_receivable`, `cascade_note`,
//! `cascade_notesOf`, `cascade_lineage`, `cascade_tree`, `cascade_exposure`, `cascade_quote`,
//! `cascade_claimsOf`, `cascade_financingsOf`, `cascade_programsOf`, `cascade_requestsOf`,
//! `cascade_linesOf`.
//!
//! The answers are the runtime API's own types, serialized as they derive it: camelCase fields,
//! accounts as SS58 strings, amounts and asset ids as decimal strings (JavaScript loses no
//! precision). Every method takes an optional block hash `at` (default: the best block). Bad
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
//! And at most a fixed number of readers run the runtime at once ([`Readers`]; the node allows
//! half its cores, at least one): the others wait their turn, so however many clients read, cores
//! are left for block authoring, import and networking — measured: 50 readers paging through a
//! 100,000-note tree on a 2-core node without the limit stretched 6-second blocks to 17 s. At
//! most 64 readers per turn wait; beyond that a reader is answered `4290` (busy, retry) at once,
//! so waiting readers never pile up on the blocking pool.

use std::{
	marker::PhantomData,
	sync::{Arc, Condvar, Mutex},
};

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::error::{ErrorObject, ErrorObjectOwned},
};
use pallet_receivables_runtime_api::ReceivablesApi as ReceivablesRuntimeApi;
pub use pallet_receivables_runtime_api::{
	ClaimInfo, Exposure, FinancingInfo, LineInfo, NoteInfo, NoteState, Page, PageError,
	PageRequest, ProgramInfo, Quote, ReceivableInfo, ReceivableStatus, RequestInfo, MAX_PAGE,
};
use serde::{Deserialize, Serialize};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::{AccountId32, Ss58Codec};
use sp_runtime::{traits::Block as BlockT, Permill};

/// Cascade's accounts.
pub type AccountId = AccountId32;
/// Cascade's settlement asset ids.
pub type AssetId = u32;
/// Cascade's amounts, in an asset's minor unit.
pub type Balance = u128;

/// A note as the methods answer it.
pub type Note = NoteInfo<AccountId, Balance>;
/// A receivable as the methods answer it.
pub type Receivable = ReceivableInfo<AccountId, AssetId, Balance>;

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

/// The `cascade_*` methods.
#[rpc(client, server)]
pub trait CascadeApi<BlockHash> {
	/// A receivable by id.
	#[method(name = "cascade_receivable", blocking)]
	fn receivable(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Receivable>;

	/// A note by id.
	#[method(name = "cascade_note", blocking)]
	fn note(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Note>;

	/// The live notes an account holds and the notes offered to it (waiting for 签收): all of
	/// them, or one `page`.
	#[method(name = "cascade_notesOf", blocking)]
	fn notes_of(
		&self,
		account: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<Note>>;

	/// The notes from the given one up to the root, inclusive.
	#[method(name = "cascade_lineage", blocking)]
	fn lineage(&self, note: u64, at: Option<BlockHash>) -> RpcResult<Vec<Note>>;

	/// Every note of a receivable, with parents: all of them, or one `page`.
	#[method(name = "cascade_tree", blocking)]
	fn tree(
		&self,
		receivable: u64,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<Note>>;

	/// A core enterprise's outstanding receivables per asset and its credit lines.
	#[method(name = "cascade_exposure", blocking)]
	fn exposure(
		&self,
		core: String,
		at: Option<BlockHash>,
	) -> RpcResult<Exposure<AccountId, AssetId, Balance>>;

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

	/// A core's credit lines: all, or a `page`.
	#[method(name = "cascade_linesOf", blocking)]
	fn lines_of(
		&self,
		core: String,
		at: Option<BlockHash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<LineInfo<AccountId, AssetId, Balance>>>;
}

/// How many readers may run the runtime at once, and how many may wait for a turn: a counting
/// semaphore the blocking handlers wait on (they run on tokio's blocking pool, so waiting there
/// holds no async worker), with a bounded queue. A reader that finds every turn taken and the
/// queue full is answered [`error_code::BUSY`] at once: waiting readers never pile up on the
/// blocking pool, whatever the number of clients.
pub struct Readers {
	state: Mutex<Counts>,
	freed: Condvar,
	queue: usize,
}

/// Turns free and readers waiting.
struct Counts {
	free: usize,
	waiting: usize,
}

/// One reader's turn; the next one waiting goes when it is dropped.
pub struct Turn<'a>(&'a Readers);

impl Readers {
	/// At most `n` readers at once (at least one), and at most `queue` waiting for a turn.
	pub fn new(n: usize, queue: usize) -> Self {
		Self {
			state: Mutex::new(Counts { free: n.max(1), waiting: 0 }),
			freed: Condvar::new(),
			queue,
		}
	}

	/// Half the machine's cores, at least one: the rest stay for the node's own work; and up to
	/// 64 readers waiting per turn (a turn takes milliseconds: a page of 1,000 notes ~35 ms; a
	/// portal page asks for a few dozen items at once), well below tokio's 512 blocking threads.
	pub fn for_this_machine() -> Self {
		let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
		let turns = (cores / 2).max(1);
		Self::new(turns, 64 * turns)
	}

	/// Take a turn, waiting for one if the queue has room; [`error_code::BUSY`] otherwise.
	pub fn turn(&self) -> Result<Turn<'_>, ErrorObjectOwned> {
		// A poisoned lock only means another reader panicked while counting: the counts are
		// still right, so go on with them.
		let mut counts = self.state.lock().unwrap_or_else(|e| e.into_inner());
		if counts.free == 0 {
			if counts.waiting >= self.queue {
				return Err(error(
					error_code::BUSY,
					"the node is busy answering other readers: retry in a moment",
				));
			}
			counts.waiting += 1;
			while counts.free == 0 {
				counts = self.freed.wait(counts).unwrap_or_else(|e| e.into_inner());
			}
			counts.waiting -= 1;
		}
		counts.free -= 1;
		Ok(Turn(self))
	}
}

impl Drop for Turn<'_> {
	fn drop(&mut self) {
		let mut counts = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
		counts.free += 1;
		self.0.freed.notify_one();
	}
}

/// The server of the `cascade_*` methods.
pub struct Cascade<C, Block> {
	client: Arc<C>,
	readers: Arc<Readers>,
	_marker: PhantomData<Block>,
}

impl<C, Block> Cascade<C, Block> {
	/// A server reading through `client`, at most as many readers at once as `readers` allows.
	pub fn new(client: Arc<C>, readers: Arc<Readers>) -> Self {
		Self { client, readers, _marker: PhantomData }
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

/// What a caller is told when `owner`'s list of `items` is longer than a page (`whose`: how the
/// answer names the list, `owner_arg`: the owner as the method's first argument).
fn ask_in_pages(owner: &str, items: &str, whose: &str, method: &str, owner_arg: &str) -> String {
	format!(
		"{owner} has more than {MAX_PAGE} {items}: read {whose} in pages, \
		 {method}({owner_arg}, null, {{\"limit\": {MAX_PAGE}}}), then pass each answer's \
		 \"next\" as {{\"cursor\": next}}"
	)
}

/// A whole list from a block of version 1 of the API, which answers no pages: as it is when it
/// fits one page, otherwise error 4130 — every answer is bounded, at old blocks too.
fn bounded_v1<T>(items: Vec<T>, owner: &str, what: &str) -> RpcResult<Listing<T>> {
	if items.len() > MAX_PAGE as usize {
		return Err(error(
			error_code::TOO_LARGE,
			format!(
				"{owner} had more than {MAX_PAGE} {what} at this block, whose runtime (version 1 \
				 of ReceivablesApi) answers no pages: read them at a block of a later runtime"
			),
		));
	}
	Ok(Listing::All(items))
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	error(error_code::RUNTIME_ERROR, format!("runtime could not answer: {e:?}"))
}

fn parse_account(s: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(s.trim())
		.map_err(|e| error(error_code::INVALID_PARAMS, format!("malformed account {s:?}: {e:?}")))
}

type ApiResult<T> = Result<Result<Page<T>, PageError>, sp_api::ApiError>;

impl<C, Block> Cascade<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: ReceivablesRuntimeApi<Block, AccountId, AssetId, Balance>,
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

	/// A list that only version 2 of the API has, of `account`'s items, by id.
	fn account_list<T>(
		&self,
		method: &str,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
		id: impl FnMut(&T) -> u64,
		read: impl FnOnce(&C::Api, Block::Hash, AccountId, PageRequest) -> ApiResult<T>,
	) -> RpcResult<Listing<T>> {
		let who = parse_account(&account)?;
		let at = self.at(at);
		if self.api_version(at)? < 2 {
			return Err(error(
				error_code::UNSUPPORTED_AT_BLOCK,
				format!("block {at:?} runs version 1 of ReceivablesApi, which has no {method}"),
			));
		}
		let whole = page.is_none();
		let request = page.unwrap_or(PageRequest::first(MAX_PAGE));
		let answer = read(&self.client.runtime_api(), at, who, request)
			.map_err(runtime_error)?
			.map_err(page_error)?;
		listing(answer, whole, id, || ask_in_pages(&account, "items", "them", method, "account"))
	}
}

impl<C, Block> CascadeApiServer<Block::Hash> for Cascade<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ReceivablesRuntimeApi<Block, AccountId, AssetId, Balance>,
{
	fn receivable(&self, id: u64, at: Option<Block::Hash>) -> RpcResult<Receivable> {
		let _turn = self.readers.turn()?;
		let r = self.client.runtime_api().receivable(self.at(at), id).map_err(runtime_error)?;
		r.ok_or_else(|| error(error_code::NOT_FOUND, format!("no receivable {id}")))
	}

	fn note(&self, id: u64, at: Option<Block::Hash>) -> RpcResult<Note> {
		let _turn = self.readers.turn()?;
		let n = self.client.runtime_api().note(self.at(at), id).map_err(runtime_error)?;
		n.ok_or_else(|| error(error_code::NOT_FOUND, format!("no note {id}")))
	}

	fn notes_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
		page: Option<PageRequest>,
	) -> RpcResult<Listing<Note>> {
		let _turn = self.readers.turn()?;
		let who = parse_account(&account)?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			ensure_no_page(&page, at)?;
			#[allow(deprecated)]
			let notes = api.notes_of_before_version_2(at, who).map_err(runtime_error)?;
			return bounded_v1(notes, &account, "notes");
		}
		let whole = page.is_none();
		let request = page.unwrap_or(PageRequest::first(MAX_PAGE));
		// A whole list as before: the notes held by id, then the offers by id.
		let answer =
			api.notes_of(at, who.clone(), request).map_err(runtime_error)?.map_err(page_error)?;
		let order = |n: &Note| (n.holder != who, n.id);
		listing(answer, whole, order, || {
			ask_in_pages(&account, "notes", "them", "cascade_notesOf", "account")
		})
	}

	fn lineage(&self, note: u64, at: Option<Block::Hash>) -> RpcResult<Vec<Note>> {
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
	) -> RpcResult<Listing<Note>> {
		let _turn = self.readers.turn()?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			ensure_no_page(&page, at)?;
			#[allow(deprecated)]
			let tree = api.tree_before_version_2(at, receivable).map_err(runtime_error)?;
			let tree = tree.ok_or_else(|| {
				error(error_code::NOT_FOUND, format!("no receivable {receivable}"))
			})?;
			return bounded_v1(tree, &format!("receivable {receivable}"), "notes");
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
			|n: &Note| n.id,
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
	) -> RpcResult<Exposure<AccountId, AssetId, Balance>> {
		let _turn = self.readers.turn()?;
		let who = parse_account(&core)?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		if self.api_version(at)? < 2 {
			#[allow(deprecated)]
			let old = api.exposure_before_version_2(at, who.clone()).map_err(runtime_error)?;
			return Ok(old.upgrade(who));
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
		let who = parse_account(&account)?;
		let hash = self.at(at);
		let version = self.api_version(hash)?;
		if version < 2 {
			ensure_no_page(&page, hash)?;
			#[allow(deprecated)]
			let claims = self
				.client
				.runtime_api()
				.claims_of_before_version_2(hash, who)
				.map_err(runtime_error)?;
			let claims = claims.into_iter().map(|c| c.upgrade()).collect();
			return bounded_v1(claims, &account, "claims");
		}
		self.account_list(
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
			"cascade_requestsOf",
			account,
			at,
			page,
			|r: &RequestInfo<AccountId>| r.id,
			|api, at, who, p| api.requests_of(at, who, p),
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
			"cascade_linesOf",
			core,
			at,
			page,
			|l: &LineInfo<AccountId, AssetId, Balance>| l.id,
			|api, at, who, p| api.lines_of(at, who, p),
		)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn account(n: u8) -> AccountId {
		AccountId32::new([n; 32])
	}

	#[test]
	fn notes_serialize_as_they_always_did() {
		let (alice, bob) = (account(1), account(2));
		let n: Note = NoteInfo {
			id: 3,
			receivable: 1,
			parent: Some(2),
			depth: 1,
			holder: alice.clone(),
			amount: 340_282_366_920_938_463_463_374_607_431_768_211_455u128,
			paid: 7,
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
		assert_eq!(serde_json::from_value::<Note>(v).unwrap(), n, "and read back");
		let pledged = Note { state: NoteState::Pledged { financing: 9 }, ..n.clone() };
		let v = serde_json::to_value(&pledged).unwrap();
		assert_eq!(
			(&v["state"], &v["pendingTo"], &v["financing"]),
			(&"pledged".into(), &serde_json::Value::Null, &9.into())
		);
		assert_eq!(serde_json::from_value::<Note>(v).unwrap(), pledged);
		let mut bad = serde_json::to_value(&n).unwrap();
		bad["state"] = "active".into();
		assert!(serde_json::from_value::<Note>(bad).is_err(), "active with pendingTo is refused");
	}

	#[test]
	fn receivables_serialize_as_they_always_did() {
		let r: Receivable = ReceivableInfo {
			id: 4,
			issuer: account(1),
			asset: 1,
			face: 100_000,
			issued_at: 10,
			maturity: 20,
			credit_line: 0,
			doc_hash: sp_core::H256::repeat_byte(0xab),
			invoice_ref: vec![b'I', b'-', 0xff],
			status: ReceivableStatus::Overdue,
			repaid: 1,
			outstanding: 99_999,
			paid_out: 0,
			root: 7,
			live_notes: 3,
			clearing: false,
			escrow: account(9),
			escrow_balance: 2,
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
	fn exposure_lines_and_quotes_keep_their_shape() {
		let line: LineInfo<AccountId, AssetId, Balance> = LineInfo {
			id: 0,
			financier: account(3),
			asset: 1,
			limit: 10,
			used: 4,
			available: 6,
			expires_at: 99,
			revoked: false,
		};
		let e = Exposure {
			core: account(1),
			outstanding: vec![pallet_receivables_runtime_api::Outstanding { asset: 1, amount: 4 }],
			receivables: 1,
			credit_lines: vec![line],
			complete: true,
		};
		let v = serde_json::to_value(&e).unwrap();
		assert_eq!(v["outstanding"], serde_json::json!([{ "asset": "1", "amount": "4" }]));
		assert_eq!(v["creditLines"][0]["available"], "6");
		assert_eq!(v["creditLines"][0]["expiresAt"], 99);
		assert_eq!(v["core"], account(1).to_ss58check());
		let q: Quote<AccountId, AssetId, Balance> = Quote {
			note: 1,
			obligor: account(1),
			asset: 1,
			amount: 100,
			annual_rate: Permill::from_parts(36_500),
			now: 1,
			maturity: 2,
			days: 1,
			interest: 1,
			disbursed: 99,
			financeable: true,
		};
		let v = serde_json::to_value(&q).unwrap();
		assert_eq!(v["annualRate"], 36_500);
		assert_eq!(v["disbursed"], "99");
	}

	// Issue 25, item 1: a claim names the note that secures it; answers for older blocks say
	// nothing of it (null).
	#[test]
	fn claims_name_their_security() {
		let c = ClaimInfo::<AccountId, Balance> {
			financing: 4,
			debtor: account(1),
			creditor: account(2),
			amount: 1_000_219,
			security: Some(9),
		};
		let v = serde_json::to_value(&c).unwrap();
		assert_eq!(v["amount"], "1000219");
		assert_eq!(v["security"], 9);
		assert_eq!(serde_json::from_value::<ClaimInfo<AccountId, Balance>>(v).unwrap(), c);
		let old = pallet_receivables_runtime_api::v2::ClaimInfo {
			financing: 4,
			debtor: account(1),
			creditor: account(2),
			amount: 5u128,
		};
		let v = serde_json::to_value(old.upgrade()).unwrap();
		assert_eq!(v["security"], serde_json::Value::Null);
	}

	#[test]
	fn financings_name_their_kind_and_status() {
		let f: FinancingInfo<AccountId, Balance> = FinancingInfo {
			id: 2,
			kind: pallet_receivables_runtime_api::FinancingKind::Factoring { recourse: true },
			financier: account(3),
			seller: account(4),
			note: 5,
			receivable: 0,
			amount: 1_000,
			disbursed: 990,
			interest: 10,
			annual_rate: Permill::from_parts(36_500),
			started_at: 1,
			maturity: 2,
			program: None,
			status: pallet_receivables_runtime_api::FinancingStatus::LoanRepaid,
		};
		let v = serde_json::to_value(&f).unwrap();
		assert_eq!(v["kind"], serde_json::json!({ "factoring": { "recourse": true } }));
		assert_eq!(v["status"], "loanRepaid");
		assert_eq!(serde_json::from_value::<FinancingInfo<AccountId, Balance>>(v).unwrap(), f);
	}

	#[test]
	fn readers_beyond_the_limit_wait_their_turn() {
		use std::sync::atomic::{AtomicUsize, Ordering};
		let readers = Arc::new(Readers::new(2, 8));
		let inside = Arc::new(AtomicUsize::new(0));
		let most = Arc::new(AtomicUsize::new(0));
		let threads: Vec<_> = (0..8)
			.map(|_| {
				let (readers, inside, most) = (readers.clone(), inside.clone(), most.clone());
				std::thread::spawn(move || {
					let _turn = readers.turn();
					let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
					most.fetch_max(now, Ordering::SeqCst);
					std::thread::sleep(std::time::Duration::from_millis(20));
					inside.fetch_sub(1, Ordering::SeqCst);
				})
			})
			.collect();
		for t in threads {
			t.join().expect("reader thread");
		}
		assert_eq!(most.load(Ordering::SeqCst), 2, "never more than two at once, and two did run");
		assert_eq!(readers.state.lock().unwrap().free, 2, "every turn given back");
		assert_eq!(readers.state.lock().unwrap().waiting, 0, "nobody left waiting");
		assert_eq!(Readers::new(0, 0).state.lock().unwrap().free, 1, "at least one reader");
	}

	#[test]
	fn malformed_accounts_are_invalid_params() {
		let e = parse_account("not-an-account").unwrap_err();
		assert_eq!(e.code(), error_code::INVALID_PARAMS);
		assert!(parse_account(&account(5).to_ss58check()).is_ok());
	}

	// Issue 25, item 6: readers beyond the turns and the queue are answered "busy" at once
	// instead of each holding a blocking-pool thread while it waits.
	#[test]
	fn readers_beyond_the_queue_are_told_to_retry() {
		let readers = Arc::new(Readers::new(1, 2));
		let held = readers.turn().expect("the one turn");
		let (tx, rx) = std::sync::mpsc::channel();
		let waiters: Vec<_> = (0..2)
			.map(|_| {
				let (readers, tx) = (readers.clone(), tx.clone());
				std::thread::spawn(move || {
					let turn = readers.turn();
					tx.send(turn.is_ok()).expect("send");
				})
			})
			.collect();
		// Both waiters are queued once the count says so.
		while readers.state.lock().unwrap().waiting < 2 {
			std::thread::yield_now();
		}
		let refused = readers.turn().err().expect("the queue is full");
		assert_eq!(refused.code(), error_code::BUSY);
		drop(held);
		for w in waiters {
			w.join().expect("waiter");
		}
		assert_eq!(rx.iter().take(2).filter(|ok| *ok).count(), 2, "the queued readers got turns");
		assert_eq!(readers.state.lock().unwrap().free, 1);
	}

	// Issue 25, item 6: answers at version-1 blocks are bounded too.
	#[test]
	fn whole_lists_of_version_one_blocks_are_bounded() {
		let fits: Vec<u32> = (0..MAX_PAGE).collect();
		assert!(matches!(bounded_v1(fits, "x", "notes"), Ok(Listing::All(v)) if v.len() == 1_000));
		let more: Vec<u32> = (0..=MAX_PAGE).collect();
		let refused = bounded_v1(more, "receivable 7", "notes").err().expect("refused");
		assert_eq!(refused.code(), error_code::TOO_LARGE);
		assert!(refused.message().contains("receivable 7 had more than 1000 notes"));
	}
}
