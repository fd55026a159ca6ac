//! Unit tests of the agreements pallet: every call's success, each of its
//! errors (with state unchanged) and its origin checks, and whole lifecycles.
//! Every test ends by checking the invariants of agreements, registry and
//! audit trail.

use civitas_primitives::{
	audit::AuditAction, ApprovalRequirement, Approvers, ConditionsContract, Document, DocumentType,
	Milestone, MilestoneType, Party, PartyRole, Period, Role, Roles, Terms,
};
use civitas_primitives::{FundingConditions, Stage};
use codec::Encode;
use frame_support::weights::Weight;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_core::{H160, H256};
use sp_runtime::{DispatchError, Permill, TokenError};

use crate::{
	mock::*, AgreementStatus, Agreements as AgreementRecords, Consents, Decider, Error, Event,
	HoldReason, LifecycleAction, TermsOf, VersionState, Versions,
};

const DAY: u64 = 86_400_000;

/// Runs `test` on the mock genesis, then checks every pallet's invariants.
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Agreements::do_try_state().expect("agreement invariants hold");
		Registry::do_try_state().expect("registry invariants hold");
		AuditTrail::do_try_state().expect("audit trail verifies");
	});
}

fn parties() -> crate::Parties {
	BoundedVec::try_from(vec![
		Party { organisation: CITY_A, role: PartyRole::PublicAuthority },
		Party { organisation: PARTNER, role: PartyRole::PrivateParty },
		Party { organisation: FUNDER, role: PartyRole::Funder },
	])
	.unwrap()
}

fn parties_with(list: &[(u32, PartyRole)]) -> crate::Parties {
	BoundedVec::try_from(
		list.iter()
			.map(|(organisation, role)| Party { organisation: *organisation, role: *role })
			.collect::<Vec<_>>(),
	)
	.unwrap()
}

fn rule(entries: &[(Role, u8)]) -> civitas_primitives::terms::ApprovalRule {
	scoped_rule(
		&entries
			.iter()
			.map(|(role, count)| (*role, *count, Approvers::AnyParty))
			.collect::<Vec<_>>(),
	)
}

fn scoped_rule(entries: &[(Role, u8, Approvers)]) -> civitas_primitives::terms::ApprovalRule {
	BoundedVec::try_from(
		entries
			.iter()
			.map(|(role, count, from)| ApprovalRequirement {
				role: *role,
				count: *count,
				from: *from,
			})
			.collect::<Vec<_>>(),
	)
	.unwrap()
}

fn milestone(amount: u64, due_day: u64) -> Milestone<u64> {
	Milestone {
		amount,
		due: due_day * DAY,
		kind: MilestoneType::Delivery,
		approval: rule(&[(Role::Verifier, 1), (Role::Signatory, 1)]),
	}
}

fn document(byte: u8) -> Document {
	Document {
		kind: DocumentType::ContractSigned,
		sha256: [byte; 32],
		uri: BoundedVec::try_from(b"https://city-a.example/tram-3.pdf".to_vec()).unwrap(),
	}
}

/// Valid terms of agreement 0 (see [`terms_for`]).
fn terms() -> TermsOf<Test> {
	terms_for(0)
}

/// Valid terms for `agreement`: two milestones worth 900 of a 1 000 value
/// over 365 days, naming the contract deployed for it.
fn terms_for(agreement: u32) -> TermsOf<Test> {
	Terms {
		title: BoundedVec::try_from(b"Tram line 3".to_vec()).unwrap(),
		value: 1_000,
		period: Period { start: 0, end: 365 * DAY },
		milestones: BoundedVec::try_from(vec![milestone(400, 100), milestone(500, 200)]).unwrap(),
		retention: Permill::from_percent(5),
		late_penalty_per_day: Permill::from_parts(1_000),
		conditions: ConditionsContract { address: contract_of(agreement), code_hash: CODE_HASH },
		verifiers: BoundedVec::try_from(vec![VERIFIER]).unwrap(),
		documents: BoundedVec::try_from(vec![document(1)]).unwrap(),
	}
}

/// The default terms changed by `change`.
fn terms_with(change: impl FnOnce(&mut TermsOf<Test>)) -> Box<TermsOf<Test>> {
	let mut terms = terms();
	change(&mut terms);
	Box::new(terms)
}

fn deposit_of(terms: &TermsOf<Test>) -> u64 {
	DepositBase::get() + DepositPerByte::get() * terms.encoded_size() as u64
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::TermsDeposit.into(), &who)
}

/// Alice proposes the default agreement; returns its id and terms hash.
fn propose() -> (u32, H256) {
	let id = crate::NextAgreementId::<Test>::get();
	assert_ok!(Agreements::propose(
		RuntimeOrigin::signed(ALICE),
		parties(),
		Box::new(terms_for(id))
	));
	(id, terms_for(id).hash())
}

/// Every party signs `hash` on `agreement`.
fn sign_all(agreement: u32, hash: H256) {
	for signer in [ALICE, CHARLIE, DAVE] {
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(signer), agreement, hash));
	}
}

/// An active agreement; returns its id.
fn active() -> u32 {
	let (id, hash) = propose();
	sign_all(id, hash);
	id
}

fn status(agreement: u32) -> AgreementStatus<u64> {
	AgreementRecords::<Test>::get(agreement).unwrap().status
}

fn trail_actions(agreement: u32) -> Vec<AuditAction> {
	AuditTrail::entries(agreement).into_iter().map(|entry| entry.action).collect()
}

// ---------------------------------------------------------------- propose

#[test]
fn a_public_authority_signatory_proposes_a_draft() {
	run(|| {
		let (id, hash) = propose();
		assert_eq!(id, 0);
		let deposit = deposit_of(&terms());
		System::assert_last_event(
			Event::Proposed {
				agreement: 0,
				proposer: ALICE,
				organisation: CITY_A,
				parties: parties(),
				title: terms().title,
				value: 1_000,
				terms_hash: hash,
				deposit,
			}
			.into(),
		);
		let record = AgreementRecords::<Test>::get(0).unwrap();
		assert_eq!(record.status, AgreementStatus::Draft);
		assert_eq!((record.proposer, record.proposer_organisation), (ALICE, CITY_A));
		let version = Versions::<Test>::get(0, 0).unwrap();
		assert_eq!(version.terms, terms());
		assert_eq!(version.terms_hash, hash);
		// The hash is BLAKE2-256 of the SCALE-encoded terms, as documented.
		assert_eq!(hash, H256(sp_io::hashing::blake2_256(&terms().encode())));
		assert_eq!(version.state, VersionState::Proposed { deposit });
		assert_eq!(held(ALICE), deposit);
		assert_eq!(AuditTrail::entries(0)[0].data, hash);
		assert_eq!(trail_actions(0), vec![AuditAction::AgreementProposed]);
		assert_eq!(crate::NextAgreementId::<Test>::get(), 1);
	});
}

