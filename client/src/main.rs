//! The `cascade` command. See the crate documentation of `cascade_client`.

use std::{path::PathBuf, process::ExitCode};

use cascade_client::{
	commands::{Command, Context, KeyOptions},
	output::{Output, Reported},
	say,
};
use clap::Parser;
use serde_json::json;

/// Cascade's client: issue receivables and move notes over a node's JSON-RPC.
///
/// Keys: --suri (a dev key such as //Bob, or a mnemonic) or --key-file (a polkadot.js JSON
/// export) with --password. The environment variables CASCADE_URL, CASCADE_SURI and
/// CASCADE_KEY_PASSWORD stand in for the flags.
#[derive(Parser)]
#[command(name = "cascade", version)]
struct Cli {
	/// The node's WebSocket RPC endpoint [default: ws://127.0.0.1:9944, or $CASCADE_URL].
	#[arg(long, global = true)]
	url: Option<String>,
	/// The signing key as a secret URI, e.g. //Bob [or $CASCADE_SURI].
	#[arg(long, global = true)]
	suri: Option<String>,
	/// The signing key as a polkadot.js JSON key file.
	#[arg(long, global = true, conflicts_with = "suri")]
	key_file: Option<PathBuf>,
	/// The key file's password (or the secret URI's) [or $CASCADE_KEY_PASSWORD].
	#[arg(long, global = true)]
	password: Option<String>,
	/// Print JSON for machines instead of text for people.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

fn main() -> ExitCode {
	let cli = Cli::parse();
	let json = cli.json;
	cascade_client::run_command(run(cli), |e| {
		if let Some(Reported(code)) = e.downcast_ref::<Reported>() {
			return ExitCode::from(*code);
		}
		if json {
			say!("{}", json!({ "ok": false, "error": format!("{e:#}") }));
		} else {
			eprintln!("error: {e:#}");
		}
		ExitCode::from(1)
	})
}

async fn run(cli: Cli) -> anyhow::Result<()> {
	let env = |name: &str| std::env::var(name).ok();
	let url =
		cli.url.or_else(|| env("CASCADE_URL")).unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let keys = KeyOptions {
		suri: cli.suri.or_else(|| env("CASCADE_SURI")),
		key_file: cli.key_file,
		password: cli.password.or_else(|| env("CASCADE_KEY_PASSWORD")),
	};
	let ctx = Context::connect(&url, keys, Output { json: cli.json }).await?;
	cli.command.run(ctx).await
}
