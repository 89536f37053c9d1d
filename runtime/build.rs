fn main() {
	// With `metadata-hash` the runtime is built once to read its metadata, whose hash the final
	// build carries (CheckMetadataHash): the token is the native fee token (chain spec
	// properties: CSC, 12 decimals).
	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("CSC", 12)
		.build();
	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