#[test]
fn propose_checks_the_origin_and_the_proposer() {
	run(|| {
		let propose_as = |origin| Agreements::propose(origin, parties(), Box::new(terms()));
		assert_noop!(propose_as(RuntimeOrigin::none()), DispatchError::BadOrigin);
		assert_noop!(propose_as(RuntimeOrigin::root()), DispatchError::BadOrigin);
		assert_noop!(propose_as(RuntimeOrigin::signed(OUTSIDER)), Error::<Test>::NotPartySignatory);
		// A member, but not a signatory.
		assert_noop!(propose_as(RuntimeOrigin::signed(ANNA)), Error::<Test>::NotPartySignatory);
		// A signatory of a party that is not a public authority.
		assert_noop!(
			propose_as(RuntimeOrigin::signed(CHARLIE)),
			Error::<Test>::NotPublicAuthoritySignatory
		);
		// A city's signatory, but that city is not among the parties.
		assert_noop!(
			propose_as(RuntimeOrigin::signed(BOB)),
			Error::<Test>::NotPublicAuthoritySignatory
		);
		// A city taking part as a funder only cannot propose.
		assert_noop!(
			Agreements::propose(
				RuntimeOrigin::signed(ALICE),
				parties_with(&[
					(CITY_A, PartyRole::Funder),
					(CITY_B, PartyRole::PublicAuthority),
					(PARTNER, PartyRole::PrivateParty)
				]),
				Box::new(terms())
			),
			Error::<Test>::NotPublicAuthoritySignatory
		);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), CITY_A));
		assert_noop!(
			propose_as(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::OrganisationSuspended
		);
	});
}

#[test]
fn propose_refuses_bad_parties_and_changes_nothing() {
	run(|| {
		let propose_between = |list: &[(u32, PartyRole)]| {
			Agreements::propose(RuntimeOrigin::signed(ALICE), parties_with(list), Box::new(terms()))
		};
		use PartyRole::*;
		assert_noop!(
			propose_between(&[
				(CITY_A, PublicAuthority),
				(PARTNER, PrivateParty),
				(PARTNER, Funder)
			]),
			Error::<Test>::DuplicateParty
		);
		assert_noop!(
			propose_between(&[(CITY_A, PublicAuthority), (PARTNER, PrivateParty), (42, Funder)]),
			Error::<Test>::UnknownOrganisation
		);
		assert_noop!(
			propose_between(&[(CITY_A, PublicAuthority), (FUNDER, PrivateParty)]),
			Error::<Test>::RoleNotAllowed
		);
		assert_noop!(
			propose_between(&[
				(CITY_A, PublicAuthority),
				(PARTNER, PrivateParty),
				(VERIFIER, Funder)
			]),
			Error::<Test>::RoleNotAllowed
		);
		assert_noop!(
			propose_between(&[(CITY_A, PublicAuthority), (PARTNER, PublicAuthority)]),
			Error::<Test>::RoleNotAllowed
		);
		assert_noop!(
			propose_between(&[(CITY_A, PublicAuthority), (FUNDER, Funder)]),
			Error::<Test>::NoPrivateParty
		);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), PARTNER));
		assert_noop!(
			propose_between(&[(CITY_A, PublicAuthority), (PARTNER, PrivateParty)]),
			Error::<Test>::PartySuspended
		);
		// A city may co-fund another city's agreement.
		assert_ok!(propose_between(&[
			(CITY_A, PublicAuthority),
			(PARTNER_B, PrivateParty),
			(CITY_B, Funder)
		]));
	});
}

#[test]
fn propose_refuses_bad_terms_and_changes_nothing() {
	run(|| {
		let propose_terms = |terms: Box<TermsOf<Test>>| {
			Agreements::propose(RuntimeOrigin::signed(ALICE), parties(), terms)
		};
		let cases: Vec<(Box<TermsOf<Test>>, Error<Test>)> = vec![
			(terms_with(|t| t.title = BoundedVec::new()), Error::<Test>::EmptyTitle),
			(terms_with(|t| t.value = 0), Error::<Test>::ZeroValue),
			(
				terms_with(|t| t.period = Period { start: 10 * DAY, end: 9 * DAY }),
				Error::<Test>::InvalidPeriod,
			),
			(terms_with(|t| t.milestones = BoundedVec::new()), Error::<Test>::NoMilestones),
			(terms_with(|t| t.milestones[0].amount = 0), Error::<Test>::ZeroMilestoneAmount),
			(terms_with(|t| t.milestones[1].amount = 601), Error::<Test>::MilestonesExceedValue),
			(
				terms_with(|t| {
					t.value = u64::MAX;
					t.milestones[0].amount = u64::MAX;
				}),
				Error::<Test>::MilestonesExceedValue,
			),
			(
				terms_with(|t| t.period = Period { start: 150 * DAY, end: 365 * DAY }),
				Error::<Test>::DueDateOutsidePeriod,
			),
			(terms_with(|t| t.milestones[1].due = 366 * DAY), Error::<Test>::DueDateOutsidePeriod),
			(
				terms_with(|t| t.milestones[0].approval = BoundedVec::new()),
				Error::<Test>::EmptyApprovalRule,
			),
			(
				terms_with(|t| t.milestones[0].approval = rule(&[(Role::Verifier, 0)])),
				Error::<Test>::ZeroApprovalCount,
			),
			(
				terms_with(|t| {
					t.milestones[0].approval = rule(&[(Role::Verifier, 1), (Role::Verifier, 2)])
				}),
				Error::<Test>::DuplicateApprovalRole,
			),
			(
				terms_with(|t| {
					t.milestones[0].approval = scoped_rule(&[
						(Role::Verifier, 1, Approvers::Verifiers),
						(Role::Verifier, 1, Approvers::Verifiers),
					])
				}),
				Error::<Test>::DuplicateApprovalRole,
			),
			(
				terms_with(|t| {
					t.milestones[0].approval = rule(&[(Role::Verifier, 9), (Role::Signatory, 8)])
				}),
				Error::<Test>::TooManyApprovers,
			),
			// Approvers the agreement does not have, or the payee itself.
			(
				terms_with(|t| {
					t.milestones[0].approval =
						scoped_rule(&[(Role::Verifier, 1, Approvers::Organisation(AUDITOR))])
				}),
				Error::<Test>::ApproversNotInAgreement,
			),
			(
				terms_with(|t| {
					t.verifiers = BoundedVec::new();
					t.milestones[0].approval =
						scoped_rule(&[(Role::Verifier, 1, Approvers::Verifiers)])
				}),
				Error::<Test>::ApproversNotInAgreement,
			),
			(
				terms_with(|t| {
					t.milestones[0].approval = scoped_rule(&[(
						Role::Signatory,
						1,
						Approvers::Parties(PartyRole::PrivateParty),
					)])
				}),
				Error::<Test>::PayeeCannotApprove,
			),
			(
				terms_with(|t| {
					t.milestones[0].approval =
						scoped_rule(&[(Role::Signatory, 1, Approvers::Organisation(PARTNER))])
				}),
				Error::<Test>::PayeeCannotApprove,
			),
			(
				terms_with(|t| t.verifiers = BoundedVec::try_from(vec![PARTNER]).unwrap()),
				Error::<Test>::NotAVerifier,
			),
			(
				terms_with(|t| t.verifiers = BoundedVec::try_from(vec![77]).unwrap()),
				Error::<Test>::UnknownOrganisation,
			),
			(
				terms_with(|t| {
					t.verifiers = BoundedVec::try_from(vec![VERIFIER, VERIFIER]).unwrap()
				}),
				Error::<Test>::DuplicateVerifier,
			),
			(
				terms_with(|t| {
					t.documents = BoundedVec::try_from(vec![document(1), document(1)]).unwrap()
				}),
				Error::<Test>::DuplicateDocument,
			),
			(terms_with(|t| t.documents[0].uri = BoundedVec::new()), Error::<Test>::EmptyUri),
		];
		for (terms, error) in cases {
			assert_noop!(propose_terms(terms), error);
		}
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), VERIFIER));
		assert_noop!(propose_terms(Box::new(terms())), Error::<Test>::PartySuspended);
		assert_ok!(Registry::reinstate(RuntimeOrigin::root(), VERIFIER));

		// Boundaries that are allowed: milestones summing to the value, due on
		// the first and the last day, an auditor as verifier, no documents,
		// one role from several approvers, every kind of approvers named.
		assert_ok!(propose_terms(terms_with(|t| {
			t.milestones[1].approval = scoped_rule(&[
				(Role::Verifier, 1, Approvers::Organisation(AUDITOR)),
				(Role::Verifier, 1, Approvers::Verifiers),
				(Role::Signatory, 1, Approvers::Organisation(FUNDER)),
				(Role::Signatory, 1, Approvers::Parties(PartyRole::PublicAuthority)),
				(Role::Signatory, 1, Approvers::AnyParty),
			]);
			t.milestones[0].amount = 500;
			t.milestones[0].due = 0;
			t.milestones[1].due = 365 * DAY;
			t.verifiers = BoundedVec::try_from(vec![AUDITOR]).unwrap();
			t.documents = BoundedVec::new();
		})));
	});
}

