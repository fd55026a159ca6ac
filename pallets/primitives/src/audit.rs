//! The audit trail: per agreement, an append-only log of every ledger
//! action, chained by hash.
//!
//! Each entry says who did what in which block, and carries the BLAKE2-256
//! hash of the action's data. The trail's head is a hash chain over the
//! entries ([`chain`] from [`genesis_head`]), so an auditor holding the
//! entries of an export can prove it complete and untouched against the one
//! head stored on chain ([`recompute_head`]).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::DispatchResult;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

use crate::ids::AgreementId;

/// Domain tag hashed into every trail's first head, so that no two
/// agreements' trails (nor any other hash on chain) can share a head. A
/// fixed-size array, so it encodes as its 22 bytes with no length prefix.
pub const TRAIL_DOMAIN: [u8; 22] = *b"civitas/audit-trail/v1";

/// Who performed an audited action.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum Actor<AccountId> {
	/// The governance origin (the council; sudo on dev chains), which has no account.
	Governance,
	/// A signed transaction by this account.
	Account(AccountId),
}

/// What happened. Codes are grouped by the pallet that records them
/// (agreements from 0, pools from 32, disbursements from 64) and never
/// reused, so exported trails keep their meaning across upgrades.
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
pub enum AuditAction {
	/// An agreement was proposed; data: its terms hash.
	#[codec(index = 0)]
	AgreementProposed,
	/// A party signed the draft; data: the terms hash signed.
	#[codec(index = 1)]
	AgreementSigned,
	/// Every party signed: the agreement is active; data: its terms hash.
	#[codec(index = 2)]
	AgreementActivated,
	/// The proposer withdrew the draft; data: its terms hash.
	#[codec(index = 3)]
	AgreementWithdrawn,
	/// A party proposed new terms; data: hash of (terms hash, rationale).
	#[codec(index = 4)]
	AmendmentProposed,
	/// A party signed the proposed terms; data: the terms hash signed.
	#[codec(index = 5)]
	AmendmentSigned,
	/// Every party signed: the new terms are in force; data: their hash.
	#[codec(index = 6)]
	AmendmentActivated,
	/// The amendment was withdrawn or lapsed; data: its terms hash.
	#[codec(index = 7)]
	AmendmentWithdrawn,
	/// A party consented to suspend, resume, terminate or complete; data:
	/// hash of the lifecycle action.
	#[codec(index = 8)]
	ConsentGiven,
	/// Payouts stopped until resumed; data: hash of the deciding body.
	#[codec(index = 9)]
	AgreementSuspended,
	/// Suspension lifted; data: hash of the deciding body.
	#[codec(index = 10)]
	AgreementResumed,
	/// Ended before completion; data: hash of the deciding body.
	#[codec(index = 11)]
	AgreementTerminated,
	/// Completed; data: hash of the deciding body.
	#[codec(index = 12)]
	AgreementCompleted,
	/// A runtime upgrade re-encoded a version of the terms without changing
	/// what they say (a new field took the value meaning what the old
	/// encoding meant), so their hash changed; data: hash of (version, the
	/// hash signed before, the hash now).
	#[codec(index = 13)]
	TermsRehashed,
	/// A pool was opened for the agreement; data: hash of (pool id, target,
	/// deadline, required co-funders).
	#[codec(index = 32)]
	PoolOpened,
	/// A co-funder pledged or topped up; data: hash of (pool id,
	/// organisation, amount, the account's pledge after it).
	#[codec(index = 33)]
	Pledged,
	/// A co-funder withdrew its pledge; data: hash of (pool id,
	/// organisation, amount released).
	#[codec(index = 34)]
	PledgeWithdrawn,
	/// Every requirement was met: the pledges are committed; data: hash of
	/// (pool id, the committed shares as (account, organisation, amount)).
	#[codec(index = 35)]
	PoolCommitted,
	/// The deadline passed without commitment: the pool failed and its
	/// pledges are being released; data: hash of (pool id, total pledged).
	#[codec(index = 36)]
	PoolExpired,
	/// A page of an expired pool's pledges was released; data: hash of
	/// (pool id, the released pledges as (account, organisation, amount)).
	#[codec(index = 37)]
	PledgesReleased,
	/// A party approved a proposed pool's parameters; data: hash of (pool
	/// id, organisation, parameters hash).
	#[codec(index = 38)]
	PoolApproved,
	/// A party rejected a proposed pool; data: hash of (pool id,
	/// organisation).
	#[codec(index = 39)]
	PoolRejected,
	/// The private party submitted evidence for a milestone; data: hash of
	/// (milestone, review round, evidence hash, the round it replaced under
	/// review and how many verdicts lapsed with it if any, documents,
	/// invoices).
	#[codec(index = 64)]
	EvidenceSubmitted,
	/// An approver gave a verdict on a milestone's evidence; data: hash of
	/// (milestone, review round, evidence hash judged, organisation,
	/// verdict, note hash).
	#[codec(index = 65)]
	VerdictGiven,
	/// The contract answered no (or gave no answer): the payout is blocked;
	/// data: hash of (milestone, the decision record).
	#[codec(index = 66)]
	PayoutBlocked,
	/// A milestone was paid; data: hash of (disbursement id, the disbursement
	/// record with its amounts, split and decision record).
	#[codec(index = 67)]
	MilestonePaid,
	/// An auditor or governance opened a recovery; data: hash of (recovery
	/// id, disbursement id, amount, reason hash).
	#[codec(index = 68)]
	RecoveryOpened,
	/// The payee repaid (part of) a recovery; data: hash of (recovery id,
	/// amount, the co-funders' parts).
	#[codec(index = 69)]
	RecoveryRepaid,
	/// A party raised a dispute: payouts are frozen; data: hash of
	/// (organisation, reason hash).
	#[codec(index = 70)]
	DisputeRaised,
	/// Governance resolved the dispute: payouts may resume; data: hash of
	/// (resolution hash, whether it was unfounded and the deposit burnt).
	#[codec(index = 71)]
	DisputeResolved,
	/// The ended agreement's escrow was settled: what was still committed
	/// (and, after termination, the retention) refunded to the co-funders;
	/// data: hash of the refund's parts (account, organisation, amount).
	#[codec(index = 72)]
	EscrowSettled,
	/// Final acceptance released a private party's retention; data: hash of
	/// (organisation, payee account, amount released, recoveries offset).
	#[codec(index = 73)]
	RetentionReleased,
	/// Governance cancelled what was still owed on a recovery; data: hash
	/// of (recovery id, amount cancelled, reason hash, whether the opener's
	/// deposit was forfeited to the payee).
	#[codec(index = 74)]
	RecoveryCancelled,
	/// Every slot of a milestone's approval rule was filled, with verdicts
	/// both for and against, and governance ruled on it; data: hash of
	/// (milestone, review round, the ruling, reason hash).
	#[codec(index = 75)]
	ContestResolved,
}

