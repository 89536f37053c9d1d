//! The `cascade` command. See the crate documentation of `cascade_client`.

use std::{
	collections::HashMap,
	path::{Path, PathBuf},
	process::ExitCode,
};

use anyhow::{anyhow, bail, Context, Result};
use cascade_client::{
	chain::{error_name, parse_account, Chain, Inclusion},
	explain,
	issue::{self, Row, Step},
	keys::Signer,
	ledger::short_address,
	submit::{self, Options},
	tree,
	units::{format_amount, format_moment, parse_amount},
};
use cascade_runtime::{AccountId, RuntimeCall, RuntimeEvent};
use clap::{Parser, Subcommand};
use pallet_receivables_rpc::CascadeApiClient;
use serde_json::json;
use sp_core::{crypto::Ss58Codec, H256};

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

#[derive(Subcommand)]
enum Command {
	/// Issue one receivable to a tier-1 supplier.
	Issue {
		/// The supplier: an SS58 account (or a dev key such as //Charlie).
		#[arg(long)]
		to: String,
		/// The face value in the asset's unit, e.g. 12345.67.
		#[arg(long)]
		amount: String,
		/// The due date: 2027-03-31 (midnight UTC) or an RFC 3339 time.
		#[arg(long)]
		maturity: String,
		/// The credit line to draw on.
		#[arg(long)]
		line: String,
		/// The invoice reference (unique per issuer).
		#[arg(long)]
		invoice: String,
		/// A document whose blake2-256 hash is recorded.
		#[arg(long, conflicts_with = "doc_hash")]
		doc: Option<PathBuf>,
		/// The document hash itself (0x + 64 hex digits).
		#[arg(long)]
		doc_hash: Option<String>,
		/// Wait for finality, not just inclusion.
		#[arg(long)]
		finalized: bool,
	},
	/// Issue every receivable of a CSV file: to,amount,maturity,line,invoice[,doc|doc_hash].
	///
	/// The whole file is checked before anything is sent; bad lines are named and nothing is
	/// sent. Invoices already issued are skipped, so running a stopped batch again finishes it.
	IssueBatch {
		/// The CSV file (a header line first; blank lines are skipped).
		file: PathBuf,
		/// Where to write the report [default: <file>.report.csv].
		#[arg(long)]
		report: Option<PathBuf>,
		/// Check the file against the chain and stop: nothing is sent.
		#[arg(long)]
		check: bool,
		/// Most transactions waiting in the node's pool at once.
		#[arg(long, default_value_t = 256)]
		window: usize,
		/// Count a receivable as issued only once its block is final.
		#[arg(long)]
		finalized: bool,
	},
	/// The live notes an account holds or is offered [default: the signer].
	Notes { account: Option<String> },
	/// A receivable's lineage tree.
	Tree {
		receivable: u64,
		/// Also draw it as an SVG picture into this file.
		#[arg(long)]
		svg: Option<PathBuf>,
	},
	/// What a core enterprise owes and its credit lines [default: the signer].
	Exposure { core: Option<String> },
	/// Pay what is still outstanding on a receivable into its escrow (the issuer, before or
	/// after maturity); with --amount, pay part of it (部分兑付). From maturity on the chain
	/// pays every holder by itself.
	Repay {
		receivable: u64,
		/// Pay only this much, in the asset's unit (e.g. 2500.50).
		#[arg(long)]
		amount: Option<String>,
		#[arg(long)]
		finalized: bool,
	},
	/// Accept a note offered to the signer (签收).
	Accept {
		note: u64,
		#[arg(long)]
		finalized: bool,
	},
	/// Offer a whole note to another enterprise.
	Transfer {
		note: u64,
		#[arg(long)]
		to: String,
		#[arg(long)]
		finalized: bool,
	},
	/// Offer part of a note to another enterprise; the rest stays with the holder.
	SplitTransfer {
		note: u64,
		/// The part to send, in the asset's unit.
		#[arg(long)]
		amount: String,
		#[arg(long)]
		to: String,
		#[arg(long)]
		finalized: bool,
	},
}

/// Prints a line to stdout; a closed pipe (`cascade … | head`) is not an error worth a panic.
macro_rules! say {
	($($arg:tt)*) => {{
		use std::io::Write;
		let _ = writeln!(std::io::stdout(), $($arg)*);
	}};
}

