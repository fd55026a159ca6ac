//! `submit_evidence`: who may submit, what evidence must hold, the
//! chain-wide invoice registry, review rounds and the deposit.

use super::*;
use crate::{Error, Event, InvoiceUse, IssuedInvoices};
use civitas_primitives::DocumentType;
use frame_support::{assert_noop, traits::fungible::Mutate};
use sp_runtime::DispatchError;

#[test]
fn evidence_starts_a_review_holds_a_deposit_and_registers_its_invoices() {
	run(|| {
		let agreement = funded_agreement();
		let charlie = free(&CHARLIE);
		let documents = evidence(1);
		let list = invoices(vec![invoice(1, 150_000 * UNIT), invoice(2, 250_000 * UNIT)]);
		let deposit = Disbursements::evidence_deposit(&documents, &list);
		assert_ok!(Disbursements::submit_evidence(
			signed(&CHARLIE),
			agreement,
			0,
			documents.clone(),
			list.clone()
		));
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert_eq!(record.round, 1);
		assert_eq!(record.status, MilestoneStatus::UnderReview);
		assert_eq!(record.evidence.submitter, CHARLIE);
		assert_eq!(record.evidence.organisation, PARTNER);
		assert_eq!(record.evidence.documents, documents);
		assert_eq!(record.evidence.invoices, list);
		assert_eq!(record.evidence.deposit, deposit);
		assert_eq!(record.ocds_status().code(), "scheduled");
		assert_eq!(held(HoldReason::EvidenceDeposit, &CHARLIE), deposit);
		assert_eq!(free(&CHARLIE), charlie - deposit);
		for seed in [1, 2] {
			assert_eq!(
				IssuedInvoices::<Test>::get(PARTNER, [seed; 32]),
				Some(InvoiceUse { agreement, milestone: 0 })
			);
		}
		System::assert_last_event(
			Event::EvidenceSubmitted {
				agreement,
				milestone: 0,
				round: 1,
				evidence: record.evidence.hash(),
				submitter: CHARLIE,
				organisation: PARTNER,
				documents: 2,
				invoices: 2,
				invoiced: 400_000 * UNIT,
				deposit,
			}
			.into(),
		);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::EvidenceSubmitted));
	});
}

#[test]
fn new_evidence_after_not_met_starts_a_new_round_with_the_same_invoice() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::NotMet);
		judge(&BOB, agreement, 0, Verdict::NotMet);
		assert!(matches!(status(agreement, 0), MilestoneStatus::NotMet { .. }));
		// Claire, the partner's other finance officer, resubmits the same
		// invoice for the same milestone: the same claim, judged again.
		assert_ok!(Disbursements::submit_evidence(
			signed(&CLAIRE),
			agreement,
			0,
			evidence(5),
			invoices(vec![invoice(1, AMOUNTS[0])]),
		));
		let record = Milestones::<Test>::get(agreement, 0).unwrap();
		assert_eq!(record.round, 2);
		assert!(record.approvals.is_empty());
		assert_eq!(record.status, MilestoneStatus::UnderReview);
		// The first submission's deposit went back to Charlie.
		assert_eq!(held(HoldReason::EvidenceDeposit, &CHARLIE), 0);
		assert_eq!(held(HoldReason::EvidenceDeposit, &CLAIRE), record.evidence.deposit);
		// Eve may judge the new round.
		judge(&EVE, agreement, 0, Verdict::Met);
	});
}

#[test]
fn evidence_is_taken_while_the_agreement_is_suspended() {
	run(|| {
		let agreement = funded_agreement();
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), agreement));
		submit(agreement, 0, 1);
	});
}

#[test]
fn the_same_invoice_cannot_support_a_second_payment_anywhere() {
	run(|| {
		let first = funded_agreement();
		submit(first, 0, 1);
		let second = active_agreement();
		let before = root();
		// In another agreement...
		assert_noop!(
			Disbursements::submit_evidence(
				signed(&CHARLIE),
				second,
				0,
				evidence(9),
				invoices(vec![invoice(1, AMOUNTS[0])]),
			),
			Error::<Test>::DuplicateInvoice
		);
		// ... for another milestone of the same agreement...
		assert_noop!(
			Disbursements::submit_evidence(
				signed(&CHARLIE),
				first,
				1,
				evidence(9),
				invoices(vec![invoice(3, 1), invoice(1, AMOUNTS[0])]),
			),
			Error::<Test>::DuplicateInvoice
		);
		// ... or twice in one submission.
		assert_noop!(
			Disbursements::submit_evidence(
				signed(&CHARLIE),
				second,
				0,
				evidence(9),
				invoices(vec![invoice(4, 1), invoice(4, 1)]),
			),
			Error::<Test>::DuplicateInvoice
		);
		assert_eq!(root(), before);
		assert_eq!(IssuedInvoices::<Test>::get(PARTNER, [3; 32]), None);
	});
}

