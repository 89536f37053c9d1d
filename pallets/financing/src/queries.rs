//! Reads for the runtime API, answered in the API's types: a financier's programs, an account's
//! financings, waiting requests and claims — each a bounded page at a time from its per-account
//! index (cascade_primitives::paging), never a scan of the pallet — and what financing a note
//! would pay now. Never called from a dispatchable.

use crate::{
	pallet::*, ClaimInfo, Decimal, FinancingId, FinancingKind, FinancingStatus, NoteId, ProgramId,
	ProgramQuote, Quote,
};
use alloc::vec::Vec;
use cascade_primitives::{
	paging::{page_of_keys, List, ListKind, Page, PageError, PageRequest},
	pricing, NoteLedger, NoteStanding,
};
use frame_support::{
	storage::{with_transaction, KeyPrefixIterator, TransactionOutcome},
	traits::Time,
};
use sp_runtime::DispatchError;
use sp_runtime::Permill;

/// One page of the ids under an account's index, each as the record it names shows it.
fn page<K: Copy, V>(
	kind: ListKind,
	who: &impl codec::Encode,
	request: &PageRequest,
	keys: impl FnOnce(Option<Vec<u8>>) -> KeyPrefixIterator<K>,
	get: impl Fn(K) -> Option<V>,
) -> Result<Page<V>, PageError> {
	let (ids, next) = page_of_keys(List::new(kind, who), request, keys)?;
	Ok(Page { items: ids.into_iter().filter_map(get).collect(), next })
}

