//! Who acts on the ledger: organisations, their kinds, and members' roles.
//!
//! The registry pallet owns organisations and members; every other pallet
//! asks it questions through the [`Organisations`] trait and never reads its
//! storage.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

use crate::ids::OrganisationId;

/// What kind of legal entity an organisation is. Fixed at admission: the
/// parts an organisation may play in agreements follow from it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum OrganisationKind {
	/// A city or another public authority (OCDS `buyer`, `publicAuthority`).
	PublicAuthority,
	/// A company delivering the project (OCDS `privateParty`, `supplier`).
	PrivatePartner,
	/// A funder: a development bank, an EU programme (OCDS `funder`).
	Funder,
	/// A court of auditors or a managing authority (OCDS `reviewBody`).
	Auditor,
	/// An independent engineer who checks milestones.
	Verifier,
}

/// Whether an organisation may currently act on the ledger.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
)]
pub enum Standing {
	/// Its members may act.
	Active,
	/// Governance suspended it: its members may not act for it.
	Suspended,
}

/// A role a member holds in its organisation.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	TypeInfo,
)]
pub enum Role {
	/// Handles money: pledges, evidence, invoices.
	FinanceOfficer,
	/// May bind the organisation: proposes and signs agreements.
	Signatory,
	/// Approves or rejects milestone evidence.
	Verifier,
	/// Reads and opens recoveries.
	Auditor,
	/// Manages the organisation's members.
	Admin,
}

/// The set of roles a member holds. A struct of flags rather than a list so
/// that a role cannot be held twice and explorers show it by name.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Roles {
	/// Holds [`Role::FinanceOfficer`].
	pub finance_officer: bool,
	/// Holds [`Role::Signatory`].
	pub signatory: bool,
	/// Holds [`Role::Verifier`].
	pub verifier: bool,
	/// Holds [`Role::Auditor`].
	pub auditor: bool,
	/// Holds [`Role::Admin`].
	pub admin: bool,
}

impl Roles {
	/// No role at all.
	pub const NONE: Roles = Roles {
		finance_officer: false,
		signatory: false,
		verifier: false,
		auditor: false,
		admin: false,
	};

	/// The set holding exactly `roles`.
	pub fn of(roles: &[Role]) -> Roles {
		roles.iter().fold(Roles::NONE, |set, role| set.with(*role))
	}

	/// This set plus `role`.
	pub fn with(mut self, role: Role) -> Roles {
		*self.flag_mut(role) = true;
		self
	}

	/// Whether the set holds `role`.
	pub fn contains(&self, role: Role) -> bool {
		match role {
			Role::FinanceOfficer => self.finance_officer,
			Role::Signatory => self.signatory,
			Role::Verifier => self.verifier,
			Role::Auditor => self.auditor,
			Role::Admin => self.admin,
		}
	}

	/// Whether the set holds no role.
	pub fn is_empty(&self) -> bool {
		*self == Roles::NONE
	}

	fn flag_mut(&mut self, role: Role) -> &mut bool {
		match role {
			Role::FinanceOfficer => &mut self.finance_officer,
			Role::Signatory => &mut self.signatory,
			Role::Verifier => &mut self.verifier,
			Role::Auditor => &mut self.auditor,
			Role::Admin => &mut self.admin,
		}
	}
}

/// What other pallets may ask the organisations registry.
pub trait Organisations<AccountId> {
	/// The kind and standing of `organisation`, or `None` if it is unknown.
	fn organisation(organisation: OrganisationId) -> Option<(OrganisationKind, Standing)>;

	/// The organisation `who` acts for, if any (an account acts for at most one).
	fn organisation_of(who: &AccountId) -> Option<OrganisationId>;

	/// Whether `who` is a member of `organisation` holding `role`. Says
	/// nothing about the organisation's standing: ask [`Self::organisation`].
	fn has_role(who: &AccountId, organisation: OrganisationId, role: Role) -> bool;

	/// The organisation account of `organisation`: derived from its id, with
	/// no private key. Payouts and released retention are paid to it.
	fn account(organisation: OrganisationId) -> AccountId;

	/// Admits an active organisation of `kind` for a benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn admit_for_benchmark(kind: OrganisationKind, seed: u32) -> OrganisationId;

	/// Makes `who` a member of `organisation` with `roles` for a benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmark(organisation: OrganisationId, who: &AccountId, roles: Roles);
}
