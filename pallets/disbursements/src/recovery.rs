//! Recoveries: opened on a payout by an auditor or governance, then offset
//! against the payee's later payouts or retention, or repaid.

use super::*;
use civitas_primitives::{OrganisationKind, Role};
use frame_support::traits::tokens::{Fortitude, Restriction};
use sp_runtime::traits::{CheckedAdd, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_recovery(
		actor: Actor<T::AccountId>,
		disbursement: DisbursementId,
		amount: BalanceOf<T>,
		reason: H256,
	) -> DispatchResult {
		let mut paid =
			Disbursements::<T>::get(disbursement).ok_or(Error::<T>::UnknownDisbursement)?;
		if let Actor::Account(who) = &actor {
			Self::ensure_named_auditor(who, paid.agreement)?;
		}
		ensure!(!amount.is_zero(), Error::<T>::ZeroRecovery);
		let recovered = paid.recovered.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(recovered <= paid.net, Error::<T>::RecoveryExceedsPayout);
		// An agreement has few recovery slots: dust must not fill them. Less
		// than the minimum only to claim the rest of a payout.
		ensure!(
			amount >= T::MinimumRecovery::get() || recovered == paid.net,
			Error::<T>::RecoveryTooSmall
		);
		let agreement = paid.agreement;
		let id = NextRecoveryId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let mut open = OpenRecoveries::<T>::get(agreement);
		open.try_push(id).map_err(|_| Error::<T>::TooManyOpenRecoveries)?;

		let deposit = match &actor {
			Actor::Account(who) => {
				let deposit = T::RecoveryDeposit::get();
				Self::hold_deposit(HoldReason::RecoveryDeposit, who, deposit)?;
				deposit
			},
			Actor::Governance => Zero::zero(),
		};
		Self::record(
			agreement,
			actor.clone(),
			AuditAction::RecoveryOpened,
			(id, disbursement, amount, reason),
		)?;
		paid.recovered = recovered;
		Disbursements::<T>::insert(disbursement, paid.clone());
		Recoveries::<T>::insert(
			id,
			Recovery {
				agreement,
				disbursement,
				payee_organisation: paid.payee_organisation,
				amount,
				reason,
				opened_by: actor,
				opened_at: frame_system::Pallet::<T>::block_number(),
				deposit,
				status: RecoveryStatus::Open { outstanding: amount },
			},
		);
		RecoveriesOf::<T>::insert(agreement, id, ());
		OpenRecoveries::<T>::insert(agreement, open);
		NextRecoveryId::<T>::put(next);
		Self::deposit_event(Event::RecoveryOpened {
			recovery: id,
			agreement,
			disbursement,
			amount,
			reason,
		});
		Ok(())
	}

	/// `who` is a member with the auditor role of an active auditor
	/// organisation that the terms in force of `agreement` name among their
	/// designated organisations: an auditor with no mandate over an
	/// agreement cannot take money from its partner.
	fn ensure_named_auditor(who: &T::AccountId, agreement: AgreementId) -> DispatchResult {
		let organisation = T::Organisations::organisation_of(who).ok_or(Error::<T>::NotAuditor)?;
		ensure!(
			matches!(
				T::Organisations::organisation(organisation),
				Some((OrganisationKind::Auditor, civitas_primitives::Standing::Active))
			) && T::Organisations::has_role(who, organisation, Role::Auditor),
			Error::<T>::NotAuditor
		);
		// The terms last in force, also after completion or termination:
		// an audit may find an irregularity after the final acceptance.
		let version = T::Agreements::phase(agreement)
			.and_then(|phase| phase.version())
			.ok_or(Error::<T>::AgreementNotInForce)?;
		let terms =
			T::Agreements::terms(agreement, version).ok_or(Error::<T>::AgreementNotInForce)?;
		ensure!(terms.verifiers.contains(&organisation), Error::<T>::AuditorNotNamed);
		Ok(())
	}

	/// Repays `amount` of `recovery` from `who`; returns the co-funder
	/// accounts it went to.
	pub(crate) fn do_repay_recovery(
		who: T::AccountId,
		recovery: RecoveryId,
		amount: BalanceOf<T>,
	) -> Result<u32, DispatchError> {
		let record = Recoveries::<T>::get(recovery).ok_or(Error::<T>::UnknownRecovery)?;
		ensure!(
			T::Organisations::organisation_of(&who) == Some(record.payee_organisation)
				&& T::Organisations::has_role(
					&who,
					record.payee_organisation,
					Role::FinanceOfficer
				),
			Error::<T>::NotDebtorFinanceOfficer
		);
		let RecoveryStatus::Open { outstanding } = record.status else {
			return Err(Error::<T>::RecoveryClosed.into());
		};
		ensure!(!amount.is_zero() && amount <= outstanding, Error::<T>::InvalidRepayment);
		let agreement = record.agreement;
		let parts = T::Escrow::repay_recovery(agreement, &who, amount)?;
		let outstanding = Self::reduce_recovery(recovery, record, amount)?;
		let mut ledger = Ledgers::<T>::get(agreement).unwrap_or_else(Ledger::empty);
		ledger.repaid = ledger.repaid.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Ledgers::<T>::insert(agreement, ledger);
		Self::record(
			agreement,
			Actor::Account(who.clone()),
			AuditAction::RecoveryRepaid,
			(recovery, amount, &parts),
		)?;
		Self::deposit_event(Event::RecoveryRepaid {
			recovery,
			agreement,
			payer: who,
			amount,
			outstanding,
		});
		Ok(parts.len() as u32)
	}

	/// Offsets `amount` of the open recovery `recovery` (the money was
	/// returned to the co-funders by the caller).
	pub(crate) fn apply_offset(
		agreement: AgreementId,
		recovery: RecoveryId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let record = Recoveries::<T>::get(recovery).ok_or(Error::<T>::UnknownRecovery)?;
		let outstanding = Self::reduce_recovery(recovery, record, amount)?;
		Self::deposit_event(Event::RecoveryOffset { recovery, agreement, amount, outstanding });
		Ok(())
	}

	/// Takes `amount` off what `record` still owes; once nothing is owed it
	/// is recovered, leaves the open list and its deposit is returned.
	/// Returns what is still owed.
	fn reduce_recovery(
		id: RecoveryId,
		mut record: RecoveryOf<T>,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let RecoveryStatus::Open { outstanding } = record.status else {
			return Err(Error::<T>::RecoveryClosed.into());
		};
		let outstanding = Self::minus(outstanding, amount)?;
		if outstanding.is_zero() {
			record.status =
				RecoveryStatus::Recovered { at: frame_system::Pallet::<T>::block_number() };
			OpenRecoveries::<T>::mutate(record.agreement, |open| open.retain(|other| *other != id));
			if let (Actor::Account(auditor), false) = (&record.opened_by, record.deposit.is_zero())
			{
				Self::release_deposit(HoldReason::RecoveryDeposit, auditor, record.deposit)?;
			}
		} else {
			record.status = RecoveryStatus::Open { outstanding };
		}
		Recoveries::<T>::insert(id, record);
		Ok(outstanding)
	}

	/// Cancels what is still owed on `id`. What was offset or repaid
	/// before stays recovered; the payout may be recovered from again up to
	/// its net. The opener's deposit goes to the payee's organisation
	/// account when governance finds the recovery `unfounded`, and back to
	/// the opener otherwise.
	pub(crate) fn do_cancel_recovery(
		id: RecoveryId,
		reason: H256,
		unfounded: bool,
	) -> DispatchResult {
		let mut record = Recoveries::<T>::get(id).ok_or(Error::<T>::UnknownRecovery)?;
		let RecoveryStatus::Open { outstanding } = record.status else {
			return Err(Error::<T>::RecoveryClosed.into());
		};
		let disbursement = record.disbursement;
		let mut paid =
			Disbursements::<T>::get(disbursement).ok_or(Error::<T>::UnknownDisbursement)?;
		paid.recovered = Self::minus(paid.recovered, outstanding)?;
		let agreement = record.agreement;
		Self::record(
			agreement,
			Actor::Governance,
			AuditAction::RecoveryCancelled,
			(id, outstanding, reason, unfounded),
		)?;
		let forfeited = match (&record.opened_by, record.deposit.is_zero()) {
			(Actor::Account(auditor), false) => {
				if unfounded {
					let payee = T::Organisations::account(record.payee_organisation);
					T::Currency::transfer_on_hold(
						&HoldReason::RecoveryDeposit.into(),
						auditor,
						&payee,
						record.deposit,
						Precision::Exact,
						Restriction::Free,
						Fortitude::Polite,
					)?;
				} else {
					Self::release_deposit(HoldReason::RecoveryDeposit, auditor, record.deposit)?;
				}
				unfounded
			},
			_ => false,
		};
		record.status = RecoveryStatus::Cancelled {
			at: frame_system::Pallet::<T>::block_number(),
			cancelled: outstanding,
			reason,
		};
		Recoveries::<T>::insert(id, record);
		Disbursements::<T>::insert(disbursement, paid);
		OpenRecoveries::<T>::mutate(agreement, |open| open.retain(|other| *other != id));
		Self::deposit_event(Event::RecoveryCancelled {
			recovery: id,
			agreement,
			cancelled: outstanding,
			reason,
			deposit_forfeited: forfeited,
		});
		Ok(())
	}
}
