#!/usr/bin/env bash
# The price of a storage read and write on the node's own database (issue 17, item 1): builds a
# realistic ledger on a dev chain (ParityDB, the node's only database) — the demo world plus
# $HOLDERS registered enterprises and one receivable of $NOTES live notes held by them, built by
# scripts/load/clearing.js with BUILD_ONLY=1 — stops the node, then runs the SDK's storage
# benchmark on that database with the runtime-benchmarks build of the node and writes
# runtime/src/configs/paritydb_weights.rs (the DbWeight the runtime uses).
#   ./scripts/load/storage-weights.sh                 100,000 notes, 100 holders
#   NOTES=2000 HOLDERS=10 ./scripts/load/storage-weights.sh   a quick look
# METRIC (average), MUL (2.0) and BATCH (1000) choose the figure committed: see README "Weights".
# The ledger is kept in $CARGO_TARGET_DIR/storage-weights/db-$NOTES and reused by later runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
source scripts/dev/node.sh
export NOTES="${NOTES:-100000}" HOLDERS="${HOLDERS:-100}"
METRIC="${METRIC:-average}"
MUL="${MUL:-2.0}"
# Keys written per commit: a block of a thousand transactions writes some thousands of items;
# 1,000 a commit prices a write higher than the SDK's default 100,000 (12.6 against 7.1 µs here).
BATCH="${BATCH:-1000}"
WORK="$CARGO_TARGET_DIR/storage-weights"
DB="$WORK/db-$NOTES"
SPEC="$WORK/dev.json"
mkdir -p "$WORK"

if [ ! -f "$DB/ready" ]; then
	# The ledger, written by the plain node (copied aside: the benchmark build replaces it), on
	# 300 ms manual-seal blocks. The single-state pool: the fork-aware one dropped some of the
	# 1,600 splits a level sends at once here ("transaction Dropped").
	cargo build --release -p cascade-node >&2
	cp "$CARGO_TARGET_DIR/release/cascade-node" "$WORK/cascade-node-plain"
	"$WORK/cascade-node-plain" build-spec --chain dev --raw 2>/dev/null >"$SPEC"
	rm -rf "$DB"
	CASCADE_NODE="$WORK/cascade-node-plain" \
		DEV_NODE_ARGS="--chain $SPEC --base-path $DB --pool-type single-state" start_dev_node 300
	BUILD_ONLY=1 MATURITY_S=$((90 * 86400)) node scripts/load/clearing.js "ws://127.0.0.1:$PORT" >&2
	cp "$LOG" "$WORK/ledger-node.log"
	stop_dev_node
	trap - EXIT
	touch "$DB/ready"
fi

cargo build --release -p cascade-node --features runtime-benchmarks >&2
"$CASCADE_NODE" benchmark storage --chain "$SPEC" --base-path "$DB" --db paritydb \
	--state-version 1 --warmups 1 --metric "$METRIC" --mul "$MUL" --batch-size "$BATCH" \
	--header scripts/benchmark/header.txt --weight-path runtime/src/configs/ \
	--json-read-path "$WORK/read.json" --json-write-path "$WORK/write.json" >&2
echo "runtime/src/configs/paritydb_weights.rs written ($METRIC × $MUL, batches of $BATCH); raw results in $WORK" >&2
