# Sourced by the load scripts (clearing.sh, month-end.sh): with INDEXER=sqlite or INDEXER=postgres,
# cascade-indexer follows the node under load — into a SQLite file, or a throwaway PostgreSQL
# cluster (scripts/dev/postgres.sh) — reconciling every $INDEXER_CHECK_EVERY blocks (100), while indexer-probe.py samples
# how far it is behind the finalized head. `finish_indexer_probe` waits until it has caught up,
# prints the probe's JSON (behind the head p50/p99/max, rows a second, reconciliations and how many
# differed) and one last `cascade-indexer check`, and fails if any reconciliation differed.
start_indexer_probe() { # <node ws url>
	[ -n "${INDEXER:-}" ] || return 0
	local ws="$1"
	INDEXER_BIN="$CARGO_TARGET_DIR/release/cascade-indexer"
	[ -n "${CASCADE_SKIP_BUILD:-}" ] || cargo build --release -p cascade-indexer >&2
	INDEXER_DIR="$(mktemp -d)"
	case "$INDEXER" in
		sqlite) INDEXER_DB="$INDEXER_DIR/index.db" ;;
		postgres)
			source scripts/dev/postgres.sh
			start_postgres
			INDEXER_DB="$POSTGRES_URL"
			;;
		*) echo "INDEXER=$INDEXER: give sqlite or postgres" >&2; exit 1 ;;
	esac
	INDEXER_PORT=$((20000 + RANDOM % 12000))
	"$INDEXER_BIN" --node "$ws" --db "$INDEXER_DB" --check-every "${INDEXER_CHECK_EVERY:-100}" --listen "127.0.0.1:$INDEXER_PORT" \
		>"$INDEXER_DIR/log" 2>&1 &
	INDEXER_PID=$!
	NODE_HTTP="${ws/ws:/http:}"
	python3 scripts/load/indexer-probe.py "$NODE_HTTP" "http://127.0.0.1:$INDEXER_PORT" >"$INDEXER_DIR/probe.json" 2>/dev/null &
	PROBE_PID=$!
	echo "indexer ($INDEXER) following $ws: log $INDEXER_DIR/log" >&2
}

finish_indexer_probe() {
	[ -n "${INDEXER:-}" ] || return 0
	local head indexed
	# The best block once finality has reached it: the last payouts are in the blocks after the
	# load's end, and the indexer reads finalized blocks only.
	head=$(python3 - "$NODE_HTTP" <<'PY'
import json, sys, time, urllib.request
def call(m, p=[]):
    r = urllib.request.Request(sys.argv[1], json.dumps({"jsonrpc": "2.0", "id": 1, "method": m, "params": p}).encode(), {"content-type": "application/json"})
    return json.load(urllib.request.urlopen(r))["result"]
best = int(call("chain_getHeader")["number"], 16)
for _ in range(600):
    if int(call("chain_getHeader", [call("chain_getFinalizedHead")])["number"], 16) >= best:
        break
    time.sleep(1)
print(best)
PY
)
	echo "waiting for the indexer to reach #$head" >&2
	for _ in $(seq 1 3600); do
		indexed=$(curl -fsS "http://127.0.0.1:$INDEXER_PORT/health" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin).get("indexed") or -1)' 2>/dev/null || echo -1)
		[ "$indexed" -ge "$head" ] && break
		kill -0 "$INDEXER_PID" 2>/dev/null || { echo "the indexer stopped:" >&2; tail -20 "$INDEXER_DIR/log" >&2; exit 1; }
		sleep 1
	done
	kill -TERM "$PROBE_PID"; wait "$PROBE_PID" 2>/dev/null || true
	echo "indexer ($INDEXER): $(cat "$INDEXER_DIR/probe.json")"
	kill "$INDEXER_PID" 2>/dev/null || true; wait "$INDEXER_PID" 2>/dev/null || true
	"$INDEXER_BIN" check --node "${NODE_HTTP/http:/ws:}" --db "$INDEXER_DB" >&2
	local differing
	differing=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["checksDiffering"])' "$INDEXER_DIR/probe.json")
	[ "${POSTGRES_URL:-}" = "${INDEXER_DB}" ] && stop_postgres
	rm -rf "$INDEXER_DIR"
	[ "$differing" = 0 ] || { echo "$differing reconciliations found differences" >&2; exit 1; }
}
