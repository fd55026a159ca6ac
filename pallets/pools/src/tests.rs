//! Unit tests of the pools pallet: every call, every error (with state
//! unchanged), the escrow's splits, and the invariants after each test.

use crate::{
	mock::*, pallet, AgreementPool, CoFunder, Error, Event, HoldReason, Minimum, NextPoolId,
	Pallet, Pledge, Pledges, PoolId, PoolStatus, Requirement, Requirements, WeightInfo,
};
use civitas_primitives::{audit::recompute_head, Escrow, EscrowPart, EscrowPosition, PartyRole};
use civitas_primitives::{Agreements as _, AuditAction, OrganisationId, Role};
use frame_support::BoundedVec;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{InspectHold, MutateHold as _},
};
use sp_runtime::{DispatchError, Permill, TokenError};

type Escrows = Pallet<Test>;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn require(organisation: OrganisationId, minimum: Minimum<u64>) -> Requirement<u64> {
	Requirement { organisation, minimum }
}

fn required(list: Vec<Requirement<u64>>) -> Requirements<u64> {
	BoundedVec::truncate_from(list)
}

fn held(reason: HoldReason, who: AccountId) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Pools(reason), &who)
}

fn free(who: AccountId) -> u64 {
	Balances::free_balance(who)
}

/// The organisation account of `organisation`, where its pledges are held.
fn org(organisation: OrganisationId) -> AccountId {
	org_account(organisation)
}

fn status(pool: PoolId) -> PoolStatus<u64, u64> {
	pallet::Pools::<Test>::get(pool).unwrap().status
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Pools(event) => Some(event),
			_ => None,
		})
		.expect("a pools event")
}

fn trail_actions() -> Vec<civitas_primitives::AuditAction> {
	pallet_civitas_audit_trail::Pallet::<Test>::entries(AGREEMENT)
		.into_iter()
		.map(|entry| entry.action)
		.collect()
}

/// Runs `test` in the genesis world, then checks every invariant.
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check();
	});
}

fn check() {
	Pools::do_try_state().expect("pools invariants");
	AuditTrail::do_try_state().expect("audit-trail invariants");
	Registry::do_try_state().expect("registry invariants");
}

/// Proposes a pool for [`AGREEMENT`] as Alice (city A); returns its id.
fn propose(target: u64, deadline: u64, list: Vec<Requirement<u64>>) -> PoolId {
	let pool = NextPoolId::<Test>::get();
	assert_ok!(Pools::open_pool(signed(ALICE), AGREEMENT, target, deadline, required(list)));
	pool
}

/// The hash of `pool`'s parameters, as its `PoolOpened` event gives it.
fn parameters(pool: PoolId) -> sp_core::H256 {
	pallet::Pools::<Test>::get(pool).unwrap().parameters()
}

/// The other parties' signatories (city B, the partner, the funder)
/// approve `pool`'s parameters.
fn approve_by_every_party(pool: PoolId) {
	for who in [BOB, CHARLIE, DAVE] {
		assert_ok!(Pools::approve_pool(signed(who), pool, parameters(pool)));
	}
}

/// Opens a pool for [`AGREEMENT`] as Alice, approved by every party;
/// returns its id.
fn open(target: u64, deadline: u64, list: Vec<Requirement<u64>>) -> PoolId {
	let pool = propose(target, deadline, list);
	approve_by_every_party(pool);
	pool
}

/// The trail's entries for opening a pool: proposal, then one approval per party.
const OPENING: [AuditAction; 5] = [
	AuditAction::PoolOpened,
	AuditAction::PoolApproved,
	AuditAction::PoolApproved,
	AuditAction::PoolApproved,
	AuditAction::PoolApproved,
];

/// A pool of 1 000 with city A at 300 and city B at 30 % required.
fn standard_pool() -> PoolId {
	open(
		1_000,
		20,
		vec![
			require(CITY_A, Minimum::Amount(300)),
			require(CITY_B, Minimum::Share(Permill::from_percent(30))),
		],
	)
}

/// A committed pool: Anna 500, Bob 300, Dave 200 of 1 000.
fn committed_pool() -> PoolId {
	let pool = open(1_000, 20, vec![require(CITY_A, Minimum::Amount(100))]);
	assert_ok!(Pools::pledge(signed(ANNA), pool, 500));
	assert_ok!(Pools::pledge(signed(BOB), pool, 300));
	assert_ok!(Pools::pledge(signed(DAVE), pool, 200));
	assert!(matches!(status(pool), PoolStatus::Committed { .. }));
	pool
}

// ---- open_pool ----

#[test]
fn open_pool_records_the_pool_and_holds_the_deposit() {
	run(|| {
		let pool = standard_pool();
		let record = pallet::Pools::<Test>::get(pool).unwrap();
		assert_eq!(record.agreement, AGREEMENT);
		assert_eq!((record.opener, record.organisation, record.deposit), (ALICE, CITY_A, 50));
		assert_eq!((record.target, record.deadline), (1_000, 20));
		assert_eq!(
			record.status,
			PoolStatus::Open {
				pledged: 0,
				pledgers: 0,
				co_funders: BoundedVec::truncate_from(vec![
					CoFunder { organisation: CITY_A, pledged: 0 },
					CoFunder { organisation: CITY_B, pledged: 0 },
				]),
			}
		);
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), Some(pool));
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 50);
		assert_eq!(NextPoolId::<Test>::get(), pool + 1);
		assert_eq!(last_event(), Event::PledgingOpened { pool, agreement: AGREEMENT });
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Pools(Event::PoolOpened { pool: p, agreement: AGREEMENT, opener: ALICE, target: 1_000, deadline: 20, deposit: 50, parameters: hash, .. })
				if p == pool && hash == parameters(pool)
		)));
		assert_eq!(trail_actions(), OPENING.to_vec());
	});
}

#[test]
fn open_pool_by_anyone_but_a_public_authority_signatory_is_refused() {
	run(|| {
		// Bob signs for city B, also a public authority of the agreement.
		assert_ok!(Pools::open_pool(signed(BOB), AGREEMENT, 100, 20, required(vec![])));
	});
	run(|| {
		let none = || required(vec![]);
		// A finance officer, the partner, a funder, a non-party city, nobody.
		for who in [ANNA, CHARLIE, DAVE, CAROL, OUTSIDER] {
			assert_noop!(
				Pools::open_pool(signed(who), AGREEMENT, 100, 20, none()),
				Error::<Test>::NotPublicAuthoritySignatory
			);
		}
		assert_noop!(
			Pools::open_pool(RuntimeOrigin::none(), AGREEMENT, 100, 20, none()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Pools::open_pool(signed(ALICE), AGREEMENT + 1, 100, 20, none()),
			Error::<Test>::NotPublicAuthoritySignatory
		);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), CITY_A));
		assert_noop!(
			Pools::open_pool(signed(ALICE), AGREEMENT, 100, 20, none()),
			Error::<Test>::NotPublicAuthoritySignatory
		);
	});
}

