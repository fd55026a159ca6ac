//! # Audit trail pallet
//!
//! Per agreement, an append-only log of every ledger action, chained by
//! hash, so that an auditor can prove an export of the log complete and
//! untouched against one value stored on chain.
//!
//! ## Terms
//!
//! - **Entry**: one action — the block it was included in, the actor
//!   (an account, or governance), what it was ([`AuditAction`]), and the
//!   BLAKE2-256 hash of its data. Entries are numbered from 0 per agreement.
//! - **Head**: `head₀ = blake2_256("civitas/audit-trail/v1" ‖ agreement as
//!   u32 little-endian)`, then `headₙ₊₁ = blake2_256(headₙ ‖ SCALE(entryₙ))`
//!   ([`civitas_primitives::audit`]). The stored head commits to every
//!   entry and their order; changing, dropping or reordering any entry
//!   changes it.
//!
//! - **Full trail**: one holding `MaxEntries` entries. It refuses actions
//!   that open something (a proposal, signature, pledge, evidence, verdict,
//!   claim, dispute or suspension), and with them the call making them; it
//!   still records every action that releases money or ends a freeze
//!   (withdrawals, expiries, payments, resolutions, settlements,
//!   terminations), so no trail's length can trap money
//!   ([`AuditAction::refused_when_full`]).
//!
//! ## Interface
//!
//! No calls: the ledger pallets (agreements, pools, disbursements) append
//! through the [`AuditLog`] trait, inside their own transactions, so an
//! action and its entry are written together or not at all.
//!
//! - [`Pallet::entries`]: an agreement's entries in order.
//! - [`Pallet::recompute_head`]: the head those entries hash to.
//! - [`Pallet::verify`]: whether they hash to the stored head (or which
//!   part disagrees).
//!
//! Every append emits [`Event::Recorded`] with the entry and the new head,
//! so an explorer can show the chain growing without further queries.
//!
//! ## Invariants (`try_state`)
//!
//! For every trail: entries `0..len` exist, none beyond, and they hash to
//! the stored head.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;

use alloc::vec::Vec;
use civitas_primitives::{
	audit::{self, Actor, AuditAction, AuditEntry, AuditLog},
	AgreementId,
};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use sp_core::H256;

/// An entry as this runtime stores it.
pub type EntryOf<T> = AuditEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Where an agreement's trail stands: how many entries, and their head.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Trail {
	/// Number of entries; the next one gets this index.
	pub len: u32,
	/// Hash chain over every entry so far.
	pub head: H256,
}

