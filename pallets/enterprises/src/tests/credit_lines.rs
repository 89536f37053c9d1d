use crate::mock::Enterprises;
use crate::{mock::*, pallet::*, CreditLine};
use cascade_primitives::CreditLineDraws as _;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

type Lines = Pallet<Test>;

#[test]
fn genesis_line_is_anchored_to_the_first_timestamp() {
	ExtBuilder::default().build_and_execute(|| {
		let line = crate::pallet::CreditLines::<Test>::get(0).unwrap();
		assert_eq!(line.expires_at, START + 365 * DAY);
		assert!(UnanchoredLines::<Test>::get().is_empty());
		// Later timestamps leave it alone.
		Timestamp::set_timestamp(START + 10);
		assert_eq!(
			crate::pallet::CreditLines::<Test>::get(0).unwrap().expires_at,
			START + 365 * DAY
		);
	});
}

#[test]
fn grant_credit_line_stores_and_indexes_the_line() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::grant_credit_line(
			RuntimeOrigin::signed(OTHER_BANK),
			OTHER_CORE,
			CNY,
			5_000,
			START + DAY
		));
		assert_eq!(
			crate::pallet::CreditLines::<Test>::get(1),
			Some(CreditLine {
				financier: OTHER_BANK,
				core: OTHER_CORE,
				asset: CNY,
				limit: 5_000,
				used: 0,
				expires_at: START + DAY,
				revoked: false,
			})
		);
		assert!(LinesByCore::<Test>::contains_key(OTHER_CORE, 1));
		assert_eq!(NextLineId::<Test>::get(), 2);
		System::assert_last_event(
			Event::<Test>::CreditLineGranted {
				line: 1,
				financier: OTHER_BANK,
				core: OTHER_CORE,
				asset: CNY,
				limit: 5_000,
				expires_at: START + DAY,
			}
			.into(),
		);
	});
}

#[test]
fn grant_credit_line_wrong_roles_fail() {
	ExtBuilder::default().build_and_execute(|| {
		// Not a financier: a core, a supplier, a stranger.
		for caller in [CORE, SUPPLIER, STRANGER] {
			assert_noop!(
				Enterprises::grant_credit_line(
					RuntimeOrigin::signed(caller),
					OTHER_CORE,
					CNY,
					5_000,
					START + DAY
				),
				Error::<Test>::NotFinancier
			);
		}
		// Beneficiary not a core.
		for core in [SUPPLIER, OTHER_BANK, STRANGER] {
			assert_noop!(
				Enterprises::grant_credit_line(
					RuntimeOrigin::signed(BANK),
					core,
					CNY,
					5_000,
					START + DAY
				),
				Error::<Test>::NotCore
			);
		}
		assert_noop!(
			Enterprises::grant_credit_line(RuntimeOrigin::root(), CORE, CNY, 5_000, START + DAY),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn grant_credit_line_suspended_parties_fail() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), BANK));
		assert_noop!(
			Enterprises::grant_credit_line(RuntimeOrigin::signed(BANK), CORE, CNY, 5, START + DAY),
			Error::<Test>::NotFinancier
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), OTHER_CORE));
		assert_noop!(
			Enterprises::grant_credit_line(
				RuntimeOrigin::signed(OTHER_BANK),
				OTHER_CORE,
				CNY,
				5,
				START + DAY
			),
			Error::<Test>::NotCore
		);
	});
}

#[test]
fn grant_credit_line_bad_terms_fail() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::set_roles(RuntimeOrigin::root(), BANK, roles(true, false, true)));
		assert_noop!(
			Enterprises::grant_credit_line(RuntimeOrigin::signed(BANK), BANK, CNY, 5, START + DAY),
			Error::<Test>::SelfCredit
		);
		assert_noop!(
			Enterprises::grant_credit_line(RuntimeOrigin::signed(BANK), CORE, 77, 5, START + DAY),
			Error::<Test>::NotSettlementAsset
		);
		assert_noop!(
			Enterprises::grant_credit_line(RuntimeOrigin::signed(BANK), CORE, CNY, 0, START + DAY),
			Error::<Test>::ZeroLimit
		);
		assert_noop!(
			Enterprises::grant_credit_line(RuntimeOrigin::signed(BANK), CORE, CNY, 5, START),
			Error::<Test>::ExpiryInPast
		);
	});
}

#[test]
fn set_credit_limit_raises_and_lowers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 0, 2_000_000));
		assert_eq!(crate::pallet::CreditLines::<Test>::get(0).unwrap().limit, 2_000_000);
		System::assert_last_event(
			Event::<Test>::CreditLimitSet { line: 0, limit: 2_000_000 }.into(),
		);
		assert_ok!(Lines::draw(0, &CORE, &CNY, 300, START));
		assert_ok!(Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 0, 300));
		assert_eq!(crate::pallet::CreditLines::<Test>::get(0).unwrap().limit, 300);
	});
}

