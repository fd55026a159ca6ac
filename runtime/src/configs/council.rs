//! The council of member institutions, and the origins through which it
//! governs: `Council` (pallet-collective: motions and votes),
//! `CouncilMembership` (pallet-membership: who sits on it) and `Governance`
//! (code approvals and runtime upgrades).
//!
//! Every governance decision is a council motion, carried by a stated
//! majority of all seats (not of those who voted), and never by fewer than
//! [`MIN_AYES`] members, so no single institution acts alone whatever the
//! council's size:
//!
//! - [`CouncilMajority`] (more than half): admitting, updating, suspending
//!   and reinstating organisations; resolving disputes and contests;
//!   opening and cancelling recoveries; completing, suspending or
//!   terminating agreements; approving and revoking contract code.
//! - [`CouncilTwoThirds`] (at least two thirds): runtime upgrades and the
//!   council's own membership.
//!
//! [`GovernanceOrigin`] and [`UpgradeOrigin`] also accept Root, which only
//! the development chain has (its sudo key); `local_testnet` and
//! production chains have no sudo key, so there the council is the only
//! way in. docs/governance.md is the manual.

use core::marker::PhantomData;
use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, EitherOf, EnsureOrigin, OriginTrait},
	weights::Weight,
};
use frame_system::EnsureRoot;

use super::{governance::deposit, RuntimeBlockWeights};
use crate::{
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, DAYS,
};

/// The council's pallet-collective instance.
pub type CouncilCollective = pallet_collective::Instance1;

/// The council's pallet-membership instance.
pub type CouncilMembershipInstance = pallet_membership::Instance1;

/// Fewest ayes any governance motion needs, however small the council: a
/// motion one member carries alone is refused.
pub const MIN_AYES: u32 = 2;

/// A rule for how many of the council's seats must vote aye.
pub trait Majority {
	/// Whether `ayes` of `seats` carry the motion.
	fn carried(ayes: u32, seats: u32) -> bool;
}

/// More than half of all seats, and at least [`MIN_AYES`].
pub struct MoreThanHalf;

impl Majority for MoreThanHalf {
	fn carried(ayes: u32, seats: u32) -> bool {
		ayes >= MIN_AYES && u64::from(ayes) * 2 > u64::from(seats)
	}
}

/// At least two thirds of all seats, and at least [`MIN_AYES`].
pub struct AtLeastTwoThirds;

impl Majority for AtLeastTwoThirds {
	fn carried(ayes: u32, seats: u32) -> bool {
		ayes >= MIN_AYES && u64::from(ayes) * 3 >= u64::from(seats) * 2
	}
}

/// A council motion carried by the majority `M`. A single member's
/// motion (`Member` origin) is never accepted.
pub struct CouncilMotion<M>(PhantomData<M>);

impl<M: Majority> EnsureOrigin<RuntimeOrigin> for CouncilMotion<M> {
	type Success = ();

	fn try_origin(origin: RuntimeOrigin) -> Result<(), RuntimeOrigin> {
		match *origin.caller() {
			OriginCaller::Council(pallet_collective::RawOrigin::Members(ayes, seats))
				if M::carried(ayes, seats) =>
			{
				Ok(())
			},
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::from(
			pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(3, 3),
		))
	}
}

/// A council motion carried by more than half of the seats.
pub type CouncilMajority = CouncilMotion<MoreThanHalf>;

/// A council motion carried by at least two thirds of the seats.
pub type CouncilTwoThirds = CouncilMotion<AtLeastTwoThirds>;

/// Everyday governance: a council majority, or Root on the development chain.
pub type GovernanceOrigin = EitherOf<EnsureRoot<AccountId>, CouncilMajority>;

/// Runtime upgrades and the council's membership: two thirds of the
/// council, or Root on the development chain.
pub type UpgradeOrigin = EitherOf<EnsureRoot<AccountId>, CouncilTwoThirds>;

parameter_types! {
	/// A motion that has not reached its majority in a week may be closed,
	/// absent members counting against it.
	pub const MotionDuration: BlockNumber = 7 * DAYS;
	/// Motions open at once: far more than a council ever needs, few enough
	/// to bound the storage and the proposals list.
	pub const MaxProposals: u32 = 64;
	/// Seats on the council: one per member institution.
	pub const MaxCouncilMembers: u32 = 32;
	/// Heaviest call a motion may carry: half a block.
	pub MaxProposalWeight: Weight = RuntimeBlockWeights::get().max_block.saturating_div(2);
	/// Held from the proposer while a motion is open, returned when it
	/// closes; a motion killed as spam forfeits it. Its storage is the call
	/// (a governance call is a few hundred bytes; 4 KiB covers a batch) and
	/// the vote record.
	pub const ProposalDeposit: Balance = deposit(2, 4_096);
	/// The hold reason of proposal deposits.
	pub const ProposalHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Council(pallet_collective::HoldReason::ProposalSubmission);
}

/// Absent members count against a motion when it is closed after its
/// duration: spending public money's rules must be changed by a majority
/// that voted, not by silence. (The prime member's vote is not used.)
pub struct AbsentCountsAgainst;

impl pallet_collective::DefaultVote for AbsentCountsAgainst {
	fn default_vote(_prime_vote: Option<bool>, _yes: u32, _no: u32, _len: u32) -> bool {
		false
	}
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = MaxProposals;
	type MaxMembers = MaxCouncilMembers;
	type DefaultVote = AbsentCountsAgainst;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// Members change only through CouncilMembership, which tells the
	// collective; nobody sets them directly.
	type SetMembersOrigin = frame_system::EnsureNever<()>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = CouncilMajority;
	type KillOrigin = CouncilMajority;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		ProposalHoldReason,
		pallet_collective::deposit::Constant<ProposalDeposit>,
		u32,
	>;
}

impl pallet_membership::Config<CouncilMembershipInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = UpgradeOrigin;
	type RemoveOrigin = UpgradeOrigin;
	type SwapOrigin = UpgradeOrigin;
	type ResetOrigin = UpgradeOrigin;
	type PrimeOrigin = UpgradeOrigin;
	type MembershipInitialized = crate::Council;
	type MembershipChanged = crate::Council;
	type MaxMembers = MaxCouncilMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Contract codes approved at once: each is a reviewed program.
	pub const MaxApprovedCode: u32 = 64;
}

impl pallet_civitas_governance::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	type UpgradeOrigin = UpgradeOrigin;
	type MaxApprovedCode = MaxApprovedCode;
	type WeightInfo = pallet_civitas_governance::weights::SubstrateWeight<Runtime>;
}
