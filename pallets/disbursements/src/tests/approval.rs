//! `approve`: who may judge, one verdict each filling a slot of the rule,
//! roles counted once, the median fraction granted, verdicts against
//! ending the round, and contests ruled by governance.

use super::*;
use crate::{Error, Event};
use civitas_primitives::Role;
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
		// Nor does her objection: only verdicts that fill a slot count.
		assert_noop!(
			give_verdict(signed(&ERIN), agreement, 0, Verdict::NotMet, note(1)),
			Error::<Test>::VerdictNotNeeded
		);
		assert_eq!(status(agreement, 0), MilestoneStatus::UnderReview);
	});
}

#[test]
fn the_median_fraction_granted_is_paid() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		// Two verdicts: the mean of the two, 82.5 %.
		judge(&EVE, agreement, 0, Verdict::PartiallyMet(Permill::from_percent(90)));
		judge(&BOB, agreement, 0, Verdict::PartiallyMet(Permill::from_percent(75)));
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert!(matches!(
			record.status,
			MilestoneStatus::Paid { fraction, .. } if fraction == Permill::from_parts(825_000)
		));
		assert_eq!(record.ocds_status().code(), "partiallyMet");
		assert_eq!(crate::Disbursements::<Test>::get(0).unwrap().gross, 330_000 * UNIT);

		// Three verdicts (an amendment asks for two signatories): the middle
		// one, whatever the others say; an odd part is rounded down.
		amend_rule(agreement, rule(&[(Role::Verifier, 1), (Role::Signatory, 2)]));
		at(DUE[1]);
		submit(agreement, 1, 2);
		judge(&EVE, agreement, 1, Verdict::PartiallyMet(Permill::from_parts(1)));
		judge(&BOB, agreement, 1, Verdict::Met);
		judge(&ALICE, agreement, 1, Verdict::PartiallyMet(Permill::from_parts(600_001)));
		assert!(matches!(
			status(agreement, 1),
			MilestoneStatus::Paid { fraction, .. } if fraction == Permill::from_parts(600_001)
		));
	});
}

#[test]
fn verdicts_against_filling_the_rule_need_new_evidence() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::NotMet);
		// One verdict against decides nothing while a slot is open.
		assert_eq!(status(agreement, 0), MilestoneStatus::UnderReview);
		let charlie = free(&CHARLIE);
		judge(&BOB, agreement, 0, Verdict::NotMet);
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert!(matches!(record.status, MilestoneStatus::NotMet { .. }));
		assert_eq!(record.ocds_status().code(), "notMet");
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

#[test]
fn a_dissent_makes_the_milestone_contested_and_governance_rules() {
	run(|| {
		let agreement = funded_agreement();
		for milestone in [0, 1] {
			submit(agreement, milestone, milestone as u8 + 1);
			judge(&EVE, agreement, milestone, Verdict::PartiallyMet(Permill::from_percent(80)));
			judge(&BOB, agreement, milestone, Verdict::NotMet);
		}
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert!(matches!(record.status, MilestoneStatus::Contested { .. }));
		assert_eq!(record.ocds_status().code(), "scheduled");
		System::assert_has_event(
			Event::MilestoneContested { agreement, milestone: 0, round: 1, against: 1 }.into(),
		);
		// The round is closed to verdicts; the payee keeps its money waiting.
		assert_noop!(
			give_verdict(signed(&ALICE), agreement, 0, Verdict::Met, note(1)),
			Error::<Test>::NotUnderReview
		);
		let rule_on = |milestone, round, ruling| {
			Disbursements::resolve_contest(
				RuntimeOrigin::root(),
				agreement,
				milestone,
				round,
				ruling,
				note(7),
			)
		};
		// Only governance rules, on the current round of a contested milestone.
		assert_noop!(
			Disbursements::resolve_contest(
				signed(&ALICE),
				agreement,
				0,
				1,
				crate::Ruling::Met,
				note(7)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(rule_on(0, 2, crate::Ruling::Met), Error::<Test>::StaleRound);
		assert_noop!(rule_on(2, 1, crate::Ruling::Met), Error::<Test>::NotContested);
		// Under a stricter rule amended in since, the verdicts no longer
		// fill it: met cannot be ruled (not met still can, below).
		let in_force = Agreements::terms_in_force(agreement).unwrap();
		amend_rule(agreement, rule(&[(Role::Verifier, 1), (Role::Signatory, 2)]));
		assert_noop!(rule_on(0, 1, crate::Ruling::Met), Error::<Test>::VerdictsNoLongerSuffice);
		amend(agreement, in_force);

		// Met: the median of the verdicts in favour (80 %) is paid.
		let partner = Registry::organisation_account(PARTNER);
		let received = free(&partner);
		assert_ok!(rule_on(0, 1, crate::Ruling::Met));
		assert!(matches!(
			status(agreement, 0),
			MilestoneStatus::Paid { fraction, .. } if fraction == Permill::from_percent(80)
		));
		assert!(free(&partner) > received);
		System::assert_has_event(
			Event::ContestResolved {
				agreement,
				milestone: 0,
				round: 1,
				ruling: crate::Ruling::Met,
				reason: note(7),
			}
			.into(),
		);
		assert_noop!(rule_on(0, 1, crate::Ruling::Met), Error::<Test>::NotContested);

		// Not met: new evidence is needed; nothing is paid.
		let received = free(&partner);
		assert_ok!(rule_on(1, 1, crate::Ruling::NotMet));
		assert!(matches!(status(agreement, 1), MilestoneStatus::NotMet { .. }));
		assert_eq!(free(&partner), received);
		assert_eq!(
			trail(agreement).iter().filter(|a| **a == AuditAction::ContestResolved).count(),
			2
		);
	});
}
