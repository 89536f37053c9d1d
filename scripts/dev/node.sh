# Sourced by scripts that need a throwaway dev node: `start_dev_node <block-ms>` starts
# `cascade-node --dev --dev-block-time <block-ms>` (`start_dev_node aura`: `cascade-node --dev`,
# Aura with 6-second blocks) with its own database on a free RPC port,
# waits until it answers, and stops and removes it when the script exits. It sets PORT, BASE,
# LOG and NODE_PID. Needs scripts/env.sh sourced first (CASCADE_NODE). DEV_NODE_ARGS adds options;
# DEV_NODE_PROMETHEUS=<port> serves the node's metrics there.
start_dev_node() {
	PORT="${CASCADE_RPC_PORT:-$((20000 + RANDOM % 20000))}"
	BASE="$(mktemp -d)"
	LOG="$BASE/node.log"
	local sealing=(--dev-block-time "$1")
	[ "$1" = aura ] && sealing=()
	local metrics=(--no-prometheus)
	[ -n "${DEV_NODE_PROMETHEUS:-}" ] && metrics=(--prometheus-port "$DEV_NODE_PROMETHEUS")
	"$CASCADE_NODE" --dev "${sealing[@]}" --base-path "$BASE" --rpc-port "$PORT" \
		--rpc-cors "$CASCADE_RPC_CORS" "${metrics[@]}" --no-telemetry --listen-addr /ip4/127.0.0.1/tcp/0 \
		${DEV_NODE_ARGS:-} >"$LOG" 2>&1 &
	NODE_PID=$!
	trap stop_dev_node EXIT
	for _ in $(seq 1 120); do
		if curl -fsS -H 'content-type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
			"http://127.0.0.1:$PORT" >/dev/null 2>&1; then
			return 0
		fi
		if ! kill -0 "$NODE_PID" 2>/dev/null; then
			echo "cascade-node exited early:"; tail -50 "$LOG"; exit 1
		fi
		sleep 0.5
	done
	echo "cascade-node did not answer within 60 s:"; tail -50 "$LOG"; exit 1
}

stop_dev_node() {
	kill "$NODE_PID" 2>/dev/null || true
	wait "$NODE_PID" 2>/dev/null || true
	rm -rf "$BASE"
}
