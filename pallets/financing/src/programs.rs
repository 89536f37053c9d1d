//! Financing programs: a financier's standing offer for one core enterprise's notes.

use crate::{pallet::*, Moment, Program, ProgramId};
use cascade_primitives::{EnterpriseRegistry, Role, SettlementAssets};
use frame_support::{ensure, pallet_prelude::*, traits::Time};
use sp_runtime::{
	traits::{Saturating, Zero},
	ArithmeticError, Permill,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_program(
		financier: T::AccountId,
		core: T::AccountId,
		asset: T::AssetId,
		annual_rate: Permill,
		budget: BalanceOf<T>,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(
			T::Enterprises::is_active_with(&financier, Role::Financier),
			Error::<T>::NotFinancier
		);
		ensure!(T::Enterprises::is_active_with(&core, Role::Core), Error::<T>::NotCore);
		ensure!(T::SettlementAssets::is_settlement_asset(&asset), Error::<T>::NotSettlementAsset);
		ensure!(!budget.is_zero(), Error::<T>::ZeroBudget);
		ensure!(expires_at > T::Time::now(), Error::<T>::ExpiryInPast);

		let program = NextProgramId::<T>::get();
		NextProgramId::<T>::put(program.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		ProgramsOf::<T>::insert(&financier, program, ());
		Programs::<T>::insert(
			program,
			Program {
				financier: financier.clone(),
				core: core.clone(),
				asset,
				annual_rate,
				budget,
				outstanding: Zero::zero(),
				expires_at,
				closed: false,
			},
		);
		Self::deposit_event(Event::ProgramOpened {
			program,
			financier,
			core,
			asset,
			annual_rate,
			budget,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_close_program(who: T::AccountId, program: ProgramId) -> DispatchResult {
		Programs::<T>::try_mutate(program, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::UnknownProgram)?;
			ensure!(p.financier == who, Error::<T>::NotProgramFinancier);
			ensure!(!p.closed, Error::<T>::ProgramClosed);
			p.closed = true;
			Ok(())
		})?;
		Self::deposit_event(Event::ProgramClosed { program });
		Ok(())
	}

	/// The money `f` advanced came back (repaid, redeemed, recovered by recourse or a claim, or
	/// the note sold on): its program's budget recovers it and its seller's draw on the program
	/// falls by it.
	pub(crate) fn recover_budget(f: &FinancingOf<T>) {
		if let Some(id) = f.program {
			Programs::<T>::mutate(id, |p| {
				if let Some(p) = p.as_mut() {
					p.budget = p.budget.saturating_add(f.disbursed);
					p.outstanding = p.outstanding.saturating_sub(f.disbursed);
				}
			});
			Self::undraw(id, &f.seller, f.disbursed);
		}
	}
}