#[test]
fn open_pool_errors_change_nothing() {
	run(|| {
		let attempt = |target: u64, deadline: u64, list: Vec<Requirement<u64>>| {
			Pools::open_pool(signed(ALICE), AGREEMENT, target, deadline, required(list))
		};
		MockAgreements::set_active(AGREEMENT, false);
		assert_noop!(attempt(100, 20, vec![]), Error::<Test>::AgreementNotActive);
		MockAgreements::set_active(AGREEMENT, true);
		assert_noop!(attempt(0, 20, vec![]), Error::<Test>::ZeroTarget);
		assert_noop!(attempt(100, 1, vec![]), Error::<Test>::DeadlineNotInFuture);
		assert_noop!(
			attempt(
				100,
				20,
				vec![require(CITY_A, Minimum::Amount(10)), require(CITY_A, Minimum::Amount(20))]
			),
			Error::<Test>::DuplicateRequirement
		);
		for organisation in [PARTNER, CITY_C, VERIFIER, 77] {
			assert_noop!(
				attempt(100, 20, vec![require(organisation, Minimum::Amount(10))]),
				Error::<Test>::NotCoFundingParty
			);
		}
		assert_noop!(
			attempt(100, 20, vec![require(FUNDER, Minimum::Amount(0))]),
			Error::<Test>::ZeroMinimum
		);
		assert_noop!(
			attempt(100, 20, vec![require(FUNDER, Minimum::Share(Permill::zero()))]),
			Error::<Test>::ZeroMinimum
		);
		assert_noop!(
			attempt(
				100,
				20,
				vec![
					require(CITY_B, Minimum::Share(Permill::from_percent(60))),
					require(FUNDER, Minimum::Amount(41)),
				]
			),
			Error::<Test>::RequirementsExceedTarget
		);
		assert_noop!(
			attempt(100, 20, vec![require(FUNDER, Minimum::Amount(u64::MAX))]),
			Error::<Test>::RequirementsExceedTarget
		);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), FUNDER));
		assert_noop!(
			attempt(100, 20, vec![require(FUNDER, Minimum::Amount(10))]),
			Error::<Test>::CoFunderNotActive
		);
		// No more than the signed value, then one pool at a time per
		// agreement, a proposed one included.
		MockAgreements::amend_value(AGREEMENT, 1_000);
		assert_noop!(attempt(1_001, 20, vec![]), Error::<Test>::TargetAboveValue);
		propose(1_000, 20, vec![]);
		assert_noop!(attempt(100, 20, vec![]), Error::<Test>::PoolExists);
	});
}

#[test]
fn open_pool_without_funds_for_the_deposit_is_refused() {
	run(|| {
		let poor = 7;
		assert_ok!(Registry::add_member(
			RuntimeOrigin::root(),
			CITY_A,
			poor,
			civitas_primitives::Roles::of(&[Role::Signatory])
		));
		assert_noop!(
			Pools::open_pool(signed(poor), AGREEMENT, 100, 20, required(vec![])),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn share_minimums_round_up() {
	let share = Minimum::<u64>::Share(Permill::from_percent(30));
	assert_eq!(share.resolve(1_000), 300);
	assert_eq!(share.resolve(1_001), 301);
	assert_eq!(Minimum::<u64>::Share(Permill::from_parts(1)).resolve(1), 1);
	assert_eq!(Minimum::<u64>::Amount(42).resolve(1), 42);
}

// ---- approval of a pool's parameters ----

#[test]
fn a_pool_takes_pledges_only_once_every_party_approved_its_parameters() {
	run(|| {
		let pool = propose(1_000, 20, vec![require(CITY_B, Minimum::Amount(100))]);
		assert_eq!(
			status(pool),
			PoolStatus::Proposed { approved: BoundedVec::truncate_from(vec![CITY_A]) }
		);
		assert_noop!(Pools::pledge(signed(ANNA), pool, 100), Error::<Test>::PoolNotOpen);
		assert_ok!(Pools::approve_pool(signed(BOB), pool, parameters(pool)));
		assert_eq!(
			last_event(),
			Event::PoolApproved { pool, agreement: AGREEMENT, organisation: CITY_B, who: BOB }
		);
		assert_ok!(Pools::approve_pool(signed(CHARLIE), pool, parameters(pool)));
		assert!(matches!(status(pool), PoolStatus::Proposed { .. }));
		// The last party's approval opens it, with the required co-funders listed.
		assert_ok!(Pools::approve_pool(signed(DAVE), pool, parameters(pool)));
		assert_eq!(last_event(), Event::PledgingOpened { pool, agreement: AGREEMENT });
		assert_eq!(
			status(pool),
			PoolStatus::Open {
				pledged: 0,
				pledgers: 0,
				co_funders: BoundedVec::truncate_from(vec![CoFunder {
					organisation: CITY_B,
					pledged: 0
				}]),
			}
		);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		assert_eq!(trail_actions()[..5], OPENING);
	});
}

/// Finding 7: a public authority set a pool's target, deadline and
/// required co-funders alone, and pledges were taken at once: the other
/// parties were bound to terms they never agreed. Now the pool takes no
/// pledge until every party approved exactly these parameters, and any
/// party may reject them.
#[test]
fn attack_one_party_cannot_set_a_pools_terms_alone() {
	run(|| {
		// City A proposes a pool that needs city B for nine tenths.
		let pool =
			propose(1_000, 20, vec![require(CITY_B, Minimum::Share(Permill::from_percent(90)))]);
		assert_noop!(Pools::pledge(signed(ANNA), pool, 100), Error::<Test>::PoolNotOpen);
		assert_noop!(Pools::pledge(signed(BOB), pool, 900), Error::<Test>::PoolNotOpen);
		// An approval of other parameters than the pool's counts for nothing.
		let other = pallet::Pools::<Test>::get(pool)
			.map(|mut record| {
				record.target = 2_000;
				record.parameters()
			})
			.unwrap();
		assert_noop!(
			Pools::approve_pool(signed(BOB), pool, other),
			Error::<Test>::ParametersMismatch
		);
		// City B rejects: the pool fails without a pledge, the opener's
		// deposit returns, and another pool may be proposed.
		assert_ok!(Pools::reject_pool(signed(BOB), pool));
		assert_eq!(status(pool), PoolStatus::Rejected { at: 1, by: CITY_B });
		assert_eq!(
			last_event(),
			Event::PoolRejected { pool, agreement: AGREEMENT, organisation: CITY_B, who: BOB }
		);
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 0);
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), None);
		assert_eq!(trail_actions().last(), Some(&AuditAction::PoolRejected));
		assert_noop!(
			Pools::approve_pool(signed(CHARLIE), pool, parameters(pool)),
			Error::<Test>::PoolNotProposed
		);
		let second = open(1_000, 20, vec![]);
		assert!(matches!(status(second), PoolStatus::Open { .. }));
	});
}

#[test]
fn approve_and_reject_errors_change_nothing() {
	run(|| {
		let pool = propose(1_000, 20, vec![]);
		let hash = parameters(pool);
		assert_noop!(Pools::approve_pool(signed(BOB), pool + 1, hash), Error::<Test>::UnknownPool);
		assert_noop!(Pools::reject_pool(signed(BOB), pool + 1), Error::<Test>::UnknownPool);
		assert_noop!(
			Pools::approve_pool(RuntimeOrigin::none(), pool, hash),
			DispatchError::BadOrigin
		);
		// A finance officer without the signatory role, a non-party city,
		// a verifier, nobody.
		for who in [ANNA, CAROL, EVE, OUTSIDER] {
			assert_noop!(
				Pools::approve_pool(signed(who), pool, hash),
				Error::<Test>::NotPartySignatory
			);
			assert_noop!(Pools::reject_pool(signed(who), pool), Error::<Test>::NotPartySignatory);
		}
		// The opener's organisation approved when it proposed.
		assert_noop!(
			Pools::approve_pool(signed(ALICE), pool, hash),
			Error::<Test>::AlreadyApproved
		);
		assert_ok!(Pools::approve_pool(signed(BOB), pool, hash));
		assert_noop!(Pools::approve_pool(signed(BOB), pool, hash), Error::<Test>::AlreadyApproved);
		MockAgreements::set_active(AGREEMENT, false);
		assert_noop!(
			Pools::approve_pool(signed(CHARLIE), pool, hash),
			Error::<Test>::AgreementNotActive
		);
		MockAgreements::set_active(AGREEMENT, true);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), PARTNER));
		assert_noop!(
			Pools::approve_pool(signed(CHARLIE), pool, hash),
			Error::<Test>::NotPartySignatory
		);
		assert_ok!(Registry::reinstate(RuntimeOrigin::root(), PARTNER));
		System::set_block_number(21);
		assert_noop!(
			Pools::approve_pool(signed(CHARLIE), pool, hash),
			Error::<Test>::DeadlinePassed
		);
		// A rejected pool, and an open one, are past approval and rejection.
		System::set_block_number(1);
		assert_ok!(Pools::reject_pool(signed(DAVE), pool));
		assert_noop!(Pools::reject_pool(signed(BOB), pool), Error::<Test>::PoolNotProposed);
		let second = open(1_000, 20, vec![]);
		assert_noop!(
			Pools::approve_pool(signed(BOB), second, parameters(second)),
			Error::<Test>::PoolNotProposed
		);
		assert_noop!(Pools::reject_pool(signed(BOB), second), Error::<Test>::PoolNotProposed);
	});
}

