//! The client's interface is generated from `client/metadata/cascade.scale`, not from the
//! runtime (which it does not depend on): this test holds the committed file to what today's
//! runtime serves, so a pallet change that is not carried into the client cannot go unnoticed.

mod common;

use cascade_client::{chain::Chain, interface::cascade};
use common::*;

const COMMITTED: &[u8] = include_bytes!("../metadata/cascade.scale");

#[test]
fn the_committed_metadata_is_the_runtimes() {
	let _serial = serial();
	let node = DevNode::start();
	let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
	let served: Vec<u8> = rt.block_on(async {
		let chain = Chain::connect(&node.url).await.unwrap();
		let at = chain.at_best().await.unwrap();
		at.runtime_apis()
			.call(cascade::runtime_apis().metadata().metadata_at_version(16))
			.await
			.unwrap()
			.expect("the runtime serves metadata v16")
			.0
	});
	assert!(
		COMMITTED.starts_with(b"meta"),
		"client/metadata/cascade.scale is not runtime metadata"
	);
	assert!(
		served == COMMITTED,
		"client/metadata/cascade.scale ({} bytes) is not the metadata today's runtime serves \
		 ({} bytes): run ./scripts/build/metadata.sh and rebuild the client",
		COMMITTED.len(),
		served.len()
	);
}
