//! The storage migrations, run on a registry written in the old layout.

use super::*;
use crate::{
	migrations::{v1, v2},
	MembersOf, Pallet,
};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// Rewrites every organisation in the version 0 layout (no signatory count,
/// no spend threshold) and sets the pallet's on-chain version back to 0.
fn downgrade_to_v0() {
	let organisations: Vec<_> = Organisations::<Test>::drain().collect();
	for (id, record) in organisations {
		v1::Organisations::<Test>::insert(
			id,
			v1::OrganisationV0 {
				kind: record.kind,
				legal_id: record.legal_id,
				name: record.name,
				status: record.status,
				admitted_at: record.admitted_at,
				members: record.members,
				admins: record.admins,
			},
		);
	}
	StorageVersion::new(0).put::<Pallet<Test>>();
}

#[test]
fn v1_counts_every_organisations_signatories_and_sets_the_minimum_threshold() {
	run(|| {
		for who in [4, 5] {
			assert_ok!(Registry::add_member(
				RuntimeOrigin::signed(CITY_ADMIN),
				0,
				who,
				Roles::of(&[Role::Signatory, Role::FinanceOfficer])
			));
		}
		assert_ok!(Registry::suspend(RuntimeOrigin::root(), 1));
		let before: Vec<_> = Organisations::<Test>::iter().collect();
		downgrade_to_v0();

		#[cfg(feature = "try-runtime")]
		let state = v1::MigrateToV1::<Test>::pre_upgrade().expect("pre-upgrade checks pass");
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v1::MigrateToV1::<Test>::post_upgrade(state).expect("post-upgrade checks pass");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
		let city = Organisations::<Test>::get(0).unwrap();
		let partner = Organisations::<Test>::get(1).unwrap();
		assert_eq!((city.signatories, city.spend_threshold), (3, 2));
		assert_eq!((partner.signatories, partner.spend_threshold), (0, 2));
		let after: Vec<_> = Organisations::<Test>::iter().collect();
		assert_eq!(after, before, "every other field kept, suspension included");
		// A second run is a no-op: the version says it ran.
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Organisations::<Test>::iter().collect::<Vec<_>>(), after);
	});
}

#[test]
fn v2_indexes_every_member_under_its_organisation() {
	run(|| {
		assert_ok!(Registry::add_member(
			RuntimeOrigin::signed(CITY_ADMIN),
			0,
			4,
			Roles::of(&[Role::FinanceOfficer])
		));
		let before: Vec<_> = (0..3).map(Registry::members_of).collect();
		assert!(before[0].iter().any(|(who, _)| *who == 4));
		// Version 1 had no index.
		let _ = MembersOf::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Pallet<Test>>();
		assert!(Registry::members_of(0).is_empty());

		#[cfg(feature = "try-runtime")]
		let state = v2::MigrateToV2::<Test>::pre_upgrade().expect("pre-upgrade checks pass");
		v2::MigrateToV2::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v2::MigrateToV2::<Test>::post_upgrade(state).expect("post-upgrade checks pass");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		let sorted = |mut list: Vec<(u64, Roles)>| {
			list.sort_by_key(|(who, _)| *who);
			list
		};
		for (organisation, members) in before.into_iter().enumerate() {
			assert_eq!(
				sorted(Registry::members_of(organisation as u32)),
				sorted(members),
				"organisation {organisation}"
			);
		}
	});
}

#[test]
fn try_state_finds_a_member_missing_from_the_index() {
	run(|| {
		let (who, _) = Registry::members_of(0)[0];
		MembersOf::<Test>::remove(0, who);
		assert_eq!(Registry::do_try_state(), Err("a member is missing from the index".into()));
		MembersOf::<Test>::insert(1, who, ());
		assert_eq!(
			Registry::do_try_state(),
			Err("a member is indexed under another organisation, or is no member".into())
		);
		MembersOf::<Test>::remove(1, who);
		MembersOf::<Test>::insert(0, who, ());
	});
}
