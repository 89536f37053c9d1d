#!/usr/bin/env bash
# The portal's browser tests alone: build web/, start a dev node (a block every 300 ms) whose CORS
# allows exactly the page's origin, serve the page, and drive it in headless Chromium
# (playwright-core, /usr/bin/chromium), with cascade-indexer following the node into a SQLite file
# (its HTTP service allows the page's origin; the page is given its address). scripts/test.sh runs
# this after building the node and the indexer.
#   ./scripts/e2e/portal.sh                              all of web/tests
#   ./scripts/e2e/portal.sh tests/story.test.js          some of them (paths under web/)
#   CASCADE_SCREENSHOTS=docs ./scripts/e2e/portal.sh     also refresh the README's screenshots
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
source scripts/dev/node.sh
[ -x "$CASCADE_NODE" ] || cargo build --release -p cascade-node
INDEXER="$CARGO_TARGET_DIR/release/cascade-indexer"
[ -x "$INDEXER" ] || cargo build --release -p cascade-indexer
(cd web && npm run --silent build >/dev/null)
# Below Linux's ephemeral range (32768-60999), where an outgoing connection may take the port first.
CASCADE_PORTAL_PORT=$((20000 + RANDOM % 12000))
CASCADE_RPC_CORS="http://127.0.0.1:$CASCADE_PORTAL_PORT"
export CASCADE_PORTAL_PORT CASCADE_RPC_CORS
start_dev_node 300
export CASCADE_RPC_PORT="$PORT"
INDEX_DIR="$(mktemp -d)"
INDEXER_PORT=$((20000 + RANDOM % 12000))
"$INDEXER" --node "ws://127.0.0.1:$PORT" --db "$INDEX_DIR/index.db" --check-every "${CASCADE_INDEXER_CHECK_EVERY:-50}" \
	--listen "127.0.0.1:$INDEXER_PORT" --allow-origin "$CASCADE_RPC_CORS" >"$INDEX_DIR/log" 2>&1 &
INDEXER_PID=$!
stop_indexer() { kill "$INDEXER_PID" 2>/dev/null || true; wait "$INDEXER_PID" 2>/dev/null || true; rm -rf "$INDEX_DIR"; }
trap 'stop_indexer; stop_dev_node' EXIT
for _ in $(seq 100); do
	curl -fsS "http://127.0.0.1:$INDEXER_PORT/health" >/dev/null 2>&1 && break
	sleep 0.2
done
export CASCADE_INDEXER_URL="http://127.0.0.1:$INDEXER_PORT"
[ -z "${CASCADE_SCREENSHOTS:-}" ] || CASCADE_SCREENSHOTS="$(cd "$CASCADE_SCREENSHOTS" && pwd)"
export CASCADE_SCREENSHOTS
# scale.test.js last, on its own (node --test runs the files it is given in name order): its
# thousands of receivables and financings would push the other tests' rows off the first page of
# Bob's and Ferdie's lists (pages are in the chain index's order).
run_tests() {
	(cd web && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout "$@") || {
		echo "---- node log (tail) ----"; tail -40 "$LOG"
		echo "---- indexer log (tail) ----"; tail -20 "$INDEX_DIR/log"; exit 1
	}
}
if [ $# -gt 0 ]; then
	run_tests "$@"
else
	run_tests $(cd web && ls tests/*.test.js | grep -v '/scale.test.js$')
	run_tests tests/scale.test.js
fi
# The indexer followed the whole run and agreed with the chain all along: no reconciliation (every
# 50 blocks) found a difference, and a last one at the end finds none.
kill -0 "$INDEXER_PID" 2>/dev/null || { echo "the indexer stopped:"; tail -20 "$INDEX_DIR/log"; exit 1; }
if grep -q "differs from the chain" "$INDEX_DIR/log"; then
	echo "the indexer's reconciliation found differences:"; grep "differs from the chain" "$INDEX_DIR/log" | head -20; exit 1
fi
"$INDEXER" check --node "ws://127.0.0.1:$PORT" --db "$INDEX_DIR/index.db"
