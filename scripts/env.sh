# Shared by the scripts: one build directory outside the work tree, reused by every session and CI.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cascade/target}"
export CASCADE_NODE="$CARGO_TARGET_DIR/release/cascade-node"
# The wasm runtime build looks for Cargo.lock above its output folder, which is outside the work
# tree; point it at the workspace so the wasm build uses the same locked versions.
WASM_BUILD_WORKSPACE_HINT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WASM_BUILD_WORKSPACE_HINT
