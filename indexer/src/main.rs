//! `cascade-indexer --node <ws url> --db <sqlite file | postgres:// url>`: follows the node's
//! finalized blocks into the database, reconciling it with the chain every `--check-every`
//! blocks; `cascade-indexer check --node … --db … [--at <block>]` compares once, prints every
//! difference and exits 1 if there is one (see the crate's documentation).

use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use cascade_client::chain::Chain;
use cascade_indexer::{
	api,
	check::{check, Report},
	db::Db,
	follow::{follow, SharedProgress},
};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
	name = "cascade-indexer",
	version,
	about = "Cascade's history in a database: follows a node's finalized blocks into SQLite or PostgreSQL, and reconciles it with the chain."
)]
struct Args {
	/// The node's WebSocket RPC.
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944", env = "CASCADE_URL")]
	node: String,
	/// A SQLite file (created if missing) or a postgres:// URL.
	#[arg(long, global = true, default_value = "cascade-index.db", env = "CASCADE_INDEX_DB")]
	db: String,
	/// Stop once this block is indexed (by default it follows for ever).
	#[arg(long)]
	until: Option<u32>,
	/// Reconcile with the chain every this many blocks indexed (0: never).
	#[arg(long, default_value_t = 100)]
	check_every: u32,
	/// Where the HTTP JSON service listens (read-only; "off": no service).
	#[arg(long, default_value = "127.0.0.1:9955")]
	listen: String,
	/// An origin whose pages may read the HTTP answers (the portal's, e.g. http://127.0.0.1:5173;
	/// repeat for more; "*": any).
	#[arg(long = "allow-origin")]
	allow_origin: Vec<String>,
	/// Print a line for every block indexed, not only those with Cascade events.
	#[arg(long)]
	verbose: bool,
	#[command(subcommand)]
	command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
	/// Compare the database with the chain at a block (by default the last indexed); print every
	/// difference; exit 1 if there is one.
	Check {
		/// The block to compare at.
		#[arg(long)]
		at: Option<u32>,
		/// One line of JSON instead of text.
		#[arg(long)]
		json: bool,
	},
}

fn print_report(report: &Report) {
	for d in &report.differences {
		eprintln!("difference: {}: chain {} / database {}", d.what, d.chain, d.database);
	}
	println!(
		"block #{}: {} receivables (their escrows) and {} notes and {} programs compared, {} differences",
		report.block,
		report.receivables,
		report.notes,
		report.programs,
		report.differences.len()
	);
}

async fn run(args: Args) -> Result<()> {
	let chain = Chain::connect(&args.node).await?;
	let db = Db::open(&args.db).await?;
	if let Some(Command::Check { at, json }) = args.command {
		let report = check(&chain, &db, at).await?;
		if json {
			println!("{}", serde_json::to_string(&report)?);
		} else {
			print_report(&report);
		}
		if !report.ok() {
			bail!("{} differences between the database and the chain", report.differences.len());
		}
		return Ok(());
	}
	let progress = SharedProgress::default();
	if args.listen != "off" {
		let addr =
			args.listen.parse().with_context(|| format!("--listen {}: host:port", args.listen))?;
		let listener = api::bind(addr).await?;
		println!("serving http://{}", listener.local_addr()?);
		let (db, progress, allowed) = (db.clone(), progress.clone(), args.allow_origin.clone());
		tokio::spawn(async move {
			if let Err(e) = api::serve(listener, db, progress, allowed).await {
				eprintln!("error: the HTTP service stopped: {e:#}");
			}
		});
	}
	let verbose = args.verbose;
	follow(&chain, &db, args.until, args.check_every, progress.clone(), |b| {
		if verbose || b.events > 0 {
			println!("block #{}: {} events, {} rows", b.number, b.events, b.rows);
		}
	})
	.await
	.context("following the chain")?;
	let last = progress.lock().ok().and_then(|p| p.last_check.clone());
	if let Some(report) = last {
		print_report(&report);
		if !report.ok() {
			bail!("{} differences between the database and the chain", report.differences.len());
		}
	}
	Ok(())
}

fn main() -> ExitCode {
	let args = Args::parse();
	cascade_client::run_command(run(args), |e| {
		eprintln!("error: {e:#}");
		ExitCode::from(1)
	})
}
