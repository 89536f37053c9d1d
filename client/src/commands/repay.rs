//! `cascade repay RECEIVABLE [--amount A]`: the issuer pays what is outstanding (or part of it)
//! into the receivable's escrow; the chain pays the holders from maturity on.

use anyhow::{anyhow, Result};
use serde_json::json;

use super::Context;
use crate::{
	compat::Use,
	interface::cascade::{self, receivables::events},
	output::block_json,
	units::{format_amount, parse_amount},
};

#[derive(clap::Args)]
pub struct Args {
	receivable: u64,
	/// Pay only this much, in the asset's unit (e.g. 2500.50).
	#[arg(long)]
	amount: Option<String>,
	/// Wait for finality, not just inclusion.
	#[arg(long)]
	finalized: bool,
}

pub const USES: &[Use] = &[
	Use::Call("Receivables", "repay"),
	Use::Call("Receivables", "repay_part"),
	Use::Event("Receivables", "Repaid", &["amount"]),
	Use::Event("Receivables", "PartRepaid", &["amount", "outstanding"]),
	Use::Storage("Assets", "Metadata"),
];

pub async fn run(ctx: &Context, Args { receivable, amount, finalized }: Args) -> Result<()> {
	let r = ctx.chain.receivable(receivable).await?;
	let asset = ctx.chain.reader().await?.asset(*r.asset).await?;
	let inclusion = match amount {
		Some(amount) => {
			let amount = parse_amount(&amount, asset.decimals).map_err(|e| anyhow!(e))?;
			let call = cascade::tx().receivables().repay_part(receivable, amount);
			ctx.send_one(call, finalized).await?
		}
		None => ctx.send_one(cascade::tx().receivables().repay(receivable), finalized).await?,
	};
	let (paid, outstanding) = match inclusion.events.find::<events::PartRepaid>() {
		Some(e) => (e.amount, e.outstanding),
		None => (inclusion.events.find::<events::Repaid>().map(|e| e.amount).unwrap_or(0), 0),
	};
	let show = |v: u128| format!("{} {}", format_amount(v, asset.decimals), asset.symbol);
	ctx.out.print(
		block_json(
			&inclusion,
			json!({
				"receivable": receivable,
				"paid": paid.to_string(),
				"outstanding": outstanding.to_string(),
			}),
		),
		|| {
			let when = if now_ms() >= r.maturity {
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
fn now_ms() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_millis() as u64)
		.unwrap_or_default()
}
