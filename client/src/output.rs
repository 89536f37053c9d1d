//! Output for people and for machines, in one place: every command prints text, or one line of
//! JSON with `--json`; an error already explained exits with its own code.

use std::collections::HashMap;

use serde_json::json;

use crate::{
	chain::{ss58, AccountId, Chain, Inclusion},
	ledger::short_address,
};

/// Prints a line to stdout; a closed pipe (`cascade … | head`) is not an error worth a panic.
#[macro_export]
macro_rules! say {
	($($arg:tt)*) => {{
		use std::io::Write;
		let _ = writeln!(std::io::stdout(), $($arg)*);
	}};
}

/// Prints to stdout without a newline.
#[macro_export]
macro_rules! say_raw {
	($($arg:tt)*) => {{
		use std::io::Write;
		let _ = write!(std::io::stdout(), $($arg)*);
	}};
}

/// An error that was already explained to the user; exit with this code.
#[derive(Debug)]
pub struct Reported(pub u8);

impl std::fmt::Display for Reported {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "reported")
	}
}

impl std::error::Error for Reported {}

/// How a command prints.
#[derive(Clone, Copy, Debug)]
pub struct Output {
	pub json: bool,
}

impl Output {
	/// `value` as one line of JSON, or `text()` for people.
	pub fn print(&self, value: serde_json::Value, text: impl FnOnce() -> String) {
		if self.json {
			say!("{value}");
		} else {
			say_raw!("{}", text());
		}
	}

	/// Problems that stop a command before anything is sent (exit code 2).
	pub fn line_errors(&self, errors: &[crate::issue::LineError], what: &str) -> anyhow::Error {
		if self.json {
			say!("{}", json!({ "ok": false, "sent": 0, "errors": errors }));
		} else {
			for e in errors {
				eprintln!("error: {e}");
			}
			eprintln!("{what}");
		}
		Reported(2).into()
	}
}

/// `fields` with `ok`, the block number and the block hash of `inclusion`.
pub fn block_json(inclusion: &Inclusion, mut fields: serde_json::Value) -> serde_json::Value {
	if let Some(map) = fields.as_object_mut() {
		map.insert("ok".into(), json!(true));
		map.insert("blockNumber".into(), json!(inclusion.block.number));
		map.insert("blockHash".into(), json!(format!("{:?}", inclusion.block.hash)));
	}
	fields
}

/// Names for accounts, by SS58: the enterprise's registered name with its short address.
pub async fn names_for(
	chain: &Chain,
	accounts: impl IntoIterator<Item = AccountId>,
) -> anyhow::Result<HashMap<String, String>> {
	let reader = chain.reader().await?;
	let mut names = HashMap::new();
	for account in accounts {
		let key = ss58(&account);
		if names.contains_key(&key) {
			continue;
		}
		let shown = match reader.enterprise_name(&account).await {
			Ok(Some(name)) => format!("{name} ({})", short_address(&account)),
			_ => short_address(&account),
		};
		names.insert(key, shown);
	}
	Ok(names)
}
