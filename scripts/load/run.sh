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
cargo build --release -p cascade-client

BASE="$(mktemp -d)"
PORT="$((20000 + RANDOM % 20000))"
"$CASCADE_NODE" --dev --dev-block-time "$BLOCK_MS" --base-path "$BASE" --rpc-port "$PORT" \
	--no-prometheus --no-telemetry --listen-addr /ip4/127.0.0.1/tcp/0 >"$BASE/node.log" 2>&1 &
NODE_PID=$!
cleanup() {
	kill "$NODE_PID" 2>/dev/null || true
	wait "$NODE_PID" 2>/dev/null || true
	rm -rf "$BASE"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
	curl -fsS -H 'content-type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
		"http://127.0.0.1:$PORT" >/dev/null 2>&1 && break
	sleep 0.5
done
# Let the first blocks anchor the demo world's credit line.
sleep 2
args=(--url "ws://127.0.0.1:$PORT" --count "$COUNT")
[ -n "${REPORT:-}" ] && args+=(--report "$REPORT")
"$CARGO_TARGET_DIR/release/cascade-load" "${args[@]}"
echo "(node: --dev --dev-block-time $BLOCK_MS; $(nproc) cores)"
