//! `cascade exposure [CORE]`: what a core enterprise owes, and its credit lines.

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::{
	compat::Use,
	ledger::account_of,
	say, say_raw,
	units::{format_amount, format_moment},
};

#[derive(clap::Args)]
pub struct Args {
	/// The core enterprise [default: the signer].
	core: Option<String>,
}

pub const USES: &[Use] =
	&[Use::Storage("Enterprises", "Enterprises"), Use::Storage("Assets", "Metadata")];

pub async fn run(ctx: &Context, Args { core }: Args) -> Result<()> {
	let who = ctx.account_or_signer(core)?;
	let e = ctx.chain.exposure(&who).await?;
	if ctx.out.json {
		say!("{}", json!({ "ok": true, "exposure": e }));
		return Ok(());
	}
	let reader = ctx.chain.reader().await?;
	let mut out = format!(
		"{} owes on {} outstanding receivable(s).\n",
		reader.display_name(&who).await,
		e.receivables
	);
	for o in &e.outstanding {
		let asset = reader.asset(*o.asset).await?;
		out.push_str(&format!(
			"  outstanding  {} {}\n",
			format_amount(*o.amount, asset.decimals),
			asset.symbol
		));
	}
	for l in &e.credit_lines {
		let asset = reader.asset(*l.asset).await?;
		let f = |v: &cascade_runtime_api::Decimal<u128>| format_amount(**v, asset.decimals);
		let financier = reader.display_name(&account_of(&l.financier)).await;
		out.push_str(&format!(
			"  credit line {}  from {financier}: limit {} {sym}, used {}, room {}, expires {}{}\n",
			l.id,
			f(&l.limit),
			f(&l.used),
			f(&l.available),
			format_moment(l.expires_at),
			if l.revoked { ", revoked" } else { "" },
			sym = asset.symbol
		));
	}
	say_raw!("{out}");
	Ok(())
}
