//! Benchmarks of the disbursements pallet's calls, each in its most
//! expensive path: full evidence, the largest approval rule, every condition
//! the reference contract checks (asked for real, through
//! [`Config::BenchmarkHelper`]), payouts split over as many co-funder
//! accounts as an escrow may hold, and the most recoveries offset at once;
//! settlement in both of its steps.

use super::*;
use alloc::{vec, vec::Vec};
use civitas_primitives::{
	conditions::{FunderShare, PayoutDeadline, MAX_EVIDENCE_KINDS},
	terms::{ApprovalRule, MAX_APPROVERS, MAX_DOCUMENTS, MAX_MILESTONES, MAX_PARTIES, MAX_URI_LEN},
	ApprovalRequirement, Approvers, Conditions, ConditionsBenchmarkHelper, ConditionsContract,
	Document, DocumentType, EscrowPart, Milestone, MilestoneType, OrganisationKind, Party,
	PartyRole, Period, Role, Roles, Terms,
};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{Saturating, Zero},
	Permill,
};

/// Every document type, for evidence that meets every required kind.
const KINDS: [DocumentType; 16] = [
	DocumentType::ContractSigned,
	DocumentType::ContractAnnexe,
	DocumentType::ContractSchedule,
	DocumentType::ContractGuarantees,
	DocumentType::TechnicalSpecifications,
	DocumentType::FeasibilityStudy,
	DocumentType::EnvironmentalImpact,
	DocumentType::RiskProvisions,
	DocumentType::PhysicalProgressReport,
	DocumentType::FinancialProgressReport,
	DocumentType::CompletionCertificate,
	DocumentType::FinalAudit,
	DocumentType::BillOfQuantity,
	DocumentType::ProjectPlan,
	DocumentType::SubContract,
	DocumentType::Illustration,
];

/// An active agreement with its parties' members and committed escrow.
struct World<T: Config> {
	agreement: AgreementId,
	/// The parties: the city, the private parties, the funders.
	parties: Vec<Party>,
	/// A finance officer of each private party: the payees.
	payees: Vec<T::AccountId>,
	/// Members holding every role of the approval rule, in the city.
	approvers: Vec<T::AccountId>,
	/// The city's signatory and finance officer.
	officer: T::AccountId,
	/// The court of auditors the terms designate.
	court: OrganisationId,
}

/// The amount benchmarks count in: a thousand existential deposits.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().max(1u32.into()).saturating_mul(1_000u32.into())
}

/// What the benchmarks' recoveries claim: a unit, or the minimum if more.
fn recovery<T: Config>() -> BalanceOf<T> {
	unit::<T>().max(T::MinimumRecovery::get())
}

/// What each milestone pays.
fn milestone_amount<T: Config>() -> BalanceOf<T> {
	unit::<T>().saturating_mul(1_000u32.into())
}

/// Enough to pay any deposit, repayment or share many times over.
fn fund<T: Config>(who: &T::AccountId) {
	let deposits = T::EvidenceDepositBase::get()
		.saturating_add(T::EvidenceDepositPerByte::get().saturating_mul(10_000u32.into()))
		.saturating_add(T::RecoveryDeposit::get())
		.saturating_add(T::DisputeDeposit::get());
	let plenty = milestone_amount::<T>()
		.saturating_mul(100_000u32.into())
		.saturating_add(deposits.saturating_mul(100u32.into()));
	T::Currency::set_balance(who, plenty);
}

/// A member of `organisation` with `roles`, funded.
fn member<T: Config>(
	name: &'static str,
	index: u32,
	organisation: OrganisationId,
	roles: Roles,
) -> T::AccountId {
	let who: T::AccountId = account(name, index, organisation);
	T::Organisations::add_member_for_benchmark(organisation, &who, roles);
	fund::<T>(&who);
	who
}

/// A rule of `slots` approvers, half verifiers and half signatories (the
/// matching's hardest shape: every approver may fill either).
fn rule(slots: u32) -> ApprovalRule {
	let verifiers = slots.div_ceil(2);
	let mut entries = vec![ApprovalRequirement {
		role: Role::Verifier,
		count: verifiers as u8,
		from: Approvers::AnyParty,
	}];
	if slots > verifiers {
		entries.push(ApprovalRequirement {
			role: Role::Signatory,
			count: (slots - verifiers) as u8,
			from: Approvers::AnyParty,
		});
	}
	BoundedVec::truncate_from(entries)
}

