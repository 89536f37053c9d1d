//! The batch report: a CSV row per line, written as receivables land and rewritten in file order
//! at the end.

use std::{
	collections::HashMap,
	path::{Path, PathBuf},
};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::Request;
use crate::units::{format_amount, format_moment};

/// What became of a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
	/// Issued by this run.
	Issued,
	/// Found on chain: issued before (an earlier run), skipped.
	AlreadyIssued,
	/// Sent, and the chain refused it (the row's error says why).
	Failed,
	/// Not sent: the run stopped first.
	#[default]
	NotSent,
}

/// One line of the report.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ReportRow {
	pub line: u64,
	pub invoice: String,
	pub to: String,
	pub amount: String,
	pub asset: String,
	pub maturity: String,
	pub credit_line: u64,
	pub status: Status,
	pub receivable: Option<u64>,
	pub root_note: Option<u64>,
	pub block_number: Option<u32>,
	pub block_hash: Option<String>,
	pub error: Option<String>,
}

impl ReportRow {
	/// A row for `r` with `status` and no outcome yet.
	pub fn new(r: &Request, status: Status) -> Self {
		Self {
			line: r.line,
			invoice: r.invoice_text(),
			to: r.to_ss58(),
			amount: format_amount(r.face, r.asset.decimals),
			asset: r.asset.symbol.clone(),
			maturity: format_moment(r.maturity),
			credit_line: r.credit_line,
			status,
			..Default::default()
		}
	}
}

/// The CSV report, written line by line as receivables land so a stopped run leaves a record,
/// and rewritten in input order at the end.
pub struct Report {
	path: PathBuf,
	writer: csv::Writer<std::fs::File>,
}

impl Report {
	pub fn create(path: &Path) -> Result<Self> {
		let writer = csv::Writer::from_path(path)
			.with_context(|| format!("cannot write the report {}", path.display()))?;
		Ok(Self { path: path.to_path_buf(), writer })
	}

	pub fn add(&mut self, row: &ReportRow) -> Result<()> {
		self.writer.serialize(row)?;
		Ok(self.writer.flush()?)
	}

	pub fn finish(self, rows: &[ReportRow]) -> Result<()> {
		drop(self.writer);
		let mut w = csv::Writer::from_path(&self.path)?;
		for row in rows {
			w.serialize(row)?;
		}
		Ok(w.flush()?)
	}
}

/// Block data of invoices an earlier run reported as issued.
pub fn earlier_report(path: &Path) -> HashMap<String, ReportRow> {
	let Ok(mut reader) = csv::Reader::from_path(path) else { return HashMap::new() };
	reader
		.deserialize::<ReportRow>()
		.filter_map(|r| r.ok())
		.filter(|r| r.block_hash.is_some())
		.map(|r| (r.invoice.clone(), r))
		.collect()
}
