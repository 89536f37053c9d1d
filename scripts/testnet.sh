#!/usr/bin/env bash
# Four validators (Alice, Bob, Charlie, Dave) of the `local_testnet` preset on loopback, with
# Aura + GRANDPA. RPC of validator i (0..3) on 127.0.0.1:$((9944 + i)), p2p on 30333 + i.
#   ./scripts/testnet.sh            run until Ctrl-C; logs and databases under .local/testnet
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
cargo build --release -p cascade-node

DIR="${CASCADE_TESTNET_DIR:-$PWD/.local/testnet}"
mkdir -p "$DIR"
SPEC="$DIR/local.json"
"$CASCADE_NODE" build-spec --chain local --raw --disable-default-bootnode >"$SPEC" 2>/dev/null

# Fixed node keys (validators must have one), so the others can find Alice: key 1 is her peer id.
ALICE_PEER=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
BOOT="/ip4/127.0.0.1/tcp/30333/p2p/$ALICE_PEER"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

i=0
for who in alice bob charlie dave; do
	extra=()
	[ "$who" = alice ] || extra=(--bootnodes "$BOOT")
	"$CASCADE_NODE" --chain "$SPEC" --"$who" --validator --node-key "$(printf '%064x' $((i + 1)))" \
		--base-path "$DIR/$who" --port $((30333 + i)) --rpc-port $((9944 + i)) --rpc-cors all \
		--no-prometheus --no-telemetry --no-mdns "${extra[@]}" >"$DIR/$who.log" 2>&1 &
	pids+=($!)
	echo "started $who: ws://127.0.0.1:$((9944 + i)) (log $DIR/$who.log)"
	i=$((i + 1))
done
wait
