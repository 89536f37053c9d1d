// This file is part of Cascade.
// SPDX-License-Identifier: Apache-2.0

//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-06 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Cascade Development`
//! BLOCK-NUM: `Number(93)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/configs/`
//! METRIC: `Average`, WEIGHT-MUL: `2.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/cascade/target/release/cascade-node
//   benchmark
//   storage
//   --chain
//   /root/.cache/cascade/target/storage-weights/dev.json
//   --base-path
//   /root/.cache/cascade/target/storage-weights/db-100000
//   --db
//   paritydb
//   --state-version
//   1
//   --warmups
//   1
//   --metric
//   average
//   --mul
//   2.0
//   --batch-size
//   1000
//   --header
//   scripts/benchmark/header.txt
//   --weight-path
//   runtime/src/configs/
//   --json-read-path
//   /root/.cache/cascade/target/storage-weights/read.json
//   --json-write-path
//   /root/.cache/cascade/target/storage-weights/write.json

/// Storage DB weights for the `Cascade Development` runtime and `ParityDb`.
pub mod constants {
	use frame_support::weights::constants;
	use sp_core::parameter_types;
	use sp_weights::RuntimeDbWeight;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `2.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 1_262, 897_902
			///   Average:  5_859
			///   Median:   5_348
			///   Std-Dev:  4435.8
			///
			/// Percentiles nanoseconds:
			///   99th: 12_839
			///   95th: 7_871
			///   75th: 6_230
			read: 11_718 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `2.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 9_274, 55_507
			///   Average:  14_683
			///   Median:   14_018
			///   Std-Dev:  3739.36
			///
			/// Percentiles nanoseconds:
			///   99th: 25_277
			///   95th: 20_770
			///   75th: 15_915
			write: 29_366 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use sp_weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
