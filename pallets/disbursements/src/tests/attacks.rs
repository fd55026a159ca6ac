//! Attacks on the ledger (docs/security.md), each tried against the real
//! pallets: what an attacker did on an earlier version, and what must hold.

use super::*;
use crate::{Error, Ledgers, MilestoneStatus};
use civitas_primitives::{Actor, AuditLog};
use civitas_primitives::{Approvers, PartyRole, Role};
use frame_support::assert_noop;
use pallet_civitas_pools::HoldReason as Pool;
use sp_core::H256;
use sp_runtime::Permill;

/// Appends entries to `agreement`'s trail until it holds `MaxEntries` less
/// `short`, as an attacker's cheap calls (evidence resubmissions, small
/// pledge top-ups, amendment cycles) would.
fn fill_trail(agreement: u32, short: u32) {
	let len =
		pallet_civitas_audit_trail::Trails::<Test>::get(agreement).map_or(0, |trail| trail.len);
	for _ in len..MaxEntries::get() - short {
		assert_ok!(<AuditTrail as AuditLog<AccountId>>::record(
			agreement,
			Actor::Account(OUTSIDER),
			AuditAction::EvidenceSubmitted,
			H256::zero(),
		));
	}
}

/// Finding 3: on a full trail every call that appended failed, so a
/// dispute could never be resolved and an ended agreement's escrow never
/// settled: the co-funders' money stayed held for good. New disputes are
/// refused; the freeze ends and the money goes back.
#[test]
fn attack_a_full_trail_cannot_keep_a_dispute_or_trap_the_escrow() {
	run(|| {
		let agreement = paid_agreement();
		assert_ok!(Disbursements::raise_dispute(signed(&BOB), agreement, note(5)));
		fill_trail(agreement, 0);
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(6),
			false
		));
		assert_noop!(
			Disbursements::raise_dispute(signed(&BOB), agreement, note(7)),
			pallet_civitas_audit_trail::Error::<Test>::TrailFull
		);
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), agreement));
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		for who in [&ALICE, &BOB, &DAVE] {
			assert_eq!(pooled(Pool::Committed, who) + pooled(Pool::Retention, who), 0);
		}
		assert!(Ledgers::<Test>::get(agreement).unwrap().settlement.is_some());
		assert_eq!(trail(agreement).last(), Some(&AuditAction::EscrowSettled));
	});
}

/// Finding 3: a verdict admitted with one entry left in the trail could not
/// pay the milestone it approved (the payment's own entry did not fit), so
/// a nearly full trail kept an approved milestone from ever being paid.
#[test]
fn attack_a_nearly_full_trail_cannot_stop_an_approved_payout() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		fill_trail(agreement, 1);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert!(matches!(status(agreement, 0), MilestoneStatus::Paid { .. }));
		let actions = trail(agreement);
		assert_eq!(
			actions[actions.len() - 2..],
			[AuditAction::VerdictGiven, AuditAction::MilestonePaid]
		);
	});
}

/// An active agreement between city A and the rival partner (Grace), on
/// the standard terms with a contract of its own.
fn rival_agreement() -> u32 {
	use civitas_primitives::{Party, PartyRole};
	let agreement = pallet_civitas_agreements::NextAgreementId::<Test>::get();
	let terms = terms(deploy(&conditions(agreement)));
	let hash = terms.hash();
	let parties = frame_support::BoundedVec::truncate_from(vec![
		Party { organisation: CITY_A, role: PartyRole::PublicAuthority },
		Party { organisation: RIVAL, role: PartyRole::PrivateParty },
	]);
	assert_ok!(Agreements::propose(signed(&ALICE), parties, Box::new(terms)));
	for signer in [&ALICE, &GRACE] {
		assert_ok!(Agreements::sign(signed(signer), agreement, hash));
	}
	agreement
}

