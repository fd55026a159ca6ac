//! The validator set as configured: pallet-session gives Aura and GRANDPA
//! the set the council manages; a new validator registers its keys with a
//! proof of possession, the council adds it by two thirds and it authors
//! from the session after next; removal works the same way; a chain that
//! ran without pallet-session gets its validators from its authorities.

use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{Hooks, OnRuntimeUpgrade},
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{traits::Dispatchable, DispatchError};

use super::configuration::state_of;
use crate::{
	genesis_config_presets::{self, DEV_SESSION_LENGTH},
	migrations::InitialiseSessionFromAuthorities,
	AccountId, Council, Runtime, RuntimeCall, RuntimeOrigin, Session, SessionKeys, System,
};

fn signed(key: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(key.to_account_id())
}

/// The local testnet (validators and council Alice, Bob, Charlie, Dave) at
/// block 1, with a keystore for generating session keys.
fn local_testnet() -> sp_io::TestExternalities {
	let mut ext = state_of(genesis_config_presets::local_testnet());
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks until `sessions` more sessions have started.
fn run_sessions(sessions: u32) {
	let target = pallet_session::CurrentIndex::<Runtime>::get() + sessions;
	while pallet_session::CurrentIndex::<Runtime>::get() < target {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
		// GRANDPA applies the change Session scheduled when the block ends.
		crate::Grandpa::on_finalize(next);
	}
}

/// Aura's authorities as accounts (each validator's Aura key is read back
/// through its session keys).
fn authors() -> Vec<AccountId> {
	pallet_session::Validators::<Runtime>::get()
}

/// `key` registers freshly generated session keys with their proof, as
/// `author_rotateKeysWithOwner` gives them.
fn register_keys(key: Sr25519Keyring) -> SessionKeys {
	let owner = key.to_account_id();
	let generated = SessionKeys::generate(&owner.encode(), None);
	assert_ok!(Session::set_keys(signed(key), generated.keys.clone(), generated.proof.encode()));
	generated.keys
}

/// The council (3 of the local testnet's 4 seats, two thirds) carries `call`.
fn carried_by_two_thirds(call: RuntimeCall) -> Result<(), DispatchError> {
	super::governance::motion(call, 3, &[Alice, Bob, Charlie])
}

#[test]
fn genesis_validators_author_through_pallet_session() {
	local_testnet().execute_with(|| {
		let four: Vec<AccountId> = [Alice, Bob, Charlie, Dave].map(|k| k.to_account_id()).into();
		assert_eq!(authors(), four);
		assert_eq!(pallet_civitas_validators::Validators::<Runtime>::get().into_inner(), four);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		assert_eq!(pallet_civitas_validators::SessionLength::<Runtime>::get(), DEV_SESSION_LENGTH);
	});
}

#[test]
fn the_council_adds_a_validator_who_authors_from_the_session_after_next_and_removes_one() {
	local_testnet().execute_with(|| {
		let eve = Eve.to_account_id();
		// Without keys, even two thirds cannot add Eve.
		let add = RuntimeCall::Validators(pallet_civitas_validators::Call::add_validator {
			who: eve.clone(),
		});
		assert_eq!(
			carried_by_two_thirds(add.clone()),
			Err(pallet_civitas_validators::Error::<Runtime>::NoSessionKeys.into())
		);
		let keys = register_keys(Eve);
		// A council member alone, or any signed account, cannot add her.
		assert_noop!(
			add.clone().dispatch(signed(Alice)).map_err(|e| e.error),
			DispatchError::BadOrigin
		);
		assert_eq!(carried_by_two_thirds(add), Ok(()));

		// Not in the next session (already queued), but in the one after.
		run_sessions(1);
		assert!(!authors().contains(&eve));
		run_sessions(1);
		assert!(authors().contains(&eve));
		assert!(pallet_aura::Authorities::<Runtime>::get().contains(&keys.aura));
		assert!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()
			.iter()
			.any(|(id, _)| id == &keys.grandpa));

		let remove = RuntimeCall::Validators(pallet_civitas_validators::Call::remove_validator {
			who: Dave.to_account_id(),
		});
		assert_eq!(carried_by_two_thirds(remove), Ok(()));
		run_sessions(2);
		assert!(!authors().contains(&Dave.to_account_id()));
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
	});
}

#[test]
fn a_chain_without_pallet_session_gets_its_validators_from_its_authorities() {
	local_testnet().execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		// As a chain started before spec 107 looks: no session state.
		let _ = frame_support::storage::unhashed::clear_prefix(
			&frame_support::storage::storage_prefix(b"Session", b"Validators"),
			None,
			None,
		);
		let _ = pallet_session::NextKeys::<Runtime>::clear(u32::MAX, None);
		let _ = pallet_session::KeyOwner::<Runtime>::clear(u32::MAX, None);
		pallet_session::QueuedKeys::<Runtime>::kill();
		pallet_civitas_validators::Validators::<Runtime>::kill();
		assert!(pallet_session::Validators::<Runtime>::get().is_empty());

		InitialiseSessionFromAuthorities::on_runtime_upgrade();
		let four: Vec<AccountId> = [Alice, Bob, Charlie, Dave].map(|k| k.to_account_id()).into();
		assert_eq!(authors(), four);
		assert_eq!(pallet_civitas_validators::Validators::<Runtime>::get().into_inner(), four);
		assert!(four.iter().all(|who| pallet_session::NextKeys::<Runtime>::get(who).is_some()));
		// Sessions go on with the same authorities.
		run_sessions(2);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get(), aura);
		// Running it again changes nothing.
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		InitialiseSessionFromAuthorities::on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), before);
	});
}

#[test]
fn validators_calls_refuse_a_single_member_and_a_signed_account() {
	local_testnet().execute_with(|| {
		let calls = [
			RuntimeCall::Validators(pallet_civitas_validators::Call::add_validator {
				who: Eve.to_account_id(),
			}),
			RuntimeCall::Validators(pallet_civitas_validators::Call::remove_validator {
				who: Dave.to_account_id(),
			}),
			RuntimeCall::Validators(pallet_civitas_validators::Call::set_session_length {
				blocks: 5,
			}),
		];
		for call in calls {
			assert_eq!(
				call.clone().dispatch(signed(Alice)).map_err(|e| e.error),
				Err(DispatchError::BadOrigin)
			);
			let length = call.encoded_size() as u32;
			assert_ok!(Council::propose(signed(Bob), 1, Box::new(call), length));
			assert_eq!(super::governance::executed_result(), Some(Err(DispatchError::BadOrigin)));
			System::reset_events();
		}
		assert_eq!(pallet_civitas_validators::Validators::<Runtime>::get().len(), 4);
	});
}
