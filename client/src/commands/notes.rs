//! `cascade notes [ACCOUNT]`: the live notes an account holds or is offered.

use std::collections::HashMap;

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::{
	chain::ss58,
	compat::Use,
	ledger::{account_of, Note, RpcAccountId},
	output::names_for,
	say_raw,
	units::{format_amount, format_moment},
};

#[derive(clap::Args)]
pub struct Args {
	/// The account [default: the signer].
	account: Option<String>,
}

pub const USES: &[Use] =
	&[Use::Storage("Enterprises", "Enterprises"), Use::Storage("Assets", "Metadata")];

/// The account a pending note is offered to.
pub fn offered_to(n: &Note) -> Option<&RpcAccountId> {
	match &n.state {
		cascade_runtime_api::NoteState::Pending { to } => Some(to),
		_ => None,
	}
}

pub async fn run(ctx: &Context, Args { account }: Args) -> Result<()> {
	let who = ctx.account_or_signer(account)?;
	let list = ctx.chain.notes_of(&who).await?;
	if ctx.out.json {
		crate::say!("{}", json!({ "ok": true, "account": ss58(&who), "notes": list }));
		return Ok(());
	}
	let accounts = list.iter().flat_map(|n| std::iter::once(&n.holder).chain(offered_to(n)));
	let names = names_for(&ctx.chain, accounts.map(account_of)).await?;
	let name = |a: &RpcAccountId| {
		let key = ss58(&account_of(a));
		names.get(&key).cloned().unwrap_or(key)
	};
	let mut out = format!(
		"{} holds or is offered {} live note(s).\n",
		ctx.chain.display_name(&who).await,
		list.len()
	);
	let reader = ctx.chain.reader().await?;
	let mut receivables: HashMap<u64, (String, u8, u64)> = HashMap::new();
	for n in &list {
		if !receivables.contains_key(&n.receivable) {
			let r = ctx.chain.receivable(n.receivable).await?;
			let asset = reader.asset(*r.asset).await?;
			receivables.insert(n.receivable, (asset.symbol, asset.decimals, r.maturity));
		}
		let (symbol, decimals, maturity) = &receivables[&n.receivable];
		let state = match offered_to(n) {
			Some(to) if account_of(to) == who => format!("offered to you by {}", name(&n.holder)),
			Some(to) => format!("offered to {}", name(to)),
			None => n.state.name().to_string(),
		};
		out.push_str(&format!(
			"  note {:>6}  receivable {:>6}  {:>18} {symbol}  due {}  {state}\n",
			n.id,
			n.receivable,
			format_amount(*n.amount, *decimals),
			format_moment(*maturity)
		));
	}
	say_raw!("{out}");
	Ok(())
}
