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
	audit::AuditEntry,
	ids::{AgreementId, MilestoneIndex},
	organisations::Roles,
	records::{
		agreement::{Agreement, Version},
		disbursement::{
			Disbursement, DisbursementId, Dispute, DisputedTime, Ledger, MilestoneRecord,
			OcdsMilestoneStatus, Recovery, RecoveryId,
		},
		organisation::Organisation,
		pool::{EscrowAccount, Pledge, Pool, PoolId},
	},
	terms::{Milestone, PartyRole},
	OrganisationId, Stage,
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

/// An organisation, its account and its members.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct OrganisationView<AccountId, BlockNumber> {
	/// Its id.
	pub id: OrganisationId,
	/// What the registry holds about it.
	pub organisation: Organisation<BlockNumber>,
	/// The organisation account its public money sits on.
	pub account: AccountId,
	/// Its members and their roles.
	pub members: Vec<(AccountId, Roles)>,
}

/// One version of an agreement's terms, with its number.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct NumberedVersion<AccountId, Balance, BlockNumber> {
	/// Its number: 0 for the original terms, then one per amendment.
	pub number: u32,
	/// The terms, their hash, signatures and state.
	pub version: Version<AccountId, Balance, BlockNumber>,
}

/// An agreement with every version of its terms.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct AgreementView<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: AgreementId,
	/// Its parties, proposer and status.
	pub agreement: Agreement<AccountId, BlockNumber>,
	/// Every version of its terms still stored (withdrawn proposals are
	/// gone; their trail entries stay), oldest first.
	pub versions: Vec<NumberedVersion<AccountId, Balance, BlockNumber>>,
}

/// The money of an agreement: its latest pool with the open pledges, the
/// escrow its pools committed and what was paid from it.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct FundingView<AccountId, Balance, BlockNumber> {
	/// The latest pool opened for it, with its id.
	pub pool: Option<(PoolId, Pool<AccountId, Balance, BlockNumber>)>,
	/// That pool's open pledges, by the organisation account holding each.
	pub pledges: Vec<(AccountId, Pledge<Balance>)>,
	/// The escrow, once a pool committed.
	pub escrow: Option<EscrowAccount<AccountId, Balance, BlockNumber>>,
	/// The payouts in total, from the first payout or settlement on.
	pub ledger: Option<Ledger<AccountId, Balance, BlockNumber>>,
}

/// A milestone of the terms in force (or of the draft), with its review.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct MilestoneView<AccountId, Balance, BlockNumber> {
	/// Its index in the schedule.
	pub index: MilestoneIndex,
	/// What the terms say of it.
	pub milestone: Milestone<Balance>,
	/// Its OCDS status.
	pub ocds_status: OcdsMilestoneStatus,
	/// The current review round: its evidence, verdicts and status; `None`
	/// before the first evidence. Earlier rounds are read at earlier
	/// blocks, and each left its entries in the audit trail.
	pub review: Option<MilestoneRecord<AccountId, Balance, BlockNumber>>,
}

/// A payout, with its id.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct PayoutView<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: DisbursementId,
	/// Its amounts, decision record and per-funder split.
	pub payout: Disbursement<AccountId, Balance, BlockNumber>,
}

/// A recovery, with its id.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct RecoveryView<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: RecoveryId,
	/// What is to be recovered, why, and where it stands.
	pub recovery: Recovery<AccountId, Balance, BlockNumber>,
}

/// An agreement's disputes: the open one, and the time disputes that
/// excuse a payee's lateness froze its payouts.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct DisputesView<AccountId, Balance, BlockNumber> {
	/// The open dispute, if any.
	pub open: Option<Dispute<AccountId, Balance, BlockNumber>>,
	/// The periods under disputes raised by a public authority or a funder.
	pub disputed_time: DisputedTime,
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
	///
	/// Version 2 added everything but `members`, `agreements_of` and
	/// `audit_trail`; a client reading a block of an older runtime checks
	/// the version first.
	#[api_version(2)]
	pub trait LedgerApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
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

		/// An organisation, its account and its members.
		#[api_version(2)]
		fn organisation(
			organisation: OrganisationId,
		) -> Result<OrganisationView<AccountId, BlockNumber>, QueryError>;

		/// An agreement with every version of its terms and their signatures.
		#[api_version(2)]
		fn agreement(
			agreement: AgreementId,
		) -> Result<AgreementView<AccountId, Balance, BlockNumber>, QueryError>;

		/// The agreements in `stage`: at most `limit` (at most
		/// [`MAX_PAGE`]), after the agreement `after` in the index's order
		/// if given.
		#[api_version(2)]
		fn agreements_in(
			stage: Stage,
			after: Option<AgreementId>,
			limit: u32,
		) -> Result<Vec<AgreementId>, QueryError>;

		/// An agreement's pool and pledges, escrow and payout totals.
		#[api_version(2)]
		fn funding(
			agreement: AgreementId,
		) -> Result<FundingView<AccountId, Balance, BlockNumber>, QueryError>;

		/// The milestones of the terms in force (of the draft, before
		/// activation), each with its OCDS status and current review.
		#[api_version(2)]
		fn milestones(
			agreement: AgreementId,
		) -> Result<Vec<MilestoneView<AccountId, Balance, BlockNumber>>, QueryError>;

		/// Every payout of an agreement, in milestone order.
		#[api_version(2)]
		fn payouts(
			agreement: AgreementId,
		) -> Result<Vec<PayoutView<AccountId, Balance, BlockNumber>>, QueryError>;

		/// An agreement's recoveries, open or not: at most `limit` (at most
		/// [`MAX_PAGE`]), after the recovery `after` in the index's order if
		/// given.
		#[api_version(2)]
		fn recoveries(
			agreement: AgreementId,
			after: Option<RecoveryId>,
			limit: u32,
		) -> Result<Vec<RecoveryView<AccountId, Balance, BlockNumber>>, QueryError>;

		/// An agreement's open dispute and disputed time.
		#[api_version(2)]
		fn disputes(
			agreement: AgreementId,
		) -> Result<DisputesView<AccountId, Balance, BlockNumber>, QueryError>;
	}
}
