//! `cascade`: the core enterprise's client for Cascade.
//!
//! A back office issues receivables one at a time (`cascade issue`) or from its ERP's CSV export
//! (`cascade issue-batch`); suppliers who prefer a terminal accept, transfer and split-transfer
//! notes; everyone reads notes, trees and exposure. Every command prints for people, or JSON with
//! `--json`.
//!
//! # Why jsonrpsee and the runtime's own types (not subxt)
//! The client is built in the same workspace as the runtime, so it links `cascade-runtime`
//! natively and encodes calls with the runtime's `RuntimeCall`, signs the runtime's
//! `SignedPayload` with its transaction extensions, decodes storage with the pallets' own types
//! and dispatch errors with `RuntimeError`. Nothing is generated from metadata, so there is no
//! code-generation step and no second description of the chain to drift from the first; a
//! renamed field is a compile error here, not a wrong byte on the wire. jsonrpsee is the RPC
//! stack the node itself uses, and `pallet-receivables-rpc` already declares the `cascade_*`
//! methods with `#[rpc(client, server)]`, so the client calls them through the same trait the
//! node serves. The price: the client is tied to its runtime's transaction format. It checks the
//! node's `specName` and `transactionVersion` when it connects and refuses a node it cannot
//! sign for, saying so.
//!
//! # Modules
//! - [`chain`]: the connection — storage reads, signing, submission, finding transactions in
//!   blocks.
//! - [`submit`]: pipelined submission with consecutive nonces.
//! - [`issue`]: checking and issuing receivables, the batch file and its report.
//! - [`tree`]: the lineage tree as text and SVG.
//! - [`keys`], [`units`], [`explain`], [`ledger`]: keys, amounts and dates, errors in words,
//!   storage reads.

pub mod chain;
pub mod explain;
pub mod issue;
pub mod keys;
pub mod ledger;
pub mod submit;
pub mod tree;
pub mod units;

/// Runs a command's future on a fresh tokio runtime; an error goes to `on_error`, which returns
/// the exit code.
pub fn run_command(
	future: impl std::future::Future<Output = anyhow::Result<()>>,
	on_error: impl FnOnce(anyhow::Error) -> std::process::ExitCode,
) -> std::process::ExitCode {
	match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
		Ok(runtime) => match runtime.block_on(future) {
			Ok(()) => std::process::ExitCode::SUCCESS,
			Err(e) => on_error(e),
		},
		Err(e) => {
			eprintln!("error: cannot start: {e}");
			std::process::ExitCode::from(1)
		}
	}
}
