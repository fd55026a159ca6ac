//! # Validators pallet
//!
//! The validator set of a permissioned Civitas network, which the council
//! of member institutions manages: it adds and removes validators by
//! motion, and pallet-session hands the set to Aura and GRANDPA at a
//! session boundary.
//!
//! ## Terms
//!
//! - **Validator**: an account whose session keys (Aura for authoring,
//!   GRANDPA for finality; set with `session.setKeys` after
//!   `author_rotateKeys` on its node) author and finalise blocks.
//! - **Session**: [`SessionLength`] blocks. A change of the set made during
//!   session *n* is planned at its end and takes effect at the start of
//!   session *n + 2*: pallet-session queues the next set one session ahead,
//!   so every node learns the new keys before they are used.
//! - **Bounds**: at least [`Config::MinValidators`] and at most
//!   [`Config::MaxValidators`] validators.
//!
//! ## Calls
//!
//! - [`Pallet::add_validator`]: governance adds an account that has set its session keys.
//! - [`Pallet::remove_validator`]: governance removes a validator, never below the minimum.
//! - [`Pallet::set_session_length`]: governance changes how many blocks a session lasts.
//!
//! ## For the runtime
//!
//! The pallet is pallet-session's `SessionManager` (the set), its
//! `ShouldEndSession` and its `EstimateNextSessionRotation` (the length).
//!
//! ## Invariants (`try_state`)
//!
//! The set has no duplicates and stays within its bounds (or is empty:
//! not managed yet, pallet-session keeps its own); the session length is
//! not zero.

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

use alloc::vec::Vec;
use frame_support::{
	traits::{EstimateNextSessionRotation, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, Permill};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Zero;

	/// The first version: the set, whether it changed, the session length and start.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the validators pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Adds and removes validators, sets the session length: two thirds
		/// of the council.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Accounts that have set session keys (pallet-session's `NextKeys`):
		/// only they can be added, or the set would hold a validator that
		/// cannot author.
		type HasSessionKeys: Contains<Self::AccountId>;
		/// Fewest validators: GRANDPA needs more than two thirds of them
		/// online, so a set too small stops at the first failure.
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// Most validators (Aura's and GRANDPA's `MaxAuthorities`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Sets session keys for the benchmarks' candidates.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The validators, in the order they were added.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether the set changed since pallet-session last asked for it.
	#[pallet::storage]
	pub type Changed<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Blocks per session.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The block the current session started at.
	#[pallet::storage]
	pub type SessionStart<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Events of the validators pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was added; it authors from the session after next.
		ValidatorAdded {
			/// The validator's account.
			who: T::AccountId,
		},
		/// A validator was removed; it stops from the session after next.
		ValidatorRemoved {
			/// The validator's account.
			who: T::AccountId,
		},
		/// Sessions last this many blocks from the next one on.
		SessionLengthSet {
			/// Blocks per session.
			blocks: BlockNumberFor<T>,
		},
	}

	/// Errors of the validators pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The account has not set its session keys (`session.setKeys`).
		NoSessionKeys,
		/// `MaxValidators` validators are in the set.
		TooManyValidators,
		/// Removing it would leave fewer than `MinValidators`.
		TooFewValidators,
		/// A session must last at least one block.
		ZeroSessionLength,
	}

	/// The validators and the session length a chain starts with.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The first validators; pallet-session's genesis gives their keys.
		pub validators: Vec<T::AccountId>,
		/// Blocks per session.
		pub session_length: BlockNumberFor<T>,
	}

	/// No validators (pallet-session's own genesis set stays), sessions of
	/// 100 blocks.
	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { validators: Vec::new(), session_length: 100u32.into() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// A genesis breaking the pallet's bounds must not start.
			assert!(!self.session_length.is_zero(), "genesis: a session of zero blocks");
			SessionLength::<T>::put(self.session_length);
			if self.validators.is_empty() {
				return;
			}
			let set =
				BoundedVec::<T::AccountId, T::MaxValidators>::try_from(self.validators.clone())
					.expect("genesis: more validators than MaxValidators");
			assert!(
				set.len() as u32 >= T::MinValidators::get(),
				"genesis: fewer validators than MinValidators"
			);
			let mut sorted = self.validators.clone();
			sorted.sort();
			sorted.dedup();
			assert_eq!(sorted.len(), set.len(), "genesis: a validator listed twice");
			Validators::<T>::put(set);
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
		/// Adds `who`, which must have set its session keys, to the set from
		/// the session after next. By governance.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(T::HasSessionKeys::contains(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|set| {
				ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
				set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
				Ok::<_, Error<T>>(())
			})?;
			Changed::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes `who` from the set from the session after next. By governance.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Validators::<T>::try_mutate(|set| {
				let position =
					set.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
				ensure!(set.len() as u32 > T::MinValidators::get(), Error::<T>::TooFewValidators);
				set.remove(position);
				Ok::<_, Error<T>>(())
			})?;
			Changed::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Sessions last `blocks` blocks, counted from the current session's
		/// start. By governance.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!blocks.is_zero(), Error::<T>::ZeroSessionLength);
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthSet { blocks });
			Ok(())
		}
	}
}

/// Gives an account session keys for a benchmark's setup, so that it may
/// be added as a validator.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Sets session keys for `who`.
	fn set_keys(who: &AccountId);
}

impl<T: Config> Pallet<T> {
	/// Checks the invariants listed in the crate documentation.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::ensure;
		use sp_runtime::traits::Zero;
		let set = Validators::<T>::get();
		let mut sorted: Vec<_> = set.iter().collect();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == set.len(), "a validator is in the set twice");
		ensure!(
			set.is_empty() || set.len() as u32 >= T::MinValidators::get(),
			"fewer validators than MinValidators"
		);
		ensure!(!SessionLength::<T>::get().is_zero(), "a session of zero blocks");
		Ok(())
	}
}

/// The set for pallet-session: the new one when it changed, else none
/// (pallet-session keeps the current set).
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(_new_index: u32) -> Option<Vec<T::AccountId>> {
		Changed::<T>::take().then(|| Validators::<T>::get().into_inner())
	}

	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		let set = Validators::<T>::get();
		(!set.is_empty()).then(|| set.into_inner())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {
		SessionStart::<T>::put(frame_system::Pallet::<T>::block_number());
	}
}

/// A session ends `SessionLength` blocks after it started.
impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		now >= SessionStart::<T>::get().saturating_add(SessionLength::<T>::get())
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = SessionLength::<T>::get();
		let elapsed = now.saturating_sub(SessionStart::<T>::get());
		let progress = Permill::from_rational(elapsed.min(length), length);
		(Some(progress), T::DbWeight::get().reads(2))
	}

	fn estimate_next_session_rotation(
		_now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		let next = SessionStart::<T>::get().saturating_add(SessionLength::<T>::get());
		(Some(next), T::DbWeight::get().reads(2))
	}
}
