//! What other pallets may ask about agreements: whether one is binding,
//! which part each organisation takes in it, where it stands and the terms
//! of each of its versions.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::{
	ids::{AgreementId, OrganisationId},
	terms::{PartyRole, Terms},
};

/// Where an agreement stands, with the version of its terms in force.
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
pub enum Phase {
	/// Awaiting the parties' signatures; nothing is binding yet.
	Draft,
	/// Binding, with `version` in force.
	Active {
		/// The version of the terms in force.
		version: u32,
	},
	/// Binding but suspended: payouts are stopped.
	Suspended {
		/// The version of the terms in force.
		version: u32,
	},
	/// Fulfilled and closed: the final acceptance.
	Completed {
		/// The version in force at completion.
		version: u32,
	},
	/// Ended early.
	Terminated {
		/// The version in force at termination.
		version: u32,
	},
}

impl Phase {
	/// The version in force, if the agreement ever became binding.
	pub fn version(&self) -> Option<u32> {
		match self {
			Phase::Draft => None,
			Phase::Active { version }
			| Phase::Suspended { version }
			| Phase::Completed { version }
			| Phase::Terminated { version } => Some(*version),
		}
	}
}

/// Where an agreement stands, without the data of its state: what
/// agreements are listed by.
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
pub enum Stage {
	/// Awaiting the parties' signatures.
	Draft,
	/// Binding and paying out.
	Active,
	/// Binding, payouts stopped.
	Suspended,
	/// Fulfilled and closed.
	Completed,
	/// Ended early.
	Terminated,
}

impl Phase {
	/// Where the agreement stands, without the version.
	pub fn stage(&self) -> Stage {
		match self {
			Phase::Draft => Stage::Draft,
			Phase::Active { .. } => Stage::Active,
			Phase::Suspended { .. } => Stage::Suspended,
			Phase::Completed { .. } => Stage::Completed,
			Phase::Terminated { .. } => Stage::Terminated,
		}
	}
}

/// What other pallets may ask the agreements pallet.
pub trait Agreements {
	/// Whether `agreement` is active (signed by every party, neither
	/// suspended nor ended).
	fn is_active(agreement: AgreementId) -> bool;

	/// The part `organisation` takes in `agreement`, or `None` if it is not
	/// a party (or the agreement is unknown).
	fn party_role(agreement: AgreementId, organisation: OrganisationId) -> Option<PartyRole>;

	/// Where `agreement` stands, or `None` if it is unknown.
	fn phase(agreement: AgreementId) -> Option<Phase>;

	/// The organisations that are parties of `agreement` (none if it is
	/// unknown), at most `MAX_PARTIES`.
	fn parties(agreement: AgreementId) -> alloc::vec::Vec<OrganisationId>;

	/// Records an active agreement between `parties` for a benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn activate_for_benchmark(parties: &[crate::terms::Party]) -> AgreementId;
}

/// The terms of an agreement's versions, for pallets that pay by them.
pub trait AgreementTerms<Balance> {
	/// The terms of `version` of `agreement`, if that version exists.
	fn terms(agreement: AgreementId, version: u32) -> Option<Terms<Balance>>;

	/// Records an active agreement between `parties` with `terms` in force
	/// (version 0), for a benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn activate_with_terms_for_benchmark(
		parties: &[crate::terms::Party],
		terms: Terms<Balance>,
	) -> AgreementId;

	/// Puts `terms` in force as a new version of the active `agreement`, as
	/// if an amendment had been signed, for a benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn amend_for_benchmark(agreement: AgreementId, terms: Terms<Balance>);

	/// Completes the active `agreement`, as if governance had, for a
	/// benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn complete_for_benchmark(agreement: AgreementId);
}
