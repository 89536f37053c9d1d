//! `cascade-indexer --node <ws url> --db <sqlite file | postgres:// url>`: follows the node's
//! finalized blocks into the database (see the crate's documentation).

use std::process::ExitCode;

use anyhow::{Context, Result};
use cascade_client::chain::Chain;
use cascade_indexer::{
	db::Db,
	follow::{follow, SharedProgress},
};
use clap::Parser;

#[derive(Parser)]
#[command(
	name = "cascade-indexer",
	version,
	about = "Cascade's history in a database: follows a node's finalized blocks into SQLite or PostgreSQL."
)]
struct Args {
	/// The node's WebSocket RPC.
	#[arg(long, default_value = "ws://127.0.0.1:9944", env = "CASCADE_URL")]
	node: String,
	/// A SQLite file (created if missing) or a postgres:// URL.
	#[arg(long, default_value = "cascade-index.db")]
	db: String,
	/// Stop once this block is indexed (by default it follows for ever).
	#[arg(long)]
	until: Option<u32>,
	/// Print a line for every block indexed.
	#[arg(long)]
	verbose: bool,
}

async fn run(args: Args) -> Result<()> {
	let chain = Chain::connect(&args.node).await?;
	let db = Db::open(&args.db).await?;
	let progress = SharedProgress::default();
	let verbose = args.verbose;
	follow(&chain, &db, args.until, progress, |b| {
		if verbose || b.events > 0 {
			println!("block #{}: {} events, {} rows", b.number, b.events, b.rows);
		}
	})
	.await
	.context("following the chain")
}

fn main() -> ExitCode {
	let args = Args::parse();
	cascade_client::run_command(run(args), |e| {
		eprintln!("error: {e:#}");
		ExitCode::from(1)
	})
}
