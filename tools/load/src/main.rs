//! `cascade-load`: the load generator of DESIGN §8.
//!
//! Against a dev node with the demo world, it measures side by side, in one run on one node, the
//! sustained throughput of `Receivables::transfer`, `Receivables::split_transfer`,
//! `Financing::finance` and `Receivables::repay` against `Balances::transfer_keep_alive`, and
//! the weight the runtime charges for each (`TransactionPaymentApi::query_info`, i.e. the
//! generated weights plus the transaction's base and extension weights).
//!
//! Each phase pre-signs all its transactions (from one sender, consecutive nonces) before the
//! clock starts, sends them as fast as the node takes them, and stops the clock when the last
//! one is seen in a block. The notes they need are made beforehand (issued by Bob to Charlie and
//! accepted; for `repay`, matured); that set-up is not timed. The repaid receivables' notes are
//! then paid by the chain itself (自动清分, from the blocks' leftover weight): the run waits until
//! all are settled and reports how long that took. (`redeem` is not measured: the chain pays
//! every due note before a redeem could reach it.)

mod presigned;

use std::{
	collections::BTreeSet,
	fmt::Write as _,
	path::PathBuf,
	process::ExitCode,
	time::{Duration, Instant},
};

use anyhow::{anyhow, bail, Context, Result};
use cascade_client::{
	chain::{AccountId, Balance, Chain, Inclusion, H256},
	interface::cascade::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, pallet_financing::types::FinancingKind,
		},
	},
	keys::Signer,
	submit::{self, Options},
};
use clap::Parser;
use pallet_receivables_rpc::ReceivableStatus;
use serde::Serialize;
use subxt::tx::Payload;

/// Measure Cascade's hot calls against Balances::transfer_keep_alive on one dev node.
#[derive(Parser)]
#[command(name = "cascade-load", version)]
struct Args {
	/// The node's WebSocket RPC endpoint (a dev chain with the demo world).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Transactions per measured call.
	#[arg(long, default_value_t = 500)]
	count: usize,
	/// RPC submissions in flight at once.
	#[arg(long, default_value_t = 32)]
	in_flight: usize,
	/// Chain time (seconds) from issuance to the maturity of the receivables `repay` pays.
	#[arg(long, default_value_t = 600)]
	redeem_after: u64,
	/// Also write the report as Markdown to this file.
	#[arg(long)]
	report: Option<PathBuf>,
	/// Print JSON instead of the table.
	#[arg(long)]
	json: bool,
}

/// One measured call.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Phase {
	call: &'static str,
	transactions: usize,
	seconds: f64,
	per_second: f64,
	blocks: usize,
	/// Ref time the runtime charges for one transaction (ps).
	weight_ref_time: u64,
	/// Proof size the runtime charges for one transaction (bytes).
	weight_proof_size: u64,
	/// Throughput relative to transfer_keep_alive.
	throughput_ratio: f64,
	/// Weight (ref time) relative to transfer_keep_alive.
	weight_ratio: f64,
}

fn main() -> ExitCode {
	cascade_client::run_command(run(Args::parse()), |e| {
		eprintln!("error: {e:#}");
		ExitCode::from(1)
	})
}

fn key(uri: &str) -> Result<Signer> {
	Signer::from_suri(uri, None)
}

/// Runs set-up calls (not timed) and returns their inclusions; every one must succeed.
async fn setup<C: Payload>(
	chain: &Chain,
	signer: &Signer,
	calls: Vec<C>,
	what: &str,
) -> Result<Vec<Inclusion>> {
	let count = calls.len();
	let options = Options { finalized: false, window: 512 };
	let run = submit::submit_all(chain, signer, &calls, options, |_, _| {}).await?;
	if let Some(why) = run.stopped {
		bail!("set-up ({what}) stopped: {why}");
	}
	let included: Vec<Inclusion> = run.included.into_iter().flatten().collect();
	if included.len() != count {
		bail!("set-up ({what}): {} of {count} landed", included.len());
	}
	if let Some(Err(e)) = included.iter().map(|i| &i.result).find(|r| r.is_err()) {
		bail!("set-up ({what}) failed: {e}");
	}
	eprintln!("set-up: {count} × {what}");
	Ok(included)
}

/// Pre-signs, sends and times one phase.
async fn measure<C: Payload>(
	chain: &Chain,
	signer: &Signer,
	call: &'static str,
	calls: Vec<C>,
	in_flight: usize,
) -> Result<Phase> {
	let count = calls.len();
	let txs = presigned::presign(chain, signer, &calls).await?;
	let (ref_time, proof_size) = presigned::weight(chain, &txs[0]).await?;
	let started = Instant::now();
	let included = presigned::submit(chain, &txs, in_flight).await?;
	let seconds = started.elapsed().as_secs_f64();
	if let Some((i, e)) =
		included.iter().enumerate().find_map(|(i, inc)| inc.result.as_ref().err().map(|e| (i, e)))
	{
		bail!("{call}: transaction {i} failed: {e}");
	}
	let blocks: BTreeSet<u32> = included.iter().map(|i| i.block.number).collect();
	eprintln!("{call}: {count} in {seconds:.2} s, {} blocks", blocks.len());
	Ok(Phase {
		call,
		transactions: count,
		seconds,
		per_second: count as f64 / seconds,
		blocks: blocks.len(),
		weight_ref_time: ref_time,
		weight_proof_size: proof_size,
		throughput_ratio: 0.0,
		weight_ratio: 0.0,
	})
}

