// A build script, so that the build-dependencies in Cargo.toml (the feature sets of build scripts
// and proc macros) take part in the resolution.
fn main() {}
