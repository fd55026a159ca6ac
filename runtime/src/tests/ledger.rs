//! The ledger pallets as this runtime configures them: the development
//! preset's demo world, an agreement signed by every party through real
//! dispatch, and weights that come from benchmarks.

use civitas_primitives::{
	ApprovalRequirement, Approvers, ConditionsContract, Milestone, MilestoneType, OrganisationKind,
	Organisations as _, Party, PartyRole, Period, Role, Standing, Terms,
};
use frame_support::{assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{
	self, Alice, AliceStash, Bob, BobStash, Charlie, CharlieStash, Dave, DaveStash, Eve, Ferdie,
};
use sp_runtime::Permill;

use super::configuration::state_of;
use crate::{
	genesis_config_presets, Agreements, AuditTrail, Balances, Disbursements, Pools, Registry,
	Runtime, RuntimeHoldReason, RuntimeOrigin, System, CIV,
};

fn invariants_hold() {
	Registry::do_try_state().expect("registry invariants");
	Agreements::do_try_state().expect("agreement invariants");
	Pools::do_try_state().expect("pool invariants");
	Disbursements::do_try_state().expect("disbursement invariants");
	AuditTrail::do_try_state().expect("audit trail verifies");
}

#[test]
fn the_development_preset_seeds_the_demo_world() {
	state_of(genesis_config_presets::development()).execute_with(|| {
		use OrganisationKind::*;
		let expected: [(Sr25519Keyring, OrganisationKind, &[Role]); 6] = [
			(Alice, PublicAuthority, &[Role::Admin, Role::Signatory, Role::FinanceOfficer]),
			(Bob, PublicAuthority, &[Role::Admin, Role::Signatory, Role::FinanceOfficer]),
			(Charlie, PrivatePartner, &[Role::Admin, Role::Signatory, Role::FinanceOfficer]),
			(Dave, Funder, &[Role::Admin, Role::Signatory, Role::FinanceOfficer, Role::Verifier]),
			(Eve, Verifier, &[Role::Admin, Role::Verifier]),
			(Ferdie, Auditor, &[Role::Admin, Role::Auditor]),
		];
		for (id, (key, kind, roles)) in expected.into_iter().enumerate() {
			let id = id as u32;
			assert_eq!(Registry::organisation(id), Some((kind, Standing::Active)));
			assert_eq!(Registry::organisation_of(&key.to_account_id()), Some(id));
			for role in roles {
				assert!(Registry::has_role(&key.to_account_id(), id, *role), "{key:?} {role:?}");
			}
		}
		assert_eq!(Registry::organisation(6), None);
		// Four eyes: each city, the partner and the fund has a second
		// signatory; the cities and the fund hold public money on their
		// organisation accounts, none on a member's key.
		for (id, second) in [(0, AliceStash), (1, BobStash), (2, CharlieStash), (3, DaveStash)] {
			assert!(Registry::has_role(&second.to_account_id(), id, Role::Signatory));
		}
		for id in [0, 1, 3] {
			assert_eq!(
				Balances::free_balance(Registry::organisation_account(id)),
				genesis_config_presets::DEMO_ORGANISATION_FUNDS
			);
		}
		invariants_hold();
	});
}

#[test]
fn a_network_starts_without_organisations() {
	state_of(genesis_config_presets::local_testnet()).execute_with(|| {
		assert_eq!(Registry::organisation(0), None);
		assert_eq!(Registry::organisation_of(&Alice.to_account_id()), None);
	});
}

fn signed(key: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(key.to_account_id())
}

/// Southport (Bob) and Tramway Builders (Charlie) approve the parameters of
/// `pool`, which Northbridge proposed for the tram agreement: it takes pledges.
fn approve_pool_by_every_party(pool: u32) {
	let parameters = pallet_civitas_pools::Pools::<Runtime>::get(pool)
		.expect("the pool was proposed")
		.parameters();
	for key in [Bob, Charlie] {
		assert_ok!(Pools::approve_pool(signed(key), pool, parameters));
	}
}

/// Proposes agreement 0 between Northbridge (public authority), Tramway
/// Builders (private party) and Southport (funder); every party signs.
/// Its contract is the committed reference contract (approved at genesis),
/// deployed by Alice, Northbridge's finance officer, with conditions that
/// constrain nothing.
fn sign_tram_agreement() {
	sign_tram_agreement_under(deploy(&civitas_primitives::Conditions::unconstrained(0)));
}

/// Alice, Northbridge's finance officer, deploys the committed reference
/// contract (approved at genesis) with `conditions`.
fn deploy(conditions: &civitas_primitives::Conditions) -> ConditionsContract {
	crate::configs::contracts::FundingConditionsAdapter::deploy(
		&Alice.to_account_id(),
		civitas_funding_conditions::REFERENCE_CODE.to_vec(),
		conditions,
		100 * CIV,
	)
	.expect("a finance officer deploys the approved contract")
}

/// [`sign_tram_agreement`], its payouts checked by `conditions`.
fn sign_tram_agreement_under(conditions: ConditionsContract) {
	System::set_block_number(1);
	let parties = BoundedVec::truncate_from(vec![
		Party { organisation: 0, role: PartyRole::PublicAuthority },
		Party { organisation: 2, role: PartyRole::PrivateParty },
		Party { organisation: 1, role: PartyRole::Funder },
	]);
	let terms = tram_terms(conditions);
	let hash = terms.hash();
	assert_ok!(Agreements::propose(signed(Alice), parties, Box::new(terms)));
	let hold = RuntimeHoldReason::Agreements(pallet_civitas_agreements::HoldReason::TermsDeposit);
	let deposit = Balances::balance_on_hold(&hold, &Alice.to_account_id());
	// Two items and some 150 bytes at 0.1 CIV per item, 1 mCIV per byte.
	assert!(deposit > CIV / 5 && deposit < CIV / 2, "deposit {deposit}");
	for key in [Alice, Charlie, Bob] {
		assert_ok!(Agreements::sign(signed(key), 0, hash));
	}
	assert!(Agreements::terms_in_force(0).is_some());
}

/// The tram agreement's terms: one milestone of 1 000 CIV, checked by
/// `conditions`.
fn tram_terms(conditions: ConditionsContract) -> Terms<crate::Balance> {
	Terms {
		title: BoundedVec::truncate_from(b"Tram line 3".to_vec()),
		value: 1_000 * CIV,
		period: Period { start: 0, end: 1_000 },
		milestones: BoundedVec::truncate_from(vec![Milestone {
			amount: 1_000 * CIV,
			due: 500,
			kind: MilestoneType::Delivery,
			// The verifier the terms designate (organisation 4) judges.
			approval: BoundedVec::truncate_from(vec![ApprovalRequirement {
				role: Role::Verifier,
				count: 1,
				from: Approvers::Verifiers,
			}]),
		}]),
		retention: Permill::from_percent(5),
		late_penalty_per_day: Permill::from_parts(1_000),
		conditions,
		verifiers: BoundedVec::truncate_from(vec![4]),
		documents: BoundedVec::new(),
	}
}

#[test]
fn every_party_signs_an_agreement_through_the_runtime() {
	state_of(genesis_config_presets::development()).execute_with(|| {
		sign_tram_agreement();
		let hold =
			RuntimeHoldReason::Agreements(pallet_civitas_agreements::HoldReason::TermsDeposit);
		assert_eq!(Balances::balance_on_hold(&hold, &Alice.to_account_id()), 0);
		assert_eq!(AuditTrail::entries(0).len(), 5);
		invariants_hold();
	});
}

#[test]
fn two_cities_fund_an_agreement_through_a_pool() {
	use pallet_civitas_pools::{HoldReason, Minimum, PoolStatus, Requirement};
	state_of(genesis_config_presets::development()).execute_with(|| {
		sign_tram_agreement();
		// Northbridge must bring at least 40 %; Southport must take part.
		let required = BoundedVec::truncate_from(vec![
			Requirement { organisation: 0, minimum: Minimum::Share(Permill::from_percent(40)) },
			Requirement { organisation: 1, minimum: Minimum::Amount(100 * CIV) },
		]);
		assert_ok!(Pools::open_pool(signed(Alice), 0, 1_000 * CIV, 100, required));
		approve_pool_by_every_party(0);
		let pledged = RuntimeHoldReason::Pools(HoldReason::Pledged);
		let committed = RuntimeHoldReason::Pools(HoldReason::Committed);
		let (northbridge, southport) =
			(Registry::organisation_account(0), Registry::organisation_account(1));
		assert_ok!(Pools::pledge(signed(Alice), 0, 700 * CIV));
		// Held on Northbridge's organisation account, not on Alice's key.
		assert_eq!(Balances::balance_on_hold(&pledged, &northbridge), 700 * CIV);
		assert_eq!(Balances::balance_on_hold(&pledged, &Alice.to_account_id()), 0);
		assert_ok!(Pools::pledge(signed(Bob), 0, 300 * CIV));
		assert!(matches!(
			pallet_civitas_pools::Pools::<Runtime>::get(0).map(|pool| pool.status),
			Some(PoolStatus::Committed { total, funders: 2, .. }) if total == 1_000 * CIV
		));
		for (account, amount) in [(northbridge, 700 * CIV), (southport, 300 * CIV)] {
			assert_eq!(Balances::balance_on_hold(&pledged, &account), 0);
			assert_eq!(Balances::balance_on_hold(&committed, &account), amount);
		}
		for key in [Alice, Bob] {
			assert_eq!(Balances::balance_on_hold(&committed, &key.to_account_id()), 0);
		}
		// The trail: propose, three signatures and activation, then the
		// pool's proposal, every party's approval, two pledges and commitment.
		assert_eq!(AuditTrail::entries(0).len(), 12);
		invariants_hold();
	});
}

#[test]
fn a_milestone_is_paid_on_the_committed_contracts_yes() {
	use civitas_primitives::{Conditions, Document, DocumentType, PaidSoFar};
	use frame_support::assert_noop;
	use pallet_civitas_disbursements::{Invoice, MilestoneStatus, Verdict};
	use pallet_civitas_pools::{HoldReason, Minimum, Requirement};
	state_of(genesis_config_presets::development()).execute_with(|| {
		System::set_block_number(1);
		// Alice, Northbridge's finance officer, deploys the reference contract:
		// 5 % retention at least, Southport carrying at least a quarter.
		let conditions = Conditions {
			agreement: 0,
			max_single_payout: None,
			cumulative_cap: Some(1_000 * CIV),
			min_funder_shares: BoundedVec::truncate_from(vec![civitas_primitives::FunderShare {
				funder: 1,
				min_share: Permill::from_percent(25),
			}]),
			min_public_share: Some(Permill::from_percent(100)),
			retention: Some(Permill::from_percent(5)),
			payout_deadline: None,
			late_penalty_per_day: Some(Permill::from_parts(1_000)),
			required_evidence: BoundedVec::truncate_from(vec![
				DocumentType::CompletionCertificate.code()
			]),
		};
		sign_tram_agreement_under(deploy(&conditions));
		let required = BoundedVec::truncate_from(vec![Requirement {
			organisation: 1,
			minimum: Minimum::Share(Permill::from_percent(30)),
		}]);
		assert_ok!(Pools::open_pool(signed(Alice), 0, 1_000 * CIV, 100, required));
		approve_pool_by_every_party(0);
		assert_ok!(Pools::pledge(signed(Alice), 0, 700 * CIV));
		assert_ok!(Pools::pledge(signed(Bob), 0, 300 * CIV));

		// Tramway Builders (Charlie) submits the completion certificate and
		// its invoice; the independent engineer (Eve) finds it met. The
		// payout goes to the partner's organisation account (organisation 2),
		// not to Charlie's key.
		let charlie = Balances::free_balance(Charlie.to_account_id());
		let partner = pallet_civitas_registry::Pallet::<Runtime>::organisation_account(2);
		let partner_before = Balances::free_balance(&partner);
		let certificate = Document {
			kind: DocumentType::CompletionCertificate,
			sha256: [7; 32],
			uri: BoundedVec::truncate_from(b"https://tramway.example/certificate.pdf".to_vec()),
		};
		assert_ok!(Disbursements::submit_evidence(
			signed(Charlie),
			0,
			0,
			BoundedVec::truncate_from(vec![certificate]),
			BoundedVec::truncate_from(vec![Invoice { sha256: [8; 32], amount: 1_000 * CIV }]),
		));
		let record = pallet_civitas_disbursements::Milestones::<Runtime>::get(0, 0)
			.expect("the evidence is under review");
		assert_ok!(Disbursements::approve(
			signed(Eve),
			0,
			0,
			record.round,
			record.evidence.hash(),
			Verdict::Met,
			H256::repeat_byte(1)
		));
		assert!(matches!(
			pallet_civitas_disbursements::Milestones::<Runtime>::get(0, 0).map(|m| m.status),
			Some(MilestoneStatus::Paid { disbursement: 0, .. })
		));
		// 1 000 CIV gross: 50 retained on the cities' organisation accounts,
		// 950 paid to the partner's; Charlie has his deposit back and
		// nothing more, and no finance officer's key holds any of it.
		assert_eq!(Balances::free_balance(&partner), partner_before + 950 * CIV);
		assert_eq!(Balances::free_balance(Charlie.to_account_id()), charlie);
		let retention = RuntimeHoldReason::Pools(HoldReason::Retention);
		for (id, key, amount) in [(0, Alice, 35 * CIV), (1, Bob, 15 * CIV)] {
			let account = Registry::organisation_account(id);
			assert_eq!(Balances::balance_on_hold(&retention, &account), amount);
			assert_eq!(Balances::balance_on_hold(&retention, &key.to_account_id()), 0);
		}
		assert_eq!(Disbursements::paid(0, 0), 1_000 * CIV);
		// An amendment may not cut the milestone below what was paid.
		let mut cut = Agreements::terms_in_force(0).unwrap();
		cut.milestones[0].amount = 999 * CIV;
		assert_noop!(
			Agreements::propose_amendment(signed(Alice), 0, Box::new(cut), H256::zero()),
			pallet_civitas_agreements::Error::<Runtime>::AmendmentCutsPaidMilestone
		);
		// Pool (7 entries), evidence, verdict, payout after the agreement's 5.
		assert_eq!(AuditTrail::entries(0).len(), 15);
		the_ledger_api_reads_the_paid_agreement();
		invariants_hold();
	});
}

/// The ledger API's views of agreement 0 once its first milestone was paid
/// (by [`a_milestone_is_paid_on_the_committed_contracts_yes`]): each says
/// what storage holds, and a recovery and a dispute show up as opened.
fn the_ledger_api_reads_the_paid_agreement() {
	use civitas_primitives::{
		ledger_api::{runtime_decl_for_ledger_api::LedgerApiV2, QueryError},
		records::disbursement::OcdsMilestoneStatus,
		Stage,
	};
	use pallet_civitas_agreements::AgreementStatus;
	use pallet_civitas_disbursements::{MilestoneStatus, RecoveryStatus};
	use pallet_civitas_pools::PoolStatus;
	// Called as the node calls it, through the runtime's implementation.
	macro_rules! api {
		($method:ident($($arg:expr),*)) => {
			<Runtime as LedgerApiV2<crate::Block, crate::AccountId, crate::Balance, crate::BlockNumber>>::$method($($arg),*)
		};
	}

	let city = api!(organisation(0)).expect("Northbridge");
	assert_eq!(city.account, Registry::organisation_account(0));
	assert_eq!(city.members.len() as u32, city.organisation.members);
	assert_eq!(api!(organisation(99)).err(), Some(QueryError::UnknownOrganisation));

	let agreement = api!(agreement(0)).expect("agreement 0");
	assert!(matches!(agreement.agreement.status, AgreementStatus::Active { version: 0, .. }));
	assert_eq!(agreement.versions.len(), 1);
	let original = &agreement.versions[0];
	assert_eq!(original.number, 0);
	assert_eq!(original.version.terms_hash, original.version.terms.hash());
	assert_eq!(original.version.signatures.len(), agreement.agreement.parties.len());
	assert_eq!(api!(agreement(9)).err(), Some(QueryError::UnknownAgreement));

	assert_eq!(api!(agreements_in(Stage::Active, None, 10)), Ok(vec![0]));
	assert_eq!(api!(agreements_in(Stage::Active, Some(0), 10)), Ok(vec![]));
	assert_eq!(api!(agreements_in(Stage::Draft, None, 10)), Ok(vec![]));
	assert_eq!(
		api!(agreements_in(Stage::Active, None, 101)),
		Err(QueryError::PageTooLarge { max: 100 })
	);

	let funding = api!(funding(0)).expect("funding");
	let (pool, record) = funding.pool.expect("the pool");
	assert_eq!(pool, 0);
	assert!(matches!(record.status, PoolStatus::Committed { total, .. } if total == 1_000 * CIV));
	assert!(funding.pledges.is_empty(), "committed pledges became the escrow");
	let escrow = funding.escrow.expect("the escrow");
	assert_eq!((escrow.committed, escrow.paid), (1_000 * CIV, 950 * CIV));
	assert_eq!(funding.ledger.expect("the ledger").gross, 1_000 * CIV);

	let milestones = api!(milestones(0)).expect("milestones");
	assert_eq!(
		milestones.len(),
		Agreements::terms_in_force(0).unwrap().milestones.len(),
		"one view per milestone of the terms"
	);
	assert_eq!(milestones[0].ocds_status, OcdsMilestoneStatus::Met);
	assert!(matches!(
		milestones[0].review.as_ref().map(|review| &review.status),
		Some(MilestoneStatus::Paid { disbursement: 0, .. })
	));
	assert!(milestones[1..]
		.iter()
		.all(|view| view.ocds_status == OcdsMilestoneStatus::Scheduled && view.review.is_none()));

	let payouts = api!(payouts(0)).expect("payouts");
	assert_eq!(payouts.len(), 1);
	assert_eq!(payouts[0].id, 0);
	assert_eq!((payouts[0].payout.gross, payouts[0].payout.net), (1_000 * CIV, 950 * CIV));
	assert_eq!(payouts[0].payout.parts.len(), 2, "one part per co-funder");

	assert_eq!(api!(recoveries(0, None, 10)).map(|list| list.len()), Ok(0));
	assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, 10 * CIV, H256::zero()));
	let recoveries = api!(recoveries(0, None, 10)).expect("recoveries");
	assert_eq!(recoveries.len(), 1);
	assert_eq!(recoveries[0].recovery.status, RecoveryStatus::Open { outstanding: 10 * CIV });
	assert_eq!(api!(recoveries(0, None, 101)).err(), Some(QueryError::PageTooLarge { max: 100 }));

	assert!(api!(disputes(0)).expect("disputes").open.is_none());
	assert_ok!(Disbursements::raise_dispute(signed(Alice), 0, H256::repeat_byte(9)));
	let disputes = api!(disputes(0)).expect("disputes");
	assert_eq!(disputes.open.map(|dispute| dispute.reason), Some(H256::repeat_byte(9)));
	assert!(disputes.disputed_time.open_since.is_some(), "a city's dispute excuses lateness");
	assert_eq!(api!(disputes(9)).err(), Some(QueryError::UnknownAgreement));
}

