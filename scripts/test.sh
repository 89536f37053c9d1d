#!/usr/bin/env bash
# The whole suite: unit and property tests of the pallets, benchmarks as tests, runtime
# integration tests, then the end-to-end suite (polkadot.js) against a dev node this script
# starts and stops itself.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh

step() { printf '\n==== %s ====\n' "$*"; }

step "build cascade-node (release)"
cargo build --release -p cascade-node

step "unit, property and runtime integration tests"
cargo test --release -p cascade-primitives -p pallet-enterprises -p pallet-receivables -p pallet-financing -p pallet-receivables-rpc -p cascade-runtime --tests

step "the cascade client (unit tests, then the binary against its own dev nodes)"
CASCADE_NODE="$CASCADE_NODE" cargo test --release -p cascade-client -- --nocapture

step "benchmarks as tests (runtime-benchmarks feature)"
cargo test --release -p pallet-enterprises -p pallet-receivables -p pallet-financing --features runtime-benchmarks --lib -- benchmark

step "end-to-end suite against a dev node"
PORT="${CASCADE_RPC_PORT:-$((20000 + RANDOM % 20000))}"
export CASCADE_RPC_PORT="$PORT"
BASE="$(mktemp -d)"
LOG="$BASE/node.log"
"$CASCADE_NODE" --dev --dev-block-time 300 --base-path "$BASE" --rpc-port "$PORT" \
	--no-prometheus --no-telemetry --port "$((PORT + 1))" >"$LOG" 2>&1 &
NODE_PID=$!
cleanup() {
	kill "$NODE_PID" 2>/dev/null || true
	wait "$NODE_PID" 2>/dev/null || true
	rm -rf "$BASE"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
	if curl -fsS -H 'content-type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
		"http://127.0.0.1:$PORT" >/dev/null 2>&1; then
		break
	fi
	if ! kill -0 "$NODE_PID" 2>/dev/null; then
		echo "cascade-node exited early:"; tail -50 "$LOG"; exit 1
	fi
	sleep 0.5
done
(cd scripts/e2e && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout ./*.test.js) || {
	echo "---- node log (tail) ----"; tail -40 "$LOG"; exit 1
}
