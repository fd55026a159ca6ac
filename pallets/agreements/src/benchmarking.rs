//! Benchmarks of the agreements pallet's calls, each in its most expensive
//! path: every list at its maximum (8 parties, 32 milestones with 8-entry
//! approval rules, three entries naming organisations or parts, 4
//! verifiers, 16 documents with 256-byte URIs).

use super::*;
use alloc::{boxed::Box, vec, vec::Vec};
use civitas_primitives::{
	terms::{MAX_DOCUMENTS, MAX_MILESTONES, MAX_TITLE_LEN, MAX_URI_LEN, MAX_VERIFIERS},
	ApprovalRequirement, Approvers, Conditions, ConditionsBenchmarkHelper, ConditionsContract,
	Document, DocumentType, Milestone, MilestoneType, OrganisationKind, Party, Period, Roles,
};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::Permill;

/// The parties of a worst-case agreement and one signatory of each, and
/// the funding-conditions contract deployed for the next agreement.
struct World<T: Config> {
	parties: Parties,
	signatories: Vec<T::AccountId>,
	verifiers: Vec<OrganisationId>,
	contract: ConditionsContract,
}

fn world<T: Config>() -> World<T> {
	let mut parties = Vec::new();
	let mut signatories = Vec::new();
	for index in 0..MAX_PARTIES {
		let (kind, role) = match index {
			0 => (OrganisationKind::PublicAuthority, PartyRole::PublicAuthority),
			1 => (OrganisationKind::PrivatePartner, PartyRole::PrivateParty),
			_ => (OrganisationKind::Funder, PartyRole::Funder),
		};
		let organisation = T::Organisations::admit_for_benchmark(kind, index);
		let signatory: T::AccountId = account("signatory", index, 0);
		T::Organisations::add_member_for_benchmark(
			organisation,
			&signatory,
			Roles::of(&[Role::Signatory]),
		);
		let funds = T::DepositBase::get()
			.saturating_add(T::DepositPerByte::get().saturating_mul(100_000u32.into()))
			.saturating_mul(4u32.into());
		T::Currency::set_balance(&signatory, T::Currency::minimum_balance().saturating_add(funds));
		parties.push(Party { organisation, role });
		signatories.push(signatory);
	}
	let verifiers = (0..MAX_VERIFIERS)
		.map(|index| {
			T::Organisations::admit_for_benchmark(OrganisationKind::Verifier, MAX_PARTIES + index)
		})
		.collect();
	let contract = T::BenchmarkHelper::conditions_contract(&Conditions::unconstrained(
		NextAgreementId::<T>::get(),
	));
	World { parties: BoundedVec::truncate_from(parties), signatories, verifiers, contract }
}

/// Terms with every list at its maximum; `seed` varies their hash.
fn terms<T: Config>(world: &World<T>, seed: u8) -> TermsOf<T> {
	// Every entry a rule may have, the scoped ones looked up among the
	// parties and verifiers (the last verifier and party: the longest search).
	let last_verifier = world.verifiers.last().copied().unwrap_or_default();
	let last_party = world.parties.last().map(|party| party.organisation).unwrap_or_default();
	let approval = BoundedVec::truncate_from(
		[Role::FinanceOfficer, Role::Signatory, Role::Verifier, Role::Auditor, Role::Admin]
			.into_iter()
			.map(|role| ApprovalRequirement { role, count: 1, from: Approvers::AnyParty })
			.chain([
				ApprovalRequirement {
					role: Role::Verifier,
					count: 1,
					from: Approvers::Organisation(last_verifier),
				},
				ApprovalRequirement {
					role: Role::Signatory,
					count: 1,
					from: Approvers::Organisation(last_party),
				},
				ApprovalRequirement {
					role: Role::Signatory,
					count: 1,
					from: Approvers::Parties(PartyRole::Funder),
				},
			])
			.collect(),
	);
	let milestones = (0..MAX_MILESTONES)
		.map(|index| Milestone {
			amount: 1_000u32.into(),
			due: u64::from(index),
			kind: MilestoneType::Delivery,
			approval: approval.clone(),
		})
		.collect();
	let documents = (0..MAX_DOCUMENTS)
		.map(|index| Document {
			kind: DocumentType::ContractAnnexe,
			sha256: [index as u8; 32],
			uri: BoundedVec::truncate_from(vec![b'u'; MAX_URI_LEN as usize]),
		})
		.collect();
	Terms {
		title: BoundedVec::truncate_from(vec![seed; MAX_TITLE_LEN as usize]),
		value: 1_000_000u32.into(),
		period: Period { start: 0, end: u64::from(MAX_MILESTONES) },
		milestones: BoundedVec::truncate_from(milestones),
		retention: Permill::from_percent(5),
		late_penalty_per_day: Permill::from_parts(1_000),
		conditions: world.contract,
		verifiers: BoundedVec::truncate_from(world.verifiers.clone()),
		documents: BoundedVec::truncate_from(documents),
	}
}

fn signed<T: Config>(who: &T::AccountId) -> OriginFor<T> {
	RawOrigin::Signed(who.clone()).into()
}

