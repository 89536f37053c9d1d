#!/usr/bin/env bash
# The whole suite: unit and property tests of the pallets, benchmarks as tests, runtime
# integration tests, then the end-to-end suite (polkadot.js) and the portal in Chromium
# (Playwright), each against a dev node this script starts and stops itself.
#
#   ./scripts/test.sh          everything (what CI runs)
#   ./scripts/test.sh --quick  the edit loop: the node, the unit, property and runtime tests, and
#                              the end-to-end files that need one dev node for a few seconds each
#                              (no client, benchmarks, upgrade, portal, testnet or load scenarios)
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0
case "${1:-}" in
	--quick) QUICK=1 ;;
	"") ;;
	*) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac
./scripts/setup.sh
source scripts/env.sh

step() { printf '\n==== %s ====\n' "$*"; }
# The end-to-end files --quick runs: one dev node, seconds each.
QUICK_E2E="foundation enterprises receivables rpc lists paging multisig"

step "@cascade/api: its types are the committed metadata's, and the package and portal compile"
node js/cascade-api/scripts/generate-types.mjs --check 2>/dev/null
(cd web && npx tsc --noEmit)

UNITS="$(mktemp -d)"
step "build cascade-node (release)"
cargo build --release -p cascade-node --message-format=json-render-diagnostics >"$UNITS/node.json"

step "unit, property and runtime integration tests"
# shellcheck disable=SC2086 # a list of -p options
cargo test --release $CASCADE_TEST_PACKAGES --tests --no-run --message-format=json-render-diagnostics >"$UNITS/test.json"
# What the test build compiled beyond the node's (tools/workspace-hack keeps it to the test-only
# crates and the test harnesses; scripts/build/workspace-hack.sh --write when packages differ).
python3 scripts/build/feature_sets.py report "$UNITS/node.json" "$UNITS/test.json"
rm -rf "$UNITS"
# shellcheck disable=SC2086 # a list of -p options
cargo test --release $CASCADE_TEST_PACKAGES --tests

if [ "$QUICK" = 1 ]; then
	step "end-to-end, the quick files ($QUICK_E2E) against a dev node"
	source scripts/dev/node.sh
	start_dev_node 300
	export CASCADE_RPC_PORT="$PORT"
	files=(); for f in $QUICK_E2E; do files+=("./$f.test.js"); done
	(cd scripts/e2e && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout "${files[@]}") || {
		echo "---- node log (tail) ----"; tail -40 "$LOG"; exit 1
	}
	stop_dev_node
	step "quick run passed (the full suite: ./scripts/test.sh)"
	exit 0
fi

step "the runtime one spec version up, for the upgrade-by-vote tests (client and e2e)"
CASCADE_UPGRADE_WASM="$(./scripts/build/upgrade-runtime.sh)"
export CASCADE_UPGRADE_WASM

step "the cascade client and the indexer (unit tests, then against their own dev nodes: the client across an upgrade, the indexer on SQLite and PostgreSQL)"
source scripts/dev/postgres.sh
start_postgres
trap stop_postgres EXIT
CASCADE_TEST_POSTGRES="$POSTGRES_URL" CASCADE_NODE="$CASCADE_NODE" \
	cargo test --release -p cascade-client -p cascade-load -p cascade-indexer -- --nocapture
stop_postgres
trap - EXIT

step "benchmarks as tests (runtime-benchmarks feature)"
cargo test --release -p pallet-enterprises -p pallet-receivables -p pallet-financing -p pallet-validators -p pallet-council-root --features runtime-benchmarks --lib -- benchmark

step "the runtime from before ReceivablesApi version 2, for the API-version test (a checked-in fixture)"
CASCADE_LEGACY_WASM="$(./scripts/build/legacy-runtime.sh)"
export CASCADE_LEGACY_WASM

step "end-to-end suite against a dev node (the council's testnet test runs alongside it and the portal's)"
# governance.test.js runs a four-validator testnet of its own for ~3.5 minutes, most of it waiting
# for 6-second slots and session boundaries: it runs in the background meanwhile, and its report
# is shown (and its failure fails the suite) after the portal's step.
# It runs in a process group of its own (setsid), stopped whole if the suite stops first.
GOVERNANCE_LOG="$(mktemp)"
(cd scripts/e2e && exec setsid node --test --test-reporter=spec --test-reporter-destination=stdout \
	governance.test.js) >"$GOVERNANCE_LOG" 2>&1 &
