//! Issuing receivables: one from the command line or many from a CSV file.
//!
//! Everything is checked before anything is sent and every bad line is named: what is about the
//! file here (syntax, invoices repeated within it, room on each credit line for the whole batch),
//! the chain's rules by the chain itself (`ReceivablesApi::can_issue` runs `issue`'s own checks
//! for each line, so a rule the consortium changes reaches the clerk without a new client). Lines whose invoice reference the issuer
//! already issued are skipped, so a stopped batch is finished by running it again. The rest is
//! sent pipelined (see [`crate::submit`]) and written to a CSV report as it lands.

use std::{
	collections::{BTreeMap, HashMap},
	path::{Path, PathBuf},
	time::Instant,
};

use anyhow::{Context, Result};
use cascade_primitives::{LineId, NoteId, ReceivableId};
use cascade_runtime::{AccountId, AssetId, Balance, RuntimeCall};
use serde::{Deserialize, Serialize};
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::DispatchError;

use crate::{
	chain::{error_name, parse_account, AssetInfo, Chain, Inclusion},
	explain,
	keys::Signer,
	submit::{self, Options},
	units::{format_amount, format_moment, parse_amount, parse_moment},
};

/// One receivable to issue, as written (a CSV line or the command's flags).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Row {
	/// The CSV line number (0 for the command line).
	#[serde(skip)]
	pub line: u64,
	pub to: String,
	pub amount: String,
	pub maturity: String,
	#[serde(rename = "line")]
	pub credit_line: String,
	pub invoice: String,
	/// A document file whose blake2-256 hash is recorded (relative to the CSV file).
	#[serde(default)]
	pub doc: Option<String>,
	/// Or the hash itself, `0x` and 64 hex digits.
	#[serde(default)]
	pub doc_hash: Option<String>,
}

/// A bad input line and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineError {
	/// The CSV line number (0 for the command line, or a problem of the whole batch).
	pub line: u64,
	pub message: String,
}

impl std::fmt::Display for LineError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self.line {
			0 => write!(f, "{}", self.message),
			n => write!(f, "line {n}: {}", self.message),
		}
	}
}

/// A receivable to issue, in the chain's units.
#[derive(Clone, Debug)]
pub struct Request {
	pub line: u64,
	pub to: AccountId,
	pub asset: AssetInfo,
	pub face: Balance,
	pub maturity: u64,
	pub credit_line: LineId,
	pub invoice: Vec<u8>,
	pub doc_hash: H256,
}

impl Request {
	fn call(&self) -> RuntimeCall {
		RuntimeCall::Receivables(pallet_receivables::Call::issue {
			supplier: self.to.clone(),
			asset: self.asset.id,
			face: self.face,
			maturity: self.maturity,
			credit_line: self.credit_line,
			doc_hash: self.doc_hash,
			invoice_ref: self.invoice.clone().try_into().unwrap_or_default(),
		})
	}

	/// Whether `issued` (the receivable already issued for this invoice) has these terms.
	fn same_terms(&self, issued: &crate::ledger::Receivable) -> bool {
		issued.face == self.face
			&& issued.maturity == self.maturity
			&& issued.credit_line == self.credit_line
			&& issued.doc_hash == self.doc_hash
	}

	fn invoice_text(&self) -> String {
		String::from_utf8_lossy(&self.invoice).into_owned()
	}
}

/// What to do with a request.
#[derive(Clone, Debug)]
pub enum Step {
	/// Send it.
	Issue(Request),
	/// The issuer already issued this invoice as `receivable`: skip it.
	Skip { request: Request, receivable: ReceivableId },
}

impl Step {
	/// The request, sent or skipped.
	pub fn request(&self) -> &Request {
		match self {
			Step::Issue(r) | Step::Skip { request: r, .. } => r,
		}
	}
}