/// Finding 9: invoices were registered by hash alone, first come first
/// served, so a finance officer of any private party could register the
/// hash of another partner's invoice for a milestone of its own (having
/// seen the pending submission, or the invoice itself) and the genuine
/// claim failed with `DuplicateInvoice` for good. An invoice is now keyed
/// with its issuer: the squatter claims only its own copy, the issuer's
/// claim goes through, and the issuer still cannot use it twice.
#[test]
fn attack_a_squatted_invoice_does_not_block_its_issuer() {
	run(|| {
		let victim = funded_agreement();
		let rival = rival_agreement();
		let partners_invoice = invoice(1, AMOUNTS[0]);
		assert_ok!(Disbursements::submit_evidence(
			signed(&GRACE),
			rival,
			0,
			evidence(8),
			invoices(vec![partners_invoice]),
		));
		submit(victim, 0, 1);
		let owner = |agreement| Some(crate::InvoiceUse { agreement, milestone: 0 });
		assert_eq!(crate::IssuedInvoices::<Test>::get(PARTNER, [1; 32]), owner(victim));
		assert_eq!(crate::IssuedInvoices::<Test>::get(RIVAL, [1; 32]), owner(rival));
		assert_noop!(
			Disbursements::submit_evidence(
				signed(&CHARLIE),
				victim,
				1,
				evidence(9),
				invoices(vec![partners_invoice]),
			),
			crate::Error::<Test>::DuplicateInvoice
		);
	});
}

/// Finding 1: a verdict named only the agreement and milestone, and the
/// payout went to whoever submitted the approved round. Claire, a second
/// finance officer of the partner, replaced Charlie's evidence under review
/// with an identical copy the moment it was judged once: Bob's verdict,
/// already on its way, then counted for her round, and the payout landed
/// on her personal account. Now a replacement waits for the review period
/// and is announced; a verdict names its round and evidence hash and fails
/// on another; the payee is the partner's organisation account whoever
/// submitted.
#[test]
fn attack_a_copied_submission_cannot_take_the_payout() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		let (round, evidence) = current(agreement, 0);
		judge(&EVE, agreement, 0, Verdict::Met);
		let copy = || {
			Disbursements::submit_evidence(
				signed(&CLAIRE),
				agreement,
				0,
				super::evidence(1),
				invoices(vec![invoice(1, AMOUNTS[0])]),
			)
		};
		assert_noop!(copy(), crate::Error::<Test>::ReviewInProgress);

		System::set_block_number(System::block_number() + MinReviewPeriod::get());
		assert_ok!(copy());
		System::assert_has_event(
			crate::Event::EvidenceReplaced { agreement, milestone: 0, round, verdicts: 1 }.into(),
		);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::EvidenceSubmitted));
		// Bob's verdict on round 1, in flight when the copy landed.
		assert_noop!(
			Disbursements::approve(
				signed(&BOB),
				agreement,
				0,
				round,
				evidence,
				Verdict::Met,
				note(2)
			),
			crate::Error::<Test>::StaleRound
		);
		// A verdict on the right round naming other evidence.
		assert_noop!(
			Disbursements::approve(
				signed(&BOB),
				agreement,
				0,
				round + 1,
				H256::repeat_byte(9),
				Verdict::Met,
				note(2)
			),
			crate::Error::<Test>::EvidenceMismatch
		);

		let (claire, charlie, partner) =
			(total(&CLAIRE), total(&CHARLIE), free(&partner_account()));
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		let paid = crate::Disbursements::<Test>::get(0).expect("milestone 0 was paid");
		assert_eq!(paid.payee, partner_account());
		assert_eq!(free(&partner_account()), partner + paid.net);
		// Claire gets her evidence deposit back, nothing more; Charlie nothing.
		assert_eq!(total(&CLAIRE), claire);
		assert_eq!(held(HoldReason::EvidenceDeposit, &CLAIRE), 0);
		assert_eq!(total(&CHARLIE), charlie);
	});
}

/// Finding 1: any finance officer of any private party could replace the
/// evidence under review, so a second private party of the agreement could
/// take over a milestone another was being judged on. Only the party that
/// submitted evidence under review may replace it.
#[test]
fn attack_another_private_party_cannot_take_over_a_review() {
	use civitas_primitives::{Party, PartyRole};
	run(|| {
		let agreement = pallet_civitas_agreements::NextAgreementId::<Test>::get();
		let terms = terms(deploy(&conditions(agreement)));
		let hash = terms.hash();
		let mut both = parties();
		assert_ok!(both.try_push(Party { organisation: RIVAL, role: PartyRole::PrivateParty }));
		assert_ok!(Agreements::propose(signed(&ALICE), both, Box::new(terms)));
		for signer in [&ALICE, &BOB, &CHARLIE, &DAVE, &GRACE] {
			assert_ok!(Agreements::sign(signed(signer), agreement, hash));
		}
		commit_pool(agreement);
		submit(agreement, 0, 1);
		System::set_block_number(System::block_number() + MinReviewPeriod::get());
		assert_noop!(
			Disbursements::submit_evidence(
				signed(&GRACE),
				agreement,
				0,
				evidence(1),
				invoices(vec![invoice(2, AMOUNTS[0])]),
			),
			crate::Error::<Test>::EvidenceOfAnotherParty
		);
	});
}

