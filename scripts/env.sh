# Shared by the scripts: one build directory outside the work tree, reused by every session and CI.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cascade/target}"
export CASCADE_NODE="$CARGO_TARGET_DIR/release/cascade-node"
