//! Storage migrations of the registry pallet, one module per version.

use super::*;

/// Version 0 to 1: organisations count their signatories and carry the
/// spend threshold of their organisation account (finding 2 of
/// docs/security.md: money on an organisation account moves only by its
/// signatories' approvals).
pub mod v1 {
	use super::*;
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// An organisation record of version 0.
	#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
	pub struct OrganisationV0<BlockNumber> {
		/// Its kind.
		pub kind: OrganisationKind,
		/// Its legal identifier.
		pub legal_id: LegalIdentifier,
		/// Its name.
		pub name: Name,
		/// Whether it may act.
		pub status: Status<BlockNumber>,
		/// Block it was admitted in.
		pub admitted_at: BlockNumber,
		/// Number of members.
		pub members: u32,
		/// Number of admins.
		pub admins: u32,
	}

	/// The organisations map of version 0.
	#[frame_support::storage_alias]
	pub type Organisations<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, OrganisationId, OrganisationV0<BlockNumberFor<T>>>;

	/// Rewrites every organisation with its signatories, counted from the
	/// member records, and the runtime's minimum spend threshold: the
	/// four-eyes rule applies to every organisation account from the
	/// upgrade on, and its admins may raise it.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut signatories = BTreeMap::<OrganisationId, u32>::new();
			let mut members: u64 = 0;
			for (_, membership) in crate::Members::<T>::iter() {
				members = members.saturating_add(1);
				if membership.roles.contains(Role::Signatory) {
					let count = signatories.entry(membership.organisation).or_default();
					*count = count.saturating_add(1);
				}
			}
			let old: Vec<_> = Organisations::<T>::iter().collect();
			let organisations = old.len() as u64;
			for (id, record) in old {
				crate::Organisations::<T>::insert(
					id,
					Organisation {
						kind: record.kind,
						legal_id: record.legal_id,
						name: record.name,
						status: record.status,
						admitted_at: record.admitted_at,
						members: record.members,
						admins: record.admins,
						signatories: signatories.get(&id).copied().unwrap_or_default(),
						spend_threshold: T::MinSpendApprovals::get(),
					},
				);
			}
			log::info!(
				target: "runtime::registry",
				"{organisations} organisations given signatory counts and spend thresholds"
			);
			T::DbWeight::get().reads_writes(members.saturating_add(organisations), organisations)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Organisations::<T>::iter().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			ensure!(
				crate::Organisations::<T>::iter().count() as u64 == before,
				"an organisation was lost or did not decode"
			);
			Pallet::<T>::do_try_state()
		}
	}

	/// The migration to version 1, run once when the on-chain version is 0.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 1 to 2: an index of the members by organisation ([`MembersOf`]),
/// built from [`Members`], so that an organisation's members are listed
/// without reading every member (issue 18: auditors' queries stay flat as
/// the chain grows).
pub mod v2 {
	use super::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// Indexes every member under its organisation.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut members: u64 = 0;
			for (who, membership) in Members::<T>::iter() {
				MembersOf::<T>::insert(membership.organisation, &who, ());
				members = members.saturating_add(1);
			}
			log::info!(target: "runtime::registry", "members indexed by organisation: {members}");
			T::DbWeight::get().reads_writes(members, members)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Members::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			ensure!(
				MembersOf::<T>::iter_keys().count() as u64 == before,
				"a member is not indexed"
			);
			Ok(())
		}
	}

	/// The migration to version 2, run once when the on-chain version is 1.
	pub type MigrateToV2<T> =
		VersionedMigration<1, 2, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