/// Finding 10 (docs/security.md): an agreement could become active naming
/// a funding-conditions contract that does not exist, runs other code than
/// the terms name, or holds another agreement's conditions; every payout
/// then failed for good and the escrow could only be refunded. `propose`
/// and `propose_amendment` read the contract's conditions first and refuse
/// all three, changing nothing.
#[test]
fn attack_terms_cannot_name_a_dead_or_foreign_contract() {
	run(|| {
		let naming = |address, code_hash| {
			terms_with(|t| t.conditions = ConditionsContract { address, code_hash })
		};
		let propose_naming = |address, code_hash| {
			Agreements::propose(RuntimeOrigin::signed(ALICE), parties(), naming(address, code_hash))
		};
		assert_noop!(
			propose_naming(H160::repeat_byte(0x42), CODE_HASH),
			Error::<Test>::NoConditionsContract
		);
		assert_noop!(
			propose_naming(contract_of(0), H256::repeat_byte(0x11)),
			Error::<Test>::ConditionsCodeMismatch
		);
		// Agreement 0 is next; the contract deployed for agreement 1 is not its.
		assert_noop!(
			propose_naming(contract_of(1), CODE_HASH),
			Error::<Test>::ConditionsOfAnotherAgreement
		);

		// An amendment of an active agreement is held to the same.
		let id = active();
		let amend_naming = |address, code_hash| {
			Agreements::propose_amendment(
				RuntimeOrigin::signed(CHARLIE),
				id,
				naming(address, code_hash),
				H256::zero(),
			)
		};
		assert_noop!(
			amend_naming(H160::repeat_byte(0x42), CODE_HASH),
			Error::<Test>::NoConditionsContract
		);
		assert_noop!(
			amend_naming(contract_of(id), H256::repeat_byte(0x11)),
			Error::<Test>::ConditionsCodeMismatch
		);
		assert_noop!(
			amend_naming(contract_of(id + 1), CODE_HASH),
			Error::<Test>::ConditionsOfAnotherAgreement
		);
		// A new contract instantiated for this agreement is accepted.
		let replacement = H160::repeat_byte(0x77);
		MockConditions::deploy(replacement, H256::repeat_byte(0x84), id);
		assert_ok!(amend_naming(replacement, H256::repeat_byte(0x84)));
	});
}

/// Contracts under governance (issue 20): terms may name only a contract
/// whose code governance approved. A contract running unapproved code,
/// even one holding the right agreement's conditions, is refused before it
/// is called, in a draft and in an amendment, and nothing changes; an
/// agreement already bound to revoked code keeps working.
#[test]
fn attack_terms_cannot_name_a_contract_running_unapproved_code() {
	run(|| {
		let id = active();
		let unreviewed = H256::repeat_byte(0x66);
		MockApprovedCode::revoke(unreviewed);
		let next = crate::NextAgreementId::<Test>::get();
		MockConditions::deploy(H160::repeat_byte(0x65), unreviewed, next);
		let terms = terms_with(|t| {
			t.conditions =
				ConditionsContract { address: H160::repeat_byte(0x65), code_hash: unreviewed }
		});
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(ALICE), parties(), terms),
			Error::<Test>::ConditionsCodeNotApproved
		);

		MockConditions::deploy(H160::repeat_byte(0x66), unreviewed, id);
		let amended = terms_with(|t| {
			t.conditions =
				ConditionsContract { address: H160::repeat_byte(0x66), code_hash: unreviewed }
		});
		assert_noop!(
			Agreements::propose_amendment(
				RuntimeOrigin::signed(CHARLIE),
				id,
				amended,
				H256::zero()
			),
			Error::<Test>::ConditionsCodeNotApproved
		);

		// Revoking the code an active agreement runs leaves it active and
		// amendable to approved code.
		MockApprovedCode::revoke(CODE_HASH);
		assert!(<Agreements as civitas_primitives::Agreements>::is_active(id));
		let replacement = H160::repeat_byte(0x78);
		MockConditions::deploy(replacement, H256::repeat_byte(0x85), id);
		let moved = terms_with(|t| {
			t.conditions =
				ConditionsContract { address: replacement, code_hash: H256::repeat_byte(0x85) }
		});
		assert_ok!(Agreements::propose_amendment(
			RuntimeOrigin::signed(CHARLIE),
			id,
			moved,
			H256::zero()
		));
	});
}

/// Finding 6 (a pending amendment held hostage): only one amendment may
/// await signatures, and only its proposer could withdraw it, so a party
/// that proposed one and never signed blocked every other amendment for
/// good. An amendment now expires after `AmendmentLifetime`: it can no
/// longer be signed, and any party may propose another in its place (the
/// expired one lapses, its deposit back to its proposer).
#[test]
fn attack_a_pending_amendment_cannot_block_the_others_for_good() {
	run(|| {
		let id = active();
		charlie_amends(id);
		let mut other = amended_terms(id);
		other.value = 1_100;
		let propose_other = || {
			Agreements::propose_amendment(
				RuntimeOrigin::signed(ALICE),
				id,
				Box::new(other.clone()),
				H256::repeat_byte(1),
			)
		};
		assert_noop!(propose_other(), Error::<Test>::AmendmentPending);
		System::set_block_number(System::block_number() + AmendmentLifetime::get());
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(ALICE), id, amended_terms(id).hash()),
			Error::<Test>::AmendmentExpired
		);
		let charlie = Balances::free_balance(CHARLIE);
		assert_ok!(propose_other());
		assert_eq!(held(CHARLIE), 0);
		assert_eq!(Balances::free_balance(CHARLIE), charlie + deposit_of(&amended_terms(id)));
		let pending = Versions::<Test>::get(id, 1).expect("the new amendment is pending");
		assert_eq!(pending.terms_hash, other.hash());
		sign_all(id, other.hash());
		assert_eq!(Agreements::terms_in_force(id), Some(other));
	});
}

