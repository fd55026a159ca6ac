//! What other pallets may ask about agreements
//! ([`civitas_primitives::Agreements`], [`civitas_primitives::AgreementTerms`]).

use super::*;
use civitas_primitives::Phase;

impl<T: Config> civitas_primitives::Agreements for Pallet<T> {
	fn is_active(agreement: AgreementId) -> bool {
		matches!(
			Agreements::<T>::get(agreement).map(|record| record.status),
			Some(AgreementStatus::Active { .. })
		)
	}

	fn party_role(agreement: AgreementId, organisation: OrganisationId) -> Option<PartyRole> {
		Agreements::<T>::get(agreement)?
			.parties
			.iter()
			.find(|party| party.organisation == organisation)
			.map(|party| party.role)
	}

	fn parties(agreement: AgreementId) -> alloc::vec::Vec<OrganisationId> {
		Agreements::<T>::get(agreement)
			.map(|record| record.parties.iter().map(|party| party.organisation).collect())
			.unwrap_or_default()
	}

	fn phase(agreement: AgreementId) -> Option<Phase> {
		Some(match Agreements::<T>::get(agreement)?.status {
			AgreementStatus::Draft => Phase::Draft,
			AgreementStatus::Active { version, .. } => Phase::Active { version },
			AgreementStatus::Suspended { version, .. } => Phase::Suspended { version },
			AgreementStatus::Completed { version, .. } => Phase::Completed { version },
			AgreementStatus::Terminated { version, .. } => Phase::Terminated { version },
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn activate_for_benchmark(parties: &[civitas_primitives::Party]) -> AgreementId {
		let terms = Terms {
			title: Default::default(),
			// Whatever a caller's pools raise stays within it.
			value: sp_runtime::traits::Bounded::max_value(),
			period: civitas_primitives::Period { start: 0, end: 1 },
			milestones: Default::default(),
			retention: Default::default(),
			late_penalty_per_day: Default::default(),
			conditions: civitas_primitives::ConditionsContract {
				address: Default::default(),
				code_hash: Default::default(),
			},
			verifiers: Default::default(),
			documents: Default::default(),
		};
		<Self as civitas_primitives::AgreementTerms<BalanceOf<T>>>::activate_with_terms_for_benchmark(
			parties, terms,
		)
	}
}

impl<T: Config> civitas_primitives::AgreementTerms<BalanceOf<T>> for Pallet<T> {
	fn terms(agreement: AgreementId, version: u32) -> Option<TermsOf<T>> {
		// Only versions that are or were binding: a proposal's terms pay nothing.
		Versions::<T>::get(agreement, version)
			.filter(|record| !matches!(record.state, VersionState::Proposed { .. }))
			.map(|record| record.terms)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn activate_with_terms_for_benchmark(
		parties: &[civitas_primitives::Party],
		terms: TermsOf<T>,
	) -> AgreementId {
		// Written directly rather than proposed and signed: callers benchmark
		// other pallets and need only a consistent active agreement.
		let agreement = NextAgreementId::<T>::get();
		NextAgreementId::<T>::put(agreement.saturating_add(1));
		let now = frame_system::Pallet::<T>::block_number();
		let proposer = parties
			.iter()
			.find(|party| party.role == PartyRole::PublicAuthority)
			.map(|party| party.organisation)
			.unwrap_or_default();
		let account: T::AccountId = frame_benchmarking::account("proposer", agreement, 0);
		Versions::<T>::insert(agreement, 0, Self::version_for_benchmark(parties, terms, &account));
		Agreements::<T>::insert(
			agreement,
			Agreement {
				proposer: account,
				proposer_organisation: proposer,
				parties: BoundedVec::truncate_from(parties.to_vec()),
				proposed_at: now,
				status: AgreementStatus::Active { since: now, version: 0, amendment: None },
			},
		);
		Self::index_parties(agreement, &BoundedVec::truncate_from(parties.to_vec()));
		AgreementsIn::<T>::insert(Stage::Active, agreement, ());
		agreement
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn amend_for_benchmark(agreement: AgreementId, terms: TermsOf<T>) {
		let Some(mut record) = Agreements::<T>::get(agreement) else { return };
		let AgreementStatus::Active { since, version, .. } = record.status else { return };
		let now = frame_system::Pallet::<T>::block_number();
		let next = version.saturating_add(1);
		Versions::<T>::mutate(agreement, version, |old| {
			if let Some(old) = old {
				old.state = VersionState::Superseded { since: old.proposed_at, until: now };
			}
		});
		let parties = record.parties.to_vec();
		Versions::<T>::insert(
			agreement,
			next,
			Self::version_for_benchmark(&parties, terms, &record.proposer),
		);
		record.status = AgreementStatus::Active { since, version: next, amendment: None };
		Agreements::<T>::insert(agreement, record);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn complete_for_benchmark(agreement: AgreementId) {
		let Some(mut record) = Agreements::<T>::get(agreement) else { return };
		let AgreementStatus::Active { version, .. } = record.status else { return };
		let at = frame_system::Pallet::<T>::block_number();
		Self::set_status(
			agreement,
			&mut record,
			AgreementStatus::Completed { at, version, by: Decider::Governance },
		);
		Agreements::<T>::insert(agreement, record);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// A version in force since now, signed for every party by `account`.
	fn version_for_benchmark(
		parties: &[civitas_primitives::Party],
		terms: TermsOf<T>,
		account: &T::AccountId,
	) -> VersionOf<T> {
		let now = frame_system::Pallet::<T>::block_number();
		let signatures = parties
			.iter()
			.map(|party| SignatureRecord {
				organisation: party.organisation,
				signer: account.clone(),
				at: now,
			})
			.collect::<alloc::vec::Vec<_>>();
		Version {
			terms_hash: terms.hash(),
			terms,
			rationale: None,
			proposer: account.clone(),
			proposed_at: now,
			signatures: BoundedVec::truncate_from(signatures),
			state: VersionState::InForce { since: now },
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Indexes `agreement` under each of its parties ([`AgreementsOf`]).
	pub(crate) fn index_parties(agreement: AgreementId, parties: &Parties) {
		for party in parties {
			AgreementsOf::<T>::insert(party.organisation, agreement, party.role);
		}
	}

	/// Sets `record`'s status, moving `agreement` between stages in
	/// [`AgreementsIn`] when it changes stage; the caller stores `record`.
	pub(crate) fn set_status(
		agreement: AgreementId,
		record: &mut AgreementOf<T>,
		status: AgreementStatus<BlockNumberFor<T>>,
	) {
		let (from, to) = (record.status.stage(), status.stage());
		if from != to {
			AgreementsIn::<T>::remove(from, agreement);
			AgreementsIn::<T>::insert(to, agreement, ());
		}
		record.status = status;
	}

	/// The agreements in `stage`: at most `limit` of them, in the index's
	/// (hashed) order, starting after `after` if given.
	pub fn agreements_in(
		stage: Stage,
		after: Option<AgreementId>,
		limit: u32,
	) -> alloc::vec::Vec<AgreementId> {
		let limit = usize::try_from(limit).unwrap_or(usize::MAX);
		match after {
			Some(after) => AgreementsIn::<T>::iter_key_prefix_from(
				stage,
				AgreementsIn::<T>::hashed_key_for(stage, after),
			)
			.take(limit)
			.collect(),
			None => AgreementsIn::<T>::iter_key_prefix(stage).take(limit).collect(),
		}
	}

	/// The agreements `organisation` is a party to, with its part in each:
	/// at most `limit` of them, in the index's (hashed) order, starting
	/// after `after` if given, so that a long list is read page by page.
	pub fn agreements_of(
		organisation: OrganisationId,
		after: Option<AgreementId>,
		limit: u32,
	) -> alloc::vec::Vec<(AgreementId, PartyRole)> {
		let limit = usize::try_from(limit).unwrap_or(usize::MAX);
		match after {
			Some(after) => AgreementsOf::<T>::iter_prefix_from(
				organisation,
				AgreementsOf::<T>::hashed_key_for(organisation, after),
			)
			.take(limit)
			.collect(),
			None => AgreementsOf::<T>::iter_prefix(organisation).take(limit).collect(),
		}
	}
}
