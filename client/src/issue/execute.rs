//! Sending what the plan says, and recording each receivable as it lands.

use std::{
	path::{Path, PathBuf},
	time::Instant,
};

use anyhow::Result;
use serde::Serialize;

use super::{
	report::{earlier_report, Report},
	ReportRow, Request, Status, Step,
};
use crate::{
	chain::{Chain, Inclusion},
	interface::cascade,
	keys::Signer,
	submit::{self, Options},
};

/// What a batch did.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
	pub issued: usize,
	pub already_issued: usize,
	pub failed: usize,
	pub not_sent: usize,
	pub seconds: f64,
	/// Receivables issued per second by this run (issued / seconds).
	pub rate: f64,
	pub stopped: Option<String>,
	pub report: Option<PathBuf>,
	pub rows: Vec<ReportRow>,
}

/// A row for a line skipped because its invoice is on chain, with the block an earlier run's
/// report recorded for it.
fn skipped_row(
	request: &Request,
	receivable: u64,
	earlier: &std::collections::HashMap<String, ReportRow>,
) -> ReportRow {
	let mut row = ReportRow::new(request, Status::AlreadyIssued);
	row.receivable = Some(receivable);
	if let Some(old) = earlier.get(&row.invoice).filter(|o| o.receivable == row.receivable) {
		row.root_note = old.root_note;
		row.block_number = old.block_number;
		row.block_hash = old.block_hash.clone();
	}
	row
}

/// Issues the planned steps and reports each as it lands.
pub async fn execute(
	chain: &Chain,
	signer: &Signer,
	steps: Vec<Step>,
	options: Options,
	report_path: Option<&Path>,
	progress: &indicatif::ProgressBar,
) -> Result<Summary> {
	let earlier = report_path.map(earlier_report).unwrap_or_default();
	let mut report = report_path.map(Report::create).transpose()?;
	let mut rows: Vec<ReportRow> = Vec::with_capacity(steps.len());
	let mut to_send: Vec<&Request> = Vec::new();
	let mut row_of_send: Vec<usize> = Vec::new();
	for step in &steps {
		match step {
			Step::Skip { request, receivable } => {
				let row = skipped_row(request, *receivable, &earlier);
				if let Some(rep) = report.as_mut() {
					rep.add(&row)?;
				}
				rows.push(row);
			}
			Step::Issue(request) => {
				row_of_send.push(rows.len());
				to_send.push(request);
				rows.push(ReportRow::new(request, Status::NotSent));
			}
		}
	}
	progress.set_length(to_send.len() as u64);
	let calls: Vec<_> = to_send.iter().map(|r| r.call()).collect();
	let started = Instant::now();
	let mut landed: Vec<(usize, ReportRow, bool)> = Vec::new();
	let mut write_error = None;
	let run = submit::submit_all(chain, signer, &calls, options, |tag, inclusion| {
		let mut row = ReportRow::new(to_send[tag], Status::Issued);
		let duplicate = record_outcome(&mut row, inclusion);
		if let Some(rep) = report.as_mut() {
			if let Err(e) = rep.add(&row) {
				write_error.get_or_insert(e);
			}
		}
		progress.inc(1);
		landed.push((tag, row, duplicate));
	})
	.await;
	let seconds = started.elapsed().as_secs_f64();
	if let Some(e) = write_error {
		return Err(e);
	}
	let run = run?;
	let reader = chain.reader().await?;
	for (tag, mut row, duplicate) in landed {
		// A transaction of an earlier, stopped run may still have been in the pool and landed
		// first: this one then fails as a duplicate, and the receivable is the earlier one's.
		if duplicate {
			if let Some(id) = reader.invoice(&signer.account(), &to_send[tag].invoice).await? {
				row.status = Status::AlreadyIssued;
				row.receivable = Some(id);
				row.error = None;
			}
		}
		rows[row_of_send[tag]] = row;
	}
	rows.sort_by_key(|r| r.line);
	if let Some(rep) = report {
		rep.finish(&rows)?;
	}
	let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
	let issued = count(Status::Issued);
	Ok(Summary {
		issued,
		already_issued: count(Status::AlreadyIssued),
		failed: count(Status::Failed),
		not_sent: count(Status::NotSent),
		seconds,
		rate: if seconds > 0.0 { issued as f64 / seconds } else { 0.0 },
		stopped: run.stopped,
		report: report_path.map(Path::to_path_buf),
		rows,
	})
}

/// Fills in where and how the issue landed; true when it failed as a duplicate invoice.
fn record_outcome(row: &mut ReportRow, inclusion: &Inclusion) -> bool {
	type ReceivablesError = cascade::runtime_types::pallet_receivables::pallet::Error;
	row.block_number = Some(inclusion.block.number);
	row.block_hash = Some(format!("{:?}", inclusion.block.hash));
	match &inclusion.result {
		Ok(()) => {
			if let Some((receivable, root_note)) = inclusion.issued() {
				row.receivable = Some(receivable);
				row.root_note = Some(root_note);
			}
			false
		}
		Err(failure) => {
			row.status = Status::Failed;
			row.error = Some(failure.describe());
			failure.is(|e| {
				matches!(e, cascade::Error::Receivables(ReceivablesError::DuplicateInvoice))
			})
		}
	}
}