/// Finding 2 (payee standing): the payee was checked only when it
/// submitted. A partner suspended by governance after submitting was still
/// paid on the last verdict. Its standing is checked again at payment: the
/// payout waits, and is made to its organisation account once reinstated.
#[test]
fn attack_a_suspended_payee_is_not_paid() {
	run(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), PARTNER));
		let partner = free(&partner_account());
		judge(&BOB, agreement, 0, Verdict::Met);
		assert!(matches!(
			status(agreement, 0),
			MilestoneStatus::Approved { deferral: crate::Deferral::PayeeNotActive, .. }
		));
		assert_eq!(free(&partner_account()), partner);
		assert_noop!(
			Disbursements::disburse(signed(&ALICE), agreement, 0),
			crate::Error::<Test>::PayeeNotActive
		);
		assert_ok!(Registry::reinstate(RuntimeOrigin::root(), PARTNER));
		assert_ok!(Disbursements::disburse(signed(&ALICE), agreement, 0));
		assert!(free(&partner_account()) > partner);
	});
}

/// Finding 2 (money on personal keys): payouts were made to the finance
/// officer who submitted, whose account kept the money after the officer
/// left the organisation. The money is on the organisation account;
/// removing the officer moves none of it.
#[test]
fn attack_a_departing_officer_keeps_none_of_the_payout() {
	run(|| {
		let agreement = funded_agreement();
		let claire = total(&CLAIRE);
		assert_ok!(Disbursements::submit_evidence(
			signed(&CLAIRE),
			agreement,
			0,
			evidence(1),
			invoices(vec![invoice(1, AMOUNTS[0])]),
		));
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		let paid = crate::Disbursements::<Test>::get(0).expect("milestone 0 was paid");
		assert_ok!(Registry::remove_member(signed(&CHARLIE), PARTNER, CLAIRE));
		assert_eq!(total(&CLAIRE), claire);
		assert_eq!(free(&partner_account()), paid.net);
	});
}

/// Finding 10, against the committed contract on pallet-revive: terms could
/// name a contract that does not exist, runs other code, or holds another
/// agreement's conditions, and every payout of the agreement then failed
/// for good. The agreements pallet reads the contract's conditions when
/// terms are proposed and refuses all three.
#[test]
fn attack_an_agreement_cannot_bind_a_dead_or_foreign_contract() {
	use civitas_primitives::ConditionsContract;
	use pallet_civitas_agreements::Error as AgreementsError;
	use sp_core::H160;
	run(|| {
		let other = funded_agreement();
		let theirs = Agreements::terms_in_force(other).expect("in force").conditions;
		let next = pallet_civitas_agreements::NextAgreementId::<Test>::get();
		let propose = |contract| {
			Agreements::propose(signed(&ALICE), parties(), Box::new(terms(contract)))
				.map(|_| ())
				.map_err(|e| e.error)
		};
		let nowhere =
			ConditionsContract { address: H160::repeat_byte(0x42), code_hash: theirs.code_hash };
		assert_noop!(propose(nowhere), AgreementsError::<Test>::NoConditionsContract);
		assert_noop!(propose(theirs), AgreementsError::<Test>::ConditionsOfAnotherAgreement);
		let mine = deploy(&conditions(next));
		let other_code = ConditionsContract { code_hash: H256::repeat_byte(0x11), ..mine };
		assert_noop!(propose(other_code), AgreementsError::<Test>::ConditionsCodeMismatch);
		assert_ok!(propose(mine));
	});
}

/// Finding 8: any member with the auditor role of any auditor organisation
/// could open recoveries on any payout, which are then offset against the
/// partner's later payouts, and nothing could cancel one. Only an auditor
/// organisation the agreement's terms designate (or governance) opens
/// recoveries now, and governance can cancel what is still owed, with its
/// reasons on the trail; an unfounded recovery's deposit goes to the payee.
#[test]
fn attack_an_auditor_without_a_mandate_cannot_claw_back_a_payout() {
	use crate::Error;
	run(|| {
		// An agreement whose terms designate the engineer only.
		let agreement = pallet_civitas_agreements::NextAgreementId::<Test>::get();
		let mut unaudited = terms(deploy(&conditions(agreement)));
		unaudited.verifiers = frame_support::BoundedVec::truncate_from(vec![ENGINEER]);
		let agreement = sign_agreement(unaudited);
		commit_pool(agreement);
		at(DUE[0]);
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		judge(&BOB, agreement, 0, Verdict::Met);
		assert_noop!(
			Disbursements::open_recovery(signed(&FERDIE), 0, 8 * K, note(1)),
			Error::<Test>::AuditorNotNamed
		);
		// Governance may still act on any payout.
		assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, 8 * K, note(1)));
	});
}

