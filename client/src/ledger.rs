//! Reading the ledger: Cascade's storage through the generated interface (decoded with the
//! node's metadata), and the node's `cascade_*` methods, whose JSON is the pallets' own read types
//! (serde derived beside them). Lists are read page by page, all pages at one block.

use anyhow::{anyhow, Context, Result};
use cascade_runtime_api::{NoteInfo, Page, PageRequest, ReceivableInfo, MAX_PAGE};
use serde::{de::DeserializeOwned, Deserialize};
use subxt::rpcs::client::{rpc_params, RpcParams};

use crate::{
	chain::{ss58, AccountId, AssetId, AssetInfo, AtBlock, Balance, Chain, H256},
	errors::Failure,
	interface::cascade::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
};

/// An account as the RPC's JSON carries it (SS58).
pub type RpcAccountId = sp_core::crypto::AccountId32;
/// A note as the node's RPC answers it.
pub type Note = NoteInfo<RpcAccountId, Balance>;
/// A receivable as the node's RPC answers it.
pub type Receivable = ReceivableInfo<RpcAccountId, AssetId, Balance>;
/// A core enterprise's exposure as the node's RPC answers it.
pub type Exposure = cascade_runtime_api::ExposureInfo<RpcAccountId, AssetId, Balance>;

/// A list as the node answers it: whole (asked without a page) or one page.
#[derive(Deserialize)]
#[serde(untagged)]
enum Listing<T> {
	All(Vec<T>),
	Page(Page<T>),
}

/// What the client needs of a credit line.
#[derive(Clone, Debug)]
pub struct CreditLine {
	pub asset: AssetId,
	pub limit: Balance,
	pub used: Balance,
}

/// What the client compares of a receivable already issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
	pub face: Balance,
	pub maturity: u64,
	pub credit_line: u64,
	pub doc_hash: H256,
}

/// An account of the RPC's JSON as the client's account type.
pub fn account_of(who: &RpcAccountId) -> AccountId {
	let bytes: &[u8; 32] = who.as_ref();
	AccountId::from(*bytes)
}

/// Storage reads at one block (the best block when the reader was made).
pub struct Reader {
	at: AtBlock,
}

impl Reader {
	/// A registered enterprise's name.
	pub async fn enterprise_name(&self, who: &AccountId) -> Result<Option<String>> {
		let address = cascade::storage().enterprises().enterprises();
		let Some(value) = self.at.storage().try_fetch(address, (who.clone(),)).await? else {
			return Ok(None);
		};
		Ok(Some(String::from_utf8_lossy(&value.decode()?.name.0).into_owned()))
	}

	/// The enterprise's name, or the short address when it is not registered.
	pub async fn display_name(&self, who: &AccountId) -> String {
		match self.enterprise_name(who).await {
			Ok(Some(name)) => name,
			_ => short_address(who),
		}
	}

	/// A credit line.
	pub async fn credit_line(&self, id: u64) -> Result<Option<CreditLine>> {
		let address = cascade::storage().enterprises().credit_lines();
		let Some(value) = self.at.storage().try_fetch(address, (id,)).await? else {
			return Ok(None);
		};
		let line = value.decode()?;
		Ok(Some(CreditLine { asset: line.asset, limit: line.limit, used: line.used }))
	}

	/// The receivable an issuer issued for an invoice reference, if any.
	pub async fn invoice(&self, issuer: &AccountId, invoice: &[u8]) -> Result<Option<u64>> {
		let address = cascade::storage().receivables().invoice_refs();
		let key = (issuer.clone(), BoundedVec(invoice.to_vec()));
		match self.at.storage().try_fetch(address, key).await? {
			Some(value) => Ok(Some(value.decode()?)),
			None => Ok(None),
		}
	}

	/// The terms of a receivable as stored.
	pub async fn terms(&self, id: u64) -> Result<Option<Terms>> {
		let address = cascade::storage().receivables().receivables();
		let Some(value) = self.at.storage().try_fetch(address, (id,)).await? else {
			return Ok(None);
		};
		let r = value.decode()?;
		Ok(Some(Terms {
			face: r.face,
			maturity: r.maturity,
			credit_line: r.credit_line,
			doc_hash: r.doc_hash,
		}))
	}

	/// An asset's symbol and decimals.
	pub async fn asset(&self, id: AssetId) -> Result<AssetInfo> {
		let address = cascade::storage().assets().metadata();
		let meta = self
			.at
			.storage()
			.try_fetch(address, (id,))
			.await?
			.ok_or_else(|| anyhow!("asset {id} does not exist on this chain"))?
			.decode()?;
		Ok(AssetInfo {
			id,
			symbol: String::from_utf8_lossy(&meta.symbol.0).into_owned(),
			decimals: meta.decimals,
		})
	}