#[test]
fn a_contract_that_gives_no_answer_is_refused() {
	run(|| {
		ConditionsWeightLimit::set(READ_WEIGHT.saturating_sub(Weight::from_parts(1, 0)));
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(ALICE), parties(), Box::new(terms())),
			Error::<Test>::ConditionsUnreadable
		);
	});
}

#[test]
fn propose_is_charged_for_the_contract_read_it_made() {
	use crate::WeightInfo;
	run(|| {
		let call = RuntimeCall::Agreements(crate::Call::propose {
			parties: parties(),
			terms: Box::new(terms()),
		});
		let declared =
			frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call).call_weight;
		assert_eq!(
			declared,
			<() as WeightInfo>::propose()
				.saturating_add(MockConditions::lookup_weight())
				.saturating_add(ConditionsWeightLimit::get())
		);
		let post = Agreements::propose(RuntimeOrigin::signed(ALICE), parties(), Box::new(terms()))
			.expect("the proposal is made");
		assert_eq!(
			post.actual_weight,
			Some(
				<() as WeightInfo>::propose()
					.saturating_add(MockConditions::lookup_weight())
					.saturating_add(READ_WEIGHT)
			)
		);
	});
}

#[test]
fn propose_needs_funds_for_the_deposit() {
	run(|| {
		let poor = 12;
		assert_ok!(Registry::add_member(
			RuntimeOrigin::root(),
			CITY_A,
			poor,
			Roles::of(&[Role::Signatory])
		));
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(poor), parties(), Box::new(terms())),
			TokenError::FundsUnavailable
		);
	});
}

// ------------------------------------------------------------------- sign

#[test]
fn signatures_bind_to_the_hash_and_the_last_one_activates() {
	run(|| {
		let (id, hash) = propose();
		let balance_before = Balances::free_balance(ALICE);
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(CHARLIE), id, hash));
		System::assert_last_event(
			Event::Signed {
				agreement: id,
				version: 0,
				organisation: PARTNER,
				signer: CHARLIE,
				terms_hash: hash,
				remaining: 2,
			}
			.into(),
		);
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(ALICE), id, hash));
		assert_eq!(status(id), AgreementStatus::Draft);
		System::set_block_number(4);
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(DAVE), id, hash));
		System::assert_has_event(
			Event::Signed {
				agreement: id,
				version: 0,
				organisation: FUNDER,
				signer: DAVE,
				terms_hash: hash,
				remaining: 0,
			}
			.into(),
		);
		System::assert_last_event(Event::Activated { agreement: id, terms_hash: hash }.into());
		assert_eq!(status(id), AgreementStatus::Active { since: 4, version: 0, amendment: None });
		let version = Versions::<Test>::get(id, 0).unwrap();
		assert_eq!(version.state, VersionState::InForce { since: 4 });
		let signers: Vec<_> =
			version.signatures.iter().map(|s| (s.organisation, s.signer)).collect();
		assert_eq!(signers, vec![(PARTNER, CHARLIE), (CITY_A, ALICE), (FUNDER, DAVE)]);
		// The deposit went back to the proposer.
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), balance_before + deposit_of(&terms()));
		assert_eq!(
			trail_actions(id),
			vec![
				AuditAction::AgreementProposed,
				AuditAction::AgreementSigned,
				AuditAction::AgreementSigned,
				AuditAction::AgreementSigned,
				AuditAction::AgreementActivated,
			]
		);
		assert_eq!(Agreements::terms_in_force(id), Some(terms()));
	});
}

#[test]
fn sign_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let (id, hash) = propose();
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(CHARLIE), id, hash));
		assert_noop!(Agreements::sign(RuntimeOrigin::none(), id, hash), DispatchError::BadOrigin);
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(ALICE), 9, hash),
			Error::<Test>::UnknownAgreement
		);
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(BOB), id, hash),
			Error::<Test>::NotPartySignatory
		);
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(ANNA), id, hash),
			Error::<Test>::NotPartySignatory
		);
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(OUTSIDER), id, hash),
			Error::<Test>::NotPartySignatory
		);
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(ALICE), id, H256::repeat_byte(7)),
			Error::<Test>::TermsHashMismatch
		);
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(CHARLIE), id, hash),
			Error::<Test>::AlreadySigned
		);
		// A second signatory of the same party cannot sign for it again.
		assert_ok!(Registry::add_member(
			RuntimeOrigin::signed(CHARLIE),
			PARTNER,
			31,
			Roles::of(&[Role::Signatory])
		));
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(31), id, hash),
			Error::<Test>::AlreadySigned
		);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), FUNDER));
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(DAVE), id, hash),
			Error::<Test>::OrganisationSuspended
		);
		assert_ok!(Registry::reinstate(RuntimeOrigin::root(), FUNDER));
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(ALICE), id, hash));
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(DAVE), id, hash));
		// Active, no amendment pending: nothing to sign.
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(DAVE), id, hash),
			Error::<Test>::NothingToSign
		);
	});
}

// --------------------------------------------------------------- withdraw

#[test]
fn the_proposer_withdraws_a_draft_and_gets_the_deposit_back() {
	run(|| {
		let (id, hash) = propose();
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(CHARLIE), id, hash));
		assert_ok!(Agreements::withdraw(RuntimeOrigin::signed(ALICE), id));
		System::assert_last_event(
			Event::Withdrawn {
				agreement: id,
				proposer: ALICE,
				deposit_released: deposit_of(&terms()),
			}
			.into(),
		);
		assert!(AgreementRecords::<Test>::get(id).is_none());
		assert!(Versions::<Test>::get(id, 0).is_none());
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), ENDOWMENT);
		// The trail keeps what happened; the id is not reused.
		assert_eq!(
			trail_actions(id),
			vec![
				AuditAction::AgreementProposed,
				AuditAction::AgreementSigned,
				AuditAction::AgreementWithdrawn
			]
		);
		assert_eq!(propose().0, id + 1);
	});
}

#[test]
fn withdraw_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let (id, _) = propose();
		assert_noop!(Agreements::withdraw(RuntimeOrigin::none(), id), DispatchError::BadOrigin);
		assert_noop!(
			Agreements::withdraw(RuntimeOrigin::signed(ALICE), 5),
			Error::<Test>::UnknownAgreement
		);
		assert_noop!(
			Agreements::withdraw(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NotProposer
		);
		let id = active();
		assert_noop!(
			Agreements::withdraw(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotDraft
		);
	});
}

// ------------------------------------------------------------- amendments

/// The partner's signatory (Charlie) proposes [`amended_terms`] for `agreement`.
fn charlie_amends(agreement: u32) {
	assert_ok!(Agreements::propose_amendment(
		RuntimeOrigin::signed(CHARLIE),
		agreement,
		Box::new(amended_terms(agreement)),
		H256::zero()
	));
}

