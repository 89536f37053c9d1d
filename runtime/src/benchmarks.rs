//! The runtime's benchmark list and what Cascade's benchmarks need from the runtime.

use crate::{AccountId, AssetId, Assets, Balance, Receivables, Runtime, RuntimeOrigin, CNY};
use cascade_primitives::{LineId, Moment, NoteId, Roles};
use frame_support::traits::fungibles::{Create, Inspect, Mutate};

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_enterprises, Enterprises]
	[pallet_receivables, Receivables]
	[pallet_financing, Financing]
);

/// Sets up enterprises, a credit line and money for the Cascade pallets' benchmarks.
pub struct CascadeBenchmarkHelper;

fn ensure_cny() -> AssetId {
	if !Assets::asset_exists(CNY) {
		let owner: AccountId = frame_benchmarking::account("asset-owner", 0, 0);
		<Assets as Create<AccountId>>::create(CNY, owner, true, 1).expect("creates CNY");
	}
	CNY
}

fn code(n: u32) -> pallet_enterprises::CreditCode {
	pallet_enterprises::credit_code::numbered(n)
}

fn enroll(who: &AccountId, roles: Roles) {
	let n = pallet_enterprises::CreditCodes::<Runtime>::iter().count() as u32 + 7_000_000;
	pallet_enterprises::Enterprises::<Runtime>::insert(
		who,
		pallet_enterprises::Enterprise {
			name: b"Bench".to_vec().try_into().expect("short"),
			credit_code: code(n),
			roles,
			status: pallet_enterprises::Status::Active,
		},
	);
	pallet_enterprises::CreditCodes::<Runtime>::insert(code(n), who);
}

impl pallet_enterprises::BenchmarkHelper<AssetId> for CascadeBenchmarkHelper {
	fn settlement_asset() -> AssetId {
		ensure_cny()
	}
}

impl pallet_receivables::BenchmarkHelper<AccountId, AssetId, Balance> for CascadeBenchmarkHelper {
	fn enroll_core(who: &AccountId, limit: Balance) -> (AssetId, LineId) {
		let asset = ensure_cny();
		enroll(who, Roles { core: true, supplier: false, financier: false });
		let bank: AccountId = frame_benchmarking::account("bank", 0, 0);
		enroll(&bank, Roles { core: false, supplier: false, financier: true });
		let line = pallet_enterprises::NextLineId::<Runtime>::get();
		pallet_enterprises::NextLineId::<Runtime>::put(line + 1);
		pallet_enterprises::LinesByCore::<Runtime>::insert(who, line, ());
		pallet_enterprises::CreditLines::<Runtime>::insert(
			line,
			pallet_enterprises::CreditLine {
				financier: bank,
				core: who.clone(),
				asset,
				limit,
				used: 0,
				expires_at: Moment::MAX,
				revoked: false,
			},
		);
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

	fn financier() -> AccountId {
		let bank: AccountId = frame_benchmarking::account("financier", 0, 0);
		enroll(&bank, Roles { core: false, supplier: false, financier: true });
		<Assets as Mutate<AccountId>>::mint_into(ensure_cny(), &bank, Balance::MAX / 4)
			.expect("mints");
		bank
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
}

const DAY_MS: Moment = 86_400_000;
