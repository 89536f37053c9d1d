//! A test runtime: System, Timestamp, Balances, Assets, the real Enterprises pallet and
//! Receivables, wired through the coupling traits as the runtime wires them.

use crate::{self as pallet_receivables, NoteId, ReceivableId};
use cascade_primitives::{Roles, MILLIS_PER_DAY};
use frame_support::{assert_ok, derive_impl, parameter_types, traits::ConstU32, BoundedVec};
use frame_system::EnsureRoot;
#[cfg(feature = "runtime-benchmarks")]
use pallet_enterprises::credit_code;
use pallet_enterprises::testing::World;
use sp_core::H256;

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
}

pallet_enterprises::impl_test_runtime!(Test, with_enterprises);

parameter_types! {
	/// What the mock financing pallet says a pledgee is owed at redemption.
	pub static PledgeOwed: Option<(AccountId, Balance)> = None;
	/// The financings the mock was told about, with the note and amount.
	pub static PledgeCalls: Vec<(u64, u64, Balance)> = vec![];
}

/// Stands in for pallet-financing at payouts: pays the configured pledgee of pledged notes.
pub struct MockPledges;
impl cascade_primitives::RedeemHook<AccountId, Balance> for MockPledges {
	fn on_payout(
		note: u64,
		_holder: &AccountId,
		pledge: Option<u64>,
		share: Balance,
		_last: bool,
		_interest_until: u64,
	) -> Result<cascade_primitives::Payout<AccountId, Balance>, sp_runtime::DispatchError> {
		let Some(financing) = pledge else { return Ok(Default::default()) };
		let mut calls = PledgeCalls::get();
		calls.push((financing, note, share));
		PledgeCalls::set(calls);
		Ok(cascade_primitives::Payout {
			to_pledgee: PledgeOwed::get(),
			release: false,
			to_seller: None,
		})
	}
}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl crate::Config for Test {
	type OperatorOrigin = EnsureRoot<AccountId>;
	type Assets = Assets;
	type Enterprises = Enterprises;
	type Lines = Enterprises;
	type RedeemHook = MockPledges;
	type Claims = ();
	type Feeless = ();
	type Time = Timestamp;
	type MaxClearPerBlock = ConstU32<MAX_CLEAR_PER_BLOCK>;
	type ClearTurn = ConstU32<CLEAR_TURN>;
	type MaxSettleNotes = ConstU32<MAX_SETTLE_NOTES>;
	type MaxDepth = ConstU32<MAX_DEPTH>;
	type MaxPendingOffers = ConstU32<MAX_OFFERS>;
	type MaxOffersPerSender = ConstU32<MAX_OFFERS_FROM>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

/// What the benchmarks need, from the mock's pallets.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, u32, Balance> for BenchHelper {
	fn enroll_core(who: &AccountId, limit: Balance) -> (u32, u64) {
		let n = pallet_enterprises::NextLineId::<Test>::get() as u32;
		let name = b"Bench Core".to_vec().try_into().unwrap();
		assert_ok!(Enterprises::do_register(
			*who,
			name,
			credit_code::numbered(5_000 + n),
			roles(true, false, false)
		));
		let line = Enterprises::insert_line(BANK, *who, CNY, limit, u64::MAX).unwrap();
		(CNY, line)
	}
	fn enroll_supplier(who: &AccountId) {
		let n = (*who % 100_000) as u32;
		let name = b"Bench Supplier".to_vec().try_into().unwrap();
		assert_ok!(Enterprises::do_register(
			*who,
			name,
			credit_code::numbered(6_000_000 + n),
			roles(false, true, false)
		));
	}
	fn fund(asset: &u32, who: &AccountId, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		assert_ok!(<Assets as Mutate<AccountId>>::mint_into(*asset, who, amount));
	}
	fn set_time(now: u64) {
		set_time(now);
	}
	fn factor(note: NoteId, _holder: &AccountId) -> AccountId {
		use cascade_primitives::NoteLedger;
		assert_ok!(<Receivables as NoteLedger<_, _, _>>::move_note(note, &BANK));
		BANK
	}
	fn pledge(note: NoteId, _holder: &AccountId) -> AccountId {
		use cascade_primitives::NoteLedger;
		assert_ok!(<Receivables as NoteLedger<_, _, _>>::pledge(note, 0));
		// The stand-in financing pays OTHER_CORE part of the note at redemption.
		PledgeOwed::set(Some((OTHER_CORE, 1_000)));
		OTHER_CORE
	}
	fn call_loan(note: NoteId) {
		let r = crate::Notes::<Test>::get(note).unwrap().receivable;
		let maturity = crate::Receivables::<Test>::get(r).unwrap().maturity;
		set_time(maturity + 3 * DAY);
		assert_ok!(Receivables::mark_overdue(RuntimeOrigin::signed(STRANGER), r));
	}
}

/// The settlement asset of the tests.
pub const CNY: u32 = 1;
/// Another settlement asset, not the credit line's.
pub const USD: u32 = 2;
/// A settlement asset with a minimum balance of 1,000 (10.00), credit line 2 (BANK → CORE).
pub const HKD: u32 = 3;
pub const HKD_MIN: Balance = 1_000;
pub const HKD_LINE: u64 = 2;
/// Most offers waiting for one account in the tests: small, so the bound is easy to reach.
pub const MAX_OFFERS: u32 = 8;
/// Most offers waiting for one account from one sender in the tests.
pub const MAX_OFFERS_FROM: u32 = 5;
pub const OPERATOR: AccountId = 1;
pub const CORE: AccountId = 10;
pub const OTHER_CORE: AccountId = 11;
pub const T1: AccountId = 20;
pub const T2: AccountId = 21;
pub const T3: AccountId = 22;
pub const BANK: AccountId = 30;
pub const STRANGER: AccountId = 99;

