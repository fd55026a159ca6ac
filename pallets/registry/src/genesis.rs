//! Organisations and members a chain starts with (the dev chain's demo world).

use alloc::{string::String, vec::Vec};
use civitas_primitives::{OrganisationKind, Role, Roles};
use frame_support::BoundedVec;
use serde::{Deserialize, Serialize};

use crate::{Config, LegalIdentifier, Pallet};

/// An organisation admitted at genesis, as a chain spec writes it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisOrganisation<AccountId> {
	/// Its kind.
	pub kind: OrganisationKind,
	/// Its identifier's register, e.g. `XI-LEI`.
	pub scheme: String,
	/// Its identifier in that register.
	pub id: String,
	/// Its name.
	pub name: String,
	/// Its members and their roles; at least one holds the admin role.
	pub members: Vec<(AccountId, Roles)>,
}

impl<T: Config> Pallet<T> {
	/// Admits a genesis organisation and its members without deposits. A
	/// chain spec that breaks the registry's rules is refused: genesis
	/// cannot start.
	pub(crate) fn admit_at_genesis(organisation: &GenesisOrganisation<T::AccountId>) {
		let legal_id = LegalIdentifier {
			scheme: BoundedVec::try_from(organisation.scheme.as_bytes().to_vec())
				.expect("genesis: identifier scheme too long"),
			id: BoundedVec::try_from(organisation.id.as_bytes().to_vec())
				.expect("genesis: identifier too long"),
		};
		let name = BoundedVec::try_from(organisation.name.as_bytes().to_vec())
			.expect("genesis: organisation name too long");
		Pallet::<T>::check_identity(&legal_id, &name, None)
			.expect("genesis: invalid or duplicate organisation identity");
		assert!(
			organisation.members.iter().any(|(_, roles)| roles.contains(Role::Admin)),
			"genesis: every organisation needs an admin"
		);
		let id = Pallet::<T>::do_admit(organisation.kind, legal_id, name)
			.expect("genesis: ids exhausted");
		for (who, roles) in &organisation.members {
			assert!(!roles.is_empty(), "genesis: a member needs a role");
			assert!(
				!crate::Members::<T>::contains_key(who),
				"genesis: an account acts for one organisation only"
			);
			Pallet::<T>::insert_member(id, who, *roles, None).expect("genesis: too many members");
		}
	}
}
