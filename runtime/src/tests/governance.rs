//! The council of member institutions as configured: every governance-only
//! call is refused to a single council member, to a non-member and to any
//! signed account, changing nothing; motions pass with their stated
//! majority; only the development chain has a sudo key; pallet-revive
//! instantiates only approved code.

use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, RawOrigin},
	traits::{fungible::InspectHold, Contains},
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Ferdie};
use sp_runtime::{
	traits::{BlakeTwo256, Dispatchable, Hash},
	BoundedVec, DispatchError, StateVersion,
};

use civitas_primitives::{OrganisationKind, Organisations};

use super::configuration::state_of;
use crate::{
	configs::council::{AtLeastTwoThirds, Majority, MoreThanHalf, ProposalDeposit},
	genesis_config_presets::{self, reference_code_hash},
	Balances, Council, Governance, Hash as RuntimeHash, Registry, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System,
};

fn signed(key: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(key.to_account_id())
}

/// The development chain at block 1: council Alice, Bob and Charlie.
fn dev_chain() -> sp_io::TestExternalities {
	let mut ext = state_of(genesis_config_presets::development());
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The state root without the block's events, which a refused call may add.
fn state_root() -> Vec<u8> {
	System::reset_events();
	sp_io::storage::root(StateVersion::V1)
}

/// Which majority a governance-only call needs.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Needs {
	Majority,
	TwoThirds,
}

/// Every call that only governance may make, with the majority it needs.
/// Arguments are valid where it matters, so that a refusal can only come
/// from the origin.
fn governance_only_calls() -> Vec<(&'static str, RuntimeCall, Needs)> {
	use pallet_civitas_disbursements::Call as Disbursements;
	use pallet_civitas_governance::Call as Gov;
	use pallet_civitas_registry::Call as Reg;
	let legal_id = pallet_civitas_registry::LegalIdentifier {
		scheme: BoundedVec::truncate_from(b"XI-LEI".to_vec()),
		id: BoundedVec::truncate_from(b"DEMO00NEWCITYXXXXXX".to_vec()),
	};
	let name = BoundedVec::truncate_from(b"City of Newtown".to_vec());
	let membership = |call| RuntimeCall::CouncilMembership(call);
	let code = sp_core::H256::repeat_byte(7);
	vec![
		(
			"registry.admit",
			RuntimeCall::Registry(Reg::admit {
				kind: OrganisationKind::PublicAuthority,
				legal_id: legal_id.clone(),
				name: name.clone(),
				// Someone who acts for no organisation yet.
				admin: crate::AccountId::from([9u8; 32]),
			}),
			Needs::Majority,
		),
		(
			"registry.update",
			RuntimeCall::Registry(Reg::update { organisation: 0, legal_id, name }),
			Needs::Majority,
		),
		(
			"registry.suspend",
			RuntimeCall::Registry(Reg::suspend { organisation: 2 }),
			Needs::Majority,
		),
		(
			"registry.reinstate",
			RuntimeCall::Registry(Reg::reinstate { organisation: 2 }),
			Needs::Majority,
		),
		(
			"disbursements.resolve_dispute",
			RuntimeCall::Disbursements(Disbursements::resolve_dispute {
				agreement: 0,
				resolution: code,
				unfounded: true,
			}),
			Needs::Majority,
		),
		(
			"disbursements.cancel_recovery",
			RuntimeCall::Disbursements(Disbursements::cancel_recovery {
				recovery: 0,
				reason: code,
				unfounded: true,
			}),
			Needs::Majority,
		),
		(
			"disbursements.resolve_contest",
			RuntimeCall::Disbursements(Disbursements::resolve_contest {
				agreement: 0,
				milestone: 0,
				round: 0,
				ruling: pallet_civitas_disbursements::Ruling::NotMet,
				reason: code,
			}),
			Needs::Majority,
		),
		(
			"governance.approve_code",
			RuntimeCall::Governance(Gov::approve_code { code_hash: code }),
			Needs::Majority,
		),
		(
			"governance.revoke_code",
			RuntimeCall::Governance(Gov::revoke_code { code_hash: reference_code_hash() }),
			Needs::Majority,
		),
		(
			"governance.authorize_upgrade",
			RuntimeCall::Governance(Gov::authorize_upgrade { code_hash: code }),
			Needs::TwoThirds,
		),
		(
			"council_membership.add_member",
			membership(pallet_membership::Call::add_member { who: Dave.to_account_id().into() }),
			Needs::TwoThirds,
		),
		(
			"council_membership.remove_member",
			membership(pallet_membership::Call::remove_member {
				who: Charlie.to_account_id().into(),
			}),
			Needs::TwoThirds,
		),
		(
			"council_membership.swap_member",
			membership(pallet_membership::Call::swap_member {
				remove: Charlie.to_account_id().into(),
				add: Dave.to_account_id().into(),
			}),
			Needs::TwoThirds,
		),
		(
			"council_membership.reset_members",
			membership(pallet_membership::Call::reset_members {
				members: vec![Dave.to_account_id(), Ferdie.to_account_id()],
			}),
			Needs::TwoThirds,
		),
		(
			"council_membership.set_prime",
			membership(pallet_membership::Call::set_prime { who: Bob.to_account_id().into() }),
			Needs::TwoThirds,
		),
		(
			"council.disapprove_proposal",
			RuntimeCall::Council(pallet_collective::Call::disapprove_proposal {
				proposal_hash: code,
			}),
			Needs::Majority,
		),
	]
}

