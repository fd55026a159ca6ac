//! Settling an ended agreement's escrow: final acceptance releases the
//! retention to the payees (less their open recoveries), one private party
//! per call; termination returns it to the co-funders; money still
//! committed is refunded by the last call.

use super::*;
use alloc::vec::Vec;
use civitas_primitives::{EscrowPart, Phase};
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

/// What one call of `settle` did, for the weight it is charged.
pub(crate) enum SettleStep {
	/// Released one private party's retention, over this many accounts.
	Retention(u32),
	/// Refunded the escrow and closed the settlement, over this many accounts.
	Escrow(u32),
}

impl<T: Config> Pallet<T> {
	/// Settles `agreement`'s escrow one step at a time: on completion, each
	/// call releases one private party's retention (less its open
	/// recoveries) until none is left; the last call refunds what is still
	/// committed and closes the settlement. One party per call keeps the
	/// call's weight bounded whatever the number of private parties.
	pub(crate) fn do_settle(
		who: T::AccountId,
		agreement: AgreementId,
	) -> Result<SettleStep, DispatchError> {
		let completed = match T::Agreements::phase(agreement) {
			Some(Phase::Completed { .. }) => true,
			Some(Phase::Terminated { .. }) => false,
			Some(_) => return Err(Error::<T>::AgreementNotEnded.into()),
			None => return Err(Error::<T>::AgreementNotInForce.into()),
		};
		ensure!(!Disputes::<T>::contains_key(agreement), Error::<T>::AgreementDisputed);
		let mut ledger = Ledgers::<T>::get(agreement).unwrap_or_else(Ledger::empty);
		ensure!(ledger.settlement.is_none(), Error::<T>::AlreadySettled);
		let escrow = T::Escrow::position(agreement).is_some();

		if completed && escrow {
			if let Some(held) = ledger.retained.iter_mut().find(|held| !held.amount.is_zero()) {
				let (organisation, account, amount) =
					(held.organisation, held.account.clone(), held.amount);
				held.amount = Zero::zero();
				let (offset, plan) = Self::offsets_against(agreement, organisation, amount);
				let mut accounts = 0u32;
				if !offset.is_zero() {
					let parts = T::Escrow::offset_retention(agreement, offset)?;
					accounts = accounts.max(parts.len() as u32);
					for entry in &plan {
						Self::apply_offset(agreement, entry.recovery, entry.amount)?;
					}
					ledger.retention_offset =
						ledger.retention_offset.checked_add(&offset).ok_or(Error::<T>::Overflow)?;
				}
				let released = amount.saturating_sub(offset);
				if !released.is_zero() {
					let parts = T::Escrow::release_retention(agreement, &account, released)?;
					accounts = accounts.max(parts.len() as u32);
					ledger.retention_released = ledger
						.retention_released
						.checked_add(&released)
						.ok_or(Error::<T>::Overflow)?;
				}
				Self::record(
					agreement,
					Actor::Account(who),
					AuditAction::RetentionReleased,
					(organisation, &account, released, &plan),
				)?;
				Ledgers::<T>::insert(agreement, ledger);
				Self::deposit_event(Event::RetentionSettled {
					agreement,
					organisation,
					payee: account,
					released,
					offset,
				});
				return Ok(SettleStep::Retention(accounts));
			}
		}

		let mut refund: Vec<EscrowPart<T::AccountId, BalanceOf<T>>> = Vec::new();
		if escrow {
			// Terminated: the retention is the public side's security and
			// goes back to the co-funders with the unspent money.
			for held in ledger.retained.iter_mut() {
				held.amount = Zero::zero();
			}
			refund = T::Escrow::refund_unspent(agreement)?;
		}
		let refunded = refund
			.iter()
			.try_fold(BalanceOf::<T>::zero(), |sum, part| sum.checked_add(&part.amount))
			.ok_or(Error::<T>::Overflow)?;

		// Evidence of milestones that will never be paid is final now.
		for (milestone, mut record) in Milestones::<T>::iter_prefix(agreement) {
			if !record.evidence.deposit.is_zero() {
				Self::release_deposit(
					HoldReason::EvidenceDeposit,
					&record.evidence.submitter,
					record.evidence.deposit,
				)?;
				record.evidence.deposit = Zero::zero();
				Milestones::<T>::insert(agreement, milestone, record);
			}
		}

		Self::record(agreement, Actor::Account(who), AuditAction::EscrowSettled, &refund)?;
		ledger.settlement =
			Some(Settlement { at: frame_system::Pallet::<T>::block_number(), completed, refunded });
		let (retention_released, retention_offset) =
			(ledger.retention_released, ledger.retention_offset);
		Ledgers::<T>::insert(agreement, ledger);
		Self::deposit_event(Event::Settled {
			agreement,
			completed,
			retention_released,
			retention_offset,
			refunded,
		});
		Ok(SettleStep::Escrow(refund.len() as u32))
	}

	/// The open recoveries of `organisation` in `agreement` that `available`
	/// covers, oldest first, and their sum.
	pub(crate) fn offsets_against(
		agreement: AgreementId,
		organisation: OrganisationId,
		available: BalanceOf<T>,
	) -> (BalanceOf<T>, Vec<Offset<BalanceOf<T>>>) {
		let mut left = available;
		let mut plan = Vec::new();
		for id in OpenRecoveries::<T>::get(agreement) {
			if left.is_zero() {
				break;
			}
			let Some(recovery) = Recoveries::<T>::get(id) else { continue };
			let RecoveryStatus::Open { outstanding } = recovery.status else { continue };
			if recovery.payee_organisation != organisation {
				continue;
			}
			let amount = outstanding.min(left);
			left = left.saturating_sub(amount);
			plan.push(Offset { recovery: id, amount });
		}
		(available.saturating_sub(left), plan)
	}
}
