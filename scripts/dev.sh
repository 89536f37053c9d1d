#!/usr/bin/env bash
# Build (if needed) and run a development chain with the demo world.
#   ./scripts/dev.sh                       Aura + GRANDPA, one validator (Alice), 6-second blocks
#   ./scripts/dev.sh --dev-block-time 300  a block every 300 ms, finalized at once
# Any further arguments go to cascade-node. RPC: ws://127.0.0.1:9944
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
cargo build --release -p cascade-node
exec "$CASCADE_NODE" --dev --rpc-port 9944 --rpc-cors all "$@"
