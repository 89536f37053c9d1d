#!/usr/bin/env bash
# The portal's browser tests alone: build web/, start a dev node (a block every 300 ms) whose CORS
# allows exactly the page's origin, serve the page, and drive it in headless Chromium
# (playwright-core, /usr/bin/chromium). scripts/test.sh runs this after building the node.
#   ./scripts/e2e/portal.sh                              all of web/tests
#   ./scripts/e2e/portal.sh tests/story.test.js          some of them (paths under web/)
#   CASCADE_SCREENSHOTS=docs ./scripts/e2e/portal.sh     also refresh the README's screenshots
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh >&2
source scripts/env.sh
source scripts/dev/node.sh
[ -x "$CASCADE_NODE" ] || cargo build --release -p cascade-node
(cd web && npm run --silent build >/dev/null)
# Below Linux's ephemeral range (32768-60999), where an outgoing connection may take the port first.
CASCADE_PORTAL_PORT=$((20000 + RANDOM % 12000))
CASCADE_RPC_CORS="http://127.0.0.1:$CASCADE_PORTAL_PORT"
export CASCADE_PORTAL_PORT CASCADE_RPC_CORS
start_dev_node 300
export CASCADE_RPC_PORT="$PORT"
[ -z "${CASCADE_SCREENSHOTS:-}" ] || CASCADE_SCREENSHOTS="$(cd "$CASCADE_SCREENSHOTS" && pwd)"
export CASCADE_SCREENSHOTS
(cd web && [ $# -gt 0 ] || set -- tests/*.test.js
	node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout "$@") || {
	echo "---- node log (tail) ----"; tail -40 "$LOG"; exit 1
}
stop_dev_node
