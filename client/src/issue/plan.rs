//! Checking a batch before anything is sent, and deciding what to send.
//!
//! In order: the credit lines the file names (read once each: a line's asset says how to read
//! the amounts drawn on it); each line on its own ([`read_row`]); invoices already issued
//! ([`sort_issued`]: a re-run's lines are skipped, a clash with other terms refused); the chain's
//! answer for every other line ([`ask_chain`]); room on each credit line for the whole batch
//! ([`check_room`]).

use std::{
	collections::{BTreeMap, HashMap},
	path::Path,
};

use anyhow::Result;
use futures::{StreamExt, TryStreamExt};

use super::{file::parse_doc_hash, LineError, Request, Row, Step};
use crate::{
	chain::{parse_account, ss58, AccountId, AssetId, AssetInfo, Balance, Chain},
	errors::Failure,
	interface::cascade,
	ledger::{CreditLine, Reader, Terms},
	units::{format_amount, parse_amount, parse_moment},
};

type EnterprisesError = cascade::runtime_types::pallet_enterprises::pallet::Error;
type ReceivablesError = cascade::runtime_types::pallet_receivables::pallet::Error;

/// Questions to the node in flight at once.
const IN_FLIGHT: usize = 64;

/// The credit lines a file names, and their assets.
struct Lines {
	lines: BTreeMap<u64, Option<CreditLine>>,
	assets: HashMap<AssetId, AssetInfo>,
}

impl Lines {
	async fn read(reader: &Reader, rows: &[Row]) -> Result<Self> {
		let mut lines = BTreeMap::new();
		let mut assets = HashMap::new();
		for id in rows.iter().filter_map(|r| r.credit_line.parse::<u64>().ok()) {
			if lines.contains_key(&id) {
				continue;
			}
			let line = reader.credit_line(id).await?;
			if let Some(l) = &line {
				if !assets.contains_key(&l.asset) {
					assets.insert(l.asset, reader.asset(l.asset).await?);
				}
			}
			lines.insert(id, line);
		}
		Ok(Self { lines, assets })
	}

