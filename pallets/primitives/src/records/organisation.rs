//! What the registry stores about an organisation: its kind, legal
//! identifier, name, standing and member counts.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

use crate::OrganisationKind;

/// Longest identifier scheme, in bytes (`XI-LEI`, `EU-VAT`, `FR-RCS`, ...).
pub const MAX_SCHEME_LEN: u32 = 32;
/// Longest identifier within its scheme, in bytes.
pub const MAX_ID_LEN: u32 = 64;
/// Longest organisation name, in bytes of UTF-8.
pub const MAX_NAME_LEN: u32 = 128;

/// An organisation's legal name.
pub type Name = BoundedVec<u8, ConstU32<MAX_NAME_LEN>>;

/// A legal identifier as OCDS writes it: a register (`scheme`, from the
/// org-id.guide list, e.g. `XI-LEI`) and the entity's `id` in it. Unique
/// chain-wide, so one legal entity cannot be admitted twice.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct LegalIdentifier {
	/// The register.
	pub scheme: BoundedVec<u8, ConstU32<MAX_SCHEME_LEN>>,
	/// The identifier in that register.
	pub id: BoundedVec<u8, ConstU32<MAX_ID_LEN>>,
}

/// Whether an organisation may act, and since which block.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum Status<BlockNumber> {
	/// Its members may act (since admission or reinstatement).
	Active {
		/// Block of admission or of the last reinstatement.
		since: BlockNumber,
	},
	/// Governance suspended it; its members may not act for it.
	Suspended {
		/// Block of the suspension.
		since: BlockNumber,
	},
}

/// A legal entity admitted by governance.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Organisation<BlockNumber> {
	/// What kind of entity it is; fixed at admission.
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
	/// Number of members holding the admin role; never zero.
	pub admins: u32,
	/// Number of members holding the signatory role.
	pub signatories: u32,
	/// How many of its signatories must approve a spend from its
	/// organisation account: at least the runtime's minimum.
	pub spend_threshold: u32,
}
