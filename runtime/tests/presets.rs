//! Runtime integration tests: the real runtime in `TestExternalities` from a genesis preset.

use cascade_runtime::{
	genesis_config_presets::{self, demo, DEMO_CNY_LARGE, DEMO_CNY_SMALL, DEMO_LINE_LIMIT},
	Assets, Enterprises, Receivables, Runtime, RuntimeOrigin, CNY, MILLIS_PER_DAY, YUAN,
};
use common::{check_invariants, cny, ext_from_preset, GENESIS_TIME};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

mod common;

#[test]
fn presets_are_listed() {
	let names: Vec<String> = genesis_config_presets::preset_names();
	assert_eq!(names, vec!["development".to_string(), "local_testnet".to_string()]);
}

#[test]
fn development_preset_carries_the_demo_world() {
	ext_from_preset("development").execute_with(|| {
		// Settlement money.
		assert_eq!(cny(&demo::core()), DEMO_CNY_LARGE);
		assert_eq!(cny(&demo::financier()), DEMO_CNY_LARGE);
		for s in demo::suppliers() {
			assert_eq!(cny(&s), DEMO_CNY_SMALL);
		}
		assert_eq!(DEMO_CNY_LARGE, 100_000_000 * YUAN);
		// Enterprises.
		let bob = pallet_enterprises::Enterprises::<Runtime>::get(demo::core()).unwrap();
		assert_eq!(bob.name.to_vec(), b"Demo Manufacturing Co.".to_vec());
		assert!(bob.roles.core);
		assert!(pallet_enterprises::credit_code::is_valid(&bob.credit_code));
		let bank = pallet_enterprises::Enterprises::<Runtime>::get(demo::financier()).unwrap();
		assert_eq!(bank.name.to_vec(), b"Demo Bank".to_vec());
		assert!(bank.roles.financier);
		for s in demo::suppliers() {
			assert!(pallet_enterprises::Enterprises::<Runtime>::get(&s).unwrap().roles.supplier);
		}
		// Credit line 0, anchored to the first block's time.
		let line = pallet_enterprises::CreditLines::<Runtime>::get(0).unwrap();
		assert_eq!(line.financier, demo::financier());
		assert_eq!(line.core, demo::core());
		assert_eq!(line.asset, CNY);
		assert_eq!(line.limit, DEMO_LINE_LIMIT);
		assert_eq!(line.expires_at, GENESIS_TIME + 365 * MILLIS_PER_DAY);
		// No Sudo: the Operator is the council, on the dev chain Alice alone.
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			vec![demo::operator()]
		);
		assert_eq!(
			pallet_validators::Validators::<Runtime>::get().into_inner(),
			vec![demo::operator()]
		);
		check_invariants();
	});
}

#[test]
fn local_testnet_has_four_validators() {
	ext_from_preset("local_testnet").execute_with(|| {
		assert_eq!(pallet_validators::Validators::<Runtime>::get().len(), 4);
		assert_eq!(pallet_session::Validators::<Runtime>::get().len(), 4);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		assert!(pallet_enterprises::CreditLines::<Runtime>::get(0).is_some());
	});
}