#[test]
fn set_credit_limit_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 9, 10),
			Error::<Test>::UnknownLine
		);
		for caller in [OTHER_BANK, CORE, STRANGER] {
			assert_noop!(
				Enterprises::set_credit_limit(RuntimeOrigin::signed(caller), 0, 10),
				Error::<Test>::NotLineFinancier
			);
		}
		assert_noop!(
			Enterprises::set_credit_limit(RuntimeOrigin::root(), 0, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 0, 0),
			Error::<Test>::ZeroLimit
		);
		assert_ok!(Lines::draw(0, &CORE, &CNY, 300, START));
		assert_noop!(
			Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 0, 299),
			Error::<Test>::LimitBelowUsed
		);
		assert_ok!(Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 0, 500),
			Error::<Test>::LineRevoked
		);
	});
}

#[test]
fn suspended_financier_may_lower_but_not_raise() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), BANK));
		assert_noop!(
			Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 0, 1_000_001),
			Error::<Test>::FinancierSuspended
		);
		assert_ok!(Enterprises::set_credit_limit(RuntimeOrigin::signed(BANK), 0, 10));
		assert_ok!(Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), 0));
	});
}

#[test]
fn revoke_stops_draws_but_releases_still_work() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Lines::draw(0, &CORE, &CNY, 400, START));
		assert_ok!(Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), 0));
		System::assert_last_event(Event::<Test>::CreditLineRevoked { line: 0 }.into());
		assert_noop!(Lines::draw(0, &CORE, &CNY, 1, START), Error::<Test>::LineRevoked);
		assert_ok!(Lines::release(0, 400));
		assert_eq!(Lines::used(0), Some(0));
	});
}

#[test]
fn revoke_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), 3),
			Error::<Test>::UnknownLine
		);
		assert_noop!(
			Enterprises::revoke_credit_line(RuntimeOrigin::signed(OTHER_BANK), 0),
			Error::<Test>::NotLineFinancier
		);
		assert_noop!(
			Enterprises::revoke_credit_line(RuntimeOrigin::none(), 0),
			DispatchError::BadOrigin
		);
		assert_ok!(Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::LineRevoked
		);
	});
}

#[test]
fn draw_and_release_track_used() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Lines::draw(0, &CORE, &CNY, 600_000, START));
		assert_ok!(Lines::draw(0, &CORE, &CNY, 400_000, START));
		assert_eq!(Lines::used(0), Some(1_000_000));
		assert_noop!(Lines::draw(0, &CORE, &CNY, 1, START), Error::<Test>::CreditLineExceeded);
		assert_ok!(Lines::release(0, 250_000));
		assert_eq!(Lines::used(0), Some(750_000));
		assert!(enterprise_events().contains(&Event::<Test>::CreditReleased {
			line: 0,
			amount: 250_000,
			used: 750_000
		}));
		assert_noop!(Lines::release(0, 750_001), Error::<Test>::ReleaseExceedsUsed);
	});
}

#[test]
fn draw_refuses_wrong_issuer_asset_expiry_and_unknown_line() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Lines::draw(0, &OTHER_CORE, &CNY, 1, START), Error::<Test>::NotLineCore);
		assert_noop!(Lines::draw(0, &CORE, &USD, 1, START), Error::<Test>::AssetMismatch);
		assert_noop!(Lines::draw(0, &CORE, &CNY, 1, START + 365 * DAY), Error::<Test>::LineExpired);
		assert_noop!(Lines::draw(7, &CORE, &CNY, 1, START), Error::<Test>::UnknownLine);
		assert_noop!(Lines::release(7, 1), Error::<Test>::UnknownLine);
		assert_eq!(Lines::used(7), None);
	});
}

#[test]
fn no_lines_world_starts_empty() {
	ExtBuilder::default().no_lines().build_and_execute(|| {
		assert_eq!(NextLineId::<Test>::get(), 0);
		assert!(crate::pallet::CreditLines::<Test>::get(0).is_none());
	});
}

