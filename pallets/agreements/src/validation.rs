//! The checks a proposal or amendment passes before anything is stored,
//! each failing with its own error.

use alloc::collections::btree_set::BTreeSet;
use civitas_primitives::{
	terms::{Parties, MAX_APPROVERS},
	AgreementId, Approvers, ConditionsError, FundingConditions, OrganisationId, OrganisationKind,
	Organisations, PartyRole, Standing,
};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{Contains, Get},
	weights::Weight,
};
use sp_runtime::traits::{CheckedAdd, Zero};

use crate::{BalanceOf, Config, Error, Pallet, TermsOf};

impl<T: Config> Pallet<T> {
	/// At least one private party, no organisation twice, each registered,
	/// active, and of a kind its part admits. (A public-authority party is
	/// guaranteed by the proposer, who must sign for one.)
	pub(crate) fn validate_parties(parties: &Parties) -> DispatchResult {
		let mut seen = BTreeSet::new();
		for party in parties {
			ensure!(seen.insert(party.organisation), Error::<T>::DuplicateParty);
			let (kind, standing) = T::Organisations::organisation(party.organisation)
				.ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(standing == Standing::Active, Error::<T>::PartySuspended);
			ensure!(party.role.admits(kind), Error::<T>::RoleNotAllowed);
		}
		ensure!(
			parties.iter().any(|party| party.role == PartyRole::PrivateParty),
			Error::<T>::NoPrivateParty
		);
		Ok(())
	}

	/// A title, a value, a period, a schedule inside both, sound approval
	/// rules whose approvers are in the agreement, known verifiers and
	/// distinct documents.
	pub(crate) fn validate_terms(terms: &TermsOf<T>, parties: &Parties) -> DispatchResult {
		ensure!(!terms.title.is_empty(), Error::<T>::EmptyTitle);
		ensure!(!terms.value.is_zero(), Error::<T>::ZeroValue);
		ensure!(terms.period.start <= terms.period.end, Error::<T>::InvalidPeriod);
		ensure!(!terms.milestones.is_empty(), Error::<T>::NoMilestones);

		let mut total = BalanceOf::<T>::zero();
		for milestone in &terms.milestones {
			ensure!(!milestone.amount.is_zero(), Error::<T>::ZeroMilestoneAmount);
			total =
				total.checked_add(&milestone.amount).ok_or(Error::<T>::MilestonesExceedValue)?;
			ensure!(
				terms.period.start <= milestone.due && milestone.due <= terms.period.end,
				Error::<T>::DueDateOutsidePeriod
			);
			ensure!(!milestone.approval.is_empty(), Error::<T>::EmptyApprovalRule);
			let mut approvers = 0u32;
			for (index, requirement) in milestone.approval.iter().enumerate() {
				ensure!(requirement.count > 0, Error::<T>::ZeroApprovalCount);
				ensure!(
					!milestone.approval.iter().take(index).any(|earlier| {
						earlier.role == requirement.role && earlier.from == requirement.from
					}),
					Error::<T>::DuplicateApprovalRole
				);
				Self::validate_approvers(&requirement.from, terms, parties)?;
				approvers = approvers.saturating_add(requirement.count.into());
			}
			ensure!(approvers <= MAX_APPROVERS, Error::<T>::TooManyApprovers);
		}
		ensure!(total <= terms.value, Error::<T>::MilestonesExceedValue);

		let mut verifiers = BTreeSet::new();
		for verifier in &terms.verifiers {
			ensure!(verifiers.insert(*verifier), Error::<T>::DuplicateVerifier);
			let (kind, standing) =
				T::Organisations::organisation(*verifier).ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(
				matches!(kind, OrganisationKind::Verifier | OrganisationKind::Auditor),
				Error::<T>::NotAVerifier
			);
			ensure!(standing == Standing::Active, Error::<T>::PartySuspended);
		}

		let mut hashes = BTreeSet::new();
		for document in &terms.documents {
			ensure!(!document.uri.is_empty(), Error::<T>::EmptyUri);
			ensure!(hashes.insert(document.sha256), Error::<T>::DuplicateDocument);
		}
		Ok(())
	}

	/// Approvers a rule names can judge: an organisation or a part that is
	/// in the agreement, designated verifiers if there are any, and never
	/// the private parties, who would judge their own evidence.
	fn validate_approvers(
		from: &Approvers,
		terms: &TermsOf<T>,
		parties: &Parties,
	) -> DispatchResult {
		let part_of = |organisation: OrganisationId| {
			parties.iter().find(|party| party.organisation == organisation).map(|party| party.role)
		};
		match from {
			Approvers::AnyParty => Ok(()),
			Approvers::Verifiers => {
				ensure!(!terms.verifiers.is_empty(), Error::<T>::ApproversNotInAgreement);
				Ok(())
			},
			Approvers::Parties(PartyRole::PrivateParty) => {
				Err(Error::<T>::PayeeCannotApprove.into())
			},
			Approvers::Parties(role) => {
				ensure!(
					parties.iter().any(|party| party.role == *role),
					Error::<T>::ApproversNotInAgreement
				);
				Ok(())
			},
			Approvers::Organisation(organisation) => match part_of(*organisation) {
				Some(PartyRole::PrivateParty) => Err(Error::<T>::PayeeCannotApprove.into()),
				Some(_) => Ok(()),
				None => {
					ensure!(
						terms.verifiers.contains(organisation),
						Error::<T>::ApproversNotInAgreement
					);
					Ok(())
				},
			},
		}
	}

	/// `weight` plus the most reading a contract's conditions may take: what
	/// `propose` and `propose_amendment` are charged before they run.
	pub fn with_conditions_read(weight: Weight) -> Weight {
		weight
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::FundingConditions::lookup_weight())
			.saturating_add(T::ConditionsWeightLimit::get())
	}

	/// The funding-conditions contract `terms` name runs code governance
	/// approved, exists, runs the code hash they name, and holds the
	/// conditions of `agreement` (it was
	/// instantiated for this agreement, not another). Returns the weight
	/// the contract took, which the caller charges whatever the outcome.
	///
	/// Without this an agreement could become active naming a contract
	/// that every payout then fails on for good (finding 10 of
	/// docs/security.md).
	pub(crate) fn check_conditions_contract(
		agreement: AgreementId,
		terms: &TermsOf<T>,
	) -> (Weight, DispatchResult) {
		let contract = &terms.conditions;
		// Unreviewed code is refused before the contract is called at all.
		if !T::ApprovedCode::contains(&contract.code_hash) {
			return (
				T::DbWeight::get().reads(1),
				Err(Error::<T>::ConditionsCodeNotApproved.into()),
			);
		}
		let outcome = T::FundingConditions::conditions(
			contract.address,
			contract.code_hash,
			T::ConditionsWeightLimit::get(),
		);
		let result = match outcome.result {
			Ok(conditions) if conditions.agreement == agreement => Ok(()),
			Ok(_) => Err(Error::<T>::ConditionsOfAnotherAgreement.into()),
			Err(ConditionsError::NoContract) => Err(Error::<T>::NoConditionsContract.into()),
			Err(ConditionsError::CodeHashMismatch { .. }) => {
				Err(Error::<T>::ConditionsCodeMismatch.into())
			},
			Err(_) => Err(Error::<T>::ConditionsUnreadable.into()),
		};
		(outcome.weight_used, result)
	}
}