#[test]
fn a_proposed_pool_past_its_deadline_fails_and_returns_the_deposit() {
	run(|| {
		let pool = propose(1_000, 20, vec![]);
		assert_ok!(Pools::approve_pool(signed(BOB), pool, parameters(pool)));
		System::set_block_number(20);
		assert_noop!(Pools::expire(signed(OUTSIDER), pool), Error::<Test>::DeadlineNotPassed);
		System::set_block_number(21);
		let info = Pools::expire(signed(OUTSIDER), pool).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::expire(0)));
		assert_eq!(status(pool), PoolStatus::Failed { expired_at: 21, released_at: 21 });
		assert_eq!(last_event(), Event::PoolFailed { pool, agreement: AGREEMENT });
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 0);
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), None);
	});
}

/// A full trail refuses approvals (they open a pool to pledges) but never
/// a rejection or an expiry, which end a proposal and return its deposit.
#[test]
fn a_full_trail_refuses_approvals_but_not_the_end_of_a_proposal() {
	run(|| {
		let pool = propose(1_000, 20, vec![]);
		fill_trail(0);
		assert_noop!(
			Pools::approve_pool(signed(BOB), pool, parameters(pool)),
			pallet_civitas_audit_trail::Error::<Test>::TrailFull
		);
		assert_ok!(Pools::reject_pool(signed(CHARLIE), pool));
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 0);
	});
}

// ---- pledge ----

#[test]
fn pledge_holds_the_amount_and_tops_up() {
	run(|| {
		let pool = standard_pool();
		let before = free(org(CITY_A));
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		// Held on city A's organisation account, not on its officer's.
		assert_eq!(held(HoldReason::Pledged, org(CITY_A)), 100);
		assert_eq!(free(org(CITY_A)), before - 100);
		assert_eq!((held(HoldReason::Pledged, ANNA), free(ANNA)), (0, ENDOWMENT));
		assert_eq!(
			Pledges::<Test>::get(pool, org(CITY_A)),
			Some(Pledge { organisation: CITY_A, amount: 100 })
		);
		// A top-up holds at least the minimum too (10).
		assert_ok!(Pools::pledge(signed(ANNA), pool, 15));
		assert_eq!(held(HoldReason::Pledged, org(CITY_A)), 115);
		assert_eq!(
			last_event(),
			Event::Pledged {
				pool,
				agreement: AGREEMENT,
				who: ANNA,
				organisation: CITY_A,
				amount: 15,
				pledge: 115,
				pool_total: 115,
			}
		);
		// City B's two finance officers add to one pledge; the funder (not
		// required) pledges too.
		assert_ok!(Pools::pledge(signed(BOB), pool, 100));
		assert_ok!(Pools::pledge(signed(BEA), pool, 50));
		assert_eq!(held(HoldReason::Pledged, org(CITY_B)), 150);
		assert_ok!(Pools::pledge(signed(DAVE), pool, 10));
		let PoolStatus::Open { pledged, pledgers, co_funders } = status(pool) else {
			panic!("open")
		};
		assert_eq!((pledged, pledgers), (275, 3));
		assert_eq!(
			co_funders.into_inner(),
			vec![
				CoFunder { organisation: CITY_A, pledged: 115 },
				CoFunder { organisation: CITY_B, pledged: 150 },
				CoFunder { organisation: FUNDER, pledged: 10 },
			]
		);
		assert_eq!(trail_actions(), [OPENING.to_vec(), vec![AuditAction::Pledged; 5]].concat());
	});
}

#[test]
fn pledge_at_the_deadline_block_is_accepted_and_after_it_refused() {
	run(|| {
		let pool = standard_pool();
		System::set_block_number(20);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		System::set_block_number(21);
		assert_noop!(Pools::pledge(signed(ANNA), pool, 100), Error::<Test>::DeadlinePassed);
		assert_noop!(Pools::pledge(signed(BOB), pool, 100), Error::<Test>::DeadlinePassed);
	});
}

#[test]
fn pledge_errors_change_nothing() {
	run(|| {
		let pool = standard_pool();
		assert_noop!(Pools::pledge(signed(ANNA), pool + 1, 100), Error::<Test>::UnknownPool);
		assert_noop!(Pools::pledge(RuntimeOrigin::none(), pool, 100), DispatchError::BadOrigin);
		// A signatory without the finance role, the partner's officer, a
		// non-party city's officer, a verifier, nobody.
		for who in [ALICE, CHARLIE, CAROL, EVE, OUTSIDER] {
			assert_noop!(
				Pools::pledge(signed(who), pool, 100),
				Error::<Test>::NotCoFunderFinanceOfficer
			);
		}
		assert_noop!(Pools::pledge(signed(ANNA), pool, 9), Error::<Test>::PledgeTooSmall);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 10));
		assert_noop!(Pools::pledge(signed(ANNA), pool, 0), Error::<Test>::PledgeTooSmall);
		assert_noop!(Pools::pledge(signed(BOB), pool, ENDOWMENT), TokenError::FundsUnavailable);
		assert_noop!(Pools::pledge(signed(ANNA), pool, u64::MAX), Error::<Test>::Overflow);
		MockAgreements::set_active(AGREEMENT, false);
		assert_noop!(Pools::pledge(signed(BOB), pool, 100), Error::<Test>::AgreementNotActive);
		MockAgreements::set_active(AGREEMENT, true);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), CITY_B));
		assert_noop!(
			Pools::pledge(signed(BOB), pool, 100),
			Error::<Test>::NotCoFunderFinanceOfficer
		);
	});
}

