#!/usr/bin/env bash
# Reading the ledger at scale (issue 15): a 100,000-note receivable and an account of 10,000 notes
# read in pages over JSON-RPC, then 50 concurrent readers for 60 s while transfers load the chain,
# on a `cascade-node --dev` with 6-second Aura blocks. Prints scripts/load/reads.js's JSON result.
#   ./scripts/load/reads.sh
#   NOTES=3000 HELD=1500 READERS=10 READ_SECONDS=20 ./scripts/load/reads.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
export NOTES="${NOTES:-100000}" HELD="${HELD:-10000}" READERS="${READERS:-50}" READ_SECONDS="${READ_SECONDS:-60}"
[ -n "${CASCADE_SKIP_BUILD:-}" ] || cargo build --release -p cascade-node >&2
source scripts/dev/node.sh
start_dev_node aura
node scripts/load/reads.js "ws://127.0.0.1:$PORT"
