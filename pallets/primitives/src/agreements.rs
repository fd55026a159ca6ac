//! What other pallets may ask about agreements: whether one is binding and
//! which part each organisation takes in it.

use crate::{
	ids::{AgreementId, OrganisationId},
	terms::PartyRole,
};

/// What other pallets may ask the agreements pallet.
pub trait Agreements {
	/// Whether `agreement` is active (signed by every party, neither
	/// suspended nor ended).
	fn is_active(agreement: AgreementId) -> bool;

	/// The part `organisation` takes in `agreement`, or `None` if it is not
	/// a party (or the agreement is unknown).
	fn party_role(agreement: AgreementId, organisation: OrganisationId) -> Option<PartyRole>;

	/// Records an active agreement between `parties` for a benchmark's setup.
	#[cfg(feature = "runtime-benchmarks")]
	fn activate_for_benchmark(parties: &[crate::terms::Party]) -> AgreementId;
}
