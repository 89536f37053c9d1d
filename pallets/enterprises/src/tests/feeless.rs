//! Who works feeless: registered, active enterprises, a bounded number of calls a block.

use crate::mock::Enterprises;
use crate::mock::*;
use cascade_primitives::FeelessWork;
use frame_support::{assert_ok, traits::Get};

#[test]
fn active_enterprises_work_feeless_within_their_quota_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		let quota = <Test as crate::Config>::FeelessPerBlock::get();
		assert!(Enterprises::allows(&SUPPLIER));
		assert!(!Enterprises::allows(&STRANGER), "not an enterprise");
		for _ in 0..quota {
			assert!(Enterprises::allows(&SUPPLIER));
			Enterprises::count_feeless(&SUPPLIER);
		}
		assert_eq!(Enterprises::feeless_used(&SUPPLIER), quota);
		assert!(!Enterprises::allows(&SUPPLIER), "the quota is used up");
		assert!(Enterprises::allows(&CORE), "another enterprise's quota is its own");
		System::set_block_number(System::block_number() + 1);
		assert_eq!(Enterprises::feeless_used(&SUPPLIER), 0);
		assert!(Enterprises::allows(&SUPPLIER), "a new block, a new quota");
	});
}

#[test]
fn a_suspended_enterprise_pays() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Enterprises::suspend(RuntimeOrigin::root(), SUPPLIER));
		assert!(!Enterprises::allows(&SUPPLIER));
		assert_ok!(Enterprises::reinstate(RuntimeOrigin::root(), SUPPLIER));
		assert!(Enterprises::allows(&SUPPLIER));
	});
}

#[test]
fn registering_makes_the_account_exist() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(System::providers(&50), 0);
		assert_ok!(Enterprises::register(
			RuntimeOrigin::root(),
			50,
			b"New Co.".to_vec().try_into().unwrap(),
			code(50),
			roles(false, true, false)
		));
		assert_eq!(System::providers(&50), 1, "it may sign without holding anything");
	});
}
