#!/usr/bin/env bash
# Prints the path of the runtime from before ReceivablesApi version 2 (lists answered whole), the
# API-version test's old chain: a checked-in fixture, runtime/fixtures/legacy-api-v1/ (its
# PROVENANCE.md says what made it). Checks the file's BLAKE2-256 against PROVENANCE.md first.
#
#   --rebuild          build it again from LEGACY_COMMIT (its own target folder: the whole SDK
#                      once more) and compare with the fixture; exit 1 if they differ
#   --rebuild --write  the same, then replace the fixture and the hash in PROVENANCE.md
set -euo pipefail
cd "$(dirname "$0")/../.."
LEGACY_COMMIT=f2f5e76ceaa46460ca68778e8df21b27802cefbf
FIXTURE_DIR=runtime/fixtures/legacy-api-v1
FIXTURE="$FIXTURE_DIR/cascade_runtime.compact.compressed.wasm"
recorded() { sed -n 's/^- blake2-256: 0x\([0-9a-f]*\)$/\1/p' "$FIXTURE_DIR/PROVENANCE.md"; }
hash_of() { b2sum -l 256 "$1" | cut -d' ' -f1; }

if [ "${1:-}" != "--rebuild" ]; then
	[ "$(hash_of "$FIXTURE")" = "$(recorded)" ] || {
		echo "$FIXTURE: BLAKE2-256 $(hash_of "$FIXTURE"), PROVENANCE.md says $(recorded)" >&2
		exit 1
	}
	echo "$PWD/$FIXTURE"
	exit 0
fi

source scripts/env.sh
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
built="$(hash_of "$WASM")"
echo "built:   $built ($(stat -c %s "$WASM") bytes) $WASM" >&2
echo "fixture: $(recorded) ($(stat -c %s "$FIXTURE") bytes) $FIXTURE" >&2
if [ "${2:-}" = "--write" ]; then
	cp "$WASM" "$FIXTURE"
	sed -i "s/^- blake2-256: 0x[0-9a-f]*$/- blake2-256: 0x$built/; s/^- size: [0-9]* bytes$/- size: $(stat -c %s "$WASM") bytes/" \
		"$FIXTURE_DIR/PROVENANCE.md"
	echo "fixture replaced; PROVENANCE.md updated (say which toolchain made it)" >&2
elif [ "$built" != "$(recorded)" ]; then
	echo "the rebuilt runtime differs from the fixture (another toolchain or SDK build?)" >&2
	exit 1
else
	echo "the rebuilt runtime is the fixture, byte for byte" >&2
fi
