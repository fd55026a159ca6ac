//! Recoveries (opened, offset, repaid) and disputes (raised, resolved).

use super::*;
use crate::{
	Disbursements as Payouts, Error, Event, OpenRecoveries, Recoveries, RecoveryStatus,
	MAX_OPEN_RECOVERIES,
};
use civitas_primitives::Actor;
use frame_support::{assert_noop, traits::fungible::Mutate};
use sp_runtime::{DispatchError, TokenError};

#[test]
fn governance_opens_a_recovery_without_a_deposit() {
	run(|| {
		let agreement = paid_agreement();
		assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, 50 * K, note(2)));
		let recovery = Recoveries::<Test>::get(0).unwrap();
		assert_eq!(recovery.opened_by, Actor::Governance);
		assert_eq!(recovery.deposit, 0);
		assert_eq!(recovery.payee_organisation, PARTNER);
		assert_eq!(recovery.status, RecoveryStatus::Open { outstanding: 50 * K });
		assert_eq!(OpenRecoveries::<Test>::get(agreement).into_inner(), vec![0]);
		assert_eq!(Payouts::<Test>::get(0).unwrap().recovered, 50 * K);
		System::assert_last_event(
			Event::RecoveryOpened {
				recovery: 0,
				agreement,
				disbursement: 0,
				amount: 50 * K,
				reason: note(2),
			}
			.into(),
		);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::RecoveryOpened));
	});
}

#[test]
fn only_an_auditor_or_governance_opens_a_sound_recovery() {
	run(|| {
		paid_agreement();
		assert_noop!(
			Disbursements::open_recovery(RuntimeOrigin::none(), 0, K, note(1)),
			DispatchError::BadOrigin
		);
		for who in [&ALICE, &EVE, &CHARLIE, &OUTSIDER] {
			assert_noop!(
				Disbursements::open_recovery(signed(who), 0, K, note(1)),
				Error::<Test>::NotAuditor
			);
		}
		let open = |amount| Disbursements::open_recovery(signed(&FERDIE), 0, amount, note(1));
		assert_noop!(
			Disbursements::open_recovery(signed(&FERDIE), 1, K, note(1)),
			Error::<Test>::UnknownDisbursement
		);
		assert_noop!(open(0), Error::<Test>::ZeroRecovery);
		// At most what was paid to the payee, all recoveries together.
		assert_noop!(open(380 * K + 1), Error::<Test>::RecoveryExceedsPayout);
		assert_ok!(open(300 * K));
		assert_noop!(open(80 * K + 1), Error::<Test>::RecoveryExceedsPayout);
		// An auditor who cannot pay the deposit.
		Balances::set_balance(&FERDIE, 1);
		assert_noop!(open(K), Error::<Test>::CannotPayDeposit);
		// The court suspended.
		Balances::set_balance(&FERDIE, ENDOWMENT);
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), COURT));
		assert_noop!(open(K), Error::<Test>::NotAuditor);
	});
}

#[test]
fn an_agreement_has_a_bounded_number_of_open_recoveries() {
	run(|| {
		paid_agreement();
		for _ in 0..MAX_OPEN_RECOVERIES {
			assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, K, note(1)));
		}
		assert_noop!(
			Disbursements::open_recovery(RuntimeOrigin::root(), 0, K, note(1)),
			Error::<Test>::TooManyOpenRecoveries
		);
	});
}

