//! Submitting evidence: who may, what it must hold, the chain-wide invoice
//! registry and the deposit.

use super::*;
use alloc::collections::btree_set::BTreeSet;
use civitas_primitives::{PartyRole, Phase, Role};
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_submit_evidence(
		who: T::AccountId,
		agreement: AgreementId,
		milestone: MilestoneIndex,
		documents: Documents,
		invoices: InvoiceList<BalanceOf<T>>,
	) -> DispatchResult {
		let organisation = Self::payee_finance_officer(&who, agreement)?;
		let (_, version) = Self::binding(agreement)?;
		Self::milestone_of(agreement, version, milestone)?;
		let previous = Milestones::<T>::get(agreement, milestone);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(record) = &previous {
			match record.status {
				// Replacing evidence under review (or contested) drops every
				// verdict given on it: only its own party may, and only once
				// approvers had the review period to judge it.
				MilestoneStatus::UnderReview | MilestoneStatus::Contested { .. } => {
					ensure!(
						record.evidence.organisation == organisation,
						Error::<T>::EvidenceOfAnotherParty
					);
					ensure!(
						now >= record
							.evidence
							.submitted_at
							.saturating_add(T::MinReviewPeriod::get()),
						Error::<T>::ReviewInProgress
					);
				},
				MilestoneStatus::NotMet { .. } | MilestoneStatus::Blocked { .. } => {},
				MilestoneStatus::Approved { .. } | MilestoneStatus::Paid { .. } => {
					return Err(Error::<T>::EvidenceClosed.into())
				},
			}
		}
		Self::validate_documents(&documents)?;
		let invoiced = Self::register_invoices(organisation, agreement, milestone, &invoices)?;

		if let Some(record) = &previous {
			if !record.evidence.deposit.is_zero() {
				Self::release_deposit(
					HoldReason::EvidenceDeposit,
					&record.evidence.submitter,
					record.evidence.deposit,
				)?;
			}
		}
		let deposit = Self::evidence_deposit(&documents, &invoices);
		Self::hold_deposit(HoldReason::EvidenceDeposit, &who, deposit)?;
		let round = match &previous {
			Some(record) => record.round.checked_add(1).ok_or(Error::<T>::IdsExhausted)?,
			None => 1,
		};
		let (document_count, invoice_count) = (documents.len() as u32, invoices.len() as u32);
		let evidence = Evidence {
			submitter: who.clone(),
			organisation,
			documents,
			invoices,
			submitted_at: now,
			submitted_on: T::Time::now(),
			deposit,
		};
		let hash = evidence.hash();
		// The trail names the round this one replaces and the verdicts that
		// lapse with it, so every approver and auditor sees a replacement.
		let replaced = previous
			.as_ref()
			.filter(|record| {
				matches!(
					record.status,
					MilestoneStatus::UnderReview | MilestoneStatus::Contested { .. }
				)
			})
			.map(|record| (record.round, record.approvals.len() as u32));
		Self::record(
			agreement,
			Actor::Account(who.clone()),
			AuditAction::EvidenceSubmitted,
			(milestone, round, hash, replaced, &evidence.documents, &evidence.invoices),
		)?;
		Milestones::<T>::insert(
			agreement,
			milestone,
			MilestoneRecord {
				round,
				evidence,
				approvals: BoundedVec::new(),
				status: MilestoneStatus::UnderReview,
			},
		);
		if let Some((replaced_round, verdicts)) = replaced {
			Self::deposit_event(Event::EvidenceReplaced {
				agreement,
				milestone,
				round: replaced_round,
				verdicts,
			});
		}
		Self::deposit_event(Event::EvidenceSubmitted {
			agreement,
			milestone,
			round,
			evidence: hash,
			submitter: who,
			organisation,
			documents: document_count,
			invoices: invoice_count,
			invoiced,
			deposit,
		});
		Ok(())
	}

	/// The private party `who` is a finance officer of in `agreement`.
	fn payee_finance_officer(
		who: &T::AccountId,
		agreement: AgreementId,
	) -> Result<OrganisationId, DispatchError> {
		let organisation =
			T::Organisations::organisation_of(who).ok_or(Error::<T>::NotPayeeFinanceOfficer)?;
		ensure!(
			T::Organisations::has_role(who, organisation, Role::FinanceOfficer)
				&& Self::is_active_organisation(organisation)
				&& T::Agreements::party_role(agreement, organisation)
					== Some(PartyRole::PrivateParty),
			Error::<T>::NotPayeeFinanceOfficer
		);
		Ok(organisation)
	}

	/// The phase and version in force of a binding agreement that has not
	/// ended: evidence and verdicts are taken while it is active or suspended.
	pub(crate) fn binding(agreement: AgreementId) -> Result<(Phase, u32), DispatchError> {
		match T::Agreements::phase(agreement) {
			Some(phase @ (Phase::Active { version } | Phase::Suspended { version })) => {
				Ok((phase, version))
			},
			Some(Phase::Completed { .. } | Phase::Terminated { .. }) => {
				Err(Error::<T>::AgreementNotActive.into())
			},
			Some(Phase::Draft) | None => Err(Error::<T>::AgreementNotInForce.into()),
		}
	}

	/// The terms of `version` and their milestone `milestone`.
	pub(crate) fn milestone_of(
		agreement: AgreementId,
		version: u32,
		milestone: MilestoneIndex,
	) -> Result<(TermsOf<T>, MilestoneOf<T>), DispatchError> {
		let terms =
			T::Agreements::terms(agreement, version).ok_or(Error::<T>::AgreementNotInForce)?;
		let index = usize::try_from(milestone).map_err(|_| Error::<T>::UnknownMilestone)?;
		let entry = terms.milestones.get(index).cloned().ok_or(Error::<T>::UnknownMilestone)?;
		Ok((terms, entry))
	}

	/// At least one document, each with a URI, none twice.
	fn validate_documents(documents: &Documents) -> DispatchResult {
		ensure!(!documents.is_empty(), Error::<T>::NoDocuments);
		let mut hashes = BTreeSet::new();
		for document in documents {
			ensure!(!document.uri.is_empty(), Error::<T>::EmptyUri);
			ensure!(hashes.insert(document.sha256), Error::<T>::DuplicateDocument);
		}
		Ok(())
	}

	/// Registers each invoice of `issuer` to the milestone, refusing one the
	/// issuer registered to another milestone (of any agreement) or one
	/// listed twice; returns their sum. Resubmitting an invoice for its own
	/// milestone is allowed: it is the same claim, judged again.
	fn register_invoices(
		issuer: OrganisationId,
		agreement: AgreementId,
		milestone: MilestoneIndex,
		invoices: &InvoiceList<BalanceOf<T>>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let owner = InvoiceUse { agreement, milestone };
		let mut seen = BTreeSet::new();
		let mut total = BalanceOf::<T>::zero();
		for invoice in invoices {
			ensure!(!invoice.amount.is_zero(), Error::<T>::ZeroInvoice);
			ensure!(seen.insert(invoice.sha256), Error::<T>::DuplicateInvoice);
			match IssuedInvoices::<T>::get(issuer, invoice.sha256) {
				Some(registered) => ensure!(registered == owner, Error::<T>::DuplicateInvoice),
				None => IssuedInvoices::<T>::insert(issuer, invoice.sha256, owner),
			}
			total = total.checked_add(&invoice.amount).ok_or(Error::<T>::Overflow)?;
		}
		Ok(total)
	}

	/// The deposit for a submission: the base plus the per-byte rate times
	/// the encoded size of its documents and invoices.
	pub fn evidence_deposit(
		documents: &Documents,
		invoices: &InvoiceList<BalanceOf<T>>,
	) -> BalanceOf<T> {
		let bytes = documents.encoded_size().saturating_add(invoices.encoded_size());
		let bytes: BalanceOf<T> = u32::try_from(bytes).unwrap_or(u32::MAX).into();
		T::EvidenceDepositBase::get()
			.saturating_add(T::EvidenceDepositPerByte::get().saturating_mul(bytes))
	}
}
