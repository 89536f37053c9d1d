//! `cascade-node benchmark ...`: the frame-benchmarking CLI on Cascade's runtime.

use crate::cli::Cli;
use frame_benchmarking_cli::BenchmarkCmd;
use sc_cli::SubstrateCli;

pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	match cmd {
		BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
			cmd.run_with_spec::<sp_runtime::traits::HashingFor<cascade_runtime::opaque::Block>, crate::service::HostFunctions>(Some(config.chain_spec))
		}),
		_ => Err("Cascade's node supports `benchmark pallet` only; run the others from a polkadot-sdk node.".into()),
	}
}