#[test]
fn only_a_finance_officer_of_the_private_party_submits() {
	run(|| {
		let agreement = funded_agreement();
		let attempt = |who: &AccountId| {
			Disbursements::submit_evidence(signed(who), agreement, 0, evidence(1), invoices(vec![]))
		};
		assert_noop!(
			Disbursements::submit_evidence(
				RuntimeOrigin::none(),
				agreement,
				0,
				evidence(1),
				invoices(vec![])
			),
			DispatchError::BadOrigin
		);
		// A city's finance officer, a partner that is not a party, an
		// engineer, someone who is nobody.
		for who in [&ALICE, &GRACE, &EVE, &OUTSIDER] {
			assert_noop!(attempt(who), Error::<Test>::NotPayeeFinanceOfficer);
		}
		// The partner suspended.
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), PARTNER));
		assert_noop!(attempt(&CHARLIE), Error::<Test>::NotPayeeFinanceOfficer);
	});
}

#[test]
fn evidence_needs_an_agreement_in_force_and_a_milestone_of_it() {
	run(|| {
		let agreement = funded_agreement();
		let attempt = |agreement: u32, milestone: u32| {
			Disbursements::submit_evidence(
				signed(&CHARLIE),
				agreement,
				milestone,
				evidence(1),
				invoices(vec![]),
			)
		};
		assert_noop!(attempt(agreement, 3), Error::<Test>::UnknownMilestone);
		assert_noop!(attempt(agreement + 1, 0), Error::<Test>::NotPayeeFinanceOfficer);
		// A draft between the same parties, with a contract of its own.
		let draft = pallet_civitas_agreements::NextAgreementId::<Test>::get();
		assert_ok!(Agreements::propose(
			signed(&ALICE),
			parties(),
			Box::new(terms(deploy(&conditions(draft))))
		));
		assert_noop!(attempt(draft, 0), Error::<Test>::AgreementNotInForce);
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), agreement));
		assert_noop!(attempt(agreement, 0), Error::<Test>::AgreementNotActive);
	});
}

#[test]
fn evidence_must_hold_sound_documents_and_invoices() {
	run(|| {
		let agreement = funded_agreement();
		let attempt = |documents: Documents, list: Vec<crate::Invoice<Balance>>| {
			Disbursements::submit_evidence(
				signed(&CHARLIE),
				agreement,
				0,
				documents,
				invoices(list),
			)
		};
		assert_noop!(attempt(no_documents(), vec![]), Error::<Test>::NoDocuments);
		let mut empty_uri = document(DocumentType::PhysicalProgressReport, 1);
		empty_uri.uri = BoundedVec::new();
		assert_noop!(
			attempt(BoundedVec::truncate_from(vec![empty_uri]), vec![]),
			Error::<Test>::EmptyUri
		);
		let twice = document(DocumentType::PhysicalProgressReport, 1);
		assert_noop!(
			attempt(BoundedVec::truncate_from(vec![twice.clone(), twice]), vec![]),
			Error::<Test>::DuplicateDocument
		);
		assert_noop!(attempt(evidence(1), vec![invoice(1, 0)]), Error::<Test>::ZeroInvoice);
		// A submitter who cannot pay the deposit.
		Balances::set_balance(&CLAIRE, 1);
		assert_noop!(
			Disbursements::submit_evidence(
				signed(&CLAIRE),
				agreement,
				0,
				evidence(1),
				invoices(vec![])
			),
			Error::<Test>::CannotPayDeposit
		);
	});
}

#[test]
fn evidence_of_an_approved_or_paid_milestone_is_final() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
		let again = |milestone| {
			Disbursements::submit_evidence(
				signed(&CHARLIE),
				agreement,
				milestone,
				evidence(9),
				invoices(vec![]),
			)
		};
		assert_noop!(again(0), Error::<Test>::EvidenceClosed);
		// Approved but deferred by a dispute.
		assert_ok!(Disbursements::raise_dispute(signed(&ALICE), agreement, note(1)));
		submit(agreement, 1, 3);
		judge(&EVE, agreement, 1, Verdict::Met);
		judge(&BOB, agreement, 1, Verdict::Met);
		assert!(matches!(status(agreement, 1), MilestoneStatus::Approved { .. }));
		assert_noop!(again(1), Error::<Test>::EvidenceClosed);
	});
}