#[test]
fn attack_a_departing_finance_officer_keeps_none_of_the_pledge() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(BEA), pool, 100));
		assert_eq!((held(HoldReason::Pledged, BEA), free(BEA)), (0, ENDOWMENT));
		// Bea leaves city B for the funder...
		assert_ok!(Registry::remove_member(RuntimeOrigin::root(), CITY_B, BEA));
		assert_ok!(Registry::add_member(
			RuntimeOrigin::root(),
			FUNDER,
			BEA,
			civitas_primitives::Roles::of(&[Role::FinanceOfficer])
		));
		// ...and can neither take city B's pledge nor spend it for the funder.
		assert_noop!(Pools::withdraw_pledge(signed(BEA), pool), Error::<Test>::NoPledge);
		assert_eq!(held(HoldReason::Pledged, org(CITY_B)), 100);
		assert_eq!(free(BEA), ENDOWMENT);
		// City B's remaining officer still acts for it: the money goes back
		// to city B's account.
		let before = free(org(CITY_B));
		assert_ok!(Pools::withdraw_pledge(signed(BOB), pool));
		assert_eq!(free(org(CITY_B)), before + 100);
	});
}

#[test]
fn attack_one_organisation_cannot_take_every_pledger_slot() {
	run(|| {
		let pool = open(1_000_000, 20, vec![require(FUNDER, Minimum::Amount(10))]);
		// Seventy finance officers of city A pledge: one pledge, one slot.
		for who in TREASURY {
			assert_ok!(Pools::pledge(signed(who), pool, 10));
		}
		assert!(matches!(status(pool), PoolStatus::Open { pledgers: 1, pledged: 700, .. }));
		assert_eq!(held(HoldReason::Pledged, org(CITY_A)), 700);
		// The other co-funders keep their places.
		assert_ok!(Pools::pledge(signed(BOB), pool, 10));
		assert_ok!(Pools::pledge(signed(DAVE), pool, 10));
		assert!(matches!(status(pool), PoolStatus::Open { pledgers: 3, .. }));
	});
}

// ---- commitment ----

#[test]
fn the_pledge_meeting_every_requirement_commits_the_pool() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 600));
		assert_ok!(Pools::pledge(signed(BEA), pool, 100));
		assert!(matches!(status(pool), PoolStatus::Open { .. }));
		let deposit_before = free(ALICE);
		assert_ok!(Pools::pledge(signed(BOB), pool, 300));
		assert_eq!(status(pool), PoolStatus::Committed { at: 1, total: 1_000, funders: 2 });
		for (who, amount) in [(org(CITY_A), 600), (org(CITY_B), 400), (ANNA, 0), (BOB, 0)] {
			assert_eq!(held(HoldReason::Pledged, who), 0);
			assert_eq!(held(HoldReason::Committed, who), amount);
		}
		assert!(Pledges::<Test>::iter_prefix(pool).next().is_none());
		// The opener's deposit is returned.
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 0);
		assert_eq!(free(ALICE), deposit_before + 50);
		let escrow = pallet::Escrows::<Test>::get(AGREEMENT).unwrap();
		assert_eq!((escrow.pool, escrow.committed, escrow.committed_at), (pool, 1_000, 1));
		let shares = vec![
			EscrowPart { account: org(CITY_A), organisation: CITY_A, amount: 600 },
			EscrowPart { account: org(CITY_B), organisation: CITY_B, amount: 400 },
		];
		assert_eq!(
			escrow
				.funders
				.iter()
				.map(|f| (f.account, f.committed, f.remaining))
				.collect::<Vec<_>>(),
			vec![(org(CITY_A), 600, 600), (org(CITY_B), 400, 400)]
		);
		assert_eq!(
			last_event(),
			Event::PoolCommitted { pool, agreement: AGREEMENT, total: 1_000, shares }
		);
		assert_eq!(trail_actions().last(), Some(&AuditAction::PoolCommitted));
		assert_eq!(
			Escrows::position(AGREEMENT),
			Some(EscrowPosition {
				committed: 1_000,
				paid: 0,
				retained: 0,
				remaining: 1_000,
				recovered: 0,
				refunded: 0
			})
		);
	});
}

#[test]
fn an_absent_required_co_funder_keeps_the_pool_open_even_with_the_target_exceeded() {
	run(|| {
		let pool = open(1_000, 20, vec![require(FUNDER, Minimum::Amount(100))]);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 5_000));
		assert!(matches!(status(pool), PoolStatus::Open { pledged: 5_000, .. }));
		// Short of its minimum, the funder does not complete it either.
		assert_ok!(Pools::pledge(signed(DAVE), pool, 99));
		assert!(matches!(status(pool), PoolStatus::Open { .. }));
		assert_ok!(Pools::pledge(signed(DAVE), pool, 1));
		assert_eq!(status(pool), PoolStatus::Committed { at: 1, total: 5_100, funders: 2 });
	});
}

#[test]
fn after_commitment_pledges_and_withdrawals_are_refused() {
	run(|| {
		let pool = committed_pool();
		assert_noop!(Pools::pledge(signed(ANNA), pool, 100), Error::<Test>::PoolNotOpen);
		assert_noop!(Pools::pledge(signed(BEA), pool, 100), Error::<Test>::PoolNotOpen);
		assert_noop!(Pools::withdraw_pledge(signed(ANNA), pool), Error::<Test>::PoolNotOpen);
		System::set_block_number(100);
		assert_noop!(Pools::expire(signed(OUTSIDER), pool), Error::<Test>::PoolNotExpirable);
		// The committed pool raised the agreement's whole value: nothing
		// is left for a second one.
		MockAgreements::amend_value(AGREEMENT, 1_000);
		assert_noop!(
			Pools::open_pool(signed(ALICE), AGREEMENT, 100, 200, required(vec![])),
			Error::<Test>::EscrowCoversValue
		);
	});
}

#[test]
fn commitment_charges_for_the_pledges_it_touched() {
	run(|| {
		let pool = open(30, 20, vec![]);
		let info = Pools::pledge(signed(ANNA), pool, 10).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::pledge()));
		assert_ok!(Pools::pledge(signed(BOB), pool, 10));
		let info = Pools::pledge(signed(DAVE), pool, 10).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::pledge_and_commit(3)));
	});
}

// ---- withdraw_pledge ----