#[test]
fn an_amendment_raising_the_value_is_funded_by_a_top_up_and_paid() {
	use civitas_primitives::{Document, DocumentType};
	use frame_support::assert_noop;
	use pallet_civitas_disbursements::{Invoice, MilestoneStatus, Verdict};
	use pallet_civitas_pools::{Error, HoldReason};
	state_of(genesis_config_presets::development()).execute_with(|| {
		sign_tram_agreement();
		assert_ok!(Pools::open_pool(signed(Alice), 0, 1_000 * CIV, 100, BoundedVec::new()));
		approve_pool_by_every_party(0);
		assert_ok!(Pools::pledge(signed(Alice), 0, 700 * CIV));
		assert_ok!(Pools::pledge(signed(Bob), 0, 300 * CIV));
		assert_noop!(
			Pools::open_pool(signed(Alice), 0, CIV, 100, BoundedVec::new()),
			Error::<Runtime>::EscrowCoversValue
		);

		// Every party signs an amendment adding a 500 CIV milestone.
		let mut terms = Agreements::terms_in_force(0).expect("the agreement is active");
		terms.value = 1_500 * CIV;
		let mut extension = terms.milestones[0].clone();
		(extension.amount, extension.due) = (500 * CIV, 800);
		terms.milestones.try_push(extension).expect("room for a second milestone");
		let hash = terms.hash();
		let rationale = H256::repeat_byte(2);
		assert_ok!(Agreements::propose_amendment(signed(Alice), 0, Box::new(terms), rationale));
		for key in [Alice, Charlie, Bob] {
			assert_ok!(Agreements::sign(signed(key), 0, hash));
		}

		// Northbridge proposes a top-up for what the amendment added; every
		// party approves it and Southport pledges all of it.
		assert_noop!(
			Pools::open_pool(signed(Alice), 0, 501 * CIV, 200, BoundedVec::new()),
			Error::<Runtime>::TargetAboveValue
		);
		assert_ok!(Pools::open_pool(signed(Alice), 0, 500 * CIV, 200, BoundedVec::new()));
		approve_pool_by_every_party(1);
		assert_ok!(Pools::pledge(signed(Bob), 1, 500 * CIV));
		let escrow = pallet_civitas_pools::Escrows::<Runtime>::get(0).expect("committed");
		assert_eq!((escrow.pool, escrow.committed), (1, 1_500 * CIV));
		let committed = RuntimeHoldReason::Pools(HoldReason::Committed);
		let (northbridge, southport) =
			(Registry::organisation_account(0), Registry::organisation_account(1));
		assert_eq!(Balances::balance_on_hold(&committed, &northbridge), 700 * CIV);
		assert_eq!(Balances::balance_on_hold(&committed, &southport), 800 * CIV);

		// The new milestone is paid from the topped-up escrow.
		let partner = Registry::organisation_account(2);
		let partner_before = Balances::free_balance(&partner);
		let certificate = Document {
			kind: DocumentType::CompletionCertificate,
			sha256: [9; 32],
			uri: BoundedVec::truncate_from(b"https://tramway.example/extension.pdf".to_vec()),
		};
		assert_ok!(Disbursements::submit_evidence(
			signed(Charlie),
			0,
			1,
			BoundedVec::truncate_from(vec![certificate]),
			BoundedVec::truncate_from(vec![Invoice { sha256: [10; 32], amount: 500 * CIV }]),
		));
		let record = pallet_civitas_disbursements::Milestones::<Runtime>::get(0, 1)
			.expect("the evidence is under review");
		assert_ok!(Disbursements::approve(
			signed(Eve),
			0,
			1,
			record.round,
			record.evidence.hash(),
			Verdict::Met,
			H256::repeat_byte(3)
		));
		assert!(matches!(
			pallet_civitas_disbursements::Milestones::<Runtime>::get(0, 1).map(|m| m.status),
			Some(MilestoneStatus::Paid { .. })
		));
		// 5 % retained on the co-funders' accounts, 475 CIV to the partner.
		assert_eq!(Balances::free_balance(&partner), partner_before + 475 * CIV);
		let held = Balances::balance_on_hold(&committed, &northbridge)
			+ Balances::balance_on_hold(&committed, &southport);
		assert_eq!(held, 1_000 * CIV);
		invariants_hold();
	});
}

