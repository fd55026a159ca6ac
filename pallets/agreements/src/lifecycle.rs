//! Signatures that put versions in force, and the lifecycle changes that
//! governance decides alone or every party together.

use civitas_primitives::{Actor, AgreementId, AuditAction, AuditLog, OrganisationId};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

use crate::{
	AgreementOf, AgreementStatus, Agreements, Config, Consents, Decider, Error, Event,
	LifecycleAction, Pallet, SignatureRecord, VersionState, Versions,
};

impl<T: Config> Pallet<T> {
	/// Records `organisation`'s signature of the pending version; the last
	/// one puts it in force.
	pub(crate) fn do_sign(
		agreement: AgreementId,
		mut record: AgreementOf<T>,
		organisation: OrganisationId,
		signer: T::AccountId,
		terms_hash: H256,
	) -> DispatchResult {
		// Only a draft or an active agreement's amendment can be signed; a
		// suspended agreement's amendment waits for its resumption.
		let number = match record.status {
			AgreementStatus::Draft => 0,
			AgreementStatus::Active { amendment: Some(number), .. } => number,
			_ => return Err(Error::<T>::NothingToSign.into()),
		};
		let mut version = Versions::<T>::get(agreement, number).ok_or(Error::<T>::NothingToSign)?;
		ensure!(version.terms_hash == terms_hash, Error::<T>::TermsHashMismatch);
		// A draft waits for its signatures as long as its proposer keeps the
		// deposit on it; an amendment expires, so that it cannot be held
		// over the other parties.
		ensure!(number == 0 || !Self::has_expired(&version), Error::<T>::AmendmentExpired);
		ensure!(
			!version.signatures.iter().any(|signature| signature.organisation == organisation),
			Error::<T>::AlreadySigned
		);
		let now = frame_system::Pallet::<T>::block_number();
		version
			.signatures
			.try_push(SignatureRecord { organisation, signer: signer.clone(), at: now })
			.map_err(|_| Error::<T>::AlreadySigned)?;
		let remaining =
			(record.parties.len() as u32).saturating_sub(version.signatures.len() as u32);
		let action =
			if number == 0 { AuditAction::AgreementSigned } else { AuditAction::AmendmentSigned };
		T::AuditLog::record(agreement, Actor::Account(signer.clone()), action, terms_hash)?;
		Self::deposit_event(Event::Signed {
			agreement,
			version: number,
			organisation,
			signer: signer.clone(),
			terms_hash,
			remaining,
		});
		if remaining > 0 {
			Versions::<T>::insert(agreement, number, version);
			return Ok(());
		}

		// Every party signed: the version takes effect.
		Self::release_deposit(&version)?;
		version.state = VersionState::InForce { since: now };
		match record.status {
			AgreementStatus::Draft => {
				Self::set_status(
					agreement,
					&mut record,
					AgreementStatus::Active { since: now, version: 0, amendment: None },
				);
				T::AuditLog::record(
					agreement,
					Actor::Account(signer),
					AuditAction::AgreementActivated,
					terms_hash,
				)?;
				Self::deposit_event(Event::Activated { agreement, terms_hash });
			},
			AgreementStatus::Active { since, version: previous, .. } => {
				let mut old =
					Versions::<T>::get(agreement, previous).ok_or(Error::<T>::UnknownAgreement)?;
				// Payments may have been made since the amendment was proposed.
				Self::ensure_paid_milestones_kept(agreement, &old.terms, &version.terms)?;
				let VersionState::InForce { since: in_force_since } = old.state else {
					return Err(Error::<T>::UnknownAgreement.into());
				};
				old.state = VersionState::Superseded { since: in_force_since, until: now };
				Versions::<T>::insert(agreement, previous, old);
				record.status = AgreementStatus::Active { since, version: number, amendment: None };
				T::AuditLog::record(
					agreement,
					Actor::Account(signer),
					AuditAction::AmendmentActivated,
					terms_hash,
				)?;
				Self::deposit_event(Event::Amended {
					agreement,
					version: number,
					previous,
					terms_hash,
				});
			},
			_ => return Err(Error::<T>::NothingToSign.into()),
		}
		Versions::<T>::insert(agreement, number, version);
		Agreements::<T>::insert(agreement, record);
		Ok(())
	}

