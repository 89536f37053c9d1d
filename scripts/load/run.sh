#!/usr/bin/env bash
# Capacity per block, side by side (issue 17, item 4): on one fresh `cascade-node --dev` with
# 6-second Aura blocks, `cascade-load` measures transfer, split_transfer, finance and repay (and
# the chain's own clearing of the repaid notes) against Balances::transfer_keep_alive: the weight
# charged, how many fit in a block by that weight, how many one block actually took, the
# submission and inclusion rates, and the node's profile meanwhile (its metrics and CPU time).
# Prints the table (and writes it to $REPORT if set).
#   ./scripts/load/run.sh                    4,000 transactions per call, 6-second blocks
#   COUNT=500 BLOCK_MS=300 ./scripts/load/run.sh   the dev-chain figures (manual seal, 300 ms)
# SENDERS, CONNECTIONS and RECIPIENTS are passed to cascade-load.
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh
source scripts/env.sh

COUNT="${COUNT:-4000}"
BLOCK_MS="${BLOCK_MS:-aura}"
# Built one at a time, as scripts/test.sh does, so each keeps its cached feature set.
[ -n "${CASCADE_SKIP_BUILD:-}" ] || {
	cargo build --release -p cascade-node
	cargo test --release -p cascade-client -p cascade-load --no-run
}

source scripts/dev/node.sh
DEV_NODE_PROMETHEUS=$((20000 + RANDOM % 12000))
# The pool holds every phase at once (the default holds 8,192 ready transactions).
DEV_NODE_ARGS="--pool-limit $((5 * COUNT + 8192)) --pool-kbytes 131072 ${DEV_NODE_ARGS:-}"
start_dev_node "$BLOCK_MS"
# Let the first blocks anchor the demo world's credit line.
sleep 2
[ "$BLOCK_MS" = aura ] && sleep 10
# Offers wait unaccepted: each of the 3 holders sends 2 × COUNT / 3 of them, at most 64 to any one
# recipient (MaxOffersPerSender), so there must be at least COUNT / 96 recipients.
RECIPIENTS="${RECIPIENTS:-$(( COUNT / 96 + 12 ))}"
args=(--url "ws://127.0.0.1:$PORT" --count "$COUNT" --metrics "127.0.0.1:$DEV_NODE_PROMETHEUS" --pids "$NODE_PID"
	--senders "${SENDERS:-8}" --connections "${CONNECTIONS:-4}" --recipients "$RECIPIENTS"
	--redeem-after "${REDEEM_AFTER:-240}")
[ -n "${REPORT:-}" ] && args+=(--report "$REPORT")
"$CARGO_TARGET_DIR/release/cascade-load" "${args[@]}"
if [ "$BLOCK_MS" = aura ]; then
	echo "(node: --dev, Aura 6-second slots; $(nproc) cores)"
else
	echo "(node: --dev --dev-block-time $BLOCK_MS, manual seal; $(nproc) cores)"
fi