/// Every condition the reference contract checks, each met by the payouts
/// the benchmarks make, unless `allow` is false (then no payout is allowed).
fn conditions(agreement: AgreementId, co_funders: &[OrganisationId], allow: bool) -> Conditions {
	Conditions {
		agreement,
		max_single_payout: Some(if allow { u128::MAX } else { 1 }),
		cumulative_cap: Some(u128::MAX),
		min_funder_shares: BoundedVec::truncate_from(
			co_funders
				.iter()
				.map(|funder| FunderShare { funder: *funder, min_share: Permill::from_parts(1) })
				.collect(),
		),
		min_public_share: Some(Permill::from_parts(1)),
		retention: Some(Permill::from_percent(5)),
		payout_deadline: Some(PayoutDeadline { end_date: u64::MAX / 2, grace: 0 }),
		late_penalty_per_day: Some(Permill::from_parts(1_000)),
		required_evidence: BoundedVec::truncate_from(
			KINDS.iter().take(MAX_EVIDENCE_KINDS as usize).map(|kind| kind.code()).collect(),
		),
	}
}

/// The terms: every milestone slot, each needing `slots` approvers.
fn terms<T: Config>(
	contract: ConditionsContract,
	slots: u32,
	verifier: OrganisationId,
	court: OrganisationId,
) -> Terms<BalanceOf<T>> {
	let amount = milestone_amount::<T>();
	// Due now: no penalty eats the payout, so every part of it moves money.
	let due = T::Time::now();
	Terms {
		title: BoundedVec::truncate_from(b"Benchmark agreement".to_vec()),
		value: amount.saturating_mul(MAX_MILESTONES.into()),
		period: Period { start: 0, end: u64::MAX / 2 },
		milestones: BoundedVec::truncate_from(
			(0..MAX_MILESTONES)
				.map(|_| Milestone {
					amount,
					due,
					kind: MilestoneType::Delivery,
					approval: rule(slots),
				})
				.collect(),
		),
		retention: Permill::from_percent(5),
		late_penalty_per_day: Permill::from_parts(1_000),
		conditions: contract,
		verifiers: BoundedVec::truncate_from(vec![verifier, court]),
		documents: BoundedVec::new(),
	}
}

/// An agreement between a city, `private` private parties and funders in
/// the other party slots; its escrow committed from `accounts` accounts of
/// the co-funders; milestones needing `slots` approvers; a contract that
/// allows payouts if `allow`.
fn world<T: Config>(private: u32, accounts: u32, slots: u32, allow: bool) -> World<T> {
	let mut parties = Vec::new();
	for index in 0..MAX_PARTIES {
		let (kind, role) = match index {
			0 => (OrganisationKind::PublicAuthority, PartyRole::PublicAuthority),
			i if i <= private => (OrganisationKind::PrivatePartner, PartyRole::PrivateParty),
			_ => (OrganisationKind::Funder, PartyRole::Funder),
		};
		let organisation = T::Organisations::admit_for_benchmark(kind, index);
		parties.push(Party { organisation, role });
	}
	let verifier = T::Organisations::admit_for_benchmark(OrganisationKind::Verifier, MAX_PARTIES);
	let court = T::Organisations::admit_for_benchmark(OrganisationKind::Auditor, MAX_PARTIES + 1);
	let co_funders: Vec<OrganisationId> = parties
		.iter()
		.filter(|party| party.role != PartyRole::PrivateParty)
		.map(|party| party.organisation)
		.collect();
	let city = parties[0].organisation;
	// The contract must name the agreement, whose id is known once it exists:
	// activate it naming no contract, then put the terms naming it in force.
	let none = ConditionsContract { address: Default::default(), code_hash: Default::default() };
	let agreement = T::Agreements::activate_with_terms_for_benchmark(
		&parties,
		terms::<T>(none, slots, verifier, court),
	);
	// Each co-funder holding a share must carry its minimum of each payout.
	let holding = &co_funders[..co_funders.len().min(accounts as usize)];
	let contract = T::BenchmarkHelper::conditions_contract(&conditions(agreement, holding, allow));
	T::Agreements::amend_for_benchmark(agreement, terms::<T>(contract, slots, verifier, court));

	let payees = parties
		.iter()
		.filter(|party| party.role == PartyRole::PrivateParty)
		.map(|party| {
			member::<T>("payee", 0, party.organisation, Roles::of(&[Role::FinanceOfficer]))
		})
		.collect();
	let both = Roles::of(&[Role::Verifier, Role::Signatory]);
	let approvers =
		(0..MAX_APPROVERS).map(|index| member::<T>("approver", index, city, both)).collect();
	let officer =
		member::<T>("officer", 0, city, Roles::of(&[Role::Signatory, Role::FinanceOfficer]));

	// Each account commits enough for every milestone.
	let share = milestone_amount::<T>().saturating_mul(MAX_MILESTONES.into());
	let shares = (0..accounts)
		.map(|index| {
			let organisation = co_funders[index as usize % co_funders.len()];
			let who: T::AccountId = account("co-funder", index, organisation);
			fund::<T>(&who);
			EscrowPart { account: who, organisation, amount: share }
		})
		.collect();
	T::Escrow::commit_for_benchmark(agreement, shares);
	World { agreement, parties, payees, approvers, officer, court }
}

