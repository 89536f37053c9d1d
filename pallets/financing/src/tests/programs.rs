use crate::{mock::*, pallet::*};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn open_program_stores_the_offer() {
	build_and_execute(|| {
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(OTHER_BANK),
			OTHER_CORE,
			CNY,
			rate(),
			5_000,
			START + 10 * DAY
		));
		let p = Programs::<Test>::get(1).unwrap();
		assert_eq!(
			(p.financier, p.core, p.asset, p.annual_rate),
			(OTHER_BANK, OTHER_CORE, CNY, rate())
		);
		assert_eq!(
			(p.budget, p.outstanding, p.expires_at, p.closed),
			(5_000, 0, START + 10 * DAY, false)
		);
		System::assert_last_event(
			Event::<Test>::ProgramOpened {
				program: 1,
				financier: OTHER_BANK,
				core: OTHER_CORE,
				asset: CNY,
				annual_rate: rate(),
				budget: 5_000,
				expires_at: START + 10 * DAY,
			}
			.into(),
		);
	});
}

#[test]
fn open_program_errors() {
	build_and_execute(|| {
		let open = |who, core, budget, expires| {
			Financing::open_program(RuntimeOrigin::signed(who), core, CNY, rate(), budget, expires)
		};
		for who in [T1, CORE, STRANGER] {
			assert_noop!(open(who, CORE, 5, START + DAY), Error::<Test>::NotFinancier);
		}
		for core in [T1, BANK, STRANGER] {
			assert_noop!(open(BANK, core, 5, START + DAY), Error::<Test>::NotCore);
		}
		assert_noop!(open(BANK, CORE, 0, START + DAY), Error::<Test>::ZeroBudget);
		assert_noop!(open(BANK, CORE, 5, START), Error::<Test>::ExpiryInPast);
		assert_noop!(
			Financing::open_program(RuntimeOrigin::root(), CORE, CNY, rate(), 5, START + DAY),
			DispatchError::BadOrigin
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), BANK));
		assert_noop!(open(BANK, CORE, 5, START + DAY), Error::<Test>::NotFinancier);
	});
}

#[test]
fn close_program_stops_new_financing() {
	build_and_execute(|| {
		let (_, note) = note_of_t1(CORE, 1_000);
		assert_noop!(
			Financing::close_program(RuntimeOrigin::signed(OTHER_BANK), PROGRAM),
			Error::<Test>::NotProgramFinancier
		);
		assert_noop!(
			Financing::close_program(RuntimeOrigin::signed(BANK), 7),
			Error::<Test>::UnknownProgram
		);
		assert_ok!(Financing::close_program(RuntimeOrigin::signed(BANK), PROGRAM));
		System::assert_last_event(Event::<Test>::ProgramClosed { program: PROGRAM }.into());
		assert_noop!(
			Financing::close_program(RuntimeOrigin::signed(BANK), PROGRAM),
			Error::<Test>::ProgramClosed
		);
		assert_noop!(
			Financing::finance(
				RuntimeOrigin::signed(T1),
				note,
				PROGRAM,
				crate::FinancingKind::Pledge
			),
			Error::<Test>::ProgramClosed
		);
	});
}