	fn get(&self, id: u64) -> Option<&CreditLine> {
		self.lines.get(&id).and_then(|l| l.as_ref())
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
	let reader = chain.reader().await?;
	let lines = Lines::read(&reader, rows).await?;
	let mut errors = Vec::new();

	let mut accounts: HashMap<String, Result<AccountId, String>> = HashMap::new();
	let mut seen: HashMap<Vec<u8>, u64> = HashMap::new();
	let mut requests = Vec::new();
	for row in rows {
		match read_row(row, base, &lines, &mut accounts, &mut seen) {
			Ok(request) => requests.push(request),
			Err(messages) => errors
				.extend(messages.into_iter().map(|message| LineError { line: row.line, message })),
		}
	}

	let (mut steps, to_ask) = sort_issued(&reader, issuer, requests, &mut errors).await?;
	let refusals = ask_chain(&reader, issuer, &to_ask).await?;
	if !to_ask.is_empty() && refusals.len() == to_ask.len() && refusals.values().all(is_not_core) {
		// The signer cannot issue at all: one message, not one a line.
		let advice = refusals.values().next().and_then(Failure::advice).unwrap_or_default();
		errors.push(LineError {
			line: 0,
			message: format!(
				"{} is {}",
				ss58(issuer),
				advice.trim_start_matches("the signing key is ")
			),
		});
		return Ok(Err(errors));
	}
	for request in to_ask {
		match refusals.get(&request.line) {
			// Room on a line is checked for the whole file below, with what is missing.
			Some(f) if is_line_exceeded(f) => steps.push(Step::Issue(request)),
			Some(f) => errors.push(LineError { line: request.line, message: f.describe() }),
			None => steps.push(Step::Issue(request)),
		}
	}
	errors.extend(check_room(&steps, &lines));

	if errors.is_empty() {
		Ok(Ok(steps))
	} else {
		errors.sort_by_key(|e| e.line);
		Ok(Err(errors))
	}
}

/// What one line says, in the chain's units, or everything wrong with it: the account, the
/// maturity, the document, the credit line and the amount in its asset, and an invoice that
/// appears on an earlier line of the file.
fn read_row(
	row: &Row,
	base: &Path,
	lines: &Lines,
	accounts: &mut HashMap<String, Result<AccountId, String>>,
	seen: &mut HashMap<Vec<u8>, u64>,
) -> Result<Request, Vec<String>> {
	let mut problems = Vec::new();
	let to = accounts
		.entry(row.to.clone())
		.or_insert_with(|| parse_account(&row.to))
		.clone()
		.map_err(|e| problems.push(e))
		.ok();
	let maturity = parse_moment(&row.maturity).map_err(|e| problems.push(e)).ok();
	let doc_hash = parse_doc_hash(row, base).map_err(|e| problems.push(e)).ok();
	let invoice = row.invoice.as_bytes().to_vec();
	if !invoice.is_empty() {
		if let Some(first) = seen.insert(invoice.clone(), row.line) {
			problems.push(format!("invoice `{}` also appears on line {first}", row.invoice));
		}
	}
	let credit_line = match row.credit_line.parse::<u64>() {
		Ok(id) => match lines.get(id) {
			Some(l) => Some((id, l)),
			None => {
				problems.push(format!("credit line {id} does not exist"));
				None
			}
		},
		Err(_) => {
			problems.push(format!("`{}` is not a credit line id", row.credit_line));
			None
		}
	};
	let asset = credit_line.and_then(|(_, l)| lines.assets.get(&l.asset).cloned());
	let face = asset
		.as_ref()
		.and_then(|a| parse_amount(&row.amount, a.decimals).map_err(|e| problems.push(e)).ok());
	match (to, maturity, doc_hash, credit_line, asset, face) {
		(Some(to), Some(maturity), Some(doc_hash), Some((id, _)), Some(asset), Some(face))
			if problems.is_empty() =>
		{
			Ok(Request {
				line: row.line,
				to,
				asset,
				face,
				maturity,
				credit_line: id,
				invoice,
				doc_hash,
			})
		}
		_ => Err(problems),
	}
}

/// Splits requests into steps already decided (invoices the issuer already issued with the same
/// terms: skipped) and requests to ask the chain about; an invoice issued with other terms is an
/// error.
async fn sort_issued(
	reader: &Reader,
	issuer: &AccountId,
	requests: Vec<Request>,
	errors: &mut Vec<LineError>,
) -> Result<(Vec<Step>, Vec<Request>)> {
	let on_chain: HashMap<Vec<u8>, u64> = futures::stream::iter(&requests)
		.filter(|r| futures::future::ready(!r.invoice.is_empty()))
		.map(|r| async move {
			reader.invoice(issuer, &r.invoice).await.map(|id| id.map(|id| (r.invoice.clone(), id)))
		})
		.buffer_unordered(IN_FLIGHT)
		.try_filter_map(|found| async move { Ok(found) })
		.try_collect()
		.await?;
	let terms: HashMap<u64, Terms> = futures::stream::iter(on_chain.values().copied())
		.map(|id| async move { reader.terms(id).await.map(|t| t.map(|t| (id, t))) })
		.buffer_unordered(IN_FLIGHT)
		.try_filter_map(|found| async move { Ok(found) })
		.try_collect()
		.await?;
	let mut steps = Vec::new();
	let mut to_ask = Vec::new();
	for request in requests {
		match on_chain.get(&request.invoice).copied() {
			None => to_ask.push(request),
			Some(receivable) => match terms.get(&receivable) {
				Some(t) if request.same_terms(t) => steps.push(Step::Skip { request, receivable }),
				_ => errors.push(LineError {
					line: request.line,
					message: format!(
						"invoice `{}` was already issued as receivable {receivable} with other \
						 terms (amount, maturity, line or document); fix the line or use a new \
						 invoice reference",
						request.invoice_text()
					),
				}),
			},
		}
	}
	Ok((steps, to_ask))
}

/// The chain's refusals of `requests` by `issuer` (`ReceivablesApi::can_issue`), by line.
async fn ask_chain(
	reader: &Reader,
	issuer: &AccountId,
	requests: &[Request],
) -> Result<HashMap<u64, Failure>> {
	futures::stream::iter(requests)
		.map(|r| async move {
			let answer = reader
				.can_issue(issuer, &r.to, r.asset.id, r.face, r.maturity, r.credit_line, &r.invoice)
				.await?;
			Ok::<_, anyhow::Error>(answer.map(|e| (r.line, e)))
		})
		.buffer_unordered(IN_FLIGHT)
		.try_filter_map(|found| async move { Ok(found) })
		.try_collect()
		.await
}

fn is_not_core(f: &Failure) -> bool {
	f.is(|e| matches!(e, cascade::Error::Receivables(ReceivablesError::NotCore)))
}

fn is_line_exceeded(f: &Failure) -> bool {
	f.is(|e| matches!(e, cascade::Error::Enterprises(EnterprisesError::CreditLineExceeded)))
}

/// Room on each credit line for what is still to issue: one error a line that lacks it, with
/// how much is missing.
fn check_room(steps: &[Step], lines: &Lines) -> Vec<LineError> {
	let mut needs: BTreeMap<u64, (Balance, Vec<u64>)> = BTreeMap::new();
	for step in steps {
		if let Step::Issue(r) = step {
			let e = needs.entry(r.credit_line).or_default();
			e.0 = e.0.saturating_add(r.face);
			e.1.push(r.line);
		}
	}
	let mut errors = Vec::new();
	for (id, (need, on)) in needs {
		let Some(line) = lines.get(id) else { continue };
		let room = line.limit.saturating_sub(line.used);
		if need <= room {
			continue;
		}
		let Some(asset) = lines.assets.get(&line.asset) else { continue };
		let fmt = |v| format!("{} {}", format_amount(v, asset.decimals), asset.symbol);
		errors.push(LineError {
			line: 0,
			message: format!(
				"credit line {id} has {} of room left (limit {}, used {}); the {} receivable(s) to \
				 issue on it ({}) need {} — {} more than it has. Ask the financier to raise the \
				 limit, or issue fewer.",
				fmt(room),
				fmt(line.limit),
				fmt(line.used),
				on.len(),
				line_list(&on),
				fmt(need),
				fmt(need - room)
			),
		});
	}
	errors
}

fn line_list(lines: &[u64]) -> String {
	let named: Vec<String> = lines.iter().filter(|l| **l > 0).map(|l| l.to_string()).collect();
	match named.len() {
		0 => "the command line".into(),
		1..=8 => format!("line {}", named.join(", ")),
		n => format!("lines {}, {}, … {} ({n} lines)", named[0], named[1], named[n - 1]),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn long_line_lists_are_shortened() {
		assert_eq!(line_list(&[2, 3]), "line 2, 3");
		assert_eq!(line_list(&(2..=20).collect::<Vec<_>>()), "lines 2, 3, … 20 (19 lines)");
		assert_eq!(line_list(&[0]), "the command line");
	}
}