/// Gives `agreement` as many closed dispute periods as it keeps, keeping
/// any open one: the most a payout's lateness reads and a resolution
/// merges. Empty periods at the epoch, so that they precede any open one.
fn full_disputed_time<T: Config>(agreement: AgreementId) {
	DisputedTimes::<T>::mutate(agreement, |time| {
		time.closed =
			BoundedVec::truncate_from(vec![Span { from: 0, to: 0 }; MAX_DISPUTE_PERIODS as usize]);
	});
}

/// Full evidence: a document of every type with the longest URI.
fn documents(seed: u8) -> Documents {
	BoundedVec::truncate_from(
		KINDS
			.iter()
			.take(MAX_DOCUMENTS as usize)
			.enumerate()
			.map(|(index, kind)| Document {
				kind: *kind,
				sha256: [seed.wrapping_add(index as u8); 32],
				uri: BoundedVec::truncate_from(vec![b'u'; MAX_URI_LEN as usize]),
			})
			.collect(),
	)
}

/// `count` invoices, distinct for `seed`.
fn invoices<T: Config>(seed: u32, count: u32) -> InvoiceList<BalanceOf<T>> {
	BoundedVec::truncate_from(
		(0..count)
			.map(|index| {
				let mut sha256 = [0u8; 32];
				sha256[..4].copy_from_slice(&seed.to_le_bytes());
				sha256[4..8].copy_from_slice(&index.to_le_bytes());
				Invoice { sha256, amount: unit::<T>() }
			})
			.collect(),
	)
}

/// The first payee submits full evidence with `count` invoices for `milestone`.
fn submit<T: Config>(
	world: &World<T>,
	payee: usize,
	milestone: MilestoneIndex,
	count: u32,
) -> Result<(), BenchmarkError> {
	Pallet::<T>::submit_evidence(
		RawOrigin::Signed(world.payees[payee].clone()).into(),
		world.agreement,
		milestone,
		documents(milestone as u8),
		invoices::<T>(milestone, count),
	)?;
	Ok(())
}

/// The round under review of `milestone` and its evidence hash.
fn current<T: Config>(world: &World<T>, milestone: MilestoneIndex) -> (u32, H256) {
	Milestones::<T>::get(world.agreement, milestone)
		.map_or((0, H256::zero()), |record| (record.round, record.evidence.hash()))
}

/// The first `count` approvers find `milestone` met.
fn approve_by<T: Config>(
	world: &World<T>,
	milestone: MilestoneIndex,
	count: u32,
) -> Result<(), BenchmarkError> {
	let (round, evidence) = current(world, milestone);
	for approver in world.approvers.iter().take(count as usize) {
		Pallet::<T>::approve(
			RawOrigin::Signed(approver.clone()).into(),
			world.agreement,
			milestone,
			round,
			evidence,
			Verdict::Met,
			H256::repeat_byte(1),
		)
		.map_err(|e| e.error)?;
	}
	Ok(())
}

