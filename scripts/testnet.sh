#!/usr/bin/env bash
# Four validators (Alice, Bob, Charlie, Dave) of the `local_testnet` preset on loopback, with
# Aura + GRANDPA. RPC of validator i (0..3) on 127.0.0.1:$((RPC_BASE + i)) (9944…9947), p2p on
# 30333 + i.
#   ./scripts/testnet.sh            run until Ctrl-C; logs and databases under .local/testnet
#
# Not a dev chain, so its RPC is safe-only: no author_insertKey, author_rotateKeys or other
# unsafe methods (validators' session keys come from --alice…--dave here), and browsers are
# let in only from the project's own pages ($CASCADE_RPC_CORS, from scripts/env.sh).
#
# CASCADE_TESTNET_DIR, CASCADE_TESTNET_RPC_BASE and CASCADE_TESTNET_P2P_BASE move it elsewhere;
# CASCADE_SKIP_BUILD=1 runs the node already built (the test suite does).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${CASCADE_SKIP_BUILD:-0}" != 1 ]; then
	./scripts/setup.sh
	source scripts/env.sh
	cargo build --release -p cascade-node
else
	source scripts/env.sh
fi

DIR="${CASCADE_TESTNET_DIR:-$PWD/.local/testnet}"
RPC_BASE="${CASCADE_TESTNET_RPC_BASE:-9944}"
P2P_BASE="${CASCADE_TESTNET_P2P_BASE:-30333}"
mkdir -p "$DIR"
SPEC="$DIR/local.json"
"$CASCADE_NODE" build-spec --chain local --raw --disable-default-bootnode >"$SPEC" 2>/dev/null

# Fixed node keys (validators must have one), so the others can find Alice: key 1 is her peer id.
ALICE_PEER=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
BOOT="/ip4/127.0.0.1/tcp/$P2P_BASE/p2p/$ALICE_PEER"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

i=0
for who in alice bob charlie dave; do
	extra=()
	[ "$who" = alice ] || extra=(--bootnodes "$BOOT")
	"$CASCADE_NODE" --chain "$SPEC" --"$who" --validator --node-key "$(printf '%064x' $((i + 1)))" \
		--base-path "$DIR/$who" --port $((P2P_BASE + i)) --rpc-port $((RPC_BASE + i)) \
		--rpc-methods safe --rpc-cors "$CASCADE_RPC_CORS" \
		--no-prometheus --no-telemetry --no-mdns "${extra[@]}" >"$DIR/$who.log" 2>&1 &
	pids+=($!)
	echo "started $who: ws://127.0.0.1:$((RPC_BASE + i)) (log $DIR/$who.log)"
	i=$((i + 1))
done
wait