/// Prints to stdout without a newline.
macro_rules! say_raw {
	($($arg:tt)*) => {{
		use std::io::Write;
		let _ = write!(std::io::stdout(), $($arg)*);
	}};
}

/// An error that was already explained to the user; exit with `code`.
#[derive(Debug)]
struct Reported(u8);
impl std::fmt::Display for Reported {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "reported")
	}
}
impl std::error::Error for Reported {}

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

struct Ctx {
	chain: Chain,
	cli_suri: Option<String>,
	key_file: Option<PathBuf>,
	password: Option<String>,
	json: bool,
}

impl Ctx {
	fn signer(&self) -> Result<Signer> {
		if let Some(path) = &self.key_file {
			let password = self
				.password
				.clone()
				.ok_or_else(|| anyhow!("give the key file's password (--password)"))?;
			return Signer::from_key_file(path, &password);
		}
		let suri = self.cli_suri.clone().ok_or_else(|| {
			anyhow!("this command signs: give a key with --suri or --key-file (and --password)")
		})?;
		Signer::from_suri(&suri, self.password.as_deref())
	}

	/// `account` parsed, or the signer's account when absent.
	fn account_or_signer(&self, account: Option<String>) -> Result<AccountId> {
		match account {
			Some(a) => parse_account(&a).map_err(|e| anyhow!(e)),
			None => Ok(self.signer().context("name an account, or give a key")?.account().clone()),
		}
	}

	fn print(&self, value: serde_json::Value, text: impl FnOnce() -> String) {
		if self.json {
			say!("{value}");
		} else {
			say_raw!("{}", text());
		}
	}
}

async fn run(cli: Cli) -> Result<()> {
	let url = cli
		.url
		.or_else(|| std::env::var("CASCADE_URL").ok())
		.unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let chain = Chain::connect(&url).await?;
	let ctx = Ctx {
		chain,
		cli_suri: cli.suri.or_else(|| std::env::var("CASCADE_SURI").ok()),
		key_file: cli.key_file,
		password: cli.password.or_else(|| std::env::var("CASCADE_KEY_PASSWORD").ok()),
		json: cli.json,
	};
	match cli.command {
		Command::Issue { to, amount, maturity, line, invoice, doc, doc_hash, finalized } => {
			let (doc, base) = match doc {
				Some(path) => (
					Some(path.to_string_lossy().into_owned()),
					std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
				),
				None => (None, PathBuf::from(".")),
			};
			let row =
				Row { line: 0, to, amount, maturity, credit_line: line, invoice, doc, doc_hash };
			issue_one(&ctx, row, &base, finalized).await
		}
		Command::IssueBatch { file, report, check, window, finalized } => {
			issue_batch(&ctx, &file, report, check, Options { finalized, window }).await
		}
		Command::Notes { account } => notes(&ctx, account).await,
		Command::Tree { receivable, svg } => show_tree(&ctx, receivable, svg).await,
		Command::Exposure { core } => exposure(&ctx, core).await,
		Command::Repay { receivable, amount, finalized } => {
			repay(&ctx, receivable, amount.as_deref(), finalized).await
		}
		Command::Accept { note, finalized } => {
			let call = RuntimeCall::Receivables(pallet_receivables::Call::accept { note });
			let inclusion = send_one(&ctx, call, finalized).await?;
			ctx.print(block_json(&inclusion, json!({ "note": note })), || {
				format!("Accepted note {note} in block #{}.\n", inclusion.block.number)
			});
			Ok(())
		}
		Command::Transfer { note, to, finalized } => {
			let to = parse_account(&to).map_err(|e| anyhow!(e))?;
			let call = RuntimeCall::Receivables(pallet_receivables::Call::transfer {
				note,
				to: to.clone(),
			});
			let inclusion = send_one(&ctx, call, finalized).await?;
			let to_name = ctx.chain.display_name(&to).await;
			ctx.print(
				block_json(&inclusion, json!({ "note": note, "to": to.to_ss58check() })),
				|| {
					format!(
					"Offered note {note} to {to_name}; it is theirs once they accept (block #{}).\n",
					inclusion.block.number
				)
				},
			);
			Ok(())
		}
		Command::SplitTransfer { note, amount, to, finalized } => {
			split_transfer(&ctx, note, &amount, &to, finalized).await
		}
	}
}