/// Amended terms for `agreement`: a higher value, a larger last milestone
/// and a second document.
fn amended_terms(agreement: u32) -> TermsOf<Test> {
	*terms_with(|t| {
		t.conditions.address = contract_of(agreement);
		t.value = 1_200;
		t.milestones[1].amount = 700;
		t.documents = BoundedVec::try_from(vec![document(1), document(2)]).unwrap();
	})
}

#[test]
fn any_party_proposes_an_amendment() {
	run(|| {
		let id = active();
		let rationale = H256::repeat_byte(0xAA);
		assert_ok!(Agreements::propose_amendment(
			RuntimeOrigin::signed(CHARLIE),
			id,
			Box::new(amended_terms(id)),
			rationale
		));
		let deposit = deposit_of(&amended_terms(id));
		System::assert_last_event(
			Event::AmendmentProposed {
				agreement: id,
				version: 1,
				proposer: CHARLIE,
				organisation: PARTNER,
				terms_hash: amended_terms(id).hash(),
				rationale,
				deposit,
			}
			.into(),
		);
		assert_eq!(
			status(id),
			AgreementStatus::Active { since: 1, version: 0, amendment: Some(1) }
		);
		let version = Versions::<Test>::get(id, 1).unwrap();
		assert_eq!(version.rationale, Some(rationale));
		assert_eq!(version.state, VersionState::Proposed { deposit });
		assert_eq!(held(CHARLIE), deposit);
		// The terms in force are unchanged until every party signs.
		assert_eq!(Agreements::terms_in_force(id), Some(terms()));
	});
}

#[test]
fn propose_amendment_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let amend = |who: u64, id: u32, terms: TermsOf<Test>| {
			Agreements::propose_amendment(
				RuntimeOrigin::signed(who),
				id,
				Box::new(terms),
				H256::zero(),
			)
		};
		let (draft, _) = propose();
		assert_noop!(amend(ALICE, draft, amended_terms(draft)), Error::<Test>::NotActive);
		let id = active();
		assert_noop!(
			Agreements::propose_amendment(
				RuntimeOrigin::none(),
				id,
				Box::new(amended_terms(id)),
				H256::zero()
			),
			DispatchError::BadOrigin
		);
		assert_noop!(amend(ALICE, 8, amended_terms(id)), Error::<Test>::UnknownAgreement);
		assert_noop!(amend(BOB, id, amended_terms(id)), Error::<Test>::NotPartySignatory);
		assert_noop!(amend(ALICE, id, *terms_with(|t| t.value = 0)), Error::<Test>::ZeroValue);
		assert_noop!(
			amend(ALICE, id, *terms_with(|t| t.milestones[0].amount = 700)),
			Error::<Test>::MilestonesExceedValue
		);
		assert_ok!(amend(ALICE, id, amended_terms(id)));
		assert_noop!(amend(CHARLIE, id, amended_terms(id)), Error::<Test>::AmendmentPending);
		let other = active();
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), other));
		assert_noop!(amend(ALICE, other, amended_terms(other)), Error::<Test>::NotActive);
	});
}

#[test]
fn an_amendment_cannot_cut_a_milestone_below_what_was_paid() {
	run(|| {
		let id = active();
		MockPaid::set(id, 0, 300);
		let amend = |terms: TermsOf<Test>| {
			Agreements::propose_amendment(
				RuntimeOrigin::signed(ALICE),
				id,
				Box::new(terms),
				H256::zero(),
			)
		};
		assert_noop!(
			amend(*terms_with(|t| t.milestones[0].amount = 299)),
			Error::<Test>::AmendmentCutsPaidMilestone
		);
		// Milestones are identified by their position: dropping a paid one
		// from the end of the schedule is a cut to zero.
		MockPaid::set(id, 1, 1);
		assert_noop!(
			amend(*terms_with(|t| {
				t.milestones = BoundedVec::try_from(vec![milestone(400, 100)]).unwrap();
			})),
			Error::<Test>::AmendmentCutsPaidMilestone
		);
		// Down to exactly what was paid is allowed.
		assert_ok!(amend(*terms_with(|t| t.milestones[0].amount = 300)));
	});
}

#[test]
fn a_payment_after_the_proposal_blocks_the_last_signature() {
	run(|| {
		let id = active();
		let cut = *terms_with(|t| t.milestones[0].amount = 200);
		assert_ok!(Agreements::propose_amendment(
			RuntimeOrigin::signed(ALICE),
			id,
			Box::new(cut.clone()),
			H256::zero()
		));
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(ALICE), id, cut.hash()));
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(CHARLIE), id, cut.hash()));
		MockPaid::set(id, 0, 250);
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(DAVE), id, cut.hash()),
			Error::<Test>::AmendmentCutsPaidMilestone
		);
	});
}

#[test]
fn the_proposer_withdraws_an_amendment() {
	run(|| {
		let id = active();
		charlie_amends(id);
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), id));
		// Withdrawing works while suspended too.
		assert_ok!(Agreements::withdraw_amendment(RuntimeOrigin::signed(CHARLIE), id));
		System::assert_last_event(
			Event::AmendmentWithdrawn {
				agreement: id,
				version: 1,
				deposit_released: deposit_of(&amended_terms(id)),
			}
			.into(),
		);
		assert!(Versions::<Test>::get(id, 1).is_none());
		assert_eq!(held(CHARLIE), 0);
		assert!(matches!(status(id), AgreementStatus::Suspended { amendment: None, .. }));
		assert_eq!(trail_actions(id).last(), Some(&AuditAction::AmendmentWithdrawn));
	});
}

#[test]
fn withdraw_amendment_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let id = active();
		assert_noop!(
			Agreements::withdraw_amendment(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NoPendingAmendment
		);
		charlie_amends(id);
		assert_noop!(
			Agreements::withdraw_amendment(RuntimeOrigin::none(), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Agreements::withdraw_amendment(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotProposer
		);
		assert_noop!(
			Agreements::withdraw_amendment(RuntimeOrigin::signed(CHARLIE), 3),
			Error::<Test>::UnknownAgreement
		);
		let (draft, _) = propose();
		assert_noop!(
			Agreements::withdraw_amendment(RuntimeOrigin::signed(ALICE), draft),
			Error::<Test>::NoPendingAmendment
		);
	});
}

// -------------------------------------------------------------- lifecycle

#[test]
fn governance_suspends_resumes_and_terminates() {
	run(|| {
		let id = active();
		System::set_block_number(3);
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), id));
		System::assert_last_event(
			Event::Suspended { agreement: id, by: Decider::Governance }.into(),
		);
		assert_eq!(
			status(id),
			AgreementStatus::Suspended {
				since: 3,
				version: 0,
				amendment: None,
				by: Decider::Governance
			}
		);
		System::set_block_number(5);
		assert_ok!(Agreements::resume(RuntimeOrigin::root(), id));
		System::assert_last_event(Event::Resumed { agreement: id, by: Decider::Governance }.into());
		assert_eq!(status(id), AgreementStatus::Active { since: 5, version: 0, amendment: None });
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), id));
		System::assert_last_event(
			Event::Terminated { agreement: id, by: Decider::Governance }.into(),
		);
		assert_eq!(
			status(id),
			AgreementStatus::Terminated { at: 5, version: 0, by: Decider::Governance }
		);
		let trail = AuditTrail::entries(id);
		assert_eq!(trail.last().unwrap().actor, civitas_primitives::Actor::Governance);
		assert_eq!(
			trail_actions(id)[5..].to_vec(),
			vec![
				AuditAction::AgreementSuspended,
				AuditAction::AgreementResumed,
				AuditAction::AgreementTerminated
			]
		);
	});
}

