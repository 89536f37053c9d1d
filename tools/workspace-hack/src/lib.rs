//! Nothing to use: this crate exists for its dependencies' feature sets (see its Cargo.toml and
//! `scripts/build/workspace-hack.sh`).
