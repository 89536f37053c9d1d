//! `cascade split-transfer NOTE --amount A --to ACCOUNT`: offer part of a note; the holder keeps
//! the rest.

use anyhow::{anyhow, Result};
use serde_json::json;

use super::Context;
use crate::{
	chain::{parse_account, ss58},
	compat::Use,
	interface::cascade,
	output::block_json,
	units::{format_amount, parse_amount},
};

#[derive(clap::Args)]
pub struct Args {
	note: u64,
	/// The part to send, in the asset's unit.
	#[arg(long)]
	amount: String,
	/// The recipient: an SS58 account (or a dev key such as //Dave).
	#[arg(long)]
	to: String,
	/// Wait for finality, not just inclusion.
	#[arg(long)]
	finalized: bool,
}

pub const USES: &[Use] = &[
	Use::Call("Receivables", "split_transfer"),
	Use::Event("Receivables", "SplitTransferred", &["sent", "kept"]),
	Use::Event("Receivables", "Transferred", &["note"]),
	Use::Storage("Assets", "Metadata"),
	Use::Storage("Enterprises", "Enterprises"),
];

pub async fn run(ctx: &Context, Args { note, amount, to, finalized }: Args) -> Result<()> {
	let to = parse_account(&to).map_err(|e| anyhow!(e))?;
	let info = ctx.chain.note(note).await?;
	let r = ctx.chain.receivable(info.receivable).await?;
	let asset = ctx.chain.reader().await?.asset(*r.asset).await?;
	let value = parse_amount(&amount, asset.decimals).map_err(|e| anyhow!(e))?;
	let call = cascade::tx().receivables().split_transfer(note, to.clone(), value);
	let inclusion = ctx.send_one(call, finalized).await?;
	use cascade::receivables::events::{SplitTransferred, Transferred};
	let (sent, kept) = match inclusion.events.find::<SplitTransferred>() {
		Some(e) => (Some(e.sent), Some(e.kept)),
		None => (inclusion.events.find::<Transferred>().map(|e| e.note), None),
	};
	let shown = format!("{} {}", format_amount(value, asset.decimals), asset.symbol);
	let to_name = ctx.chain.display_name(&to).await;
	ctx.out.print(
		block_json(
			&inclusion,
			json!({ "note": note, "sent": sent, "kept": kept, "amount": shown, "to": ss58(&to) }),
		),
		|| match (sent, kept) {
			(Some(s), Some(k)) => format!(
				"Offered {shown} of note {note} to {to_name} as note {s}; you keep note {k} \
				 (block #{}).\n",
				inclusion.block.number
			),
			_ => format!(
				"Offered all of note {note} ({shown}) to {to_name} (block #{}).\n",
				inclusion.block.number
			),
		},
	);
	Ok(())
}