impl AuditAction {
	/// Whether a full trail refuses this action ([`AuditLog::record`]).
	///
	/// Only actions that open something a later action closes are refused:
	/// a proposal, a signature, a pledge, evidence, a verdict, a claim, a
	/// dispute, a suspension. An action that releases money, ends a freeze,
	/// or completes in the same call an action admitted a moment before (the
	/// activation after the last signature, the commitment after the last
	/// pledge, the payment after the last verdict) is always recorded, so
	/// the length of a trail, which anyone with a role can grow, can never
	/// trap money or keep a freeze in place. Past the limit a trail grows
	/// only by such entries, each closing something opened below the limit
	/// (a pledge, a milestone, a dispute, a retention), so it stays bounded.
	pub const fn refused_when_full(self) -> bool {
		match self {
			Self::AgreementProposed
			| Self::AgreementSigned
			| Self::AmendmentProposed
			| Self::AmendmentSigned
			| Self::AgreementSuspended
			| Self::PoolOpened
			| Self::PoolApproved
			| Self::Pledged
			| Self::EvidenceSubmitted
			| Self::VerdictGiven
			| Self::RecoveryOpened
			| Self::DisputeRaised => true,
			Self::AgreementActivated
			| Self::AgreementWithdrawn
			| Self::AmendmentActivated
			| Self::AmendmentWithdrawn
			| Self::ConsentGiven
			| Self::AgreementResumed
			| Self::AgreementTerminated
			| Self::AgreementCompleted
			| Self::PledgeWithdrawn
			| Self::PoolCommitted
			| Self::PoolExpired
			| Self::PledgesReleased
			| Self::PoolRejected
			| Self::PayoutBlocked
			| Self::MilestonePaid
			| Self::RecoveryRepaid
			| Self::RecoveryCancelled
			| Self::DisputeResolved
			| Self::ContestResolved
			| Self::TermsRehashed
			| Self::EscrowSettled
			| Self::RetentionReleased => false,
		}
	}
}

/// One line of an agreement's audit trail.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct AuditEntry<AccountId, BlockNumber> {
	/// The block the action was included in.
	pub block: BlockNumber,
	/// Who performed it.
	pub actor: Actor<AccountId>,
	/// What it was.
	pub action: AuditAction,
	/// BLAKE2-256 of the action's data (see [`AuditAction`] for what each hashes).
	pub data: H256,
}

/// The head of an agreement's trail before its first entry: BLAKE2-256 of
/// the 22 bytes `civitas/audit-trail/v1` followed by the agreement id as a
/// 4-byte little-endian integer.
pub fn genesis_head(agreement: AgreementId) -> H256 {
	BlakeTwo256::hash(&(TRAIL_DOMAIN, agreement).encode())
}

/// The head after appending `entry` to a trail whose head was `head`:
/// BLAKE2-256 of the SCALE encoding of `(head, entry)`.
pub fn chain<AccountId: Encode, BlockNumber: Encode>(
	head: H256,
	entry: &AuditEntry<AccountId, BlockNumber>,
) -> H256 {
	BlakeTwo256::hash(&(head, entry).encode())
}

/// The head of `agreement`'s trail holding `entries`, in order.
pub fn recompute_head<'a, AccountId, BlockNumber>(
	agreement: AgreementId,
	entries: impl IntoIterator<Item = &'a AuditEntry<AccountId, BlockNumber>>,
) -> H256
where
	AccountId: Encode + 'a,
	BlockNumber: Encode + 'a,
{
	entries.into_iter().fold(genesis_head(agreement), |head, entry| chain(head, entry))
}

/// How ledger pallets append to an agreement's trail.
pub trait AuditLog<AccountId> {
	/// Appends an entry for `action` by `actor`, in the current block, and
	/// advances the trail's head. Fails only if the trail is full and the
	/// action is one a full trail refuses
	/// ([`AuditAction::refused_when_full`]); callers run it inside their
	/// transaction, so a failure undoes the action.
	fn record(
		agreement: AgreementId,
		actor: Actor<AccountId>,
		action: AuditAction,
		data: H256,
	) -> DispatchResult;

	/// How many entries `agreement`'s trail holds (0 if none was recorded).
	fn len(agreement: AgreementId) -> u32;
}
