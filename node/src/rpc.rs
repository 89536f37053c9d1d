//! The node's JSON-RPC methods beyond the standard ones. Pallet RPC modules merge in here.

use std::sync::Arc;

use cascade_runtime::{opaque::Block, AccountId, AssetId, Balance, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC extensions need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// The RPC extensions of a full node.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: cascade_runtime_api::ReceivablesApi<Block, AccountId, AssetId, Balance>,
	P: TransactionPool + 'static,
{
	use cascade_rpc::CascadeApiServer;
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(
		cascade_rpc::Cascade::<_, Block, AccountId, AssetId, Balance>::new(client, readers())
			.into_rpc(),
	)?;

	Ok(module)
}

/// The `cascade_*` readers this node serves at once: half the machine's cores, at least one (the
/// rest stay for block authoring, import and networking), and up to 64 waiting per turn (a turn
/// takes milliseconds: a page of 1,000 notes ~35 ms; a portal page asks for a few dozen items at
/// once), well below tokio's 512 blocking threads. Readers beyond those are told to retry.
fn readers() -> Arc<cascade_rpc::Readers> {
	let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
	let turns = (cores / 2).max(1);
	Arc::new(cascade_rpc::Readers::new(turns, 64 * turns))
}
