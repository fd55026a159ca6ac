//! Unit tests of the governance pallet: each call's success, and each error
//! path refused with its error and no change of state.

use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError;

use crate::{mock::*, ApprovedCode, CodeApproval, Error, Event};

fn code(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

/// Runs `test` on the mock chain, then checks the invariants.
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Governance::do_try_state().expect("invariants hold");
	});
}

#[test]
fn genesis_approves_its_codes() {
	run(|| {
		assert!(Governance::is_approved(&genesis_code()));
		assert_eq!(
			ApprovedCode::<Test>::get(genesis_code()),
			Some(CodeApproval { approved_at: 0 })
		);
		assert_eq!(ApprovedCode::<Test>::count(), 1);
	});
}

#[test]
fn governance_approves_code_and_it_is_recorded_with_its_block() {
	run(|| {
		System::set_block_number(5);
		assert_ok!(Governance::approve_code(RuntimeOrigin::root(), code(1)));
		assert_eq!(ApprovedCode::<Test>::get(code(1)), Some(CodeApproval { approved_at: 5 }));
		assert!(<Governance as frame_support::traits::Contains<H256>>::contains(&code(1)));
		System::assert_last_event(Event::CodeApproved { code_hash: code(1) }.into());
	});
}

#[test]
fn approving_is_refused_to_signed_accounts_even_the_upgrader() {
	run(|| {
		for who in [OUTSIDER, UPGRADER] {
			assert_noop!(
				Governance::approve_code(RuntimeOrigin::signed(who), code(1)),
				DispatchError::BadOrigin
			);
		}
		assert!(!Governance::is_approved(&code(1)));
	});
}

#[test]
fn approving_an_approved_code_again_is_refused() {
	run(|| {
		assert_noop!(
			Governance::approve_code(RuntimeOrigin::root(), genesis_code()),
			Error::<Test>::AlreadyApproved
		);
	});
}

#[test]
fn approvals_stop_at_the_maximum() {
	run(|| {
		assert_ok!(Governance::approve_code(RuntimeOrigin::root(), code(1)));
		assert_ok!(Governance::approve_code(RuntimeOrigin::root(), code(2)));
		assert_noop!(
			Governance::approve_code(RuntimeOrigin::root(), code(3)),
			Error::<Test>::TooManyApprovedCodes
		);
		// Revoking one makes room again.
		assert_ok!(Governance::revoke_code(RuntimeOrigin::root(), code(1)));
		assert_ok!(Governance::approve_code(RuntimeOrigin::root(), code(3)));
		assert_eq!(ApprovedCode::<Test>::count(), 3);
	});
}

#[test]
fn governance_revokes_an_approval() {
	run(|| {
		assert_ok!(Governance::revoke_code(RuntimeOrigin::root(), genesis_code()));
		assert!(!Governance::is_approved(&genesis_code()));
		assert_eq!(ApprovedCode::<Test>::count(), 0);
		System::assert_last_event(Event::CodeRevoked { code_hash: genesis_code() }.into());
	});
}

#[test]
fn revoking_is_refused_to_signed_accounts() {
	run(|| {
		assert_noop!(
			Governance::revoke_code(RuntimeOrigin::signed(OUTSIDER), genesis_code()),
			DispatchError::BadOrigin
		);
		assert!(Governance::is_approved(&genesis_code()));
	});
}

#[test]
fn revoking_an_unknown_code_is_refused() {
	run(|| {
		assert_noop!(
			Governance::revoke_code(RuntimeOrigin::root(), code(9)),
			Error::<Test>::NotApproved
		);
	});
}

#[test]
fn the_upgrade_origin_authorises_an_upgrade_with_the_version_check() {
	run(|| {
		assert_ok!(Governance::authorize_upgrade(RuntimeOrigin::signed(UPGRADER), code(4)));
		let authorized = System::authorized_upgrade().expect("authorised");
		assert_eq!(authorized.code_hash(), &code(4));
		// The new runtime must carry a higher spec_version.
		System::assert_last_event(
			frame_system::Event::UpgradeAuthorized { code_hash: code(4), check_version: true }
				.into(),
		);
	});
}

#[test]
fn upgrades_are_refused_to_the_plain_governance_origin_and_to_others() {
	run(|| {
		// Root here stands for the council's simple majority: not enough.
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::signed(OUTSIDER)] {
			assert_noop!(Governance::authorize_upgrade(origin, code(4)), DispatchError::BadOrigin);
		}
		assert!(System::authorized_upgrade().is_none());
	});
}
