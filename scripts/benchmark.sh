#!/usr/bin/env bash
# Regenerates pallets/<pallet>/src/weights.rs of Cascade's own pallets on this machine:
# builds cascade-node with the runtime-benchmarks feature, then runs `benchmark pallet` for each
# pallet with the development preset. STEPS and REPEAT may be lowered for a quick look.
#
# The runtime-benchmarks build has its own feature set: the next plain `cargo build` of the node
# (./scripts/dev.sh, ./scripts/test.sh) rebuilds the wasm runtime and relinks the node once.
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
source scripts/benchmark/node.sh

for pallet in "${@:-enterprises receivables financing validators council_root}"; do
	for p in $pallet; do
		echo "==== pallet_$p (steps $STEPS, repeat $REPEAT) ===="
		"$CASCADE_NODE" benchmark pallet \
			--runtime "$RUNTIME" \
			--genesis-builder runtime \
			--genesis-builder-preset development \
			--pallet "pallet_$p" \
			--extrinsic '*' \
			--steps "$STEPS" \
			--repeat "$REPEAT" \
			--wasm-execution compiled \
			--header scripts/benchmark/header.txt \
			--template scripts/benchmark/weight-template.hbs \
			--output "pallets/${p//_/-}/src/weights.rs"
	done
done
