// This file is part of Cascade.
// SPDX-License-Identifier: Apache-2.0

//! Weights of `pallet_council_root`: its own work only (origin check, hashing the call); the
//! dispatched call's weight is added to it.
//!
//! Made by `./scripts/benchmark.sh council_root` (frame-benchmarking CLI); until that has run on
//! the reference machine this is a first estimate in the template's shape: no storage access.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// The weight of every call of `pallet_council_root`.
pub trait WeightInfo {
	fn dispatch_as_root() -> Weight;
}

/// The measured weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn dispatch_as_root() -> Weight {
		Weight::from_parts(15_000_000, 0)
	}
}

impl WeightInfo for () {
	fn dispatch_as_root() -> Weight {
		Weight::from_parts(15_000_000, 0)
	}
}
