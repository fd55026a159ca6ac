//! Payouts: the contract's refusal leaves funds untouched and records its
//! reason; other code than the terms name pays nothing; disputes,
//! suspension and a missing escrow defer; `disburse` retries; amendments
//! cannot cut below what was paid.

use super::*;
use crate::{Deferral, Disbursements as Payouts, Error, Event};
use civitas_primitives::{ConditionsError, Decision, DenyReason, PaidSoFar, Role};
use frame_support::assert_noop;
use pallet_civitas_pools::HoldReason as Pool;
use sp_core::H256;
use sp_runtime::DispatchError;

/// Every co-funder's free, committed and retained balance, and the payee's.
fn money() -> Vec<Balance> {
	let mut all: Vec<Balance> = [&ALICE, &BOB, &DAVE]
		.into_iter()
		.flat_map(|who| [free(who), pooled(Pool::Committed, who), pooled(Pool::Retention, who)])
		.collect();
	all.push(free(&CHARLIE));
	all
}

/// An agreement whose contract allows at most 100 000 per payout.
fn capped_agreement() -> u32 {
	let agreement = pallet_civitas_agreements::NextAgreementId::<Test>::get();
	let mut capped = conditions(agreement);
	capped.max_single_payout = Some(100_000 * UNIT);
	let agreement = sign_agreement(terms(deploy(&capped)));
	commit_pool(agreement);
	at(DUE[0]);
	agreement
}

#[test]
fn a_denial_leaves_the_funds_untouched_and_records_the_reason() {
	run(|| {
		let agreement = capped_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		let before = money();
		judge(&BOB, agreement, 0, Verdict::Met);
		assert_eq!(money(), before);
		let MilestoneStatus::Blocked { decision, version: 0, .. } = status(agreement, 0) else {
			panic!("the milestone is blocked");
		};
		assert_eq!(decision.answer, Ok(Decision::Deny(DenyReason::AboveSinglePayoutLimit)));
		assert_eq!(decision.query.gross, 400_000 * UNIT);
		let contract = Agreements::terms_in_force(agreement).unwrap().conditions.address;
		System::assert_last_event(
			Event::PayoutBlocked {
				agreement,
				milestone: 0,
				contract,
				answer: Ok(Decision::Deny(DenyReason::AboveSinglePayoutLimit)),
			}
			.into(),
		);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::PayoutBlocked));
		assert!(Payouts::<Test>::get(0).is_none());
		assert_eq!(Disbursements::paid(agreement, 0), 0);
		// The evidence deposit stays held while the milestone is unpaid.
		assert!(held(HoldReason::EvidenceDeposit, &CHARLIE) > 0);
	});
}

#[test]
fn a_blocked_payout_is_retried_after_an_amendment() {
	run(|| {
		let agreement = capped_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::NotAmendedSinceBlocked
		);
		// The parties amend the terms to name a contract without the cap.
		amend(agreement, terms(deploy(&conditions(agreement))));
		let (charlie, partner) = (free(&CHARLIE), free(&partner_account()));
		let deposit = held(HoldReason::EvidenceDeposit, &CHARLIE);
		assert_ok!(Disbursements::disburse(signed(&ALICE), agreement, 0));
		let MilestoneStatus::Paid { disbursement, .. } = status(agreement, 0) else {
			panic!("the milestone is paid");
		};
		let paid = Payouts::<Test>::get(disbursement).unwrap();
		assert_eq!(paid.version, 1);
		// The net to the partner; the evidence deposit, released with the
		// payout, to Charlie who sent it.
		assert_eq!(free(&partner_account()), partner + paid.net);
		assert_eq!(free(&CHARLIE), charlie + deposit);
	});
}

#[test]
fn an_amendment_that_raises_the_rule_needs_new_evidence() {
	run(|| {
		let agreement = capped_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		let mut stricter = terms(deploy(&conditions(agreement)));
		stricter.milestones[0].approval = rule(&[(Role::Verifier, 2), (Role::Signatory, 1)]);
		amend(agreement, stricter);
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::VerdictsNoLongerSuffice
		);
		// New evidence, three verdicts: paid.
		submit(agreement, 0, 2);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&ERIN, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
	});
}

/// Terms can no longer name a contract running other code (finding 10),
/// but a contract's code can change after signing (pallet-revive's
/// `set_code_hash`, which a contract may call on itself): the payout still
/// checks the code and pays nothing on a difference.
#[test]
fn a_contract_whose_code_changed_since_signing_pays_nothing() {
	run(|| {
		let agreement = pallet_civitas_agreements::NextAgreementId::<Test>::get();
		let contract = deploy(&conditions(agreement));
		let expected = contract.code_hash;
		let agreement = sign_agreement(terms(contract));
		commit_pool(agreement);
		let found = H256::repeat_byte(0xAB);
		let mut info = pallet_revive::AccountInfo::<Test>::load_contract(&contract.address)
			.expect("the contract exists");
		info.code_hash = found;
		pallet_revive::AccountInfo::<Test>::insert_contract(&contract.address, info);
		at(DUE[0]);
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		let before = money();
		judge(&BOB, agreement, 0, Verdict::Met);
		assert_eq!(money(), before);
		let MilestoneStatus::Blocked { decision, .. } = status(agreement, 0) else {
			panic!("the milestone is blocked");
		};
		assert_eq!(decision.answer, Err(ConditionsError::CodeHashMismatch { expected, found }));
	});
}

