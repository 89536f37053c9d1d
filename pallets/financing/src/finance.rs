//! Executing a financing: factoring (delivery versus payment) or a pledge loan.

use crate::{
	pallet::*, terms::TermsOf, Financing, FinancingKind, FinancingStatus, NoteId, ProgramId,
};
use cascade_primitives::{pricing, EnterpriseRegistry, NoteLedger, NoteStanding, NoteView, Role};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungibles::Mutate, tokens::Preservation, Time},
};
use sp_runtime::{traits::CheckedAdd, ArithmeticError, Permill};

/// A note's view, as the ledger gives it.
pub(crate) type ViewOf<T> =
	NoteView<<T as frame_system::Config>::AccountId, <T as Config>::AssetId, BalanceOf<T>>;

impl<T: Config> Pallet<T> {
	/// The note, checked to be an Active note of `who` (an active enterprise) on an Active
	/// receivable that has not matured.
	pub(crate) fn financeable_note_of(
		who: &T::AccountId,
		note: NoteId,
	) -> Result<ViewOf<T>, DispatchError> {
		let view = T::Notes::note(note).ok_or(Error::<T>::UnknownNote)?;
		ensure!(&view.holder == who, Error::<T>::NotHolder);
		ensure!(T::Enterprises::is_active(who), Error::<T>::NotParticipant);
		match view.standing {
			NoteStanding::Active => {}
			NoteStanding::Pending => return Err(Error::<T>::NotePending.into()),
			NoteStanding::Frozen => return Err(Error::<T>::NoteFrozen.into()),
			NoteStanding::Pledged(_) => return Err(Error::<T>::NotePledged.into()),
			NoteStanding::Consumed => return Err(Error::<T>::NoteConsumed.into()),
			NoteStanding::Redeemed => return Err(Error::<T>::NoteRedeemed.into()),
		}
		ensure!(view.financeable, Error::<T>::ReceivableNotActive);
		ensure!(T::Time::now() < view.maturity, Error::<T>::NoteMatured);
		Ok(view)
	}

	/// `(interest, disbursed)` for financing `amount` at `rate` until `maturity`, now.
	pub fn price(
		amount: BalanceOf<T>,
		rate: Permill,
		maturity: cascade_primitives::Moment,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		let (interest, disbursed) =
			pricing::discount(amount.into(), rate, T::Time::now(), maturity)
				.ok_or(ArithmeticError::Overflow)?;
		let interest = BalanceOf::<T>::try_from(interest).map_err(|_| Error::<T>::Overflow)?;
		let disbursed = BalanceOf::<T>::try_from(disbursed).map_err(|_| Error::<T>::Overflow)?;
		Ok((interest, disbursed))
	}

	/// A factored note changes owner again through a new factoring: the earlier factoring ends,
	/// and its factor — just paid for the note — pays its seller what is left of the reserve.
	/// (Pledging a note changes no owner: the factor keeps its recourse and the program its
	/// outstanding advance.)
	fn close_sold_on(id: cascade_primitives::FinancingId, asset: T::AssetId) -> DispatchResult {
		if let Some(mut f) = Financings::<T>::get(id) {
			if f.status == FinancingStatus::Open {
				f.status = FinancingStatus::SoldOn;
				Self::end_reserve(id, Some((&f.financier, &f.seller, asset)))?;
				Self::recover_budget(&f);
				Financings::<T>::insert(id, f);
			}
		}
		Ok(())
	}