/// Why a trail does not verify.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum TrailError {
	/// Entry `index` (below the stored length) is missing.
	MissingEntry(u32),
	/// An entry exists at `index`, at or beyond the stored length.
	ExtraEntry(u32),
	/// The entries hash to `computed`, not to the stored head.
	HeadMismatch {
		/// The head stored on chain.
		stored: H256,
		/// The head the entries hash to.
		computed: H256,
	},
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage: unchanged since genesis. A
	/// change of layout raises it and comes with a versioned migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Most entries of opening actions one agreement's trail takes: past
		/// it, recording a proposal, pledge, evidence, verdict, claim, dispute
		/// or suspension fails, and with it the action (nothing happens
		/// unrecorded). Actions that release money or end a freeze are always
		/// recorded ([`AuditAction::refused_when_full`]).
		#[pallet::constant]
		type MaxEntries: Get<u32>;
	}

	/// Length and head of each agreement's trail.
	#[pallet::storage]
	pub type Trails<T: Config> = StorageMap<_, Twox64Concat, AgreementId, Trail>;

	/// The entries of each agreement's trail, by index from 0.
	#[pallet::storage]
	pub type Entries<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgreementId, Twox64Concat, u32, EntryOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An action was appended to an agreement's trail.
		Recorded {
			/// The agreement.
			agreement: AgreementId,
			/// The entry's index in the trail.
			index: u32,
			/// Who performed the action.
			actor: Actor<T::AccountId>,
			/// What it was.
			action: AuditAction,
			/// Hash of the action's data.
			data: H256,
			/// The trail's head after this entry.
			head: H256,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The agreement's trail holds `MaxEntries` entries already, and the
		/// action opens something (a full trail still records releases).
		TrailFull,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// A trail must hold at least an agreement's proposal.
		fn integrity_test() {
			assert!(T::MaxEntries::get() >= 1, "MaxEntries must be at least 1");
		}
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

impl<T: Config> Pallet<T> {
	/// At most `limit` entries of `agreement`'s trail from index `from`,
	/// with the trail's length and head; `None` if it has no trail.
	pub fn page(
		agreement: AgreementId,
		from: u32,
		limit: u32,
	) -> Option<civitas_primitives::ledger_api::TrailPage<T::AccountId, BlockNumberFor<T>>> {
		let trail = Trails::<T>::get(agreement)?;
		let end = from.saturating_add(limit).min(trail.len);
		let items = (from..end).filter_map(|index| Entries::<T>::get(agreement, index)).collect();
		Some(civitas_primitives::ledger_api::TrailPage {
			len: trail.len,
			head: trail.head,
			from,
			items,
		})
	}

	/// The entries of `agreement`'s trail, in order.
	pub fn entries(agreement: AgreementId) -> Vec<EntryOf<T>> {
		let len = Trails::<T>::get(agreement).map_or(0, |trail| trail.len);
		(0..len).filter_map(|index| Entries::<T>::get(agreement, index)).collect()
	}

	/// The head `agreement`'s stored entries hash to.
	pub fn recompute_head(agreement: AgreementId) -> H256 {
		audit::recompute_head(agreement, &Self::entries(agreement))
	}

	/// Checks that `agreement`'s entries are complete and hash to its head.
	/// An agreement without a trail verifies as long as it has no entries.
	pub fn verify(agreement: AgreementId) -> Result<(), TrailError> {
		let trail = Trails::<T>::get(agreement)
			.unwrap_or(Trail { len: 0, head: audit::genesis_head(agreement) });
		let mut head = audit::genesis_head(agreement);
		for index in 0..trail.len {
			let entry =
				Entries::<T>::get(agreement, index).ok_or(TrailError::MissingEntry(index))?;
			head = audit::chain(head, &entry);
		}
		if let Some(index) =
			Entries::<T>::iter_key_prefix(agreement).find(|index| *index >= trail.len)
		{
			return Err(TrailError::ExtraEntry(index));
		}
		if head != trail.head {
			return Err(TrailError::HeadMismatch { stored: trail.head, computed: head });
		}
		Ok(())
	}

	/// Every trail verifies, and no entries exist without a trail.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for agreement in Trails::<T>::iter_keys() {
			Self::verify(agreement).map_err(|_| "audit trail does not verify")?;
		}
		for agreement in Entries::<T>::iter_keys().map(|(agreement, _)| agreement) {
			ensure!(Trails::<T>::contains_key(agreement), "audit entries without a trail");
		}
		Ok(())
	}
}

impl<T: Config> AuditLog<T::AccountId> for Pallet<T> {
	fn record(
		agreement: AgreementId,
		actor: Actor<T::AccountId>,
		action: AuditAction,
		data: H256,
	) -> DispatchResult {
		let trail = Trails::<T>::get(agreement)
			.unwrap_or(Trail { len: 0, head: audit::genesis_head(agreement) });
		let index = trail.len;
		// A full trail refuses only actions that open something; those that
		// release money or end a freeze are always recorded (the bound this
		// keeps is argued at `AuditAction::refused_when_full`).
		ensure!(index < T::MaxEntries::get() || !action.refused_when_full(), Error::<T>::TrailFull);
		let len = index.checked_add(1).ok_or(Error::<T>::TrailFull)?;
		let entry = AuditEntry {
			block: frame_system::Pallet::<T>::block_number(),
			actor: actor.clone(),
			action,
			data,
		};
		let head = audit::chain(trail.head, &entry);
		Entries::<T>::insert(agreement, index, entry);
		Trails::<T>::insert(agreement, Trail { len, head });
		Self::deposit_event(Event::Recorded { agreement, index, actor, action, data, head });
		Ok(())
	}

	fn len(agreement: AgreementId) -> u32 {
		Trails::<T>::get(agreement).map_or(0, |trail| trail.len)
	}
}
