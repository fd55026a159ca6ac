//! Pledging, withdrawal, commitment and expiry of a pool.

use super::*;
use civitas_primitives::EscrowPart;
use sp_runtime::traits::{CheckedAdd, CheckedSub};

impl<T: Config> Pallet<T> {
	/// Adds `amount` to the pledge of `who`'s organisation to `pool`, held on
	/// its organisation account, then commits the pool if that met every
	/// requirement. Returns the weight actually used.
	pub(crate) fn do_pledge(
		pool: PoolId,
		mut record: PoolOf<T>,
		who: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResultWithPostInfo {
		let PoolStatus::Open { mut pledged, mut pledgers, mut co_funders } = record.status else {
			return Err(Error::<T>::PoolNotOpen.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		// The deadline block itself still takes pledges.
		ensure!(now <= record.deadline, Error::<T>::DeadlinePassed);
		ensure!(T::Agreements::is_active(record.agreement), Error::<T>::AgreementNotActive);
		let organisation = Self::co_funder_finance_officer(&who, record.agreement)?;
		let account = T::Organisations::account(organisation);

		let pledge = match Pledges::<T>::get(pool, &account) {
			Some(existing) => {
				// A top-up is an entry on the agreement's trail like a first
				// pledge: at least the minimum, so that filling a trail with
				// top-ups costs real money, unless it reaches the target.
				let reaches_target =
					pledged.checked_add(&amount).is_some_and(|total| total >= record.target);
				ensure!(
					!amount.is_zero() && (amount >= T::MinimumPledge::get() || reaches_target),
					Error::<T>::PledgeTooSmall
				);
				existing.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?
			},
			None => {
				ensure!(amount >= T::MinimumPledge::get(), Error::<T>::PledgeTooSmall);
				ensure!(amount > Zero::zero(), Error::<T>::PledgeTooSmall);
				ensure!(pledgers < MAX_PLEDGERS, Error::<T>::TooManyPledgers);
				pledgers = pledgers.checked_add(1).ok_or(Error::<T>::Overflow)?;
				amount
			},
		};
		pledged = pledged.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		match co_funders.iter_mut().find(|co_funder| co_funder.organisation == organisation) {
			Some(co_funder) => co_funder.pledged = pledge,
			None => {
				// Parties are at most `MAX_PARTIES`, as is this list.
				co_funders
					.try_push(CoFunder { organisation, pledged: pledge })
					.map_err(|_| Error::<T>::TooManyPledgers)?;
			},
		}

		// Public money: held on the organisation account, never on the
		// finance officer's own, so it stays with the co-funder whoever
		// leaves it.
		T::Currency::hold(&HoldReason::Pledged.into(), &account, amount)?;
		Self::record(
			record.agreement,
			&who,
			AuditAction::Pledged,
			(pool, organisation, amount, pledge),
		)?;
		Pledges::<T>::insert(pool, &account, Pledge { organisation, amount: pledge });
		Self::deposit_event(Event::Pledged {
			pool,
			agreement: record.agreement,
			who: who.clone(),
			organisation,
			amount,
			pledge,
			pool_total: pledged,
		});

		let ready = pledged >= record.target
			&& record.required.iter().all(|requirement| {
				co_funders.iter().any(|co_funder| {
					co_funder.organisation == requirement.organisation
						&& co_funder.pledged >= requirement.minimum.resolve(record.target)
				})
			});
		record.status = PoolStatus::Open { pledged, pledgers, co_funders };
		if ready {
			Self::commit(pool, record, pledged, &who)?;
			// Commitment touched every pledge: charge for as many.
			Ok(Some(T::WeightInfo::pledge_and_commit(pledgers)).into())
		} else {
			Pools::<T>::insert(pool, record);
			Ok(Some(T::WeightInfo::pledge()).into())
		}
	}

	/// Turns every pledge of `pool`, `pledged` in all, into a committed
	/// share of its agreement's escrow, which it opens or (a top-up) adds
	/// to; `who` made the pledge that completed it.
	fn commit(
		pool: PoolId,
		mut record: PoolOf<T>,
		pledged: BalanceOf<T>,
		who: &T::AccountId,
	) -> DispatchResult {
		let mut shares = Vec::new();
		for (account, pledge) in Pledges::<T>::drain_prefix(pool) {
			T::Currency::release(
				&HoldReason::Pledged.into(),
				&account,
				pledge.amount,
				Precision::Exact,
			)?;
			T::Currency::hold(&HoldReason::Committed.into(), &account, pledge.amount)?;
			shares.push(EscrowPart {
				account,
				organisation: pledge.organisation,
				amount: pledge.amount,
			});
		}
		// The escrow's order, so that the trail entry and the event list
		// the shares as anyone recomputing a split sees them.
		shares.sort_by(|a, b| (a.organisation, &a.account).cmp(&(b.organisation, &b.account)));
		let count = shares.len() as u32;
		let now = frame_system::Pallet::<T>::block_number();
		let agreement = record.agreement;
		Self::record(agreement, who, AuditAction::PoolCommitted, (pool, &shares))?;
		let earlier = Escrows::<T>::get(agreement);
		let top_up = earlier.is_some();
		let mut escrow = earlier.unwrap_or_else(|| EscrowAccount {
			pool,
			committed_at: now,
			committed: Zero::zero(),
			paid: Zero::zero(),
			recovered: Zero::zero(),
			refunded: Zero::zero(),
			funders: Default::default(),
		});
		for share in &shares {
			Self::add_share(&mut escrow, share)?;
		}
		escrow.pool = pool;
		escrow.committed = escrow.committed.checked_add(&pledged).ok_or(Error::<T>::Overflow)?;
		let committed = escrow.committed;
		Escrows::<T>::insert(agreement, escrow);
		Self::release_deposit(&record)?;
		record.status = PoolStatus::Committed { at: now, total: pledged, funders: count };
		Pools::<T>::insert(pool, record);
		Self::deposit_event(Event::PoolCommitted { pool, agreement, total: pledged, shares });
		if top_up {
			Self::deposit_event(Event::EscrowToppedUp {
				pool,
				agreement,
				added: pledged,
				committed,
			});
		}
		Ok(())
	}

	/// Adds `share` to its co-funder's stake in `escrow`, or makes it a new
	/// co-funder in the escrow's order (organisation, then account).
	fn add_share(
		escrow: &mut EscrowOf<T>,
		share: &EscrowPart<T::AccountId, BalanceOf<T>>,
	) -> DispatchResult {
		let key = (share.organisation, &share.account);
		match escrow.funders.iter_mut().find(|f| (f.organisation, &f.account) == key) {
			Some(funder) => {
				funder.committed =
					funder.committed.checked_add(&share.amount).ok_or(Error::<T>::Overflow)?;
				funder.remaining =
					funder.remaining.checked_add(&share.amount).ok_or(Error::<T>::Overflow)?;
			},
			None => {
				let position = escrow
					.funders
					.iter()
					.position(|f| (f.organisation, &f.account) > key)
					.unwrap_or(escrow.funders.len());
				// One funder per co-funding party since version 1, fewer
				// than the escrow's bound.
				escrow
					.funders
					.try_insert(
						position,
						Funder {
							account: share.account.clone(),
							organisation: share.organisation,
							committed: share.amount,
							remaining: share.amount,
							retained: Zero::zero(),
						},
					)
					.map_err(|_| Error::<T>::TooManyPledgers)?;
			},
		}
		Ok(())
	}

	/// Releases the whole pledge of `who`'s organisation to the open `pool`.
	pub(crate) fn do_withdraw(
		pool: PoolId,
		mut record: PoolOf<T>,
		who: T::AccountId,
	) -> DispatchResult {
		let PoolStatus::Open { mut pledged, mut pledgers, mut co_funders } = record.status else {
			return Err(Error::<T>::PoolNotOpen.into());
		};
		let organisation = Self::co_funder_finance_officer(&who, record.agreement)?;
		let account = T::Organisations::account(organisation);
		let pledge = Pledges::<T>::get(pool, &account).ok_or(Error::<T>::NoPledge)?;
		pledged = pledged.checked_sub(&pledge.amount).ok_or(Error::<T>::Overflow)?;
		pledgers = pledgers.checked_sub(1).ok_or(Error::<T>::Overflow)?;
		let position = co_funders
			.iter()
			.position(|co_funder| co_funder.organisation == pledge.organisation)
			.ok_or(Error::<T>::Overflow)?;
		let remaining =
			co_funders[position].pledged.checked_sub(&pledge.amount).ok_or(Error::<T>::Overflow)?;
		let required = record.required.iter().any(|r| r.organisation == pledge.organisation);
		if remaining.is_zero() && !required {
			co_funders.remove(position);
		} else {
			co_funders[position].pledged = remaining;
		}

		T::Currency::release(
			&HoldReason::Pledged.into(),
			&account,
			pledge.amount,
			Precision::Exact,
		)?;
		Self::record(
			record.agreement,
			&who,
			AuditAction::PledgeWithdrawn,
			(pool, pledge.organisation, pledge.amount),
		)?;
		Pledges::<T>::remove(pool, &account);
		let agreement = record.agreement;
		record.status = PoolStatus::Open { pledged, pledgers, co_funders };
		Pools::<T>::insert(pool, record);
		Self::deposit_event(Event::PledgeWithdrawn {
			pool,
			agreement,
			who,
			organisation: pledge.organisation,
			amount: pledge.amount,
			pool_total: pledged,
		});
		Ok(())
	}

	/// Expires `pool` if it is proposed or open past its deadline, then
	/// releases a page of its pledges. Returns how many were released.
	pub(crate) fn do_expire(
		pool: PoolId,
		mut record: PoolOf<T>,
		who: T::AccountId,
	) -> Result<u32, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let agreement = record.agreement;
		let (expired_at, mut pledged, mut pledgers) = match record.status {
			PoolStatus::Open { pledged, pledgers, .. } => {
				ensure!(now > record.deadline, Error::<T>::DeadlineNotPassed);
				Self::record(agreement, &who, AuditAction::PoolExpired, (pool, pledged))?;
				// The agreement may get a new pool while this one releases.
				Self::retire_pool(agreement);
				Self::deposit_event(Event::PoolExpired { pool, agreement, pledged, pledgers });
				(now, pledged, pledgers)
			},
			PoolStatus::Releasing { expired_at, pledged, pledgers } => {
				(expired_at, pledged, pledgers)
			},
			PoolStatus::Proposed { .. } => {
				// Never approved by every party: no pledge to release.
				ensure!(now > record.deadline, Error::<T>::DeadlineNotPassed);
				Self::record(
					agreement,
					&who,
					AuditAction::PoolExpired,
					(pool, BalanceOf::<T>::zero()),
				)?;
				Self::retire_pool(agreement);
				Self::release_deposit(&record)?;
				record.status = PoolStatus::Failed { expired_at: now, released_at: now };
				Pools::<T>::insert(pool, record);
				Self::deposit_event(Event::PoolExpired {
					pool,
					agreement,
					pledged: Zero::zero(),
					pledgers: 0,
				});
				Self::deposit_event(Event::PoolFailed { pool, agreement });
				return Ok(0);
			},
			PoolStatus::Committed { .. }
			| PoolStatus::Failed { .. }
			| PoolStatus::Rejected { .. } => return Err(Error::<T>::PoolNotExpirable.into()),
		};

		let mut released = Vec::new();
		for (account, pledge) in
			Pledges::<T>::drain_prefix(pool).take(T::ExpiryPageSize::get() as usize)
		{
			T::Currency::release(
				&HoldReason::Pledged.into(),
				&account,
				pledge.amount,
				Precision::Exact,
			)?;
			pledged = pledged.checked_sub(&pledge.amount).ok_or(Error::<T>::Overflow)?;
			pledgers = pledgers.checked_sub(1).ok_or(Error::<T>::Overflow)?;
			released.push(EscrowPart {
				account,
				organisation: pledge.organisation,
				amount: pledge.amount,
			});
		}
		let count = released.len() as u32;
		Self::record(agreement, &who, AuditAction::PledgesReleased, (pool, &released))?;
		Self::deposit_event(Event::PledgesReleased {
			pool,
			agreement,
			released,
			remaining: pledgers,
		});
		if pledgers == 0 {
			Self::release_deposit(&record)?;
			record.status = PoolStatus::Failed { expired_at, released_at: now };
			Self::deposit_event(Event::PoolFailed { pool, agreement });
		} else {
			record.status = PoolStatus::Releasing { expired_at, pledged, pledgers };
		}
		Pools::<T>::insert(pool, record);
		Ok(count)
	}

	/// The co-funding party of `agreement` that `who` is a finance officer of.
	fn co_funder_finance_officer(
		who: &T::AccountId,
		agreement: AgreementId,
	) -> Result<OrganisationId, DispatchError> {
		let organisation =
			T::Organisations::organisation_of(who).ok_or(Error::<T>::NotCoFunderFinanceOfficer)?;
		ensure!(
			T::Organisations::has_role(who, organisation, Role::FinanceOfficer)
				&& Self::is_active_organisation(organisation)
				&& Self::is_co_funding_party(agreement, organisation),
			Error::<T>::NotCoFunderFinanceOfficer
		);
		Ok(organisation)
	}
}
