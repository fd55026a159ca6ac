//! Spending from organisation accounts: proposals approved by a threshold
//! of the organisation's signatories.

use super::*;
use frame_support::traits::tokens::Preservation;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Sets `organisation`'s spend threshold within the runtime's limits.
	pub(crate) fn do_set_spend_threshold(
		organisation: OrganisationId,
		threshold: u32,
	) -> DispatchResult {
		Organisations::<T>::try_mutate(organisation, |record| {
			let record = record.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(threshold >= T::MinSpendApprovals::get(), Error::<T>::ThresholdBelowMinimum);
			ensure!(threshold <= record.signatories, Error::<T>::ThresholdAboveSignatories);
			record.spend_threshold = threshold;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::SpendThresholdSet { organisation, threshold });
		Ok(())
	}

	/// Records `who`'s proposal to pay `amount` to `to` and its approval;
	/// pays at once when that meets the threshold.
	pub(crate) fn do_propose_spend(
		who: T::AccountId,
		organisation: OrganisationId,
		to: T::AccountId,
		amount: BalanceOf<T>,
		reference: [u8; 32],
	) -> DispatchResult {
		let record = Self::ensure_acting_signatory(&who, organisation)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroSpend);
		let id = NextSpendId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = T::SpendDeposit::get();
		T::Currency::hold(&HoldReason::SpendDeposit.into(), &who, deposit)?;
		let mut approvals = BoundedVec::new();
		// MaxMembers is at least one (integrity test).
		approvals.try_push(who.clone()).map_err(|_| Error::<T>::TooManyMembers)?;
		let spend = Spend {
			proposer: who.clone(),
			to: to.clone(),
			amount,
			reference,
			deposit,
			proposed_at: frame_system::Pallet::<T>::block_number(),
			approvals,
		};
		NextSpendId::<T>::put(next);
		Self::deposit_event(Event::SpendProposed {
			organisation,
			spend: id,
			proposer: who,
			to,
			amount,
			reference,
		});
		if record.spend_threshold <= 1 {
			Self::execute_spend(organisation, id, spend)
		} else {
			Spends::<T>::insert(organisation, id, spend);
			Ok(())
		}
	}

	/// Adds `who`'s approval to a spend and pays it if the approvals of
	/// current signatories reach the threshold.
	pub(crate) fn do_approve_spend(
		who: T::AccountId,
		organisation: OrganisationId,
		id: SpendId,
	) -> DispatchResult {
		let record = Self::ensure_acting_signatory(&who, organisation)?;
		let mut spend = Spends::<T>::get(organisation, id).ok_or(Error::<T>::UnknownSpend)?;
		// Approvals of former signatories no longer count: dropping them
		// also keeps the list within MaxMembers however members change.
		spend.approvals.retain(|approver| Self::has_role(approver, organisation, Role::Signatory));
		let repeated = spend.approvals.contains(&who);
		if !repeated {
			spend.approvals.try_push(who.clone()).map_err(|_| Error::<T>::TooManyMembers)?;
		}
		let approvals = spend.approvals.len() as u32;
		if approvals >= record.spend_threshold {
			return Self::execute_spend(organisation, id, spend);
		}
		ensure!(!repeated, Error::<T>::AlreadyApproved);
		Spends::<T>::insert(organisation, id, spend);
		Self::deposit_event(Event::SpendApproved {
			organisation,
			spend: id,
			who,
			approvals,
			threshold: record.spend_threshold,
		});
		Ok(())
	}

	/// Drops a spend unpaid; `by` is the signed caller, `None` for governance.
	pub(crate) fn do_cancel_spend(
		by: Option<T::AccountId>,
		organisation: OrganisationId,
		id: SpendId,
	) -> DispatchResult {
		let spend = Spends::<T>::get(organisation, id).ok_or(Error::<T>::UnknownSpend)?;
		if let Some(who) = by {
			// A suspended organisation's admins cannot act, but a proposer
			// may always take back its own deposit.
			let admin = Self::has_role(&who, organisation, Role::Admin)
				&& Organisations::<T>::get(organisation)
					.is_some_and(|record| matches!(record.status, Status::Active { .. }));
			ensure!(who == spend.proposer || admin, Error::<T>::NotProposerOrAdmin);
		}
		Self::release_spend_deposit(&spend)?;
		Spends::<T>::remove(organisation, id);
		Self::deposit_event(Event::SpendCancelled { organisation, spend: id });
		Ok(())
	}

	/// Pays an approved spend from the organisation account, keeping the
	/// account alive (pledges may be held on it), and forgets the proposal.
	fn execute_spend(
		organisation: OrganisationId,
		id: SpendId,
		spend: SpendOf<T>,
	) -> DispatchResult {
		T::Currency::transfer(
			&Self::organisation_account(organisation),
			&spend.to,
			spend.amount,
			Preservation::Preserve,
		)?;
		Self::release_spend_deposit(&spend)?;
		Spends::<T>::remove(organisation, id);
		Self::deposit_event(Event::Spent {
			organisation,
			spend: id,
			to: spend.to,
			amount: spend.amount,
			approvals: spend.approvals.into_inner(),
		});
		Ok(())
	}

	/// Returns a spend's deposit to its proposer.
	fn release_spend_deposit(spend: &SpendOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::SpendDeposit.into(),
			&spend.proposer,
			spend.deposit,
			Precision::Exact,
		)?;
		Ok(())
	}

	/// The record of `organisation` if it is active and `who` is one of its
	/// signatories.
	fn ensure_acting_signatory(
		who: &T::AccountId,
		organisation: OrganisationId,
	) -> Result<OrganisationOf<T>, DispatchError> {
		let record =
			Organisations::<T>::get(organisation).ok_or(Error::<T>::UnknownOrganisation)?;
		ensure!(Self::has_role(who, organisation, Role::Signatory), Error::<T>::NotSignatory);
		ensure!(matches!(record.status, Status::Active { .. }), Error::<T>::OrganisationSuspended);
		Ok(record)
	}
}
