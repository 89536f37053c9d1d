//! This crate is never built; it exists for `cargo metadata`.
//!
//! `scripts/env.sh` points `WASM_BUILD_WORKSPACE_HINT` at this workspace so the runtime's wasm
//! build uses the workspace's `Cargo.lock` (its output folder is outside the work tree). The
//! wasm builder then looks up every wasm crate it builds in `cargo metadata` of this workspace,
//! which lists only what default features reach. `frame-benchmarking-cli` (optional in the node,
//! behind `runtime-benchmarks`) builds a wasm test runtime of its own; depending on it here,
//! without features, lists that runtime, so `./scripts/benchmark.sh` builds. Commands build with
//! `-p`, never the whole workspace, so nothing here is compiled.