#[test]
fn a_suspended_agreement_can_be_terminated_but_not_completed() {
	run(|| {
		let id = active();
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), id));
		assert_noop!(Agreements::complete(RuntimeOrigin::root(), id), Error::<Test>::NotActive);
		assert_noop!(Agreements::suspend(RuntimeOrigin::root(), id), Error::<Test>::NotActive);
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), id));
	});
}

#[test]
fn lifecycle_calls_refuse_wrong_states_and_origins_and_change_nothing() {
	run(|| {
		let (draft, _) = propose();
		for call in [Agreements::suspend, Agreements::terminate, Agreements::complete] {
			assert_noop!(call(RuntimeOrigin::root(), draft), Error::<Test>::NotActive);
			assert_noop!(call(RuntimeOrigin::signed(ALICE), draft), Error::<Test>::NotActive);
			assert_noop!(call(RuntimeOrigin::root(), 40), Error::<Test>::UnknownAgreement);
			assert_noop!(call(RuntimeOrigin::none(), draft), DispatchError::BadOrigin);
		}
		let id = active();
		assert_noop!(Agreements::resume(RuntimeOrigin::root(), id), Error::<Test>::NotSuspended);
		assert_noop!(
			Agreements::resume(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotSuspended
		);
		assert_noop!(
			Agreements::suspend(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotPartySignatory
		);
		assert_noop!(
			Agreements::suspend(RuntimeOrigin::signed(ANNA), id),
			Error::<Test>::NotPartySignatory
		);
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), id));
		for call in
			[Agreements::suspend, Agreements::resume, Agreements::terminate, Agreements::complete]
		{
			assert_noop!(call(RuntimeOrigin::root(), id), Error::<Test>::AgreementClosed);
			assert_noop!(call(RuntimeOrigin::signed(CHARLIE), id), Error::<Test>::AgreementClosed);
		}
		assert_noop!(
			Agreements::propose_amendment(
				RuntimeOrigin::signed(ALICE),
				id,
				Box::new(amended_terms(id)),
				H256::zero()
			),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn every_party_together_suspends_and_terminates() {
	run(|| {
		let id = active();
		assert_ok!(Agreements::suspend(RuntimeOrigin::signed(CHARLIE), id));
		System::assert_last_event(
			Event::ConsentGiven {
				agreement: id,
				action: LifecycleAction::Suspend,
				organisation: PARTNER,
				signer: CHARLIE,
				remaining: 2,
			}
			.into(),
		);
		assert_noop!(
			Agreements::suspend(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::AlreadyConsented
		);
		// Consents to different actions are counted apart.
		assert_ok!(Agreements::terminate(RuntimeOrigin::signed(ALICE), id));
		assert_ok!(Agreements::suspend(RuntimeOrigin::signed(ALICE), id));
		assert!(matches!(status(id), AgreementStatus::Active { .. }));
		assert_ok!(Agreements::suspend(RuntimeOrigin::signed(DAVE), id));
		System::assert_last_event(Event::Suspended { agreement: id, by: Decider::Parties }.into());
		assert!(matches!(status(id), AgreementStatus::Suspended { by: Decider::Parties, .. }));
		// A status change clears every consent, the termination one included.
		assert!(Consents::<Test>::iter_prefix(id).next().is_none());

		for signer in [ALICE, CHARLIE, DAVE] {
			assert_ok!(Agreements::terminate(RuntimeOrigin::signed(signer), id));
		}
		System::assert_last_event(Event::Terminated { agreement: id, by: Decider::Parties }.into());
		assert!(matches!(status(id), AgreementStatus::Terminated { by: Decider::Parties, .. }));
		assert_eq!(
			trail_actions(id).iter().filter(|a| **a == AuditAction::ConsentGiven).count(),
			7
		);
	});
}

#[test]
fn ending_an_agreement_lets_its_pending_amendment_lapse() {
	run(|| {
		let id = active();
		assert_ok!(Agreements::propose_amendment(
			RuntimeOrigin::signed(DAVE),
			id,
			Box::new(amended_terms(id)),
			H256::zero()
		));
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), id));
		System::assert_has_event(
			Event::AmendmentWithdrawn {
				agreement: id,
				version: 1,
				deposit_released: deposit_of(&amended_terms(id)),
			}
			.into(),
		);
		assert!(Versions::<Test>::get(id, 1).is_none());
		assert_eq!(held(DAVE), 0);
		assert_eq!(
			trail_actions(id).last_chunk::<2>(),
			Some(&[AuditAction::AmendmentWithdrawn, AuditAction::AgreementTerminated])
		);
	});
}

#[test]
fn an_amendment_cannot_be_signed_while_suspended() {
	run(|| {
		let id = active();
		let hash = amended_terms(id).hash();
		assert_ok!(Agreements::propose_amendment(
			RuntimeOrigin::signed(ALICE),
			id,
			Box::new(amended_terms(id)),
			H256::zero()
		));
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), id));
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(ALICE), id, hash),
			Error::<Test>::NothingToSign
		);
		assert_ok!(Agreements::resume(RuntimeOrigin::root(), id));
		// The amendment survived the suspension.
		sign_all(id, hash);
		assert!(matches!(status(id), AgreementStatus::Active { version: 1, .. }));
	});
}

#[test]
fn the_whole_lifecycle_keeps_every_version_readable() {
	run(|| {
		// Propose, every party signs: active.
		let (id, original) = propose();
		System::set_block_number(2);
		sign_all(id, original);
		assert_eq!(status(id), AgreementStatus::Active { since: 2, version: 0, amendment: None });

		// An amendment, signed by every party: version 1 in force.
		System::set_block_number(10);
		let rationale = H256::repeat_byte(0x42);
		assert_ok!(Agreements::propose_amendment(
			RuntimeOrigin::signed(CHARLIE),
			id,
			Box::new(amended_terms(id)),
			rationale
		));
		let amended = amended_terms(id).hash();
		System::set_block_number(12);
		sign_all(id, amended);
		System::assert_last_event(
			Event::Amended { agreement: id, version: 1, previous: 0, terms_hash: amended }.into(),
		);
		assert_eq!(status(id), AgreementStatus::Active { since: 2, version: 1, amendment: None });
		assert_eq!(Agreements::terms_in_force(id), Some(amended_terms(id)));

		// The original terms stay readable, with their signatures.
		let old = Versions::<Test>::get(id, 0).unwrap();
		assert_eq!(old.terms, terms());
		assert_eq!(old.terms_hash, original);
		assert_eq!(old.state, VersionState::Superseded { since: 2, until: 12 });
		assert_eq!(old.signatures.len(), 3);
		let new = Versions::<Test>::get(id, 1).unwrap();
		assert_eq!(new.state, VersionState::InForce { since: 12 });
		assert_eq!(new.rationale, Some(rationale));
		assert_eq!((held(ALICE), held(CHARLIE)), (0, 0));

		// Complete.
		System::set_block_number(20);
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), id));
		assert_eq!(
			status(id),
			AgreementStatus::Completed { at: 20, version: 1, by: Decider::Governance }
		);

		// The trail recorded all of it, and its head is the hash chain.
		use AuditAction::*;
		assert_eq!(
			trail_actions(id),
			vec![
				AgreementProposed,
				AgreementSigned,
				AgreementSigned,
				AgreementSigned,
				AgreementActivated,
				AmendmentProposed,
				AmendmentSigned,
				AmendmentSigned,
				AmendmentSigned,
				AmendmentActivated,
				AgreementCompleted,
			]
		);
		let entries = AuditTrail::entries(id);
		assert_eq!(
			entries[5].data,
			H256(sp_io::hashing::blake2_256(&(amended, rationale).encode()))
		);
		assert_eq!(
			civitas_primitives::audit::recompute_head(id, &entries),
			pallet_civitas_audit_trail::Trails::<Test>::get(id).unwrap().head
		);
		assert_eq!(AuditTrail::verify(id), Ok(()));
	});
}

