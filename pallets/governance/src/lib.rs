//! # Governance pallet
//!
//! The acts of the council of member institutions that belong to no ledger
//! pallet: which contract code may hold an agreement's funding conditions,
//! and which runtime the chain may upgrade to. The ledger pallets take their
//! own governance decisions (admitting organisations, resolving disputes,
//! cancelling recoveries) through their `GovernanceOrigin`; this pallet holds
//! the two decisions that concern the chain's code.
//!
//! ## Terms
//!
//! - **Approved code**: the hash of a PolkaVM program (pallet-revive's code
//!   hash, Keccak-256 of the code) that the council has reviewed and allows
//!   as a funding-conditions contract. Anyone acting for an organisation may
//!   then instantiate it for an agreement without waiting for a vote; code
//!   that is not approved cannot be instantiated, and terms cannot name a
//!   contract that runs it. At most [`Config::MaxApprovedCode`] codes are
//!   approved at once.
//! - **Revocation**: withdrawing an approval stops new instances and new
//!   terms naming the code; agreements already bound to a contract keep it
//!   (their parties amend their terms to move to another).
//! - **Authorised upgrade**: the hash of a runtime the council has accepted.
//!   Anyone may then submit the code itself with
//!   `System::apply_authorized_upgrade`, which checks the hash and that the
//!   new runtime's `spec_version` is higher; nobody can upgrade to anything
//!   else. Upgrades need the stronger [`Config::UpgradeOrigin`].
//!
//! ## Calls
//!
//! - [`Pallet::approve_code`]: governance approves a contract code hash.
//! - [`Pallet::revoke_code`]: governance withdraws an approval.
//! - [`Pallet::authorize_upgrade`]: the upgrade origin authorises a runtime by its hash.
//!
//! ## For other pallets and the runtime
//!
//! The pallet implements [`Contains`]`<H256>`: "is this code approved?". The
//! agreements pallet asks it when terms name a contract; the runtime's call
//! filter asks it before pallet-revive instantiates anything.
//!
//! ## Invariants (`try_state`)
//!
//! The count of approved codes equals the records and stays within
//! [`Config::MaxApprovedCode`]; no approval is dated in the future.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::Contains;
use scale_info::TypeInfo;
use sp_core::H256;

/// When and at which block the council approved a code.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub struct CodeApproval<BlockNumber> {
	/// The block whose motion approved the code.
	pub approved_at: BlockNumber,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Zero;

	/// The first version: approvals keyed by code hash, with their count.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the governance pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<Hash = H256> {
		/// Approves and revokes contract code: the council by simple majority.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Authorises runtime upgrades: the council by two thirds.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Most codes approved at once: the council reviews each, so a few
		/// dozen is generous, and the bound keeps the filter's lookups and
		/// `try_state` small.
		#[pallet::constant]
		type MaxApprovedCode: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Contract codes the council approved, by pallet-revive code hash.
	#[pallet::storage]
	pub type ApprovedCode<T: Config> =
		CountedStorageMap<_, Identity, H256, CodeApproval<BlockNumberFor<T>>>;

	/// Events of the governance pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council approved a contract code for funding conditions.
		CodeApproved {
			/// pallet-revive's hash of the code.
			code_hash: H256,
		},
		/// The council withdrew a code's approval; existing contracts keep running.
		CodeRevoked {
			/// pallet-revive's hash of the code.
			code_hash: H256,
		},
	}

	/// Errors of the governance pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The code is approved already.
		AlreadyApproved,
		/// The code is not approved.
		NotApproved,
		/// `MaxApprovedCode` codes are approved: revoke one first.
		TooManyApprovedCodes,
	}

	/// Codes approved from the first block.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// pallet-revive code hashes approved at genesis.
		pub approved_code: Vec<H256>,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for code_hash in &self.approved_code {
				// A genesis that breaks the pallet's own bounds must not start.
				assert!(
					!ApprovedCode::<T>::contains_key(code_hash),
					"a code is approved twice in the genesis"
				);
				assert!(
					ApprovedCode::<T>::count() < T::MaxApprovedCode::get(),
					"the genesis approves more than MaxApprovedCode codes"
				);
				ApprovedCode::<T>::insert(code_hash, CodeApproval { approved_at: Zero::zero() });
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Approves `code_hash` as funding-conditions code: from now on the
		/// parties of any agreement may instantiate it. By governance.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::approve_code())]
		pub fn approve_code(origin: OriginFor<T>, code_hash: H256) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!ApprovedCode::<T>::contains_key(code_hash), Error::<T>::AlreadyApproved);
			ensure!(
				ApprovedCode::<T>::count() < T::MaxApprovedCode::get(),
				Error::<T>::TooManyApprovedCodes
			);
			let approved_at = frame_system::Pallet::<T>::block_number();
			ApprovedCode::<T>::insert(code_hash, CodeApproval { approved_at });
			Self::deposit_event(Event::CodeApproved { code_hash });
			Ok(())
		}

		/// Withdraws the approval of `code_hash`: no new instance and no new
		/// terms may use it; contracts already running it keep their
		/// agreements. By governance.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke_code())]
		pub fn revoke_code(origin: OriginFor<T>, code_hash: H256) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(ApprovedCode::<T>::contains_key(code_hash), Error::<T>::NotApproved);
			ApprovedCode::<T>::remove(code_hash);
			Self::deposit_event(Event::CodeRevoked { code_hash });
			Ok(())
		}

		/// Authorises the runtime whose Wasm code hashes (Blake2-256) to
		/// `code_hash`; anyone may then enact it with
		/// `System::apply_authorized_upgrade`, which also refuses a runtime
		/// whose `spec_version` is not higher. A later authorisation
		/// replaces an earlier one. By the upgrade origin.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: H256) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			// System records the authorisation and emits `UpgradeAuthorized`.
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Whether the council has approved `code_hash` (and not revoked it).
	pub fn is_approved(code_hash: &H256) -> bool {
		ApprovedCode::<T>::contains_key(code_hash)
	}

	/// Checks the invariants listed in the crate documentation.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::{ensure, traits::Get};
		let now = frame_system::Pallet::<T>::block_number();
		let mut records = 0u32;
		for (_, approval) in ApprovedCode::<T>::iter() {
			ensure!(approval.approved_at <= now, "a code approval is dated in the future");
			records = records.saturating_add(1);
		}
		ensure!(records == ApprovedCode::<T>::count(), "approved-code count differs from records");
		ensure!(records <= T::MaxApprovedCode::get(), "more codes approved than MaxApprovedCode");
		Ok(())
	}
}

impl<T: Config> Contains<H256> for Pallet<T> {
	fn contains(code_hash: &H256) -> bool {
		Self::is_approved(code_hash)
	}
}
