//! `cascade settle-claim FINANCING`: the debtor pays what it owes on a financing's claim, as much
//! as it can.

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::{
	compat::Use,
	interface::cascade::{self, financing::events::ClaimSettled},
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
	Use::Call("Financing", "settle_claim"),
	Use::Event("Financing", "ClaimSettled", &["paid", "remaining"]),
	Use::Storage("Financing", "Financings"),
	Use::Storage("Receivables", "Receivables"),
	Use::Storage("Assets", "Metadata"),
];

pub async fn run(ctx: &Context, Args { financing, finalized }: Args) -> Result<()> {
	let asset = ctx.chain.reader().await?.financing_asset(financing).await?;
	let call = cascade::tx().financing().settle_claim(financing);
	let inclusion = ctx.send_one(call, finalized).await?;
	let (paid, remaining) =
		inclusion.events.find::<ClaimSettled>().map(|e| (e.paid, e.remaining)).unwrap_or_default();
	let show = |v: u128| format!("{} {}", format_amount(v, asset.decimals), asset.symbol);
	ctx.out.print(
		block_json(
			&inclusion,
			json!({
				"financing": financing,
				"paid": paid.to_string(),
				"remaining": remaining.to_string(),
			}),
		),
		|| match remaining {
			0 => format!(
				"Paid {} on the claim of financing {financing} in block #{}: it is settled.\n",
				show(paid),
				inclusion.block.number
			),
			_ => format!(
				"Paid {} on the claim of financing {financing} in block #{}; {} is still owed.\n",
				show(paid),
				inclusion.block.number,
				show(remaining)
			),
		},
	);
	Ok(())
}