#[test]
fn the_story_runs_on_the_real_runtime() {
	ext_from_preset("development").execute_with(|| {
		let [charlie, dave, eve] = demo::suppliers();
		let bob = demo::core();
		let face = 1_000_000 * YUAN;
		let maturity = GENESIS_TIME + 90 * MILLIS_PER_DAY;
		assert_ok!(Receivables::issue(
			RuntimeOrigin::signed(bob.clone()),
			charlie.clone(),
			CNY,
			face,
			maturity,
			0,
			H256::repeat_byte(9),
			b"PO-2026-0001".to_vec().try_into().unwrap(),
		));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(charlie.clone()), 0));
		// The core's register through the runtime API (version 4): its one receivable.
		{
			use cascade_runtime_api::{
				runtime_decl_for_receivables_api::ReceivablesApiV5, PageRequest,
			};
			let page = <Runtime as ReceivablesApiV5<_, _, _, _>>::receivables_of(
				bob.clone(),
				PageRequest::first(10),
			)
			.expect("a page");
			let got: Vec<_> = page.items.iter().map(|r| (r.id, r.issuer.clone())).collect();
			assert_eq!((got, page.next), (vec![(0, bob.clone())], None));
		}
		assert_ok!(Receivables::split_transfer(
			RuntimeOrigin::signed(charlie.clone()),
			0,
			dave.clone(),
			400_000 * YUAN
		));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(dave.clone()), 1));
		assert_ok!(Receivables::split_transfer(
			RuntimeOrigin::signed(dave.clone()),
			1,
			eve.clone(),
			150_000 * YUAN
		));
		assert_ok!(Receivables::accept(RuntimeOrigin::signed(eve.clone()), 3));
		// A stranger cannot accept, a pure core cannot hold.
		assert_noop!(
			Receivables::transfer(RuntimeOrigin::signed(eve.clone()), 3, bob.clone()),
			pallet_receivables::Error::<Runtime>::RecipientNotEligible
		);
		assert_eq!(pallet_enterprises::CreditLines::<Runtime>::get(0).unwrap().used, face);
		check_invariants();

		assert_ok!(Receivables::repay(RuntimeOrigin::signed(bob.clone()), 0));
		assert_eq!(pallet_enterprises::CreditLines::<Runtime>::get(0).unwrap().used, 0);
		pallet_timestamp::Now::<Runtime>::put(maturity);
		let before = [cny(&charlie), cny(&dave), cny(&eve)];
		for note in [2, 4, 3] {
			assert_ok!(Receivables::redeem(RuntimeOrigin::signed(demo::operator()), note));
		}
		assert_eq!(cny(&charlie), before[0] + 600_000 * YUAN);
		assert_eq!(cny(&dave), before[1] + 250_000 * YUAN);
		assert_eq!(cny(&eve), before[2] + 150_000 * YUAN);
		assert_eq!(cny(&Receivables::escrow_account(0)), 0);
		check_invariants();
		let _ = Enterprises::is_active_with(&bob, cascade_primitives::Role::Core);
	});
}

/// Bob issues 100,000.00 to Charlie (receivable and note 0, due in 30 days), Charlie accepts and
/// finances it with program 0 as `kind`; returns the maturity.
fn charlie_finances_a_note(kind: pallet_financing::FinancingKind) -> u64 {
	let charlie = demo::suppliers()[0].clone();
	let maturity = GENESIS_TIME + 30 * MILLIS_PER_DAY;
	assert_ok!(Receivables::issue(
		RuntimeOrigin::signed(demo::core()),
		charlie.clone(),
		CNY,
		100_000 * YUAN,
		maturity,
		0,
		H256::zero(),
		b"FIN-1".to_vec().try_into().unwrap(),
	));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(charlie.clone()), 0));
	assert_ok!(cascade_runtime::Financing::finance(RuntimeOrigin::signed(charlie), 0, 0, kind));
	maturity
}

#[test]
fn recourse_claims_show_through_the_runtime_api() {
	ext_from_preset("development").execute_with(|| {
		let [charlie, dave, _] = demo::suppliers();
		let bob = demo::core();
		let maturity =
			charlie_finances_a_note(pallet_financing::FinancingKind::Factoring { recourse: true });
		pallet_timestamp::Now::<Runtime>::put(maturity + 3 * MILLIS_PER_DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(dave.clone()), 0));
		// Charlie has spent everything: recourse becomes a claim.
		let all = cny(&charlie);
		assert_ok!(Assets::transfer(
			RuntimeOrigin::signed(charlie.clone()),
			codec::Compact(CNY),
			dave.clone().into(),
			all
		));
		assert_ok!(cascade_runtime::Financing::exercise_recourse(
			RuntimeOrigin::signed(demo::financier()),
			0
		));
		let claims = claims_of(charlie.clone());
		assert_eq!(claims.len(), 1);
		assert_eq!(claims[0].debtor, charlie);
		assert_eq!(claims[0].creditor, demo::financier());
		assert!(*claims[0].amount > 0);
		// The note stays the bank's security (issue 25, item 1): the API names it.
		assert_eq!(claims[0].security, Some(0));
		assert_eq!(claims_of(demo::financier()), claims);
		assert!(claims_of(bob).is_empty());
		check_invariants();
		pallet_financing::Pallet::<Runtime>::do_try_state().expect("financing invariants");
	});
}

