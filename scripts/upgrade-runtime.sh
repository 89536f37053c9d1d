#!/usr/bin/env bash
# Builds the runtime one spec version up (the runtime crate's `upgrade-test` feature) into its own
# target folder, $CARGO_TARGET_DIR/upgrade, and prints the path of its wasm: the code the
# runtime-upgrade test votes in. Built once per runtime change (cargo skips it when nothing
# changed); `cargo check` suffices because only the wasm, made by the build script, is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
UPGRADE_TARGET="$CARGO_TARGET_DIR/upgrade"
CARGO_TARGET_DIR="$UPGRADE_TARGET" cargo check --release -p cascade-runtime --features upgrade-test >&2
WASM="$UPGRADE_TARGET/release/wbuild/cascade-runtime/cascade_runtime.compact.compressed.wasm"
[ -f "$WASM" ] || { echo "no wasm at $WASM" >&2; exit 1; }
echo "$WASM"
