//! Storage is priced for the node's own database (ParityDB, `DbWeight`) wherever the runtime
//! charges a block for it — not only in Cascade's pallets, but in what every signed transaction's
//! extensions and every block's timestamp cost. The SDK's `()` weights price storage as RocksDB
//! (25 µs a read, 100 µs a write) whatever `DbWeight` says: each weight below, which includes its
//! own storage accesses, must cost less than those accesses alone at RocksDB's price, and at least
//! what they cost at the runtime's.

use cascade_runtime::Runtime;
use frame_support::weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight};
use frame_system::ExtensionsWeightInfo;
use pallet_timestamp::WeightInfo as _;

type Extensions = <Runtime as frame_system::Config>::ExtensionsWeightInfo;
type Timestamp = <Runtime as pallet_timestamp::Config>::WeightInfo;

fn db() -> RuntimeDbWeight {
	<<Runtime as frame_system::Config>::DbWeight as frame_support::traits::Get<_>>::get()
}

/// `weight` makes `reads` reads and `writes` writes: priced at the runtime's `DbWeight`.
fn assert_priced_for_the_node(what: &str, weight: Weight, reads: u64, writes: u64) {
	let ours = db().reads_writes(reads, writes).ref_time();
	let rocks = RocksDbWeight::get().reads_writes(reads, writes).ref_time();
	assert!(ours < rocks, "the runtime's DbWeight is ParityDB's, cheaper than RocksDB's");
	assert!(
		weight.ref_time() >= ours,
		"{what}: {} ps is less than its storage at the runtime's price ({ours} ps)",
		weight.ref_time()
	);
	assert!(
		weight.ref_time() < rocks,
		"{what}: {} ps prices its storage as RocksDB ({rocks} ps for the accesses alone)",
		weight.ref_time()
	);
}

#[test]
fn every_transactions_extensions_are_priced_with_the_runtimes_db_weight() {
	// CheckGenesis and CheckMortality read a block hash; CheckNonce reads and writes the
	// sender's account; WeightReclaim reads and writes the block's extrinsics length.
	assert_priced_for_the_node("check_genesis", Extensions::check_genesis(), 1, 0);
	assert_priced_for_the_node(
		"check_mortality (mortal)",
		Extensions::check_mortality_mortal_transaction(),
		1,
		0,
	);
	assert_priced_for_the_node(
		"check_mortality (immortal)",
		Extensions::check_mortality_immortal_transaction(),
		1,
		0,
	);
	assert_priced_for_the_node("check_nonce", Extensions::check_nonce(), 1, 1);
	assert_priced_for_the_node("weight_reclaim", Extensions::weight_reclaim(), 1, 1);
}

#[test]
fn every_blocks_timestamp_is_priced_with_the_runtimes_db_weight() {
	// `set` reads the previous time and the slot check's input and writes the new time.
	assert_priced_for_the_node("timestamp set", Timestamp::set(), 2, 1);
}