#[test]
fn a_dispute_defers_the_payout_until_governance_resolves_it() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		assert_ok!(Disbursements::raise_dispute(signed(&BOB), agreement, note(5)));
		assert_eq!(held(HoldReason::DisputeDeposit, &BOB), DisputeDeposit::get());
		judge(&EVE, agreement, 0, Verdict::Met);
		let before = money();
		judge(&ALICE, agreement, 0, Verdict::Met);
		assert_eq!(money(), before);
		assert!(matches!(
			status(agreement, 0),
			MilestoneStatus::Approved { deferral: Deferral::Disputed, .. }
		));
		System::assert_last_event(
			Event::PayoutDeferred { agreement, milestone: 0, deferral: Deferral::Disputed }.into(),
		);
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::AgreementDisputed
		);
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(6),
			false
		));
		assert_eq!(held(HoldReason::DisputeDeposit, &BOB), 0);
		assert_ok!(Disbursements::disburse(signed(&DAVE), agreement, 0));
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
		let actions = trail(agreement);
		assert!(actions.contains(&AuditAction::DisputeRaised));
		assert!(actions.contains(&AuditAction::DisputeResolved));
	});
}

#[test]
fn a_suspension_defers_the_payout_until_resumed() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		assert_ok!(Agreements::suspend(RuntimeOrigin::root(), agreement));
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::AgreementNotActive
		);
		assert_ok!(Agreements::resume(RuntimeOrigin::root(), agreement));
		assert_ok!(Disbursements::disburse(signed(&ALICE), agreement, 0));
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
	});
}

#[test]
fn without_committed_money_the_payout_waits() {
	run(|| {
		let agreement = active_agreement();
		at(DUE[0]);
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert!(matches!(
			status(agreement, 0),
			MilestoneStatus::Approved { deferral: Deferral::NoEscrow, .. }
		));
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::NoEscrow
		);
		// Once the pool commits, it is paid.
		commit_pool(agreement);
		assert_ok!(Disbursements::disburse(signed(&ALICE), agreement, 0));
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
	});
}

#[test]
fn disburse_needs_a_party_finance_officer_and_something_to_pay() {
	run(|| {
		let agreement = funded_agreement();
		assert_noop!(
			Disbursements::disburse(RuntimeOrigin::none(), agreement, 0),
			DispatchError::BadOrigin
		);
		for who in [&EVE, &GRACE, &OUTSIDER] {
			assert_noop!(
				Disbursements::disburse(signed(who), agreement, 0),
				Error::<Test>::NotPartyFinanceOfficer
			);
		}
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::NothingToDisburse
		);
		submit(agreement, 0, 1);
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::NothingToDisburse
		);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			Error::<Test>::NothingToDisburse
		);
	});
}

#[test]
fn an_amendment_cannot_cut_a_milestone_below_what_was_paid() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		let mut cut = Agreements::terms_in_force(agreement).unwrap();
		cut.milestones[0].amount = 399_999 * UNIT;
		assert_noop!(
			Agreements::propose_amendment(signed(&ALICE), agreement, Box::new(cut), note(1)),
			pallet_civitas_agreements::Error::<Test>::AmendmentCutsPaidMilestone
		);
	});
}

/// A full list of disputed periods merges its two oldest to make room: it
/// can only excuse more of a payee's lateness, never less.
#[test]
fn disputed_time_merges_its_oldest_periods_when_full() {
	use crate::{DisputedTime, Span, MAX_DISPUTE_PERIODS};
	let mut time = DisputedTime::default();
	for index in 0..u64::from(MAX_DISPUTE_PERIODS) + 1 {
		time.open_since = Some(index * 10);
		time.close(index * 10 + 2);
	}
	assert_eq!(time.closed.len() as u32, MAX_DISPUTE_PERIODS);
	assert_eq!(time.closed[0], Span { from: 0, to: 12 });
	assert_eq!(time.closed[1], Span { from: 20, to: 22 });
	// Before: 2 + 2 between 0 and 20; after the merge, 12.
	assert_eq!(time.between(0, 20, 1_000), 12);
	// The open one counts up to now, clipped to the span asked about.
	time.open_since = Some(1_000);
	assert_eq!(time.between(995, 1_100, 1_050), 50);
}
