//! A test runtime with the real Enterprises and Receivables pallets, wired to Financing through
//! the coupling traits as the runtime wires them.

use crate::{self as pallet_financing, NoteId};
use cascade_primitives::{Roles, MILLIS_PER_DAY};
use frame_support::{assert_ok, derive_impl, traits::ConstU32, BoundedVec};
use frame_system::EnsureRoot;
use pallet_enterprises::testing::World;
use sp_core::H256;
use sp_runtime::Permill;

pub use pallet_enterprises::testing::{AccountId, Balance};

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type Enterprises = pallet_enterprises;
	#[runtime::pallet_index(5)]
	pub type Receivables = pallet_receivables;
	#[runtime::pallet_index(6)]
	pub type Financing = pallet_financing;
}

pallet_enterprises::impl_test_runtime!(Test, with_enterprises);

#[derive_impl(pallet_receivables::config_preludes::TestDefaultConfig)]
impl pallet_receivables::Config for Test {
	type OperatorOrigin = EnsureRoot<AccountId>;
	type Assets = Assets;
	type Enterprises = Enterprises;
	type Lines = Enterprises;
	type RedeemHook = Financing;
	type Claims = Financing;
	type Feeless = Enterprises;
	type Time = Timestamp;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl crate::Config for Test {
	type Assets = Assets;
	type Enterprises = Enterprises;
	type Notes = Receivables;
	type SettlementAssets = Enterprises;
	type Attestations = Enterprises;
	type Feeless = Enterprises;
	type MaxRequestsPerFinancier = ConstU32<MAX_REQUESTS>;
	type MaxRequestsPerHolder = ConstU32<MAX_REQUESTS_FROM>;
	type Time = Timestamp;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

pub const CNY: u32 = 1;
pub const USD: u32 = 2;
/// An asset someone created outside the Operator: not a settlement asset.
pub const JUNK: u32 = 9;
/// Most requests waiting for one financier in the tests.
pub const MAX_REQUESTS: u32 = 4;
/// Most requests waiting for one financier from one holder in the tests.
pub const MAX_REQUESTS_FROM: u32 = 2;
pub const OPERATOR: AccountId = 1;
pub const CORE: AccountId = 10;
pub const OTHER_CORE: AccountId = 11;
pub const T1: AccountId = 20;
pub const T2: AccountId = 21;
pub const T3: AccountId = 22;
pub const BANK: AccountId = 30;
pub const OTHER_BANK: AccountId = 31;
pub const STRANGER: AccountId = 99;

pub const START: u64 = 1_700_000_000_000;
pub const DAY: u64 = MILLIS_PER_DAY;
pub const MATURITY: u64 = START + 90 * DAY;
pub const RICH: Balance = 1_000_000_000;
pub const SUPPLIER_CNY: Balance = 10_000;
/// Program 0: BANK finances CORE's CNY notes at 3.65 %.
pub const PROGRAM: u64 = 0;
pub const PROGRAM_BUDGET: Balance = 10_000_000;

pub fn rate() -> Permill {
	Permill::from_parts(36_500)
}

pub fn roles(core: bool, supplier: bool, financier: bool) -> Roles {
	Roles { core, supplier, financier }
}

pub const EVERYONE: [AccountId; 9] =
	[OPERATOR, CORE, OTHER_CORE, T1, T2, T3, BANK, OTHER_BANK, STRANGER];

pub fn new_test_ext() -> sp_io::TestExternalities {
	let programs = pallet_financing::GenesisConfig::<Test> {
		programs: vec![(BANK, CORE, CNY, rate(), PROGRAM_BUDGET, None)],
	};
	let mut ext = World::<Test>::new(START)
		.settlement_asset(CNY, 1)
		.settlement_asset(USD, 1)
		.other_asset(JUNK, STRANGER)
		.native(OPERATOR, 1_000_000)
		.money(CNY, CORE, RICH)
		.money(CNY, OTHER_CORE, RICH)
		.money(CNY, BANK, RICH)
		.money(CNY, OTHER_BANK, RICH)
		.money(CNY, T1, SUPPLIER_CNY)
		.money(CNY, T2, SUPPLIER_CNY)
		.money(CNY, T3, SUPPLIER_CNY)
		.core(CORE, "Core")
		.core(OTHER_CORE, "Other Core")
		.supplier(T1, "Tier 1")
		.supplier(T2, "Tier 2")
		.supplier(T3, "Tier 3")
		.financier(BANK, "Bank")
		.financier(OTHER_BANK, "Other Bank")
		.line(BANK, CORE, CNY, 500_000_000, 365 * DAY)
		.line(BANK, OTHER_CORE, CNY, 500_000_000, 365 * DAY)
		.build_with::<AllPalletsWithSystem>(&[&programs]);
	// The world above is the genesis: a benchmark run again for another component value
	// starts from it.
	ext.commit_all().expect("the test world commits");
	ext
}

pub fn check_invariants() {
	crate::Pallet::<Test>::do_try_state().expect("financing invariants hold");
	pallet_receivables::Pallet::<Test>::do_try_state().expect("receivables invariants hold");
	pallet_enterprises::Pallet::<Test>::do_try_state().expect("enterprises invariants hold");
}

/// Run `test` in a fresh world, then check every pallet's invariants and money conservation.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let before = money();
		test();
		check_invariants();
		assert_eq!(money(), before, "money is conserved");
	});
}

pub fn set_time(now: u64) {
	pallet_timestamp::Now::<Test>::put(now);
}

