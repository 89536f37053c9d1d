//! # Council root
//!
//! The council's one way to Root. Cascade has no Sudo key: the calls that FRAME reserves for Root
//! (`System::authorize_upgrade` and the other code and storage calls, `Balances::force_*`,
//! `Assets::force_*`) are reached by a council motion that calls [`Pallet::dispatch_as_root`],
//! and only if the motion carries the configured supermajority (`RootOrigin`). Everything that has
//! its own configurable origin (the Operator's calls, validators, membership, the emergency
//! brake) takes the council's origin directly and does not come through here.
//!
//! This is the glue polkadot-sdk lacks for a chain governed by one collective: `pallet-sudo`
//! dispatches as Root for one key, `pallet-utility::dispatch_as` needs Root to begin with.
//!
//! It also bounds how many motions one member may have open at once ([`MotionTicket`], the
//! collective's `Consideration`), so no member jams the council's bounded list of motions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod motions;
pub mod weights;

pub use motions::{MotionTicket, Motions};

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{DispatchErrorWithPostInfo, GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Dispatchable, Hash};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A call of the runtime.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// Who may act as Root: a council motion carried by the supermajority.
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weight of this pallet's own work, beside the dispatched call's.
		type WeightInfo: WeightInfo;

		/// The council's motions, as the collective keeps them.
		type Motions: Motions<Self::Hash>;

		/// The most motions one member may have open at once.
		#[pallet::constant]
		type MaxOpenMotions: Get<u32>;
	}

	/// The motions each member proposed that were open when it last proposed one (closed ones
	/// are dropped then, and when the collective releases or burns a motion's ticket).
	#[pallet::storage]
	pub type OpenMotions<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::Hash, T::MaxOpenMotions>,
		ValueQuery,
	>;

	#[pallet::error]
	pub enum Error<T> {
		/// The member already has `MaxOpenMotions` motions open: let one close first.
		TooManyOpenMotions,
		/// The collective asked for a motion's ticket but has no motion.
		NoMotion,
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council dispatched a call as Root and it succeeded.
		DispatchedAsRoot {
			call_hash: T::Hash,
			/// What the dispatched call weighed, if it said. Only in the runtime built with the
			/// `upgrade-test` feature: a field that a runtime upgrade adds to an event of a
			/// pallet the `cascade` client does not use.
			#[cfg(feature = "upgrade-test")]
			actual_weight: Option<Weight>,
		},
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatches `call` as Root.
		///
		/// Origin: `RootOrigin` (a council motion carried by at least two thirds of the members).
		/// - `call`: any call of the runtime; Root passes the emergency brake's filter.
		///
		/// Emits [`Event::DispatchedAsRoot`]. Errors: whatever `call` fails with (the motion's
		/// `Executed` event carries it); nothing it did stays.
		/// `O(1)` plus the call's own weight.
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			let call_hash = T::Hashing::hash_of(&call);
			let own = T::WeightInfo::dispatch_as_root();
			let post =
				call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into()).map_err(|e| {
					DispatchErrorWithPostInfo {
						post_info: PostDispatchInfo {
							actual_weight: e.post_info.actual_weight.map(|w| w.saturating_add(own)),
							pays_fee: e.post_info.pays_fee,
						},
						error: e.error,
					}
				})?;
			Self::deposit_event(Event::DispatchedAsRoot {
				call_hash,
				#[cfg(feature = "upgrade-test")]
				actual_weight: post.actual_weight,
			});
			Ok(PostDispatchInfo {
				actual_weight: post.actual_weight.map(|w| w.saturating_add(own)),
				pays_fee: post.pays_fee,
			})
		}
	}
}