	/// The settlement asset of a financing (of the receivable its note is on).
	pub async fn financing_asset(&self, id: u64) -> Result<AssetInfo> {
		let financings = cascade::storage().financing().financings();
		let financing = self
			.at
			.storage()
			.try_fetch(financings, (id,))
			.await?
			.ok_or_else(|| anyhow!("no financing has id {id}"))?
			.decode()?;
		let receivables = cascade::storage().receivables().receivables();
		let receivable = self
			.at
			.storage()
			.try_fetch(receivables, (financing.receivable,))
			.await?
			.ok_or_else(|| {
				anyhow!("financing {id} is on receivable {}, which is gone", financing.receivable)
			})?
			.decode()?;
		self.asset(receivable.asset).await
	}

	/// What `issue` by `issuer` with these terms would do now, as the chain itself answers
	/// (`ReceivablesApi::can_issue` runs `issue`'s own checks): `None` when it would go through,
	/// else the error it would fail with, named from the node's metadata.
	#[allow(clippy::too_many_arguments)]
	pub async fn can_issue(
		&self,
		issuer: &AccountId,
		supplier: &AccountId,
		asset: AssetId,
		face: Balance,
		maturity: u64,
		credit_line: u64,
		invoice_ref: &[u8],
	) -> Result<Option<Failure>> {
		let question = cascade::runtime_apis().receivables_api().can_issue(
			issuer.clone(),
			supplier.clone(),
			asset,
			face,
			maturity,
			credit_line,
			invoice_ref.to_vec(),
		);
		let apis = self.at.runtime_apis();
		apis.validate(&question).map_err(|e| {
			anyhow!("the node cannot answer ReceivablesApi.can_issue as this client asks it: {e}")
		})?;
		// Called raw so that the error is decoded with the node's metadata, not this build's.
		let args = apis.encode_args(&question)?;
		let answer = apis.call_raw(&apis.encode_name(&question), Some(&args)).await?;
		match answer.split_first() {
			Some((0, _)) => Ok(None),
			Some((1, mut error)) => Ok(Some(Failure::decode(&mut error, self.at.metadata_ref()))),
			_ => Err(anyhow!("the node's can_issue answer is not a Result")),
		}
	}
}

impl Chain {
	/// A reader of storage at the best block.
	pub async fn reader(&self) -> Result<Reader> {
		Ok(Reader { at: self.at_best().await? })
	}

	/// The enterprise's name, or the short address when it is not registered.
	pub async fn display_name(&self, who: &AccountId) -> String {
		match self.reader().await {
			Ok(reader) => reader.display_name(who).await,
			Err(_) => short_address(who),
		}
	}

	/// `cascade_receivable`.
	pub async fn receivable(&self, id: u64) -> Result<Receivable> {
		self.cascade("cascade_receivable", rpc_params![id, None::<H256>]).await
	}

	/// `cascade_note`.
	pub async fn note(&self, id: u64) -> Result<Note> {
		self.cascade("cascade_note", rpc_params![id, None::<H256>]).await
	}

	/// `cascade_exposure`.
	pub async fn exposure(&self, core: &AccountId) -> Result<Exposure> {
		self.cascade("cascade_exposure", rpc_params![ss58(core), None::<H256>]).await
	}

	/// Every live note `who` holds or is offered (`cascade_notesOf`, page by page).
	pub async fn notes_of(&self, who: &AccountId) -> Result<Vec<Note>> {
		let who = ss58(who);
		self.all_pages("cascade_notesOf", |at, page| rpc_params![who.clone(), at, page]).await
	}

	/// Every note of a receivable, with parents (`cascade_tree`, page by page).
	pub async fn tree(&self, receivable: u64) -> Result<Vec<Note>> {
		self.all_pages("cascade_tree", |at, page| rpc_params![receivable, at, page]).await
	}

	async fn cascade<T: DeserializeOwned>(&self, method: &str, params: RpcParams) -> Result<T> {
		self.rpc().request(method, params).await.with_context(|| format!("{method} failed"))
	}

	/// A whole list, read in pages of the most the node gives, all at the best block of now.
	async fn all_pages<T: DeserializeOwned>(
		&self,
		method: &str,
		params: impl Fn(Option<H256>, PageRequest) -> RpcParams,
	) -> Result<Vec<T>> {
		let at = self.head(false).await?.hash;
		let mut items = Vec::new();
		let mut page = PageRequest::first(MAX_PAGE);
		loop {
			let answer: Listing<T> = self.cascade(method, params(Some(at), page.clone())).await?;
			match answer {
				Listing::All(all) => {
					items.extend(all);
					return Ok(items);
				}
				Listing::Page(p) => {
					items.extend(p.items);
					match p.next {
						None => return Ok(items),
						Some(next) => page = PageRequest { cursor: Some(next), limit: MAX_PAGE },
					}
				}
			}
		}
	}
}

/// `5FHneW…94ty`: enough of an address to tell accounts apart on screen.
pub fn short_address(who: &AccountId) -> String {
	let full = ss58(who);
	if full.len() <= 12 {
		return full;
	}
	format!("{}…{}", &full[..6], &full[full.len() - 4..])
}
