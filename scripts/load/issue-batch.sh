#!/usr/bin/env bash
# issue-batch throughput, side by side: on one fresh dev node (`--dev --dev-block-time 300`), a
# batch of $LINES receivables issued by each client binary in turn, $RUNS rounds, each batch a new
# file (new invoices). Prints each run's rate (receivables per second, first transaction sent to
# the last one seen in a block, as `cascade issue-batch` reports it) and the range per binary.
#   ./scripts/load/issue-batch.sh                                   the client built here
#   BASELINE=/path/to/old/cascade ./scripts/load/issue-batch.sh     beside an older binary
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh
source scripts/env.sh

LINES="${LINES:-500}"
RUNS="${RUNS:-3}"
[ -n "${CASCADE_SKIP_BUILD:-}" ] || {
	cargo build --release -p cascade-node
	cargo test --release -p cascade-client -p cascade-load --no-run
}
binaries=("current=$CARGO_TARGET_DIR/release/cascade")
[ -n "${BASELINE:-}" ] && binaries=("baseline=$BASELINE" "${binaries[@]}")

source scripts/dev/node.sh
start_dev_node 300
sleep 2
WORK="$(mktemp -d)"
due() { date -u -d "+$1 days" +%Y-%m-%d; }
declare -A rates
for run in $(seq 1 "$RUNS"); do
	for entry in "${binaries[@]}"; do
		name="${entry%%=*}"; bin="${entry#*=}"
		file="$WORK/$name-$run.csv"
		{
			echo "to,amount,maturity,line,invoice"
			for i in $(seq 0 $((LINES - 1))); do
				to=("//Charlie" "//Dave" "//Eve")
				printf '%s,%d.%02d,%s,0,TP-%s-%d-%04d\n' "${to[$((i % 3))]}" $((100 + i)) $((i % 100)) "$(due $((30 + i % 60)))" "$name" "$run" "$i"
			done
		} >"$file"
		rate="$("$bin" --url "ws://127.0.0.1:$PORT" --suri //Bob --json issue-batch "$file" | tail -1 |
			node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
				const r = JSON.parse(s);
				if (!r.ok || r.issued !== Number(process.argv[1])) { console.error(s.slice(0, 400)); process.exit(1); }
				console.log(r.rate.toFixed(1)); })' "$LINES")"
		echo "run $run  $name  $LINES receivables  $rate /s"
		rates[$name]="${rates[$name]:-} $rate"
	done
done
for entry in "${binaries[@]}"; do
	name="${entry%%=*}"
	echo "$name: ${rates[$name]} (min–max: $(echo ${rates[$name]} | tr ' ' '\n' | sort -n | head -1)–$(echo ${rates[$name]} | tr ' ' '\n' | sort -n | tail -1) /s)"
done
rm -rf "$WORK"
