//! A `cascade-node --dev --dev-block-time 300` (or another block time) with its own database and
//! an RPC port it picks, stopped when dropped. Started through the tests' one node launcher,
//! `js/cascade-api/dist/testing/launch.js` (what the JavaScript tests call in process and the
//! shell scripts run; `./scripts/setup.sh` compiles it). Shared by the client's and the load
//! generator's integration tests.

use std::{
	io::{BufRead, BufReader, Read},
	path::{Path, PathBuf},
	process::{Child, ChildStdin, Command, Stdio},
	time::Duration,
};

pub struct Node {
	launcher: Child,
	/// The launcher stops the node and removes its database when this pipe closes (on drop, or
	/// when the test process dies).
	stdin: Option<ChildStdin>,
	pid: u32,
	pub url: String,
}

/// The launcher script, from the work tree this crate is in.
fn launcher() -> PathBuf {
	let root = Path::new(env!("CARGO_MANIFEST_DIR"))
		.ancestors()
		.find(|dir| dir.join("js/cascade-api/package.json").exists())
		.expect("the work tree's root (with js/cascade-api) above this crate");
	let script = root.join("js/cascade-api/dist/testing/launch.js");
	assert!(
		script.exists(),
		"{} not found: run ./scripts/setup.sh (it compiles @cascade/api)",
		script.display()
	);
	script
}

impl Node {
	/// The node's process id (the load generator reads its CPU time).
	#[allow(dead_code)]
	pub fn pid(&self) -> u32 {
		self.pid
	}

	/// Starts `binary` and waits until it serves RPC.
	pub fn spawn(binary: &Path) -> Self {
		Self::spawn_with(binary, 300, &[])
	}

	/// Starts `binary` sealing a block every `block_ms`, with `extra` options, and waits until it
	/// serves RPC.
	pub fn spawn_with(binary: &Path, block_ms: u32, extra: &[&str]) -> Self {
		assert!(
			binary.exists(),
			"{} not found: build it first (cargo build --release -p cascade-node)",
			binary.display()
		);
		let mut launcher = Command::new("node")
			.arg(launcher())
			.args(["--stdin", "--", "--dev", "--dev-block-time", &block_ms.to_string()])
			.args(extra)
			.env("CASCADE_NODE", binary)
			.stdin(Stdio::piped())
			.stdout(Stdio::piped())
			.stderr(Stdio::piped())
			.spawn()
			.expect("node (Node.js) runs the launcher: ./scripts/setup.sh installs it");
		let stdin = launcher.stdin.take();
		let stdout = launcher.stdout.take().expect("piped");
		let (tx, rx) = std::sync::mpsc::channel();
		// The launcher prints one line of JSON once the node answers, then nothing.
		std::thread::spawn(move || {
			let mut line = String::new();
			let _ = BufReader::new(stdout).read_line(&mut line);
			let _ = tx.send(line);
		});
		let line = rx.recv_timeout(Duration::from_secs(120)).unwrap_or_default();
		let ready: serde_json::Value = match serde_json::from_str(&line) {
			Ok(v) => v,
			Err(_) => {
				let _ = launcher.kill();
				let mut err = String::new();
				if let Some(mut e) = launcher.stderr.take() {
					let _ = e.read_to_string(&mut err);
				}
				panic!("the node did not start:\n{err}");
			}
		};
		let url = ready["url"].as_str().expect("the launcher's url").to_string();
		let pid = ready["pid"].as_u64().expect("the launcher's pid") as u32;
		Node { launcher, stdin, pid, url }
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		drop(self.stdin.take());
		let _ = self.launcher.wait();
	}
}
