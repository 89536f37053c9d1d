#!/usr/bin/env bash
# Keeps the test build sharing the node's build (issue 29 item 4). Builds the node and the test
# step's crates (scripts/env.sh: CASCADE_TEST_PACKAGES) with cargo's JSON messages and reports how
# many units the test build compiles that the node's build did not (the test harnesses apart) and
# which packages the two compile with different features.
#
#   ./scripts/build/workspace-hack.sh           report; fails if a package differs
#   ./scripts/build/workspace-hack.sh --write   rewrite tools/workspace-hack/Cargo.toml with the
#                                               union of the two builds' features until none differs
#
# Enabling a feature can pull in an optional dependency the test build had not compiled (with its
# own features), which may not even compile until that one is unified too: --write repeats (at
# most five rounds) until the test build compiles and nothing differs. Run it after changing
# dependencies or features; commit the hack's Cargo.toml and Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Sets $test_ok; the node must build, the test build may fail while features are being unified.
builds() {
	cargo build --release -p cascade-node --message-format=json >"$out/node.json"
	test_ok=1
	# shellcheck disable=SC2086 # a list of -p options
	cargo test --release $CASCADE_TEST_PACKAGES --tests --no-run --message-format=json >"$out/test.json" || test_ok=0
}
report() {
	python3 scripts/build/feature_sets.py report "$out/node.json" "$out/test.json" | tee "$out/report"
	[ "$test_ok" = 1 ] && ! grep -q differs "$out/report"
}
builds
if [ "${1:-}" = --write ]; then
	for round in 1 2 3 4 5; do
		if report; then exit 0; fi
		echo "round $round: unifying" >&2
		python3 scripts/build/feature_sets.py hack "$out/node.json" "$out/test.json" tools/workspace-hack/Cargo.toml
		builds
	done
fi
report || {
	[ "$test_ok" = 1 ] || echo "the test build failed" >&2
	echo "some packages build with different features: ./scripts/build/workspace-hack.sh --write" >&2
	exit 1
}
