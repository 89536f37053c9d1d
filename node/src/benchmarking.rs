//! `cascade-node benchmark ...`: the frame-benchmarking CLI on Cascade's runtime — `pallet` for
//! the pallets' weights, `storage` for the price of a database read and write (DbWeight), measured
//! on a database this node wrote (scripts/load/storage-weights.sh).

use crate::{
	cli::Cli,
	service::{self, Consensus},
};
use frame_benchmarking_cli::BenchmarkCmd;
use sc_cli::SubstrateCli;

pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	match cmd {
		BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<cascade_runtime::opaque::Block>, crate::service::HostFunctions>(Some(config.chain_spec))
		}),
		BenchmarkCmd::Storage(cmd) => runner.sync_run(|config| {
			let sc_service::PartialComponents { client, backend, .. } =
				service::new_partial(&config, Consensus::AuraGrandpa)?;
			let db = backend.expose_db();
			let storage = backend.expose_storage();
			let shared_trie_cache = backend.expose_shared_trie_cache();
			cmd.run(config, client, db, storage, shared_trie_cache)
		}),
		_ => Err("Cascade's node supports `benchmark pallet` and `benchmark storage`; run the others from a polkadot-sdk node.".into()),
	}
}