/// Finding 8, the second half: governance cancels an unfounded recovery a
/// named auditor opened. Nothing more is offset against the partner, the
/// payout may be recovered from again, and the auditor's deposit goes to
/// the partner's organisation account.
#[test]
fn attack_an_unfounded_recovery_is_cancelled_at_the_openers_cost() {
	use crate::{Error, Event, OpenRecoveries, Recoveries, RecoveryStatus};
	use sp_runtime::DispatchError;
	run(|| {
		let agreement = paid_agreement();
		assert_ok!(Disbursements::open_recovery(signed(&FERDIE), 0, 8 * K, note(1)));
		let deposit = held(HoldReason::RecoveryDeposit, &FERDIE);
		assert_eq!(deposit, RecoveryDeposit::get());
		let (ferdie, partner) = (total(&FERDIE), free(&partner_account()));
		assert_noop!(
			Disbursements::cancel_recovery(signed(&FERDIE), 0, note(2), true),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disbursements::cancel_recovery(RuntimeOrigin::root(), 1, note(2), true),
			Error::<Test>::UnknownRecovery
		);
		assert_ok!(Disbursements::cancel_recovery(RuntimeOrigin::root(), 0, note(2), true));
		System::assert_last_event(
			Event::RecoveryCancelled {
				recovery: 0,
				agreement,
				cancelled: 8 * K,
				reason: note(2),
				deposit_forfeited: true,
			}
			.into(),
		);
		assert!(matches!(
			Recoveries::<Test>::get(0).unwrap().status,
			RecoveryStatus::Cancelled { cancelled, .. } if cancelled == 8 * K
		));
		assert!(OpenRecoveries::<Test>::get(agreement).is_empty());
		assert_eq!(crate::Disbursements::<Test>::get(0).unwrap().recovered, 0);
		assert_eq!(held(HoldReason::RecoveryDeposit, &FERDIE), 0);
		assert_eq!(total(&FERDIE), ferdie - deposit);
		assert_eq!(free(&partner_account()), partner + deposit);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::RecoveryCancelled));
		assert_noop!(
			Disbursements::cancel_recovery(RuntimeOrigin::root(), 0, note(2), false),
			Error::<Test>::RecoveryClosed
		);
		// The next payout is not offset.
		submit(agreement, 1, 3);
		judge(&EVE, agreement, 1, Verdict::Met);
		judge(&BOB, agreement, 1, Verdict::Met);
		assert_eq!(crate::Disbursements::<Test>::get(1).unwrap().offset, 0);
	});
}

/// A founded recovery cancelled (settled another way) returns the
/// auditor's deposit; what was offset before stays recovered.
#[test]
fn a_cancelled_recovery_keeps_what_was_recovered_and_returns_the_deposit() {
	use crate::{Recoveries, RecoveryStatus};
	run(|| {
		let agreement = paid_agreement();
		assert_ok!(Disbursements::open_recovery(signed(&FERDIE), 0, 370 * K, note(1)));
		// Milestone 1 pays 350 000 gross, 332 500 after retention: all of
		// it is offset, 37 500 stays owed.
		at(DUE[1]);
		submit(agreement, 1, 3);
		judge(&EVE, agreement, 1, Verdict::Met);
		judge(&BOB, agreement, 1, Verdict::Met);
		let RecoveryStatus::Open { outstanding } = Recoveries::<Test>::get(0).unwrap().status
		else {
			panic!("part of the recovery is still owed");
		};
		let ferdie = free(&FERDIE);
		assert_ok!(Disbursements::cancel_recovery(RuntimeOrigin::root(), 0, note(2), false));
		assert_eq!(free(&FERDIE), ferdie + RecoveryDeposit::get());
		assert_eq!(outstanding, 37_500 * UNIT);
		assert_eq!(crate::Disbursements::<Test>::get(0).unwrap().recovered, 370 * K - outstanding);
		assert!(crate::OpenRecoveries::<Test>::get(agreement).is_empty());
	});
}

