//! One member cannot jam the council: each member may have at most `MaxOpenMotions` motions open.
//!
//! The collective asks its `Consideration` for a ticket whenever a member proposes a motion that
//! needs votes (threshold 2 or more), right after adding the motion to its list and before
//! storing it; a ticket that cannot be had refuses the motion. [`MotionTicket`] is that ticket:
//! it records the motion under its proposer in [`OpenMotions`], first dropping the proposer's
//! motions that have closed since (at most `MaxOpenMotions` reads), and refuses with
//! [`Error::TooManyOpenMotions`] when the proposer still has `MaxOpenMotions` open. It costs
//! nothing: no deposit, so council members need no funds beyond their fees. Releasing or
//! burning the ticket (the collective's `release_proposal_cost`, `kill`) forgets the motion.

use crate::pallet::*;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*,
	traits::{Consideration, MaybeConsideration},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};

/// What the council's collective says of its motions.
pub trait Motions<Hash> {
	/// Whether motion `hash` is open: proposed, and not yet closed, disapproved or killed.
	fn is_open(hash: &Hash) -> bool;
	/// The motion proposed last (the one the collective is asking a ticket for).
	fn newest() -> Option<Hash>;
}

/// A member's ticket for one open motion (see the module's documentation).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct MotionTicket<T: Config> {
	/// The motion's hash.
	pub motion: T::Hash,
}

impl<T: Config> MotionTicket<T> {
	/// `who`'s motion `motion` is no longer counted.
	fn forget(who: &T::AccountId, motion: &T::Hash) {
		OpenMotions::<T>::mutate_exists(who, |open| {
			if let Some(list) = open {
				list.retain(|m| m != motion);
				if list.is_empty() {
					*open = None;
				}
			}
		});
	}
}

impl<T: Config> Consideration<T::AccountId, u32> for MotionTicket<T> {
	fn new(who: &T::AccountId, _position: u32) -> Result<Self, DispatchError> {
		let motion = T::Motions::newest().ok_or(Error::<T>::NoMotion)?;
		OpenMotions::<T>::try_mutate(who, |open| {
			open.retain(|m| m != &motion && T::Motions::is_open(m));
			open.try_push(motion).map_err(|_| Error::<T>::TooManyOpenMotions)?;
			Ok(MotionTicket { motion })
		})
	}

	fn update(self, _who: &T::AccountId, _position: u32) -> Result<Self, DispatchError> {
		Ok(self)
	}

	fn drop(self, who: &T::AccountId) -> Result<(), DispatchError> {
		Self::forget(who, &self.motion);
		Ok(())
	}

	fn burn(self, who: &T::AccountId) {
		Self::forget(who, &self.motion);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(who: &T::AccountId, _position: u32) {
		OpenMotions::<T>::remove(who);
	}
}

impl<T: Config> MaybeConsideration<T::AccountId, u32> for MotionTicket<T> {
	fn is_none(&self) -> bool {
		false
	}
}
