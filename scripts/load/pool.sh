#!/usr/bin/env bash
# A load generator that is not the bottleneck, against both transaction pools (issue 17, item 2):
# for each pool type, a fresh ./scripts/testnet.sh (four validators, 6-second Aura slots,
# GRANDPA) and `cascade-load --keep-alive-only`: $COUNT balance transfers pre-signed by $SENDERS
# senders, sent over $CONNECTIONS WebSocket connections to validator Alice. Reports the
# submission rate (the pool taking them), the inclusion rate (blocks), most in one block, and
# where the time went: each validator's CPU seconds and Alice's busiest tasks and block
# building and import times, from the node's own metrics. Prints one table per pool.
#   ./scripts/load/pool.sh
#   COUNT=20000 SENDERS=32 CONNECTIONS=8 POOLS="fork-aware" ./scripts/load/pool.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
COUNT="${COUNT:-12000}"
[ -n "${CASCADE_SKIP_BUILD:-}" ] || {
	cargo build --release -p cascade-node >&2
	cargo test --release -p cascade-client -p cascade-load --no-run >&2
}
source scripts/load/testnet-lib.sh
for pool in ${POOLS:-fork-aware single-state}; do
	TESTNET_ARGS="--pool-type $pool --pool-limit $((COUNT + 8192)) --pool-kbytes 131072"
	start_testnet
	pids="$(testnet_pids | paste -sd, -)"
	echo "## --pool-type $pool (validators' pids $pids)"
	"$CARGO_TARGET_DIR/release/cascade-load" --url "$TESTNET_URL" --keep-alive-only --count "$COUNT" \
		--senders "${SENDERS:-16}" --connections "${CONNECTIONS:-4}" \
		--metrics "127.0.0.1:$TESTNET_METRICS" --pids "$pids" ${JSON:+--json}
	stop_testnet
	trap - EXIT
done
