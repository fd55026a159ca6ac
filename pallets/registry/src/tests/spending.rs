//! Spending from organisation accounts: the four-eyes rule, its threshold,
//! and the attacks it stops.

use super::*;
use crate::{NextSpendId, Spend, Spends};
use frame_support::traits::fungible::{Inspect, Mutate};

/// A signatory of the city (organisation 0) besides its admin.
const CITY_SIGNATORY: u64 = 4;
/// A third signatory of the city.
const CITY_TREASURER: u64 = 5;
/// Payment order hash.
const ORDER: [u8; 32] = [7; 32];

fn city_account() -> u64 {
	Registry::organisation_account(0)
}

fn free(who: u64) -> u64 {
	Balances::balance(&who)
}

fn spend_held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::SpendDeposit.into(), &who)
}

/// The city with three signatories (its admin, 4 and 5) and 500 on its
/// organisation account.
fn city_with_signatories() {
	for who in [CITY_SIGNATORY, CITY_TREASURER] {
		assert_ok!(Registry::add_member(
			RuntimeOrigin::signed(CITY_ADMIN),
			0,
			who,
			Roles::of(&[Role::Signatory])
		));
	}
	assert_ok!(Balances::mint_into(&city_account(), 500));
}

/// Proposes a spend of `amount` to `to` by `who`; returns its id.
fn propose(who: u64, to: u64, amount: u64) -> u32 {
	let id = NextSpendId::<Test>::get();
	assert_ok!(Registry::propose_spend(RuntimeOrigin::signed(who), 0, to, amount, ORDER));
	id
}

#[test]
fn a_new_organisation_needs_two_signatories_and_counts_them() {
	run(|| {
		let city = Organisations::<Test>::get(0).unwrap();
		assert_eq!((city.signatories, city.spend_threshold), (1, 2));
		city_with_signatories();
		assert_eq!(Organisations::<Test>::get(0).unwrap().signatories, 3);
		assert_ok!(Registry::set_roles(
			RuntimeOrigin::signed(CITY_ADMIN),
			0,
			CITY_TREASURER,
			finance()
		));
		assert_eq!(Organisations::<Test>::get(0).unwrap().signatories, 2);
		assert_ok!(Registry::remove_member(RuntimeOrigin::signed(CITY_ADMIN), 0, CITY_SIGNATORY));
		assert_eq!(Organisations::<Test>::get(0).unwrap().signatories, 1);
	});
}

#[test]
fn two_signatories_pay_from_the_organisation_account() {
	run(|| {
		city_with_signatories();
		let spend = propose(CITY_SIGNATORY, OUTSIDER, 100);
		System::assert_last_event(
			Event::SpendProposed {
				organisation: 0,
				spend,
				proposer: CITY_SIGNATORY,
				to: OUTSIDER,
				amount: 100,
				reference: ORDER,
			}
			.into(),
		);
		assert_eq!(spend_held(CITY_SIGNATORY), 10);
		assert_eq!(free(OUTSIDER), 1_000, "nothing is paid on one signature");
		assert_eq!(
			Spends::<Test>::get(0, spend).unwrap().approvals.into_inner(),
			vec![CITY_SIGNATORY]
		);

		assert_ok!(Registry::approve_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, spend));
		System::assert_last_event(
			Event::Spent {
				organisation: 0,
				spend,
				to: OUTSIDER,
				amount: 100,
				approvals: vec![CITY_SIGNATORY, CITY_ADMIN],
			}
			.into(),
		);
		assert_eq!(free(OUTSIDER), 1_100);
		assert_eq!(free(city_account()), 400);
		assert_eq!(spend_held(CITY_SIGNATORY), 0, "the deposit is released");
		assert!(!Spends::<Test>::contains_key(0, spend));
	});
}

#[test]
fn a_higher_threshold_waits_for_every_approval_it_names() {
	run(|| {
		city_with_signatories();
		assert_ok!(Registry::set_spend_threshold(RuntimeOrigin::signed(CITY_ADMIN), 0, 3));
		System::assert_last_event(
			Event::SpendThresholdSet { organisation: 0, threshold: 3 }.into(),
		);
		let spend = propose(CITY_ADMIN, OUTSIDER, 100);
		assert_ok!(Registry::approve_spend(RuntimeOrigin::signed(CITY_SIGNATORY), 0, spend));
		System::assert_last_event(
			Event::SpendApproved {
				organisation: 0,
				spend,
				who: CITY_SIGNATORY,
				approvals: 2,
				threshold: 3,
			}
			.into(),
		);
		assert_eq!(free(city_account()), 500);
		assert_ok!(Registry::approve_spend(RuntimeOrigin::signed(CITY_TREASURER), 0, spend));
		assert_eq!(free(city_account()), 400);
	});
}