/// Reads a batch file. Errors name their lines; nothing is half-read.
pub fn read_csv(path: &Path) -> Result<Vec<Row>, Vec<LineError>> {
	let whole = |message: String| vec![LineError { line: 0, message }];
	let bytes =
		std::fs::read(path).map_err(|e| whole(format!("cannot read {}: {e}", path.display())))?;
	// The csv crate's line counter skips blank lines, and a record's position may point at the
	// blank lines before it: count the newlines before its first character instead.
	let newlines: Vec<u64> =
		bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i as u64).collect();
	let line_at = |p: Option<&csv::Position>| {
		p.map(|p| {
			let mut at = p.byte() as usize;
			while matches!(bytes.get(at), Some(b'\n' | b'\r')) {
				at += 1;
			}
			newlines.partition_point(|n| *n < at as u64) as u64 + 1
		})
		.unwrap_or(0)
	};
	let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(&bytes[..]);
	let headers = reader.headers().map_err(|e| whole(format!("{}: {e}", path.display())))?;
	let missing: Vec<&str> = ["to", "amount", "maturity", "line", "invoice"]
		.into_iter()
		.filter(|h| !headers.iter().any(|x| x == *h))
		.collect();
	if !missing.is_empty() {
		return Err(whole(format!(
			"{}: the header line lacks the column(s) {} (expected: to,amount,maturity,line,invoice[,doc|doc_hash])",
			path.display(),
			missing.join(", ")
		)));
	}
	let headers = headers.clone();
	let mut rows = Vec::new();
	let mut errors = Vec::new();
	let mut record = csv::StringRecord::new();
	loop {
		match reader.read_record(&mut record) {
			Ok(false) => break,
			Ok(true) => {
				let line = line_at(record.position());
				match record.deserialize::<Row>(Some(&headers)) {
					Ok(row) => rows.push(Row { line, ..row }),
					Err(e) => errors.push(LineError { line, message: e.to_string() }),
				}
			}
			Err(e) => {
				let line = line_at(e.position());
				errors.push(LineError { line, message: e.to_string() });
				if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
					break;
				}
			}
		}
	}
	if rows.is_empty() && errors.is_empty() {
		errors.push(LineError { line: 0, message: format!("{} has no lines", path.display()) });
	}
	if errors.is_empty() {
		Ok(rows)
	} else {
		Err(errors)
	}
}

fn parse_doc_hash(row: &Row, base: &Path) -> Result<H256, String> {
	let doc = row.doc.as_deref().filter(|d| !d.is_empty());
	let hash = row.doc_hash.as_deref().filter(|d| !d.is_empty());
	match (doc, hash) {
		(Some(_), Some(_)) => Err("give a document or its hash, not both".into()),
		(Some(doc), None) => {
			let path = base.join(doc);
			let bytes = std::fs::read(&path)
				.map_err(|e| format!("cannot read the document {}: {e}", path.display()))?;
			Ok(<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&bytes))
		}
		(None, Some(hash)) => {
			let bytes = hex::decode(hash.trim_start_matches("0x"))
				.map_err(|_| format!("`{hash}` is not a hex hash"))?;
			if bytes.len() != 32 {
				return Err(format!("`{hash}` is not 32 bytes (64 hex digits)"));
			}
			Ok(H256::from_slice(&bytes))
		}
		(None, None) => Ok(H256::zero()),
	}
}

