//! `cascade statement [ACCOUNT] --from DATE --to DATE [--csv]`: an account's statement (对账单)
//! from the indexer's HTTP service (`cascade-indexer`, `--indexer`, default
//! http://127.0.0.1:9955): the opening position, every movement between, the closing position.
//! `--to` is exclusive; dates as `cascade issue` takes them (`2027-03-31` is midnight UTC,
//! `2027-03-31T00:00+08:00` midnight in China). With `--csv` the indexer's CSV as it is; with
//! `--json` its JSON; otherwise a table.

use anyhow::{anyhow, bail, Context as _, Result};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use serde_json::Value;

use super::Context;
use crate::{
	chain::ss58,
	compat::Use,
	say, say_raw,
	units::{format_amount, format_moment, parse_moment},
};

#[derive(clap::Args)]
pub struct Args {
	/// The account [default: the signer].
	account: Option<String>,
	/// From this time on (inclusive) [default: the beginning].
	#[arg(long, value_parser = parse_moment)]
	from: Option<u64>,
	/// Up to this time (exclusive) [default: now].
	#[arg(long, value_parser = parse_moment)]
	to: Option<u64>,
	/// Print the statement as CSV (one line a movement, with the opening and closing lines).
	#[arg(long)]
	csv: bool,
	/// The indexer's HTTP service.
	#[arg(long, default_value = "http://127.0.0.1:9955", env = "CASCADE_INDEXER")]
	indexer: String,
}

/// Nothing of the chain: the statement is the indexer's (the chain is asked for names only).
pub const USES: &[Use] = &[Use::Storage("Enterprises", "Enterprises")];

/// GETs `url` and returns the body, or the service's refusal in words.
async fn get(url: &str) -> Result<String> {
	let uri: hyper::Uri = url.parse().with_context(|| format!("`{url}` is not a URL"))?;
	if uri.scheme_str() != Some("http") {
		bail!("`{url}`: the indexer is reached over http://");
	}
	let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
	let response = client.get(uri).await.with_context(|| {
		format!("cannot reach the indexer at {url} (is cascade-indexer running? see --indexer)")
	})?;
	let status = response.status();
	let body = response.into_body().collect().await?.to_bytes();
	let text = String::from_utf8(body.to_vec())
		.map_err(|_| anyhow!("the indexer answered bytes that are not text"))?;
	if !status.is_success() {
		let why = serde_json::from_str::<Value>(&text)
			.ok()
			.and_then(|v| v["error"].as_str().map(str::to_string))
			.unwrap_or(text);
		bail!("the indexer refused ({status}): {why}");
	}
	Ok(text)
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
	let account = ctx.account_or_signer(args.account)?;
	let who = ss58(&account);
	let from = args.from.unwrap_or(0);
	let to = args.to.unwrap_or(i64::MAX as u64);
	if to <= from {
		bail!("--to ({}) must be after --from ({})", format_moment(to), format_moment(from));
	}
	let base = args.indexer.trim_end_matches('/');
	let format = if args.csv { "csv" } else { "json" };
	let body = get(&format!("{base}/statement/{who}?from={from}&to={to}&format={format}")).await?;
	if args.csv {
		say_raw!("{body}");
		return Ok(());
	}
	let s: Value = serde_json::from_str(&body).context("the indexer's statement is not JSON")?;
	if ctx.out.json {
		say!("{}", serde_json::json!({ "ok": true, "statement": s }));
		return Ok(());
	}
	// Amounts in the settlement asset's unit (the dev world's CNY, asset 1).
	let reader = ctx.chain.reader().await?;
	let decimals = reader.asset(1).await.map(|a| a.decimals).unwrap_or(0);
	let amount = |v: &Value| -> String {
		let text = v.as_str().unwrap_or("0");
		let negative = text.starts_with('-');
		let n: u128 = text.trim_start_matches('-').parse().unwrap_or(0);
		format!("{}{}", if negative { "-" } else { "" }, format_amount(n, decimals))
	};
	let mut out = format!("Statement of {} ({who})\n", reader.display_name(&account).await);
	out += &format!(
		"  opening  {:>20} in notes  {:>20} cash\n",
		amount(&s["opening"]["notes"]),
		amount(&s["opening"]["cash"])
	);
	for line in s["lines"].as_array().into_iter().flatten() {
		out += &format!(
			"  {}  #{:<6} {:<14} notes {:>18}  cash {:>18}\n",
			format_moment(line["time"].as_u64().unwrap_or(0)),
			line["block"],
			line["kind"].as_str().unwrap_or(""),
			amount(&line["notes"]),
			amount(&line["cash"])
		);
	}
	out += &format!(
		"  closing  {:>20} in notes  {:>20} cash\n",
		amount(&s["closing"]["notes"]),
		amount(&s["closing"]["cash"])
	);
	say_raw!("{out}");
	Ok(())
}
