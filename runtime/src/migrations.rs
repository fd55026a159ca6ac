//! Runtime-level storage migrations: those that span pallets. Each pallet's
//! own migrations live in its crate (`migrations.rs`); this file holds what
//! no single pallet can do alone.

use alloc::vec::Vec;
use frame_support::{traits::OnRuntimeUpgrade, weights::Weight};
use sp_core::crypto::ByteArray;
use sp_runtime::{traits::OpaqueKeys, BoundedVec};

use crate::{AccountId, Runtime, SessionKeys, HOURS};

/// Hands a running chain's validators to pallet-session and the Validators
/// pallet when they join the runtime (spec 107).
///
/// Before, Aura and GRANDPA kept their authorities from the genesis; from
/// now on pallet-session gives them the set the council manages. Without
/// this step the first session would start with no validators and the
/// chain would stop. Each Aura authority's sr25519 key is the validator's
/// account (as the genesis presets made them), paired with the GRANDPA key
/// at the same position; the pair becomes its session keys, registered
/// without a deposit as at genesis. Sessions last an hour until the council
/// sets another length. Runs once: a chain whose pallet-session already has
/// validators (a chain started from a newer genesis) is left as it is.
pub struct InitialiseSessionFromAuthorities;

impl InitialiseSessionFromAuthorities {
	/// The validators the authorities make: account and session keys.
	fn validators() -> Option<Vec<(AccountId, SessionKeys)>> {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		if aura.is_empty() || aura.len() != grandpa.len() {
			return None;
		}
		aura.into_iter()
			.zip(grandpa)
			.map(|(aura, (grandpa, _weight))| {
				let account = AccountId::from_slice(aura.as_slice()).ok()?;
				Some((account, SessionKeys { aura, grandpa }))
			})
			.collect()
	}
}

impl OnRuntimeUpgrade for InitialiseSessionFromAuthorities {
	fn on_runtime_upgrade() -> Weight {
		let db: frame_support::weights::RuntimeDbWeight =
			<<Runtime as frame_system::Config>::DbWeight as frame_support::traits::Get<_>>::get();
		if !pallet_session::Validators::<Runtime>::get().is_empty() {
			return db.reads(1);
		}
		let Some(validators) = Self::validators() else {
			log::error!(
				target: "runtime::migrations",
				"Aura and GRANDPA authorities do not pair up: pallet-session not initialised"
			);
			return db.reads(3);
		};
		let count = validators.len() as u64;
		let accounts: Vec<AccountId> = validators.iter().map(|(who, _)| who.clone()).collect();
		for (who, keys) in &validators {
			// As pallet-session's genesis does: the keys keep the account alive.
			frame_system::Pallet::<Runtime>::inc_providers(who);
			for id in <SessionKeys as OpaqueKeys>::key_ids() {
				pallet_session::KeyOwner::<Runtime>::insert(
					(*id, keys.get_raw(*id).to_vec()),
					who.clone(),
				);
			}
			pallet_session::NextKeys::<Runtime>::insert(who, keys.clone());
		}
		pallet_session::QueuedKeys::<Runtime>::put(validators);
		pallet_session::Validators::<Runtime>::put(accounts.clone());
		pallet_civitas_validators::Validators::<Runtime>::put(BoundedVec::truncate_from(accounts));
		pallet_civitas_validators::SessionLength::<Runtime>::put(HOURS);
		pallet_civitas_validators::SessionStart::<Runtime>::put(
			frame_system::Pallet::<Runtime>::block_number(),
		);
		db.reads(3).saturating_add(db.writes(count.saturating_mul(4).saturating_add(5)))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		Ok(pallet_aura::Authorities::<Runtime>::get().into_inner().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		use frame_support::ensure;
		let before = Vec::<sp_consensus_aura::sr25519::AuthorityId>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(
			pallet_aura::Authorities::<Runtime>::get().into_inner() == before,
			"the upgrade changed Aura's authorities"
		);
		let session = pallet_session::Validators::<Runtime>::get();
		ensure!(session.len() == before.len(), "a validator is missing from pallet-session");
		for (who, aura) in session.iter().zip(before.iter()) {
			ensure!(who.as_slice() == aura.as_slice(), "a validator's account is not its Aura key");
			ensure!(
				pallet_session::NextKeys::<Runtime>::get(who).is_some(),
				"a validator has no session keys"
			);
		}
		ensure!(
			pallet_civitas_validators::Validators::<Runtime>::get().into_inner() == session,
			"the Validators pallet's set differs from pallet-session's"
		);
		Ok(())
	}
}
