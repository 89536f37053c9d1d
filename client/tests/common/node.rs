//! A `cascade-node --dev --dev-block-time 300` (or another block time) on free ports with its own database, stopped when
//! dropped. Shared by the client's and the load generator's integration tests.

use std::{
	io::{BufRead, BufReader},
	path::Path,
	process::{Child, Command, Stdio},
	time::Duration,
};

pub struct Node {
	child: Child,
	pub url: String,
	_dir: tempfile::TempDir,
}

impl Node {
	/// The node's process id (the load generator reads its CPU time).
	#[allow(dead_code)]
	pub fn pid(&self) -> u32 {
		self.child.id()
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
		let dir = tempfile::tempdir().unwrap();
		let mut child = Command::new(binary)
			.args(["--dev", "--dev-block-time", &block_ms.to_string(), "--rpc-port", "0"])
			.arg("--no-prometheus")
			.args(["--no-telemetry", "--listen-addr", "/ip4/127.0.0.1/tcp/0", "--base-path"])
			.arg(dir.path())
			.args(extra)
			.stdout(Stdio::null())
			.stderr(Stdio::piped())
			.spawn()
			.unwrap();
		let stderr = child.stderr.take().unwrap();
		let (tx, rx) = std::sync::mpsc::channel();
		// Read the log until the RPC address shows, then keep draining it so the node never
		// blocks on a full pipe.
		std::thread::spawn(move || {
			let mut sent = false;
			for line in BufReader::new(stderr).lines().map_while(Result::ok) {
				if !sent {
					if let Some(rest) = line.split("Running JSON-RPC server: addr=").nth(1) {
						let addr = rest.split([',', ' ']).next().unwrap_or_default().to_string();
						let _ = tx.send(addr);
						sent = true;
					}
				}
			}
		});
		let addr = rx.recv_timeout(Duration::from_secs(60)).expect("the node did not start");
		Node { child, url: format!("ws://{addr}"), _dir: dir }
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}
