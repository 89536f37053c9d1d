//! The harness of the client's integration tests: a dev node per test, the `cascade` binary, and
//! batch files.

#![allow(dead_code)]

mod node;
pub mod upgrade_vote;

pub use node::Node;

use std::{
	path::{Path, PathBuf},
	process::{Command, Output},
	sync::{Mutex, MutexGuard},
	time::{Duration, Instant, SystemTime},
};

use cascade_client::units::format_moment;
use serde_json::Value;

pub static SERIAL: Mutex<()> = Mutex::new(());

pub fn serial() -> MutexGuard<'static, ()> {
	SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

pub const CASCADE: &str = env!("CARGO_BIN_EXE_cascade");

/// A dev node with the demo world, ready (its credit line anchored), stopped when dropped.
pub struct DevNode {
	_node: Node,
	pub url: String,
}

impl DevNode {
	pub fn start() -> Self {
		Self::start_with(300, &[])
	}

	/// A dev node sealing a block every `block_ms`, with `extra` options.
	pub fn start_with(block_ms: u32, extra: &[&str]) -> Self {
		let binary = std::env::var_os("CASCADE_NODE")
			.map(PathBuf::from)
			.unwrap_or_else(|| Path::new(CASCADE).with_file_name("cascade-node"));
		let node = Node::spawn_with(&binary, block_ms, extra);
		let node = DevNode { url: node.url.clone(), _node: node };
		// Wait for the first blocks (the genesis credit line is anchored at block 1).
		let started = Instant::now();
		loop {
			let out = node.cascade(&["exposure", "//Bob"]);
			if out.status.success() {
				let v = json(&out);
				if v["exposure"]["creditLines"][0]["expiresAt"].as_u64().unwrap_or(0)
					> 1_000_000_000_000
				{
					break;
				}
			}
			assert!(started.elapsed() < Duration::from_secs(60), "the node does not answer");
			std::thread::sleep(Duration::from_millis(300));
		}
		node
	}

	pub fn command(&self, args: &[&str]) -> Command {
		let mut c = Command::new(CASCADE);
		c.args(["--url", &self.url, "--json"]).args(args);
		c.env_remove("CASCADE_SURI").env_remove("CASCADE_URL").env_remove("CASCADE_KEY_PASSWORD");
		c
	}

	pub fn cascade(&self, args: &[&str]) -> Output {
		self.command(args).output().unwrap()
	}

	/// Outstanding receivables of Bob, the demo core enterprise.
	pub fn outstanding(&self) -> u64 {
		let v = ok(&self.cascade(&["exposure", "//Bob"]));
		v["exposure"]["receivables"].as_u64().unwrap()
	}
}

/// A JSON-RPC call to the node over HTTP (the port serves both), its `result`.
pub fn rpc(url: &str, method: &str, params: Value) -> Value {
	use std::io::{Read, Write};
	let addr = url.trim_start_matches("ws://");
	let body = serde_json::json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params })
		.to_string();
	let mut stream = std::net::TcpStream::connect(addr).unwrap();
	write!(
		stream,
		"POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	)
	.unwrap();
	let mut answer = String::new();
	stream.read_to_string(&mut answer).unwrap();
	let json = answer.split("\r\n\r\n").nth(1).unwrap_or_default();
	let reply: Value = serde_json::from_str(json)
		.unwrap_or_else(|e| panic!("{method}: not a JSON-RPC reply ({e}): {answer}"));
	assert!(reply.get("error").is_none(), "{method}: {reply}");
	reply["result"].clone()
}

/// The first 3,000 characters: enough to read a failure, not a whole batch report.
pub fn head(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).chars().take(3000).collect()
}

pub fn json(out: &Output) -> Value {
	let text = String::from_utf8_lossy(&out.stdout);
	let last = text.lines().last().unwrap_or_default();
	serde_json::from_str(last).unwrap_or_else(|e| {
		panic!("not JSON ({e}): {}\nstderr: {}", head(&out.stdout), head(&out.stderr))
	})
}

pub fn ok(out: &Output) -> Value {
	assert!(out.status.success(), "cascade failed: {}\n{}", head(&out.stdout), head(&out.stderr));
	json(out)
}

/// A maturity `days` from today (the dev chain's clock runs a little ahead of the wall clock).
pub fn due_in(days: u64) -> String {
	let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_millis() as u64;
	format_moment((now / 86_400_000 + days) * 86_400_000)
}

/// A batch file of `n` receivables to the three demo suppliers, invoices `<prefix>-0000`….
pub fn batch(dir: &Path, name: &str, n: usize, prefix: &str) -> (PathBuf, Vec<String>) {
	let suppliers = ["//Charlie", "//Dave", "//Eve"];
	let mut lines = vec!["to,amount,maturity,line,invoice".to_string()];
	for i in 0..n {
		lines.push(format!(
			"{},{}.{:02},{},0,{prefix}-{i:04}",
			suppliers[i % 3],
			100 + i,
			i % 100,
			due_in(30 + (i % 60) as u64)
		));
	}
	let path = dir.join(name);
	std::fs::write(&path, lines.join("\n") + "\n").unwrap();
	(path, lines)
}

pub fn report_rows(path: &Path) -> Vec<csv::StringRecord> {
	let mut reader = csv::Reader::from_path(path).unwrap();
	reader.records().map(|r| r.unwrap()).collect()
}

/// `--suri <signer> issue --to <to> --amount <amount> --maturity <maturity> --line 0 --invoice
/// <invoice>`, then `extra`.
pub fn issue<'a>(
	signer: &'a str,
	to: &'a str,
	amount: &'a str,
	maturity: &'a str,
	invoice: &'a str,
	extra: &[&'a str],
) -> Vec<&'a str> {
	let mut args = vec!["--suri", signer, "issue", "--to", to, "--amount", amount];
	args.extend(["--maturity", maturity, "--line", "0", "--invoice", invoice]);
	args.extend(extra);
	args
}
