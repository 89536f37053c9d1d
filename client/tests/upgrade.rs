//! The same `cascade` binary across a runtime upgrade voted in by the dev chain's council, and
//! the client's compatibility check naming what a runtime changed.
//!
//! The upgrade is the runtime built with the `upgrade-test` feature (`scripts/build/upgrade-runtime.sh`,
//! `$CASCADE_UPGRADE_WASM`): spec_version + 1, a field added to `CouncilRoot.DispatchedAsRoot`
//! (an event of a pallet the client does not use) and a call added to Receivables (a pallet it
//! uses). A client that decoded every block's events as its own build's types could no longer
//! read any block holding the changed event.

mod common;

use std::{
	process::Stdio,
	time::{Duration, Instant},
};

use cascade_client::{
	chain::{BlockRef, Chain},
	compat::{self, Use},
	interface::cascade::{
		self,
		runtime_types::{cascade_runtime::RuntimeCall, frame_system::pallet::Call as SystemCall},
	},
	keys::Signer,
};
use common::{upgrade_vote::*, *};
use subxt::ext::{codec::Encode, frame_metadata};

fn tokio() -> tokio::runtime::Runtime {
	tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap()
}

#[test]
fn the_same_client_goes_on_issuing_tracking_and_explaining_after_an_upgrade_by_vote() {
	let _serial = serial();
	let node = DevNode::start();
	let dir = tempfile::tempdir().unwrap();
	let wasm = upgrade_wasm();
	let rt = tokio();
	let chain = rt.block_on(Chain::connect(&node.url)).unwrap();
	let alice = Signer::from_suri("//Alice", None).unwrap();
	let before = rt.block_on(spec_version(&chain));

	let (file, _) = batch(dir.path(), "before.csv", 20, "UPG-A");
	let v = ok(&node.cascade(&["--suri", "//Bob", "issue-batch", file.to_str().unwrap()]));
	assert_eq!(v["issued"], 20);

	// The council authorizes the new code; anyone applies it.
	rt.block_on(upgrade_by_vote(&chain, &wasm));
	assert_eq!(rt.block_on(spec_version(&chain)), before + 1);

	// A batch by the same binary while the council's motions emit the changed event: both are
	// in the pool at once, so they share blocks.
	let (file, _) = batch(dir.path(), "after.csv", 60, "UPG-B");
	let report = dir.path().join("after.report.csv");
	let child = node
		.command(&["--suri", "//Bob", "issue-batch", file.to_str().unwrap()])
		.arg("--report")
		.arg(&report)
		.stdout(Stdio::piped())
		.spawn()
		.unwrap();
	let started = Instant::now();
	while !report.exists() {
		assert!(started.elapsed() < Duration::from_secs(60), "the batch did not start");
		std::thread::sleep(Duration::from_millis(20));
	}
	let remarks: Vec<_> = (0..30u32)
		.map(|i| as_root(RuntimeCall::System(SystemCall::remark { remark: i.encode() })))
		.collect();
	rt.block_on(send_all(&chain, &alice, &remarks));
	let out = child.wait_with_output().unwrap();
	let v = ok(&out);
	assert_eq!((v["issued"].as_u64(), v["failed"].as_u64()), (Some(60), Some(0)), "{v}");

	// The client read blocks that hold the changed event (now with two fields).
	let blocks: std::collections::BTreeSet<u32> =
		report_rows(&report).iter().map(|r| r[10].parse().unwrap()).collect();
	let shared = rt.block_on(async {
		let mut shared = 0;
		for number in &blocks {
			let hash = chain.block_hash(*number).await.unwrap().unwrap();
			let at = chain.at(BlockRef { number: *number, hash }).await.unwrap();
			let events = at.events().fetch().await.unwrap();
			let changed = events
				.iter()
				.filter_map(|e| e.ok())
				.any(|e| e.pallet_name() == "CouncilRoot" && e.event_name() == "DispatchedAsRoot");
			shared += changed as usize;
		}
		let metadata = chain.at_best().await.unwrap().metadata();
		let variant = metadata
			.pallet_by_name("CouncilRoot")
			.and_then(|p| p.event_variants())
			.and_then(|v| v.iter().find(|v| v.name == "DispatchedAsRoot"))
			.cloned()
			.unwrap();
		assert_eq!(variant.fields.len(), 2, "the upgrade added a field");
		shared
	});
	assert!(shared > 0, "no block of the batch ({blocks:?}) held a DispatchedAsRoot event");

	// Errors are still named and explained, from the new runtime's metadata.
	let issued = ok(&node.cascade(&issue("//Bob", "//Charlie", "500", &due_in(60), "UPG-C", &[])));
	let root = issued["rootNote"].as_u64().unwrap().to_string();
	let out = node.cascade(&["--suri", "//Eve", "accept", &root]);
	assert_eq!(out.status.code(), Some(1));
	let error = json(&out)["error"].as_str().unwrap().to_string();
	assert!(
		error.contains("Receivables.NotRecipient: the note is offered to another account"),
		"{error}"
	);
	ok(&node.cascade(&["--suri", "//Charlie", "accept", &root]));

	// And the new call is there, for clients built for the new runtime.
	rt.block_on(async {
		let probe =
			subxt::dynamic::tx("Receivables", "upgrade_probe", Vec::<subxt::dynamic::Value>::new());
		let at = chain.at_best().await.unwrap();
		assert!(at.tx().validate(&probe).is_ok());
	});
}