// Issue 11, item 7 (lines): no financier can attach unbounded credit lines to a core. At most
// MAX_LINES per core; the core refuses a line it did not ask for, and a revoked line with
// nothing drawn leaves its lines.
#[test]
fn nobody_can_grow_a_cores_credit_lines_without_bound() {
	ExtBuilder::default().build_and_execute(|| {
		// Line 0 comes from genesis.
		for _ in 1..MAX_LINES {
			assert_ok!(Enterprises::grant_credit_line(
				RuntimeOrigin::signed(OTHER_BANK),
				CORE,
				CNY,
				1,
				START + DAY
			));
		}
		assert_eq!(LinesPerCore::<Test>::get(CORE), MAX_LINES);
		let grant = || {
			Enterprises::grant_credit_line(RuntimeOrigin::signed(BANK), CORE, CNY, 5, START + DAY)
		};
		assert_noop!(grant(), Error::<Test>::TooManyLines);
		// The core refuses an unwanted line; its financier revokes another.
		assert_ok!(Enterprises::refuse_credit_line(RuntimeOrigin::signed(CORE), 1));
		System::assert_last_event(Event::<Test>::CreditLineRefused { line: 1 }.into());
		assert!(!LinesByCore::<Test>::contains_key(CORE, 1));
		assert_eq!(CreditLines::<Test>::get(1).map(|l| l.revoked), Some(true));
		assert_ok!(Enterprises::revoke_credit_line(RuntimeOrigin::signed(OTHER_BANK), 2));
		assert_eq!(LinesPerCore::<Test>::get(CORE), MAX_LINES - 2);
		assert_ok!(grant());
	});
}

#[test]
fn refuse_credit_line_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::refuse_credit_line(RuntimeOrigin::signed(CORE), 9),
			Error::<Test>::UnknownLine
		);
		assert_noop!(
			Enterprises::refuse_credit_line(RuntimeOrigin::signed(OTHER_CORE), 0),
			Error::<Test>::NotLineCore
		);
		assert_ok!(Lines::draw(0, &CORE, &CNY, 10, START));
		assert_noop!(
			Enterprises::refuse_credit_line(RuntimeOrigin::signed(CORE), 0),
			Error::<Test>::LineInUse
		);
		// Revoked while drawn: it leaves the core's lines once nothing is drawn.
		assert_ok!(Enterprises::revoke_credit_line(RuntimeOrigin::signed(BANK), 0));
		assert_noop!(
			Enterprises::refuse_credit_line(RuntimeOrigin::signed(CORE), 0),
			Error::<Test>::LineRevoked
		);
		assert!(LinesByCore::<Test>::contains_key(CORE, 0));
		assert_ok!(Lines::release(0, 10));
		assert!(!LinesByCore::<Test>::contains_key(CORE, 0));
		assert_eq!(LinesPerCore::<Test>::get(CORE), 0);
	});
}

// Issue 11, item 4: the settlement asset is only what the Operator created. A line in an asset
// a signed account created is refused; the Operator creates (owned by the pallet's keyless
// account, sufficient) and mints settlement assets, nobody else.
#[test]
fn the_settlement_asset_is_only_what_the_operator_created() {
	ExtBuilder::default().build_and_execute(|| {
		use frame_support::traits::fungibles::{roles::Inspect as _, Inspect as _};
		// USD exists, owned by a signed account: no line may be in it.
		assert_noop!(
			Enterprises::grant_credit_line(RuntimeOrigin::signed(BANK), CORE, USD, 5, START + DAY),
			Error::<Test>::NotSettlementAsset
		);
		for who in [OPERATOR, BANK, CORE] {
			assert_noop!(
				Enterprises::create_settlement_asset(RuntimeOrigin::signed(who), 7, 100),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Enterprises::mint_settlement(RuntimeOrigin::signed(who), CNY, who, 100),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			Enterprises::create_settlement_asset(RuntimeOrigin::root(), USD, 100),
			Error::<Test>::AssetExists
		);
		assert_noop!(
			Enterprises::create_settlement_asset(RuntimeOrigin::root(), 7, 0),
			Error::<Test>::ZeroMinBalance
		);
		assert_ok!(Enterprises::create_settlement_asset(RuntimeOrigin::root(), 7, 100));
		System::assert_last_event(
			Event::<Test>::SettlementAssetCreated { asset: 7, min_balance: 100 }.into(),
		);
		assert_eq!(Assets::owner(7), Some(Enterprises::account_id()));
		assert_eq!(Assets::minimum_balance(7), 100);
		assert_noop!(
			Enterprises::mint_settlement(RuntimeOrigin::root(), USD, CORE, 100),
			Error::<Test>::NotSettlementAsset
		);
		assert_noop!(
			Enterprises::mint_settlement(RuntimeOrigin::root(), 7, CORE, 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(Enterprises::mint_settlement(RuntimeOrigin::root(), 7, CORE, 5_000));
		assert_eq!(Assets::balance(7, CORE), 5_000);
		assert_ok!(Enterprises::grant_credit_line(
			RuntimeOrigin::signed(BANK),
			CORE,
			7,
			5,
			START + DAY
		));
	});
}
