//! The storage migrations, run on a ledger written in the old layout.

use super::*;
use crate::{migrations::v1, InvoiceUse, IssuedInvoices, Pallet};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// Rewrites the invoice registry in the version 0 layout (hash → milestone)
/// and sets the pallet's on-chain version back to 0.
fn downgrade_to_v0() {
	let registered: Vec<_> = IssuedInvoices::<Test>::drain().collect();
	for (_, sha256, owner) in registered {
		v1::Invoices::<Test>::insert(sha256, owner);
	}
	StorageVersion::new(0).put::<Pallet<Test>>();
}

#[test]
fn v1_keys_every_invoice_by_the_party_that_submitted_it() {
	run(|| {
		let agreement = paid_agreement();
		submit(agreement, 1, 2);
		downgrade_to_v0();
		assert_eq!(v1::Invoices::<Test>::iter().count(), 2);
		assert_eq!(IssuedInvoices::<Test>::iter().count(), 0);

		#[cfg(feature = "try-runtime")]
		let state = v1::MigrateToV1::<Test>::pre_upgrade().expect("pre-upgrade checks pass");
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v1::MigrateToV1::<Test>::post_upgrade(state).expect("post-upgrade checks pass");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(v1::Invoices::<Test>::iter().count(), 0);
		for (seed, milestone) in [(1, 0), (2, 1)] {
			assert_eq!(
				IssuedInvoices::<Test>::get(PARTNER, [seed; 32]),
				Some(InvoiceUse { agreement, milestone })
			);
		}
		// A second run is a no-op: the version says it ran.
		let after = root();
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(root(), after);
	});
}
