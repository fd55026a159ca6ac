//! The whole life of an agreement's money: pool committed, evidence,
//! verdicts, a payout with retention, a recovery, a late partly-met
//! milestone with penalty and the recovery offset, final acceptance
//! releasing the retention. Every party's balances are checked at each step.

use super::*;
use crate::{Disbursements as Payouts, Ledgers, Recoveries, RecoveryStatus};
use civitas_primitives::{conditions::SELECTOR_CHECK, Decision, PaidSoFar};
use codec::Encode;
use pallet_civitas_pools::HoldReason as Pool;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	Permill,
};

/// Free, committed and retained balances of the three co-funders'
/// organisation accounts.
fn co_funders() -> [(Balance, Balance, Balance); 3] {
	co_funder_accounts()
		.map(|who| (free(&who), pooled(Pool::Committed, &who), pooled(Pool::Retention, &who)))
}

#[test]
fn an_agreement_paid_milestone_by_milestone_through_final_acceptance() {
	run(|| {
		let agreement = active_agreement();
		let partner = partner_account();
		let [city_a, city_b, funder] = co_funder_accounts();
		let start = [&city_a, &city_b, &funder, &partner, &CHARLIE].map(total);
		// No finance officer's own key holds any of the public money.
		let officers = [&ALICE, &BOB, &DAVE].map(total);
		commit_pool(agreement);
		// Pledges are held on the co-funders' organisation accounts.
		assert_eq!(
			co_funders(),
			[
				(ENDOWMENT - 500 * K, 500 * K, 0),
				(ENDOWMENT - 300 * K, 300 * K, 0),
				(ENDOWMENT - 200 * K, 200 * K, 0)
			]
		);

		// Milestone 0, on its due date: evidence, then a verifier of the
		// engineer and a signatory of city B.
		at(DUE[0]);
		let charlie = free(&CHARLIE);
		submit(agreement, 0, 1);
		let deposit = held(HoldReason::EvidenceDeposit, &CHARLIE);
		assert!(deposit > 0);
		assert_eq!(free(&CHARLIE), charlie - deposit);
		judge(&EVE, agreement, 0, Verdict::Met);
		assert_eq!(status(agreement, 0), MilestoneStatus::UnderReview);
		judge(&BOB, agreement, 0, Verdict::Met);

		// 400 000 gross: 20 000 (5 %) retained, 380 000 paid to the
		// partner's organisation account; Charlie has the deposit back.
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { disbursement: 0, .. }));
		let first = Payouts::<Test>::get(0).unwrap();
		assert_eq!(
			(first.gross, first.penalty, first.retention, first.offset, first.net),
			(400 * K, 0, 20 * K, 0, 380 * K)
		);
		assert_eq!(free(&partner), 380 * K);
		assert_eq!(free(&CHARLIE), charlie);
		assert_eq!(held(HoldReason::EvidenceDeposit, &CHARLIE), 0);
		// Each co-funder paid its share (50 / 30 / 20 %) and holds its
		// share of the retention.
		assert_eq!(
			co_funders(),
			[
				(ENDOWMENT - 500 * K, 300 * K, 10 * K),
				(ENDOWMENT - 300 * K, 180 * K, 6 * K),
				(ENDOWMENT - 200 * K, 120 * K, 4 * K)
			]
		);
		// The decision record names the contract, its code and the input.
		let terms = Agreements::terms_in_force(agreement).unwrap();
		assert_eq!(first.decision.contract, terms.conditions.address);
		assert_eq!(first.decision.code_hash, terms.conditions.code_hash);
		assert_eq!(first.decision.answer, Ok(Decision::Allow));
		let mut input = SELECTOR_CHECK.to_vec();
		first.decision.query.encode_to(&mut input);
		assert_eq!(first.decision.input_hash, BlakeTwo256::hash(&input));
		let split: Vec<_> =
			first.decision.query.split.iter().map(|p| (p.funder, p.public, p.amount)).collect();
		assert_eq!(
			split,
			vec![(CITY_A, true, 200 * K), (CITY_B, true, 120 * K), (FUNDER, false, 80 * K)]
		);
		assert_eq!(Disbursements::paid(agreement, 0), 400 * K);

		// The court finds 30 000 of it irregular.
		assert_ok!(Disbursements::open_recovery(signed(&FERDIE), 0, 30 * K, note(9)));
		assert_eq!(held(HoldReason::RecoveryDeposit, &FERDIE), RecoveryDeposit::get());

		// Milestone 1, three full days late, 80 % met.
		at(DUE[1] + 3 * 86_400_000 + 5 * 3_600_000);
		let received = free(&partner);
		submit(agreement, 1, 3);
		let deposit = held(HoldReason::EvidenceDeposit, &CHARLIE);
		judge(&ANNA, agreement, 1, Verdict::PartiallyMet(Permill::from_percent(80)));
		judge(&DAVE, agreement, 1, Verdict::PartiallyMet(Permill::from_percent(80)));

		// 280 000 gross; 3 days × 0.1 % = 840 penalty (stays in escrow);
		// 14 000 retained; the 30 000 recovery offset; 235 160 paid.
		let second = Payouts::<Test>::get(1).unwrap();
		assert_eq!(
			(second.gross, second.penalty, second.retention, second.offset, second.net),
			(280 * K, 840 * UNIT, 14 * K, 30 * K, 235_160 * UNIT)
		);
		assert!(deposit > 0, "the evidence deposit was held until the payout");
		assert_eq!(free(&partner), received + 235_160 * UNIT);
		assert!(matches!(
			Recoveries::<Test>::get(0).unwrap().status,
			RecoveryStatus::Recovered { .. }
		));
		assert_eq!(held(HoldReason::RecoveryDeposit, &FERDIE), 0);
		// The offset went back to the co-funders (15 000 / 9 000 / 6 000).
		assert_eq!(
			co_funders(),
			[
				(ENDOWMENT - 500 * K + 15 * K, 300 * K - 117_580 * UNIT - 7 * K - 15 * K, 17 * K),
				(
					ENDOWMENT - 300 * K + 9 * K,
					180 * K - 70_548 * UNIT - 4_200 * UNIT - 9 * K,
					10_200 * UNIT
				),
				(
					ENDOWMENT - 200 * K + 6 * K,
					120 * K - 47_032 * UNIT - 2_800 * UNIT - 6 * K,
					6_800 * UNIT
				)
			]
		);

		// Final acceptance: governance completes the agreement; settling
		// releases the 34 000 retention to the partner and refunds the
		// 320 840 left (milestone 2, the 20 % not met, the penalty).
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), agreement));
		let received = free(&partner);
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		assert_eq!(free(&partner), received + 34 * K);
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		let ledger = Ledgers::<Test>::get(agreement).unwrap();
		assert_eq!(ledger.settlement.unwrap().refunded, 320_840 * UNIT);
		assert_eq!(ledger.retention_released, 34 * K);
		for who in [&city_a, &city_b, &funder, &ALICE, &BOB, &DAVE] {
			assert_eq!(pooled(Pool::Committed, who), 0);
			assert_eq!(pooled(Pool::Retention, who), 0);
		}

		// The partner's organisation account received 649 160; the
		// co-funders gave exactly that, in their shares; Charlie, who sent
		// the evidence, has what he started with; nothing was created or lost.
		let end = [&city_a, &city_b, &funder, &partner, &CHARLIE].map(total);
		assert_eq!([&ALICE, &BOB, &DAVE].map(total), officers, "officers' keys hold none of it");
		assert_eq!(end[3] - start[3], 649_160 * UNIT);
		assert_eq!(end[4], start[4]);
		assert_eq!(start[0] - end[0], 324_580 * UNIT);
		assert_eq!(start[1] - end[1], 194_748 * UNIT);
		assert_eq!(start[2] - end[2], 129_832 * UNIT);

		// Every step is in the trail.
		let actions = trail(agreement);
		let tail = &actions[actions.len() - 13..];
		assert_eq!(
			tail,
			&[
				AuditAction::PoolCommitted,
				AuditAction::EvidenceSubmitted,
				AuditAction::VerdictGiven,
				AuditAction::VerdictGiven,
				AuditAction::MilestonePaid,
				AuditAction::RecoveryOpened,
				AuditAction::EvidenceSubmitted,
				AuditAction::VerdictGiven,
				AuditAction::VerdictGiven,
				AuditAction::MilestonePaid,
				AuditAction::AgreementCompleted,
				AuditAction::RetentionReleased,
				AuditAction::EscrowSettled,
			][..]
		);
	});
}
