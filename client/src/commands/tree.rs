//! `cascade tree RECEIVABLE [--svg FILE]`: a receivable's lineage tree, as text and as a picture.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use serde_json::json;

use super::{notes::offered_to, Context};
use crate::{
	chain::ss58,
	compat::Use,
	ledger::account_of,
	output::names_for,
	say, say_raw,
	tree::{self, Node},
	units::{format_amount, format_moment},
};

#[derive(clap::Args)]
pub struct Args {
	receivable: u64,
	/// Also draw it as an SVG picture into this file.
	#[arg(long)]
	svg: Option<PathBuf>,
}

pub const USES: &[Use] =
	&[Use::Storage("Enterprises", "Enterprises"), Use::Storage("Assets", "Metadata")];

pub async fn run(ctx: &Context, Args { receivable, svg }: Args) -> Result<()> {
	let r = ctx.chain.receivable(receivable).await?;
	let notes = ctx.chain.tree(receivable).await?;
	let asset = ctx.chain.reader().await?.asset(*r.asset).await?;
	let accounts = notes
		.iter()
		.flat_map(|n| std::iter::once(&n.holder).chain(offered_to(n)))
		.chain(std::iter::once(&r.issuer));
	let names = names_for(&ctx.chain, accounts.map(account_of)).await?;
	let name = |a: &str| names.get(a).cloned().unwrap_or_else(|| a.to_string());
	let nodes: Vec<Node> = notes
		.iter()
		.map(|n| Node { note: n, holder: name(&ss58(&account_of(&n.holder))) })
		.collect();
	let title = format!(
		"Receivable {receivable}: {} {} from {}, due {}, {}",
		format_amount(*r.face, asset.decimals),
		asset.symbol,
		name(&ss58(&account_of(&r.issuer))),
		format_moment(r.maturity),
		r.status.name()
	);
	if let Some(path) = &svg {
		let picture = tree::svg(&nodes, &title, &asset.symbol, asset.decimals, &name);
		std::fs::write(path, picture)
			.with_context(|| format!("cannot write {}", path.display()))?;
	}
	if ctx.out.json {
		say!(
			"{}",
			json!({
				"ok": true,
				"receivable": r,
				"notes": notes,
				"svg": svg.as_ref().map(|p| p.display().to_string()),
			})
		);
	} else {
		say_raw!("{title}\n{}", tree::text(&nodes, &asset.symbol, asset.decimals, &name));
		if let Some(path) = &svg {
			say!("Drawn to {}.", path.display());
		}
	}
	Ok(())
}
