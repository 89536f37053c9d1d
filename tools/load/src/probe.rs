//! Where the time goes while a phase runs: the node's own metrics (Prometheus text from
//! `--prometheus-port`: CPU time per task of the node, block building and import) and the CPU
//! time of each node process (`/proc/<pid>/stat`), sampled before and after the phase.

use std::{
	collections::BTreeMap,
	io::{Read, Write},
	net::TcpStream,
	time::Duration,
};

use serde::Serialize;

/// What is sampled: a node's metrics endpoint (`host:port`) and node processes.
pub struct Probe {
	pub metrics: Option<String>,
	pub pids: Vec<u32>,
}

/// One reading.
#[derive(Default)]
pub struct Sample {
	/// Seconds each of the node's tasks spent being polled (`substrate_tasks_polling_duration`).
	tasks: BTreeMap<String, f64>,
	/// Sum and count of the histograms below.
	histograms: BTreeMap<&'static str, (f64, f64)>,
	/// User + system CPU seconds of each process.
	cpu: Vec<f64>,
}

/// Histograms read: block building (the proposer) and block import.
const HISTOGRAMS: [&str; 2] =
	["substrate_proposer_block_constructed", "substrate_block_verification_and_import_time"];

/// The difference of two samples, as reported with a phase.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
	/// CPU seconds of each node process during the phase (the first is the node sent to).
	pub cpu_seconds: Vec<f64>,
	/// The node's busiest tasks during the phase: (task, seconds polled), most first.
	pub tasks: Vec<(String, f64)>,
	/// Blocks built and their mean building time (ms), by the node sent to.
	pub blocks_built: u64,
	pub build_ms_mean: f64,
	/// Blocks imported and their mean verification-and-import time (ms).
	pub blocks_imported: u64,
	pub import_ms_mean: f64,
}

impl Probe {
	pub async fn sample(&self) -> Sample {
		let mut sample = Sample {
			cpu: self.pids.iter().map(|p| cpu_seconds(*p)).collect(),
			..Default::default()
		};
		let Some(address) = &self.metrics else { return sample };
		let address = address.clone();
		let Ok(Ok(text)) = tokio::task::spawn_blocking(move || scrape(&address)).await else {
			return sample;
		};
		for line in text.lines().filter(|l| !l.starts_with('#')) {
			let Some((name_labels, value)) = line.rsplit_once(' ') else { continue };
			let Ok(value) = value.parse::<f64>() else { continue };
			let (name, labels) = name_labels.split_once('{').unwrap_or((name_labels, ""));
			if name == "substrate_tasks_polling_duration_sum" {
				if let Some(task) = label(labels, "task_name") {
					*sample.tasks.entry(task.to_string()).or_default() += value;
				}
			}
			for h in HISTOGRAMS {
				let entry = sample.histograms.entry(h).or_default();
				if name.strip_prefix(h) == Some("_sum") {
					entry.0 += value;
				} else if name.strip_prefix(h) == Some("_count") {
					entry.1 += value;
				}
			}
		}
		sample
	}
}

impl Sample {
	/// What happened between `self` (before) and `after`.
	pub fn until(&self, after: &Sample) -> Profile {
		// To the clock tick (10 ms): a short phase on a light node may use less than 50 ms, which
		// rounded to tenths read as none at all (the load test failed on it now and then).
		let cpu_seconds = after
			.cpu
			.iter()
			.zip(&self.cpu)
			.map(|(a, b)| ((a - b) * 100.0).round() / 100.0)
			.collect();
		let mut tasks: Vec<(String, f64)> = after
			.tasks
			.iter()
			.map(|(t, s)| (t.clone(), s - self.tasks.get(t).copied().unwrap_or(0.0)))
			.filter(|(_, s)| *s >= 0.05)
			.map(|(t, s)| (t, (s * 10.0).round() / 10.0))
			.collect();
		tasks.sort_by(|a, b| b.1.total_cmp(&a.1));
		tasks.truncate(8);
		let delta = |h: &str| {
			let (s0, c0) = self.histograms.get(h).copied().unwrap_or_default();
			let (s1, c1) = after.histograms.get(h).copied().unwrap_or_default();
			let count = (c1 - c0).max(0.0);
			let mean_ms = if count > 0.0 { (s1 - s0) / count * 1000.0 } else { 0.0 };
			(count as u64, (mean_ms * 10.0).round() / 10.0)
		};
		let (blocks_built, build_ms_mean) = delta(HISTOGRAMS[0]);
		let (blocks_imported, import_ms_mean) = delta(HISTOGRAMS[1]);
		Profile { cpu_seconds, tasks, blocks_built, build_ms_mean, blocks_imported, import_ms_mean }
	}
}

fn label<'a>(labels: &'a str, key: &str) -> Option<&'a str> {
	let start = labels.find(&format!("{key}=\""))? + key.len() + 2;
	let rest = &labels[start..];
	Some(&rest[..rest.find('"')?])
}

/// GET /metrics over plain HTTP/1.0 (at most 5 s).
fn scrape(address: &str) -> std::io::Result<String> {
	let mut stream = TcpStream::connect(address)?;
	stream.set_read_timeout(Some(Duration::from_secs(5)))?;
	stream.write_all(format!("GET /metrics HTTP/1.0\r\nHost: {address}\r\n\r\n").as_bytes())?;
	let mut body = String::new();
	stream.read_to_string(&mut body)?;
	Ok(body.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default())
}

/// User + system CPU seconds of a process (0 if it is gone).
fn cpu_seconds(pid: u32) -> f64 {
	let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return 0.0 };
	// Fields after the command name (which may hold spaces), counted from field 3.
	let Some((_, rest)) = stat.rsplit_once(')') else { return 0.0 };
	let fields: Vec<&str> = rest.split_whitespace().collect();
	let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
	// utime and stime are fields 14 and 15, i.e. 11 and 12 after the state (field 3).
	(ticks(11) + ticks(12)) / 100.0
}
