//! # Validators
//!
//! The consortium's validator set, governed by the council: the Operator admits a validator with
//! [`Pallet::add_validator`] and removes one with [`Pallet::remove_validator`]; nobody else changes
//! the set, and it never shrinks below `MinValidators`.
//!
//! This pallet is `pallet-session`'s session manager: at each new session it hands Session the
//! current set, and Session queues it (with each validator's registered keys) for the session
//! after, when Aura and GRANDPA take it up. So a change is in force two session boundaries after
//! the motion that made it, without a runtime upgrade and without restarting a node.
//!
//! A validator must have registered its session keys (`Session::set_keys`, signed by its own
//! account) before it is admitted: the council admits an operator who has shown it runs a node,
//! and Session would otherwise drop a keyless validator silently.
//!
//! `O(MaxValidators)` per call: the set is one bounded vector, a few dozen accounts at most.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use weights::WeightInfo;

/// What the benchmarks need from the runtime: an account that has registered session keys.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` able to be admitted: registers session keys for it.
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The consortium's Operator: admits and removes validators.
		type OperatorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has registered session keys (`pallet-session`).
		type KeysRegistered: ValidatorRegistration<Self::AccountId>;

		/// The largest validator set (Aura's and GRANDPA's `MaxAuthorities` at most).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The smallest validator set a removal may leave. GRANDPA finalizes while more than two
		/// thirds of the set vote, so below 3 validators one or two operators hold the chain.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Registers session keys for benchmark accounts.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validator set the next planned session takes up, in the order it was admitted.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators of the first sessions; Session's genesis gives them their keys.
		pub validators: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut set: Vec<T::AccountId> = Vec::new();
			for who in &self.validators {
				assert!(!set.contains(who), "a genesis validator is listed twice");
				set.push(who.clone());
			}
			let set: BoundedVec<_, T::MaxValidators> =
				set.try_into().expect("genesis validators fit MaxValidators");
			Validators::<T>::put(set);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joins the validator set from the session after next.
		ValidatorAdded { who: T::AccountId },
		/// `who` leaves the validator set from the session after next.
		ValidatorRemoved { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set holds `MaxValidators` already.
		TooManyValidators,
		/// Removing the validator would leave fewer than `MinValidators`.
		TooFewValidators,
		/// The account has not registered session keys (`Session::set_keys`).
		NoSessionKeys,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "a chain needs a validator");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators must not exceed MaxValidators"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Admits `who` to the validator set; it authors and votes from the session after next.
		///
		/// Origin: the Operator (a council motion).
		/// - `who`: an account that has registered its session keys.
		///
		/// Emits [`Event::ValidatorAdded`].
		/// Errors: [`Error::AlreadyValidator`] if `who` validates already,
		/// [`Error::NoSessionKeys`] if it registered no session keys,
		/// [`Error::TooManyValidators`] if the set is full.
		/// `O(MaxValidators)`.
		#[pallet::call_index(0)]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_add(who)
		}

		/// Removes `who` from the validator set from the session after next.
		///
		/// Origin: the Operator (a council motion).
		/// - `who`: a validator.
		///
		/// Emits [`Event::ValidatorRemoved`].
		/// Errors: [`Error::NotValidator`] if `who` does not validate,
		/// [`Error::TooFewValidators`] if fewer than `MinValidators` validators with session keys
		/// would remain.
		/// `O(MaxValidators)`.
		#[pallet::call_index(1)]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::OperatorOrigin::ensure_origin(origin)?;
			Self::do_remove(who)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Admits `who` (see [`Pallet::add_validator`]).
		pub fn do_add(who: T::AccountId) -> DispatchResult {
			let mut set = Validators::<T>::get();
			ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
			ensure!(T::KeysRegistered::is_registered(&who), Error::<T>::NoSessionKeys);
			set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(set);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes `who` (see [`Pallet::remove_validator`]). What remains must hold at least
		/// `MinValidators` validators that still have session keys: one that purged its keys
		/// (`Session::purge_keys`) neither authors nor votes, so it counts as gone.
		pub fn do_remove(who: T::AccountId) -> DispatchResult {
			let mut set = Validators::<T>::get();
			let position = set.iter().position(|v| *v == who).ok_or(Error::<T>::NotValidator)?;
			let working =
				set.iter().filter(|v| **v != who && T::KeysRegistered::is_registered(v)).count()
					as u32;
			ensure!(working >= T::MinValidators::get(), Error::<T>::TooFewValidators);
			set.remove(position);
			Validators::<T>::put(set);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// The invariants of the validator set:
		/// - no account is listed twice;
		/// - the set is not empty.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let set = Validators::<T>::get();
			ensure!(!set.is_empty(), "the validator set is empty");
			for (i, who) in set.iter().enumerate() {
				ensure!(!set[..i].contains(who), "a validator is listed twice");
			}
			Ok(())
		}
	}

	/// Session asks for the set at each new session; the set is bounded, so this is one read.
	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(_new_index: u32) -> Option<Vec<T::AccountId>> {
			Some(Validators::<T>::get().into_inner())
		}
		fn end_session(_end_index: u32) {}
		fn start_session(_start_index: u32) {}
	}
}