pub fn cny(who: AccountId) -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(CNY, &who)
}

/// Every account's CNY plus every escrow.
pub fn money() -> Balance {
	let mut total: Balance = EVERYONE.iter().map(|a| cny(*a)).sum();
	for r in 0..pallet_receivables::NextReceivableId::<Test>::get() {
		total += cny(Receivables::escrow_account(r));
	}
	total
}

/// `issuer` issues `face` to T1 maturing at MATURITY, T1 accepts; returns (receivable, note).
pub fn note_of_t1(issuer: AccountId, face: Balance) -> (u64, NoteId) {
	note_of_t1_maturing(issuer, face, MATURITY)
}

/// As [`note_of_t1`], maturing at `maturity`.
pub fn note_of_t1_maturing(issuer: AccountId, face: Balance, maturity: u64) -> (u64, NoteId) {
	let r = pallet_receivables::NextReceivableId::<Test>::get();
	let note = pallet_receivables::NextNoteId::<Test>::get();
	let inv: BoundedVec<u8, ConstU32<32>> =
		alloc::format!("INV-{r}").into_bytes().try_into().unwrap();
	let line = if issuer == CORE { 0 } else { 1 };
	assert_ok!(Receivables::issue(
		RuntimeOrigin::signed(issuer),
		T1,
		CNY,
		face,
		maturity,
		line,
		H256::repeat_byte(3),
		inv
	));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), note));
	(r, note)
}

/// Blocks pass: the chain clears due receivables by itself (invariants checked after each).
pub fn idle_blocks(n: u32) {
	use frame_support::{traits::Hooks, weights::Weight};
	for _ in 0..n {
		let block = System::block_number() + 1;
		System::set_block_number(block);
		pallet_receivables::Pallet::<Test>::on_idle(block, Weight::MAX);
		check_invariants();
	}
}

/// Pass `note` (held by `from`) on to `to` with acceptance.
pub fn pass(note: NoteId, from: AccountId, to: AccountId) {
	assert_ok!(Receivables::transfer(RuntimeOrigin::signed(from), note, to));
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(to), note));
}

/// The receivable's issuer repays it and the clock reaches maturity.
pub fn repay_and_mature(r: u64, issuer: AccountId) {
	assert_ok!(Receivables::repay(RuntimeOrigin::signed(issuer), r));
	set_time(MATURITY);
}

/// What the benchmarks need, from the mock's pallets.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_receivables::BenchmarkHelper<AccountId, u32, Balance> for BenchHelper {
	fn enroll_core(_who: &AccountId, _limit: Balance) -> (u32, u64) {
		(CNY, 0)
	}
	fn factor(note: NoteId, holder: &AccountId) -> AccountId {
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(*holder),
			note,
			PROGRAM,
			crate::FinancingKind::Factoring { recourse: true }
		));
		BANK
	}
	fn pledge(note: NoteId, holder: &AccountId) -> AccountId {
		assert_ok!(Financing::open_program(
			RuntimeOrigin::signed(OTHER_BANK),
			CORE,
			CNY,
			rate(),
			PROGRAM_BUDGET,
			u64::MAX
		));
		let program = crate::NextProgramId::<Test>::get() - 1;
		assert_ok!(Financing::finance(
			RuntimeOrigin::signed(*holder),
			note,
			program,
			crate::FinancingKind::Pledge
		));
		OTHER_BANK
	}
	fn call_loan(note: NoteId) {
		use crate::BenchmarkHelper as _;
		BenchHelper::make_overdue(note);
		let pallet_receivables::NoteState::Pledged { financing } =
			pallet_receivables::Notes::<Test>::get(note).unwrap().state
		else {
			panic!("pledged")
		};
		assert_ok!(Financing::call_loan(RuntimeOrigin::signed(OTHER_BANK), financing));
	}
	fn enroll_supplier(_who: &AccountId) {}
	fn fund(asset: &u32, who: &AccountId, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		assert_ok!(<Assets as Mutate<AccountId>>::mint_into(*asset, who, amount));
	}
	fn set_time(now: u64) {
		set_time(now);
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, u32, Balance> for BenchHelper {
	fn active_note(amount: Balance) -> (NoteId, AccountId, AccountId, u32) {
		let (_, note) = note_of_t1(CORE, amount);
		(note, T1, CORE, CNY)
	}
	fn financier(index: u32) -> AccountId {
		[OTHER_BANK, BANK][index as usize % 2]
	}
	fn freeze(note: NoteId) {
		assert_ok!(Receivables::freeze(RuntimeOrigin::root(), note));
	}
	fn fund(asset: &u32, who: &AccountId, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		assert_ok!(<Assets as Mutate<AccountId>>::mint_into(*asset, who, amount));
	}
	fn make_overdue(note: NoteId) {
		let r = pallet_receivables::Notes::<Test>::get(note).unwrap().receivable;
		set_time(MATURITY + 4 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
	}
	fn attest(who: &AccountId) {
		use cascade_primitives::{Grade, GreenGrade, Office, TierGrade};
		const RATER: AccountId = 40;
		if !pallet_enterprises::Offices::<Test>::contains_key(RATER, Office::Attestor) {
			assert_ok!(Enterprises::grant_role(RuntimeOrigin::root(), RATER, Office::Attestor));
		}
		for grade in [Grade::Tier(TierGrade::A), Grade::Green(GreenGrade::DeepGreen)] {
			assert_ok!(Enterprises::attest(RuntimeOrigin::signed(RATER), *who, grade, u64::MAX));
		}
	}
}