/// Checks `rows` against the chain as `issuer` and decides what to send. Every problem is
/// returned, each naming its line; with any problem, nothing may be sent.
pub async fn plan(
	chain: &Chain,
	issuer: &AccountId,
	rows: &[Row],
	base: &Path,
) -> Result<Result<Vec<Step>, Vec<LineError>>> {
	let mut errors = Vec::new();
	let mut fail = |line: u64, message: String| errors.push(LineError { line, message });
	let mut steps = Vec::new();

	// Credit lines, each read once: a line's asset says how to read the amounts drawn on it.
	let mut lines = BTreeMap::new();
	let mut assets: HashMap<AssetId, AssetInfo> = HashMap::new();
	for row in rows {
		if let Ok(id) = row.credit_line.parse::<LineId>() {
			if let std::collections::btree_map::Entry::Vacant(v) = lines.entry(id) {
				let line = chain.credit_line(id).await?;
				if let Some(l) = &line {
					if let std::collections::hash_map::Entry::Vacant(a) = assets.entry(l.asset) {
						a.insert(chain.asset(l.asset).await?);
					}
				}
				v.insert(line);
			}
		}
	}
	let on_chain = issued_invoices(chain, issuer, rows).await?;
	let issued_terms = terms_of(chain, on_chain.values().copied()).await?;

	// What the file itself says: each line read, invoices not repeated within the file.
	let mut accounts: HashMap<&str, Result<AccountId, String>> = HashMap::new();
	let mut seen: HashMap<Vec<u8>, u64> = HashMap::new();
	let mut requests = Vec::new();
	for row in rows {
		let n = row.line;
		let mut row_ok = true;
		let mut bad = |message: String| {
			row_ok = false;
			fail(n, message)
		};
		let to = accounts
			.entry(row.to.as_str())
			.or_insert_with(|| parse_account(&row.to))
			.clone()
			.map_err(&mut bad)
			.ok();
		let maturity = parse_moment(&row.maturity).map_err(&mut bad).ok();
		let doc_hash = parse_doc_hash(row, base).map_err(&mut bad).ok();
		let invoice = row.invoice.as_bytes().to_vec();
		if !invoice.is_empty() {
			if let Some(first) = seen.insert(invoice.clone(), n) {
				bad(format!("invoice `{}` also appears on line {first}", row.invoice));
			}
		}
		let credit_line = match row.credit_line.parse::<LineId>() {
			Ok(id) => match lines.get(&id).cloned().flatten() {
				Some(l) => Some((id, l)),
				None => {
					bad(format!("credit line {id} does not exist"));
					None
				}
			},
			Err(_) => {
				bad(format!("`{}` is not a credit line id", row.credit_line));
				None
			}
		};
		let asset = credit_line.as_ref().and_then(|(_, l)| assets.get(&l.asset).cloned());
		let face = asset
			.as_ref()
			.and_then(|a| parse_amount(&row.amount, a.decimals).map_err(&mut bad).ok());
		if !row_ok {
			continue;
		}
		let (Some(to), Some(maturity), Some(doc_hash), Some((line_id, _)), Some(asset), Some(face)) =
			(to, maturity, doc_hash, credit_line, asset, face)
		else {
			continue;
		};
		requests.push(Request {
			line: n,
			to,
			asset,
			face,
			maturity,
			credit_line: line_id,
			invoice,
			doc_hash,
		});
	}

	// Lines already issued are skipped (a re-run) or, with other terms, refused; the chain
	// answers for every other line whether `issue` would take it, from its own rules.
	let mut to_ask = Vec::new();
	for request in requests {
		match on_chain.get(&request.invoice).copied() {
			None => to_ask.push(request),
			Some(receivable) => match issued_terms.get(&receivable) {
				Some(r) if request.same_terms(r) => steps.push(Step::Skip { request, receivable }),
				_ => fail(
					request.line,
					format!(
						"invoice `{}` was already issued as receivable {receivable} with other \
						 terms (amount, maturity, line or document); fix the line or use a new \
						 invoice reference",
						request.invoice_text()
					),
				),
			},
		}
	}
	let refusals = refusals(chain, issuer, &to_ask).await?;
	if !to_ask.is_empty()
		&& refusals.len() == to_ask.len()
		&& refusals.iter().all(|r| is_not_core(&r.1))
	{
		// The signer cannot issue at all: one message, not one a line.
		fail(
			0,
			format!(
				"{} is {}",
				issuer.to_ss58check(),
				explain::advice("Receivables.NotCore").trim_start_matches("the signing key is ")
			),
		);
		return Ok(Err(errors));
	}
	let refused: HashMap<u64, DispatchError> = refusals.into_iter().collect();
	for request in to_ask {
		match refused.get(&request.line) {
			// Room on a line is checked for the whole file below, with what is missing.
			Some(e) if error_name(e) == "Enterprises.CreditLineExceeded" => {
				steps.push(Step::Issue(request))
			}
			Some(e) => fail(request.line, explain::describe(&error_name(e))),
			None => steps.push(Step::Issue(request)),
		}
	}

	// Room on each credit line for what is still to issue.
	let mut needs: BTreeMap<LineId, (Balance, Vec<u64>)> = BTreeMap::new();
	for step in &steps {
		if let Step::Issue(r) = step {
			let e = needs.entry(r.credit_line).or_default();
			e.0 = e.0.saturating_add(r.face);
			e.1.push(r.line);
		}
	}
	for (id, (need, on)) in needs {
		let Some(Some(line)) = lines.get(&id) else { continue };
		let room = line.limit.saturating_sub(line.used);
		if need > room {
			let asset = &assets[&line.asset];
			let fmt = |v| format!("{} {}", format_amount(v, asset.decimals), asset.symbol);
			fail(
				0,
				format!(
					"credit line {id} has {} of room left (limit {}, used {}); the {} receivable(s) \
					 to issue on it ({}) need {} — {} more than it has. Ask the financier to raise \
					 the limit, or issue fewer.",
					fmt(room),
					fmt(line.limit),
					fmt(line.used),
					on.len(),
					line_list(&on),
					fmt(need),
					fmt(need - room)
				),
			);
		}
	}

	if errors.is_empty() {
		Ok(Ok(steps))
	} else {
		errors.sort_by_key(|e| e.line);
		Ok(Err(errors))
	}
}

