#!/usr/bin/env bash
# Builds the runtime one spec version up (cascade-runtime with its `upgrade-test` feature, through
# the wasm-only crate runtime/upgrade) and prints the path of its wasm: the code the
# runtime-upgrade tests vote in. Same target directory and SDK build as the node's runtime: only
# the runtime and the two pallets the feature changes compile again, for wasm (cargo skips it all
# when nothing changed).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
# Built with the node in one cargo invocation, so its build script shares the node's host
# dependencies (substrate-wasm-builder, binaryen): alone, cargo would unify their features
# differently and compile them a second time.
#
# The wasm builder compiles each runtime crate's wasm in a cargo project of its own
# (wbuild/<crate>/) with its own target folder, so on a new machine this wasm would compile every
# SDK crate for wasm again (11 min 41 s measured, 2026-12-07). Its target folder is the node
# runtime's instead: the SDK crates are the same units there (same features; only the runtime and
# the two pallets that `upgrade-test` changes differ), so they are compiled once; cargo's lock on
# the folder makes the two wasm builds take turns.
wbuild="$CARGO_TARGET_DIR/release/wbuild"
mkdir -p "$wbuild/cascade-runtime/target" "$wbuild/cascade-runtime-upgrade"
if [ ! -L "$wbuild/cascade-runtime-upgrade/target" ]; then
	rm -rf "$wbuild/cascade-runtime-upgrade/target"
	ln -s ../cascade-runtime/target "$wbuild/cascade-runtime-upgrade/target"
fi
cargo build --release -p cascade-node -p cascade-runtime-upgrade >&2
WASM="$CARGO_TARGET_DIR/release/wbuild/cascade-runtime-upgrade/cascade_runtime_upgrade.compact.compressed.wasm"
[ -f "$WASM" ] || { echo "no wasm at $WASM" >&2; exit 1; }
echo "$WASM"