fn block_json(inclusion: &Inclusion, mut fields: serde_json::Value) -> serde_json::Value {
	if let Some(map) = fields.as_object_mut() {
		map.insert("ok".into(), json!(true));
		map.insert("blockNumber".into(), json!(inclusion.block.number));
		map.insert("blockHash".into(), json!(format!("{:?}", inclusion.block.hash)));
	}
	fields
}

/// Sends one call and waits for it; a failed dispatch becomes an error in words.
async fn send_one(ctx: &Ctx, call: RuntimeCall, finalized: bool) -> Result<Inclusion> {
	let signer = ctx.signer()?;
	let run = submit::submit_all(
		&ctx.chain,
		&signer,
		vec![call],
		Options { finalized, window: 1 },
		|_, _| {},
	)
	.await?;
	if let Some(why) = run.stopped {
		bail!(why);
	}
	let inclusion = run
		.included
		.into_iter()
		.next()
		.flatten()
		.ok_or_else(|| anyhow!("the transaction was not seen in a block"))?;
	if let Err(e) = &inclusion.result {
		bail!("{} (block #{})", explain::describe(&error_name(e)), inclusion.block.number);
	}
	Ok(inclusion)
}

fn report_errors(ctx: &Ctx, errors: &[issue::LineError], what: &str) -> anyhow::Error {
	if ctx.json {
		say!("{}", json!({ "ok": false, "sent": 0, "errors": errors }));
	} else {
		for e in errors {
			eprintln!("error: {e}");
		}
		eprintln!("{what}");
	}
	Reported(2).into()
}

async fn issue_one(ctx: &Ctx, row: Row, base: &Path, finalized: bool) -> Result<()> {
	let signer = ctx.signer()?;
	let steps = match issue::plan(&ctx.chain, signer.account(), &[row], base).await? {
		Ok(steps) => steps,
		Err(errors) => return Err(report_errors(ctx, &errors, "Nothing was sent.")),
	};
	let step = steps.into_iter().next().ok_or_else(|| anyhow!("nothing to issue"))?;
	let request = match step {
		Step::Skip { receivable, .. } => {
			ctx.print(
				json!({ "ok": true, "status": "already-issued", "receivable": receivable }),
				|| {
					format!(
						"This invoice was already issued as receivable {receivable} with the same \
					 terms; nothing was sent.\n"
					)
				},
			);
			return Ok(());
		}
		Step::Issue(request) => request,
	};
	let call = RuntimeCall::Receivables(pallet_receivables::Call::issue {
		supplier: request.to.clone(),
		asset: request.asset.id,
		face: request.face,
		maturity: request.maturity,
		credit_line: request.credit_line,
		doc_hash: request.doc_hash,
		invoice_ref: request.invoice.clone().try_into().map_err(|_| anyhow!("invoice too long"))?,
	});
	let inclusion = send_one(ctx, call, finalized).await?;
	let (receivable, root_note) = inclusion
		.issued()
		.ok_or_else(|| anyhow!("the block has no Issued event for the transaction"))?;
	let supplier = ctx.chain.display_name(&request.to).await;
	let amount =
		format!("{} {}", format_amount(request.face, request.asset.decimals), request.asset.symbol);
	ctx.print(
		block_json(
			&inclusion,
			json!({
				"status": "issued",
				"receivable": receivable,
				"rootNote": root_note,
				"to": request.to.to_ss58check(),
				"amount": amount,
				"face": request.face.to_string(),
				"maturity": request.maturity,
				"docHash": format!("{:?}", request.doc_hash),
			}),
		),
		|| {
			format!(
				"Issued receivable {receivable} (root note {root_note}): {amount} to {supplier}, \
				 due {}, in block #{} ({:?}).\nThe supplier accepts it with `cascade accept \
				 {root_note}`.\n",
				format_moment(request.maturity),
				inclusion.block.number,
				inclusion.block.hash
			)
		},
	);
	Ok(())
}