#[test]
fn the_payee_repays_a_recovery_to_the_co_funders_in_their_shares() {
	run(|| {
		let agreement = paid_agreement();
		assert_ok!(Disbursements::open_recovery(signed(&FERDIE), 0, 10 * K, note(2)));
		let [city_a, city_b, funder] = co_funder_accounts();
		let (alice, bob, dave, charlie) =
			(free(&city_a), free(&city_b), free(&funder), free(&CHARLIE));
		assert_ok!(Disbursements::repay_recovery(signed(&CLAIRE), 0, 4 * K));
		assert_eq!(
			Recoveries::<Test>::get(0).unwrap().status,
			RecoveryStatus::Open { outstanding: 6 * K }
		);
		System::assert_last_event(
			Event::RecoveryRepaid {
				recovery: 0,
				agreement,
				payer: CLAIRE,
				amount: 4 * K,
				outstanding: 6 * K,
			}
			.into(),
		);
		assert_ok!(Disbursements::repay_recovery(signed(&CHARLIE), 0, 6 * K));
		assert!(matches!(
			Recoveries::<Test>::get(0).unwrap().status,
			RecoveryStatus::Recovered { .. }
		));
		assert!(OpenRecoveries::<Test>::get(agreement).is_empty());
		assert_eq!(held(HoldReason::RecoveryDeposit, &FERDIE), 0);
		// 10 000 back in the committed shares: 5 000, 3 000, 2 000.
		assert_eq!(
			(free(&city_a), free(&city_b), free(&funder)),
			(alice + 5 * K, bob + 3 * K, dave + 2 * K)
		);
		assert_eq!(free(&CHARLIE), charlie - 6 * K);
		assert_eq!(crate::Ledgers::<Test>::get(agreement).unwrap().repaid, 10 * K);
		assert_eq!(trail(agreement).last(), Some(&AuditAction::RecoveryRepaid));
	});
}

#[test]
fn repayments_are_by_the_debtor_within_what_is_owed() {
	run(|| {
		paid_agreement();
		assert_noop!(
			Disbursements::repay_recovery(signed(&CHARLIE), 0, K),
			Error::<Test>::UnknownRecovery
		);
		assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, 10 * K, note(2)));
		assert_noop!(
			Disbursements::repay_recovery(RuntimeOrigin::none(), 0, K),
			DispatchError::BadOrigin
		);
		for who in [&ALICE, &GRACE, &OUTSIDER] {
			assert_noop!(
				Disbursements::repay_recovery(signed(who), 0, K),
				Error::<Test>::NotDebtorFinanceOfficer
			);
		}
		for amount in [0, 10 * K + 1] {
			assert_noop!(
				Disbursements::repay_recovery(signed(&CHARLIE), 0, amount),
				Error::<Test>::InvalidRepayment
			);
		}
		Balances::set_balance(&CLAIRE, 1);
		assert_noop!(
			Disbursements::repay_recovery(signed(&CLAIRE), 0, K),
			TokenError::FundsUnavailable
		);
		assert_ok!(Disbursements::repay_recovery(signed(&CHARLIE), 0, 10 * K));
		assert_noop!(
			Disbursements::repay_recovery(signed(&CHARLIE), 0, K),
			Error::<Test>::RecoveryClosed
		);
	});
}

#[test]
fn a_recovery_larger_than_the_next_payout_stays_open_for_the_rest() {
	run(|| {
		let agreement = paid_agreement();
		assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, 350 * K, note(2)));
		// Milestone 1, 10 % met: 35 000 gross, 1 750 retained, 33 250 offset.
		at(DUE[1]);
		submit(agreement, 1, 3);
		let charlie = free(&CHARLIE);
		judge(&EVE, agreement, 1, Verdict::PartiallyMet(sp_runtime::Permill::from_percent(10)));
		judge(&BOB, agreement, 1, Verdict::PartiallyMet(sp_runtime::Permill::from_percent(10)));
		let paid = Payouts::<Test>::get(1).unwrap();
		assert_eq!((paid.offset, paid.net), (33_250 * UNIT, 0));
		assert_eq!(
			Recoveries::<Test>::get(0).unwrap().status,
			RecoveryStatus::Open { outstanding: 350 * K - 33_250 * UNIT }
		);
		// Only the evidence deposit came back.
		assert!(free(&CHARLIE) > charlie && free(&CHARLIE) - charlie < UNIT);
	});
}

