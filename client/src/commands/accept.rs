//! `cascade accept NOTE`: accept a note offered to the signer (签收).

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::{compat::Use, interface::cascade, output::block_json};

#[derive(clap::Args)]
pub struct Args {
	note: u64,
	/// Wait for finality, not just inclusion.
	#[arg(long)]
	finalized: bool,
}

pub const USES: &[Use] = &[Use::Call("Receivables", "accept")];

pub async fn run(ctx: &Context, Args { note, finalized }: Args) -> Result<()> {
	let call = cascade::tx().receivables().accept(note);
	let inclusion = ctx.send_one(call, finalized).await?;
	ctx.out.print(block_json(&inclusion, json!({ "note": note })), || {
		format!("Accepted note {note} in block #{}.\n", inclusion.block.number)
	});
	Ok(())
}