async fn issue_batch(
	ctx: &Ctx,
	file: &Path,
	report: Option<PathBuf>,
	check: bool,
	options: Options,
) -> Result<()> {
	let signer = ctx.signer()?;
	let rows = match issue::read_csv(file) {
		Ok(rows) => rows,
		Err(errors) => return Err(report_errors(ctx, &errors, "Nothing was sent.")),
	};
	let base = file.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
	let steps = match issue::plan(&ctx.chain, signer.account(), &rows, &base).await? {
		Ok(steps) => steps,
		Err(errors) => {
			let what = format!(
				"Nothing was sent: fix the {} problem(s) above and run again.",
				errors.len()
			);
			return Err(report_errors(ctx, &errors, &what));
		}
	};
	let to_issue = steps.iter().filter(|s| matches!(s, Step::Issue(_))).count();
	let skipped = steps.len() - to_issue;
	if check {
		ctx.print(
			json!({ "ok": true, "lines": steps.len(), "toIssue": to_issue, "alreadyIssued": skipped }),
			|| {
				format!(
				"{} lines checked: {to_issue} to issue, {skipped} already issued. Nothing was sent.\n",
				steps.len()
			)
			},
		);
		return Ok(());
	}
	let report = report.unwrap_or_else(|| {
		let mut name = file.as_os_str().to_owned();
		name.push(".report.csv");
		PathBuf::from(name)
	});
	if !ctx.json && skipped > 0 {
		eprintln!("{skipped} of {} invoices are already on chain; they are skipped.", steps.len());
	}
	let progress = if ctx.json {
		indicatif::ProgressBar::hidden()
	} else {
		let bar = indicatif::ProgressBar::new(to_issue as u64);
		if let Ok(style) = indicatif::ProgressStyle::with_template(
			"{bar:40.cyan/blue} {pos}/{len} issued  {per_sec}  eta {eta}",
		) {
			bar.set_style(style);
		}
		bar
	};
	let summary =
		issue::execute(&ctx.chain, &signer, steps, options, Some(&report), &progress).await?;
	progress.finish_and_clear();
	let ok = summary.failed == 0 && summary.not_sent == 0 && summary.stopped.is_none();
	if ctx.json {
		let mut value = serde_json::to_value(&summary)?;
		if let Some(map) = value.as_object_mut() {
			map.insert("ok".into(), json!(ok));
		}
		say!("{value}");
	} else {
		say!(
			"Issued {} receivable(s) in {:.1} s ({:.1}/s); {} already on chain; {} failed; {} \
			 not sent.\nReport: {}",
			summary.issued,
			summary.seconds,
			summary.rate,
			summary.already_issued,
			summary.failed,
			summary.not_sent,
			report.display()
		);
		for row in summary.rows.iter().filter(|r| r.status == "failed") {
			eprintln!(
				"line {} (invoice {}): {}",
				row.line,
				row.invoice,
				row.error.as_deref().unwrap_or("failed")
			);
		}
		if let Some(why) = &summary.stopped {
			eprintln!(
				"Stopped sending: {why}\nWhat was sent is in the report; run again to finish."
			);
		}
	}
	if ok {
		Ok(())
	} else {
		Err(Reported(1).into())
	}
}

/// The account a pending note is offered to, as SS58.
fn offered_to(n: &pallet_receivables_rpc::Note) -> Option<String> {
	match &n.state {
		pallet_receivables_rpc::NoteState::Pending { to } => Some(to.to_ss58check()),
		_ => None,
	}
}

/// Names for accounts: the enterprise's registered name with its short address.
async fn names_for(
	chain: &Chain,
	accounts: impl IntoIterator<Item = String>,
) -> HashMap<String, String> {
	let mut names = HashMap::new();
	for account in accounts {
		if names.contains_key(&account) {
			continue;
		}
		let shown = match AccountId::from_ss58check(&account) {
			Ok(id) => match chain.enterprise(&id).await {
				Ok(Some(e)) => {
					format!("{} ({})", String::from_utf8_lossy(&e.name), short_address(&id))
				}
				_ => short_address(&id),
			},
			Err(_) => account.clone(),
		};
		names.insert(account, shown);
	}
	names
}