/// What `Council::propose` with threshold 1 dispatched: the result of the
/// call under a one-member origin.
pub(super) fn executed_result() -> Option<Result<(), DispatchError>> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

#[test]
fn governance_only_calls_refuse_a_signed_account_a_single_member_and_a_non_member() {
	dev_chain().execute_with(|| {
		for (name, call, _) in governance_only_calls() {
			let length = call.encoded_size() as u32;
			let before = state_root();

			// Signed directly, by an outsider (Ferdie) or a council member (Alice).
			for key in [Ferdie, Alice] {
				assert_eq!(
					call.clone().dispatch(signed(key)).map_err(|e| e.error),
					Err(DispatchError::BadOrigin),
					"{name} signed by {key:?}"
				);
			}
			assert_eq!(state_root(), before, "{name}: a signed call changed state");

			// A single member's motion (threshold 1) runs at once, with the
			// origin "1 of 3 members", which no governance call accepts.
			assert_ok!(Council::propose(signed(Alice), 1, Box::new(call.clone()), length));
			assert_eq!(executed_result(), Some(Err(DispatchError::BadOrigin)), "{name}");
			assert_eq!(state_root(), before, "{name}: a single member's motion changed state");

			// Someone not on the council cannot even put a motion.
			assert_noop!(
				Council::propose(signed(Dave), 2, Box::new(call.clone()), length),
				pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
			);
		}
	});
}

/// Puts `call` to the council by Alice with `threshold`, has `ayes` vote
/// for it (a proposer votes like anyone else), and closes it; returns what
/// the call returned under the council's origin.
pub(super) fn motion(
	call: RuntimeCall,
	threshold: u32,
	ayes: &[Sr25519Keyring],
) -> Result<(), DispatchError> {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash: RuntimeHash = BlakeTwo256::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	assert_ok!(Council::propose(signed(Alice), threshold, Box::new(call), length));
	for key in ayes {
		assert_ok!(Council::vote(signed(*key), hash, index, true));
	}
	System::reset_events();
	assert_ok!(Council::close(signed(Ferdie), hash, index, weight, length));
	executed_result().expect("the motion was carried and executed")
}

#[test]
fn a_two_of_three_motion_admits_an_organisation_approves_code_and_authorises_an_upgrade() {
	dev_chain().execute_with(|| {
		let deposit_hold =
			RuntimeHoldReason::Council(pallet_collective::HoldReason::ProposalSubmission);
		for (name, call, _) in governance_only_calls() {
			if !matches!(
				name,
				"registry.admit" | "governance.approve_code" | "governance.authorize_upgrade"
			) {
				continue;
			}
			let hash: RuntimeHash = BlakeTwo256::hash_of(&call);
			assert_eq!(motion(call, 2, &[Alice, Bob]), Ok(()), "{name}");
			// The proposer's deposit is held until someone releases it
			// after the motion closed.
			assert_eq!(
				Balances::balance_on_hold(&deposit_hold, &Alice.to_account_id()),
				ProposalDeposit::get()
			);
			assert_ok!(Council::release_proposal_cost(signed(Ferdie), hash));
			assert_eq!(Balances::balance_on_hold(&deposit_hold, &Alice.to_account_id()), 0);
		}
		assert!(Registry::organisation(6).is_some());
		assert!(Governance::is_approved(&sp_core::H256::repeat_byte(7)));
		assert!(System::authorized_upgrade().is_some());
	});
}

#[test]
fn an_open_motion_holds_the_proposers_deposit() {
	dev_chain().execute_with(|| {
		let call = RuntimeCall::Governance(pallet_civitas_governance::Call::approve_code {
			code_hash: sp_core::H256::repeat_byte(9),
		});
		let length = call.encoded_size() as u32;
		assert_ok!(Council::propose(signed(Alice), 2, Box::new(call), length));
		let hold = RuntimeHoldReason::Council(pallet_collective::HoldReason::ProposalSubmission);
		// Every open motion holds the same deposit, returned when it closes.
		assert_eq!(
			Balances::balance_on_hold(&hold, &Alice.to_account_id()),
			ProposalDeposit::get()
		);
	});
}

