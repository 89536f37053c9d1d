//! `cascade-load`: the load generator of DESIGN §8.
//!
//! Against a chain with the demo world (a dev node, whose council is Alice alone), it measures
//! side by side, in one run on one node, `Receivables::transfer`, `Receivables::split_transfer`,
//! `Financing::finance` and `Receivables::repay` against `Balances::transfer_keep_alive`: the
//! weight the runtime charges for each (`TransactionPaymentApi::query_info`), how many fit in
//! one block by that weight, how many one block actually took, and the rates at which the pool
//! took them (submission) and blocks included them (inclusion).
//!
//! The generator is built not to be the bottleneck: every transaction is signed before the clock
//! starts; each sender's transactions go in nonce order, one request at a time, and the senders
//! run at once over several WebSocket connections (`--senders` funded accounts for the balance
//! transfers; the three demo suppliers hold the notes for the Cascade calls, offering them to
//! `--recipients` enterprises the council registers). With `--metrics` and `--pids` it reads the
//! node's own metrics (CPU time per node task, block building and import) and each node
//! process's CPU time around every phase: where the time went.
//!
//! The notes the calls need are made beforehand (issued by Bob, accepted; for `repay`, matured);
//! that set-up is not timed. The repaid receivables' notes are then paid by the chain itself
//! (自动清分, from the blocks' leftover weight): the run waits until all are settled and reports
//! how long that took. (`redeem` is not measured: the chain pays every due note before a redeem
//! could reach it.)

mod presigned;
mod probe;

use std::{
	collections::BTreeMap,
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
			bounded_collections::bounded_vec::BoundedVec, cascade_primitives::Roles,
			cascade_runtime::RuntimeCall, pallet_enterprises::pallet::Call as EnterprisesCall,
			pallet_financing::types::FinancingKind,
		},
	},
	keys::Signer,
	submit::{self, Options},
};
use cascade_runtime_api::ReceivableStatus;
use clap::Parser;
use serde::Serialize;
use subxt::tx::Payload;

/// Measure Cascade's hot calls against Balances::transfer_keep_alive on one node.
#[derive(Parser)]
#[command(name = "cascade-load", version)]
struct Args {
	/// The node's WebSocket RPC endpoint (a dev chain with the demo world).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Transactions per measured call.
	#[arg(long, default_value_t = 500)]
	count: usize,
	/// Senders of the balance transfers (funded by Alice in the set-up).
	#[arg(long, default_value_t = 8)]
	senders: usize,
	/// WebSocket connections the transactions are sent over.
	#[arg(long, default_value_t = 4)]
	connections: usize,
	/// Enterprises the council registers to receive the offered notes (an account has at most
	/// MaxPendingOffers offers waiting, and at most MaxOffersPerSender, 64, from one sender:
	/// with 3 holders offering 2 × count notes, at least count / 96 recipients).
	#[arg(long, default_value_t = 8)]
	recipients: usize,
	/// Only the balance transfers (no Cascade set-up; any chain with funded dev accounts).
	#[arg(long)]
	keep_alive_only: bool,
	/// Chain time (seconds) from issuance to the maturity of the receivables `repay` pays.
	#[arg(long, default_value_t = 600)]
	redeem_after: u64,
	/// The node's Prometheus endpoint (host:port), read before and after every phase.
	#[arg(long)]
	metrics: Option<String>,
	/// Node processes whose CPU time is read before and after every phase (comma-separated).
	#[arg(long, value_delimiter = ',')]
	pids: Vec<u32>,
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
	senders: usize,
	connections: usize,
	/// From the first transaction sent until the last is in a block.
	seconds: f64,
	per_second: f64,
	/// From the first transaction sent until the pool had taken the last.
	submit_seconds: f64,
	submit_per_second: f64,
	blocks: usize,
	/// Most of these transactions one block took.
	max_per_block: usize,
	/// How many fit in one block's normal class by the weight charged, the base weight of a
	/// transaction included.
	fit_by_weight: u64,
	/// Ref time the runtime charges for one transaction (ps; `query_info`: the call and the
	/// signed extensions, without the base weight every transaction also takes from the block).
	weight_ref_time: u64,
	/// Proof size the runtime charges for one transaction (bytes).
	weight_proof_size: u64,
	/// Throughput relative to transfer_keep_alive.
	throughput_ratio: f64,
	/// Weight (ref time) relative to transfer_keep_alive.
	weight_ratio: f64,
	/// Where the time went (node metrics and CPU), if asked for.
	profile: probe::Profile,
}

