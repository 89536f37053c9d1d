//! `cascade-load` against its own dev node (`cascade-node --dev --dev-block-time 300`, from
//! `$CASCADE_NODE` or next to the binary): every call measured against transfer_keep_alive.

#[path = "../../../client/tests/common/node.rs"]
mod node;

use std::{
	path::{Path, PathBuf},
	process::Command,
	time::{Duration, Instant},
};

/// A dev node whose demo credit line is anchored (block 1 is past).
fn ready_node() -> node::Node {
	let binary = std::env::var_os("CASCADE_NODE").map(PathBuf::from).unwrap_or_else(|| {
		Path::new(env!("CARGO_BIN_EXE_cascade-load")).with_file_name("cascade-node")
	});
	let node = node::Node::spawn(&binary);
	let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
	runtime.block_on(async {
		let started = Instant::now();
		loop {
			if let Ok(chain) = cascade_client::chain::Chain::connect(&node.url).await {
				if chain.head(false).await.map(|h| h.number >= 2).unwrap_or(false) {
					break;
				}
			}
			assert!(started.elapsed() < Duration::from_secs(60), "the node does not answer");
			tokio::time::sleep(Duration::from_millis(300)).await;
		}
	});
	node
}

#[test]
fn load_generator_measures_every_call_against_transfer_keep_alive() {
	let node = ready_node();
	let out = Command::new(env!("CARGO_BIN_EXE_cascade-load"))
		.args(["--url", &node.url, "--count", "40", "--redeem-after", "90", "--json"])
		.args(["--pids", &node.pid().to_string()])
		.output()
		.unwrap();
	assert!(out.status.success(), "cascade-load failed: {}", String::from_utf8_lossy(&out.stderr));
	let v: serde_json::Value =
		serde_json::from_slice(out.stdout.split(|b| *b == b'\n').rfind(|l| !l.is_empty()).unwrap())
			.unwrap();
	let phases = v["phases"].as_array().unwrap();
	let calls: Vec<&str> = phases.iter().map(|p| p["call"].as_str().unwrap()).collect();
	assert_eq!(
		calls,
		[
			"Balances::transfer_keep_alive",
			"Receivables::transfer",
			"Receivables::split_transfer",
			"Financing::finance",
			"Receivables::repay"
		]
	);
	// The chain paid the repaid receivables' notes by itself.
	assert!(v["clearingSeconds"].as_f64().is_some());
	for p in phases {
		assert_eq!(p["transactions"], 40);
		assert!(p["perSecond"].as_f64().unwrap() > 0.0);
		assert!(p["weightRefTime"].as_u64().unwrap() > 0);
		assert!(p["blocks"].as_u64().unwrap() >= 1);
		// Every transaction landed in some block, and the runtime's weight lets many in one.
		let most = p["maxPerBlock"].as_u64().unwrap();
		assert!(most >= 1 && most <= 40, "{p}");
		assert!(p["fitByWeight"].as_u64().unwrap() > 100, "{p}");
		assert!(p["submitPerSecond"].as_f64().unwrap() >= p["perSecond"].as_f64().unwrap(), "{p}");
	}
	// The node's CPU time was read around every phase.
	for p in phases {
		let cpu = p["profile"]["cpuSeconds"].as_array().unwrap();
		assert_eq!(cpu.len(), 1, "{p}");
		assert!(cpu[0].as_f64().unwrap() >= 0.0, "{p}");
	}
	assert!(
		phases.iter().any(|p| p["profile"]["cpuSeconds"][0].as_f64().unwrap() > 0.0),
		"the node used no CPU in any phase"
	);
	// The balance transfers came from several senders over several connections.
	assert!(phases[0]["senders"].as_u64().unwrap() > 1);
	assert!(phases[0]["connections"].as_u64().unwrap() > 1);
	assert_eq!(phases[0]["throughputRatio"].as_f64(), Some(1.0));
	assert_eq!(phases[0]["weightRatio"].as_f64(), Some(1.0));
	// Every Cascade call does more than a balance transfer; the runtime charges it so.
	for p in &phases[1..] {
		assert!(p["weightRatio"].as_f64().unwrap() > 1.0, "{p}");
	}
}
