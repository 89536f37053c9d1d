//! `cascade-node`: the Cascade supply-chain-finance ledger node.

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

fn main() -> sc_cli::Result<()> {
	command::run()
}
