//! The runtime's benchmark list and what Cascade's benchmarks need from the runtime.

use crate::{
	AccountId, AssetId, Assets, Balance, Enterprises, Financing, Receivables, Runtime,
	RuntimeOrigin, CNY,
};
use cascade_primitives::{FinancingId, LineId, Moment, NoteId, Roles};
use frame_support::traits::fungibles::{Inspect, Mutate};
use sp_runtime::traits::Zero;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_validators, Validators]
	[pallet_council_root, CouncilRoot]
	[pallet_enterprises, Enterprises]
	[pallet_receivables, Receivables]
	[pallet_financing, Financing]
);

/// Sets up enterprises, a credit line and money for the Cascade pallets' benchmarks.
pub struct CascadeBenchmarkHelper;

fn ensure_cny() -> AssetId {
	if !Assets::asset_exists(CNY) {
		Enterprises::do_create_settlement_asset(CNY, 1).expect("creates CNY");
	}
	CNY
}

fn code(n: u32) -> pallet_enterprises::CreditCode {
	pallet_enterprises::credit_code::numbered(n)
}

fn enroll(who: &AccountId, roles: Roles) {
	if pallet_enterprises::Enterprises::<Runtime>::contains_key(who) {
		return;
	}
	let n = pallet_enterprises::CreditCodes::<Runtime>::iter().count() as u32 + 7_000_000;
	Enterprises::do_register(
		who.clone(),
		b"Bench".to_vec().try_into().expect("short"),
		code(n),
		roles,
	)
	.expect("registers");
}

impl pallet_enterprises::BenchmarkHelper<AssetId> for CascadeBenchmarkHelper {
	fn settlement_asset() -> AssetId {
		ensure_cny()
	}

	fn unused_asset() -> AssetId {
		1_000
	}
}

/// `who` as an active Financier with plenty of CNY.
fn bank(who: AccountId) -> AccountId {
	if !pallet_enterprises::Enterprises::<Runtime>::contains_key(&who) {
		enroll(&who, Roles { core: false, supplier: false, financier: true });
		<Assets as Mutate<AccountId>>::mint_into(ensure_cny(), &who, 1_000_000_000_000_000_000_000)
			.expect("mints");
	}
	who
}

/// `financier` finances `note`, held by `holder`, through a program of its own for the note's
/// obligor; returns the financing.
fn finance_by(
	financier: &AccountId,
	note: NoteId,
	holder: &AccountId,
	kind: pallet_financing::FinancingKind,
) -> FinancingId {
	let n = pallet_receivables::Notes::<Runtime>::get(note).expect("note");
	let r = pallet_receivables::Receivables::<Runtime>::get(n.receivable).expect("receivable");
	let program = pallet_financing::NextProgramId::<Runtime>::get();
	Financing::open_program(
		RuntimeOrigin::signed(financier.clone()),
		r.issuer,
		r.asset,
		sp_runtime::Permill::from_parts(36_500),
		1_000_000_000_000_000_000,
		Moment::MAX,
	)
	.expect("opens a program");
	let financing = pallet_financing::NextFinancingId::<Runtime>::get();
	Financing::finance(RuntimeOrigin::signed(holder.clone()), note, program, kind)
		.expect("finances");
	financing
}

impl pallet_receivables::BenchmarkHelper<AccountId, AssetId, Balance> for CascadeBenchmarkHelper {
	fn enroll_core(who: &AccountId, limit: Balance) -> (AssetId, LineId) {
		let asset = ensure_cny();
		enroll(who, Roles { core: true, supplier: false, financier: false });
		let bank: AccountId = frame_benchmarking::account("bank", 0, 0);
		enroll(&bank, Roles { core: false, supplier: false, financier: true });
		let line =
			Enterprises::insert_line(bank, who.clone(), asset, limit, Moment::MAX).expect("a line");
		(asset, line)
	}

	fn enroll_supplier(who: &AccountId) {
		enroll(who, Roles { core: false, supplier: true, financier: false });
	}

	fn fund(asset: &AssetId, who: &AccountId, amount: Balance) {
		<Assets as Mutate<AccountId>>::mint_into(*asset, who, amount).expect("mints");
	}

	fn set_time(now: Moment) {
		pallet_timestamp::Now::<Runtime>::put(now);
	}

	fn factor(note: NoteId, holder: &AccountId) -> AccountId {
		let factor = bank(frame_benchmarking::account("factor", 0, 0));
		let recourse = pallet_financing::FinancingKind::Factoring { recourse: true };
		finance_by(&factor, note, holder, recourse);
		factor
	}

	fn pledge(note: NoteId, holder: &AccountId) -> AccountId {
		let lender = bank(frame_benchmarking::account("lender", 0, 0));
		finance_by(&lender, note, holder, pallet_financing::FinancingKind::Pledge);
		lender
	}

	fn call_loan(note: NoteId) {
		use pallet_financing::BenchmarkHelper as _;
		Self::make_overdue(note);
		Self::call_pledge(note);
	}

	fn factor_by(note: NoteId, holder: &AccountId, index: u32) -> AccountId {
		let factor = bank(frame_benchmarking::account("factor", index, 0));
		let recourse = pallet_financing::FinancingKind::Factoring { recourse: true };
		finance_by(&factor, note, holder, recourse);
		factor
	}

