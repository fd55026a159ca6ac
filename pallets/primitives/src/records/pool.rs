//! What the pools pallet stores: pools with their requirements and status,
//! open pledges, and each committed agreement's escrow.

use crate::{terms::MAX_PARTIES, AgreementId, OrganisationId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, BlakeTwo256, Hash},
	Permill,
};

/// Identifier of a pool.
pub type PoolId = u32;

/// Most pledges one pool holds: one per co-funding party, on its
/// organisation account (an agreement has a private party besides them).
pub const MAX_PLEDGERS: u32 = MAX_PARTIES - 1;

/// How much a required co-funder must pledge at least.
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
pub enum Minimum<Balance> {
	/// A fixed amount.
	Amount(Balance),
	/// A share of the pool's target, rounded up to the next unit.
	Share(Permill),
}

impl<Balance: AtLeast32BitUnsigned + Copy> Minimum<Balance> {
	/// The amount this minimum comes to for a pool of `target`.
	pub fn resolve(&self, target: Balance) -> Balance {
		match self {
			Minimum::Amount(amount) => *amount,
			// Rounded up, so a share is never met by a rounding unit short.
			Minimum::Share(share) => share.mul_ceil(target),
		}
	}
}

/// A co-funder whose pledge the pool cannot commit without.
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
pub struct Requirement<Balance> {
	/// The organisation (a public-authority or funder party of the agreement).
	pub organisation: OrganisationId,
	/// What its finance officers must pledge together, at least.
	pub minimum: Minimum<Balance>,
}

/// The required co-funders of a pool, at most one per party.
pub type Requirements<Balance> = BoundedVec<Requirement<Balance>, ConstU32<MAX_PARTIES>>;

/// What one organisation's finance officers have pledged to an open pool.
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
pub struct CoFunder<Balance> {
	/// The organisation.
	pub organisation: OrganisationId,
	/// The sum of its open pledges.
	pub pledged: Balance,
}

/// Per organisation, the pledges of an open pool (required co-funders are
/// listed from the start, with zero until they pledge).
pub type CoFunders<Balance> = BoundedVec<CoFunder<Balance>, ConstU32<MAX_PARTIES>>;

/// Where a pool stands. Each state carries the data valid in it only.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum PoolStatus<Balance, BlockNumber> {
	/// Taking pledges until the deadline.
	Open {
		/// The sum of open pledges.
		pledged: Balance,
		/// How many co-funders hold an open pledge.
		pledgers: u32,
		/// The pledges per organisation.
		co_funders: CoFunders<Balance>,
	},
	/// Every requirement was met: the pledges became the agreement's escrow,
	/// or were added to it (a top-up).
	Committed {
		/// Block of the commitment.
		at: BlockNumber,
		/// The amount committed.
		total: Balance,
		/// How many co-funders committed.
		funders: u32,
	},
	/// The deadline passed without commitment; pledges are being released
	/// page by page.
	Releasing {
		/// Block the pool was expired.
		expired_at: BlockNumber,
		/// The sum of pledges still held.
		pledged: Balance,
		/// How many pledges are still held.
		pledgers: u32,
	},
	/// Failed: every pledge was released.
	Failed {
		/// Block the pool was expired.
		expired_at: BlockNumber,
		/// Block the last pledge was released.
		released_at: BlockNumber,
	},
	/// Opened by a public authority and waiting until every party of the
	/// agreement has approved its parameters by hash; takes no pledges yet.
	// Added after the other states, so that their encodings are unchanged.
	Proposed {
		/// The parties that approved, the opener's organisation first.
		approved: BoundedVec<OrganisationId, ConstU32<MAX_PARTIES>>,
	},
	/// A party rejected the proposed pool: it never took a pledge.
	Rejected {
		/// Block of the rejection.
		at: BlockNumber,
		/// The party that rejected it.
		by: OrganisationId,
	},
}

/// A funding pool for one agreement.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Pool<AccountId, Balance, BlockNumber> {
	/// The agreement it funds.
	pub agreement: AgreementId,
	/// The signatory who opened it.
	pub opener: AccountId,
	/// The public authority the opener acted for.
	pub organisation: OrganisationId,
	/// The deposit held from the opener while the pool is proposed, open or
	/// releasing; returned when it commits, is rejected or has failed.
	pub deposit: Balance,
	/// The least the pledges must sum to.
	pub target: Balance,
	/// The last block a pledge is accepted in.
	pub deadline: BlockNumber,
	/// Co-funders that must each pledge their minimum.
	pub required: Requirements<Balance>,
	/// Where it stands.
	pub status: PoolStatus<Balance, BlockNumber>,
}

impl<AccountId, Balance: Encode, BlockNumber: Encode> Pool<AccountId, Balance, BlockNumber> {
	/// What every party approves: BLAKE2-256 of the SCALE encoding of
	/// (agreement, target, deadline, required co-funders), so that an
	/// approval holds only for the parameters its signatory read.
	pub fn parameters(&self) -> H256 {
		BlakeTwo256::hash_of(&(self.agreement, &self.target, &self.deadline, &self.required))
	}
}

/// A co-funder's open pledge to a pool, held on its organisation account.
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
pub struct Pledge<Balance> {
	/// The co-funder whose organisation account holds it.
	pub organisation: OrganisationId,
	/// The amount held under the `Pledged` reason for this pool.
	pub amount: Balance,
}

/// One co-funder's stake in an agreement's escrow.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Funder<AccountId, Balance> {
	/// The account holding the money: the co-funder's organisation account
	/// (a finance officer's own account in escrows committed before version 1).
	pub account: AccountId,
	/// The organisation it pledged for.
	pub organisation: OrganisationId,
	/// What it committed, over every pool: its share of the escrow.
	pub committed: Balance,
	/// What is still held under the `Committed` reason.
	pub remaining: Balance,
	/// What is held under the `Retention` reason.
	pub retained: Balance,
}

/// An agreement's committed money, per co-funder, and what became of it.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct EscrowAccount<AccountId, Balance, BlockNumber> {
	/// The latest pool that committed to it (the first, or a top-up).
	pub pool: PoolId,
	/// Block of the first commitment.
	pub committed_at: BlockNumber,
	/// The amount committed by all of the agreement's pools.
	pub committed: Balance,
	/// Paid to payees, including released retention, less repayments.
	pub paid: Balance,
	/// Returned to the co-funders as recoveries.
	pub recovered: Balance,
	/// Returned to the co-funders unspent.
	pub refunded: Balance,
	/// The co-funders, ordered by organisation then account: the order
	/// rounding ties are settled in.
	// Bounded by the escrow's limit rather than MAX_PLEDGERS: escrows
	// committed before pledges were per organisation had one funder per
	// pledging account.
	pub funders:
		BoundedVec<Funder<AccountId, Balance>, ConstU32<{ crate::escrow::MAX_ESCROW_ACCOUNTS }>>,
}