#[test]
fn withdraw_pledge_releases_it_while_the_pool_is_open() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 200));
		assert_ok!(Pools::pledge(signed(DAVE), pool, 50));
		let before = free(org(FUNDER));
		assert_ok!(Pools::withdraw_pledge(signed(DAVE), pool));
		assert_eq!(held(HoldReason::Pledged, org(FUNDER)), 0);
		assert_eq!(free(org(FUNDER)), before + 50);
		assert_eq!(
			last_event(),
			Event::PledgeWithdrawn {
				pool,
				agreement: AGREEMENT,
				who: DAVE,
				organisation: FUNDER,
				amount: 50,
				pool_total: 200,
			}
		);
		// A required co-funder stays listed at zero; an unrequired one leaves.
		System::set_block_number(25);
		assert_ok!(Pools::withdraw_pledge(signed(ANNA), pool));
		let PoolStatus::Open { pledged, pledgers, co_funders } = status(pool) else {
			panic!("open")
		};
		assert_eq!((pledged, pledgers), (0, 0));
		assert_eq!(
			co_funders.into_inner(),
			vec![
				CoFunder { organisation: CITY_A, pledged: 0 },
				CoFunder { organisation: CITY_B, pledged: 0 },
			]
		);
		assert_eq!(trail_actions().last(), Some(&AuditAction::PledgeWithdrawn));
	});
}

#[test]
fn withdraw_pledge_errors_change_nothing() {
	run(|| {
		let pool = standard_pool();
		assert_noop!(Pools::withdraw_pledge(signed(ANNA), pool + 1), Error::<Test>::UnknownPool);
		assert_noop!(Pools::withdraw_pledge(signed(ANNA), pool), Error::<Test>::NoPledge);
		assert_noop!(Pools::withdraw_pledge(RuntimeOrigin::none(), pool), DispatchError::BadOrigin);
		// Only a finance officer of an active co-funder withdraws its pledge.
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		for who in [ALICE, CHARLIE, CAROL, OUTSIDER] {
			assert_noop!(
				Pools::withdraw_pledge(signed(who), pool),
				Error::<Test>::NotCoFunderFinanceOfficer
			);
		}
	});
}

// ---- expire ----

#[test]
fn expire_before_or_at_the_deadline_is_refused() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		assert_noop!(Pools::expire(signed(OUTSIDER), pool), Error::<Test>::DeadlineNotPassed);
		System::set_block_number(20);
		assert_noop!(Pools::expire(signed(OUTSIDER), pool), Error::<Test>::DeadlineNotPassed);
		assert_noop!(Pools::expire(signed(OUTSIDER), pool + 1), Error::<Test>::UnknownPool);
		assert_noop!(Pools::expire(RuntimeOrigin::none(), pool), DispatchError::BadOrigin);
	});
}

#[test]
fn expiry_releases_many_pledgers_across_several_pages() {
	run(|| {
		// One pledge a page in this runtime.
		let pool = open(1_000_000, 20, vec![require(FUNDER, Minimum::Amount(10))]);
		let pledgers = [(ANNA, CITY_A), (BOB, CITY_B), (DAVE, FUNDER)];
		for (index, (who, _)) in pledgers.iter().enumerate() {
			assert_ok!(Pools::pledge(signed(*who), pool, 10 + index as u64));
		}
		System::set_block_number(21);

		// Page 1 of 3: the pool expires; one pledge released.
		let info = Pools::expire(signed(OUTSIDER), pool).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::expire(1)));
		assert!(matches!(status(pool), PoolStatus::Releasing { expired_at: 21, pledgers: 2, .. }));
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), None);
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 50);
		check();

		// Page 2 of 3, in a later block.
		System::set_block_number(22);
		assert_ok!(Pools::expire(signed(CHARLIE), pool));
		assert!(matches!(status(pool), PoolStatus::Releasing { pledgers: 1, .. }));
		assert!(matches!(last_event(), Event::PledgesReleased { remaining: 1, .. }));
		check();

		// Page 3 of 3: the last one; the pool fails, the deposit returns.
		let info = Pools::expire(signed(OUTSIDER), pool).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::expire(1)));
		assert_eq!(status(pool), PoolStatus::Failed { expired_at: 21, released_at: 22 });
		assert_eq!(last_event(), Event::PoolFailed { pool, agreement: AGREEMENT });
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 0);
		for (_, organisation) in pledgers {
			assert_eq!(held(HoldReason::Pledged, org(organisation)), 0);
			assert_eq!(free(org(organisation)), ENDOWMENT);
		}
		assert!(Pledges::<Test>::iter_prefix(pool).next().is_none());
		assert_noop!(Pools::expire(signed(OUTSIDER), pool), Error::<Test>::PoolNotExpirable);
		assert_noop!(Pools::pledge(signed(DAVE), pool, 10), Error::<Test>::PoolNotOpen);

		let actions = trail_actions();
		assert_eq!(
			actions[actions.len() - 4..],
			[
				AuditAction::PoolExpired,
				AuditAction::PledgesReleased,
				AuditAction::PledgesReleased,
				AuditAction::PledgesReleased
			]
		);
	});
}

#[test]
fn a_new_pool_may_open_while_an_expired_one_releases() {
	run(|| {
		let pool = open(1_000, 20, vec![]);
		for who in [ANNA, BOB, DAVE] {
			assert_ok!(Pools::pledge(signed(who), pool, 10));
		}
		System::set_block_number(21);
		assert_ok!(Pools::expire(signed(OUTSIDER), pool));
		let second = open(1_000, 40, vec![]);
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), Some(second));
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 100);
		check();
		assert_ok!(Pools::expire(signed(OUTSIDER), pool));
		assert_ok!(Pools::expire(signed(OUTSIDER), pool));
		assert!(matches!(status(pool), PoolStatus::Failed { .. }));
	});
}

#[test]
fn an_empty_pool_fails_in_one_call() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		assert_ok!(Pools::withdraw_pledge(signed(ANNA), pool));
		System::set_block_number(21);
		assert_ok!(Pools::expire(signed(OUTSIDER), pool));
		assert_eq!(status(pool), PoolStatus::Failed { expired_at: 21, released_at: 21 });
	});
}

// ---- top-ups ----

/// The escrow's co-funders as (account, committed, remaining).
fn funders() -> Vec<(AccountId, u64, u64)> {
	pallet::Escrows::<Test>::get(AGREEMENT)
		.unwrap()
		.funders
		.iter()
		.map(|f| (f.account, f.committed, f.remaining))
		.collect()
}

