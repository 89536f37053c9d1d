#!/usr/bin/env bash
# Build (if needed) and run a development chain with the demo world, the portal and the indexer
# beside it.
#   ./scripts/dev.sh                       Aura + GRANDPA, one validator (Alice), 6-second blocks
#   ./scripts/dev.sh --dev-block-time 300  a block every 300 ms, finalized at once
# Any further arguments go to cascade-node. RPC: ws://127.0.0.1:9944.
# The portal: http://localhost:8080/ (CASCADE_PORTAL_PORT), plain static files from web/dist; the
# node's CORS allows exactly the portal's origins (CASCADE_RPC_CORS, scripts/env.sh).
# The indexer: cascade-indexer on SQLite (CASCADE_INDEX_DB, by default a file under ~/.cache/cascade,
# emptied at every start since the dev chain starts afresh), its HTTP service on
# http://127.0.0.1:9955 (CASCADE_INDEXER_LISTEN), readable by the portal's origins; the portal's
# address printed below gives the page the indexer's (`?indexer=`): history, statements, the
# maturity ladder. Opened without it, the page says history is unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
# Two invocations: built together, cargo would unify their features and compile much of the SDK
# again for a node unlike the one ./scripts/test.sh builds.
cargo build --release -p cascade-node
cargo build --release -p cascade-indexer
(cd web && npm run --silent build >/dev/null)
node web/serve.mjs "$CASCADE_PORTAL_PORT" >/dev/null &
PIDS=($!)
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
INDEXER_LISTEN="${CASCADE_INDEXER_LISTEN:-127.0.0.1:9955}"
echo "portal: http://localhost:$CASCADE_PORTAL_PORT/?indexer=http://$INDEXER_LISTEN  (dev keys offered on the dev chain; or sign with the polkadot.js extension)"
"$CASCADE_NODE" --dev --rpc-port 9944 --rpc-cors "$CASCADE_RPC_CORS" "$@" &
NODE_PID=$!
PIDS+=("$NODE_PID")
INDEX_DB="${CASCADE_INDEX_DB:-$HOME/.cache/cascade/dev-index.db}"
mkdir -p "$(dirname "$INDEX_DB")"
rm -f "$INDEX_DB" "$INDEX_DB-wal" "$INDEX_DB-shm"
for _ in $(seq 1 120); do
	curl -fsS -H 'content-type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
		http://127.0.0.1:9944 >/dev/null 2>&1 && break
	kill -0 "$NODE_PID" 2>/dev/null || exit 1
	sleep 0.5
done
ORIGINS=()
IFS=',' read -ra CORS <<<"$CASCADE_RPC_CORS"
for origin in "${CORS[@]}"; do ORIGINS+=(--allow-origin "$origin"); done
"$CARGO_TARGET_DIR/release/cascade-indexer" --node ws://127.0.0.1:9944 --db "$INDEX_DB" \
	--listen "$INDEXER_LISTEN" "${ORIGINS[@]}" &
PIDS+=($!)
echo "indexer: http://$INDEXER_LISTEN/health  (history in $INDEX_DB)"
wait "$NODE_PID"
