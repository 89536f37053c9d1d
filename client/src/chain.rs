//! The node, seen over JSON-RPC: storage reads decoded with the runtime's own types, the
//! `cascade_*` methods, signing and submitting transactions, and finding them again in blocks.

use anyhow::{anyhow, bail, Context, Result};
use cascade_runtime::{
	AccountId, Address, AssetId, Balance, Runtime, RuntimeCall, RuntimeError, RuntimeEvent,
	SignedPayload, TxExtension, UncheckedExtrinsic,
};
use codec::{Decode, Encode};
use frame_system::{EventRecord, Phase};
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{generic::Era, DispatchError, MultiSignature};

use crate::keys::Signer;

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

/// A connection to a Cascade node.
pub struct Chain {
	client: WsClient,
	genesis: H256,
	spec_version: u32,
	transaction_version: u32,
}

fn hex_bytes(text: &str) -> Result<Vec<u8>> {
	hex::decode(text.trim_start_matches("0x")).context("the node sent malformed hex")
}

fn parse_hash(value: &serde_json::Value) -> Result<H256> {
	let text = value.as_str().ok_or_else(|| anyhow!("the node sent no block hash"))?;
	let bytes = hex_bytes(text)?;
	if bytes.len() != 32 {
		bail!("the node sent a hash of {} bytes", bytes.len());
	}
	Ok(H256::from_slice(&bytes))
}

fn parse_number(value: &serde_json::Value) -> Result<u32> {
	match value {
		serde_json::Value::String(s) => u32::from_str_radix(s.trim_start_matches("0x"), 16)
			.context("the node sent a malformed block number"),
		serde_json::Value::Number(n) => n
			.as_u64()
			.and_then(|n| u32::try_from(n).ok())
			.ok_or_else(|| anyhow!("the node sent a malformed block number")),
		_ => bail!("the node sent no block number"),
	}
}

/// Parses an account: SS58, or a dev key URI such as `//Charlie`.
pub fn parse_account(text: &str) -> Result<AccountId, String> {
	let text = text.trim();
	if text.starts_with("//") {
		return Signer::from_suri(text, None)
			.map(|s| s.account().clone())
			.map_err(|_| format!("`{text}` is not a dev key"));
	}
	AccountId::from_ss58check(text).map_err(|_| format!("`{text}` is not an SS58 account"))
}

/// What happened to a transaction in a block.
#[derive(Debug)]
pub struct Inclusion {
	pub block: BlockRef,
	pub index: u32,
	pub events: Vec<RuntimeEvent>,
	pub result: Result<(), DispatchError>,
}

impl Inclusion {
	/// The receivable and root note of the `Issued` event among the transaction's events.
	pub fn issued(&self) -> Option<(u64, u64)> {
		self.events.iter().find_map(|e| match e {
			RuntimeEvent::Receivables(pallet_receivables::Event::Issued {
				receivable,
				root_note,
				..
			}) => Some((*receivable, *root_note)),
			_ => None,
		})
	}
}

impl Chain {
	/// Connects and checks that the node runs the runtime this client was built with.
	pub async fn connect(url: &str) -> Result<Self> {
		let client = WsClientBuilder::default()
			.max_concurrent_requests(4096)
			.request_timeout(std::time::Duration::from_secs(60))
			.build(url)
			.await
			.with_context(|| format!("cannot reach a node at {url} (is it running? see --url)"))?;
		let genesis: serde_json::Value =
			client.request("chain_getBlockHash", rpc_params![0u32]).await?;
		let genesis = parse_hash(&genesis)?;
		let version: serde_json::Value =
			client.request("state_getRuntimeVersion", rpc_params![]).await?;
		let field = |name: &str| {
			version
				.get(name)
				.and_then(|v| v.as_u64())
				.and_then(|v| u32::try_from(v).ok())
				.ok_or_else(|| anyhow!("the node's runtime version has no {name}"))
		};
		let spec_name = version.get("specName").and_then(|v| v.as_str()).unwrap_or_default();
		if spec_name != cascade_runtime::VERSION.spec_name.as_ref() {
			bail!("the node at {url} runs `{spec_name}`, not Cascade");
		}
		let (spec_version, transaction_version) =
			(field("specVersion")?, field("transactionVersion")?);
		if transaction_version != cascade_runtime::VERSION.transaction_version {
			bail!(
				"the node's transaction format is version {transaction_version}; this client \
				 speaks version {} — build the client from the node's source",
				cascade_runtime::VERSION.transaction_version
			);
		}
		Ok(Self { client, genesis, spec_version, transaction_version })
	}

