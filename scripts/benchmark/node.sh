# Sourced by the benchmark scripts, from the workspace root: sets up the machine, builds
# cascade-node with the runtime-benchmarks feature (its own feature set: the next plain build of
# the node rebuilds the wasm runtime and relinks once) and sets RUNTIME to that build's wasm.
./scripts/setup.sh
source scripts/env.sh
cargo build --release -p cascade-node --features runtime-benchmarks
RUNTIME="$CARGO_TARGET_DIR/release/wbuild/cascade-runtime/cascade_runtime.compact.compressed.wasm"