#[test]
fn ledger_weights_come_from_benchmarks() {
	use pallet_civitas_agreements::WeightInfo as _;
	use pallet_civitas_disbursements::WeightInfo as _;
	use pallet_civitas_pools::WeightInfo as _;
	use pallet_civitas_registry::WeightInfo as _;
	type PoolWeights = pallet_civitas_pools::weights::SubstrateWeight<Runtime>;
	type AgreementWeights = pallet_civitas_agreements::weights::SubstrateWeight<Runtime>;
	type RegistryWeights = pallet_civitas_registry::weights::SubstrateWeight<Runtime>;
	type PayoutWeights = pallet_civitas_disbursements::weights::SubstrateWeight<Runtime>;
	for weight in [
		AgreementWeights::propose(),
		AgreementWeights::sign(),
		AgreementWeights::withdraw(),
		AgreementWeights::propose_amendment(),
		AgreementWeights::withdraw_amendment(),
		AgreementWeights::suspend(),
		AgreementWeights::resume(),
		AgreementWeights::terminate(),
		AgreementWeights::complete(),
		RegistryWeights::admit(),
		RegistryWeights::update(),
		RegistryWeights::suspend(),
		RegistryWeights::reinstate(),
		RegistryWeights::add_member(),
		RegistryWeights::set_roles(),
		RegistryWeights::remove_member(),
		RegistryWeights::set_spend_threshold(),
		RegistryWeights::propose_spend(),
		RegistryWeights::approve_spend(),
		RegistryWeights::cancel_spend(),
		PoolWeights::open_pool(),
		PoolWeights::approve_pool(),
		PoolWeights::reject_pool(),
		PoolWeights::pledge(),
		PoolWeights::pledge_and_commit(1),
		PoolWeights::withdraw_pledge(),
		PoolWeights::expire(1),
		PayoutWeights::submit_evidence(0),
		PayoutWeights::approve(),
		PayoutWeights::approve_and_pay(1),
		PayoutWeights::disburse(1),
		PayoutWeights::open_recovery(),
		PayoutWeights::repay_recovery(1),
		PayoutWeights::raise_dispute(),
		PayoutWeights::resolve_dispute(),
		PayoutWeights::settle_retention(1),
		PayoutWeights::settle_escrow(1),
	] {
		// Measured time plus database access and a proof size: never free.
		assert!(weight.ref_time() > 1_000_000 && weight.proof_size() > 0, "{weight:?}");
	}
}

