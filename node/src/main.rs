//! `cascade-node`: the Cascade supply-chain-finance ledger node.

// `sc_cli::Error` and `sc_service::Error` are the SDK's own (large) error types.
#![allow(clippy::result_large_err)]

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
