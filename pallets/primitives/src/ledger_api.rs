//! The ledger's read API for auditors, explorers and the node's `civitas_*`
//! RPC: a runtime API, so that its types are in the runtime's metadata and
//! any client reads the answers without custom type definitions.
//!
//! Every list is read a bounded page at a time ([`MAX_PAGE`]) through an
//! index keyed by what is asked for, so no query reads every agreement or
//! every member on the chain, and a query about one agreement costs the
//! same however many agreements there are.

use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;
use sp_core::H256;

use crate::{
	audit::AuditEntry, ids::AgreementId, organisations::Roles, terms::PartyRole, OrganisationId,
};

/// The most items one page of a list holds.
pub const MAX_PAGE: u32 = 100;

/// Why a query has no answer.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub enum QueryError {
	/// No organisation has this id.
	UnknownOrganisation,
	/// No agreement has this id (or it was withdrawn).
	UnknownAgreement,
	/// A page was asked for more than [`MAX_PAGE`] items.
	PageTooLarge {
		/// The most a page holds.
		max: u32,
	},
}

/// A page of an agreement's audit trail, with the trail's length and head
/// at the block asked, so that the page can be checked against the head.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct TrailPage<AccountId, BlockNumber> {
	/// How many entries the whole trail holds.
	pub len: u32,
	/// The head of the hash chain over the whole trail.
	pub head: H256,
	/// The index of the first entry in this page.
	pub from: u32,
	/// The entries from `from` on, in order. (Not `entries`: JavaScript
	/// clients map structs onto `Map`, whose `entries` is a method.)
	pub items: Vec<AuditEntry<AccountId, BlockNumber>>,
}

/// Checks that `limit` items fit in one page.
pub fn check_page(limit: u32) -> Result<(), QueryError> {
	if limit > MAX_PAGE {
		Err(QueryError::PageTooLarge { max: MAX_PAGE })
	} else {
		Ok(())
	}
}

sp_api::decl_runtime_apis! {
	/// Read-only queries over the ledger, at the block they are called at.
	pub trait LedgerApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The members of `organisation` and their roles.
		fn members(organisation: OrganisationId) -> Result<Vec<(AccountId, Roles)>, QueryError>;

		/// The agreements `organisation` is a party to, with its part in
		/// each: at most `limit` (at most [`MAX_PAGE`]), after the agreement
		/// `after` in the index's order if given.
		fn agreements_of(
			organisation: OrganisationId,
			after: Option<AgreementId>,
			limit: u32,
		) -> Result<Vec<(AgreementId, PartyRole)>, QueryError>;

		/// At most `limit` (at most [`MAX_PAGE`]) entries of `agreement`'s
		/// audit trail from index `from`, with the trail's length and head.
		fn audit_trail(
			agreement: AgreementId,
			from: u32,
			limit: u32,
		) -> Result<TrailPage<AccountId, BlockNumber>, QueryError>;
	}
}