/// What every phase shares: the connections, the probe, the block's normal-class limit and the
/// base weight every transaction adds to it (not part of what `query_info` answers).
struct Bench {
	conns: Vec<Chain>,
	probe: probe::Probe,
	normal_max: u64,
	base_extrinsic: u64,
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
	let options = Options { finalized: false, window: 4096 };
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

impl Bench {
	/// Pre-signs each lane (one sender's calls), sends them all, and times the phase.
	async fn measure<C: Payload>(
		&self,
		call: &'static str,
		lanes: Vec<(Signer, Vec<C>)>,
	) -> Result<Phase> {
		let chain = &self.conns[0];
		let mut signed = Vec::with_capacity(lanes.len());
		for (signer, calls) in &lanes {
			signed.push(presigned::presign(chain, signer, calls).await?);
		}
		let count: usize = signed.iter().map(Vec::len).sum();
		let first =
			signed.iter().flatten().next().ok_or_else(|| anyhow!("{call}: nothing to send"))?;
		let (ref_time, proof_size) = presigned::weight(chain, first).await?;
		let before = self.probe.sample().await;
		let started = Instant::now();
		let sent = presigned::submit(&self.conns, &signed).await?;
		let seconds = started.elapsed().as_secs_f64();
		let profile = before.until(&self.probe.sample().await);
		if let Some((i, e)) = sent
			.included
			.iter()
			.enumerate()
			.find_map(|(i, inc)| inc.result.as_ref().err().map(|e| (i, e)))
		{
			bail!("{call}: transaction {i} failed: {e}");
		}
		let mut per_block: BTreeMap<u32, usize> = BTreeMap::new();
		for inclusion in &sent.included {
			*per_block.entry(inclusion.block.number).or_default() += 1;
		}
		let max_per_block = per_block.values().copied().max().unwrap_or(0);
		eprintln!(
			"{call}: {count} in {seconds:.2} s (pool took them in {:.2} s), {} blocks, at most {max_per_block} a block",
			sent.submit_seconds,
			per_block.len()
		);
		Ok(Phase {
			call,
			transactions: count,
			senders: signed.len(),
			connections: self.conns.len().min(signed.len()),
			seconds,
			per_second: count as f64 / seconds,
			submit_seconds: sent.submit_seconds,
			submit_per_second: count as f64 / sent.submit_seconds.max(1e-9),
			blocks: per_block.len(),
			max_per_block,
			fit_by_weight: self.normal_max / (ref_time + self.base_extrinsic).max(1),
			weight_ref_time: ref_time,
			weight_proof_size: proof_size,
			throughput_ratio: 0.0,
			weight_ratio: 0.0,
			profile,
		})
	}
}

/// `calls` dealt round-robin to `lanes` senders: lane i gets calls i, i + lanes, …
fn deal<C>(signers: &[Signer], calls: Vec<C>) -> Vec<(Signer, Vec<C>)> {
	let mut lanes: Vec<(Signer, Vec<C>)> =
		signers.iter().map(|s| (s.clone(), Vec::new())).collect();
	let n = lanes.len();
	for (i, call) in calls.into_iter().enumerate() {
		lanes[i % n].1.push(call);
	}
	lanes
}

/// One lane per holder: `call` on each note of a set (receivable k of the set went to holder
/// k mod 3), made from the note's place in the set and its id.
fn lanes<C>(
	holders: &[Signer; 3],
	set: &[(u64, u64)],
	call: impl Fn(usize, u64) -> C,
) -> Vec<(Signer, Vec<C>)> {
	holders
		.iter()
		.enumerate()
		.map(|(h, holder)| {
			let calls = set
				.iter()
				.enumerate()
				.filter(|(i, _)| i % 3 == h)
				.map(|(i, (_, note))| call(i, *note))
				.collect();
			(holder.clone(), calls)
		})
		.collect()
}

async fn run(args: Args) -> Result<()> {
	let n = args.count.max(1);
	let mut conns = Vec::with_capacity(args.connections.max(1));
	for _ in 0..args.connections.max(1) {
		conns.push(Chain::connect(&args.url).await?);
	}
	let chain = &conns[0];
	let (normal_max, base_extrinsic) = {
		let at = chain.at_best().await?;
		let weights = at.constants().entry(cascade::constants().system().block_weights())?;
		let normal = weights.per_class.normal;
		(
			normal.max_total.map(|w| w.ref_time).unwrap_or(weights.max_block.ref_time),
			normal.base_extrinsic.ref_time,
		)
	};
	let probe = probe::Probe { metrics: args.metrics.clone(), pids: args.pids.clone() };
	let bench = Bench { conns, probe, normal_max, base_extrinsic };
	let chain = &bench.conns[0];
	let (alice, bob) = (key("//Alice")?, key("//Bob")?);
	let holders = [key("//Charlie")?, key("//Dave")?, key("//Eve")?];
	let start = presigned::now(chain).await?;
	let run_id = start / 1000;

	// The balance transfers' senders, funded by Alice with a share of what she has.
	let senders: Vec<Signer> = (0..args.senders.max(1))
		.map(|i| key(&format!("//Load/{run_id}/{i}")))
		.collect::<Result<_>>()?;
	let existential = presigned::existential_deposit(chain).await?;
	let share =
		presigned::free_balance(chain, &alice.account()).await? / (4 * senders.len() as u128);
	let funding = senders
		.iter()
		.map(|s| cascade::tx().balances().transfer_keep_alive(s.account().into(), share))
		.collect();
	setup(chain, &alice, funding, "fund a sender").await?;

	let mut phases = Vec::new();
	let keep_alive = (0..n)
		.map(|i| {
			let seed = format!("cascade-load/{run_id}/{i}");
			let dest = AccountId::from(sp_crypto_hashing::blake2_256(seed.as_bytes()));
			cascade::tx().balances().transfer_keep_alive(dest.into(), existential * 10)
		})
		.collect();
	phases.push(bench.measure("Balances::transfer_keep_alive", deal(&senders, keep_alive)).await?);

	let mut clearing_seconds = None;
	if !args.keep_alive_only {
		clearing_seconds = Some(
			cascade_phases(&bench, &args, n, run_id, start, &alice, &bob, &holders, &mut phases)
				.await?,
		);
	}

	let (base_tps, base_weight) = (phases[0].per_second, phases[0].weight_ref_time.max(1) as f64);
	for p in &mut phases {
		p.throughput_ratio = p.per_second / base_tps;
		p.weight_ratio = p.weight_ref_time as f64 / base_weight;
	}
	let mut table = markdown(&phases, n, &args.url, normal_max, bench.base_extrinsic);
	if let Some(s) = clearing_seconds {
		let _ = writeln!(
			table,
			"\nThe chain then paid the {n} repaid receivables' notes by itself within {s:.1} s of \
			 the last repayment's block."
		);
	}
	if let Some(path) = &args.report {
		std::fs::write(path, &table).with_context(|| format!("cannot write {}", path.display()))?;
	}
	if args.json {
		println!(
			"{}",
			serde_json::json!({
				"ok": true,
				"phases": phases,
				"clearingSeconds": clearing_seconds,
				"normalMaxRefTime": normal_max,
				"baseExtrinsicRefTime": bench.base_extrinsic,
			})
		);
	} else {
		print!("{table}");
	}
	Ok(())
}

/// Set-up and phases of the Cascade calls; returns how long the chain took to clear the repaid
/// receivables after the last repayment.
#[allow(clippy::too_many_arguments)]
async fn cascade_phases(
	bench: &Bench,
	args: &Args,
	n: usize,
	run_id: u64,
	start: u64,
	alice: &Signer,
	bob: &Signer,
	holders: &[Signer; 3],
	phases: &mut Vec<Phase>,
) -> Result<f64> {
	let chain = &bench.conns[0];
	let reader = chain.reader().await?;
	let cny = reader
		.credit_line(0)
		.await?
		.ok_or_else(|| {
			anyhow!("credit line 0 is missing: run against a dev chain with the demo world")
		})?
		.asset;
	let face: Balance = 10_000; // 100.00 CNY
	let long = start + 90 * 86_400_000;
	let short = start + args.redeem_after * 1000;

	// Recipients of the offers: enterprises the council (Alice alone on a dev chain) registers.
	let recipients: Vec<AccountId> = (0..args.recipients.max(1))
		.map(|i| key(&format!("//LoadRecipient/{run_id}/{i}")).map(|k| k.account()))
		.collect::<Result<_>>()?;
	let registrations = recipients
		.iter()
		.enumerate()
		.map(|(i, who)| {
			let body = format!("91350100L{:08}", (run_id % 10_000) * 100 + i as u64);
			let body: [u8; 17] = body.as_bytes()[..17].try_into().expect("17 characters");
			let code = pallet_enterprises::credit_code::complete(&body)
				.ok_or_else(|| anyhow!("no credit code for {body:?}"))?;
			let call = RuntimeCall::Enterprises(EnterprisesCall::register {
				who: who.clone(),
				name: BoundedVec(format!("Load recipient {i}").into_bytes()),
				credit_code: code,
				roles: Roles { core: false, supplier: true, financier: false },
			});
			// Unvalidated: a motion carries a whole RuntimeCall (see client/tests/upgrade.rs).
			Ok(cascade::tx().council().propose(1, call, 1_000).unvalidated())
		})
		.collect::<Result<Vec<_>>>()?;
	setup(chain, alice, registrations, "register a recipient").await?;

	// 4n receivables from Bob to the three suppliers in turn, accepted; the last n mature soon.
	let issue = |set: &str, i: usize, maturity: u64| {
		cascade::tx().receivables().issue(
			holders[i % 3].account(),
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
		setup(chain, bob, calls, "issue").await?.iter().filter_map(Inclusion::issued).collect();
	if issued.len() != 4 * n {
		bail!("set-up: {} Issued events for {} receivables", issued.len(), 4 * n);
	}
	// Receivable k of every set went to holder k mod 3, who accepts it.
	let accepts = holders.iter().enumerate().map(|(h, holder)| {
		let mine = issued
			.iter()
			.enumerate()
			.filter(|(k, _)| (k % n) % 3 == h)
			.map(|(_, (_, note))| cascade::tx().receivables().accept(*note))
			.collect();
		setup(chain, holder, mine, "accept")
	});
	futures::future::try_join_all(accepts).await?;
	let set = |k: usize| &issued[k * n..(k + 1) * n];
	let to = |i: usize| recipients[i % recipients.len()].clone();
	let transfers =
		lanes(holders, set(0), |i, note| cascade::tx().receivables().transfer(note, to(i)));
	phases.push(bench.measure("Receivables::transfer", transfers).await?);
	let splits = lanes(holders, set(1), |i, note| {
		cascade::tx().receivables().split_transfer(note, to(i + 1), face * 2 / 5)
	});
	phases.push(bench.measure("Receivables::split_transfer", splits).await?);
	let finances = lanes(holders, set(2), |_, note| {
		cascade::tx().financing().finance(note, 0, FinancingKind::Factoring { recourse: false })
	});
	phases.push(bench.measure("Financing::finance", finances).await?);
	let waited = Instant::now();
	while presigned::now(chain).await? <= short {
		if waited.elapsed() > Duration::from_secs(600) {
			bail!("the receivables did not mature within 10 minutes; lower --redeem-after");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let repaid: Vec<u64> = issued[3 * n..].iter().map(|(r, _)| *r).collect();
	let repays = repaid.iter().map(|r| cascade::tx().receivables().repay(*r)).collect();
	phases.push(bench.measure("Receivables::repay", vec![(bob.clone(), repays)]).await?);
	let cleared = Instant::now();
	for r in &repaid {
		while chain.receivable(*r).await?.status != ReceivableStatus::Settled {
			if cleared.elapsed() > Duration::from_secs(600) {
				bail!("receivable {r} was not cleared within 10 minutes of its repayment");
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}
	Ok(cleared.elapsed().as_secs_f64())
}

fn markdown(phases: &[Phase], n: usize, url: &str, normal_max: u64, base: u64) -> String {
	let mut out = String::new();
	let _ = writeln!(
		out,
		"{n} pre-signed transactions per call against {url}; a block's normal class holds {:.0} ms \
		 of ref time, and every transaction takes {:.1} µs of it besides its weight.\n\n\
		 | call | weight (µs) | × keep_alive | fit a block by weight | most in one block | \
		 inclusion tx/s | pool took tx/s | senders / connections | blocks |\n\
		 |---|---:|---:|---:|---:|---:|---:|---|---:|",
		normal_max as f64 / 1e9,
		base as f64 / 1e6
	);
	for p in phases {
		let _ = writeln!(
			out,
			"| `{}` | {:.1} | {:.2} | {} | {} | {:.0} | {:.0} | {} / {} | {} |",
			p.call,
			p.weight_ref_time as f64 / 1e6,
			p.weight_ratio,
			p.fit_by_weight,
			p.max_per_block,
			p.per_second,
			p.submit_per_second,
			p.senders,
			p.connections,
			p.blocks
		);
	}
	if phases.iter().any(|p| !p.profile.cpu_seconds.is_empty() || !p.profile.tasks.is_empty()) {
		let _ = writeln!(out, "\nWhere the time went (node sent to first):\n");
		for p in phases {
			let tasks: Vec<String> =
				p.profile.tasks.iter().map(|(t, s)| format!("{t} {s:.1} s")).collect();
			let _ = writeln!(
				out,
				"- `{}`: CPU s per node {:?}; blocks built {} (mean {:.0} ms), imported {} (mean \
				 {:.0} ms); busiest tasks: {}",
				p.call,
				p.profile.cpu_seconds,
				p.profile.blocks_built,
				p.profile.build_ms_mean,
				p.profile.blocks_imported,
				p.profile.import_ms_mean,
				tasks.join(", ")
			);
		}
	}
	out
}
