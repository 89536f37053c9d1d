#!/usr/bin/env bash
# Readers cannot stall the node (issue 25, item 6): 200 WebSocket connections × 64 `cascade_*`
# reads in flight for 60 s on a `cascade-node --dev` with 6-second Aura blocks, measuring the
# block interval and `system_health`'s latency. Prints scripts/load/flood.js's JSON result.
#   ./scripts/load/flood.sh
#   CONNECTIONS=20 IN_FLIGHT=16 FLOOD_SECONDS=30 FLOOD_ASSERT=1 ./scripts/load/flood.sh   (the suite's size)
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
export CONNECTIONS="${CONNECTIONS:-200}" IN_FLIGHT="${IN_FLIGHT:-64}" FLOOD_SECONDS="${FLOOD_SECONDS:-60}" NOTES="${NOTES:-3000}"
[ -n "${CASCADE_SKIP_BUILD:-}" ] || cargo build --release -p cascade-node >&2
source scripts/dev/node.sh
# Room for the flood's connections (the node's default is 100).
DEV_NODE_ARGS="${DEV_NODE_ARGS:-} --rpc-max-connections $((CONNECTIONS + 50))"
start_dev_node aura
node scripts/load/flood.js "ws://127.0.0.1:$PORT"