async fn run(args: Args) -> Result<()> {
	let n = args.count.max(1);
	let chain = Chain::connect(&args.url).await?;
	let (alice, bob, charlie, dave, eve) =
		(key("//Alice")?, key("//Bob")?, key("//Charlie")?, key("//Dave")?, key("//Eve")?);
	let reader = chain.reader().await?;
	let cny = reader
		.credit_line(0)
		.await?
		.ok_or_else(|| {
			anyhow!("credit line 0 is missing: run against a dev chain with the demo world")
		})?
		.asset;
	let face: Balance = 10_000; // 100.00 CNY
	let start = presigned::now(&chain).await?;
	let run_id = start / 1000;
	let long = start + 90 * 86_400_000;
	let short = start + args.redeem_after * 1000;

	// Set-up: 4n receivables to Charlie, accepted; the last n mature soon.
	let issue = |set: &str, i: usize, maturity: u64| {
		cascade::tx().receivables().issue(
			charlie.account(),
			cny,
			face,
			maturity,
			0,
			H256::zero(),
			BoundedVec(format!("LOAD-{run_id}-{set}-{i}").into_bytes()),
		)
	};
	let mut calls = Vec::with_capacity(4 * n);
	for set in ["T", "S", "F"] {
		calls.extend((0..n).map(|i| issue(set, i, long)));
	}
	calls.extend((0..n).map(|i| issue("R", i, short)));
	let issued: Vec<(u64, u64)> =
		setup(&chain, &bob, calls, "issue").await?.iter().filter_map(Inclusion::issued).collect();
	if issued.len() != 4 * n {
		bail!("set-up: {} Issued events for {} receivables", issued.len(), 4 * n);
	}
	let accepts =
		issued.iter().map(|(_, note)| cascade::tx().receivables().accept(*note)).collect();
	setup(&chain, &charlie, accepts, "accept").await?;
	let notes = |set: usize| issued[set * n..(set + 1) * n].iter().map(|(_, note)| *note);

	let mut phases = Vec::new();
	let existential = presigned::existential_deposit(&chain).await?;
	let keep_alive = (0..n)
		.map(|i| {
			let seed = format!("cascade-load/{run_id}/{i}");
			let dest = AccountId::from(sp_core_hashing(seed.as_bytes()));
			cascade::tx().balances().transfer_keep_alive(dest.into(), existential * 10)
		})
		.collect();
	phases.push(
		measure(&chain, &alice, "Balances::transfer_keep_alive", keep_alive, args.in_flight)
			.await?,
	);
	let to = dave.account();
	let transfers =
		notes(0).map(|note| cascade::tx().receivables().transfer(note, to.clone())).collect();
	phases
		.push(measure(&chain, &charlie, "Receivables::transfer", transfers, args.in_flight).await?);
	// Offers to another recipient: each account has at most MaxPendingOffers waiting.
	let to = eve.account();
	let splits = notes(1)
		.map(|note| cascade::tx().receivables().split_transfer(note, to.clone(), face * 2 / 5))
		.collect();
	phases.push(
		measure(&chain, &charlie, "Receivables::split_transfer", splits, args.in_flight).await?,
	);
	let finances = notes(2)
		.map(|note| {
			cascade::tx().financing().finance(note, 0, FinancingKind::Factoring { recourse: false })
		})
		.collect();
	phases.push(measure(&chain, &charlie, "Financing::finance", finances, args.in_flight).await?);
	let waited = Instant::now();
	while presigned::now(&chain).await? <= short {
		if waited.elapsed() > Duration::from_secs(600) {
			bail!("the receivables did not mature within 10 minutes; lower --redeem-after");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let repaid: Vec<u64> = issued[3 * n..].iter().map(|(r, _)| *r).collect();
	let repays = repaid.iter().map(|r| cascade::tx().receivables().repay(*r)).collect();
	phases.push(measure(&chain, &bob, "Receivables::repay", repays, args.in_flight).await?);
	let cleared = Instant::now();
	for r in &repaid {
		while chain.receivable(*r).await?.status != ReceivableStatus::Settled {
			if cleared.elapsed() > Duration::from_secs(600) {
				bail!("receivable {r} was not cleared within 10 minutes of its repayment");
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}
	let clearing_seconds = cleared.elapsed().as_secs_f64();

	let (base_tps, base_weight) = (phases[0].per_second, phases[0].weight_ref_time.max(1) as f64);
	for p in &mut phases {
		p.throughput_ratio = p.per_second / base_tps;
		p.weight_ratio = p.weight_ref_time as f64 / base_weight;
	}
	let mut table = markdown(&phases, n, &args.url);
	let _ = writeln!(
		table,
		"\nThe chain then paid the {n} repaid receivables' notes by itself within \
		 {clearing_seconds:.1} s of the last repayment's block."
	);
	if let Some(path) = &args.report {
		std::fs::write(path, &table).with_context(|| format!("cannot write {}", path.display()))?;
	}
	if args.json {
		println!(
			"{}",
			serde_json::json!({ "ok": true, "phases": phases, "clearingSeconds": clearing_seconds })
		);
	} else {
		print!("{table}");
	}
	Ok(())
}

/// A 32-byte account id from a seed (blake2-256), for transfer destinations no one holds.
fn sp_core_hashing(seed: &[u8]) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(seed)
}

fn markdown(phases: &[Phase], n: usize, url: &str) -> String {
	let mut out = String::new();
	let _ = writeln!(
		out,
		"{n} pre-signed transactions per call, one sender each, against {url}.\n\n\
		 | call | tx/s | × transfer_keep_alive | blocks | weight (µs ref time) | × \
		 transfer_keep_alive |\n|---|---:|---:|---:|---:|---:|"
	);
	for p in phases {
		let _ = writeln!(
			out,
			"| `{}` | {:.0} | {:.2} | {} | {:.1} | {:.2} |",
			p.call,
			p.per_second,
			p.throughput_ratio,
			p.blocks,
			p.weight_ref_time as f64 / 1e6,
			p.weight_ratio
		);
	}
	out
}