#[test]
fn a_partys_signatory_raises_one_dispute_at_a_time() {
	run(|| {
		let agreement = funded_agreement();
		assert_noop!(
			Disbursements::raise_dispute(RuntimeOrigin::none(), agreement, note(1)),
			DispatchError::BadOrigin
		);
		// A finance officer only, a verifier, a non-party, nobody.
		for who in [&CLAIRE, &EVE, &GRACE, &OUTSIDER] {
			assert_noop!(
				Disbursements::raise_dispute(signed(who), agreement, note(1)),
				Error::<Test>::NotPartySignatory
			);
		}
		Balances::set_balance(&CHARLIE, 1);
		assert_noop!(
			Disbursements::raise_dispute(signed(&CHARLIE), agreement, note(1)),
			Error::<Test>::CannotPayDeposit
		);
		assert_ok!(Disbursements::raise_dispute(signed(&DAVE), agreement, note(1)));
		System::assert_last_event(
			Event::DisputeRaised {
				agreement,
				raised_by: DAVE,
				organisation: FUNDER,
				reason: note(1),
			}
			.into(),
		);
		assert_noop!(
			Disbursements::raise_dispute(signed(&ALICE), agreement, note(2)),
			Error::<Test>::DisputeOpen
		);
		assert_ok!(Agreements::terminate(RuntimeOrigin::root(), agreement));
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(3),
			false
		));
		assert_noop!(
			Disbursements::raise_dispute(signed(&ALICE), agreement, note(2)),
			Error::<Test>::AgreementNotActive
		);
	});
}

#[test]
fn only_governance_resolves_an_open_dispute() {
	run(|| {
		let agreement = funded_agreement();
		assert_noop!(
			Disbursements::resolve_dispute(RuntimeOrigin::root(), agreement, note(1), false),
			Error::<Test>::NoDispute
		);
		assert_ok!(Disbursements::raise_dispute(signed(&ALICE), agreement, note(1)));
		for who in [&ALICE, &FERDIE] {
			assert_noop!(
				Disbursements::resolve_dispute(signed(who), agreement, note(1), false),
				DispatchError::BadOrigin
			);
		}
		assert_ok!(Disbursements::resolve_dispute(
			RuntimeOrigin::root(),
			agreement,
			note(2),
			false
		));
		System::assert_last_event(
			Event::DisputeResolved { agreement, resolution: note(2), deposit_forfeited: false }
				.into(),
		);
	});
}

/// The ids `Disbursements::recoveries_of` lists for `agreement`, read two
/// at a time, sorted.
fn listed_recoveries(agreement: u32) -> Vec<u32> {
	let mut seen = Vec::new();
	let mut after = None;
	loop {
		let page = Disbursements::recoveries_of(agreement, after, 2);
		assert!(page.len() <= 2);
		let Some((last, _)) = page.last() else { break };
		after = Some(*last);
		seen.extend(page.into_iter().map(|(id, _)| id));
	}
	seen.sort();
	seen
}

#[test]
fn an_agreements_recoveries_are_listed_open_or_not() {
	use crate::RecoveriesOf;
	run(|| {
		let agreement = paid_agreement();
		for _ in 0..5 {
			assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, K, note(1)));
		}
		assert_ok!(Disbursements::cancel_recovery(RuntimeOrigin::root(), 1, note(3), false));
		assert_eq!(listed_recoveries(agreement), vec![0, 1, 2, 3, 4]);
		assert!(listed_recoveries(agreement + 1).is_empty());
		// A missing entry, or one too many, is caught.
		RecoveriesOf::<Test>::remove(agreement, 3);
		assert_eq!(
			Disbursements::do_try_state(),
			Err("the recovery index lists a recovery that does not exist".into())
		);
		RecoveriesOf::<Test>::insert(agreement + 1, 3, ());
		assert_eq!(
			Disbursements::do_try_state(),
			Err("a recovery is missing from its agreement's index".into())
		);
		RecoveriesOf::<Test>::remove(agreement + 1, 3);
		RecoveriesOf::<Test>::insert(agreement, 3, ());
	});
}

#[test]
fn v3_indexes_every_recovery_under_its_agreement() {
	use crate::{migrations::v3::MigrateToV3, RecoveriesOf};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		let agreement = paid_agreement();
		for _ in 0..3 {
			assert_ok!(Disbursements::open_recovery(RuntimeOrigin::root(), 0, K, note(1)));
		}
		// Version 2 had no index.
		let _ = RecoveriesOf::<Test>::clear(u32::MAX, None);
		StorageVersion::new(2).put::<Disbursements>();

		MigrateToV3::<Test>::on_runtime_upgrade();

		assert_eq!(Disbursements::on_chain_storage_version(), 3);
		assert_eq!(listed_recoveries(agreement), vec![0, 1, 2]);
	});
}