/// The receivables `issuer` already issued for the invoices of `rows`, read 64 at a time.
async fn issued_invoices(
	chain: &Chain,
	issuer: &AccountId,
	rows: &[Row],
) -> Result<HashMap<Vec<u8>, ReceivableId>> {
	use futures::{StreamExt, TryStreamExt};
	let invoices: std::collections::BTreeSet<&[u8]> =
		rows.iter().map(|r| r.invoice.as_bytes()).filter(|i| !i.is_empty()).collect();
	futures::stream::iter(invoices)
		.map(|i| async move { chain.invoice(issuer, i).await.map(|r| r.map(|r| (i.to_vec(), r))) })
		.buffer_unordered(64)
		.try_filter_map(|found| async move { Ok(found) })
		.try_collect()
		.await
}

/// The terms of receivables `ids`, to tell a re-run line from a clash.
async fn terms_of(
	chain: &Chain,
	ids: impl Iterator<Item = ReceivableId>,
) -> Result<HashMap<ReceivableId, crate::ledger::Receivable>> {
	use futures::{StreamExt, TryStreamExt};
	futures::stream::iter(ids)
		.map(|id| async move { chain.receivable_record(id).await.map(|r| r.map(|r| (id, r))) })
		.buffer_unordered(64)
		.try_filter_map(|found| async move { Ok(found) })
		.try_collect()
		.await
}

/// The chain's refusals of `requests` by `issuer` (`ReceivablesApi::can_issue`), by line; 64
/// questions in flight.
async fn refusals(
	chain: &Chain,
	issuer: &AccountId,
	requests: &[Request],
) -> Result<Vec<(u64, DispatchError)>> {
	use futures::{StreamExt, TryStreamExt};
	futures::stream::iter(requests)
		.map(|r| async move {
			let answer = chain
				.can_issue(issuer, &r.to, r.asset.id, r.face, r.maturity, r.credit_line, &r.invoice)
				.await?;
			Ok::<_, anyhow::Error>(answer.map(|e| (r.line, e)))
		})
		.buffer_unordered(64)
		.try_filter_map(|found| async move { Ok(found) })
		.try_collect()
		.await
}

fn is_not_core(e: &DispatchError) -> bool {
	error_name(e) == "Receivables.NotCore"
}

fn line_list(lines: &[u64]) -> String {
	let named: Vec<String> = lines.iter().filter(|l| **l > 0).map(|l| l.to_string()).collect();
	match named.len() {
		0 => "the command line".into(),
		1..=8 => format!("line {}", named.join(", ")),
		n => format!("lines {}, {}, … {} ({n} lines)", named[0], named[1], named[n - 1]),
	}
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
	pub credit_line: LineId,
	/// `issued`, `already-issued` (found on chain), `failed` or `not-sent`.
	pub status: String,
	pub receivable: Option<ReceivableId>,
	pub root_note: Option<NoteId>,
	pub block_number: Option<u32>,
	pub block_hash: Option<String>,
	pub error: Option<String>,
}

