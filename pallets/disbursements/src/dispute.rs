//! Disputes: a party's signatory freezes the agreement's payouts until
//! governance resolves the dispute.

use super::*;
use civitas_primitives::{PartyRole, Role};
use frame_support::traits::tokens::Fortitude;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_raise_dispute(
		who: T::AccountId,
		agreement: AgreementId,
		reason: H256,
	) -> DispatchResult {
		let organisation =
			T::Organisations::organisation_of(&who).ok_or(Error::<T>::NotPartySignatory)?;
		ensure!(
			T::Organisations::has_role(&who, organisation, Role::Signatory)
				&& Self::is_active_organisation(organisation)
				&& T::Agreements::party_role(agreement, organisation).is_some(),
			Error::<T>::NotPartySignatory
		);
		Self::binding(agreement)?;
		ensure!(!Disputes::<T>::contains_key(agreement), Error::<T>::DisputeOpen);
		let deposit = T::DisputeDeposit::get();
		Self::hold_deposit(HoldReason::DisputeDeposit, &who, deposit)?;
		Self::record(
			agreement,
			Actor::Account(who.clone()),
			AuditAction::DisputeRaised,
			(organisation, reason),
		)?;
		// Others' disputes excuse the payee's lateness while they last; a
		// private party's own never does, or a late one could excuse itself.
		if T::Agreements::party_role(agreement, organisation) != Some(PartyRole::PrivateParty) {
			DisputedTimes::<T>::mutate(agreement, |time| time.open_since = Some(T::Time::now()));
		}
		Disputes::<T>::insert(
			agreement,
			Dispute {
				raised_by: who.clone(),
				organisation,
				reason,
				at: frame_system::Pallet::<T>::block_number(),
				deposit,
			},
		);
		Self::deposit_event(Event::DisputeRaised {
			agreement,
			raised_by: who,
			organisation,
			reason,
		});
		Ok(())
	}

	/// Lifts the freeze on `agreement`. The raiser's deposit comes back,
	/// unless governance finds the dispute `unfounded`: then it is burnt, so
	/// that freezing everyone's payouts without cause, again and again,
	/// costs the raiser the deposit each time.
	pub(crate) fn do_resolve_dispute(
		agreement: AgreementId,
		resolution: H256,
		unfounded: bool,
	) -> DispatchResult {
		let dispute = Disputes::<T>::take(agreement).ok_or(Error::<T>::NoDispute)?;
		// Only an agreement with disputed time has a clock to stop: one read.
		DisputedTimes::<T>::mutate_extant(agreement, |time| time.close(T::Time::now()));
		if unfounded {
			T::Currency::burn_held(
				&HoldReason::DisputeDeposit.into(),
				&dispute.raised_by,
				dispute.deposit,
				Precision::Exact,
				Fortitude::Force,
			)?;
		} else {
			Self::release_deposit(HoldReason::DisputeDeposit, &dispute.raised_by, dispute.deposit)?;
		}
		Self::record(
			agreement,
			Actor::Governance,
			AuditAction::DisputeResolved,
			(resolution, unfounded),
		)?;
		Self::deposit_event(Event::DisputeResolved {
			agreement,
			resolution,
			deposit_forfeited: unfounded,
		});
		Ok(())
	}
}
