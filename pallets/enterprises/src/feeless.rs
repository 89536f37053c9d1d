//! Suppliers need nothing but the portal: a registered, active enterprise's calls to the ledger
//! (the receivables and financing pallets mark them `feeless_if` [`Pallet::allows`]) go without
//! fees, so a tier-3 supplier never has to hold the chain's native token. Free is bounded: each
//! enterprise has `FeelessPerBlock` such calls a block — counted by the [`FeelessQuota`]
//! transaction extension when a feeless call is prepared, whether it then succeeds or fails — and
//! past that its calls pay fees as everyone else's do (without native tokens, they wait for the
//! next block). Everyone else pays as always.
//!
//! The runtime puts `pallet_skip_feeless_payment::SkipCheckIfFeeless` around the fee payment
//! and [`FeelessQuota`] after it: both ask the call whether it is feeless with the same state,
//! and the count goes up only for calls that were let through free. `FeelessQuota` carries no
//! data (it encodes to nothing), so wallets need no type for it.

use crate::{pallet::*, Status};
use cascade_primitives::FeelessWork;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::CheckIfFeeless,
	pallet_prelude::{TransactionSource, Weight},
	traits::{Get, OriginTrait},
	DefaultNoBound,
};
use frame_system::pallet_prelude::OriginFor;
use scale_info::TypeInfo;
use sp_runtime::traits::{DispatchInfoOf, Implication, TransactionExtension, ValidateResult};

impl<T: Config> Pallet<T> {
	/// The feeless calls `who` has made in the current block.
	pub fn feeless_used(who: &T::AccountId) -> u32 {
		match FeelessUsed::<T>::get(who) {
			Some((block, n)) if block == frame_system::Pallet::<T>::block_number() => n,
			_ => 0,
		}
	}

	/// One more feeless call of `who` in the current block.
	pub(crate) fn count_feeless(who: &T::AccountId) {
		let n = Self::feeless_used(who).saturating_add(1);
		FeelessUsed::<T>::insert(who, (frame_system::Pallet::<T>::block_number(), n));
	}
}

impl<T: Config> FeelessWork<T::AccountId> for Pallet<T> {
	/// A registered, active enterprise that has not used up its feeless calls this block.
	fn allows(who: &T::AccountId) -> bool {
		Enterprises::<T>::get(who).is_some_and(|e| e.status == Status::Active)
			&& Self::feeless_used(who) < T::FeelessPerBlock::get()
	}
}

/// Counts an enterprise's feeless calls in the block (see the module's documentation). Place it
/// after `SkipCheckIfFeeless` in the runtime's transaction extensions.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct FeelessQuota<T>(PhantomData<T>);

impl<T> FeelessQuota<T> {
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for FeelessQuota<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "FeelessQuota")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for FeelessQuota<T>
where
	T::RuntimeCall: CheckIfFeeless<Origin = OriginFor<T>>,
{
	const IDENTIFIER: &'static str = "FeelessQuota";
	type Implicit = ();
	/// The signer of a call let through free, to count.
	type Val = Option<T::AccountId>;
	type Pre = ();

	fn weight(&self, _call: &T::RuntimeCall) -> Weight {
		// The call's own feeless check reads the enterprise and its count; counting writes it.
		T::DbWeight::get().reads_writes(2, 1)
	}

	fn validate(
		&self,
		origin: OriginFor<T>,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let free = call.is_feeless(&origin).then(|| origin.as_signer().cloned()).flatten();
		Ok((Default::default(), free, origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &OriginFor<T>,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, sp_runtime::transaction_validity::TransactionValidityError> {
		if let Some(who) = val {
			Pallet::<T>::count_feeless(&who);
		}
		Ok(())
	}
}
