#!/usr/bin/env bash
# Builds the runtime as it was before ReceivablesApi version 2 (commit LEGACY_COMMIT: lists
# answered whole) into its own target folder, and prints the path of its wasm. The API-version
# test starts a chain on it, upgrades to today's runtime, and reads the old blocks. The commit
# never changes, so this builds once per machine (the first time takes a while: the wasm of the
# whole SDK); `cargo check` suffices because only the wasm, made by the build script, is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
LEGACY_COMMIT=f2f5e76ceaa46460ca68778e8df21b27802cefbf
LEGACY="$CARGO_TARGET_DIR/legacy-api-v1"
SRC="$LEGACY/src-${LEGACY_COMMIT:0:12}"
if [ ! -f "$SRC/Cargo.toml" ]; then
	mkdir -p "$SRC"
	git archive "$LEGACY_COMMIT" | tar -x -C "$SRC"
fi
WASM_BUILD_WORKSPACE_HINT="$SRC" CARGO_TARGET_DIR="$LEGACY/target" \
	cargo check --release --manifest-path "$SRC/Cargo.toml" -p cascade-runtime >&2
WASM="$LEGACY/target/release/wbuild/cascade-runtime/cascade_runtime.compact.compressed.wasm"
[ -f "$WASM" ] || { echo "no wasm at $WASM" >&2; exit 1; }
echo "$WASM"