#[test]
fn a_pools_worst_calls_fit_in_a_block() {
	use frame_support::dispatch::DispatchClass;
	use pallet_civitas_pools::{WeightInfo as _, MAX_PLEDGERS};
	type PoolWeights = pallet_civitas_pools::weights::SubstrateWeight<Runtime>;
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	let max = limits.get(DispatchClass::Normal).max_extrinsic.expect("a per-extrinsic limit");
	let page = crate::configs::ledger::PoolExpiryPageSize::get();
	// Commitment touches every pledge; expiry one page of them at most.
	for weight in [PoolWeights::pledge_and_commit(MAX_PLEDGERS), PoolWeights::expire(page)] {
		assert!(weight.all_lt(max), "{weight:?} exceeds {max:?}");
	}
	// Expiry grows with the page, not with the pool.
	assert!(PoolWeights::expire(page).ref_time() > PoolWeights::expire(1).ref_time());
}

#[test]
fn a_payouts_worst_calls_fit_in_a_block() {
	use civitas_primitives::escrow::MAX_ESCROW_ACCOUNTS;
	use frame_support::dispatch::DispatchClass;
	use pallet_civitas_disbursements::{WeightInfo as _, MAX_INVOICES};
	type PayoutWeights = pallet_civitas_disbursements::weights::SubstrateWeight<Runtime>;
	type Payouts = pallet_civitas_disbursements::Pallet<Runtime>;
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	let max = limits.get(DispatchClass::Normal).max_extrinsic.expect("a per-extrinsic limit");
	// Calls that may pay are charged the contract's limit on top.
	for weight in [
		Payouts::weight_of_payout(PayoutWeights::approve_and_pay(MAX_ESCROW_ACCOUNTS)),
		Payouts::weight_of_payout(PayoutWeights::disburse(MAX_ESCROW_ACCOUNTS)),
		PayoutWeights::submit_evidence(MAX_INVOICES),
		PayoutWeights::repay_recovery(MAX_ESCROW_ACCOUNTS),
		PayoutWeights::settle_retention(MAX_ESCROW_ACCOUNTS),
		PayoutWeights::settle_escrow(MAX_ESCROW_ACCOUNTS),
	] {
		assert!(weight.all_lt(max), "{weight:?} exceeds {max:?}");
	}
}

