//! What the registry stores about organisations and members.

use civitas_primitives::{OrganisationId, Roles};

pub use civitas_primitives::records::organisation::*;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

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
