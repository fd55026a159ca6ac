//! What the registry stores about organisations and members.

use civitas_primitives::{OrganisationId, OrganisationKind, Roles};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

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

/// A storage deposit held from the admin who added a member, returned to
/// that admin when the member is removed.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Deposit<AccountId, Balance> {
	/// Whose balance it is held on.
	pub depositor: AccountId,
	/// How much.
	pub amount: Balance,
}

/// An account acting for an organisation.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Membership<AccountId, Balance> {
	/// The organisation it acts for (an account acts for one only).
	pub organisation: OrganisationId,
	/// What it may do.
	pub roles: Roles,
	/// The deposit paid for this record; `None` when governance added it.
	pub deposit: Option<Deposit<AccountId, Balance>>,
}

/// Identifies a spend proposal within its organisation (ids are chain-wide,
/// so a spend id is never reused for another proposal).
pub type SpendId = u32;

/// A proposed payment from an organisation account, waiting for its
/// signatories' approvals. Executed by the approval that reaches the
/// organisation's threshold; only approvals by accounts that are its
/// signatories at that moment count.
#[derive(
	Encode, Decode, MaxEncodedLen, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(MaxApprovals))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Spend<AccountId, Balance, BlockNumber, MaxApprovals: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The signatory who proposed it; its deposit is held for the record.
	pub proposer: AccountId,
	/// Who is paid.
	pub to: AccountId,
	/// How much.
	pub amount: Balance,
	/// SHA-256 of the payment order (invoice, decision) it executes.
	pub reference: [u8; 32],
	/// The deposit held from the proposer, released when the spend is
	/// executed or cancelled.
	pub deposit: Balance,
	/// Block it was proposed in.
	pub proposed_at: BlockNumber,
	/// Signatories who approved it, the proposer first.
	pub approvals: BoundedVec<AccountId, MaxApprovals>,
}