#[test]
fn a_committed_pool_is_topped_up_after_an_amendment_raises_the_value() {
	run(|| {
		MockAgreements::amend_value(AGREEMENT, 1_000);
		let first = open(1_000, 20, vec![]);
		assert_ok!(Pools::pledge(signed(ANNA), first, 600));
		assert_ok!(Pools::pledge(signed(DAVE), first, 400));
		assert_ok!(Escrows::pay(AGREEMENT, &org(PARTNER), 400, 0));
		assert_eq!(funders(), vec![(org(CITY_A), 600, 360), (org(FUNDER), 400, 240)]);
		assert_noop!(
			Pools::open_pool(signed(ALICE), AGREEMENT, 1, 40, required(vec![])),
			Error::<Test>::EscrowCoversValue
		);

		// An amendment raises the value by 600: a pool may raise that much.
		MockAgreements::amend_value(AGREEMENT, 1_600);
		assert_noop!(
			Pools::open_pool(signed(ALICE), AGREEMENT, 601, 40, required(vec![])),
			Error::<Test>::TargetAboveValue
		);
		let top_up = open(600, 40, vec![require(CITY_B, Minimum::Amount(300))]);
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), Some(top_up));
		check();
		assert_noop!(
			Pools::open_pool(signed(ALICE), AGREEMENT, 1, 40, required(vec![])),
			Error::<Test>::PoolExists
		);
		assert_ok!(Pools::pledge(signed(ANNA), top_up, 300));
		assert_ok!(Pools::pledge(signed(BOB), top_up, 300));

		// City A's share grows, city B joins between city A and the funder.
		assert_eq!(status(top_up), PoolStatus::Committed { at: 1, total: 600, funders: 2 });
		assert_eq!(status(first), PoolStatus::Committed { at: 1, total: 1_000, funders: 2 });
		assert_eq!(
			funders(),
			vec![(org(CITY_A), 900, 660), (org(CITY_B), 300, 300), (org(FUNDER), 400, 240)]
		);
		for (who, amount) in [(org(CITY_A), 660), (org(CITY_B), 300), (org(FUNDER), 240)] {
			assert_eq!(held(HoldReason::Committed, who), amount);
			assert_eq!(held(HoldReason::Pledged, who), 0);
		}
		let escrow = pallet::Escrows::<Test>::get(AGREEMENT).unwrap();
		assert_eq!((escrow.pool, escrow.committed, escrow.committed_at), (top_up, 1_600, 1));
		assert_eq!(
			Escrows::position(AGREEMENT).map(|p| (p.committed, p.paid, p.remaining)),
			Some((1_600, 400, 1_200))
		);
		assert_eq!(
			last_event(),
			Event::EscrowToppedUp {
				pool: top_up,
				agreement: AGREEMENT,
				added: 600,
				committed: 1_600
			}
		);
		assert_eq!(trail_actions().last(), Some(&AuditAction::PoolCommitted));
		// Payouts now draw on the topped-up shares, by what each still holds.
		assert_ok!(Escrows::pay(AGREEMENT, &org(PARTNER), 1_200, 0));
		assert_eq!(Escrows::position(AGREEMENT).map(|p| p.remaining), Some(0));
		// The value is raised in full again.
		assert_noop!(
			Pools::open_pool(signed(ALICE), AGREEMENT, 1, 80, required(vec![])),
			Error::<Test>::EscrowCoversValue
		);
	});
}

#[test]
fn a_failed_or_rejected_top_up_leaves_the_escrow_as_it_was() {
	run(|| {
		MockAgreements::amend_value(AGREEMENT, 1_000);
		let first = committed_pool();
		let escrow = pallet::Escrows::<Test>::get(AGREEMENT);
		MockAgreements::amend_value(AGREEMENT, 1_500);

		// Rejected by the partner: the committed pool is current again.
		let rejected = propose(500, 20, vec![]);
		assert_ok!(Pools::reject_pool(signed(CHARLIE), rejected));
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), Some(first));
		check();

		// Expired with a pledge: released, and the escrow untouched.
		let expired = open(500, 20, vec![]);
		assert_ok!(Pools::pledge(signed(ANNA), expired, 100));
		System::set_block_number(21);
		assert_ok!(Pools::expire(signed(OUTSIDER), expired));
		assert!(matches!(status(expired), PoolStatus::Failed { .. }));
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), Some(first));
		assert_eq!(held(HoldReason::Pledged, org(CITY_A)), 0);
		assert_eq!(held(HoldReason::Committed, org(CITY_A)), 500);
		assert_eq!(pallet::Escrows::<Test>::get(AGREEMENT), escrow);
		assert_eq!(status(first), PoolStatus::Committed { at: 1, total: 1_000, funders: 3 });

		// A proposal left to expire goes the same way; then another may open.
		let lapsed = propose(500, 30, vec![]);
		System::set_block_number(31);
		assert_ok!(Pools::expire(signed(OUTSIDER), lapsed));
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), Some(first));
		let again = propose(500, 40, vec![]);
		assert_eq!(AgreementPool::<Test>::get(AGREEMENT), Some(again));
	});
}

#[test]
fn try_state_finds_an_escrow_that_differs_from_its_pools() {
	new_test_ext().execute_with(|| {
		MockAgreements::amend_value(AGREEMENT, 1_000);
		let first = committed_pool();
		MockAgreements::amend_value(AGREEMENT, 1_100);
		let top_up = open(100, 20, vec![]);
		assert_ok!(Pools::pledge(signed(ANNA), top_up, 100));
		check();
		// The escrow must name the latest pool that committed to it.
		pallet::Escrows::<Test>::mutate(AGREEMENT, |e| e.as_mut().unwrap().pool = first);
		assert!(Pools::do_try_state().is_err());
		pallet::Escrows::<Test>::mutate(AGREEMENT, |e| e.as_mut().unwrap().pool = top_up);
		check();
		// Its current pool may not go back to an older one.
		AgreementPool::<Test>::insert(AGREEMENT, first);
		assert!(Pools::do_try_state().is_err());
	});
}

// ---- escrow ----

#[test]
fn a_payout_is_split_exactly_across_three_co_funders() {
	run(|| {
		// Three co-funders with awkward shares: 333 / 333 / 334 of 1 000.
		let pool = open(1_000, 20, vec![]);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 333));
		assert_ok!(Pools::pledge(signed(BOB), pool, 333));
		assert_ok!(Pools::pledge(signed(DAVE), pool, 334));
		let payee = CHARLIE;
		let before = free(payee);
		let payment = Escrows::pay(AGREEMENT, &payee, 101, 10).unwrap();
		let paid: Vec<u64> = payment.paid.iter().map(|p| p.amount).collect();
		let retained: Vec<u64> = payment.retained.iter().map(|p| p.amount).collect();
		assert_eq!(paid.iter().sum::<u64>(), 101);
		assert_eq!(retained.iter().sum::<u64>(), 10);
		// 101 × 333/1000 = 33.633, 33.633, 33.734: floors 33+33+33, the
		// two units left go to the largest remainders (Dave .734, then Anna .633).
		assert_eq!(paid, vec![34, 33, 34]);
		assert_eq!(free(payee), before + 101);
		assert_eq!(held(HoldReason::Committed, org(CITY_A)), 333 - 34 - retained[0]);
		assert_eq!(held(HoldReason::Retention, org(CITY_A)), retained[0]);
		assert_eq!(
			Escrows::position(AGREEMENT),
			Some(EscrowPosition {
				committed: 1_000,
				paid: 101,
				retained: 10,
				remaining: 889,
				recovered: 0,
				refunded: 0
			})
		);
		check();
		// Many awkward payouts never lose or create a unit.
		for amount in [1u64, 2, 7, 13, 99, 101, 3] {
			assert_ok!(Escrows::pay(AGREEMENT, &payee, amount, 1));
			check();
		}
		let position = Escrows::position(AGREEMENT).unwrap();
		assert_eq!(position.paid, 101 + 226);
		assert_eq!(position.retained, 10 + 7);
		assert_eq!(position.remaining, 1_000 - 327 - 17);
		assert_eq!(free(payee), before + 327);
	});
}

