//! What the runtime integration tests share: storage from a genesis preset, balances, invariants.
#![allow(dead_code)]

use cascade_runtime::{
	genesis_config_presets, AccountId, Assets, Balance, Runtime, RuntimeGenesisConfig, System, CNY,
};
use serde_json::Value;

/// A first-block time for the tests (ms).
pub const GENESIS_TIME: u64 = 1_790_000_000_000;

fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(Value::Null), v);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Storage built from a named preset, at block 1 with the first timestamp set.
pub fn ext_from_preset(name: &str) -> sp_io::TestExternalities {
	let patch: Value = serde_json::from_slice(
		&genesis_config_presets::get_preset(&name.into()).expect("preset exists"),
	)
	.expect("preset is JSON");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("default config serializes");
	merge(&mut config, patch);
	let json = serde_json::to_vec(&config).expect("serializes");
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.expect("preset builds");
		System::set_block_number(1);
		// Aura checks the timestamp against the slot of the block's pre-digest.
		pallet_aura::CurrentSlot::<Runtime>::put(sp_consensus_aura::Slot::from(
			GENESIS_TIME / cascade_runtime::SLOT_DURATION,
		));
		pallet_timestamp::Pallet::<Runtime>::set_timestamp(GENESIS_TIME);
	});
	ext
}

pub fn cny(who: &AccountId) -> Balance {
	Assets::balance(CNY, who)
}

pub fn check_invariants() {
	pallet_enterprises::Pallet::<Runtime>::do_try_state().expect("enterprises invariants");
	pallet_receivables::Pallet::<Runtime>::do_try_state().expect("receivables invariants");
	pallet_validators::Pallet::<Runtime>::do_try_state().expect("validators invariants");
}

/// The origin of a council motion carried by `ayes` of `members`.
pub fn council_origin(ayes: u32, members: u32) -> cascade_runtime::RuntimeOrigin {
	pallet_collective::RawOrigin::<AccountId, pallet_collective::Instance1>::Members(ayes, members)
		.into()
}