#[test]
fn try_state_detects_broken_records() {
	new_test_ext().execute_with(|| {
		let id = active();
		assert_ok!(Agreements::do_try_state());
		Versions::<Test>::mutate(id, 0, |v| v.as_mut().unwrap().terms.value = 1);
		assert!(Agreements::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		let (id, _) = propose();
		Versions::<Test>::mutate(id, 0, |v| {
			v.as_mut().unwrap().state = VersionState::Proposed { deposit: 1 }
		});
		assert!(Agreements::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		let id = active();
		Versions::<Test>::mutate(id, 0, |v| {
			v.as_mut().unwrap().signatures.pop();
		});
		assert!(Agreements::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_missing_trail_or_contract() {
	new_test_ext().execute_with(|| {
		let id = active();
		pallet_civitas_audit_trail::Trails::<Test>::remove(id);
		assert_eq!(Agreements::do_try_state(), Err("agreement without an audit trail".into()));
	});
	new_test_ext().execute_with(|| {
		let id = active();
		MockConditions::deploy(contract_of(id), CODE_HASH, id + 1);
		assert_eq!(
			Agreements::do_try_state(),
			Err("an agreement's contract holds another agreement's conditions".into())
		);
	});
	new_test_ext().execute_with(|| {
		active();
		ConditionsWeightLimit::set(Weight::zero());
		assert_eq!(
			Agreements::do_try_state(),
			Err("an agreement's contract gives no conditions".into())
		);
	});
}

#[test]
fn propose_refuses_when_agreement_ids_are_exhausted() {
	run(|| {
		crate::NextAgreementId::<Test>::put(u32::MAX);
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(ALICE), parties(), Box::new(terms())),
			Error::<Test>::IdsExhausted
		);
		crate::NextAgreementId::<Test>::put(0);
	});
}

#[test]
fn propose_amendment_needs_funds_for_the_deposit() {
	run(|| {
		let id = active();
		let poor = 32;
		assert_ok!(Registry::add_member(
			RuntimeOrigin::root(),
			PARTNER,
			poor,
			Roles::of(&[Role::Signatory])
		));
		assert_noop!(
			Agreements::propose_amendment(
				RuntimeOrigin::signed(poor),
				id,
				Box::new(amended_terms(id)),
				H256::zero()
			),
			TokenError::FundsUnavailable
		);
	});
}

// ---------------------------------------------------------------- attacks

/// Appends entries to `agreement`'s trail until it holds `MaxEntries`, as
/// an attacker's cheap calls (amendment cycles, evidence resubmissions,
/// small pledge top-ups) would.
fn fill_trail(agreement: u32) {
	use civitas_primitives::{Actor, AuditLog};
	let len = crate::mock::AuditTrail::entries(agreement).len() as u32;
	for _ in len..MaxEntries::get() {
		assert_ok!(<AuditTrail as AuditLog<u64>>::record(
			agreement,
			Actor::Account(EVE),
			AuditAction::AmendmentProposed,
			H256::zero(),
		));
	}
}

/// Finding 3: on a full trail every call that appended failed, so a draft's
/// or an amendment's deposit stayed held and a suspension could never be
/// lifted or ended. New proposals are refused; deposits always come back,
/// and freezes always end.
#[test]
fn attack_a_full_trail_cannot_keep_deposits_or_a_suspension() {
	run(|| {
		let (draft, _) = propose();
		let id = active();
		charlie_amends(id);
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), id));
		fill_trail(draft);
		fill_trail(id);

		assert_ok!(Agreements::withdraw(RuntimeOrigin::signed(ALICE), draft));
		assert_eq!(held(ALICE), 0);
		assert_ok!(Agreements::withdraw_amendment(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(held(CHARLIE), 0);
		// Every party consents to resume it; a new amendment is refused;
		// governance ends it.
		for signer in [ALICE, CHARLIE, DAVE] {
			assert_ok!(Agreements::resume(RuntimeOrigin::signed(signer), id));
		}
		assert!(matches!(status(id), AgreementStatus::Active { .. }));
		assert_noop!(
			Agreements::propose_amendment(
				RuntimeOrigin::signed(CHARLIE),
				id,
				Box::new(amended_terms(id)),
				H256::zero()
			),
			pallet_civitas_audit_trail::Error::<Test>::TrailFull
		);
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), id));
		assert!(matches!(status(id), AgreementStatus::Terminated { .. }));
		assert_eq!(trail_actions(id).last(), Some(&AuditAction::AgreementTerminated));
	});
}

// ---------------------------------------------------------------- migration

/// Version 0's terms of `terms`: every approval requirement without its
/// approvers (all of them [`Approvers::AnyParty`] here).
fn terms_v0(terms: &TermsOf<Test>) -> crate::migrations::v1::TermsV0<u64> {
	use crate::migrations::v1::{ApprovalRequirementV0, MilestoneV0, TermsV0};
	TermsV0 {
		title: terms.title.clone(),
		value: terms.value,
		period: terms.period,
		milestones: BoundedVec::truncate_from(
			terms
				.milestones
				.iter()
				.map(|milestone| MilestoneV0 {
					amount: milestone.amount,
					due: milestone.due,
					kind: milestone.kind,
					approval: BoundedVec::truncate_from(
						milestone
							.approval
							.iter()
							.map(|r| ApprovalRequirementV0 { role: r.role, count: r.count })
							.collect(),
					),
				})
				.collect(),
		),
		retention: terms.retention,
		late_penalty_per_day: terms.late_penalty_per_day,
		conditions: terms.conditions,
		verifiers: terms.verifiers.clone(),
		documents: terms.documents.clone(),
	}
}