	/// Governance applies `action` at once; a party's signatory records its
	/// consent, and the last consent applies it.
	pub(crate) fn decide(
		origin: OriginFor<T>,
		agreement: AgreementId,
		action: LifecycleAction,
	) -> DispatchResult {
		let by_governance = T::GovernanceOrigin::try_origin(origin);
		let record = Agreements::<T>::get(agreement).ok_or(Error::<T>::UnknownAgreement)?;
		let origin = match by_governance {
			Ok(_) => {
				Self::ensure_allowed(&record.status, action)?;
				return Self::apply(
					agreement,
					record,
					action,
					Decider::Governance,
					Actor::Governance,
				);
			},
			Err(origin) => origin,
		};
		let signer = ensure_signed(origin)?;
		let organisation = Self::party_signatory(&signer, &record)?;
		Self::ensure_allowed(&record.status, action)?;

		let mut consents = Consents::<T>::get(agreement, action);
		ensure!(!consents.contains(&organisation), Error::<T>::AlreadyConsented);
		consents.try_push(organisation).map_err(|_| Error::<T>::AlreadyConsented)?;
		let remaining = (record.parties.len() as u32).saturating_sub(consents.len() as u32);
		T::AuditLog::record(
			agreement,
			Actor::Account(signer.clone()),
			AuditAction::ConsentGiven,
			BlakeTwo256::hash_of(&action),
		)?;
		Self::deposit_event(Event::ConsentGiven {
			agreement,
			action,
			organisation,
			signer: signer.clone(),
			remaining,
		});
		if remaining > 0 {
			Consents::<T>::insert(agreement, action, consents);
			return Ok(());
		}
		Self::apply(agreement, record, action, Decider::Parties, Actor::Account(signer))
	}

	/// Whether `action` may be applied to an agreement in `status`.
	pub(crate) fn ensure_allowed(
		status: &AgreementStatus<BlockNumberFor<T>>,
		action: LifecycleAction,
	) -> DispatchResult {
		let allowed = match (status, action) {
			(AgreementStatus::Completed { .. } | AgreementStatus::Terminated { .. }, _) => {
				return Err(Error::<T>::AgreementClosed.into())
			},
			(AgreementStatus::Active { .. }, LifecycleAction::Suspend)
			| (AgreementStatus::Active { .. }, LifecycleAction::Complete)
			| (AgreementStatus::Active { .. }, LifecycleAction::Terminate)
			| (AgreementStatus::Suspended { .. }, LifecycleAction::Terminate)
			| (AgreementStatus::Suspended { .. }, LifecycleAction::Resume) => Ok(()),
			(AgreementStatus::Active { .. }, LifecycleAction::Resume) => {
				Err(Error::<T>::NotSuspended)
			},
			(AgreementStatus::Draft, _) | (AgreementStatus::Suspended { .. }, _) => {
				Err(Error::<T>::NotActive)
			},
		};
		allowed.map_err(Into::into)
	}

	/// Changes the status for `action`, clears every consent, lets a pending
	/// amendment lapse if the agreement ends, and records who decided.
	fn apply(
		agreement: AgreementId,
		mut record: AgreementOf<T>,
		action: LifecycleAction,
		by: Decider,
		actor: Actor<T::AccountId>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let (version, amendment) = match record.status {
			AgreementStatus::Active { version, amendment, .. }
			| AgreementStatus::Suspended { version, amendment, .. } => (version, amendment),
			_ => return Err(Error::<T>::NotActive.into()),
		};
		let (status, audit, event) = match action {
			LifecycleAction::Suspend => (
				AgreementStatus::Suspended { since: now, version, amendment, by },
				AuditAction::AgreementSuspended,
				Event::Suspended { agreement, by },
			),
			LifecycleAction::Resume => (
				AgreementStatus::Active { since: now, version, amendment },
				AuditAction::AgreementResumed,
				Event::Resumed { agreement, by },
			),
			LifecycleAction::Terminate => (
				AgreementStatus::Terminated { at: now, version, by },
				AuditAction::AgreementTerminated,
				Event::Terminated { agreement, by },
			),
			LifecycleAction::Complete => (
				AgreementStatus::Completed { at: now, version, by },
				AuditAction::AgreementCompleted,
				Event::Completed { agreement, by },
			),
		};
		if status.pending_version().is_none() {
			if let Some(number) = amendment {
				if let Some(pending) = Versions::<T>::get(agreement, number) {
					Self::drop_amendment(agreement, number, pending, actor.clone())?;
				}
			}
		}
		T::AuditLog::record(agreement, actor, audit, BlakeTwo256::hash_of(&by))?;
		let _ = Consents::<T>::clear_prefix(agreement, 4, None);
		Self::set_status(agreement, &mut record, status);
		Agreements::<T>::insert(agreement, record);
		Self::deposit_event(event);
		Ok(())
	}
}
