//! A refreshed `client/metadata/cascade.scale` regenerates the interface (the macro reads the
//! file; cargo learns of it here).
fn main() {
	println!("cargo:rerun-if-changed=../metadata/cascade.scale");
}
