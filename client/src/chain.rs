//! The node, through subxt: one WebSocket connection, the node's metadata at every block, the
//! transactions the client builds and signs, and the blocks it finds them in.
//!
//! Calls, storage entries and runtime APIs come from the generated interface
//! ([`crate::interface::cascade`]) and are checked against the node's metadata before use (subxt
//! compares each item's shape hash; [`crate::compat`] names what differs). Events and dispatch
//! errors are decoded with the metadata of the block they are in, so a runtime upgrade that
//! changes other pallets changes nothing here.

use std::{collections::HashMap, str::FromStr};

use anyhow::{anyhow, Context, Result};
use subxt::{
	backend::LegacyBackend,
	client::{ClientAtBlock, OnlineClientAtBlockImpl},
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	events::Phase,
	ext::scale_decode,
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	tx::Payload,
	ArcMetadata, OnlineClient, PolkadotConfig,
};

pub use subxt::utils::{AccountId32 as AccountId, H256};

use crate::{errors::Failure, interface::cascade, keys::Signer};

/// The chain's configuration as subxt sees it: Polkadot's (sr25519 accounts, u32 block numbers,
/// the standard transaction extensions).
pub type Config = PolkadotConfig;
/// The client at one block: its metadata, storage and runtime APIs.
pub type AtBlock = ClientAtBlock<Config, OnlineClientAtBlockImpl<Config>>;
/// A settlement asset's id.
pub type AssetId = u32;
/// An amount in an asset's minor unit.
pub type Balance = u128;

/// How many blocks a transaction stays valid after the block it was signed against.
pub const MORTALITY: u64 = 256;

/// A settlement asset's display data.
#[derive(Clone, Debug)]
pub struct AssetInfo {
	pub id: AssetId,
	pub symbol: String,
	pub decimals: u8,
}

/// A block header's number and hash.
#[derive(Clone, Copy, Debug)]
pub struct BlockRef {
	pub number: u32,
	pub hash: H256,
}

/// Parses an account: SS58, or a dev key URI such as `//Charlie`.
pub fn parse_account(text: &str) -> Result<AccountId, String> {
	let text = text.trim();
	if text.starts_with("//") {
		return Signer::from_suri(text, None)
			.map(|s| s.account())
			.map_err(|_| format!("`{text}` is not a dev key"));
	}
	AccountId::from_str(text).map_err(|_| format!("`{text}` is not an SS58 account"))
}

/// An account as SS58 (generic substrate prefix 42, as the chain's accounts are shown).
pub fn ss58(who: &AccountId) -> String {
	who.to_string()
}

/// What happened to a transaction in a block.
#[derive(Debug)]
pub struct Inclusion {
	pub block: BlockRef,
	pub index: u32,
	/// The transaction's own events, decoded lazily with the block's metadata.
	pub events: TxEvents,
	/// `Err`: the dispatch failed (named from the block's metadata).
	pub result: Result<(), Failure>,
}

/// The events one transaction emitted, kept as their bytes and decoded on demand with the
/// metadata of the block's runtime.
#[derive(Debug)]
pub struct TxEvents {
	metadata: ArcMetadata,
	events: Vec<RawEvent>,
}

#[derive(Debug)]
struct RawEvent {
	pallet: String,
	name: String,
	fields: Vec<u8>,
}

impl TxEvents {
	/// The first event of type `E` the transaction emitted (`None` if none, or if this block's
	/// runtime shapes it differently from what the client knows).
	pub fn find<E: subxt::events::DecodeAsEvent>(&self) -> Option<E> {
		self.events.iter().filter(|e| E::is_event(&e.pallet, &e.name)).find_map(|e| {
			let variant = self
				.metadata
				.pallet_by_name(&e.pallet)?
				.event_variants()?
				.iter()
				.find(|v| v.name == e.name)?;
			let mut fields =
				variant.fields.iter().map(|f| scale_decode::Field::new(f.ty.id, f.name.as_deref()));
			E::decode_as_fields(&mut &e.fields[..], &mut fields, self.metadata.types()).ok()
		})
	}
}

impl Inclusion {
	/// The receivable and root note of the `Issued` event among the transaction's events.
	pub fn issued(&self) -> Option<(u64, u64)> {
		self.events
			.find::<cascade::receivables::events::Issued>()
			.map(|e| (e.receivable, e.root_note))
	}
}

/// Why the node's pool refused a transaction, from the JSON-RPC error code of
/// `author_submitExtrinsic` (sc-rpc-api's author error codes).
#[derive(Debug)]
pub enum Refusal {
	/// 1014: a transaction with the same nonce is in the pool (ours, from a run still going or
	/// just stopped).
	NonceTaken,
	/// 1010 with the runtime's `InvalidTransaction::Stale`: the nonce was used already.
	NonceUsed,
	/// 1013: the pool has this very transaction already.
	AlreadyImported,
	/// 1012: the pool dropped this very transaction (as invalid, or to make room) and refuses
	/// the same bytes for a while; signed again it is a new transaction.
	Banned,
	/// Anything else, in the node's words.
	Other(String),
}

