//! Registering enterprises, their roles and their status; the [`EnterpriseRegistry`] view.

use crate::{credit_code, pallet::*, CreditCode, Enterprise, Role, Roles, Status};
use cascade_primitives::EnterpriseRegistry;
use frame_support::{ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
	/// Register `who` with a profile. Checks everything before writing anything.
	pub fn do_register(
		who: T::AccountId,
		name: BoundedVec<u8, T::MaxNameLength>,
		credit_code: CreditCode,
		roles: Roles,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(!roles.is_empty(), Error::<T>::NoRoles);
		ensure!(credit_code::is_valid(&credit_code), Error::<T>::InvalidCreditCode);
		ensure!(!Enterprises::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		ensure!(!CreditCodes::<T>::contains_key(credit_code), Error::<T>::CreditCodeTaken);

		CreditCodes::<T>::insert(credit_code, &who);
		// Registered, the account exists (it may sign) without holding any token: a supplier
		// needs nothing but the portal (its ledger calls are feeless).
		frame_system::Pallet::<T>::inc_providers(&who);
		Enterprises::<T>::insert(
			&who,
			Enterprise { name, credit_code, roles, status: Status::Active },
		);
		Self::deposit_event(Event::Registered { who, credit_code, roles });
		Ok(())
	}

	/// Replace the roles of a registered enterprise.
	pub(crate) fn do_set_roles(who: T::AccountId, roles: Roles) -> DispatchResult {
		ensure!(!roles.is_empty(), Error::<T>::NoRoles);
		Enterprises::<T>::try_mutate(&who, |e| -> DispatchResult {
			let e = e.as_mut().ok_or(Error::<T>::NotRegistered)?;
			e.roles = roles;
			Ok(())
		})?;
		Self::deposit_event(Event::RolesSet { who, roles });
		Ok(())
	}

	/// Move an enterprise to `status`, which it must not already have.
	pub(crate) fn do_set_status(who: T::AccountId, status: Status) -> DispatchResult {
		Enterprises::<T>::try_mutate(&who, |e| -> DispatchResult {
			let e = e.as_mut().ok_or(Error::<T>::NotRegistered)?;
			match (e.status, status) {
				(Status::Suspended, Status::Suspended) => {
					return Err(Error::<T>::AlreadySuspended.into())
				}
				(Status::Active, Status::Active) => return Err(Error::<T>::NotSuspended.into()),
				_ => e.status = status,
			}
			Ok(())
		})?;
		match status {
			Status::Suspended => Self::deposit_event(Event::Suspended { who }),
			Status::Active => Self::deposit_event(Event::Reinstated { who }),
		}
		Ok(())
	}

	/// Whether `who` is registered, Active and holds `role`.
	pub fn is_active_with(who: &T::AccountId, role: Role) -> bool {
		Enterprises::<T>::get(who)
			.map(|e| e.status == Status::Active && e.roles.has(role))
			.unwrap_or(false)
	}
}

impl<T: Config> EnterpriseRegistry<T::AccountId> for Pallet<T> {
	fn is_registered(who: &T::AccountId) -> bool {
		Enterprises::<T>::contains_key(who)
	}

	fn is_active_with(who: &T::AccountId, role: Role) -> bool {
		Pallet::<T>::is_active_with(who, role)
	}

	fn is_active(who: &T::AccountId) -> bool {
		Enterprises::<T>::get(who).map(|e| e.status == Status::Active).unwrap_or(false)
	}
}