	pub(crate) fn do_finance_by_program(
		seller: T::AccountId,
		note: NoteId,
		program_id: ProgramId,
		kind: FinancingKind,
	) -> DispatchResult {
		let view = Self::financeable_note_of(&seller, note)?;
		let mut program = Programs::<T>::get(program_id).ok_or(Error::<T>::UnknownProgram)?;
		ensure!(!program.closed, Error::<T>::ProgramClosed);
		ensure!(T::Time::now() < program.expires_at, Error::<T>::ProgramExpired);
		// A suspended financier (or one that lost the role) finances nothing new.
		ensure!(
			T::Enterprises::is_active_with(&program.financier, Role::Financier),
			Error::<T>::FinancierInactive
		);
		ensure!(program.core == view.obligor, Error::<T>::WrongObligor);
		ensure!(program.asset == view.asset, Error::<T>::AssetMismatch);
		ensure!(program.financier != seller, Error::<T>::SelfFinance);
		ensure!(!view.needs_review, Error::<T>::TenorNeedsReview);
		let pricing = ProgramPricings::<T>::get(program_id);
		let terms = Self::terms(
			program.annual_rate,
			pricing.as_ref(),
			&seller,
			view.amount,
			view.maturity,
			kind == FinancingKind::Pledge,
		)?;
		ensure!(program.budget >= terms.disbursed, Error::<T>::BudgetExhausted);
		let limit = Self::tier_limit(pricing.as_ref(), terms.tier.map(|t| t.grade));
		Self::draw(program_id, &seller, terms.disbursed, limit)?;
		program.budget -= terms.disbursed;
		program.outstanding =
			program.outstanding.checked_add(&terms.disbursed).ok_or(ArithmeticError::Overflow)?;
		let financier = program.financier.clone();
		Programs::<T>::insert(program_id, program);
		Self::execute(seller, financier, view, kind, terms, Some(program_id)).map(|_| ())
	}

	/// Move the note (factoring) or pledge it, and pay the seller, in one go, on `terms`.
	/// Returns the financing's id.
	pub(crate) fn execute(
		seller: T::AccountId,
		financier: T::AccountId,
		view: ViewOf<T>,
		kind: FinancingKind,
		terms: TermsOf<T>,
		program: Option<ProgramId>,
	) -> Result<cascade_primitives::FinancingId, DispatchError> {
		ensure!(financier != seller, Error::<T>::SelfFinance);
		let id = NextFinancingId::<T>::get();
		NextFinancingId::<T>::put(id.checked_add(1).ok_or(ArithmeticError::Overflow)?);

		match kind {
			FinancingKind::Factoring { .. } => {
				T::Notes::move_note(view.note, &financier)?;
				if let Some(previous) = FactoringOfNote::<T>::get(view.note) {
					Self::close_sold_on(previous, view.asset)?;
				}
				FactoringOfNote::<T>::insert(view.note, id);
				Self::keep_reserve(id, terms.reserve);
			}
			FinancingKind::Pledge => {
				// A factor may pledge a note it bought only once it owes its seller no reserve:
				// the pledgee is paid first, and the reserve must not wait behind it.
				if let Some(factoring) = FactoringOfNote::<T>::get(view.note) {
					ensure!(!Reserves::<T>::contains_key(factoring), Error::<T>::ReserveOwed);
				}
				T::Notes::pledge(view.note, id)?
			}
		}
		T::Assets::transfer(
			view.asset,
			&financier,
			&seller,
			terms.disbursed,
			Preservation::Preserve,
		)?;
		FinancingsOf::<T>::insert(&financier, id, ());
		FinancingsOf::<T>::insert(&seller, id, ());
		Financings::<T>::insert(
			id,
			Financing {
				kind,
				financier: financier.clone(),
				seller: seller.clone(),
				note: view.note,
				receivable: view.receivable,
				amount: view.amount,
				disbursed: terms.disbursed,
				interest: terms.interest,
				annual_rate: terms.annual_rate,
				started_at: T::Time::now(),
				maturity: view.maturity,
				program,
				status: FinancingStatus::Open,
			},
		);
		Self::deposit_event(Event::Financed {
			financing: id,
			kind,
			recourse: kind.recourse(),
			financier,
			seller,
			obligor: view.obligor,
			note: view.note,
			receivable: view.receivable,
			asset: view.asset,
			amount: view.amount,
			price: terms.disbursed,
			interest: terms.interest,
			annual_rate: terms.annual_rate,
			maturity: view.maturity,
			program,
			terms,
		});
		Ok(id)
	}
}