	fn pledge_by(note: NoteId, holder: &AccountId, index: u32) -> AccountId {
		let lender = bank(frame_benchmarking::account("lender", index, 0));
		finance_by(&lender, note, holder, pallet_financing::FinancingKind::Pledge);
		lender
	}

	fn call_pledge(note: NoteId) {
		let n = pallet_receivables::Notes::<Runtime>::get(note).expect("note");
		let pallet_receivables::NoteState::Pledged { financing } = n.state else {
			panic!("the note is pledged")
		};
		let f = pallet_financing::Financings::<Runtime>::get(financing).expect("financing");
		Financing::call_loan(RuntimeOrigin::signed(f.financier), financing).expect("calls");
		// The borrower pays all of the claim it can but half the note's amount (its account
		// left with just that), so the note's payout pays the rest of the claim off — the
		// claim and its index entries removed, the loan closed — and the borrower the
		// remainder: the heaviest way a payout meets a called loan.
		let claim = pallet_financing::Claims::<Runtime>::get(financing).expect("a claim");
		let part = claim.amount.saturating_sub(n.amount / 2);
		if !part.is_zero() {
			let keep = <Assets as Inspect<AccountId>>::minimum_balance(CNY);
			<Assets as Mutate<AccountId>>::set_balance(CNY, &claim.debtor, part + keep);
			Financing::settle_claim(RuntimeOrigin::signed(claim.debtor), financing)
				.expect("settles part of the claim");
		}
	}
}

impl pallet_financing::BenchmarkHelper<AccountId, AssetId, Balance> for CascadeBenchmarkHelper {
	fn active_note(amount: Balance) -> (NoteId, AccountId, AccountId, AssetId) {
		use pallet_receivables::BenchmarkHelper as _;
		let core: AccountId = frame_benchmarking::account("note-core", 0, 0);
		let supplier: AccountId = frame_benchmarking::account("note-supplier", 0, 0);
		let (asset, line) = Self::enroll_core(&core, amount.saturating_mul(2));
		Self::enroll_supplier(&supplier);
		let mut now = pallet_timestamp::Now::<Runtime>::get();
		if now == 0 {
			now = 1_700_000_000_000;
			Self::set_time(now);
		}
		let root = pallet_receivables::NextNoteId::<Runtime>::get();
		let invoice = pallet_receivables::NextReceivableId::<Runtime>::get().to_le_bytes().to_vec();
		Receivables::issue(
			RuntimeOrigin::signed(core.clone()),
			supplier.clone(),
			asset,
			amount,
			now + 90 * DAY_MS,
			line,
			Default::default(),
			invoice.try_into().expect("8 bytes fit"),
		)
		.expect("issues");
		Receivables::accept(RuntimeOrigin::signed(supplier.clone()), root).expect("accepts");
		(root, supplier, core, asset)
	}

	fn financier(index: u32) -> AccountId {
		bank(frame_benchmarking::account("financier", index, 0))
	}

	fn freeze(note: NoteId) {
		Receivables::do_freeze(note).expect("freezes");
	}

	fn fund(asset: &AssetId, who: &AccountId, amount: Balance) {
		<Assets as Mutate<AccountId>>::mint_into(*asset, who, amount).expect("mints");
	}

	fn make_overdue(note: NoteId) {
		use pallet_receivables::BenchmarkHelper as _;
		let receivable = pallet_receivables::Notes::<Runtime>::get(note).expect("note").receivable;
		let maturity = pallet_receivables::Receivables::<Runtime>::get(receivable)
			.expect("receivable")
			.maturity;
		let grace = pallet_receivables::Params::<Runtime>::get().grace_period;
		Self::set_time(maturity + grace + 1);
		let anyone: AccountId = frame_benchmarking::account("anyone", 0, 0);
		Receivables::mark_overdue(RuntimeOrigin::signed(anyone), receivable).expect("overdue");
	}

	fn attest(who: &AccountId) {
		use cascade_primitives::{Grade, GreenGrade, Office, TierGrade};
		let rater: AccountId = frame_benchmarking::account("rater", 0, 0);
		pallet_enterprises::Offices::<Runtime>::insert(&rater, Office::Attestor, ());
		for grade in [Grade::Tier(TierGrade::A), Grade::Green(GreenGrade::DeepGreen)] {
			crate::Enterprises::attest(
				RuntimeOrigin::signed(rater.clone()),
				who.clone(),
				grade,
				Moment::MAX,
			)
			.expect("attests");
		}
	}
}

const DAY_MS: Moment = 86_400_000;

/// Validators' benchmarks admit accounts that registered session keys: keys generated in the
/// benchmark's keystore, with their proof of possession, funded for the consumer reference.
impl pallet_validators::BenchmarkHelper<AccountId> for CascadeBenchmarkHelper {
	fn register_keys(who: &AccountId) {
		use codec::Encode;
		use frame_support::traits::fungible::Mutate as _;
		crate::Balances::mint_into(who, crate::UNIT).expect("mints fees");
		let generated = crate::opaque::SessionKeys::generate(&who.encode(), None);
		crate::Session::set_keys(
			RuntimeOrigin::signed(who.clone()),
			generated.keys,
			generated.proof.encode(),
		)
		.expect("registers keys");
	}
}
