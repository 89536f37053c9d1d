use crate::mock::Enterprises;
use crate::{mock::*, pallet::*, Roles, Status};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::DispatchError;

fn name(s: &str) -> BoundedVec<u8, MaxNameLength> {
	s.as_bytes().to_vec().try_into().unwrap()
}

#[test]
fn register_stores_profile_and_code() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::register(
			RuntimeOrigin::root(),
			50,
			name("Tier2 Co."),
			code(50),
			roles(false, true, false)
		));
		let e = crate::pallet::Enterprises::<Test>::get(50).unwrap();
		assert_eq!(e.name.to_vec(), b"Tier2 Co.".to_vec());
		assert_eq!(e.credit_code, code(50));
		assert_eq!(e.roles, roles(false, true, false));
		assert_eq!(e.status, Status::Active);
		assert_eq!(CreditCodes::<Test>::get(code(50)), Some(50));
		System::assert_last_event(
			Event::<Test>::Registered {
				who: 50,
				credit_code: code(50),
				roles: roles(false, true, false),
			}
			.into(),
		);
	});
}

#[test]
fn register_requires_operator() {
	ExtBuilder::default().build_and_execute(|| {
		for caller in [STRANGER, CORE, BANK] {
			assert_noop!(
				Enterprises::register(
					RuntimeOrigin::signed(caller),
					50,
					name("X"),
					code(50),
					roles(false, true, false)
				),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn register_duplicate_account_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::register(
				RuntimeOrigin::root(),
				CORE,
				name("Again"),
				code(60),
				roles(true, false, false)
			),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn register_duplicate_code_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::register(
				RuntimeOrigin::root(),
				50,
				name("Copycat"),
				code(1),
				roles(false, true, false)
			),
			Error::<Test>::CreditCodeTaken
		);
	});
}

#[test]
fn register_invalid_code_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let mut bad = code(50);
		bad[17] = if bad[17] == b'0' { b'1' } else { b'0' };
		assert_noop!(
			Enterprises::register(
				RuntimeOrigin::root(),
				50,
				name("Typo Co."),
				bad,
				roles(false, true, false)
			),
			Error::<Test>::InvalidCreditCode
		);
	});
}

#[test]
fn register_empty_name_or_roles_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::register(
				RuntimeOrigin::root(),
				50,
				name(""),
				code(50),
				roles(false, true, false)
			),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			Enterprises::register(
				RuntimeOrigin::root(),
				50,
				name("Nobody"),
				code(50),
				Roles::default()
			),
			Error::<Test>::NoRoles
		);
	});
}

#[test]
fn set_roles_replaces_roles() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::set_roles(
			RuntimeOrigin::root(),
			SUPPLIER,
			roles(true, true, true)
		));
		assert_eq!(
			crate::pallet::Enterprises::<Test>::get(SUPPLIER).unwrap().roles,
			roles(true, true, true)
		);
		System::assert_last_event(
			Event::<Test>::RolesSet { who: SUPPLIER, roles: roles(true, true, true) }.into(),
		);
	});
}

#[test]
fn set_roles_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::set_roles(
				RuntimeOrigin::signed(CORE),
				SUPPLIER,
				roles(true, false, false)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enterprises::set_roles(RuntimeOrigin::root(), STRANGER, roles(true, false, false)),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Enterprises::set_roles(RuntimeOrigin::root(), SUPPLIER, Roles::default()),
			Error::<Test>::NoRoles
		);
	});
}

#[test]
fn suspend_and_reinstate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), SUPPLIER));
		assert_eq!(
			crate::pallet::Enterprises::<Test>::get(SUPPLIER).unwrap().status,
			Status::Suspended
		);
		System::assert_last_event(Event::<Test>::Suspended { who: SUPPLIER }.into());
		assert!(!Pallet::<Test>::is_active_with(&SUPPLIER, crate::Role::Supplier));

		assert_ok!(Enterprises::reinstate(RuntimeOrigin::root(), SUPPLIER));
		assert_eq!(
			crate::pallet::Enterprises::<Test>::get(SUPPLIER).unwrap().status,
			Status::Active
		);
		System::assert_last_event(Event::<Test>::Reinstated { who: SUPPLIER }.into());
		assert!(Pallet::<Test>::is_active_with(&SUPPLIER, crate::Role::Supplier));
	});
}

#[test]
fn suspend_and_reinstate_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Enterprises::suspend(RuntimeOrigin::signed(BANK), SUPPLIER),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enterprises::reinstate(RuntimeOrigin::signed(SUPPLIER), SUPPLIER),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enterprises::suspend(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Enterprises::reinstate(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Enterprises::reinstate(RuntimeOrigin::root(), SUPPLIER),
			Error::<Test>::NotSuspended
		);
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), SUPPLIER));
		assert_noop!(
			Enterprises::suspend(RuntimeOrigin::root(), SUPPLIER),
			Error::<Test>::AlreadySuspended
		);
	});
}

#[test]
fn registry_trait_answers_by_role_and_status() {
	use cascade_primitives::{EnterpriseRegistry, Role};
	ExtBuilder::default().build_and_execute(|| {
		assert!(<Pallet<Test> as EnterpriseRegistry<_>>::is_active_with(&CORE, Role::Core));
		assert!(<Pallet<Test> as EnterpriseRegistry<_>>::is_active_with(&CORE, Role::Supplier));
		assert!(!<Pallet<Test> as EnterpriseRegistry<_>>::is_active_with(&CORE, Role::Financier));
		assert!(!<Pallet<Test> as EnterpriseRegistry<_>>::is_registered(&STRANGER));
		assert!(!<Pallet<Test> as EnterpriseRegistry<_>>::is_active(&STRANGER));
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), CORE));
		assert!(<Pallet<Test> as EnterpriseRegistry<_>>::is_registered(&CORE));
		assert!(!<Pallet<Test> as EnterpriseRegistry<_>>::is_active(&CORE));
		assert!(!<Pallet<Test> as EnterpriseRegistry<_>>::is_active_with(&CORE, Role::Core));
	});
}
