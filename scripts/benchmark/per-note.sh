#!/usr/bin/env bash
# Holds what clearing is charged against what it costs (issue 25, item 3). Measures `on_idle`
# itself on the worst note (the extra benchmarks `clear_notes` and `clear_receivables` of
# pallet_receivables: a distinct factor and a distinct lender per note, the pledge loan called,
# the note frozen and released, the core paying late), then compares with what the runtime
# charges from its compiled weights (pallets/receivables/src/weights.rs, `settle`):
#   per note   — `clear_note_weight` = settle's slope, against clear_notes' slope;
#   per turn   — a due receivable of one note: settle(1) and the queue's two reads, against
#                clear_receivables' slope.
# Both as ref time with storage priced by the runtime's DbWeight (ParityDB). Fails when a
# charge is below the measured cost by more than 10 %.
#
# Builds cascade-node with runtime-benchmarks (as ./scripts/benchmark.sh; the next plain build
# relinks). STEPS and REPEAT as there (defaults 20 and 10).
set -euo pipefail
cd "$(dirname "$0")/../.."
STEPS="${STEPS:-20}"
REPEAT="${REPEAT:-10}"
OUT="${PER_NOTE_OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
source scripts/benchmark/node.sh

"$CASCADE_NODE" benchmark pallet \
	--runtime "$RUNTIME" \
	--genesis-builder runtime \
	--genesis-builder-preset development \
	--pallet pallet_receivables \
	--extrinsic clear_notes,clear_receivables \
	--extra \
	--steps "$STEPS" \
	--repeat "$REPEAT" \
	--wasm-execution compiled \
	--template scripts/benchmark/slopes.hbs \
	--output "$OUT/measured.txt" >"$OUT/benchmark.log" 2>&1 || {
	tail -40 "$OUT/benchmark.log"
	exit 1
}

python3 scripts/benchmark/per_note.py \
	pallets/receivables/src/weights.rs \
	runtime/src/configs/paritydb_weights.rs \
	"$OUT/measured.txt"
