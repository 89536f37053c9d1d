# Sourced by the load scripts that run on the four-validator testnet: `start_testnet` runs
# ./scripts/testnet.sh (Aura 6-second slots, GRANDPA) on a throwaway directory and free ports,
# with $TESTNET_ARGS added to every node, waits until a block past genesis is finalized, and
# stops it and removes its directory when the script exits. Sets TESTNET_URL (validator Alice's
# RPC), TESTNET_DIR, TESTNET_PID, TESTNET_METRICS (Alice's Prometheus port). Needs scripts/env.sh.
start_testnet() {
	TESTNET_DIR="$(mktemp -d)"
	# Below Linux's ephemeral range (32768-60999), where an outgoing connection may take a port.
	local base=$((20000 + RANDOM % 12000))
	TESTNET_METRICS=$((base + 10))
	CASCADE_SKIP_BUILD=1 CASCADE_TESTNET_DIR="$TESTNET_DIR" CASCADE_TESTNET_RPC_BASE="$base" \
		CASCADE_TESTNET_P2P_BASE=$((base + 5)) CASCADE_TESTNET_PROMETHEUS="$TESTNET_METRICS" \
		CASCADE_TESTNET_ARGS="${TESTNET_ARGS:-}" ./scripts/testnet.sh >"$TESTNET_DIR/testnet.out" 2>&1 &
	TESTNET_PID=$!
	TESTNET_URL="ws://127.0.0.1:$base"
	trap stop_testnet EXIT
	local rpc="http://127.0.0.1:$base" finalized=0
	for _ in $(seq 1 240); do
		finalized=$(curl -fsS -H 'content-type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"chain_getFinalizedHead","params":[]}' "$rpc" 2>/dev/null |
			sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p' || true)
		if [ -n "$finalized" ]; then
			local number
			number=$(curl -fsS -H 'content-type: application/json' \
				-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_getHeader\",\"params\":[\"$finalized\"]}" "$rpc" |
				sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p' || true)
			if [ -n "$number" ] && [ $((number)) -ge 1 ]; then
				echo "testnet up: $TESTNET_URL, block $((number)) finalized" >&2
				return 0
			fi
		fi
		if ! kill -0 "$TESTNET_PID" 2>/dev/null; then
			echo "the testnet exited early:" >&2; tail -30 "$TESTNET_DIR"/*.log >&2; exit 1
		fi
		sleep 0.5
	done
	echo "no block finalized within 120 s:" >&2; tail -30 "$TESTNET_DIR"/alice.log >&2; exit 1
}

stop_testnet() {
	kill "$TESTNET_PID" 2>/dev/null || true
	wait "$TESTNET_PID" 2>/dev/null || true
	rm -rf "$TESTNET_DIR"
}

# The pids of the running validators (for profiles and CPU time), Alice's first.
testnet_pids() {
	local who
	for who in alice bob charlie dave; do
		pgrep -f -- "--base-path $TESTNET_DIR/$who " || true
	done
}
