//! Genesis presets: `development` (Alice alone validates and is the council of one) and
//! `local_testnet` (Alice, Bob, Charlie and Dave validate; Alice, Bob and Ferdie hold the
//! council's seats). Both carry the demo world of DESIGN.md §6.

use crate::{
	opaque::SessionKeys, AccountId, Balance, RuntimeGenesisConfig, CNY, MILLIS_PER_DAY, UNIT, YUAN,
};
use alloc::{vec, vec::Vec};
use cascade_primitives::Roles;
use frame_support::build_struct_json_patch;
use pallet_enterprises::{credit_code, CreditCode};
use serde_json::Value;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Native tokens (fees) every demo account starts with.
pub const DEMO_NATIVE: Balance = 1_000_000 * UNIT;
/// CNY of the core enterprise (Bob) and the financier (Ferdie): 100,000,000.00 CNY.
pub const DEMO_CNY_LARGE: Balance = 100_000_000 * YUAN;
/// CNY of every other demo enterprise, and of the Operator's treasury: 1,000,000.00 CNY.
pub const DEMO_CNY_SMALL: Balance = 1_000_000 * YUAN;
/// Credit line 0, Demo Bank to Demo Manufacturing: 50,000,000.00 CNY.
pub const DEMO_LINE_LIMIT: Balance = 50_000_000 * YUAN;
/// Program 0, Demo Bank for Demo Manufacturing's notes: 20,000,000.00 CNY.
pub const DEMO_PROGRAM_BUDGET: Balance = 20_000_000 * YUAN;
/// Program 0's rate: 3.65 % a year.
pub const DEMO_PROGRAM_RATE: u32 = 36_500;
/// Credit line 0 expires one year after the chain's first block.
pub const DEMO_LINE_VALIDITY: u64 = 365 * MILLIS_PER_DAY;

/// A unified social credit code for a demo enterprise: the body given, the check character
/// computed per GB 32100-2015.
pub fn demo_credit_code(body: &[u8; 17]) -> CreditCode {
	credit_code::complete(body).expect("demo bodies use the standard alphabet")
}

/// The demo enterprises: account, name, credit code, roles.
pub fn demo_enterprises() -> Vec<(AccountId, Vec<u8>, CreditCode, Roles)> {
	let [tier1, tier2, tier3] = demo::suppliers();
	let supplier = Roles { core: false, supplier: true, financier: false };
	vec![
		(
			demo::core(),
			b"Demo Manufacturing Co.".to_vec(),
			demo_credit_code(b"91310000MA1FL0001"),
			Roles { core: true, supplier: false, financier: false },
		),
		(
			tier1,
			b"Demo Tier-1 Parts Co.".to_vec(),
			demo_credit_code(b"91320500MA1FL0002"),
			supplier,
		),
		(
			tier2,
			b"Demo Tier-2 Components Co.".to_vec(),
			demo_credit_code(b"91330100MA1FL0003"),
			supplier,
		),
		(
			tier3,
			b"Demo Tier-3 Materials Co.".to_vec(),
			demo_credit_code(b"91440300MA1FL0004"),
			supplier,
		),
		(
			demo::financier(),
			b"Demo Bank".to_vec(),
			demo_credit_code(b"91110000100000005"),
			Roles { core: false, supplier: false, financier: true },
		),
	]
}

/// The demo roles, by dev key.
pub mod demo {
	use super::*;
	/// The consortium's seat on the council, and a validator.
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

type CouncilSeats = frame_support::BoundedVec<
	AccountId,
	frame_support::traits::ConstU32<{ crate::configs::council::MAX_COUNCIL_MEMBERS }>,
>;

/// A dev validator: its account and its session keys (Aura sr25519, GRANDPA ed25519, the dev
/// seeds `--alice` .. `--dave` put in a node's keystore).
pub fn dev_validator(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, SessionKeys) {
	let keys = SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() };
	(aura.to_account_id(), keys)
}

/// The genesis of a chain validated by `validators` and governed by `council`, with the demo
/// world. `operator` is the consortium's own account (its CNY treasury).
fn cascade_genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	council: Vec<AccountId>,
	operator: AccountId,
) -> Value {
	let every_demo_account: Vec<AccountId> =
		Sr25519Keyring::iter().take(6).map(|k| k.to_account_id()).collect();
	let mut cny: Vec<(u32, AccountId, Balance)> = Vec::new();
	for who in &every_demo_account {
		let amount = if *who == demo::core() || *who == demo::financier() {
			DEMO_CNY_LARGE
		} else if demo::suppliers().contains(who) || *who == operator {
			DEMO_CNY_SMALL
		} else {
			continue;
		};
		cny.push((CNY, who.clone(), amount));
	}

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: every_demo_account
				.iter()
				.cloned()
				.map(|k| (k, DEMO_NATIVE))
				.collect::<Vec<_>>(),
		},
		// Aura's and GRANDPA's authorities come from Session's genesis.
		validators: pallet_validators::GenesisConfig {
			validators: validators.iter().map(|(who, _)| who.clone()).collect::<Vec<_>>(),
		},
		session: pallet_session::GenesisConfig {
			keys: validators
				.iter()
				.map(|(who, keys)| (who.clone(), who.clone(), keys.clone()))
				.collect::<Vec<_>>(),
		},
		council_membership: pallet_membership::GenesisConfig {
			members: CouncilSeats::try_from(council).expect("the demo council fits"),
		},
		assets: pallet_assets::GenesisConfig {
			// Sufficient, minimum balance 1: escrow and suppliers need no native balance. Owned
			// by the enterprises pallet's keyless account: no signed account may force-transfer,
			// freeze or burn it; the Operator mints through `Enterprises::mint_settlement`.
			assets: vec![(CNY, crate::Enterprises::account_id(), true, 1)],
			metadata: vec![(CNY, b"Chinese Yuan".to_vec(), b"CNY".to_vec(), 2)],
			accounts: cny,
			next_asset_id: Some(CNY + 1),
		},
		enterprises: pallet_enterprises::GenesisConfig {
			enterprises: demo_enterprises(),
			credit_lines: vec![(
				demo::financier(),
				demo::core(),
				CNY,
				DEMO_LINE_LIMIT,
				DEMO_LINE_VALIDITY,
			)],
			settlement_assets: vec![CNY],
		},
		financing: pallet_financing::GenesisConfig {
			programs: vec![(
				demo::financier(),
				demo::core(),
				CNY,
				sp_runtime::Permill::from_parts(DEMO_PROGRAM_RATE),
				DEMO_PROGRAM_BUDGET,
				None,
			)],
		},
	})
}

/// `development`: Alice validates alone and is the council of one, so her motions with
/// threshold 1 are carried at once.
pub fn development_config_genesis() -> Value {
	cascade_genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		vec![demo::operator()],
		demo::operator(),
	)
}

/// `local_testnet`: Alice, Bob, Charlie and Dave validate; the council is Alice (the
/// consortium), Bob (the core enterprises) and Ferdie (the banks), so every Operator decision
/// needs two of the three.
pub fn local_config_genesis() -> Value {
	cascade_genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		vec![demo::operator(), demo::core(), demo::financier()],
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
