//! Approval of a proposed pool's parameters by every party of its
//! agreement, and rejection by any of them.

use super::*;

impl<T: Config> Pallet<T> {
	/// Records `organisation`'s approval of `record` (the proposed `pool`),
	/// by its signatory `who`; opens the pool to pledges when every party
	/// has approved. The caller stores `record`.
	pub(crate) fn add_approval(
		pool: PoolId,
		record: &mut PoolOf<T>,
		organisation: OrganisationId,
		who: &T::AccountId,
	) -> DispatchResult {
		let agreement = record.agreement;
		let parameters = record.parameters();
		let PoolStatus::Proposed { approved } = &mut record.status else {
			return Err(Error::<T>::PoolNotProposed.into());
		};
		ensure!(!approved.contains(&organisation), Error::<T>::AlreadyApproved);
		// An agreement has at most MAX_PARTIES parties, as this list.
		approved.try_push(organisation).map_err(|_| Error::<T>::AlreadyApproved)?;
		Self::record(agreement, who, AuditAction::PoolApproved, (pool, organisation, parameters))?;
		Self::deposit_event(Event::PoolApproved {
			pool,
			agreement,
			organisation,
			who: who.clone(),
		});
		let everyone =
			T::Agreements::parties(agreement).iter().all(|party| approved.contains(party));
		if everyone {
			let co_funders = BoundedVec::truncate_from(
				record
					.required
					.iter()
					.map(|r| CoFunder { organisation: r.organisation, pledged: Zero::zero() })
					.collect(),
			);
			record.status = PoolStatus::Open { pledged: Zero::zero(), pledgers: 0, co_funders };
			Self::deposit_event(Event::PledgingOpened { pool, agreement });
		}
		Ok(())
	}

	/// `who`'s approval, for its organisation, of the proposed `pool`'s
	/// `parameters`.
	pub(crate) fn do_approve(
		pool: PoolId,
		mut record: PoolOf<T>,
		who: T::AccountId,
		parameters: H256,
	) -> DispatchResult {
		let organisation = Self::party_signatory(&who, record.agreement)?;
		ensure!(matches!(record.status, PoolStatus::Proposed { .. }), Error::<T>::PoolNotProposed);
		ensure!(T::Agreements::is_active(record.agreement), Error::<T>::AgreementNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= record.deadline, Error::<T>::DeadlinePassed);
		ensure!(parameters == record.parameters(), Error::<T>::ParametersMismatch);
		Self::add_approval(pool, &mut record, organisation, &who)?;
		Pools::<T>::insert(pool, record);
		Ok(())
	}

	/// `who`'s rejection, for its organisation, of the proposed `pool`.
	pub(crate) fn do_reject(
		pool: PoolId,
		mut record: PoolOf<T>,
		who: T::AccountId,
	) -> DispatchResult {
		let organisation = Self::party_signatory(&who, record.agreement)?;
		ensure!(matches!(record.status, PoolStatus::Proposed { .. }), Error::<T>::PoolNotProposed);
		let agreement = record.agreement;
		Self::record(agreement, &who, AuditAction::PoolRejected, (pool, organisation))?;
		Self::release_deposit(&record)?;
		Self::retire_pool(agreement);
		record.status = PoolStatus::Rejected {
			at: frame_system::Pallet::<T>::block_number(),
			by: organisation,
		};
		Pools::<T>::insert(pool, record);
		Self::deposit_event(Event::PoolRejected { pool, agreement, organisation, who });
		Ok(())
	}

	/// The party of `agreement` that `who` is a signatory of, if that party
	/// is active.
	fn party_signatory(
		who: &T::AccountId,
		agreement: AgreementId,
	) -> Result<OrganisationId, DispatchError> {
		let organisation =
			T::Organisations::organisation_of(who).ok_or(Error::<T>::NotPartySignatory)?;
		ensure!(
			T::Organisations::has_role(who, organisation, Role::Signatory)
				&& Self::is_active_organisation(organisation)
				&& T::Agreements::party_role(agreement, organisation).is_some(),
			Error::<T>::NotPartySignatory
		);
		Ok(organisation)
	}
}
