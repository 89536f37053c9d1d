//! The runtimes checked in under `runtime/fixtures/` (an old runtime a test starts a chain on,
//! instead of building an old commit): each file is the one its PROVENANCE.md describes — its
//! BLAKE2-256 and size — and a compressed wasm runtime blob.

use std::{fs, path::Path};

/// What the wasm builder's compressed blobs start with (`sp-maybe-compressed-blob`).
const COMPRESSED_PREFIX: [u8; 8] = [82, 188, 83, 118, 70, 219, 142, 5];

fn field<'a>(provenance: &'a str, name: &str) -> Option<&'a str> {
	provenance.lines().find_map(|line| line.strip_prefix(&format!("- {name}: ")))
}

#[test]
fn every_fixture_is_the_file_its_provenance_names() {
	let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
	let mut checked = 0;
	for dir in fs::read_dir(&root).expect("runtime/fixtures exists") {
		let dir = dir.expect("a directory entry").path();
		let provenance = fs::read_to_string(dir.join("PROVENANCE.md"))
			.unwrap_or_else(|e| panic!("{}: no PROVENANCE.md ({e})", dir.display()));
		let wasm = dir.join("cascade_runtime.compact.compressed.wasm");
		let bytes = fs::read(&wasm).unwrap_or_else(|e| panic!("{}: {e}", wasm.display()));
		let hash = field(&provenance, "blake2-256").expect("PROVENANCE.md names a blake2-256");
		let size = field(&provenance, "size").expect("PROVENANCE.md names a size");
		assert_eq!(
			format!("0x{}", hex(&sp_io::hashing::blake2_256(&bytes))),
			hash,
			"{}: not the file PROVENANCE.md describes",
			wasm.display()
		);
		assert_eq!(format!("{} bytes", bytes.len()), size, "{}", wasm.display());
		assert!(
			bytes.starts_with(&COMPRESSED_PREFIX),
			"{}: not a compressed runtime",
			wasm.display()
		);
		assert!(
			field(&provenance, "source commit").is_some(),
			"{}: no source commit",
			dir.display()
		);
		checked += 1;
	}
	assert!(checked >= 1, "no fixture under {}", root.display());
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
