//! What the agreements pallet stores: agreements, their status, and every
//! version of their terms with its signatures.

use crate::{terms::MAX_PARTIES, OrganisationId, Stage};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

use crate::terms::{Parties, Terms};

/// Who decided a lifecycle change.
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
pub enum Decider {
	/// The governance origin.
	Governance,
	/// Every party, each through its signatory.
	Parties,
}

/// A lifecycle change that governance decides alone, or every party together.
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
pub enum LifecycleAction {
	/// Stop payouts (an active agreement).
	Suspend,
	/// Lift a suspension.
	Resume,
	/// End the agreement early (active or suspended).
	Terminate,
	/// Close a fulfilled agreement (active).
	Complete,
}

/// Where an agreement stands. Each state carries the data valid in it only.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum AgreementStatus<BlockNumber> {
	/// Version 0 awaits the signature of every party.
	Draft,
	/// Binding: `version` is in force; `amendment`, if any, awaits signatures.
	Active {
		/// Block since which it has been active: its activation, or its last
		/// resumption (version 0's record keeps the activation block).
		since: BlockNumber,
		/// The version in force.
		version: u32,
		/// The proposed next version, awaiting signatures.
		amendment: Option<u32>,
	},
	/// Payouts stopped; amendments cannot be signed until resumed.
	Suspended {
		/// Block of the suspension.
		since: BlockNumber,
		/// The version in force.
		version: u32,
		/// A proposed next version, kept for when the agreement resumes.
		amendment: Option<u32>,
		/// Who suspended it.
		by: Decider,
	},
	/// Fulfilled and closed.
	Completed {
		/// Block of completion.
		at: BlockNumber,
		/// The version in force at completion.
		version: u32,
		/// Who completed it.
		by: Decider,
	},
	/// Ended early.
	Terminated {
		/// Block of termination.
		at: BlockNumber,
		/// The version in force at termination.
		version: u32,
		/// Who terminated it.
		by: Decider,
	},
}

impl<BlockNumber> AgreementStatus<BlockNumber> {
	/// Where the agreement stands, without the data of its state.
	pub fn stage(&self) -> Stage {
		match self {
			AgreementStatus::Draft => Stage::Draft,
			AgreementStatus::Active { .. } => Stage::Active,
			AgreementStatus::Suspended { .. } => Stage::Suspended,
			AgreementStatus::Completed { .. } => Stage::Completed,
			AgreementStatus::Terminated { .. } => Stage::Terminated,
		}
	}

	/// The version in force, if the agreement ever became binding.
	pub fn version_in_force(&self) -> Option<u32> {
		match self {
			AgreementStatus::Draft => None,
			AgreementStatus::Active { version, .. }
			| AgreementStatus::Suspended { version, .. }
			| AgreementStatus::Completed { version, .. }
			| AgreementStatus::Terminated { version, .. } => Some(*version),
		}
	}

	/// The version awaiting signatures or withdrawal, if any: the draft, or
	/// a proposed amendment.
	pub fn pending_version(&self) -> Option<u32> {
		match self {
			AgreementStatus::Draft => Some(0),
			AgreementStatus::Active { amendment, .. }
			| AgreementStatus::Suspended { amendment, .. } => *amendment,
			AgreementStatus::Completed { .. } | AgreementStatus::Terminated { .. } => None,
		}
	}
}

/// A public-private partnership agreement between organisations.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Agreement<AccountId, BlockNumber> {
	/// The signatory who proposed it.
	pub proposer: AccountId,
	/// The public authority the proposer acted for.
	pub proposer_organisation: OrganisationId,
	/// The parties; fixed for the agreement's life.
	pub parties: Parties,
	/// Block of the proposal.
	pub proposed_at: BlockNumber,
	/// Where it stands.
	pub status: AgreementStatus<BlockNumber>,
}

/// One party's signature of one version of the terms.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct SignatureRecord<AccountId, BlockNumber> {
	/// The party that signed.
	pub organisation: OrganisationId,
	/// Its signatory who signed.
	pub signer: AccountId,
	/// Block of the signature.
	pub at: BlockNumber,
}

/// Where a version of the terms stands.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub enum VersionState<Balance, BlockNumber> {
	/// Awaiting signatures; the proposer's deposit is held until it takes
	/// effect or is withdrawn.
	Proposed {
		/// The deposit held from the proposer.
		deposit: Balance,
	},
	/// The terms in force.
	InForce {
		/// Block they took effect.
		since: BlockNumber,
	},
	/// Replaced by the next version; kept readable.
	Superseded {
		/// Block they took effect.
		since: BlockNumber,
		/// Block the next version replaced them.
		until: BlockNumber,
	},
}

/// Every signature one version can collect: one per party.
pub type Signatures<AccountId, BlockNumber> =
	BoundedVec<SignatureRecord<AccountId, BlockNumber>, ConstU32<MAX_PARTIES>>;

/// One version of an agreement's terms: the original (0) or an amendment.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Version<AccountId, Balance, BlockNumber> {
	/// The terms.
	pub terms: Terms<Balance>,
	/// Their hash, which signatures bind to ([`Terms::hash`]).
	pub terms_hash: H256,
	/// Hash of the rationale document of an amendment; `None` for version 0.
	pub rationale: Option<H256>,
	/// The signatory who proposed this version.
	pub proposer: AccountId,
	/// Block of the proposal.
	pub proposed_at: BlockNumber,
	/// The parties' signatures so far.
	pub signatures: Signatures<AccountId, BlockNumber>,
	/// Where it stands.
	pub state: VersionState<Balance, BlockNumber>,
}
