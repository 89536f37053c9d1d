//! Builds `cascade_runtime_upgrade.compact.compressed.wasm` under `wbuild/cascade-runtime-upgrade/`:
//! this crate with the `wasm` feature, i.e. cascade-runtime with `upgrade-test`, carrying its
//! metadata hash as the node's runtime does.
//! Without `std` (inside that wasm build) there is nothing to do.
fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("wasm")
		.enable_metadata_hash("CSC", 12)
		.build();
}
