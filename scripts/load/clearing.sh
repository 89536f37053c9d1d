#!/usr/bin/env bash
# 自动清分 at scale (issue 13; on the testnet, issue 17's maturity day): a receivable of $NOTES
# notes held by $HOLDERS enterprises, cleared by the chain itself at 6-second blocks, with $LOAD
# user transfers sent meanwhile. Builds the node, starts the network on a throwaway database,
# runs scripts/load/clearing.js, prints its JSON result (progress goes to stderr) and stops it.
#   ./scripts/load/clearing.sh                        100,000 notes, 100 holders, 3,000 transfers
#                                                     on one `cascade-node --dev` (Aura)
#   NETWORK=testnet ./scripts/load/clearing.sh        the same on ./scripts/testnet.sh: four
#                                                     validators, GRANDPA, a council of three
#   NOTES=4000 HOLDERS=10 LOAD=300 ./scripts/load/clearing.sh
#   INDEXER=sqlite|postgres ./scripts/load/clearing.sh
#                                                     also cascade-indexer following the node,
#                                                     measured (scripts/load/indexer-lib.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
export NOTES="${NOTES:-100000}" HOLDERS="${HOLDERS:-100}" LOAD="${LOAD:-3000}"
[ -n "${CASCADE_SKIP_BUILD:-}" ] || cargo build --release -p cascade-node >&2

if [ "${NETWORK:-dev}" = testnet ]; then
	source scripts/load/testnet-lib.sh
	TESTNET_ARGS="--pool-limit 65536 --pool-kbytes 131072"
	start_testnet
	URL="$TESTNET_URL"
else
	source scripts/dev/node.sh
	start_dev_node aura
	URL="ws://127.0.0.1:$PORT"
fi
source scripts/load/indexer-lib.sh
start_indexer_probe "$URL"
node scripts/load/clearing.js "$URL"
finish_indexer_probe
