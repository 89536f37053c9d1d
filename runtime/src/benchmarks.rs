//! The runtime's benchmark list and what Cascade's benchmarks need from the runtime.

use crate::{AccountId, AssetId, Assets, Balance, Runtime, CNY};
use cascade_primitives::{LineId, Moment, Roles};
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