/// Finding 6 (disputes re-raised at will): a dispute freezes every payout
/// of the agreement, and its deposit always came back, so a party could
/// raise one again right after each resolution at no cost. Governance now
/// says whether a dispute was unfounded; its deposit is then burnt.
#[test]
fn attack_an_unfounded_dispute_costs_its_raiser_the_deposit() {
	run(|| {
		let agreement = paid_agreement();
		let (bob, issued) = (total(&BOB), Balances::total_issuance());
		assert_ok!(Disbursements::raise_dispute(signed(&BOB), agreement, note(5)));
		assert_ok!(Disbursements::resolve_dispute(RuntimeOrigin::root(), agreement, note(6), true));
		System::assert_last_event(
			crate::Event::DisputeResolved {
				agreement,
				resolution: note(6),
				deposit_forfeited: true,
			}
			.into(),
		);
		assert_eq!(total(&BOB), bob - DisputeDeposit::get());
		assert_eq!(Balances::total_issuance(), issued - DisputeDeposit::get());
		assert_eq!(held(HoldReason::DisputeDeposit, &BOB), 0);
		// Raised again, and found founded this time: the deposit comes back.
		assert_ok!(Disbursements::raise_dispute(signed(&BOB), agreement, note(7)));
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(8),
			false
		));
		assert_eq!(total(&BOB), bob - DisputeDeposit::get());
	});
}

/// Finding 6 (dust recoveries): an agreement holds at most
/// `MAX_OPEN_RECOVERIES` open recoveries, and any amount above zero could
/// open one, so sixteen one-planck recoveries filled every slot and the
/// next real finding could not be recorded until governance cleared them.
/// A recovery claims at least `MinimumRecovery`, unless it claims the rest
/// of its payout.
#[test]
fn attack_dust_recoveries_cannot_fill_the_recovery_slots() {
	use crate::{Error, OpenRecoveries};
	run(|| {
		let agreement = paid_agreement();
		let net = crate::Disbursements::<Test>::get(0).unwrap().net;
		let dust = MinimumRecovery::get() - 1;
		assert_noop!(
			Disbursements::open_recovery(signed(&FERDIE), 0, 1, note(1)),
			Error::<Test>::RecoveryTooSmall
		);
		assert_noop!(
			Disbursements::open_recovery(RuntimeOrigin::root(), 0, dust, note(1)),
			Error::<Test>::RecoveryTooSmall
		);
		// All but dust of the payout, then the dust that remains of it.
		assert_ok!(Disbursements::open_recovery(signed(&FERDIE), 0, net - dust, note(1)));
		assert_ok!(Disbursements::open_recovery(signed(&FERDIE), 0, dust, note(2)));
		assert_eq!(OpenRecoveries::<Test>::get(agreement).len(), 2);
	});
}

const DAY: u64 = civitas_primitives::ids::MILLIS_PER_DAY;
const HOUR: u64 = DAY / 24;

/// The penalty of `milestone`'s payout, and the full days late the
/// contract was told.
fn penalty_of(agreement: u32, milestone: MilestoneIndex) -> (Balance, u64) {
	match status(agreement, milestone) {
		MilestoneStatus::Paid { disbursement, .. } => {
			let payout = crate::Disbursements::<Test>::get(disbursement).unwrap();
			(payout.penalty, payout.decision.query.late_by / DAY)
		},
		other => panic!("milestone {milestone} is not paid: {other:?}"),
	}
}