#[test]
fn v1_gives_every_rule_its_approvers_and_records_each_new_hash() {
	use crate::migrations::v1::{MigrateToV1, VersionV0};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		// A draft signed by one party, in version 0's layout.
		let (id, _) = propose();
		assert_ok!(Agreements::sign(RuntimeOrigin::signed(ALICE), id, terms_for(id).hash()));
		let stored = Versions::<Test>::get(id, 0).unwrap();
		let old_terms = terms_v0(&stored.terms);
		let old_hash = H256(sp_io::hashing::blake2_256(&old_terms.encode()));
		let old = VersionV0 {
			terms: old_terms,
			terms_hash: old_hash,
			rationale: stored.rationale,
			proposer: stored.proposer,
			proposed_at: stored.proposed_at,
			signatures: stored.signatures.clone(),
			state: stored.state.clone(),
		};
		frame_support::storage::unhashed::put_raw(
			&Versions::<Test>::hashed_key_for(id, 0),
			&old.encode(),
		);
		StorageVersion::new(0).put::<Agreements>();
		assert!(Versions::<Test>::get(id, 0).is_none(), "the old layout does not decode");
		let trail = AuditTrail::entries(id).len();

		MigrateToV1::<Test>::on_runtime_upgrade();

		assert_eq!(Agreements::on_chain_storage_version(), 1);
		let migrated = Versions::<Test>::get(id, 0).unwrap();
		assert_eq!(migrated, stored, "the same terms, signatures and state");
		assert_ne!(old_hash, migrated.terms_hash);
		let entries = AuditTrail::entries(id);
		assert_eq!(entries.len(), trail + 1);
		let last = entries.last().unwrap();
		assert_eq!(last.action, AuditAction::TermsRehashed);
		assert_eq!(
			last.data,
			H256(sp_io::hashing::blake2_256(&(0u32, old_hash, migrated.terms_hash).encode()))
		);
		// The other parties sign the new hash; the old one is refused.
		assert_noop!(
			Agreements::sign(RuntimeOrigin::signed(CHARLIE), id, old_hash),
			Error::<Test>::TermsHashMismatch
		);
		// Run again, it changes nothing.
		MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(AuditTrail::entries(id).len(), trail + 1);
	});
}

#[test]
fn v2_indexes_every_agreement_under_its_parties() {
	use crate::{migrations::v2::MigrateToV2, AgreementsOf};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		let (first, _) = propose();
		let (second, _) = propose();
		let (withdrawn, _) = propose();
		assert_ok!(Agreements::withdraw(RuntimeOrigin::signed(ALICE), withdrawn));
		let listed = |organisation| {
			let mut list = Agreements::agreements_of(organisation, None, 100);
			list.sort_by_key(|(agreement, _)| *agreement);
			list
		};
		let before = listed(FUNDER);
		assert_eq!(before, vec![(first, PartyRole::Funder), (second, PartyRole::Funder)]);
		assert!(listed(CITY_B).is_empty());
		// Version 1 had no index.
		let _ = AgreementsOf::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Agreements>();

		MigrateToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Agreements::on_chain_storage_version(), 2);
		assert_eq!(listed(FUNDER), before);
		assert_eq!(
			listed(PARTNER),
			vec![(first, PartyRole::PrivateParty), (second, PartyRole::PrivateParty)]
		);
	});
}

#[test]
fn an_organisations_agreements_are_read_page_by_page() {
	use crate::AgreementsOf;
	run(|| {
		let ids: Vec<u32> = (0..5).map(|_| propose().0).collect();
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Agreements::agreements_of(CITY_A, after, 2);
			assert!(page.len() <= 2);
			let Some((last, _)) = page.last().copied() else { break };
			seen.extend(page.iter().map(|(agreement, _)| *agreement));
			after = Some(last);
		}
		seen.sort();
		assert_eq!(seen, ids, "every agreement once, none twice");
		// A stale index entry is caught.
		AgreementsOf::<Test>::insert(CITY_B, ids[0], PartyRole::Funder);
		assert_eq!(
			Agreements::do_try_state(),
			Err("an agreement is indexed under an organisation that is not its party in that part"
				.into())
		);
		AgreementsOf::<Test>::remove(CITY_B, ids[0]);
		AgreementsOf::<Test>::remove(CITY_A, ids[0]);
		assert_eq!(
			Agreements::do_try_state(),
			Err("a party of an agreement is missing from the index".into())
		);
		AgreementsOf::<Test>::insert(CITY_A, ids[0], PartyRole::PublicAuthority);
	});
}

/// The agreements `Agreements::agreements_in` lists in `stage`, read two at
/// a time, sorted.
fn listed_in(stage: Stage) -> Vec<u32> {
	let mut seen = Vec::new();
	let mut after = None;
	loop {
		let page = Agreements::agreements_in(stage, after, 2);
		assert!(page.len() <= 2);
		let Some(last) = page.last().copied() else { break };
		seen.extend(page);
		after = Some(last);
	}
	seen.sort();
	seen
}

#[test]
fn agreements_are_listed_by_stage_as_they_move() {
	run(|| {
		let (draft, _) = propose();
		let (withdrawn, _) = propose();
		let suspended = active();
		let terminated = active();
		let completed = active();
		let running = active();
		assert_eq!(listed_in(Stage::Draft), vec![draft, withdrawn]);
		assert_ok!(Agreements::withdraw(RuntimeOrigin::signed(ALICE), withdrawn));
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), suspended));
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), terminated));
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), completed));
		assert_eq!(listed_in(Stage::Draft), vec![draft]);
		assert_eq!(listed_in(Stage::Active), vec![running]);
		assert_eq!(listed_in(Stage::Suspended), vec![suspended]);
		assert_eq!(listed_in(Stage::Terminated), vec![terminated]);
		assert_eq!(listed_in(Stage::Completed), vec![completed]);
		assert_ok!(Agreements::resume(RuntimeOrigin::root(), suspended));
		assert_eq!(listed_in(Stage::Active), vec![suspended, running]);
		assert!(listed_in(Stage::Suspended).is_empty());
		// A stale entry, or a missing one, is caught.
		crate::AgreementsIn::<Test>::insert(Stage::Draft, running, ());
		assert_eq!(
			Agreements::do_try_state(),
			Err("an agreement is indexed under a stage it is not in".into())
		);
		crate::AgreementsIn::<Test>::remove(Stage::Draft, running);
		crate::AgreementsIn::<Test>::remove(Stage::Active, running);
		assert_eq!(
			Agreements::do_try_state(),
			Err("an agreement is missing from the stage index".into())
		);
		crate::AgreementsIn::<Test>::insert(Stage::Active, running, ());
	});
}

#[test]
fn v3_indexes_every_agreement_under_its_stage() {
	use crate::{migrations::v3::MigrateToV3, AgreementsIn};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		let (draft, _) = propose();
		let running = active();
		let ended = active();
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), ended));
		// Version 2 had no index.
		let _ = AgreementsIn::<Test>::clear(u32::MAX, None);
		StorageVersion::new(2).put::<Agreements>();

		MigrateToV3::<Test>::on_runtime_upgrade();

		assert_eq!(Agreements::on_chain_storage_version(), 3);
		assert_eq!(listed_in(Stage::Draft), vec![draft]);
		assert_eq!(listed_in(Stage::Active), vec![running]);
		assert_eq!(listed_in(Stage::Terminated), vec![ended]);
	});
}
