//! `cascade issue-batch FILE`: every receivable of a CSV file, checked whole before anything is
//! sent, pipelined, resumable, reported.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::{
	compat::Use,
	issue::{self, Status, Step},
	output::Reported,
	say,
	submit::Options,
};

#[derive(clap::Args)]
pub struct Args {
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
}

pub const USES: &[Use] = super::issue::USES;

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
	let Args { file, report, check, window, finalized } = args;
	let signer = ctx.signer()?;
	let rows = match issue::file::read_csv(&file) {
		Ok(rows) => rows,
		Err(errors) => return Err(ctx.out.line_errors(&errors, "Nothing was sent.")),
	};
	let base = file.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
	let steps = match issue::plan(&ctx.chain, &signer.account(), &rows, &base).await? {
		Ok(steps) => steps,
		Err(errors) => {
			let what = format!(
				"Nothing was sent: fix the {} problem(s) above and run again.",
				errors.len()
			);
			return Err(ctx.out.line_errors(&errors, &what));
		}
	};
	let to_issue = steps.iter().filter(|s| matches!(s, Step::Issue(_))).count();
	let skipped = steps.len() - to_issue;
	if check {
		ctx.out.print(
			json!({ "ok": true, "lines": steps.len(), "toIssue": to_issue, "alreadyIssued": skipped }),
			|| {
				format!(
					"{} lines checked: {to_issue} to issue, {skipped} already issued. Nothing was \
					 sent.\n",
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
	if !ctx.out.json && skipped > 0 {
		eprintln!("{skipped} of {} invoices are already on chain; they are skipped.", steps.len());
	}
	let progress = progress_bar(ctx.out.json, to_issue);
	let options = Options { finalized, window };
	let summary =
		issue::execute(&ctx.chain, &signer, steps, options, Some(&report), &progress).await?;
	progress.finish_and_clear();
	let ok = summary.failed == 0 && summary.not_sent == 0 && summary.stopped.is_none();
	if ctx.out.json {
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
		for row in summary.rows.iter().filter(|r| r.status == Status::Failed) {
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

fn progress_bar(hidden: bool, length: usize) -> indicatif::ProgressBar {
	if hidden {
		return indicatif::ProgressBar::hidden();
	}
	let bar = indicatif::ProgressBar::new(length as u64);
	if let Ok(style) = indicatif::ProgressStyle::with_template(
		"{bar:40.cyan/blue} {pos}/{len} issued  {per_sec}  eta {eta}",
	) {
		bar.set_style(style);
	}
	bar
}
