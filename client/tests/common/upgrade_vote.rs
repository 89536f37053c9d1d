//! A runtime upgrade voted in by the dev chain's council (Alice, its one member): the wasm of the
//! runtime one spec version up (`$CASCADE_UPGRADE_WASM`, which scripts/test.sh builds first, or
//! built now by scripts/build/upgrade-runtime.sh), authorized by a motion and applied by anyone.
//! Shared by the client's upgrade tests and the indexer's.

use std::{
	path::PathBuf,
	process::Stdio,
	time::{Duration, Instant},
};

use cascade_client::{
	chain::Chain,
	interface::cascade::{
		self,
		runtime_types::{
			cascade_runtime::RuntimeCall, frame_system::pallet::Call as SystemCall,
			pallet_council_root::pallet::Call as CouncilRootCall,
		},
	},
	keys::Signer,
	submit::{self, Options},
};
use subxt::tx::Payload;

/// The upgrade's wasm.
pub fn upgrade_wasm() -> Vec<u8> {
	let path = match std::env::var_os("CASCADE_UPGRADE_WASM") {
		Some(path) => PathBuf::from(path),
		None => {
			let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
				.join("../scripts/build/upgrade-runtime.sh");
			let out = std::process::Command::new(script)
				.stderr(Stdio::inherit())
				.output()
				.expect("scripts/build/upgrade-runtime.sh runs");
			assert!(out.status.success(), "scripts/build/upgrade-runtime.sh failed");
			PathBuf::from(String::from_utf8(out.stdout).expect("a path").trim())
		}
	};
	std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A motion of the dev council (Alice, its one member): `call` as Root, executed at once.
pub fn as_root(call: RuntimeCall) -> impl Payload {
	let motion =
		RuntimeCall::CouncilRoot(CouncilRootCall::dispatch_as_root { call: Box::new(call) });
	// The motion's encoded length is at most this (an authorization hash, or a short remark).
	const LENGTH_BOUND: u32 = 1_000;
	// Unvalidated: a motion carries a whole `RuntimeCall`, whose shape changes with every call
	// any pallet adds (as this upgrade does). Encoded by name against the node's metadata, it is
	// still right. (The client itself sends no call that carries another.)
	cascade::tx().council().propose(1, motion, LENGTH_BOUND).unvalidated()
}

/// Sends `calls` from `signer` and checks every one succeeded.
pub async fn send_all<C: Payload>(chain: &Chain, signer: &Signer, calls: &[C]) {
	let options = Options { finalized: false, window: 64 };
	let run = submit::submit_all(chain, signer, calls, options, |_, _| {}).await.expect("sent");
	assert!(run.stopped.is_none(), "{:?}", run.stopped);
	for inclusion in run.included {
		let inclusion = inclusion.expect("landed");
		assert!(inclusion.result.is_ok(), "{:?}", inclusion.result);
	}
}

/// The runtime's spec version at the best block.
pub async fn spec_version(chain: &Chain) -> u32 {
	chain.at_best().await.expect("the best block").spec_version()
}

/// The council authorizes `wasm`, Charlie applies it; returns once the best block runs it.
pub async fn upgrade_by_vote(chain: &Chain, wasm: &[u8]) {
	let before = spec_version(chain).await;
	let alice = Signer::from_suri("//Alice", None).expect("a dev key");
	let code_hash = sp_crypto_hashing::blake2_256(wasm).into();
	let authorize = as_root(RuntimeCall::System(SystemCall::authorize_upgrade { code_hash }));
	send_all(chain, &alice, &[authorize]).await;
	let apply = cascade::tx().system().apply_authorized_upgrade(wasm.to_vec());
	send_all(chain, &Signer::from_suri("//Charlie", None).expect("a dev key"), &[apply]).await;
	let started = Instant::now();
	while spec_version(chain).await == before {
		assert!(started.elapsed() < Duration::from_secs(30), "the upgrade did not take");
		tokio::time::sleep(Duration::from_millis(300)).await;
	}
}