GOVERNANCE_PID=$!
stop_governance() { kill -- "-$GOVERNANCE_PID" 2>/dev/null || true; }
source scripts/dev/node.sh
start_dev_node 300
trap 'stop_dev_node; stop_governance' EXIT
export CASCADE_RPC_PORT="$PORT"
# shellcheck disable=SC2046 # file names without spaces
(cd scripts/e2e && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
	$(ls ./*.test.js | grep -v '/governance\.test\.js$')) || {
	echo "---- node log (tail) ----"; tail -40 "$LOG"; exit 1
}
stop_dev_node
trap stop_governance EXIT

step "the portal in headless Chromium (Playwright) against a dev node"
./scripts/e2e/portal.sh

step "the council's testnet: validators admitted and removed, the runtime upgraded by vote (ran alongside the two steps above)"
GOVERNANCE_STATUS=0
wait "$GOVERNANCE_PID" || GOVERNANCE_STATUS=$?
trap - EXIT
cat "$GOVERNANCE_LOG"
rm -f "$GOVERNANCE_LOG"
[ "$GOVERNANCE_STATUS" = 0 ] || exit 1

step "automatic clearing at 6-second blocks, reduced, with the indexer following and reconciling (full size: ./scripts/load/clearing.sh)"
CLEARING_LOG="$(mktemp)"
CASCADE_SKIP_BUILD=1 NOTES=4000 HOLDERS=10 LOAD=300 INDEXER=sqlite INDEXER_CHECK_EVERY=5 \
	./scripts/load/clearing.sh 2>"$CLEARING_LOG" >"$CLEARING_LOG.json" || {
	echo "---- clearing run (tail) ----"; tail -40 "$CLEARING_LOG"; exit 1
}
node -e 'const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
	const r = JSON.parse(lines.filter((l) => l.startsWith("{")).pop());
	console.log(`${r.paid} of ${r.notes} notes paid by the chain in ${r.blocks} blocks (${r.seconds} s), up to ${r.notesPerBlock.max} a block; ${r.loadIncludedDuringClearing} of ${r.loadSent} user transfers included meanwhile`);
	const i = JSON.parse(lines.find((l) => l.startsWith("indexer (")).replace(/^indexer \([a-z]+\): /, ""));
	console.log(`the indexer: at most ${i.behindFinalized.max} blocks behind the finalized head, ${i.rowsWritten} rows, ${i.checks} reconciliations, ${i.checksDiffering} with differences`);
	if (r.paid !== r.notes || r.loadIncludedDuringClearing !== r.loadSent || i.checks === 0 || i.checksDiffering !== 0) process.exit(1);' "$CLEARING_LOG.json"
grep -a "compared" "$CLEARING_LOG" | tail -1
rm -f "$CLEARING_LOG" "$CLEARING_LOG.json"

step "reads under load at 6-second blocks, reduced (full size: ./scripts/load/reads.sh)"
READS_LOG="$(mktemp)"
CASCADE_SKIP_BUILD=1 NOTES=3000 HELD=1500 READERS=20 READ_SECONDS=30 READS_ASSERT=1 ./scripts/load/reads.sh 2>"$READS_LOG" >"$READS_LOG.json" || {
	echo "---- reads run (tail) ----"; tail -40 "$READS_LOG"; cat "$READS_LOG.json"; exit 1
}
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop());
	const c = r.concurrent;
	console.log(`tree of ${r.treeNotes} notes: page p50 ${r.treePage.p50} ms; ${c.readers} readers for ${c.seconds} s read ${c.pagesRead} pages (p99 ${c.pageMs.p99} ms, ${c.readerErrors} errors, ${c.readerBusy} told to retry); block interval p99 ${c.blockIntervalMs.p99} ms of ${c.blockIntervalMs.configured}`);' "$READS_LOG.json"
rm -f "$READS_LOG" "$READS_LOG.json"

step "the month-end batch on the four-validator testnet, reduced (1,000 receivables; full size: ./scripts/load/month-end.sh)"
BATCH_LOG="$(mktemp)"
CASCADE_SKIP_BUILD=1 LINES=1000 ASSERT=1 ./scripts/load/month-end.sh 2>"$BATCH_LOG" >"$BATCH_LOG.json" || {
	echo "---- month-end run (tail) ----"; tail -40 "$BATCH_LOG"; tail -c 2000 "$BATCH_LOG.json"; exit 1
}
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop());
	console.log(`${r.finalized} of ${r.lines} receivables finalized, ${r.distinctFinalized} distinct, ${r.repeated} twice; ${r.secondsToLastFinalized} s from the client start to the last finalized, in ${r.blocksUsed} blocks (at most ${r.perBlock.issuedMax} a block, ${r.perBlock.normalFullMax} % of the normal class)`);' "$BATCH_LOG.json"
rm -f "$BATCH_LOG" "$BATCH_LOG.json"
