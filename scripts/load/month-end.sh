#!/usr/bin/env bash
# The month-end batch (issue 17): ./scripts/testnet.sh — four validators, 6-second Aura slots,
# GRANDPA — on a throwaway directory, and `cascade issue-batch --finalized` of $LINES receivables
# from one core enterprise (Bob) sent to validator Alice, while scripts/load/month-end.js follows
# the finalized chain. Prints its JSON result (progress on stderr): time from the client's start
# to the last receivable finalized, blocks used, each block's fullness by weight.
#   ./scripts/load/month-end.sh                    10,000 receivables
#   LINES=1000 ASSERT=1 ./scripts/load/month-end.sh   (the suite: fails unless all 1,000 are
#                                                   finalized, each exactly once)
#   POOL=fork-aware ./scripts/load/month-end.sh    the SDK's default pool instead of single-state
#   INDEXER=sqlite|postgres ./scripts/load/month-end.sh
#                                                  also cascade-indexer following Alice's node,
#                                                  measured (scripts/load/indexer-lib.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
export LINES="${LINES:-10000}" WINDOW="${WINDOW:-${LINES:-10000}}"
[ -n "${CASCADE_SKIP_BUILD:-}" ] || {
	cargo build --release -p cascade-node >&2
	cargo build --release -p cascade-client >&2
}
export CASCADE_CLIENT="${CASCADE_CLIENT:-$CARGO_TARGET_DIR/release/cascade}"
# The pool holds the whole batch (the default holds 8,192 ready transactions).
TESTNET_ARGS="--pool-limit $((LINES + 8192)) --pool-kbytes 65536 --pool-type ${POOL:-single-state}"
source scripts/load/testnet-lib.sh
start_testnet
source scripts/load/indexer-lib.sh
start_indexer_probe "$TESTNET_URL"
node scripts/load/month-end.js "$TESTNET_URL"
finish_indexer_probe