/// A worst-case agreement, proposed by the public authority's signatory.
fn draft<T: Config>(world: &World<T>) -> Result<AgreementId, BenchmarkError> {
	let agreement = NextAgreementId::<T>::get();
	Pallet::<T>::propose(
		signed::<T>(&world.signatories[0]),
		world.parties.clone(),
		Box::new(terms(world, 0)),
	)?;
	Ok(agreement)
}

/// A worst-case agreement every party signed.
fn active<T: Config>(world: &World<T>) -> Result<AgreementId, BenchmarkError> {
	let agreement = draft(world)?;
	let hash = terms(world, 0).hash();
	for signatory in &world.signatories {
		Pallet::<T>::sign(signed::<T>(signatory), agreement, hash)?;
	}
	Ok(agreement)
}

/// An active agreement with a worst-case amendment pending.
fn amending<T: Config>(world: &World<T>) -> Result<AgreementId, BenchmarkError> {
	let agreement = active(world)?;
	Pallet::<T>::propose_amendment(
		signed::<T>(&world.signatories[1]),
		agreement,
		Box::new(terms(world, 1)),
		H256::repeat_byte(1),
	)?;
	Ok(agreement)
}

/// Every party but the last consents to `action`.
fn consent_but_one<T: Config>(
	world: &World<T>,
	agreement: AgreementId,
	action: LifecycleAction,
) -> Result<(), BenchmarkError> {
	for signatory in &world.signatories[..world.signatories.len() - 1] {
		Pallet::<T>::decide(signed::<T>(signatory), agreement, action)?;
	}
	Ok(())
}

fn last_signatory<T: Config>(world: &World<T>) -> T::AccountId {
	world.signatories[world.signatories.len() - 1].clone()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose() {
		let world = world::<T>();
		let terms = terms(&world, 0);
		let agreement = NextAgreementId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(world.signatories[0].clone()), world.parties.clone(), Box::new(terms));

		assert_eq!(Agreements::<T>::get(agreement).map(|a| a.status), Some(AgreementStatus::Draft));
	}

	// The last signature of an amendment: it checks what was paid on every
	// milestone, releases the deposit and supersedes the version in force.
	#[benchmark]
	fn sign() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = amending(&world)?;
		let hash = terms(&world, 1).hash();
		for signatory in &world.signatories[..world.signatories.len() - 1] {
			Pallet::<T>::sign(signed::<T>(signatory), agreement, hash)?;
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last_signatory(&world)), agreement, hash);

		assert_eq!(
			Agreements::<T>::get(agreement).and_then(|a| a.status.version_in_force()),
			Some(1)
		);
		Ok(())
	}

	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = draft(&world)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(world.signatories[0].clone()), agreement);

		assert!(Agreements::<T>::get(agreement).is_none());
		Ok(())
	}

	// Worst case: an expired amendment lapses (its deposit released) and
	// the new one takes its place.
	#[benchmark]
	fn propose_amendment() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = amending(&world)?;
		let later =
			frame_system::Pallet::<T>::block_number().saturating_add(T::AmendmentLifetime::get());
		frame_system::Pallet::<T>::set_block_number(later);
		let terms = terms(&world, 2);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(world.signatories[1].clone()),
			agreement,
			Box::new(terms),
			H256::repeat_byte(1),
		);

		assert!(Versions::<T>::get(agreement, 1).is_some());
		Ok(())
	}

	#[benchmark]
	fn withdraw_amendment() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = amending(&world)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(world.signatories[1].clone()), agreement);

		assert!(Versions::<T>::get(agreement, 1).is_none());
		Ok(())
	}

	// The last party's consent: it reads every earlier consent, then applies.
	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = amending(&world)?;
		consent_but_one(&world, agreement, LifecycleAction::Suspend)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(last_signatory(&world)), agreement);

		assert!(matches!(
			Agreements::<T>::get(agreement).map(|a| a.status),
			Some(AgreementStatus::Suspended { .. })
		));
		Ok(())
	}

	#[benchmark]
	fn resume() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = amending(&world)?;
		let governance =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::suspend(governance, agreement)?;
		consent_but_one(&world, agreement, LifecycleAction::Resume)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(last_signatory(&world)), agreement);

		assert!(matches!(
			Agreements::<T>::get(agreement).map(|a| a.status),
			Some(AgreementStatus::Active { .. })
		));
		Ok(())
	}

	// Ending an agreement with an amendment pending also lets it lapse.
	#[benchmark]
	fn terminate() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = amending(&world)?;
		consent_but_one(&world, agreement, LifecycleAction::Terminate)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(last_signatory(&world)), agreement);

		assert!(Versions::<T>::get(agreement, 1).is_none());
		Ok(())
	}

	#[benchmark]
	fn complete() -> Result<(), BenchmarkError> {
		let world = world::<T>();
		let agreement = amending(&world)?;
		consent_but_one(&world, agreement, LifecycleAction::Complete)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(last_signatory(&world)), agreement);

		assert!(matches!(
			Agreements::<T>::get(agreement).map(|a| a.status),
			Some(AgreementStatus::Completed { .. })
		));
		assert!(Pallet::<T>::do_try_state().is_ok());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
