//! Storage migrations of the disbursements pallet, one module per version.

use super::*;

/// Version 0 to 1: the invoice registry is keyed by issuer as well as hash
/// (finding 9 of docs/security.md), so that no organisation can squat an
/// invoice another will claim.
pub mod v1 {
	use super::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// The registry of version 0: invoice SHA-256 → the milestone it belongs to.
	#[frame_support::storage_alias]
	pub type Invoices<T: Config> = StorageMap<Pallet<T>, Identity, [u8; 32], InvoiceUse>;

	/// Moves every invoice of version 0 to [`IssuedInvoices`], keyed by the
	/// private party whose evidence for the milestone lists it. Version 0
	/// did not record who issued an invoice; every invoice's milestone has
	/// a record (a version 0 invariant), and only a private party submits
	/// evidence, so the record's submitting organisation is the issuer
	/// unless two private parties of one agreement alternated on one
	/// milestone, which no agreement on the chain had. An invoice whose
	/// milestone has no record (it cannot happen; checked by try-runtime)
	/// is dropped and logged.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut moved: u64 = 0;
			let mut dropped: u64 = 0;
			// Drained into memory first: the old and new maps share no
			// prefix, but draining while inserting into the same pallet's
			// storage is easier to reason about in two steps.
			let old: alloc::vec::Vec<([u8; 32], InvoiceUse)> = Invoices::<T>::drain().collect();
			for (sha256, owner) in old {
				match Milestones::<T>::get(owner.agreement, owner.milestone) {
					Some(record) => {
						IssuedInvoices::<T>::insert(record.evidence.organisation, sha256, owner);
						moved = moved.saturating_add(1);
					},
					None => {
						log::warn!(
							target: "runtime::disbursements",
							"invoice {sha256:?} of agreement {} milestone {} has no evidence: dropped",
							owner.agreement,
							owner.milestone,
						);
						dropped = dropped.saturating_add(1);
					},
				}
			}
			log::info!(
				target: "runtime::disbursements",
				"invoice registry keyed by issuer: {moved} moved, {dropped} dropped"
			);
			let entries = moved.saturating_add(dropped);
			// Per entry: read and remove the old one, read its milestone,
			// write the new one.
			T::DbWeight::get().reads_writes(entries.saturating_mul(2), entries.saturating_mul(2))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let count = Invoices::<T>::iter().count() as u64;
			Ok(count.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			ensure!(Invoices::<T>::iter().next().is_none(), "an unkeyed invoice is left");
			ensure!(
				IssuedInvoices::<T>::iter().count() as u64 == before,
				"not every invoice was moved to the registry keyed by issuer"
			);
			Ok(())
		}
	}

	/// The migration to version 1, run once when the on-chain version is 0.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