#[test]
fn majorities_count_all_seats_and_never_fewer_than_two_ayes() {
	// More than half.
	assert!(!MoreThanHalf::carried(1, 1));
	assert!(!MoreThanHalf::carried(1, 2));
	assert!(MoreThanHalf::carried(2, 3));
	assert!(!MoreThanHalf::carried(2, 4));
	assert!(MoreThanHalf::carried(3, 4));
	assert!(MoreThanHalf::carried(3, 5));
	// Two thirds.
	assert!(!AtLeastTwoThirds::carried(1, 1));
	assert!(AtLeastTwoThirds::carried(2, 3));
	assert!(!AtLeastTwoThirds::carried(2, 4));
	assert!(AtLeastTwoThirds::carried(3, 4));
	assert!(!AtLeastTwoThirds::carried(3, 5));
	assert!(AtLeastTwoThirds::carried(4, 5));
	assert!(AtLeastTwoThirds::carried(u32::MAX, u32::MAX));
}

#[test]
fn an_upgrade_carried_by_a_bare_majority_of_five_is_refused() {
	dev_chain().execute_with(|| {
		// Five seats: three ayes are a majority but not two thirds.
		let five = [Alice, Bob, Charlie, Dave, Ferdie].map(|key| key.to_account_id()).to_vec();
		assert_ok!(crate::CouncilMembership::reset_members(RuntimeOrigin::root(), five));
		let upgrade = RuntimeCall::Governance(pallet_civitas_governance::Call::authorize_upgrade {
			code_hash: sp_core::H256::repeat_byte(3),
		});
		assert_eq!(
			motion(upgrade.clone(), 3, &[Alice, Bob, Charlie]),
			Err(DispatchError::BadOrigin)
		);
		assert!(System::authorized_upgrade().is_none());
		assert_eq!(motion(upgrade, 4, &[Alice, Bob, Charlie, Dave]), Ok(()));
		assert!(System::authorized_upgrade().is_some());

		let admit_code = RuntimeCall::Governance(pallet_civitas_governance::Call::approve_code {
			code_hash: sp_core::H256::repeat_byte(4),
		});
		assert_eq!(motion(admit_code, 3, &[Alice, Bob, Charlie]), Ok(()));
	});
}

#[test]
fn local_testnet_has_a_council_of_four_and_no_sudo_key() {
	state_of(genesis_config_presets::local_testnet()).execute_with(|| {
		System::set_block_number(1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		let mut members =
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
		let mut expected = [Alice, Bob, Charlie, Dave].map(|key| key.to_account_id()).to_vec();
		members.sort();
		expected.sort();
		assert_eq!(members, expected);
		let call = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		for key in [Alice, Bob, Ferdie] {
			assert_noop!(
				crate::Sudo::sudo(signed(key), call.clone()),
				pallet_sudo::Error::<Runtime>::RequireSudo
			);
		}
		assert_eq!(pallet_civitas_governance::ApprovedCode::<Runtime>::count(), 0);
	});
}

#[test]
fn the_development_chain_approves_the_reference_code_and_keeps_sudo() {
	dev_chain().execute_with(|| {
		assert!(Governance::is_approved(&reference_code_hash()));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Alice.to_account_id()));
		// Root (sudo) stands in for the council on the development chain.
		assert_ok!(Governance::approve_code(RawOrigin::Root.into(), sp_core::H256::repeat_byte(5)));
	});
}

#[test]
fn the_call_filter_lets_pallet_revive_instantiate_only_approved_code() {
	dev_chain().execute_with(|| {
		use crate::configs::contracts::ApprovedContractCode;
		use pallet_revive::Call;
		let limits = (frame_support::weights::Weight::from_parts(1, 1), 1u128);
		let instantiate = |code_hash| {
			RuntimeCall::Revive(Call::instantiate {
				value: 0,
				weight_limit: limits.0,
				storage_deposit_limit: limits.1,
				code_hash,
				data: vec![],
				salt: None,
			})
		};
		let with_code = |code: &[u8]| {
			RuntimeCall::Revive(Call::instantiate_with_code {
				value: 0,
				weight_limit: limits.0,
				storage_deposit_limit: limits.1,
				code: code.to_vec(),
				data: vec![],
				salt: None,
			})
		};
		let reference = civitas_funding_conditions::REFERENCE_CODE;
		assert!(ApprovedContractCode::contains(&instantiate(reference_code_hash())));
		assert!(ApprovedContractCode::contains(&with_code(reference)));
		assert!(!ApprovedContractCode::contains(&instantiate(sp_core::H256::repeat_byte(1))));
		assert!(!ApprovedContractCode::contains(&with_code(&reference[1..])));

		// Dispatched, an unapproved instantiation is filtered before it runs,
		// also inside a batch, and changes nothing.
		let before = state_root();
		assert_eq!(
			instantiate(sp_core::H256::repeat_byte(1)).dispatch(signed(Alice)).map_err(|e| e.error),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![with_code(&reference[1..])],
		});
		assert!(batch.dispatch(signed(Alice)).is_err());
		assert_eq!(state_root(), before);

		// Revoked code can no longer be instantiated.
		assert_ok!(Governance::revoke_code(RawOrigin::Root.into(), reference_code_hash()));
		assert!(!ApprovedContractCode::contains(&instantiate(reference_code_hash())));
	});
}
