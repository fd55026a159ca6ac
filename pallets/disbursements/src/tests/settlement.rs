//! Settlement of an ended agreement's escrow, and `try_state` catching
//! records that break the invariants.

use super::*;
use crate::{Disbursements as Payouts, Error, Event, Ledgers, Recoveries, RecoveryStatus};
use civitas_primitives::{Decision, DenyReason};
use frame_support::assert_noop;
use pallet_civitas_pools::HoldReason as Pool;
use sp_runtime::DispatchError;

#[test]
fn final_acceptance_offsets_open_recoveries_against_the_retention() {
	run(|| {
		let agreement = paid_agreement();
		assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, 8 * K, note(2)));
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), agreement));
		let partner = free(&partner_account());
		let [city_a, ..] = co_funder_accounts();
		let alice = free(&city_a);
		// First step: the partner's retention. 20 000 retained: 8 000 go back
		// to the co-funders, 12 000 to the partner.
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		System::assert_last_event(
			Event::RetentionSettled {
				agreement,
				organisation: PARTNER,
				payee: partner_account(),
				released: 12 * K,
				offset: 8 * K,
			}
			.into(),
		);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::RetentionReleased));
		assert!(Ledgers::<Test>::get(agreement).unwrap().settlement.is_none());
		// Last step: the refund.
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		assert_eq!(free(&partner_account()), partner + 12 * K);
		assert!(matches!(
			Recoveries::<Test>::get(0).unwrap().status,
			RecoveryStatus::Recovered { .. }
		));
		let ledger = Ledgers::<Test>::get(agreement).unwrap();
		assert_eq!((ledger.retention_released, ledger.retention_offset), (12 * K, 8 * K));
		// City A gets its 50 % of the offset and of the 600 000 unspent.
		assert_eq!(free(&city_a), alice + 4 * K + 300 * K);
		System::assert_last_event(
			Event::Settled {
				agreement,
				completed: true,
				retention_released: 12 * K,
				retention_offset: 8 * K,
				refunded: 600 * K,
			}
			.into(),
		);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::EscrowSettled));
	});
}

#[test]
fn termination_returns_the_retention_and_the_unspent_money_to_the_co_funders() {
	run(|| {
		let agreement = paid_agreement();
		// Evidence for milestone 1, never judged: its deposit comes back too.
		at(DUE[1]);
		submit(agreement, 1, 3);
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), agreement));
		let charlie = free(&CHARLIE);
		let [_, city_b, _] = co_funder_accounts();
		let bob = free(&city_b);
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		assert_eq!(held(HoldReason::EvidenceDeposit, &CHARLIE), 0);
		assert!(free(&CHARLIE) > charlie && free(&CHARLIE) - charlie < UNIT);
		// City B: 30 % of the 600 000 unspent and of the 20 000 retained.
		assert_eq!(free(&city_b), bob + 180 * K + 6 * K);
		for who in co_funder_accounts() {
			assert_eq!(pooled(Pool::Committed, &who) + pooled(Pool::Retention, &who), 0);
		}
		let settlement = Ledgers::<Test>::get(agreement).unwrap().settlement.unwrap();
		assert!(!settlement.completed);
		assert_eq!(settlement.refunded, 620 * K);
	});
}

#[test]
fn an_agreement_without_escrow_settles_its_deposits() {
	run(|| {
		let agreement = active_agreement();
		submit(agreement, 0, 1);
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), agreement));
		assert_ok!(Disbursements::settle(signed(&CHARLIE), agreement));
		assert_eq!(held(HoldReason::EvidenceDeposit, &CHARLIE), 0);
	});
}

#[test]
fn settlement_needs_an_ended_undisputed_unsettled_agreement() {
	run(|| {
		let agreement = paid_agreement();
		assert_noop!(
			Disbursements::settle(RuntimeOrigin::none(), agreement),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Disbursements::settle(signed(&OUTSIDER), agreement),
			Error::<Test>::AgreementNotEnded
		);
		assert_noop!(
			Disbursements::settle(signed(&OUTSIDER), agreement + 1),
			Error::<Test>::AgreementNotInForce
		);
		assert_ok!(Disbursements::raise_dispute(signed(&CHARLIE), agreement, note(1)));
		assert_ok!(Agreements::complete(RuntimeOrigin::root(), agreement));
		assert_noop!(
			Disbursements::settle(signed(&OUTSIDER), agreement),
			Error::<Test>::AgreementDisputed
		);
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(2),
			false
		));
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		assert_ok!(Disbursements::settle(signed(&OUTSIDER), agreement));
		assert_noop!(
			Disbursements::settle(signed(&OUTSIDER), agreement),
			Error::<Test>::AlreadySettled
		);
	});
}

#[test]
fn try_state_catches_a_payout_without_a_yes() {
	new_test_ext().execute_with(|| {
		paid_agreement();
		Payouts::<Test>::mutate(0, |paid| {
			paid.as_mut().unwrap().decision.answer =
				Ok(Decision::Deny(DenyReason::AboveCumulativeCap))
		});
		assert_eq!(Disbursements::do_try_state(), Err("a payout without a recorded yes".into()));
	});
}

#[test]
fn try_state_catches_a_payout_without_its_approvals() {
	new_test_ext().execute_with(|| {
		let agreement = paid_agreement();
		Milestones::<Test>::mutate(agreement, 0, |record| {
			record.as_mut().unwrap().approvals.truncate(1)
		});
		assert_eq!(
			Disbursements::do_try_state(),
			Err("a payout's verdicts do not fill its approval rule".into())
		);
	});
}

#[test]
fn try_state_catches_a_ledger_that_disagrees_with_the_escrow() {
	new_test_ext().execute_with(|| {
		let agreement = paid_agreement();
		Ledgers::<Test>::mutate(agreement, |ledger| ledger.as_mut().unwrap().net -= 1);
		assert_eq!(
			Disbursements::do_try_state(),
			Err("the escrow's paid total differs from payouts, released retention and repayments"
				.into())
		);
	});
}

#[test]
fn try_state_catches_an_unexplained_deposit() {
	new_test_ext().execute_with(|| {
		let agreement = funded_agreement();
		submit(agreement, 0, 1);
		Milestones::<Test>::mutate(agreement, 0, |record| {
			record.as_mut().unwrap().evidence.deposit += 1
		});
		assert_eq!(
			Disbursements::do_try_state(),
			Err("evidence deposits held differ from the records".into())
		);
	});
}

#[test]
fn try_state_catches_a_payout_above_the_met_fraction() {
	new_test_ext().execute_with(|| {
		paid_agreement();
		// Gross and net raised together, so that only the fraction check fails.
		Payouts::<Test>::mutate(0, |paid| {
			let paid = paid.as_mut().unwrap();
			paid.gross += 1;
			paid.net += 1;
		});
		assert_eq!(
			Disbursements::do_try_state(),
			Err("a payout's gross differs from the met fraction of its milestone".into())
		);
	});
}

#[test]
fn try_state_catches_a_dispute_on_an_agreement_never_in_force() {
	new_test_ext().execute_with(|| {
		let agreement = paid_agreement();
		let dispute = crate::Dispute {
			raised_by: BOB,
			organisation: CITY_B,
			reason: note(1),
			at: 1,
			deposit: 0,
		};
		crate::Disputes::<Test>::insert(agreement + 10, dispute);
		assert_eq!(
			Disbursements::do_try_state(),
			Err("a dispute on an agreement that was never in force".into())
		);
	});
}