/// A payout to an account holding nothing yet (a new organisation
/// account) arrives even when a co-funder's part of it is below the
/// existential deposit: the largest part is credited first. Paid in pledge
/// order (200, then 300, then 500 of 10) the first credit, 2, was refused
/// as `BelowMinimum` and the payout could not be made.
#[test]
fn a_payout_to_an_empty_account_credits_the_largest_part_first() {
	run(|| {
		let pool = open(1_000, 20, vec![]);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 200));
		assert_ok!(Pools::pledge(signed(BOB), pool, 300));
		assert_ok!(Pools::pledge(signed(DAVE), pool, 500));
		ExistentialDeposit::set(5);
		let payee = 77;
		assert_eq!(free(payee), 0);
		let payment = Escrows::pay(AGREEMENT, &payee, 10, 0).unwrap();
		let paid: Vec<u64> = payment.paid.iter().map(|p| p.amount).collect();
		assert_eq!(paid, vec![2, 3, 5]);
		assert_eq!(free(payee), 10);
		check();
	});
}

/// The same for retention released at final acceptance to a payee whose
/// account holds nothing (every payout to it was offset by recoveries):
/// released in pledge order (2, then 3, then 5 of 10), the first credit was
/// below the existential deposit and settlement could not proceed.
#[test]
fn retention_released_to_an_empty_account_credits_the_largest_part_first() {
	run(|| {
		let pool = open(1_000, 20, vec![]);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 200));
		assert_ok!(Pools::pledge(signed(BOB), pool, 300));
		assert_ok!(Pools::pledge(signed(DAVE), pool, 500));
		assert_ok!(Escrows::pay(AGREEMENT, &CHARLIE, 0, 10));
		ExistentialDeposit::set(5);
		let payee = 78;
		let parts = Escrows::release_retention(AGREEMENT, &payee, 10).unwrap();
		let released: Vec<u64> = parts.iter().map(|p| p.amount).collect();
		assert_eq!(released, vec![2, 3, 5]);
		assert_eq!(free(payee), 10);
		check();
	});
}

#[test]
fn retention_recoveries_and_refunds_move_money_exactly() {
	run(|| {
		committed_pool();
		assert_eq!(
			Escrows::shares(AGREEMENT),
			vec![
				EscrowPart { account: org(CITY_A), organisation: CITY_A, amount: 500 },
				EscrowPart { account: org(CITY_B), organisation: CITY_B, amount: 300 },
				EscrowPart { account: org(FUNDER), organisation: FUNDER, amount: 200 },
			]
		);
		let payee = CHARLIE;
		let start = free(payee);
		assert_ok!(Escrows::pay(AGREEMENT, &payee, 400, 100));
		assert_eq!(held(HoldReason::Retention, org(CITY_A)), 50);
		assert_eq!(held(HoldReason::Retention, org(CITY_B)), 30);
		assert_eq!(held(HoldReason::Retention, org(FUNDER)), 20);

		// Retention released to the payee at final acceptance.
		let parts = Escrows::release_retention(AGREEMENT, &payee, 60).unwrap();
		assert_eq!(parts.iter().map(|p| p.amount).sum::<u64>(), 60);
		assert_eq!(free(payee), start + 460);

		// A recovery offset: returned to the co-funders from escrow.
		let anna = free(org(CITY_A));
		let parts = Escrows::offset_recovery(AGREEMENT, 100).unwrap();
		assert_eq!(parts.iter().map(|p| p.amount).sum::<u64>(), 100);
		assert_eq!(free(org(CITY_A)), anna + 50);

		// A recovery offset against retention: returned to the co-funders
		// from their retention holds (50 / 30 / 20 left, so 20 is 10 / 6 / 4).
		let (anna, bob, dave) = (free(org(CITY_A)), free(org(CITY_B)), free(org(FUNDER)));
		let parts = Escrows::offset_retention(AGREEMENT, 20).unwrap();
		assert_eq!(parts.iter().map(|p| p.amount).sum::<u64>(), 20);
		assert_eq!(
			(free(org(CITY_A)), free(org(CITY_B)), free(org(FUNDER))),
			(anna + 10, bob + 6, dave + 4)
		);
		assert_eq!(Escrows::position(AGREEMENT).unwrap().retained, 20);
		System::assert_last_event(
			Event::RetentionOffset { agreement: AGREEMENT, amount: 20 }.into(),
		);
		check();

		// A repayment by the payee, split in committed shares.
		let parts = Escrows::repay_recovery(AGREEMENT, &payee, 10).unwrap();
		assert_eq!(
			parts,
			vec![
				EscrowPart { account: org(CITY_A), organisation: CITY_A, amount: 5 },
				EscrowPart { account: org(CITY_B), organisation: CITY_B, amount: 3 },
				EscrowPart { account: org(FUNDER), organisation: FUNDER, amount: 2 },
			]
		);
		assert_eq!(free(payee), start + 450);
		check();

		// Unspent money and retention go back when the agreement ends.
		let parts = Escrows::refund_unspent(AGREEMENT).unwrap();
		assert_eq!(parts.iter().map(|p| p.amount).sum::<u64>(), 1_000 - 450 - 130);
		for who in [org(CITY_A), org(CITY_B), org(FUNDER)] {
			assert_eq!(held(HoldReason::Committed, who), 0);
			assert_eq!(held(HoldReason::Retention, who), 0);
		}
		assert_eq!(
			Escrows::position(AGREEMENT),
			Some(EscrowPosition {
				committed: 1_000,
				paid: 450,
				retained: 0,
				remaining: 0,
				recovered: 130,
				refunded: 420
			})
		);
		// Money is conserved: what the co-funders lost, the payee gained.
		let lost = 3 * ENDOWMENT - free(org(CITY_A)) - free(org(CITY_B)) - free(org(FUNDER));
		assert_eq!(lost, free(payee) - start);
	});
}

#[test]
fn escrow_errors_change_nothing() {
	run(|| {
		let payee = CHARLIE;
		assert_noop!(Escrows::pay(AGREEMENT, &payee, 1, 0), Error::<Test>::NoEscrow);
		assert_noop!(Escrows::release_retention(AGREEMENT, &payee, 1), Error::<Test>::NoEscrow);
		assert_noop!(Escrows::offset_recovery(AGREEMENT, 1), Error::<Test>::NoEscrow);
		assert_noop!(Escrows::offset_retention(AGREEMENT, 1), Error::<Test>::NoEscrow);
		assert_noop!(Escrows::repay_recovery(AGREEMENT, &payee, 1), Error::<Test>::NoEscrow);
		assert!(Escrows::shares(AGREEMENT).is_empty());
		assert_noop!(Escrows::refund_unspent(AGREEMENT), Error::<Test>::NoEscrow);
		assert_eq!(Escrows::position(AGREEMENT), None);
		committed_pool();
		assert_noop!(Escrows::pay(AGREEMENT, &payee, 1_000, 1), Error::<Test>::InsufficientEscrow);
		assert_noop!(Escrows::pay(AGREEMENT, &payee, u64::MAX, 1), Error::<Test>::Overflow);
		assert_noop!(
			Escrows::release_retention(AGREEMENT, &payee, 1),
			Error::<Test>::InsufficientRetention
		);
		assert_noop!(Escrows::offset_recovery(AGREEMENT, 1_001), Error::<Test>::InsufficientEscrow);
		assert_noop!(Escrows::offset_retention(AGREEMENT, 1), Error::<Test>::InsufficientRetention);
		assert_noop!(
			Escrows::repay_recovery(AGREEMENT, &payee, 1),
			Error::<Test>::RepaymentExceedsPaid
		);
		assert_ok!(Escrows::pay(AGREEMENT, &payee, 100, 0));
		assert_noop!(
			Escrows::repay_recovery(AGREEMENT, &payee, 101),
			Error::<Test>::RepaymentExceedsPaid
		);
		// A payer without the money repays nothing.
		assert_noop!(Escrows::repay_recovery(AGREEMENT, &8, 50), TokenError::FundsUnavailable);
	});
}