	/// What `issue` by `issuer` with these terms would do now, as the chain itself answers
	/// (`ReceivablesApi::can_issue`, from `issue`'s own checks): `None` when it would go
	/// through, else the error it would fail with.
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
	) -> Result<Option<DispatchError>> {
		let args = (issuer, supplier, asset, face, maturity, credit_line, invoice_ref).encode();
		let answer: serde_json::Value = self
			.client
			.request(
				"state_call",
				rpc_params!["ReceivablesApi_can_issue", format!("0x{}", hex::encode(args))],
			)
			.await
			.context("the node could not answer ReceivablesApi.can_issue")?;
		let bytes = hex_bytes(answer.as_str().unwrap_or_default())?;
		let result = Result::<(), DispatchError>::decode(&mut &bytes[..])
			.context("the node's can_issue answer is not a Result<(), DispatchError>")?;
		Ok(result.err())
	}

	/// The JSON-RPC client, for the `cascade_*` methods.
	pub fn rpc(&self) -> &WsClient {
		&self.client
	}

	/// The best block, or the last finalized one.
	pub async fn head(&self, finalized: bool) -> Result<BlockRef> {
		let hash: serde_json::Value = if finalized {
			self.client.request("chain_getFinalizedHead", rpc_params![]).await?
		} else {
			self.client.request("chain_getBlockHash", rpc_params![]).await?
		};
		let hash = parse_hash(&hash)?;
		let header: serde_json::Value =
			self.client.request("chain_getHeader", rpc_params![hash]).await?;
		let number = parse_number(header.get("number").unwrap_or(&serde_json::Value::Null))?;
		Ok(BlockRef { number, hash })
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
		let hash: serde_json::Value =
			self.client.request("chain_getBlockHash", rpc_params![number]).await?;
		if hash.is_null() {
			return Ok(None);
		}
		parse_hash(&hash).map(Some)
	}

	/// The extrinsics of a block, encoded.
	pub async fn extrinsics(&self, hash: H256) -> Result<Vec<Vec<u8>>> {
		let block: serde_json::Value =
			self.client.request("chain_getBlock", rpc_params![hash]).await?;
		let list = block
			.pointer("/block/extrinsics")
			.and_then(|x| x.as_array())
			.ok_or_else(|| anyhow!("the node sent a block without extrinsics"))?;
		list.iter().map(|x| hex_bytes(x.as_str().unwrap_or_default())).collect::<Result<Vec<_>>>()
	}

	/// Raw storage at `key`, at a block (default: best).
	pub async fn storage_raw(&self, key: &[u8], at: Option<H256>) -> Result<Option<Vec<u8>>> {
		let key = format!("0x{}", hex::encode(key));
		let value: Option<String> =
			self.client.request("state_getStorage", rpc_params![key, at]).await?;
		value.map(|v| hex_bytes(&v)).transpose()
	}

	/// Storage at `key` decoded as `T`.
	pub async fn storage<T: Decode>(&self, key: &[u8], at: Option<H256>) -> Result<Option<T>> {
		match self.storage_raw(key, at).await? {
			None => Ok(None),
			Some(bytes) => T::decode(&mut &bytes[..])
				.map(Some)
				.map_err(|e| anyhow!("cannot decode chain storage ({e}); is the client current?")),
		}
	}

	/// The events of a block.
	pub async fn events(&self, at: H256) -> Result<Vec<EventRecord<RuntimeEvent, H256>>> {
		// `frame_system::Events` is private; its key is the pallet and item prefix.
		let key = frame_support::storage::storage_prefix(b"System", b"Events");
		Ok(self.storage(&key, Some(at)).await?.unwrap_or_default())
	}

	/// The chain's time at the best block (ms).
	pub async fn now(&self) -> Result<u64> {
		let key = pallet_timestamp::Now::<Runtime>::hashed_key();
		Ok(self.storage(&key, None).await?.unwrap_or_default())
	}

	/// An asset's symbol and decimals.
	pub async fn asset(&self, id: AssetId) -> Result<AssetInfo> {
		// `pallet_assets::AssetMetadata` as stored: a BoundedVec encodes as a Vec.
		#[derive(Decode)]
		struct Metadata {
			_deposit: Balance,
			_name: Vec<u8>,
			symbol: Vec<u8>,
			decimals: u8,
			_is_frozen: bool,
		}
		let key = pallet_assets::Metadata::<Runtime>::hashed_key_for(id);
		let meta: Metadata = self
			.storage(&key, None)
			.await?
			.ok_or_else(|| anyhow!("asset {id} does not exist on this chain"))?;
		Ok(AssetInfo {
			id,
			symbol: String::from_utf8_lossy(&meta.symbol).into_owned(),
			decimals: meta.decimals,
		})
	}

	/// The next nonce of `who`, counting transactions waiting in the node's pool.
	pub async fn next_nonce(&self, who: &AccountId) -> Result<u32> {
		Ok(self.client.request("system_accountNextIndex", rpc_params![who.to_ss58check()]).await?)
	}

	/// Signs `call` with `nonce`, valid for [`MORTALITY`] blocks from `checkpoint`.
	pub fn sign(
		&self,
		signer: &Signer,
		call: RuntimeCall,
		nonce: u32,
		checkpoint: BlockRef,
	) -> (Vec<u8>, H256) {
		let era = Era::mortal(MORTALITY, checkpoint.number as u64);
		let extension: TxExtension = (
			frame_system::AuthorizeCall::<Runtime>::new(),
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(era),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let implicit = (
			(),
			(),
			self.spec_version,
			self.transaction_version,
			self.genesis,
			checkpoint.hash,
			(),
			(),
			(),
			(),
		);
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| signer.sign(bytes));
		let xt = UncheckedExtrinsic::new_signed(
			call,
			Address::Id(signer.account().clone()),
			MultiSignature::Sr25519(signature),
			extension,
		);
		let bytes = xt.encode();
		let hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&bytes);
		(bytes, hash)
	}

	/// Hands a signed transaction to the node's pool.
	pub async fn submit(&self, xt: &[u8]) -> Result<H256> {
		let hex = format!("0x{}", hex::encode(xt));
		let hash: serde_json::Value = self
			.client
			.request("author_submitExtrinsic", rpc_params![hex])
			.await
			.map_err(|e| anyhow!("the node refused the transaction: {}", refusal(&e)))?;
		parse_hash(&hash)
	}

	/// The weight (ref time in ps, proof size in bytes) and fee the runtime charges for a signed
	/// transaction, from `payment_queryInfo`.
	pub async fn query_info(&self, xt: &[u8]) -> Result<(u64, u64, u128)> {
		let hex = format!("0x{}", hex::encode(xt));
		let info: serde_json::Value =
			self.client.request("payment_queryInfo", rpc_params![hex]).await?;
		let weight = info.get("weight").ok_or_else(|| anyhow!("no weight in payment_queryInfo"))?;
		let field = |a: &str, b: &str| {
			weight.get(a).or_else(|| weight.get(b)).and_then(|v| v.as_u64()).unwrap_or_default()
		};
		let fee = match info.get("partialFee") {
			Some(serde_json::Value::String(s)) => s.parse().unwrap_or_default(),
			Some(serde_json::Value::Number(n)) => n.as_u64().unwrap_or_default() as u128,
			_ => 0,
		};
		Ok((field("ref_time", "refTime"), field("proof_size", "proofSize"), fee))
	}

	/// The subscription to new (or finalized) heads.
	pub async fn heads(
		&self,
		finalized: bool,
	) -> Result<jsonrpsee::core::client::Subscription<serde_json::Value>> {
		let (sub, unsub) = if finalized {
			("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads")
		} else {
			("chain_subscribeNewHeads", "chain_unsubscribeNewHeads")
		};
		Ok(self.client.subscribe(sub, rpc_params![], unsub).await?)
	}

	/// Finds the transactions with the given hashes in block `number`.
	pub async fn find_in_block(
		&self,
		number: u32,
		hash: H256,
		wanted: &std::collections::HashMap<H256, usize>,
	) -> Result<Vec<(usize, Inclusion)>> {
		let block = BlockRef { number, hash };
		let mut found = Vec::new();
		for (index, xt) in self.extrinsics(hash).await?.iter().enumerate() {
			let xt_hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(xt);
			if let Some(tag) = wanted.get(&xt_hash) {
				found.push((*tag, index as u32));
			}
		}
		if found.is_empty() {
			return Ok(Vec::new());
		}
		let records = self.events(hash).await?;
		Ok(found
			.into_iter()
			.map(|(tag, index)| {
				let events: Vec<RuntimeEvent> = records
					.iter()
					.filter(|r| r.phase == Phase::ApplyExtrinsic(index))
					.map(|r| r.event.clone())
					.collect();
				let result = events
					.iter()
					.find_map(|e| match e {
						RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
							dispatch_error,
							..
						}) => Some(Err(*dispatch_error)),
						RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. }) => {
							Some(Ok(()))
						}
						_ => None,
					})
					.unwrap_or(Ok(()));
				(tag, Inclusion { block, index, events, result })
			})
			.collect())
	}
}

/// The words of a node's refusal of a transaction (JSON-RPC error 1010 and friends).
fn refusal(e: &jsonrpsee::core::client::Error) -> String {
	match e {
		jsonrpsee::core::client::Error::Call(obj) => match obj.data() {
			Some(data) => format!("{}: {}", obj.message(), data.get().trim_matches('"')),
			None => obj.message().to_string(),
		},
		other => other.to_string(),
	}
}

/// A dispatch error as `Pallet.Error`.
pub fn error_name(error: &DispatchError) -> String {
	match RuntimeError::from_dispatch_error(*error) {
		Some(e) => {
			let text = format!("{e:?}");
			// `Receivables(DuplicateInvoice)` → `Receivables.DuplicateInvoice`
			match text.split_once('(') {
				Some((pallet, rest)) => format!("{pallet}.{}", rest.trim_end_matches(')')),
				None => text,
			}
		}
		None => format!("{error:?}"),
	}
}
