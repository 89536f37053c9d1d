//! `cascade issue`: issue one receivable to a tier-1 supplier, checked as a batch line is.

use std::path::PathBuf;

use anyhow::{anyhow, Result};
use serde_json::json;

use super::Context;
use crate::{
	compat::Use,
	issue::{self, Row, Step},
	output::block_json,
	units::{format_amount, format_moment},
};

#[derive(clap::Args)]
pub struct Args {
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
}

/// What issuing uses, for `issue` and `issue-batch` alike.
pub const USES: &[Use] = &[
	Use::Call("Receivables", "issue"),
	Use::Event("Receivables", "Issued", &["receivable", "root_note"]),
	Use::Api("ReceivablesApi", "can_issue"),
	Use::Storage("Enterprises", "Enterprises"),
	Use::Storage("Enterprises", "CreditLines"),
	Use::Storage("Receivables", "Receivables"),
	Use::Storage("Receivables", "InvoiceRefs"),
	Use::Storage("Assets", "Metadata"),
];

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
	let Args { to, amount, maturity, line, invoice, doc, doc_hash, finalized } = args;
	// A document named on the command line is relative to where the command runs.
	let base = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
	let doc = doc.map(|path| path.to_string_lossy().into_owned());
	let row = Row { line: 0, to, amount, maturity, credit_line: line, invoice, doc, doc_hash };
	let signer = ctx.signer()?;
	let steps = match issue::plan(&ctx.chain, &signer.account(), &[row], &base).await? {
		Ok(steps) => steps,
		Err(errors) => return Err(ctx.out.line_errors(&errors, "Nothing was sent.")),
	};
	let request = match steps.into_iter().next().ok_or_else(|| anyhow!("nothing to issue"))? {
		Step::Skip { receivable, .. } => {
			ctx.out.print(
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
	let inclusion = ctx.send_one(request.call(), finalized).await?;
	let (receivable, root_note) = inclusion
		.issued()
		.ok_or_else(|| anyhow!("the block has no Issued event for the transaction"))?;
	let supplier = ctx.chain.display_name(&request.to).await;
	let amount =
		format!("{} {}", format_amount(request.face, request.asset.decimals), request.asset.symbol);
	ctx.out.print(
		block_json(
			&inclusion,
			json!({
				"status": "issued",
				"receivable": receivable,
				"rootNote": root_note,
				"to": request.to_ss58(),
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
