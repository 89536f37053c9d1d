#!/usr/bin/env bash
# Build (if needed) and run a development chain with the demo world, and the portal beside it.
#   ./scripts/dev.sh                       Aura + GRANDPA, one validator (Alice), 6-second blocks
#   ./scripts/dev.sh --dev-block-time 300  a block every 300 ms, finalized at once
# Any further arguments go to cascade-node. RPC: ws://127.0.0.1:9944.
# The portal: http://localhost:8080/ (CASCADE_PORTAL_PORT), plain static files from web/dist; the
# node's CORS allows exactly the portal's origins (CASCADE_RPC_CORS, scripts/env.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
cargo build --release -p cascade-node
(cd web && npm run --silent build >/dev/null)
node web/serve.mjs "$CASCADE_PORTAL_PORT" >/dev/null &
PORTAL_PID=$!
trap 'kill "$PORTAL_PID" 2>/dev/null || true' EXIT
echo "portal: http://localhost:$CASCADE_PORTAL_PORT/  (dev keys offered on the dev chain; or sign with the polkadot.js extension)"
"$CASCADE_NODE" --dev --rpc-port 9944 --rpc-cors "$CASCADE_RPC_CORS" "$@"