// Issue 11, item 4, in the runtime: no signed account creates an asset; CNY is a settlement
// asset owned by the enterprises pallet's keyless account, so Alice (once its owner) can no
// longer force-transfer or freeze escrow; only Root (the Operator) creates and mints.
#[test]
fn no_signed_account_creates_or_owns_the_settlement_money() {
	use frame_support::traits::fungibles::roles::Inspect as _;
	ext_from_preset("development").execute_with(|| {
		let alice = demo::operator();
		assert_noop!(
			Assets::create(
				RuntimeOrigin::signed(alice.clone()),
				codec::Compact(7),
				alice.clone().into(),
				1
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_eq!(Assets::owner(CNY), Some(Enterprises::account_id()));
		assert!(pallet_enterprises::SettlementAssets::<Runtime>::contains_key(CNY));
		let charlie = demo::suppliers()[0].clone();
		assert_noop!(
			Assets::freeze(
				RuntimeOrigin::signed(alice.clone()),
				codec::Compact(CNY),
				charlie.clone().into()
			),
			pallet_assets::Error::<Runtime>::NoPermission
		);
		assert_noop!(
			Assets::mint(
				RuntimeOrigin::signed(alice.clone()),
				codec::Compact(CNY),
				charlie.clone().into(),
				5
			),
			pallet_assets::Error::<Runtime>::NoPermission
		);
		// The Operator (here the dev chain's council of one) creates and mints.
		let operator = common::council_origin(1, 1);
		assert_ok!(Enterprises::create_settlement_asset(operator.clone(), 7, 100));
		assert_ok!(Enterprises::mint_settlement(operator, 7, charlie.clone(), 1_000));
		assert_eq!(Assets::balance(7, &charlie), 1_000);
		check_invariants();
	});
}

// Issue 11, item 1, in the runtime: a called loan's claim shows through the runtime API.
#[test]
fn a_called_loan_shows_as_a_claim_through_the_runtime_api() {
	ext_from_preset("development").execute_with(|| {
		let [charlie, dave, _] = demo::suppliers();
		let maturity = charlie_finances_a_note(pallet_financing::FinancingKind::Pledge);
		pallet_timestamp::Now::<Runtime>::put(maturity + 3 * MILLIS_PER_DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(dave), 0));
		assert_ok!(cascade_runtime::Financing::call_loan(
			RuntimeOrigin::signed(demo::financier()),
			0
		));
		let claims = claims_of(charlie.clone());
		assert_eq!(claims.len(), 1);
		assert_eq!(
			(claims[0].debtor.clone(), claims[0].creditor.clone()),
			(charlie, demo::financier())
		);
		check_invariants();
		pallet_financing::Pallet::<Runtime>::do_try_state().expect("financing invariants");
	});
}

/// The claims `who` owes or is owed, through the runtime API (one page holds them all here).
fn claims_of(
	who: cascade_runtime::AccountId,
) -> Vec<cascade_runtime_api::ClaimInfo<cascade_runtime::AccountId, cascade_runtime::Balance>> {
	use cascade_runtime_api::{runtime_decl_for_receivables_api::ReceivablesApiV5, PageRequest};
	let page = <Runtime as ReceivablesApiV5<_, _, _, _>>::claims_of(who, PageRequest::first(1_000))
		.expect("a page");
	assert!(page.next.is_none());
	page.items
}

#[test]
fn a_new_chain_starts_at_the_pallets_storage_versions() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade};
	ext_from_preset("development").execute_with(|| {
		assert_eq!(Receivables::on_chain_storage_version(), Receivables::in_code_storage_version());
		assert_eq!(
			cascade_runtime::Financing::on_chain_storage_version(),
			cascade_runtime::Financing::in_code_storage_version()
		);
		// So an upgrade finds nothing to count or index.
		cascade_runtime::AllPalletsWithSystem::on_runtime_upgrade();
		assert!(Receivables::exposures_complete());
		assert!(cascade_runtime::Financing::indexes_complete());
	});
}