async fn notes(ctx: &Ctx, account: Option<String>) -> Result<()> {
	let who = ctx.account_or_signer(account)?;
	let list = ctx.chain.rpc().notes_of(who.to_ss58check(), None::<H256>, None).await?.into_items();
	if ctx.json {
		say!("{}", json!({ "ok": true, "account": who.to_ss58check(), "notes": list }));
		return Ok(());
	}
	let names = names_for(
		&ctx.chain,
		list.iter().flat_map(|n| std::iter::once(n.holder.to_ss58check()).chain(offered_to(n))),
	)
	.await;
	let mut out = format!(
		"{} holds or is offered {} live note(s).\n",
		ctx.chain.display_name(&who).await,
		list.len()
	);
	let mut receivables: HashMap<u64, (String, u8, u64)> = HashMap::new();
	for n in &list {
		if let std::collections::hash_map::Entry::Vacant(v) = receivables.entry(n.receivable) {
			let r = ctx.chain.rpc().receivable(n.receivable, None::<H256>).await?;
			let asset = ctx.chain.asset(r.asset).await?;
			v.insert((asset.symbol, asset.decimals, r.maturity));
		}
		let (symbol, decimals, maturity) = &receivables[&n.receivable];
		let amount = format_amount(n.amount, *decimals);
		let me = who.to_ss58check();
		let name = |a: &String| names.get(a).cloned().unwrap_or_else(|| a.clone());
		let state = match offered_to(n) {
			Some(to) if to == me => format!("offered to you by {}", name(&n.holder.to_ss58check())),
			Some(to) => format!("offered to {}", name(&to)),
			None => n.state.name().to_string(),
		};
		out.push_str(&format!(
			"  note {:>6}  receivable {:>6}  {:>18} {symbol}  due {}  {state}\n",
			n.id,
			n.receivable,
			amount,
			format_moment(*maturity)
		));
	}
	say_raw!("{out}");
	Ok(())
}

async fn show_tree(ctx: &Ctx, receivable: u64, svg: Option<PathBuf>) -> Result<()> {
	let r = ctx.chain.rpc().receivable(receivable, None::<H256>).await?;
	let notes = ctx.chain.rpc().tree(receivable, None::<H256>, None).await?.into_items();
	let asset = ctx.chain.asset(r.asset).await?;
	let names = names_for(
		&ctx.chain,
		notes
			.iter()
			.flat_map(|n| std::iter::once(n.holder.to_ss58check()).chain(offered_to(n)))
			.chain(std::iter::once(r.issuer.to_ss58check())),
	)
	.await;
	let name = |a: &str| names.get(a).cloned().unwrap_or_else(|| a.to_string());
	let nodes: Vec<tree::Node> = notes
		.iter()
		.map(|n| tree::Node { note: n, holder: name(&n.holder.to_ss58check()) })
		.collect();
	let face = format_amount(r.face, asset.decimals);
	let title = format!(
		"Receivable {receivable}: {face} {} from {}, due {}, {}",
		asset.symbol,
		name(&r.issuer.to_ss58check()),
		format_moment(r.maturity),
		r.status.name()
	);
	if let Some(path) = &svg {
		let picture = tree::svg(&nodes, &title, &asset.symbol, asset.decimals, &name);
		std::fs::write(path, picture)
			.with_context(|| format!("cannot write {}", path.display()))?;
	}
	if ctx.json {
		say!(
			"{}",
			json!({
				"ok": true,
				"receivable": r,
				"notes": notes,
				"svg": svg.as_ref().map(|p| p.display().to_string()),
			})
		);
	} else {
		say_raw!("{title}\n{}", tree::text(&nodes, &asset.symbol, asset.decimals, &name));
		if let Some(path) = &svg {
			say!("Drawn to {}.", path.display());
		}
	}
	Ok(())
}

async fn exposure(ctx: &Ctx, core: Option<String>) -> Result<()> {
	let who = ctx.account_or_signer(core)?;
	let e = ctx.chain.rpc().exposure(who.to_ss58check(), None::<H256>).await?;
	if ctx.json {
		say!("{}", json!({ "ok": true, "exposure": e }));
		return Ok(());
	}
	let mut out = format!(
		"{} owes on {} outstanding receivable(s).\n",
		ctx.chain.display_name(&who).await,
		e.receivables
	);
	for o in &e.outstanding {
		let asset = ctx.chain.asset(o.asset).await?;
		let v = o.amount;
		out.push_str(&format!(
			"  outstanding  {} {}\n",
			format_amount(v, asset.decimals),
			asset.symbol
		));
	}
	for l in &e.credit_lines {
		let asset = ctx.chain.asset(l.asset).await?;
		let f = |v: &u128| format_amount(*v, asset.decimals);
		let financier = ctx.chain.display_name(&l.financier).await;
		out.push_str(&format!(
			"  credit line {}  from {financier}: limit {} {sym}, used {}, room {}, expires {}{}\n",
			l.id,
			f(&l.limit),
			f(&l.used),
			f(&l.available),
			format_moment(l.expires_at),
			if l.revoked { ", revoked" } else { "" },
			sym = asset.symbol
		));
	}
	say_raw!("{out}");
	Ok(())
}

