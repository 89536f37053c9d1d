use crate::mock::Enterprises;
use crate::{mock::*, pallet::*, CreditLine};
use cascade_primitives::CreditLines as _;
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
			Error::<Test>::UnknownAsset
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