/// Finding 5: the late penalty was measured at payment, so a verifier who
/// took ten days, or a city whose dispute froze payouts for a week, grew
/// the partner's penalty. Lateness now runs from the due date to the
/// submission of the evidence approved, less the time other parties'
/// disputes were open in between; the partner's own dispute excuses nothing.
#[test]
fn attack_others_delays_cannot_grow_the_payees_penalty() {
	run(|| {
		let agreement = funded_agreement();
		// Milestone 0: delivered a day and an hour late; then the verifier
		// takes ten days and city B's dispute freezes the payout a week.
		at(DUE[0] + DAY + HOUR);
		submit(agreement, 0, 1);
		at(DUE[0] + 11 * DAY);
		judge(&EVE, agreement, 0, Verdict::Met);
		assert_ok!(Disbursements::raise_dispute(signed(&BOB), agreement, note(1)));
		judge(&BOB, agreement, 0, Verdict::Met);
		at(DUE[0] + 18 * DAY);
		assert_ok!(Disbursements::resolve_dispute(RuntimeOrigin::root(), agreement, note(2), true));
		assert_ok!(Disbursements::disburse(signed(&ALICE), agreement, 0));
		// One full day at 0.1 % of 400 000, not eighteen.
		assert_eq!(penalty_of(agreement, 0), (400 * UNIT, 1));

		// Milestone 1: city B's dispute is open for three days after the due
		// date, and the partner delivers four days and an hour late: one
		// day and an hour count.
		at(DUE[1]);
		assert_ok!(Disbursements::raise_dispute(signed(&BOB), agreement, note(3)));
		at(DUE[1] + 3 * DAY);
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(4),
			false
		));
		at(DUE[1] + 4 * DAY + HOUR);
		submit(agreement, 1, 2);
		judge(&EVE, agreement, 1, Verdict::Met);
		judge(&BOB, agreement, 1, Verdict::Met);
		assert_eq!(penalty_of(agreement, 1), (350 * UNIT, 1));

		// Milestone 2: the partner's own dispute excuses nothing.
		at(DUE[2]);
		assert_ok!(Disbursements::raise_dispute(signed(&CHARLIE), agreement, note(5)));
		at(DUE[2] + 3 * DAY);
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(6),
			false
		));
		at(DUE[2] + 4 * DAY + HOUR);
		submit(agreement, 2, 3);
		judge(&EVE, agreement, 2, Verdict::Met);
		judge(&BOB, agreement, 2, Verdict::Met);
		assert_eq!(penalty_of(agreement, 2), (1_000 * UNIT, 4));
	});
}

/// Finding 4: one approver decided alone. Any holder of a role the rule
/// named could veto with "not met" even after others had filled the rule's
/// slots, one "partially met, 1 ppm" set the payout for everyone, and a rule
/// could not say whose members judge. Now only verdicts that fill a slot
/// count, the median of the verdicts in favour is paid, a dissent inside
/// the rule goes to governance, and a rule can name organisations.
#[test]
fn attack_one_approver_cannot_decide_alone() {
	run(|| {
		let agreement = funded_agreement();
		let partner = Registry::organisation_account(PARTNER);

		// A second engineer vetoes after Eve filled the one verifier slot.
		submit(agreement, 0, 1);
		judge(&EVE, agreement, 0, Verdict::Met);
		assert_noop!(
			give_verdict(signed(&ERIN), agreement, 0, Verdict::NotMet, note(6)),
			Error::<Test>::VerdictNotNeeded
		);
		// City B's signatory dissents from inside the rule: a contest, not a
		// veto; governance rules it met and the milestone is paid in full.
		judge(&BOB, agreement, 0, Verdict::NotMet);
		assert!(matches!(status(agreement, 0), MilestoneStatus::Contested { .. }));
		assert_ok!(Disbursements::resolve_contest(
			RuntimeOrigin::root(),
			agreement,
			0,
			1,
			crate::Ruling::Met,
			note(7)
		));
		assert!(matches!(
			status(agreement, 0),
			MilestoneStatus::Paid { fraction, .. } if fraction == Permill::one()
		));

		// Three slots: a funder's "1 ppm" does not set the payout.
		amend_rule(agreement, rule(&[(Role::Verifier, 1), (Role::Signatory, 2)]));
		at(DUE[1]);
		submit(agreement, 1, 2);
		judge(&BOB, agreement, 1, Verdict::PartiallyMet(Permill::from_parts(1)));
		judge(&EVE, agreement, 1, Verdict::Met);
		let before = free(&partner);
		judge(&ALICE, agreement, 1, Verdict::Met);
		assert!(matches!(
			status(agreement, 1),
			MilestoneStatus::Paid { fraction, .. } if fraction == Permill::one()
		));
		assert!(free(&partner) > before);

		// A rule naming the engineer and the public authority: the funder's
		// verifier and signatory, and city B (a funder), cannot judge.
		amend_rule(
			agreement,
			scoped_rule(&[
				(Role::Verifier, 1, Approvers::Organisation(ENGINEER)),
				(Role::Signatory, 1, Approvers::Parties(PartyRole::PublicAuthority)),
			]),
		);
		at(DUE[2]);
		submit(agreement, 2, 3);
		for outsider in [&DAVE, &BOB] {
			assert_noop!(
				give_verdict(signed(outsider), agreement, 2, Verdict::NotMet, note(6)),
				Error::<Test>::NotAnApprover
			);
		}
		judge(&EVE, agreement, 2, Verdict::Met);
		judge(&ALICE, agreement, 2, Verdict::Met);
		assert!(matches!(status(agreement, 2), MilestoneStatus::Paid { .. }));
	});
}