impl ReportRow {
	fn new(r: &Request, status: &str) -> Self {
		Self {
			line: r.line,
			invoice: r.invoice_text(),
			to: r.to.to_ss58check(),
			amount: format_amount(r.face, r.asset.decimals),
			asset: r.asset.symbol.clone(),
			maturity: format_moment(r.maturity),
			credit_line: r.credit_line,
			status: status.into(),
			..Default::default()
		}
	}
}

/// The CSV report, written line by line as receivables land so a stopped run leaves a record,
/// and rewritten in input order at the end.
struct Report {
	path: PathBuf,
	writer: csv::Writer<std::fs::File>,
}

impl Report {
	fn create(path: &Path) -> Result<Self> {
		let writer = csv::Writer::from_path(path)
			.with_context(|| format!("cannot write the report {}", path.display()))?;
		Ok(Self { path: path.to_path_buf(), writer })
	}

	fn add(&mut self, row: &ReportRow) -> Result<()> {
		self.writer.serialize(row)?;
		Ok(self.writer.flush()?)
	}

	fn finish(self, rows: &[ReportRow]) -> Result<()> {
		drop(self.writer);
		let mut w = csv::Writer::from_path(&self.path)?;
		for row in rows {
			w.serialize(row)?;
		}
		Ok(w.flush()?)
	}
}

/// Block data of invoices an earlier run reported as issued.
fn earlier_report(path: &Path) -> HashMap<String, ReportRow> {
	let Ok(mut reader) = csv::Reader::from_path(path) else { return HashMap::new() };
	reader
		.deserialize::<ReportRow>()
		.filter_map(|r| r.ok())
		.filter(|r| r.block_hash.is_some())
		.map(|r| (r.invoice.clone(), r))
		.collect()
}

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
				let mut row = ReportRow::new(request, "already-issued");
				row.receivable = Some(*receivable);
				if let Some(old) =
					earlier.get(&row.invoice).filter(|o| o.receivable == row.receivable)
				{
					row.root_note = old.root_note;
					row.block_number = old.block_number;
					row.block_hash = old.block_hash.clone();
				}
				if let Some(rep) = report.as_mut() {
					rep.add(&row)?;
				}
				rows.push(row);
			}
			Step::Issue(request) => {
				row_of_send.push(rows.len());
				to_send.push(request);
				rows.push(ReportRow::new(request, "not-sent"));
			}
		}
	}
	progress.set_length(to_send.len() as u64);
	let calls = to_send.iter().map(|r| r.call()).collect();
	let started = Instant::now();
	let mut landed: Vec<(usize, ReportRow)> = Vec::new();
	let mut write_error = None;
	let run = submit::submit_all(chain, signer, calls, options, |tag, inclusion| {
		let mut row = ReportRow::new(to_send[tag], "issued");
		fill_outcome(&mut row, inclusion);
		if let Some(rep) = report.as_mut() {
			if let Err(e) = rep.add(&row) {
				write_error.get_or_insert(e);
			}
		}
		progress.inc(1);
		landed.push((tag, row));
	})
	.await;
	let seconds = started.elapsed().as_secs_f64();
	if let Some(e) = write_error {
		return Err(e);
	}
	let run = run?;
	for (tag, mut row) in landed {
		// A transaction of an earlier, stopped run may still have been in the pool and landed
		// first: this one then fails as a duplicate, and the receivable is the earlier one's.
		if row.error.as_deref().is_some_and(|e| e.starts_with("Receivables.DuplicateInvoice")) {
			if let Some(id) = chain.invoice(signer.account(), &to_send[tag].invoice).await? {
				row.status = "already-issued".into();
				row.receivable = Some(id);
				row.error = None;
			}
		}
		rows[row_of_send[tag]] = row;
	}
	let _ = run.included;
	rows.sort_by_key(|r| r.line);
	if let Some(rep) = report {
		rep.finish(&rows)?;
	}
	let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
	let issued = count("issued");
	Ok(Summary {
		issued,
		already_issued: count("already-issued"),
		failed: count("failed"),
		not_sent: count("not-sent"),
		seconds,
		rate: if seconds > 0.0 { issued as f64 / seconds } else { 0.0 },
		stopped: run.stopped,
		report: report_path.map(Path::to_path_buf),
		rows,
	})
}

