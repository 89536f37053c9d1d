#!/usr/bin/env bash
# Four validators (Alice, Bob, Charlie, Dave) of the `local_testnet` preset on loopback, with
# Aura + GRANDPA. RPC of validator i (0..3) on 127.0.0.1:$((RPC_BASE + i)) (9944…9947), p2p on
# 30333 + i.
#   ./scripts/testnet.sh            run until Ctrl-C; logs and databases under .local/testnet
#   CASCADE_TESTNET_EVE=1 ./scripts/testnet.sh
#                                   also run Eve's node (RPC 9948): a standby validator, in the
#                                   network but not in the validator set until the council admits
#                                   her (README "Governance")
#
# A permissioned network: every node has its own node key, generated on this machine the first
# time (kept in $DIR/keys/<name>.key, mode 600, never on a command line), and talks only to the
# consortium's reserved peers (--reserved-only, the five nodes' peer ids read from those keys),
# with no mDNS discovery. A stranger's node started with the same chain spec finds no peer and
# gets no block.
#
# Not a dev chain, so its RPC is safe-only: no author_insertKey, author_rotateKeys or other
# unsafe methods (validators' session keys come from --alice…--dave here), and browsers are
# let in only from the project's own pages ($CASCADE_RPC_CORS, from scripts/env.sh).
#
# CASCADE_TESTNET_DIR, CASCADE_TESTNET_RPC_BASE and CASCADE_TESTNET_P2P_BASE move it elsewhere;
# CASCADE_SKIP_BUILD=1 runs the node already built (the test suite does); CASCADE_TESTNET_ARGS adds
# options to every node (the load scripts: pool size and type), CASCADE_TESTNET_PROMETHEUS=<port>
# serves validator i's metrics on <port> + i (scripts/load/ reads them).
#
# CASCADE_TESTNET_INDEXER=postgres (or sqlite) also runs cascade-indexer following Alice's node:
# into a PostgreSQL cluster of its own under $DIR/postgres (Debian's `postgresql`, which setup.sh
# installs; on a free loopback port, kept across restarts), or a SQLite file $DIR/index.db; its
# HTTP service on 127.0.0.1:${CASCADE_TESTNET_INDEXER_PORT:-9955}, readable by the project's pages.
#
# The nodes run the single-state transaction pool: with the SDK's default, the fork-aware pool, a
# batch of 10,000 receivables sent to Alice reached only Alice's own blocks, and 2,962 of them
# were dropped from the pool unannounced; the single-state pool passed all of them on and every
# validator's block carried them (README "The month-end batch"). CASCADE_TESTNET_ARGS may choose
# the other with --pool-type fork-aware.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${CASCADE_SKIP_BUILD:-0}" != 1 ]; then
	./scripts/setup.sh
	source scripts/env.sh
	cargo build --release -p cascade-node
	[ -z "${CASCADE_TESTNET_INDEXER:-}" ] || cargo build --release -p cascade-indexer
else
	source scripts/env.sh
fi

DIR="${CASCADE_TESTNET_DIR:-$PWD/.local/testnet}"
RPC_BASE="${CASCADE_TESTNET_RPC_BASE:-9944}"
P2P_BASE="${CASCADE_TESTNET_P2P_BASE:-30333}"
mkdir -p "$DIR"
SPEC="$DIR/local.json"
"$CASCADE_NODE" build-spec --chain local --raw --disable-default-bootnode >"$SPEC" 2>/dev/null

NAMES=(alice bob charlie dave eve)
RUN=(alice bob charlie dave)
[ "${CASCADE_TESTNET_EVE:-0}" = 1 ] && RUN+=(eve)

# The consortium's nodes: a node key each, made here on the first run, and the peer ids they give.
KEYS="$DIR/keys"
mkdir -p "$KEYS"
chmod 700 "$KEYS"
node_key_file() { printf '%s/%s.key' "$KEYS" "${NAMES[$1]}"; }
RESERVED=()
for i in "${!NAMES[@]}"; do
	key=$(node_key_file "$i")
	if [ ! -s "$key" ]; then
		(umask 077 && "$CASCADE_NODE" key generate-node-key --file "$key" 2>/dev/null)
	fi
	peer=$("$CASCADE_NODE" key inspect-node-key --file "$key" 2>/dev/null)
	RESERVED+=("/ip4/127.0.0.1/tcp/$((P2P_BASE + i))/p2p/$peer")
done

pids=()
cleanup() {
	kill "${pids[@]}" 2>/dev/null || true
	wait 2>/dev/null || true
	if declare -F stop_postgres >/dev/null; then stop_postgres; fi
}
trap cleanup EXIT INT TERM

for i in "${!RUN[@]}"; do
	who=${RUN[$i]}
	peers=()
	metrics=(--no-prometheus)
	pool=(--pool-type single-state)
	[[ "${CASCADE_TESTNET_ARGS:-}" == *--pool-type* ]] && pool=()
	[ -n "${CASCADE_TESTNET_PROMETHEUS:-}" ] && metrics=(--prometheus-port $((CASCADE_TESTNET_PROMETHEUS + i)))
	for j in "${!RESERVED[@]}"; do
		[ "$j" = "$i" ] || peers+=(--reserved-nodes "${RESERVED[$j]}")
	done
	"$CASCADE_NODE" --chain "$SPEC" --"$who" --validator --node-key-file "$(node_key_file "$i")" \
		--base-path "$DIR/$who" --listen-addr "/ip4/127.0.0.1/tcp/$((P2P_BASE + i))" \
		--rpc-port $((RPC_BASE + i)) --rpc-methods safe --rpc-cors "$CASCADE_RPC_CORS" \
		--reserved-only "${peers[@]}" \
		"${metrics[@]}" --no-telemetry --no-mdns "${pool[@]}" ${CASCADE_TESTNET_ARGS:-} \
		>"$DIR/$who.log" 2>&1 &
	pids+=($!)
	echo "started $who: ws://127.0.0.1:$((RPC_BASE + i)) (log $DIR/$who.log, ${RESERVED[$i]})"
done

case "${CASCADE_TESTNET_INDEXER:-}" in
	'') ;;
	postgres | sqlite)
		if [ "$CASCADE_TESTNET_INDEXER" = postgres ]; then
			source scripts/dev/postgres.sh
			start_postgres "$DIR/postgres"
			INDEX_DB="$POSTGRES_URL"
		else
			INDEX_DB="$DIR/index.db"
		fi
		for _ in $(seq 1 120); do
			curl -fsS -H 'content-type: application/json' \
				-d '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' \
				"http://127.0.0.1:$RPC_BASE" >/dev/null 2>&1 && break
			sleep 0.5
		done
		origins=()
		IFS=',' read -ra cors <<<"$CASCADE_RPC_CORS"
		for origin in "${cors[@]}"; do origins+=(--allow-origin "$origin"); done
		"$CARGO_TARGET_DIR/release/cascade-indexer" --node "ws://127.0.0.1:$RPC_BASE" --db "$INDEX_DB" \
			--listen "127.0.0.1:${CASCADE_TESTNET_INDEXER_PORT:-9955}" "${origins[@]}" >"$DIR/indexer.log" 2>&1 &
		pids+=($!)
		echo "started cascade-indexer on $INDEX_DB: http://127.0.0.1:${CASCADE_TESTNET_INDEXER_PORT:-9955}/health (log $DIR/indexer.log)"
		;;
	*) echo "CASCADE_TESTNET_INDEXER=$CASCADE_TESTNET_INDEXER: give postgres or sqlite" >&2; exit 1 ;;
esac
wait
