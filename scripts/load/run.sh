#!/usr/bin/env bash
# Sustained throughput of Cascade's hot calls against Balances::transfer_keep_alive, side by side
# on one fresh dev node (DESIGN §8): builds the node and the client, starts
# `cascade-node --dev --dev-block-time $BLOCK_MS`, runs `cascade-load`, prints the table (and
# writes it to $REPORT if set), and stops the node.
#   ./scripts/load/run.sh                 2,000 transactions per call, 300 ms blocks
#   COUNT=5000 BLOCK_MS=1000 ./scripts/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh
source scripts/env.sh

COUNT="${COUNT:-2000}"
BLOCK_MS="${BLOCK_MS:-300}"
# Built one at a time, as scripts/test.sh does, so each keeps its cached feature set.
cargo build --release -p cascade-node
cargo test --release -p cascade-client -p cascade-load --no-run

source scripts/devnode.sh
start_dev_node "$BLOCK_MS"
# Let the first blocks anchor the demo world's credit line.
sleep 2
args=(--url "ws://127.0.0.1:$PORT" --count "$COUNT")
[ -n "${REPORT:-}" ] && args+=(--report "$REPORT")
"$CARGO_TARGET_DIR/release/cascade-load" "${args[@]}"
echo "(node: --dev --dev-block-time $BLOCK_MS; $(nproc) cores)"