/// docs/security.md, finding 3: what filling one agreement's audit trail
/// (`MaxTrailEntries`, 100 000) costs with the cheapest calls that add an
/// entry and that one party can repeat alone, at the lowest fee multiplier
/// and each call's measured weight (its benchmark, without refunds below
/// it). Run with `--nocapture` to see the figures the doc quotes.
#[test]
fn filling_a_trail_costs_real_money() {
	use crate::{
		configs::{ledger::MaxTrailEntries, monetary::MinimumMultiplier},
		RuntimeCall, TransactionPayment,
	};
	use frame_support::dispatch::{GetDispatchInfo, PostDispatchInfo};
	use pallet_civitas_agreements::WeightInfo as _;
	use pallet_civitas_pools::WeightInfo as _;
	type AgreementWeights = pallet_civitas_agreements::weights::SubstrateWeight<Runtime>;
	type PoolWeights = pallet_civitas_pools::weights::SubstrateWeight<Runtime>;
	state_of(genesis_config_presets::development()).execute_with(|| {
		pallet_transaction_payment::NextFeeMultiplier::<Runtime>::put(MinimumMultiplier::get());
		// The fee of `call` (about `len` bytes signed) charged for `weight`.
		let fee = |call: RuntimeCall, len: u32, weight| {
			let info = call.get_dispatch_info();
			let post = PostDispatchInfo { actual_weight: Some(weight), pays_fee: info.pays_fee };
			TransactionPayment::compute_actual_fee(len, &info, &post, 0)
		};
		let entries = crate::Balance::from(MaxTrailEntries::get());

		// A co-funder's finance officer tops up its pledge: one entry, and
		// at least the minimum pledge more held for the pool each time.
		let top_up =
			RuntimeCall::Pools(pallet_civitas_pools::Call::pledge { pool: 0, amount: CIV });
		let pledge_fee = fee(top_up, 150, PoolWeights::pledge());
		let pledging = entries * pledge_fee;
		let locked = entries * crate::configs::ledger::MinimumPledge::get();

		// A party's signatory proposes an amendment and withdraws it: two
		// entries per cycle, the deposit returned each time.
		let terms = Box::new(tram_terms(ConditionsContract {
			address: Default::default(),
			code_hash: H256::zero(),
		}));
		let propose = RuntimeCall::Agreements(pallet_civitas_agreements::Call::propose_amendment {
			agreement: 0,
			terms,
			rationale: H256::zero(),
		});
		let withdraw =
			RuntimeCall::Agreements(pallet_civitas_agreements::Call::withdraw_amendment {
				agreement: 0,
			});
		let cycle = fee(propose, 400, AgreementWeights::propose_amendment())
			+ fee(withdraw, 120, AgreementWeights::withdraw_amendment());
		let amending = entries / 2 * cycle;

		println!(
			"100 000 trail entries: pledge top-ups {} CIV in fees ({} mCIV each) and {} CIV held; \
			 amendment cycles {} CIV in fees ({} mCIV a cycle of two entries)",
			pledging / CIV,
			pledge_fee / crate::MILLI_CIV,
			locked / CIV,
			amending / CIV,
			cycle / crate::MILLI_CIV,
		);
		assert!(pledging.min(amending) >= 100 * CIV, "filling a trail must cost at least 100 CIV");
		assert!(locked >= 100_000 * CIV);
	});
}

