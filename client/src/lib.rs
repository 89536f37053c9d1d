//! `cascade`: the core enterprise's client for Cascade.
//!
//! A back office issues receivables one at a time (`cascade issue`) or from its ERP's CSV export
//! (`cascade issue-batch`); suppliers who prefer a terminal accept, transfer and split-transfer
//! notes; lenders call in loans and debtors settle claims; everyone reads notes, trees and
//! exposure. Every command prints for people, or JSON with `--json`.
//!
//! # Built to outlive runtime upgrades
//! A bank or a core enterprise installs `cascade` once and keeps it for months while the
//! consortium upgrades the runtime by vote. The client therefore does not link the runtime: it
//! talks to the node through subxt, with an interface generated from the metadata of the runtime
//! this workspace builds ([`interface`]). At run time the node's own metadata decides: the
//! client checks only what it uses, item by item ([`compat`]), decodes each event on its own and
//! names dispatch errors from the metadata of the block they happened in ([`errors`]). An
//! upgrade that changes what the client does not use changes nothing for it; one that changes
//! what a command needs stops that command, naming the call, storage entry, API or event.
//!
//! # Modules
//! - [`chain`]: the connection — blocks, signing, submission, finding transactions in blocks.
//! - [`ledger`]: storage reads and the node's `cascade_*` methods, lists read page by page.
//! - [`submit`]: pipelined submission with consecutive nonces.
//! - [`issue`]: checking and issuing receivables, the batch file and its report.
//! - [`commands`]: one file a command; [`output`]: printing for people and machines.
//! - [`tree`], [`keys`], [`units`]: the lineage picture, keys, amounts and dates.

pub mod chain;
pub mod commands;
pub mod compat;
pub mod errors;
pub mod interface;
pub mod issue;
pub mod keys;
pub mod ledger;
pub mod output;
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
