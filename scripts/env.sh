# Shared by the scripts: one build directory outside the work tree, reused by every session and CI.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cascade/target}"
# CASCADE_NODE may point at another build of the node (a copy kept while cargo rebuilds).
export CASCADE_NODE="${CASCADE_NODE:-$CARGO_TARGET_DIR/release/cascade-node}"
# The work tree's root.
CASCADE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CASCADE_ROOT
# The wasm runtime build looks for Cargo.lock above its output folder, which is outside the work
# tree; point it at the workspace so the wasm build uses the same locked versions.
export WASM_BUILD_WORKSPACE_HINT="$CASCADE_ROOT"
# The origins of the project's own web pages (the portal, served next to a node): the only
# origins a node's RPC accepts browser requests from, outside the dev chain.
export CASCADE_PORTAL_PORT="${CASCADE_PORTAL_PORT:-8080}"
export CASCADE_RPC_CORS="${CASCADE_RPC_CORS:-http://localhost:$CASCADE_PORTAL_PORT,http://127.0.0.1:$CASCADE_PORTAL_PORT}"
# The crates the suite's test step tests (`cargo test --release $CASCADE_TEST_PACKAGES --tests`);
# tools/workspace-hack keeps their build sharing the node's (scripts/build/workspace-hack.sh).
export CASCADE_TEST_PACKAGES="-p cascade-primitives -p pallet-enterprises -p pallet-receivables -p pallet-financing -p pallet-validators -p pallet-council-root -p cascade-runtime-api -p cascade-rpc -p cascade-runtime"