impl std::fmt::Display for Refusal {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Refusal::NonceTaken => write!(f, "a transaction with this nonce is already waiting"),
			Refusal::NonceUsed => write!(f, "the transaction's nonce is already used"),
			Refusal::AlreadyImported => write!(f, "the node already has this transaction"),
			Refusal::Banned => {
				write!(f, "the node dropped this transaction and refuses it for a while")
			}
			Refusal::Other(text) => write!(f, "{text}"),
		}
	}
}

/// sc-rpc-api's author error codes that the client acts on.
mod pool_code {
	pub const INVALID_TX: i32 = 1010;
	pub const TEMPORARILY_BANNED: i32 = 1012;
	pub const ALREADY_IMPORTED: i32 = 1013;
	pub const TOO_LOW_PRIORITY: i32 = 1014;
}

/// A connection to a Cascade node.
#[derive(Clone)]
pub struct Chain {
	api: OnlineClient<Config>,
	rpc: RpcClient,
	legacy: LegacyRpcMethods<RpcConfigFor<Config>>,
}

impl Chain {
	/// Connects, and checks that the node runs Cascade and that what this client uses is there in
	/// the shape it knows (see [`crate::compat`]); what is not is named when a command needs it.
	pub async fn connect(url: &str) -> Result<Self> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("cannot reach a node at {url} (is it running? see --url)"))?;
		let backend = LegacyBackend::<Config>::builder().build(rpc.clone());
		let api = OnlineClient::from_backend(std::sync::Arc::new(backend))
			.await
			.context("cannot start a client for the node")?;
		let legacy = LegacyRpcMethods::new(rpc.clone());
		let version = legacy.state_get_runtime_version(None).await?;
		let spec_name = version.other.get("specName").and_then(|v| v.as_str()).unwrap_or("");
		if spec_name != "cascade" {
			anyhow::bail!("the node at {url} runs `{spec_name}`, not Cascade");
		}
		Ok(Self { api, rpc, legacy })
	}

	/// The raw JSON-RPC client (the `cascade_*` methods).
	pub fn rpc(&self) -> &RpcClient {
		&self.rpc
	}

	/// The client at the best block.
	pub async fn at_best(&self) -> Result<AtBlock> {
		let head = self.head(false).await?;
		self.at(head).await
	}

	/// The client at a block.
	pub async fn at(&self, block: BlockRef) -> Result<AtBlock> {
		self.api
			.at_block_hash_and_number(block.hash, block.number as u64)
			.await
			.with_context(|| format!("cannot read block #{}", block.number))
	}

	/// The best block, or the last finalized one.
	pub async fn head(&self, finalized: bool) -> Result<BlockRef> {
		let hash = if finalized {
			self.legacy.chain_get_finalized_head().await?
		} else {
			self.legacy
				.chain_get_block_hash(None)
				.await?
				.ok_or_else(|| anyhow!("the node has no best block"))?
		};
		let header = self
			.legacy
			.chain_get_header(Some(hash))
			.await?
			.ok_or_else(|| anyhow!("the node has no header for its own head"))?;
		Ok(BlockRef { number: header.number as u32, hash })
	}

	/// The block new transactions are signed against (their mortality starts there): a couple
	/// of blocks below the finalized head. The node's pool validates against its own view of the
	/// chain, which may lag the head it reports; a birth block the view has not reached yet is
	/// refused as "ancient".
	pub async fn checkpoint(&self) -> Result<BlockRef> {
		let finalized = self.head(true).await?;
		let number = finalized.number.saturating_sub(2);
		let hash = self.block_hash(number).await?.unwrap_or(finalized.hash);
		Ok(BlockRef { number, hash })
	}

	/// The hash of block `number` on the best chain, if there is one yet.
	pub async fn block_hash(&self, number: u32) -> Result<Option<H256>> {
		Ok(self.legacy.chain_get_block_hash(Some(number.into())).await?)
	}

	/// The next nonce of `who`, counting transactions waiting in the node's pool.
	pub async fn next_nonce(&self, who: &AccountId) -> Result<u64> {
		Ok(self.legacy.system_account_next_index(who).await?)
	}

	/// Signs `call` with `nonce`, valid for [`MORTALITY`] blocks from `checkpoint`, for the
	/// runtime of `at` (its metadata, spec and transaction version). Fails, naming the call, when
	/// that runtime's call differs from the one this client was built for.
	pub fn sign<C: Payload>(
		at: &AtBlock,
		signer: &Signer,
		call: &C,
		nonce: u64,
		checkpoint: BlockRef,
	) -> Result<Signed> {
		let params = DefaultExtrinsicParamsBuilder::<Config>::new()
			.nonce(nonce)
			.mortal_from_unchecked(MORTALITY, checkpoint.number as u64, checkpoint.hash)
			.build();
		let tx = at
			.tx()
			.create_signable_offline(call, params)
			.map_err(|e| crate::compat::call_error(call, e))?
			.sign(signer.keypair())
			.map_err(|e| anyhow!("cannot sign the transaction: {e}"))?;
		Ok(Signed { hash: tx.hash(), bytes: tx.into_encoded() })
	}

	/// Hands a signed transaction to the node's pool.
	pub async fn submit(&self, at: &AtBlock, xt: &Signed) -> Result<H256, Refusal> {
		match self.legacy.author_submit_extrinsic(&xt.bytes).await {
			Ok(hash) => Ok(hash),
			Err(e) => Err(self.refusal(at, xt, e).await),
		}
	}

	/// Names a refusal by its JSON-RPC error code; an invalid transaction by the runtime's own
	/// validity answer for it.
	async fn refusal(&self, at: &AtBlock, xt: &Signed, e: subxt::rpcs::Error) -> Refusal {
		use subxt::ext::jsonrpsee::core::client::Error as RpcError;
		let code = match &e {
			subxt::rpcs::Error::Client(inner) => match inner.downcast_ref::<RpcError>() {
				Some(RpcError::Call(object)) => Some(object.code()),
				_ => None,
			},
			_ => None,
		};
		match code {
			Some(pool_code::TOO_LOW_PRIORITY) => Refusal::NonceTaken,
			Some(pool_code::ALREADY_IMPORTED) => Refusal::AlreadyImported,
			Some(pool_code::TEMPORARILY_BANNED) => Refusal::Banned,
			Some(pool_code::INVALID_TX) => {
				use subxt::tx::{TransactionInvalid, ValidationResult};
				let validity = at.tx().from_bytes(xt.bytes.clone()).validate().await;
				match validity {
					Ok(ValidationResult::Invalid(TransactionInvalid::Stale)) => Refusal::NonceUsed,
					Ok(ValidationResult::Invalid(why)) => {
						Refusal::Other(format!("the transaction is invalid: {why:?}"))
					}
					_ => Refusal::Other(format!("the node refused the transaction: {e}")),
				}
			}
			_ => Refusal::Other(format!("the node refused the transaction: {e}")),
		}
	}

	/// Finds the transactions with the given hashes in a block and what became of them.
	pub async fn find_in_block(
		&self,
		block: BlockRef,
		wanted: &HashMap<H256, usize>,
	) -> Result<Vec<(usize, Inclusion)>> {
		// A transaction's hash is the blake2-256 of its bytes: no need to decode the block.
		let body = self
			.legacy
			.chain_get_block(Some(block.hash))
			.await?
			.ok_or_else(|| anyhow!("the node has no block #{}", block.number))?;
		let found: Vec<(usize, u32)> = body
			.block
			.extrinsics
			.iter()
			.enumerate()
			.filter_map(|(index, xt)| {
				let hash = H256(sp_crypto_hashing::blake2_256(&xt.0));
				wanted.get(&hash).map(|tag| (*tag, index as u32))
			})
			.collect();
		if found.is_empty() {
			return Ok(Vec::new());
		}
		let at = self.at(block).await?;
		let metadata = at.metadata();
		let events = at.events().fetch().await?;
		// One pass over the block's events: each of our transactions' own events and outcome.
		let mut of_tx: HashMap<u32, (Vec<RawEvent>, Result<(), Failure>)> =
			found.iter().map(|(_, index)| (*index, (Vec::new(), Ok(())))).collect();
		for event in events.iter().filter_map(|e| e.ok()) {
			let Phase::ApplyExtrinsic(index) = event.phase() else { continue };
			let Some((own, outcome)) = of_tx.get_mut(&index) else { continue };
			if event.is::<cascade::system::events::ExtrinsicFailed>() {
				// The event's first field is the dispatch error.
				*outcome = Err(Failure::decode(&mut event.field_bytes(), &metadata));
			}
			own.push(RawEvent {
				pallet: event.pallet_name().to_string(),
				name: event.event_name().to_string(),
				fields: event.field_bytes().to_vec(),
			});
		}
		Ok(found
			.into_iter()
			.filter_map(|(tag, index)| {
				let (own, result) = of_tx.remove(&index)?;
				let events = TxEvents { metadata: metadata.clone(), events: own };
				Some((tag, Inclusion { block, index, events, result }))
			})
			.collect())
	}

	/// The subscription to new (or finalized) heads.
	pub async fn heads(
		&self,
		finalized: bool,
	) -> Result<subxt::rpcs::client::RpcSubscription<<Config as subxt::Config>::Header>> {
		Ok(if finalized {
			self.legacy.chain_subscribe_finalized_heads().await?
		} else {
			self.legacy.chain_subscribe_new_heads().await?
		})
	}
}

/// A signed transaction, encoded, and its hash.
#[derive(Clone, Debug)]
pub struct Signed {
	pub hash: H256,
	pub bytes: Vec<u8>,
}
