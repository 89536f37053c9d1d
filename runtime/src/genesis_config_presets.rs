//! Genesis presets: `development` (Alice alone validates) and `local_testnet` (Alice, Bob,
//! Charlie and Dave validate). Both carry the demo world of DESIGN.md §6.

use crate::{AccountId, Balance, RuntimeGenesisConfig, CNY, UNIT, YUAN};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Native tokens (fees) every demo account starts with.
pub const DEMO_NATIVE: Balance = 1_000_000 * UNIT;
/// CNY of the core enterprise (Bob) and the financier (Ferdie): 100,000,000.00 CNY.
pub const DEMO_CNY_LARGE: Balance = 100_000_000 * YUAN;
/// CNY of every other demo enterprise: 1,000,000.00 CNY.
pub const DEMO_CNY_SMALL: Balance = 1_000_000 * YUAN;

/// The demo roles, by dev key.
pub mod demo {
	use super::*;
	/// Operator (sudo) and validator.
	pub fn operator() -> AccountId {
		Sr25519Keyring::Alice.to_account_id()
	}
	/// Core enterprise "Demo Manufacturing Co.".
	pub fn core() -> AccountId {
		Sr25519Keyring::Bob.to_account_id()
	}
	/// Tier-1, tier-2 and tier-3 suppliers.
	pub fn suppliers() -> [AccountId; 3] {
		[
			Sr25519Keyring::Charlie.to_account_id(),
			Sr25519Keyring::Dave.to_account_id(),
			Sr25519Keyring::Eve.to_account_id(),
		]
	}
	/// Financier "Demo Bank".
	pub fn financier() -> AccountId {
		Sr25519Keyring::Ferdie.to_account_id()
	}
}

fn session_keys(k: Sr25519Keyring, g: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(k.public().into(), g.public().into())
}

/// The genesis of a chain validated by `authorities`, with the demo world.
fn cascade_genesis(authorities: Vec<(AuraId, GrandpaId)>, root: AccountId) -> Value {
	let every_demo_account: Vec<AccountId> =
		Sr25519Keyring::iter().take(6).map(|k| k.to_account_id()).collect();
	let mut cny: Vec<(u32, AccountId, Balance)> = Vec::new();
	for who in &every_demo_account {
		let amount = if *who == demo::core() || *who == demo::financier() {
			DEMO_CNY_LARGE
		} else if demo::suppliers().contains(who) {
			DEMO_CNY_SMALL
		} else {
			continue;
		};
		cny.push((CNY, who.clone(), amount));
	}

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: every_demo_account.iter().cloned().map(|k| (k, DEMO_NATIVE)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: pallet_sudo::GenesisConfig { key: Some(root.clone()) },
		assets: pallet_assets::GenesisConfig {
			// Sufficient, minimum balance 1: escrow and suppliers need no native balance.
			assets: vec![(CNY, root.clone(), true, 1)],
			metadata: vec![(CNY, b"Chinese Yuan".to_vec(), b"CNY".to_vec(), 2)],
			accounts: cny,
			next_asset_id: Some(CNY + 1),
		},
	})
}

/// `development`: Alice validates alone.
pub fn development_config_genesis() -> Value {
	cascade_genesis(
		vec![session_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		demo::operator(),
	)
}

/// `local_testnet`: Alice, Bob, Charlie and Dave validate.
pub fn local_config_genesis() -> Value {
	cascade_genesis(
		vec![
			session_keys(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			session_keys(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			session_keys(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			session_keys(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		demo::operator(),
	)
}

/// The JSON of a named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