#[test]
fn a_signatory_who_approved_pays_a_spend_that_meets_a_lowered_threshold() {
	run(|| {
		city_with_signatories();
		assert_ok!(Registry::set_spend_threshold(RuntimeOrigin::signed(CITY_ADMIN), 0, 3));
		let spend = propose(CITY_ADMIN, OUTSIDER, 100);
		assert_ok!(Registry::approve_spend(RuntimeOrigin::signed(CITY_SIGNATORY), 0, spend));
		assert_ok!(Registry::set_spend_threshold(RuntimeOrigin::signed(CITY_ADMIN), 0, 2));
		assert_ok!(Registry::approve_spend(RuntimeOrigin::signed(CITY_SIGNATORY), 0, spend));
		assert_eq!(free(OUTSIDER), 1_100);
	});
}

#[test]
fn attack_one_signatory_cannot_spend_alone() {
	run(|| {
		city_with_signatories();
		// Approving one's own proposal again adds nothing.
		let spend = propose(CITY_SIGNATORY, CITY_SIGNATORY, 400);
		assert_noop!(
			Registry::approve_spend(RuntimeOrigin::signed(CITY_SIGNATORY), 0, spend),
			Error::<Test>::AlreadyApproved
		);
		// Nor can an admin lower the rule to one signature.
		assert_noop!(
			Registry::set_spend_threshold(RuntimeOrigin::signed(CITY_ADMIN), 0, 1),
			Error::<Test>::ThresholdBelowMinimum
		);
		assert_noop!(
			Registry::set_spend_threshold(RuntimeOrigin::root(), 0, 1),
			Error::<Test>::ThresholdBelowMinimum
		);
		assert_eq!(free(city_account()), 500);
		assert_eq!(free(CITY_SIGNATORY), 1_000 - 10);
	});
}

#[test]
fn attack_a_removed_member_can_no_longer_move_its_money() {
	run(|| {
		city_with_signatories();
		// A signatory on its way out proposes paying itself...
		let spend = propose(CITY_SIGNATORY, CITY_SIGNATORY, 400);
		assert_ok!(Registry::remove_member(RuntimeOrigin::signed(CITY_ADMIN), 0, CITY_SIGNATORY));
		// ...its approval lapsed with its membership: one more approval is
		// one of two, and nothing is paid.
		assert_ok!(Registry::approve_spend(RuntimeOrigin::signed(CITY_TREASURER), 0, spend));
		assert_eq!(free(city_account()), 500);
		assert_eq!(
			Spends::<Test>::get(0, spend).unwrap().approvals.into_inner(),
			vec![CITY_TREASURER]
		);
		// It can neither approve nor propose any more.
		assert_noop!(
			Registry::approve_spend(RuntimeOrigin::signed(CITY_SIGNATORY), 0, spend),
			Error::<Test>::NotSignatory
		);
		assert_noop!(
			Registry::propose_spend(
				RuntimeOrigin::signed(CITY_SIGNATORY),
				0,
				CITY_SIGNATORY,
				1,
				ORDER
			),
			Error::<Test>::NotSignatory
		);
		// Dropping the signatory role alone has the same effect.
		let again = propose(CITY_TREASURER, CITY_TREASURER, 400);
		assert_ok!(Registry::set_roles(
			RuntimeOrigin::signed(CITY_ADMIN),
			0,
			CITY_TREASURER,
			finance()
		));
		assert_noop!(
			Registry::approve_spend(RuntimeOrigin::signed(CITY_TREASURER), 0, again),
			Error::<Test>::NotSignatory
		);
		assert_eq!(free(city_account()), 500);
		// The admin drops the stale proposals; their deposits go back.
		assert_ok!(Registry::cancel_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, spend));
		assert_ok!(Registry::cancel_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, again));
		System::assert_last_event(Event::SpendCancelled { organisation: 0, spend: again }.into());
		assert_eq!((spend_held(CITY_SIGNATORY), spend_held(CITY_TREASURER)), (0, 0));
	});
}

#[test]
fn a_spend_the_account_cannot_cover_is_not_approved_and_can_be_approved_later() {
	run(|| {
		city_with_signatories();
		let spend = propose(CITY_SIGNATORY, OUTSIDER, 600);
		assert_noop!(
			Registry::approve_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, spend),
			TokenError::FundsUnavailable
		);
		assert_ok!(Balances::mint_into(&city_account(), 200));
		assert_ok!(Registry::approve_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, spend));
		assert_eq!(free(OUTSIDER), 1_600);
		assert_eq!(free(city_account()), 100, "the account is kept alive");
	});
}