/// The core's CNY at the start.
pub const CORE_CNY: Balance = 100_000_000;
/// The chain's time at the start of every test (ms).
pub const START: u64 = 1_700_000_000_000;
pub const DAY: u64 = MILLIS_PER_DAY;
/// The credit line of every test: CORE's line 0 from BANK.
pub const LINE: u64 = 0;
pub const LINE_LIMIT: Balance = 50_000_000;

pub fn roles(core: bool, supplier: bool, financier: bool) -> Roles {
	Roles { core, supplier, financier }
}

/// Builds the test world in one line: enterprises, money, credit line 0.
#[derive(Default)]
pub struct ExtBuilder {
	extra_suppliers: Vec<AccountId>,
}

impl ExtBuilder {
	/// Register more Supplier enterprises (for trees held by many accounts).
	pub fn suppliers(mut self, who: impl IntoIterator<Item = AccountId>) -> Self {
		self.extra_suppliers.extend(who);
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut world = World::<Test>::new(START)
			.settlement_asset(CNY, 1)
			.settlement_asset(USD, 1)
			.settlement_asset(HKD, HKD_MIN)
			.native(OPERATOR, 1_000_000)
			.money(CNY, CORE, CORE_CNY)
			.money(CNY, OTHER_CORE, CORE_CNY)
			.money(CNY, BANK, CORE_CNY)
			.money(CNY, T1, 1_000)
			.money(HKD, CORE, CORE_CNY)
			.money(HKD, T1, 5_000)
			.money(HKD, T2, 5_000)
			.core(CORE, "Core Co.")
			.enterprise(OTHER_CORE, "Other Core", roles(true, true, false))
			.supplier(T1, "Tier 1")
			.supplier(T2, "Tier 2")
			.supplier(T3, "Tier 3")
			.financier(BANK, "Bank")
			.line(BANK, CORE, CNY, LINE_LIMIT, 365 * DAY)
			.line(BANK, OTHER_CORE, CNY, LINE_LIMIT, 365 * DAY)
			.line(BANK, CORE, HKD, LINE_LIMIT, 365 * DAY);
		for who in self.extra_suppliers {
			world = world.supplier(who, "Supplier");
		}
		world.build::<AllPalletsWithSystem>()
	}

	/// Build, run `test`, then check both pallets' invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			check_invariants();
		});
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

pub fn check_invariants() {
	crate::Pallet::<Test>::do_try_state().expect("receivables invariants hold");
	pallet_enterprises::Pallet::<Test>::do_try_state().expect("enterprises invariants hold");
}

/// Most notes the mock clears in a block.
pub const MAX_CLEAR_PER_BLOCK: u32 = 8;
/// Most notes one due receivable is paid in one turn of clearing in the mock.
pub const CLEAR_TURN: u32 = 4;
/// Most notes one `settle` visits in the mock.
pub const MAX_SETTLE_NOTES: u32 = 10;
/// The runtime's depth limit.
pub const MAX_DEPTH: u32 = 1_000;

/// `n` blocks pass, each with all its weight left for clearing; invariants hold after each.
pub fn idle_blocks(n: u32) {
	use frame_support::traits::Hooks;
	for _ in 0..n {
		let block = System::block_number() + 1;
		System::set_block_number(block);
		crate::Pallet::<Test>::on_idle(block, frame_support::weights::Weight::MAX);
		check_invariants();
	}
}

/// Move the chain's clock to `now` (ms).
pub fn set_time(now: u64) {
	pallet_timestamp::Now::<Test>::put(now);
}

pub fn cny(who: AccountId) -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(CNY, &who)
}

pub fn invoice(s: &str) -> BoundedVec<u8, ConstU32<32>> {
	s.as_bytes().to_vec().try_into().unwrap()
}

pub fn doc() -> H256 {
	H256::repeat_byte(7)
}

/// CORE issues `face` to T1 maturing in 30 days; returns (receivable, root note).
pub fn issue_to_t1(face: Balance, inv: &str) -> (ReceivableId, NoteId) {
	let receivable = crate::NextReceivableId::<Test>::get();
	let root = crate::NextNoteId::<Test>::get();
	assert_ok!(Receivables::issue(
		RuntimeOrigin::signed(CORE),
		T1,
		CNY,
		face,
		START + 30 * DAY,
		LINE,
		doc(),
		invoice(inv)
	));
	(receivable, root)
}

/// Issue `face` to T1 and have T1 accept it; returns (receivable, root note).
pub fn active_receivable(face: Balance) -> (ReceivableId, NoteId) {
	let (r, root) = issue_to_t1(face, "INV-1");
	assert_ok!(Receivables::accept(RuntimeOrigin::signed(T1), root));
	(r, root)
}

pub fn amounts(parts: &[Balance]) -> BoundedVec<Balance, ConstU32<16>> {
	parts.to_vec().try_into().unwrap()
}