/// `repay`: the whole outstanding amount, or part of it.
async fn repay(ctx: &Ctx, receivable: u64, amount: Option<&str>, finalized: bool) -> Result<()> {
	let r = ctx.chain.rpc().receivable(receivable, None::<H256>).await?;
	let asset = ctx.chain.asset(r.asset).await?;
	let call = match amount {
		Some(amount) => {
			let amount = parse_amount(amount, asset.decimals).map_err(|e| anyhow!(e))?;
			RuntimeCall::Receivables(pallet_receivables::Call::repay_part { receivable, amount })
		}
		None => RuntimeCall::Receivables(pallet_receivables::Call::repay { receivable }),
	};
	let inclusion = send_one(ctx, call, finalized).await?;
	let (paid, outstanding) = inclusion
		.events
		.iter()
		.find_map(|e| match e {
			RuntimeEvent::Receivables(pallet_receivables::Event::Repaid { amount, .. }) => {
				Some((*amount, 0))
			}
			RuntimeEvent::Receivables(pallet_receivables::Event::PartRepaid {
				amount,
				outstanding,
				..
			}) => Some((*amount, *outstanding)),
			_ => None,
		})
		.unwrap_or_default();
	let show = |v: u128| format!("{} {}", format_amount(v, asset.decimals), asset.symbol);
	ctx.print(
		block_json(
			&inclusion,
			json!({
				"receivable": receivable,
				"paid": paid.to_string(),
				"outstanding": outstanding.to_string(),
			}),
		),
		|| {
			let when = if chrono_now_ms() >= r.maturity {
				"the chain is paying its holders now"
			} else {
				"the chain pays its holders at maturity"
			};
			if outstanding == 0 {
				format!(
					"Paid {} into receivable {receivable}'s escrow in block #{}: it is repaid in \
					 full; {when}.\n",
					show(paid),
					inclusion.block.number
				)
			} else {
				format!(
					"Paid {} into receivable {receivable}'s escrow in block #{}; {} is still \
					 outstanding. What is paid is shared pro rata; {when}.\n",
					show(paid),
					inclusion.block.number,
					show(outstanding)
				)
			}
		},
	);
	Ok(())
}

/// The wall clock, in ms since the Unix epoch.
fn chrono_now_ms() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or_default()
}

async fn split_transfer(
	ctx: &Ctx,
	note: u64,
	amount: &str,
	to: &str,
	finalized: bool,
) -> Result<()> {
	let to = parse_account(to).map_err(|e| anyhow!(e))?;
	let info = ctx.chain.rpc().note(note, None::<H256>).await?;
	let r = ctx.chain.rpc().receivable(info.receivable, None::<H256>).await?;
	let asset = ctx.chain.asset(r.asset).await?;
	let value = parse_amount(amount, asset.decimals).map_err(|e| anyhow!(e))?;
	let call = RuntimeCall::Receivables(pallet_receivables::Call::split_transfer {
		note,
		amount: value,
		to: to.clone(),
	});
	let inclusion = send_one(ctx, call, finalized).await?;
	let (sent, kept) = inclusion
		.events
		.iter()
		.find_map(|e| match e {
			RuntimeEvent::Receivables(pallet_receivables::Event::SplitTransferred {
				sent,
				kept,
				..
			}) => Some((Some(*sent), Some(*kept))),
			RuntimeEvent::Receivables(pallet_receivables::Event::Transferred { note, .. }) => {
				Some((Some(*note), None))
			}
			_ => None,
		})
		.unwrap_or((None, None));
	let shown = format!("{} {}", format_amount(value, asset.decimals), asset.symbol);
	let to_name = ctx.chain.display_name(&to).await;
	ctx.print(
		block_json(
			&inclusion,
			json!({ "note": note, "sent": sent, "kept": kept, "amount": shown, "to": to.to_ss58check() }),
		),
		|| match (sent, kept) {
			(Some(s), Some(k)) => format!(
				"Offered {shown} of note {note} to {to_name} as note {s}; you keep note {k} (block #{}).\n",
				inclusion.block.number
			),
			_ => format!(
				"Offered all of note {note} ({shown}) to {to_name} (block #{}).\n",
				inclusion.block.number
			),
		},
	);
	Ok(())
}