#[test]
fn a_failed_transfer_part_way_through_a_payout_moves_nothing() {
	run(|| {
		committed_pool();
		// Freeze one co-funder's committed hold away: the split still names
		// it, and its transfer fails after the others' would have succeeded.
		assert_ok!(Balances::release(
			&RuntimeHoldReason::Pools(HoldReason::Committed),
			&org(FUNDER),
			200,
			frame_support::traits::tokens::Precision::Exact
		));
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert!(Escrows::pay(AGREEMENT, &CHARLIE, 500, 0).is_err());
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
		// Put it back so the invariants hold again.
		assert_ok!(Balances::hold(
			&RuntimeHoldReason::Pools(HoldReason::Committed),
			&org(FUNDER),
			200
		));
	});
}

// ---- invariants ----

#[test]
fn try_state_finds_a_hold_no_pool_explains() {
	new_test_ext().execute_with(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		check();
		assert_ok!(Balances::hold(&RuntimeHoldReason::Pools(HoldReason::Pledged), &org(CITY_B), 1));
		assert!(Pools::do_try_state().is_err());
	});
}

#[test]
fn try_state_finds_tampered_escrow_totals() {
	new_test_ext().execute_with(|| {
		committed_pool();
		check();
		pallet::Escrows::<Test>::mutate(AGREEMENT, |escrow| {
			escrow.as_mut().unwrap().paid = 1;
		});
		assert!(Pools::do_try_state().is_err());
	});
}

#[test]
fn try_state_finds_a_pool_total_that_differs_from_its_pledges() {
	new_test_ext().execute_with(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
		Pledges::<Test>::insert(pool, BOB, Pledge { organisation: CITY_B, amount: 5 });
		assert!(Pools::do_try_state().is_err());
	});
}

#[test]
fn the_trail_head_chains_every_pool_action() {
	run(|| {
		committed_pool();
		let entries = pallet_civitas_audit_trail::Pallet::<Test>::entries(AGREEMENT);
		// Proposal, four approvals, three pledges, commitment.
		assert_eq!(entries.len(), 9);
		assert_eq!(
			recompute_head(AGREEMENT, entries.iter()),
			pallet_civitas_audit_trail::Trails::<Test>::get(AGREEMENT).unwrap().head
		);
	});
}

#[test]
fn the_agreement_part_decides_who_co_funds() {
	run(|| {
		// The partner is a party but not a co-funder.
		assert_eq!(MockAgreements::party_role(AGREEMENT, PARTNER), Some(PartyRole::PrivateParty));
		let pool = standard_pool();
		assert_noop!(
			Pools::pledge(signed(CHARLIE), pool, 100),
			Error::<Test>::NotCoFunderFinanceOfficer
		);
	});
}

// ---- attacks (docs/security.md) ----

/// Appends entries to [`AGREEMENT`]'s trail until it holds `MaxEntries`
/// less `short`, as an attacker's cheap calls (small top-ups, evidence
/// resubmissions, amendment cycles) would.
fn fill_trail(short: u32) {
	use civitas_primitives::{Actor, AuditLog};
	let len =
		pallet_civitas_audit_trail::Trails::<Test>::get(AGREEMENT).map_or(0, |trail| trail.len);
	for _ in len..MaxEntries::get() - short {
		assert_ok!(<AuditTrail as AuditLog<AccountId>>::record(
			AGREEMENT,
			Actor::Account(OUTSIDER),
			AuditAction::Pledged,
			sp_core::H256::zero(),
		));
	}
}

/// Finding 3: on a full trail, every call that appended failed, so pledges
/// could be neither withdrawn nor released by expiry. New pledges are
/// refused; money already held always leaves.
#[test]
fn attack_a_full_trail_cannot_trap_pledges() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 200));
		assert_ok!(Pools::pledge(signed(DAVE), pool, 50));
		fill_trail(0);
		assert_noop!(
			Pools::pledge(signed(BOB), pool, 100),
			pallet_civitas_audit_trail::Error::<Test>::TrailFull
		);
		assert_ok!(Pools::withdraw_pledge(signed(DAVE), pool));
		assert_eq!(held(HoldReason::Pledged, org(FUNDER)), 0);
		assert_eq!(free(org(FUNDER)), ENDOWMENT);
		System::set_block_number(21);
		assert_ok!(Pools::expire(signed(OUTSIDER), pool));
		assert_eq!(status(pool), PoolStatus::Failed { expired_at: 21, released_at: 21 });
		assert_eq!(held(HoldReason::Pledged, org(CITY_A)), 0);
		assert_eq!(held(HoldReason::PoolDeposit, ALICE), 0);
		assert_eq!(trail_actions().last(), Some(&AuditAction::PledgesReleased));
	});
}

/// Finding 3: a pledge admitted with one entry left in the trail could not
/// commit the pool it completed (the commitment's own entry did not fit),
/// so a nearly full trail kept a fully funded pool from ever committing.
#[test]
fn attack_a_nearly_full_trail_cannot_stop_a_pool_committing() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 700));
		fill_trail(1);
		assert_ok!(Pools::pledge(signed(BOB), pool, 300));
		assert!(matches!(status(pool), PoolStatus::Committed { .. }));
		assert_eq!(
			trail_actions()[MaxEntries::get() as usize - 1..],
			[AuditAction::Pledged, AuditAction::PoolCommitted]
		);
	});
}

/// Finding 3, the cost side: a first pledge had to hold the minimum, but a
/// top-up could be a single unit, each one an entry on the agreement's
/// trail: filling a trail cost fees only. A top-up now holds at least the
/// minimum too, unless it reaches the pool's target.
#[test]
fn attack_dust_top_ups_cannot_fill_a_trail() {
	run(|| {
		let pool = standard_pool();
		assert_ok!(Pools::pledge(signed(ANNA), pool, 10));
		assert_noop!(Pools::pledge(signed(ANNA), pool, 1), Error::<Test>::PledgeTooSmall);
		assert_noop!(Pools::pledge(signed(ANNA), pool, 9), Error::<Test>::PledgeTooSmall);
		assert_ok!(Pools::pledge(signed(ANNA), pool, 10));
		// Just short of the target (1 000), a top-up below the minimum that
		// reaches it is accepted.
		assert_ok!(Pools::pledge(signed(ANNA), pool, 680));
		assert_ok!(Pools::pledge(signed(BOB), pool, 299));
		assert_ok!(Pools::pledge(signed(BOB), pool, 1));
		assert!(matches!(status(pool), PoolStatus::Committed { .. }));
	});
}
