//! Credit lines (授信): granting, limits, revocation, and drawing and releasing them through
//! [`cascade_primitives::CreditLineDraws`].

use crate::{pallet::*, CreditLine, LineId, Moment, Role, Status};
use cascade_primitives::CreditLineDraws;
use frame_support::{ensure, pallet_prelude::*, traits::Time};
use sp_runtime::{traits::Zero, ArithmeticError};

impl<T: Config> Pallet<T> {
	/// Store a new line and index it; returns its id.
	pub fn insert_line(
		financier: T::AccountId,
		core: T::AccountId,
		asset: T::AssetId,
		limit: BalanceOf<T>,
		expires_at: Moment,
	) -> Result<LineId, DispatchError> {
		let lines = LinesPerCore::<T>::get(&core);
		ensure!(lines < T::MaxLinesPerCore::get(), Error::<T>::TooManyLines);
		let line = NextLineId::<T>::get();
		let next = line.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		NextLineId::<T>::put(next);
		LinesByCore::<T>::insert(&core, line, ());
		LinesPerCore::<T>::insert(&core, lines + 1);
		CreditLines::<T>::insert(
			line,
			CreditLine {
				financier,
				core,
				asset,
				limit,
				used: Zero::zero(),
				expires_at,
				revoked: false,
			},
		);
		Ok(line)
	}

	pub(crate) fn do_grant_credit_line(
		financier: T::AccountId,
		core: T::AccountId,
		asset: T::AssetId,
		limit: BalanceOf<T>,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(Self::is_active_with(&financier, Role::Financier), Error::<T>::NotFinancier);
		ensure!(financier != core, Error::<T>::SelfCredit);
		ensure!(Self::is_active_with(&core, Role::Core), Error::<T>::NotCore);
		ensure!(SettlementAssets::<T>::contains_key(asset), Error::<T>::NotSettlementAsset);
		ensure!(!limit.is_zero(), Error::<T>::ZeroLimit);
		ensure!(expires_at > T::Time::now(), Error::<T>::ExpiryInPast);

		let line = Self::insert_line(financier.clone(), core.clone(), asset, limit, expires_at)?;
		Self::deposit_event(Event::CreditLineGranted {
			line,
			financier,
			core,
			asset,
			limit,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_set_credit_limit(
		who: T::AccountId,
		line: LineId,
		limit: BalanceOf<T>,
	) -> DispatchResult {
		CreditLines::<T>::try_mutate(line, |l| -> DispatchResult {
			let l = l.as_mut().ok_or(Error::<T>::UnknownLine)?;
			ensure!(l.financier == who, Error::<T>::NotLineFinancier);
			ensure!(!l.revoked, Error::<T>::LineRevoked);
			ensure!(!limit.is_zero(), Error::<T>::ZeroLimit);
			ensure!(limit >= l.used, Error::<T>::LimitBelowUsed);
			let suspended =
				Enterprises::<T>::get(&who).map(|e| e.status != Status::Active).unwrap_or(true);
			ensure!(!(suspended && limit > l.limit), Error::<T>::FinancierSuspended);
			l.limit = limit;
			Ok(())
		})?;
		Self::deposit_event(Event::CreditLimitSet { line, limit });
		Ok(())
	}

	pub(crate) fn do_revoke_credit_line(who: T::AccountId, line: LineId) -> DispatchResult {
		CreditLines::<T>::try_mutate(line, |l| -> DispatchResult {
			let l = l.as_mut().ok_or(Error::<T>::UnknownLine)?;
			ensure!(l.financier == who, Error::<T>::NotLineFinancier);
			ensure!(!l.revoked, Error::<T>::LineRevoked);
			l.revoked = true;
			if l.is_retired() {
				Self::unindex_line(&l.core, line);
			}
			Ok(())
		})?;
		Self::deposit_event(Event::CreditLineRevoked { line });
		Ok(())
	}

	pub(crate) fn do_refuse_credit_line(who: T::AccountId, line: LineId) -> DispatchResult {
		CreditLines::<T>::try_mutate(line, |l| -> DispatchResult {
			let l = l.as_mut().ok_or(Error::<T>::UnknownLine)?;
			ensure!(l.core == who, Error::<T>::NotLineCore);
			// A revoked line leaves the index by itself once nothing is drawn.
			ensure!(!l.revoked, Error::<T>::LineRevoked);
			ensure!(l.used.is_zero(), Error::<T>::LineInUse);
			l.revoked = true;
			Self::unindex_line(&who, line);
			Ok(())
		})?;
		Self::deposit_event(Event::CreditLineRefused { line });
		Ok(())
	}

	/// A retired line leaves its core's lines.
	fn unindex_line(core: &T::AccountId, line: LineId) {
		LinesByCore::<T>::remove(core, line);
		LinesPerCore::<T>::mutate_exists(core, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
	}

	/// Turn the genesis lines' durations into moments, once the first block's time is known.
	/// Runs once: afterwards `UnanchoredLines` is empty and this is one storage read.
	pub(crate) fn anchor_genesis_lines(now: Moment) {
		let lines = UnanchoredLines::<T>::take();
		for id in lines {
			CreditLines::<T>::mutate(id, |l| {
				if let Some(l) = l.as_mut() {
					l.expires_at = l.expires_at.saturating_add(now);
				}
			});
		}
	}
}

/// Genesis credit lines expire relative to the chain's first timestamp: wire this pallet into
/// `pallet_timestamp::Config::OnTimestampSet`.
impl<T: Config> frame_support::traits::OnTimestampSet<Moment> for Pallet<T> {
	fn on_timestamp_set(now: Moment) {
		if UnanchoredLines::<T>::exists() {
			Self::anchor_genesis_lines(now);
		}
	}
}

impl<T: Config> CreditLineDraws<T::AccountId, T::AssetId, BalanceOf<T>> for Pallet<T> {
	fn draw(
		line: LineId,
		issuer: &T::AccountId,
		asset: &T::AssetId,
		amount: BalanceOf<T>,
		now: Moment,
	) -> DispatchResult {
		let used =
			CreditLines::<T>::try_mutate(line, |l| -> Result<BalanceOf<T>, DispatchError> {
				let l = l.as_mut().ok_or(Error::<T>::UnknownLine)?;
				ensure!(&l.core == issuer, Error::<T>::NotLineCore);
				ensure!(!l.revoked, Error::<T>::LineRevoked);
				ensure!(now < l.expires_at, Error::<T>::LineExpired);
				ensure!(&l.asset == asset, Error::<T>::AssetMismatch);
				let used = l.used.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
				ensure!(used <= l.limit, Error::<T>::CreditLineExceeded);
				l.used = used;
				Ok(used)
			})?;
		Self::deposit_event(Event::CreditDrawn { line, amount, used });
		Ok(())
	}

	fn release(line: LineId, amount: BalanceOf<T>) -> DispatchResult {
		let used =
			CreditLines::<T>::try_mutate(line, |l| -> Result<BalanceOf<T>, DispatchError> {
				let l = l.as_mut().ok_or(Error::<T>::UnknownLine)?;
				l.used = l.used.checked_sub(&amount).ok_or(Error::<T>::ReleaseExceedsUsed)?;
				if l.is_retired() {
					Self::unindex_line(&l.core, line);
				}
				Ok(l.used)
			})?;
		Self::deposit_event(Event::CreditReleased { line, amount, used });
		Ok(())
	}

	fn used(line: LineId) -> Option<BalanceOf<T>> {
		CreditLines::<T>::get(line).map(|l| l.used)
	}
}