/// The client's check of a runtime: nothing it uses differs on today's chain; in a runtime whose
/// `issue` call, `Issued` event and `can_issue` API changed, exactly those are named.
#[test]
fn the_compatibility_check_names_exactly_what_a_runtime_changed() {
	let _serial = serial();
	let node = DevNode::start();
	let rt = tokio();
	let chain = rt.block_on(Chain::connect(&node.url)).unwrap();
	let at = rt.block_on(chain.at_best()).unwrap();
	assert_eq!(
		compat::check(at.metadata_ref()),
		vec![],
		"today's runtime is what the client knows"
	);

	// The node's metadata (v16), changed as an upgrade might change it.
	let bytes: Vec<u8> = rt
		.block_on(
			at.runtime_apis().call(cascade::runtime_apis().metadata().metadata_at_version(16)),
		)
		.unwrap()
		.expect("the runtime serves metadata v16")
		.0;
	use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
	let mut prefixed: RuntimeMetadataPrefixed =
		subxt::ext::codec::Decode::decode(&mut &bytes[..]).unwrap();
	let RuntimeMetadata::V16(metadata) = &mut prefixed.1 else { panic!("not v16") };
	let receivables = metadata.pallets.iter().find(|p| p.name == "Receivables").unwrap();
	let (calls, events) =
		(receivables.calls.as_ref().unwrap().ty.id, receivables.event.as_ref().unwrap().ty.id);
	for ty in metadata.types.types.iter_mut() {
		let scale_info::TypeDef::Variant(def) = &mut ty.ty.type_def else { continue };
		for variant in def.variants.iter_mut() {
			if ty.id == events && variant.name == "Issued" {
				// A field renamed.
				for field in variant.fields.iter_mut() {
					if field.name.as_deref() == Some("root_note") {
						field.name = Some("root".into());
					}
				}
			}
			if ty.id == calls && variant.name == "issue" {
				// An argument dropped.
				variant.fields.pop();
			}
		}
	}
	for api in metadata.apis.iter_mut().filter(|a| a.name == "ReceivablesApi") {
		api.methods.retain(|m| m.name != "can_issue");
	}
	let changed = subxt::metadata::Metadata::try_from(prefixed).unwrap();
	let found = compat::check(&changed);
	let named: Vec<String> = found.iter().map(|i| i.to_string()).collect();
	assert_eq!(
		found.iter().map(|i| i.what).collect::<Vec<_>>(),
		vec![
			Use::Call("Receivables", "issue"),
			Use::Api("ReceivablesApi", "can_issue"),
			Use::Event("Receivables", "Issued", &["receivable", "root_note"]),
		],
		"{named:?}"
	);
	assert!(named[0].contains("shape differs"), "{named:?}");
	assert!(named[1].contains("no such method"), "{named:?}");
	assert!(named[2].contains("lacks the field(s) root_note"), "{named:?}");
	// Commands that need none of it still run; issuing names what stops it.
	assert!(compat::require(&found, &[Use::Call("Receivables", "accept")]).is_ok());
	let stop = compat::require(&found, &[Use::Call("Receivables", "issue")]).unwrap_err();
	assert!(stop.to_string().contains("call Receivables.issue: its shape differs"), "{stop}");
}
