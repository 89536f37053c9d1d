//! `cascade call-loan FINANCING`: the lender calls in an overdue pledge loan; what the borrower
//! still owes becomes a claim on it.

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::{
	compat::Use,
	interface::cascade::{self, financing::events::LoanCalled},
	output::block_json,
	units::format_amount,
};

#[derive(clap::Args)]
pub struct Args {
	financing: u64,
	/// Wait for finality, not just inclusion.
	#[arg(long)]
	finalized: bool,
}

pub const USES: &[Use] = &[
	Use::Call("Financing", "call_loan"),
	Use::Event("Financing", "LoanCalled", &["owed"]),
	Use::Storage("Financing", "Financings"),
	Use::Storage("Receivables", "Receivables"),
	Use::Storage("Assets", "Metadata"),
];

pub async fn run(ctx: &Context, Args { financing, finalized }: Args) -> Result<()> {
	let asset = ctx.chain.reader().await?.financing_asset(financing).await?;
	let inclusion = ctx.send_one(cascade::tx().financing().call_loan(financing), finalized).await?;
	let owed = inclusion.events.find::<LoanCalled>().map(|e| e.owed).unwrap_or(0);
	let shown = format!("{} {}", format_amount(owed, asset.decimals), asset.symbol);
	ctx.out.print(
		block_json(&inclusion, json!({ "financing": financing, "owed": owed.to_string() })),
		|| {
			format!(
				"Called in loan {financing} in block #{}: the borrower owes {shown} as a claim \
				 (`cascade settle-claim {financing}` pays it).\n",
				inclusion.block.number
			)
		},
	);
	Ok(())
}
