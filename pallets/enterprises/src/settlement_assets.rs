//! Settlement assets: the money lines, programs and receivables are in. Only the Operator
//! creates them, and this pallet's keyless account owns them in `Assets`, so no signed account
//! holds the asset owner's powers (force-transfer, freeze, burn from any account) over escrow or
//! supplier balances. The Operator mints through `mint_settlement`; every settlement asset is
//! `sufficient`, so escrow and supplier accounts hold it without any native balance.

use crate::pallet::*;
use cascade_primitives::SettlementAssets as SettlementAssetsT;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::fungibles::{Create, Inspect, Mutate},
};
use sp_runtime::traits::{AccountIdConversion, Zero};

impl<T: Config> Pallet<T> {
	/// The keyless account that owns the settlement assets in `Assets`.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	pub fn do_create_settlement_asset(
		asset: T::AssetId,
		min_balance: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!T::Assets::asset_exists(asset), Error::<T>::AssetExists);
		ensure!(!min_balance.is_zero(), Error::<T>::ZeroMinBalance);
		T::Assets::create(asset, Self::account_id(), true, min_balance)?;
		SettlementAssets::<T>::insert(asset, ());
		Self::deposit_event(Event::SettlementAssetCreated { asset, min_balance });
		Ok(())
	}

	pub(crate) fn do_mint_settlement(
		asset: T::AssetId,
		beneficiary: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(SettlementAssets::<T>::contains_key(asset), Error::<T>::NotSettlementAsset);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		T::Assets::mint_into(asset, &beneficiary, amount)?;
		Self::deposit_event(Event::SettlementMinted { asset, beneficiary, amount });
		Ok(())
	}
}

impl<T: Config> SettlementAssetsT<T::AssetId> for Pallet<T> {
	fn is_settlement_asset(asset: &T::AssetId) -> bool {
		SettlementAssets::<T>::contains_key(asset)
	}
}
