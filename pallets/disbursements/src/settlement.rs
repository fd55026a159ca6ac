//! Settling an ended agreement's escrow: final acceptance releases the
//! retention to the payees (less their open recoveries); termination
//! returns it to the co-funders; money still committed is refunded.

use super::*;
use alloc::vec::Vec;
use civitas_primitives::{EscrowPart, Phase};
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Settles `agreement`'s escrow; returns the most co-funder accounts one
	/// movement touched.
	pub(crate) fn do_settle(
		who: T::AccountId,
		agreement: AgreementId,
	) -> Result<u32, DispatchError> {
		let completed = match T::Agreements::phase(agreement) {
			Some(Phase::Completed { .. }) => true,
			Some(Phase::Terminated { .. }) => false,
			Some(_) => return Err(Error::<T>::AgreementNotEnded.into()),
			None => return Err(Error::<T>::AgreementNotInForce.into()),
		};
		ensure!(!Disputes::<T>::contains_key(agreement), Error::<T>::AgreementDisputed);
		let mut ledger = Ledgers::<T>::get(agreement).unwrap_or_else(Ledger::empty);
		ensure!(ledger.settlement.is_none(), Error::<T>::AlreadySettled);

		let mut accounts = 0u32;
		let mut released: Vec<(OrganisationId, T::AccountId, BalanceOf<T>)> = Vec::new();
		let mut offsets: Vec<Offset<BalanceOf<T>>> = Vec::new();
		let mut refund: Vec<EscrowPart<T::AccountId, BalanceOf<T>>> = Vec::new();
		if T::Escrow::position(agreement).is_some() {
			if completed {
				for held in ledger.retained.iter_mut() {
					let (offset, plan) =
						Self::offsets_against(agreement, held.organisation, held.amount);
					if !offset.is_zero() {
						let parts = T::Escrow::offset_retention(agreement, offset)?;
						accounts = accounts.max(parts.len() as u32);
						for entry in &plan {
							Self::apply_offset(agreement, entry.recovery, entry.amount)?;
						}
						ledger.retention_offset = ledger
							.retention_offset
							.checked_add(&offset)
							.ok_or(Error::<T>::Overflow)?;
						offsets.extend(plan);
					}
					let release = held.amount.saturating_sub(offset);
					if !release.is_zero() {
						let parts =
							T::Escrow::release_retention(agreement, &held.account, release)?;
						accounts = accounts.max(parts.len() as u32);
						ledger.retention_released = ledger
							.retention_released
							.checked_add(&release)
							.ok_or(Error::<T>::Overflow)?;
						released.push((held.organisation, held.account.clone(), release));
					}
					held.amount = Zero::zero();
				}
			} else {
				// Terminated: the retention is the public side's security and
				// goes back to the co-funders with the unspent money.
				for held in ledger.retained.iter_mut() {
					held.amount = Zero::zero();
				}
			}
			refund = T::Escrow::refund_unspent(agreement)?;
			accounts = accounts.max(refund.len() as u32);
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

		let retention_released = released
			.iter()
			.fold(BalanceOf::<T>::zero(), |sum, (_, _, amount)| sum.saturating_add(*amount));
		let retention_offset = offsets
			.iter()
			.fold(BalanceOf::<T>::zero(), |sum, offset| sum.saturating_add(offset.amount));
		Self::record(
			agreement,
			Actor::Account(who),
			AuditAction::EscrowSettled,
			(&released, &offsets, &refund),
		)?;
		ledger.settlement =
			Some(Settlement { at: frame_system::Pallet::<T>::block_number(), completed, refunded });
		Ledgers::<T>::insert(agreement, ledger);
		Self::deposit_event(Event::Settled {
			agreement,
			completed,
			retention_released,
			retention_offset,
			refunded,
		});
		Ok(accounts)
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