#[test]
fn spending_refuses_bad_input_and_changes_nothing() {
	run(|| {
		city_with_signatories();
		let spend = propose(CITY_SIGNATORY, OUTSIDER, 100);
		let stored = Spends::<Test>::get(0, spend).unwrap();
		let signed = RuntimeOrigin::signed;
		assert_noop!(
			Registry::propose_spend(signed(PARTNER_ADMIN), 0, OUTSIDER, 1, ORDER),
			Error::<Test>::NotSignatory
		);
		assert_noop!(
			Registry::propose_spend(signed(CITY_ADMIN), 9, OUTSIDER, 1, ORDER),
			Error::<Test>::UnknownOrganisation
		);
		assert_noop!(
			Registry::propose_spend(signed(CITY_ADMIN), 0, OUTSIDER, 0, ORDER),
			Error::<Test>::ZeroSpend
		);
		assert_noop!(
			Registry::approve_spend(signed(CITY_ADMIN), 0, spend + 1),
			Error::<Test>::UnknownSpend
		);
		assert_noop!(
			Registry::approve_spend(signed(PARTNER_ADMIN), 0, spend),
			Error::<Test>::NotSignatory
		);
		assert_noop!(
			Registry::cancel_spend(signed(CITY_TREASURER), 0, spend),
			Error::<Test>::NotProposerOrAdmin
		);
		assert_noop!(
			Registry::cancel_spend(signed(CITY_ADMIN), 1, spend),
			Error::<Test>::UnknownSpend
		);
		assert_noop!(
			Registry::set_spend_threshold(signed(CITY_ADMIN), 0, 4),
			Error::<Test>::ThresholdAboveSignatories
		);
		assert_noop!(
			Registry::set_spend_threshold(signed(CITY_SIGNATORY), 0, 3),
			Error::<Test>::NotAdmin
		);
		// A proposer who cannot pay the deposit is refused.
		assert_ok!(Registry::add_member(
			signed(CITY_ADMIN),
			0,
			PAUPER,
			Roles::of(&[Role::Signatory])
		));
		assert_noop!(
			Registry::propose_spend(signed(PAUPER), 0, OUTSIDER, 1, ORDER),
			TokenError::FundsUnavailable
		);
		assert_eq!(Spends::<Test>::get(0, spend), Some(stored));
		assert_eq!(free(city_account()), 500);
	});
}

#[test]
fn a_suspended_organisation_cannot_spend_but_its_proposer_takes_back_the_deposit() {
	run(|| {
		city_with_signatories();
		let spend = propose(CITY_SIGNATORY, OUTSIDER, 100);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), 0));
		assert_noop!(
			Registry::approve_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, spend),
			Error::<Test>::OrganisationSuspended
		);
		assert_noop!(
			Registry::propose_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, OUTSIDER, 1, ORDER),
			Error::<Test>::OrganisationSuspended
		);
		assert_noop!(
			Registry::cancel_spend(RuntimeOrigin::signed(CITY_ADMIN), 0, spend),
			Error::<Test>::NotProposerOrAdmin
		);
		assert_ok!(Registry::cancel_spend(RuntimeOrigin::signed(CITY_SIGNATORY), 0, spend));
		assert_eq!(spend_held(CITY_SIGNATORY), 0);
	});
}

#[test]
fn governance_cancels_any_spend() {
	run(|| {
		city_with_signatories();
		let spend = propose(CITY_SIGNATORY, OUTSIDER, 100);
		assert_ok!(Registry::cancel_spend(RuntimeOrigin::root(), 0, spend));
		assert!(!Spends::<Test>::contains_key(0, spend));
		assert_eq!(spend_held(CITY_SIGNATORY), 0);
	});
}

#[test]
fn the_invariants_catch_a_spend_without_its_deposit() {
	run(|| {
		city_with_signatories();
		let spend = propose(CITY_SIGNATORY, OUTSIDER, 100);
		Spends::<Test>::mutate(0, spend, |stored| {
			let stored: &mut Spend<_, _, _, _> = stored.as_mut().unwrap();
			stored.deposit = 11;
		});
		assert!(Registry::do_try_state().is_err());
		Spends::<Test>::mutate(0, spend, |stored| stored.as_mut().unwrap().deposit = 10);
	});
}