/// The most open recoveries an agreement may have, all owed by the first
/// private party, each small enough for one payout to offset them all.
fn open_recoveries<T: Config>(world: &World<T>) {
	let payee = world.parties[1].organisation;
	let mut open = BoundedVec::new();
	for id in 0..MAX_OPEN_RECOVERIES {
		Recoveries::<T>::insert(
			id,
			Recovery {
				agreement: world.agreement,
				disbursement: 0,
				payee_organisation: payee,
				amount: recovery::<T>(),
				reason: H256::zero(),
				opened_by: Actor::Governance,
				opened_at: frame_system::Pallet::<T>::block_number(),
				deposit: Zero::zero(),
				status: RecoveryStatus::Open { outstanding: recovery::<T>() },
			},
		);
		RecoveriesOf::<T>::insert(world.agreement, id, ());
		let _ = open.try_push(id);
	}
	OpenRecoveries::<T>::insert(world.agreement, open);
	NextRecoveryId::<T>::put(MAX_OPEN_RECOVERIES);
}

/// An active auditor of an auditor organisation, funded.
fn auditor<T: Config>(world: &World<T>) -> T::AccountId {
	member::<T>("auditor", 0, world.court, Roles::of(&[Role::Auditor]))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Full evidence with `n` invoices, replacing full evidence still under
	/// review once the review period passed: its deposit is returned and
	/// the verdicts of every approver but one lapse.
	#[benchmark]
	fn submit_evidence(n: Linear<0, MAX_INVOICES>) -> Result<(), BenchmarkError> {
		let world = world::<T>(1, 1, MAX_APPROVERS, true);
		submit::<T>(&world, 0, 0, MAX_INVOICES)?;
		approve_by::<T>(&world, 0, MAX_APPROVERS - 1)?;
		let later =
			frame_system::Pallet::<T>::block_number().saturating_add(T::MinReviewPeriod::get());
		frame_system::Pallet::<T>::set_block_number(later);
		let payee = world.payees[0].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(payee), world.agreement, 0, documents(9), invoices::<T>(99, n));

		let record = Milestones::<T>::get(world.agreement, 0).ok_or("no record")?;
		assert_eq!(record.round, 2);
		Ok(())
	}

	/// A verdict that leaves the rule one approver short: matched against
	/// the largest rule, paying nothing.
	#[benchmark]
	fn approve() -> Result<(), BenchmarkError> {
		let world = world::<T>(1, 1, MAX_APPROVERS, true);
		submit::<T>(&world, 0, 0, MAX_INVOICES)?;
		approve_by::<T>(&world, 0, MAX_APPROVERS - 2)?;
		let approver = world.approvers[MAX_APPROVERS as usize - 2].clone();
		let (round, evidence) = current(&world, 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(approver),
			world.agreement,
			0,
			round,
			evidence,
			Verdict::Met,
			H256::zero(),
		);

		let record = Milestones::<T>::get(world.agreement, 0).ok_or("no record")?;
		assert_eq!(record.status, MilestoneStatus::UnderReview);
		Ok(())
	}

	/// The verdict that satisfies the largest rule: the contract is asked
	/// (every condition checked, allowed) and the payout split over `n`
	/// co-funder accounts, with every open recovery offset.
	#[benchmark]
	fn approve_and_pay(n: Linear<1, MAX_ESCROW_ACCOUNTS>) -> Result<(), BenchmarkError> {
		let world = world::<T>(1, n, MAX_APPROVERS, true);
		submit::<T>(&world, 0, 0, MAX_INVOICES)?;
		approve_by::<T>(&world, 0, MAX_APPROVERS - 1)?;
		open_recoveries::<T>(&world);
		full_disputed_time::<T>(world.agreement);
		let approver = world.approvers[MAX_APPROVERS as usize - 1].clone();
		let (round, evidence) = current(&world, 0);

		#[extrinsic_call]
		approve(
			RawOrigin::Signed(approver),
			world.agreement,
			0,
			round,
			evidence,
			Verdict::Met,
			H256::zero(),
		);

		let record = Milestones::<T>::get(world.agreement, 0).ok_or("no record")?;
		assert!(matches!(record.status, MilestoneStatus::Paid { .. }), "{:?}", record.status);
		assert!(OpenRecoveries::<T>::get(world.agreement).is_empty());
		Ok(())
	}

	/// Governance rules met on a milestone whose largest rule was filled
	/// with one verdict against: the median of the others is paid, the
	/// contract asked and the payout split over `n` co-funder accounts,
	/// with every open recovery offset.
	#[benchmark]
	fn resolve_contest(n: Linear<1, MAX_ESCROW_ACCOUNTS>) -> Result<(), BenchmarkError> {
		let world = world::<T>(1, n, MAX_APPROVERS, true);
		submit::<T>(&world, 0, 0, MAX_INVOICES)?;
		approve_by::<T>(&world, 0, MAX_APPROVERS - 1)?;
		let dissenter = world.approvers[MAX_APPROVERS as usize - 1].clone();
		let (round, evidence) = current(&world, 0);
		Pallet::<T>::approve(
			RawOrigin::Signed(dissenter).into(),
			world.agreement,
			0,
			round,
			evidence,
			Verdict::NotMet,
			H256::zero(),
		)
		.map_err(|e| e.error)?;
		let record = Milestones::<T>::get(world.agreement, 0).ok_or("no record")?;
		assert!(matches!(record.status, MilestoneStatus::Contested { .. }));
		open_recoveries::<T>(&world);
		full_disputed_time::<T>(world.agreement);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, world.agreement, 0, round, Ruling::Met, H256::zero());

		let record = Milestones::<T>::get(world.agreement, 0).ok_or("no record")?;
		assert!(matches!(record.status, MilestoneStatus::Paid { .. }), "{:?}", record.status);
		assert!(OpenRecoveries::<T>::get(world.agreement).is_empty());
		Ok(())
	}

	/// A payout blocked by the contract, retried after an amendment naming
	/// a contract that allows it: paid over `n` accounts, every open
	/// recovery offset.
	#[benchmark]
	fn disburse(n: Linear<1, MAX_ESCROW_ACCOUNTS>) -> Result<(), BenchmarkError> {
		let world = world::<T>(1, n, MAX_APPROVERS, false);
		submit::<T>(&world, 0, 0, MAX_INVOICES)?;
		approve_by::<T>(&world, 0, MAX_APPROVERS)?;
		let record = Milestones::<T>::get(world.agreement, 0).ok_or("no record")?;
		assert!(matches!(record.status, MilestoneStatus::Blocked { .. }));
		let co_funders: Vec<OrganisationId> = world
			.parties
			.iter()
			.filter(|party| party.role != PartyRole::PrivateParty)
			.map(|party| party.organisation)
			.take(n as usize)
			.collect();
		let contract = T::BenchmarkHelper::conditions_contract(&conditions(
			world.agreement,
			&co_funders,
			true,
		));
		let in_force = T::Agreements::terms(world.agreement, 1).ok_or("no terms")?;
		let mut amended = in_force;
		amended.conditions = contract;
		T::Agreements::amend_for_benchmark(world.agreement, amended);
		open_recoveries::<T>(&world);
		full_disputed_time::<T>(world.agreement);

		#[extrinsic_call]
		_(RawOrigin::Signed(world.officer.clone()), world.agreement, 0);

		let record = Milestones::<T>::get(world.agreement, 0).ok_or("no record")?;
		assert!(matches!(record.status, MilestoneStatus::Paid { .. }));
		Ok(())
	}

	/// An auditor opens a recovery on a payout, paying the deposit.
	#[benchmark]
	fn open_recovery() -> Result<(), BenchmarkError> {
		let world = world::<T>(1, 1, 1, true);
		submit::<T>(&world, 0, 0, 0)?;
		approve_by::<T>(&world, 0, 1)?;
		let auditor = auditor::<T>(&world);

		#[extrinsic_call]
		_(RawOrigin::Signed(auditor), 0, recovery::<T>(), H256::zero());

		assert!(Recoveries::<T>::contains_key(0));
		Ok(())
	}

	/// The payee repays a whole recovery opened by an auditor: `n`
	/// co-funder accounts receive their shares, the recovery closes, the
	/// auditor's deposit is returned.
	#[benchmark]
	fn repay_recovery(n: Linear<1, MAX_ESCROW_ACCOUNTS>) -> Result<(), BenchmarkError> {
		let world = world::<T>(1, n, 1, true);
		submit::<T>(&world, 0, 0, 0)?;
		approve_by::<T>(&world, 0, 1)?;
		let amount = recovery::<T>();
		Pallet::<T>::open_recovery(
			RawOrigin::Signed(auditor::<T>(&world)).into(),
			0,
			amount,
			H256::zero(),
		)?;
		let payee = world.payees[0].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(payee), 0, amount);

		assert!(OpenRecoveries::<T>::get(world.agreement).is_empty());
		Ok(())
	}

	/// A city's signatory raises a dispute, which starts its disputed time.
	#[benchmark]
	fn raise_dispute() -> Result<(), BenchmarkError> {
		let world = world::<T>(1, 1, 1, true);

		#[extrinsic_call]
		_(RawOrigin::Signed(world.officer.clone()), world.agreement, H256::zero());

		assert!(Disputes::<T>::contains_key(world.agreement));
		Ok(())
	}

	/// Governance cancels an auditor's recovery as unfounded: what is
	/// owed is cancelled and the deposit goes to the payee's organisation
	/// account.
	#[benchmark]
	fn cancel_recovery() -> Result<(), BenchmarkError> {
		let world = world::<T>(1, 1, 1, true);
		submit::<T>(&world, 0, 0, 0)?;
		approve_by::<T>(&world, 0, 1)?;
		Pallet::<T>::open_recovery(
			RawOrigin::Signed(auditor::<T>(&world)).into(),
			0,
			recovery::<T>(),
			H256::zero(),
		)?;
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, H256::zero(), true);

		assert!(OpenRecoveries::<T>::get(world.agreement).is_empty());
		Ok(())
	}

	/// Governance resolves a city's dispute as unfounded: the deposit is
	/// burnt, and its period joins a full list (the two oldest merge).
	#[benchmark]
	fn resolve_dispute() -> Result<(), BenchmarkError> {
		let world = world::<T>(1, 1, 1, true);
		Pallet::<T>::raise_dispute(
			RawOrigin::Signed(world.officer.clone()).into(),
			world.agreement,
			H256::zero(),
		)?;
		full_disputed_time::<T>(world.agreement);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, world.agreement, H256::zero(), true);

		assert!(!Disputes::<T>::contains_key(world.agreement));
		Ok(())
	}

	/// Final acceptance releases a private party's retention over `n`
	/// co-funder accounts, part of it kept to offset a recovery it owes.
	#[benchmark]
	fn settle_retention(n: Linear<1, MAX_ESCROW_ACCOUNTS>) -> Result<(), BenchmarkError> {
		let world = world::<T>(1, n, 1, true);
		submit::<T>(&world, 0, 0, 0)?;
		approve_by::<T>(&world, 0, 1)?;
		let auditor = auditor::<T>(&world);
		Pallet::<T>::open_recovery(
			RawOrigin::Signed(auditor).into(),
			0,
			recovery::<T>(),
			H256::zero(),
		)?;
		T::Agreements::complete_for_benchmark(world.agreement);
		let anyone: T::AccountId = account("anyone", 0, 0);

		#[extrinsic_call]
		settle(RawOrigin::Signed(anyone), world.agreement);

		let ledger = Ledgers::<T>::get(world.agreement).ok_or("no ledger")?;
		assert!(ledger.settlement.is_none() && !ledger.retention_released.is_zero());
		assert!(OpenRecoveries::<T>::get(world.agreement).is_empty());
		Ok(())
	}

	/// The last step of a settlement: what is still committed on `n`
	/// accounts is refunded, and the evidence deposit of every other
	/// milestone returned.
	#[benchmark]
	fn settle_escrow(n: Linear<1, MAX_ESCROW_ACCOUNTS>) -> Result<(), BenchmarkError> {
		let world = world::<T>(1, n, 1, true);
		submit::<T>(&world, 0, 0, 0)?;
		approve_by::<T>(&world, 0, 1)?;
		for milestone in 1..MAX_MILESTONES {
			submit::<T>(&world, 0, milestone, 0)?;
		}
		T::Agreements::complete_for_benchmark(world.agreement);
		let anyone: T::AccountId = account("anyone", 0, 0);
		// The retention step first.
		Pallet::<T>::settle(RawOrigin::Signed(anyone.clone()).into(), world.agreement)
			.map_err(|e| e.error)?;

		#[extrinsic_call]
		settle(RawOrigin::Signed(anyone), world.agreement);

		let ledger = Ledgers::<T>::get(world.agreement).ok_or("no ledger")?;
		assert!(ledger.settlement.is_some());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