impl<T: Config> Pallet<T> {
	/// One page of the programs `financier` opened (closed ones included).
	pub fn programs_of(
		financier: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<ProgramInfoOf<T>>, PageError> {
		page(
			ListKind::Programs,
			financier,
			request,
			|from| match from {
				Some(key) => ProgramsOf::<T>::iter_key_prefix_from(financier, key),
				None => ProgramsOf::<T>::iter_key_prefix(financier),
			},
			|id| Programs::<T>::get(id).map(|p| p.info(id)),
		)
	}

	/// One page of the financings of `who`, as financier or as seller/borrower (closed ones
	/// included: the registration record).
	pub fn financings_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<FinancingInfoOf<T>>, PageError> {
		page(
			ListKind::Financings,
			who,
			request,
			|from| match from {
				Some(key) => FinancingsOf::<T>::iter_key_prefix_from(who, key),
				None => FinancingsOf::<T>::iter_key_prefix(who),
			},
			|id| Financings::<T>::get(id).map(|f| f.info(id)),
		)
	}

	/// One page of the requests waiting for an answer that `who` made or must answer.
	pub fn requests_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<RequestInfoOf<T>>, PageError> {
		page(
			ListKind::Requests,
			who,
			request,
			|from| match from {
				Some(key) => RequestsOf::<T>::iter_key_prefix_from(who, key),
				None => RequestsOf::<T>::iter_key_prefix(who),
			},
			|id| Requests::<T>::get(id).map(|r| r.info(id)),
		)
	}

	/// One page of the claims `who` owes or is owed, by financing, each with the note held as
	/// security for it (if any).
	pub fn claims_of(
		who: &T::AccountId,
		request: &PageRequest,
	) -> Result<Page<ClaimInfoOf<T>>, PageError> {
		page(
			ListKind::Claims,
			who,
			request,
			|from| match from {
				Some(key) => ClaimsOf::<T>::iter_key_prefix_from(who, key),
				None => ClaimsOf::<T>::iter_key_prefix(who),
			},
			|id| {
				Claims::<T>::get(id).map(|c| ClaimInfo {
					financing: id,
					debtor: c.debtor,
					creditor: c.creditor,
					amount: Decimal(c.amount),
					security: Self::security_of(id),
				})
			},
		)
	}

	/// The note held as security for the claim of financing `id`: its note while the financing
	/// is `Called` (a called loan, or recourse the seller could not pay), pledged to it.
	pub fn security_of(id: FinancingId) -> Option<NoteId> {
		Financings::<T>::get(id).filter(|f| f.status == FinancingStatus::Called).map(|f| f.note)
	}

	/// What financing `note` at `annual_rate` would pay now (discount interest actual/360 to
	/// maturity); `None` for an unknown note or a rate the pricing refuses.
	pub fn quote(note: NoteId, annual_rate: Permill) -> Option<QuoteOf<T>> {
		let view = T::Notes::note(note)?;
		let now = T::Time::now();
		let days = pricing::days_to_maturity(now, view.maturity);
		// The price `finance` would charge now, by the same arithmetic.
		let (interest, disbursed) = Self::price(view.amount, annual_rate, view.maturity).ok()?;
		Some(Quote {
			note,
			obligor: view.obligor,
			asset: Decimal(view.asset),
			amount: Decimal(view.amount),
			annual_rate,
			now,
			maturity: view.maturity,
			days,
			interest: Decimal(interest),
			disbursed: Decimal(disbursed),
			financeable: view.standing == NoteStanding::Active && view.financeable && days > 0,
		})
	}

	/// What financing `note` through `program` as `kind` would be now for the note's holder: the
	/// terms its grades get, the tier limit that applies and what it has drawn, and whether
	/// `finance` would go through (tried and rolled back: the same checks, the same money).
	/// `None` for an unknown note or program, or terms that do not compute.
	pub fn program_quote(
		note: NoteId,
		program: ProgramId,
		kind: FinancingKind,
	) -> Option<ProgramQuoteOf<T>> {
		let view = T::Notes::note(note)?;
		let p = Programs::<T>::get(program)?;
		let pricing = ProgramPricings::<T>::get(program);
		let now = T::Time::now();
		let seller = view.holder.clone();
		let terms = Self::terms(
			p.annual_rate,
			pricing.as_ref(),
			&seller,
			view.amount,
			view.maturity,
			kind == FinancingKind::Pledge,
		)
		.ok()?;
		let limit = Self::tier_limit(pricing.as_ref(), terms.tier.map(|t| t.grade));
		let outcome = with_transaction(|| {
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(Self::do_finance_by_program(
				seller.clone(),
				note,
				program,
				kind,
			)))
		});
		let refusal = match outcome {
			Ok(Ok(())) => None,
			Ok(Err(e)) | Err(e) => Some(error_name(e)),
		};
		Some(ProgramQuote {
			note,
			program,
			amount: Decimal(view.amount),
			now,
			maturity: view.maturity,
			days: pricing::days_to_maturity(now, view.maturity),
			terms: terms.map(Decimal),
			limit: limit.map(Decimal),
			drawn: Decimal(Drawn::<T>::get(program, &seller)),
			seller,
			refusal,
		})
	}
}

/// An error's name as the API shows it: a pallet error's variant (`TierLimitExceeded`), else the
/// kind of error (`Token`, `Arithmetic`, …).
fn error_name(e: DispatchError) -> alloc::string::String {
	let name = match e {
		DispatchError::Module(m) => m.message.unwrap_or("Module"),
		DispatchError::Token(_) => "Token",
		DispatchError::Arithmetic(_) => "Arithmetic",
		DispatchError::BadOrigin => "BadOrigin",
		DispatchError::CannotLookup => "CannotLookup",
		DispatchError::ConsumerRemaining => "ConsumerRemaining",
		DispatchError::NoProviders => "NoProviders",
		DispatchError::TooManyConsumers => "TooManyConsumers",
		DispatchError::Transactional(_) => "Transactional",
		DispatchError::Exhausted => "Exhausted",
		DispatchError::Corruption => "Corruption",
		DispatchError::Unavailable => "Unavailable",
		DispatchError::RootNotAllowed => "RootNotAllowed",
		DispatchError::Trie(_) => "Trie",
		DispatchError::Other(other) => other,
	};
	name.into()
}