fn fill_outcome(row: &mut ReportRow, inclusion: &Inclusion) {
	row.block_number = Some(inclusion.block.number);
	row.block_hash = Some(format!("{:?}", inclusion.block.hash));
	match &inclusion.result {
		Ok(()) => {
			if let Some((receivable, root_note)) = inclusion.issued() {
				row.receivable = Some(receivable);
				row.root_note = Some(root_note);
			}
		}
		Err(e) => {
			row.status = "failed".into();
			row.error = Some(explain::describe(&error_name(e)));
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn write(text: &str) -> tempfile::NamedTempFile {
		use std::io::Write;
		let mut f = tempfile::NamedTempFile::new().unwrap();
		f.write_all(text.as_bytes()).unwrap();
		f
	}

	#[test]
	fn csv_rows_keep_their_line_numbers() {
		let f = write(
			"to,amount,maturity,line,invoice\n//Charlie,10.00,2027-03-31,0,A-1\n\n//Dave,5,2027-04-30,0,A-2\n",
		);
		let rows = read_csv(f.path()).unwrap();
		assert_eq!(rows.len(), 2);
		assert_eq!((rows[0].line, rows[0].invoice.as_str()), (2, "A-1"));
		assert_eq!((rows[1].line, rows[1].to.as_str()), (4, "//Dave"));
		assert_eq!(rows[1].doc, None);
	}

	#[test]
	fn missing_columns_and_ragged_lines_are_named() {
		let f = write("to,amount,maturity,invoice\n//Charlie,1,2027-03-31,A\n");
		let errors = read_csv(f.path()).unwrap_err();
		assert!(errors[0].message.contains("line"), "{errors:?}");
		let f = write("to,amount,maturity,line,invoice\n//Charlie,1,2027-03-31,0,A\n//Dave,1\n");
		let errors = read_csv(f.path()).unwrap_err();
		assert_eq!(errors.len(), 1);
		assert_eq!(errors[0].line, 3);
	}

	#[test]
	fn documents_hash_with_blake2() {
		let dir = tempfile::tempdir().unwrap();
		std::fs::write(dir.path().join("inv.pdf"), b"invoice").unwrap();
		let row = Row { doc: Some("inv.pdf".into()), ..Default::default() };
		assert_eq!(
			parse_doc_hash(&row, dir.path()),
			Ok(<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(b"invoice"))
		);
		let hex = format!("0x{}", "ab".repeat(32));
		let row = Row { doc_hash: Some(hex), ..Default::default() };
		assert_eq!(parse_doc_hash(&row, dir.path()), Ok(H256([0xab; 32])));
		let row = Row { doc_hash: Some("0x1234".into()), ..Default::default() };
		assert!(parse_doc_hash(&row, dir.path()).unwrap_err().contains("32 bytes"));
		let row =
			Row { doc: Some("x".into()), doc_hash: Some("0x00".into()), ..Default::default() };
		assert!(parse_doc_hash(&row, dir.path()).unwrap_err().contains("not both"));
		assert_eq!(parse_doc_hash(&Row::default(), dir.path()), Ok(H256::zero()));
	}

	#[test]
	fn long_line_lists_are_shortened() {
		assert_eq!(line_list(&[2, 3]), "line 2, 3");
		assert_eq!(line_list(&(2..=20).collect::<Vec<_>>()), "lines 2, 3, … 20 (19 lines)");
		assert_eq!(line_list(&[0]), "the command line");
	}
}
