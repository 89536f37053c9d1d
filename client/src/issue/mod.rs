//! Issuing receivables: one from the command line or many from a CSV file.
//!
//! Everything is checked before anything is sent and every bad line is named: what is about the
//! file here (syntax, invoices repeated within it, room on each credit line for the whole
//! batch), the chain's rules by the chain itself (`ReceivablesApi::can_issue` runs `issue`'s own
//! checks for each line, so a rule the consortium changes reaches the clerk without a new
//! client). Lines whose invoice reference the issuer already issued are skipped, so a stopped
//! batch is finished by running it again. The rest is sent pipelined (see [`crate::submit`]) and
//! written to a CSV report as it lands.
//!
//! - [`file`]: reading the batch file;
//! - [`plan`]: the checks, line by line and for the whole batch, and what to send;
//! - [`report`]: the report and its statuses;
//! - [`execute`]: sending what the plan says and recording what landed.

pub mod execute;
pub mod file;
pub mod plan;
pub mod report;

use serde::{Deserialize, Serialize};

use crate::{
	chain::{ss58, AccountId, AssetInfo, Balance, H256},
	interface::cascade::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	ledger::Terms,
};

pub use execute::{execute, Summary};
pub use plan::plan;
pub use report::{ReportRow, Status};

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
	pub credit_line: u64,
	pub invoice: Vec<u8>,
	pub doc_hash: H256,
}

/// The `Receivables::issue` call: the one place the client builds it.
pub type IssueCall = subxt::tx::StaticPayload<cascade::receivables::calls::Issue>;

impl Request {
	/// The `issue` call for this request.
	pub fn call(&self) -> IssueCall {
		cascade::tx().receivables().issue(
			self.to.clone(),
			self.asset.id,
			self.face,
			self.maturity,
			self.credit_line,
			self.doc_hash,
			BoundedVec(self.invoice.clone()),
		)
	}

	/// Whether the receivable already issued for this invoice has these terms.
	pub fn same_terms(&self, issued: &Terms) -> bool {
		*issued
			== Terms {
				face: self.face,
				maturity: self.maturity,
				credit_line: self.credit_line,
				doc_hash: self.doc_hash,
			}
	}

	/// The invoice reference as text.
	pub fn invoice_text(&self) -> String {
		String::from_utf8_lossy(&self.invoice).into_owned()
	}

	/// The supplier as SS58.
	pub fn to_ss58(&self) -> String {
		ss58(&self.to)
	}
}

/// What to do with a request.
#[derive(Clone, Debug)]
pub enum Step {
	/// Send it.
	Issue(Request),
	/// The issuer already issued this invoice as `receivable`: skip it.
	Skip { request: Request, receivable: u64 },
}

impl Step {
	/// The request, sent or skipped.
	pub fn request(&self) -> &Request {
		match self {
			Step::Issue(r) | Step::Skip { request: r, .. } => r,
		}
	}
}