/// The ledger API (`LedgerApi`) as the node's RPC calls it: an
/// organisation's members, its agreements page by page, and a page of a
/// trail that checks against the trail's head; bad input answers an error.
#[test]
fn the_ledger_api_answers_from_the_indices_and_the_trail() {
	use civitas_primitives::ledger_api::{
		runtime_decl_for_ledger_api::LedgerApiV2, QueryError, MAX_PAGE,
	};
	type Api = Runtime;
	type Block = crate::Block;
	type AccountId = crate::AccountId;
	type Balance = crate::Balance;
	type BlockNumber = crate::BlockNumber;
	state_of(genesis_config_presets::development()).execute_with(|| {
		sign_tram_agreement();

		let members = <Api as LedgerApiV2<Block, AccountId, Balance, BlockNumber>>::members(0)
			.expect("Northbridge");
		let accounts: Vec<_> = members.iter().map(|(who, _)| who.clone()).collect();
		assert!(accounts.contains(&Alice.to_account_id()));
		assert!(accounts.contains(&AliceStash.to_account_id()));
		assert!(members
			.iter()
			.all(|(who, roles)| Registry::organisation_of(who) == Some(0) && !roles.is_empty()));
		assert_eq!(
			<Api as LedgerApiV2<Block, AccountId, Balance, BlockNumber>>::members(99),
			Err(QueryError::UnknownOrganisation)
		);

		let of = |organisation, after, limit| {
			<Api as LedgerApiV2<Block, AccountId, Balance, BlockNumber>>::agreements_of(
				organisation,
				after,
				limit,
			)
		};
		assert_eq!(of(2, None, 10), Ok(vec![(0, PartyRole::PrivateParty)]));
		assert_eq!(of(2, Some(0), 10), Ok(vec![]));
		assert_eq!(of(4, None, 10), Ok(vec![]), "the engineers are no party");
		assert_eq!(of(99, None, 10), Err(QueryError::UnknownOrganisation));
		assert_eq!(of(2, None, MAX_PAGE + 1), Err(QueryError::PageTooLarge { max: MAX_PAGE }));

		let trail = |agreement, from, limit| {
			<Api as LedgerApiV2<Block, AccountId, Balance, BlockNumber>>::audit_trail(
				agreement, from, limit,
			)
		};
		let whole = trail(0, 0, MAX_PAGE).expect("agreement 0 has a trail");
		assert_eq!((whole.len, whole.from), (5, 0));
		assert_eq!(whole.items, AuditTrail::entries(0));
		assert_eq!(
			civitas_primitives::audit::recompute_head(0, whole.items.iter()),
			whole.head,
			"the entries hash to the head"
		);
		let tail = trail(0, 3, 10).expect("a later page");
		assert_eq!((tail.from, tail.items.len()), (3, 2));
		assert_eq!(tail.items[..], whole.items[3..]);
		assert!(trail(0, 9, 10).expect("past the end").items.is_empty());
		assert_eq!(trail(7, 0, 10), Err(QueryError::UnknownAgreement));
		assert_eq!(trail(0, 0, MAX_PAGE + 1), Err(QueryError::PageTooLarge { max: MAX_PAGE }));
	});
}
