//! The runtime one spec version up (see Cargo.toml): in the wasm build, cascade-runtime with its
//! `upgrade-test` feature, whose exports are this crate's; natively nothing.
#![no_std]

#[cfg(feature = "wasm")]
pub use cascade_runtime::*;
