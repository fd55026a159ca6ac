//! `approve`: who may judge, one verdict each, roles counted once, the
//! fraction granted, and a not-met verdict ending the round.

use super::*;
use crate::{Error, Event};
use frame_support::assert_noop;
use sp_runtime::{DispatchError, Permill};

#[test]
fn a_verdict_short_of_the_rule_is_recorded_and_pays_nothing() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		let charlie = free(&CHARLIE);
		assert_ok!(give_verdict(signed(&EVE), agreement, 0, Verdict::Met, note(3)));
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert_eq!(record.status, MilestoneStatus::UnderReview);
		assert_eq!(record.approvals.len(), 1);
		assert_eq!(record.approvals[0].approver, EVE);
		assert_eq!(record.approvals[0].organisation, ENGINEER);
		assert_eq!(record.approvals[0].note, note(3));
		assert_eq!(free(&CHARLIE), charlie);
		System::assert_last_event(
			Event::VerdictGiven {
				agreement,
				milestone: 0,
				round: 1,
				evidence: record.evidence.hash(),
				approver: EVE,
				organisation: ENGINEER,
				verdict: Verdict::Met,
				note: note(3),
			}
			.into(),
		);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::VerdictGiven));
	});
}

#[test]
fn an_approver_with_two_of_the_rules_roles_fills_one_slot() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		// Dave is both a verifier and a signatory of the funder: alone he
		// does not satisfy "one verifier and one signatory".
		judge(&DAVE, agreement, 0, Verdict::Met);
		assert_eq!(status(agreement, 0), MilestoneStatus::UnderReview);
		assert_noop!(
			give_verdict(signed(&DAVE), agreement, 0, Verdict::Met, note(1)),
			Error::<Test>::AlreadyGaveVerdict
		);
		// Alice, a signatory only, completes it: Dave counts as the verifier.
		judge(&ALICE, agreement, 0, Verdict::Met);
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
	});
}

#[test]
fn a_verdict_filling_no_open_slot_is_refused() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		// The one verifier slot is taken; Erin holds no other of the rule's roles.
		assert_noop!(
			give_verdict(signed(&ERIN), agreement, 0, Verdict::Met, note(1)),
			Error::<Test>::VerdictNotNeeded
		);
		// Her objection still counts.
		judge(&ERIN, agreement, 0, Verdict::NotMet);
		assert!(matches!(status(agreement, 0), MilestoneStatus::NotMet { .. }));
	});
}

#[test]
fn the_least_fraction_granted_is_paid() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::PartiallyMet(Permill::from_percent(90)));
		judge(&BOB, agreement, 0, Verdict::PartiallyMet(Permill::from_percent(75)));
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert!(matches!(
			record.status,
			MilestoneStatus::Paid { fraction, .. } if fraction == Permill::from_percent(75)
		));
		assert_eq!(record.ocds_status(), "partiallyMet");
		assert_eq!(crate::Disbursements::<Test>::get(0).unwrap().gross, 300_000 * UNIT);
	});
}

#[test]
fn a_not_met_verdict_blocks_the_payout_until_new_evidence() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		let charlie = free(&CHARLIE);
		judge(&BOB, agreement, 0, Verdict::NotMet);
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert!(matches!(record.status, MilestoneStatus::NotMet { .. }));
		assert_eq!(record.ocds_status(), "notMet");
		assert_eq!(free(&CHARLIE), charlie);
		System::assert_last_event(
			Event::MilestoneNotMet { agreement, milestone: 0, round: 1 }.into(),
		);
		// Nobody may approve the failed round.
		assert_noop!(
			give_verdict(signed(&ALICE), agreement, 0, Verdict::Met, note(1)),
			Error::<Test>::NotUnderReview
		);
		// New evidence, new round: it can be approved and paid.
		submit(agreement, 0, 2);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
	});
}

#[test]
fn only_members_holding_a_named_role_in_a_party_or_designated_verifier_judge() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		let attempt =
			|who: &AccountId| give_verdict(signed(who), agreement, 0, Verdict::Met, note(1));
		assert_noop!(
			give_verdict(RuntimeOrigin::none(), agreement, 0, Verdict::Met, note(1)),
			DispatchError::BadOrigin
		);
		// The payee's own signatory and finance officer; a partner that is not
		// a party; the court (no role the rule names, not designated); nobody.
		for who in [&CHARLIE, &CLAIRE, &GRACE, &FERDIE, &OUTSIDER] {
			assert_noop!(attempt(who), Error::<Test>::NotAnApprover);
		}
		// A suspended verifier organisation.
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), ENGINEER));
		assert_noop!(attempt(&EVE), Error::<Test>::NotAnApprover);
	});
}

#[test]
fn verdicts_need_a_review_under_way_and_a_sound_fraction() {
	run(|| {
		let agreement = funded_agreement();
		assert_noop!(
			give_verdict(signed(&EVE), agreement, 0, Verdict::Met, note(1)),
			Error::<Test>::NotUnderReview
		);
		submit(agreement, 0, 1);
		for fraction in [Permill::zero(), Permill::one()] {
			assert_noop!(
				give_verdict(signed(&EVE), agreement, 0, Verdict::PartiallyMet(fraction), note(1)),
				Error::<Test>::InvalidFraction
			);
		}
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), agreement));
		assert_noop!(
			give_verdict(signed(&EVE), agreement, 0, Verdict::Met, note(1)),
			Error::<Test>::AgreementNotActive
		);
	});
}

#[test]
fn verdicts_are_taken_while_suspended_and_the_payout_deferred() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), agreement));
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert!(matches!(
			status(agreement, 0),
			MilestoneStatus::Approved { deferral: crate::Deferral::Suspended, .. }
		));
	});
}
