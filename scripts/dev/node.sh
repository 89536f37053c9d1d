# Sourced by scripts that need a throwaway dev node: `start_dev_node <block-ms>` starts
# `cascade-node --dev --dev-block-time <block-ms>` (`start_dev_node aura`: `cascade-node --dev`,
# Aura with 6-second blocks) through the tests' one node launcher (@cascade/api's launch.js: its
# own database, an RPC port the node picks), waits until it answers, and stops it (removing its
# database) when the script exits. It sets PORT, LOG (the node's whole log) and NODE_PID (the
# node's process). Needs scripts/env.sh sourced first (CASCADE_NODE). DEV_NODE_ARGS adds options;
# DEV_NODE_PROMETHEUS=<port> serves the node's metrics there.
start_dev_node() {
	local sealing=(--dev-block-time "$1")
	[ "$1" = aura ] && sealing=()
	local metrics=()
	[ -n "${DEV_NODE_PROMETHEUS:-}" ] && metrics=(--prometheus-port "$DEV_NODE_PROMETHEUS")
	DEV_NODE_DIR="$(mktemp -d)"
	LOG="$DEV_NODE_DIR/node.log"
	# shellcheck disable=SC2086 # DEV_NODE_ARGS is a list of options
	node "$CASCADE_ROOT/js/cascade-api/dist/testing/launch.js" --log "$LOG" -- \
		--dev "${sealing[@]}" --rpc-cors "$CASCADE_RPC_CORS" "${metrics[@]}" ${DEV_NODE_ARGS:-} \
		>"$DEV_NODE_DIR/ready" 2>"$DEV_NODE_DIR/launch.err" &
	LAUNCHER_PID=$!
	trap stop_dev_node EXIT
	for _ in $(seq 1 180); do
		if [ -s "$DEV_NODE_DIR/ready" ]; then
			PORT="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["port"])' <"$DEV_NODE_DIR/ready")"
			NODE_PID="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["pid"])' <"$DEV_NODE_DIR/ready")"
			return 0
		fi
		if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then
			echo "cascade-node did not start:"; cat "$DEV_NODE_DIR/launch.err"; exit 1
		fi
		sleep 0.5
	done
	echo "cascade-node did not answer within 90 s:"; tail -50 "$LOG"; exit 1
}

stop_dev_node() {
	kill "$LAUNCHER_PID" 2>/dev/null || true
	wait "$LAUNCHER_PID" 2>/dev/null || true
	rm -rf "$DEV_NODE_DIR"
}
