//! What other pallets may ask about agreements ([`civitas_primitives::Agreements`]).

use super::*;

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

	#[cfg(feature = "runtime-benchmarks")]
	fn activate_for_benchmark(parties: &[civitas_primitives::Party]) -> AgreementId {
		// Written directly rather than proposed and signed: callers benchmark
		// other pallets and need only a consistent active agreement.
		let agreement = NextAgreementId::<T>::get();
		NextAgreementId::<T>::put(agreement.saturating_add(1));
		let now = frame_system::Pallet::<T>::block_number();
		let terms = Terms {
			title: Default::default(),
			value: 1_000_000u32.into(),
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
		let proposer = parties
			.iter()
			.find(|party| party.role == PartyRole::PublicAuthority)
			.map(|party| party.organisation)
			.unwrap_or_default();
		let account: T::AccountId = frame_benchmarking::account("proposer", agreement, 0);
		let signatures = parties
			.iter()
			.map(|party| SignatureRecord {
				organisation: party.organisation,
				signer: account.clone(),
				at: now,
			})
			.collect::<alloc::vec::Vec<_>>();
		Versions::<T>::insert(
			agreement,
			0,
			Version {
				terms_hash: terms.hash(),
				terms,
				rationale: None,
				proposer: account.clone(),
				proposed_at: now,
				signatures: BoundedVec::truncate_from(signatures),
				state: VersionState::InForce { since: now },
			},
		);
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
		agreement
	}
}
