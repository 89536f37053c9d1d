//! `cascade transfer NOTE --to ACCOUNT`: offer a whole note to another enterprise.

use anyhow::{anyhow, Result};
use serde_json::json;

use super::Context;
use crate::{
	chain::{parse_account, ss58},
	compat::Use,
	interface::cascade,
	output::block_json,
};

#[derive(clap::Args)]
pub struct Args {
	note: u64,
	/// The recipient: an SS58 account (or a dev key such as //Dave).
	#[arg(long)]
	to: String,
	/// Wait for finality, not just inclusion.
	#[arg(long)]
	finalized: bool,
}

pub const USES: &[Use] =
	&[Use::Call("Receivables", "transfer"), Use::Storage("Enterprises", "Enterprises")];

pub async fn run(ctx: &Context, Args { note, to, finalized }: Args) -> Result<()> {
	let to = parse_account(&to).map_err(|e| anyhow!(e))?;
	let call = cascade::tx().receivables().transfer(note, to.clone());
	let inclusion = ctx.send_one(call, finalized).await?;
	let to_name = ctx.chain.display_name(&to).await;
	ctx.out.print(block_json(&inclusion, json!({ "note": note, "to": ss58(&to) })), || {
		format!(
			"Offered note {note} to {to_name}; it is theirs once they accept (block #{}).\n",
			inclusion.block.number
		)
	});
	Ok(())
}
