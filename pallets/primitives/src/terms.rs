//! The terms of a public-private partnership agreement: parties, value,
//! period, milestone schedule, rates, the funding-conditions contract and
//! document references.
//!
//! The agreements pallet stores them; the pools and disbursements pallets
//! read them through traits. Every list is bounded by a chain-wide constant
//! below, so the types have one encoding everywhere (explorers, clients,
//! the OCDS export) and a fixed maximum size.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::{H160, H256};
use sp_runtime::{
	traits::{BlakeTwo256, Hash, Zero},
	Permill,
};

use crate::{
	ids::{AgreementId, DocumentKind, MilestoneIndex, Moment, OrganisationId},
	organisations::{OrganisationKind, Role},
};

/// Most parties one agreement has.
pub const MAX_PARTIES: u32 = 8;
/// Most milestones in one schedule.
pub const MAX_MILESTONES: u32 = 32;
/// Most document references in one set of terms (or one submission of evidence).
pub const MAX_DOCUMENTS: u32 = 16;
/// Most verifier organisations one agreement designates.
pub const MAX_VERIFIERS: u32 = 4;
/// Longest title, in bytes of UTF-8.
pub const MAX_TITLE_LEN: u32 = 128;
/// Longest document URI, in bytes.
pub const MAX_URI_LEN: u32 = 256;
/// Most entries in one approval rule, each a distinct role and approvers.
pub const MAX_APPROVAL_ENTRIES: u32 = 8;
/// Most approvers one approval rule asks for, all roles together, so that a
/// milestone's review has a bounded list of verdicts.
pub const MAX_APPROVERS: u32 = 16;

/// An agreement's title.
pub type Title = BoundedVec<u8, ConstU32<MAX_TITLE_LEN>>;
/// A document's URI (https, ipfs, ...).
pub type Uri = BoundedVec<u8, ConstU32<MAX_URI_LEN>>;
/// An agreement's parties.
pub type Parties = BoundedVec<Party, ConstU32<MAX_PARTIES>>;
/// Document references.
pub type Documents = BoundedVec<Document, ConstU32<MAX_DOCUMENTS>>;
/// A milestone schedule.
pub type Schedule<Balance> = BoundedVec<Milestone<Balance>, ConstU32<MAX_MILESTONES>>;
/// Designated verifier organisations.
pub type Verifiers = BoundedVec<OrganisationId, ConstU32<MAX_VERIFIERS>>;
/// Who must approve a milestone.
pub type ApprovalRule = BoundedVec<ApprovalRequirement, ConstU32<MAX_APPROVAL_ENTRIES>>;

/// The part an organisation plays in an agreement (OCDS party roles).
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
pub enum PartyRole {
	/// The contracting authority (OCDS `buyer`/`publicAuthority`).
	PublicAuthority,
	/// The partner that delivers and is paid (OCDS `privateParty`/`payee`).
	PrivateParty,
	/// A co-funder (OCDS `funder`/`payer`): a funder, or another city.
	Funder,
}

impl PartyRole {
	/// Whether an organisation of `kind` may take this part.
	pub fn admits(&self, kind: OrganisationKind) -> bool {
		match self {
			PartyRole::PublicAuthority => kind == OrganisationKind::PublicAuthority,
			PartyRole::PrivateParty => kind == OrganisationKind::PrivatePartner,
			PartyRole::Funder => {
				matches!(kind, OrganisationKind::Funder | OrganisationKind::PublicAuthority)
			},
		}
	}
}

/// One party to an agreement.
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
pub struct Party {
	/// The organisation.
	pub organisation: OrganisationId,
	/// Its part in the agreement.
	pub role: PartyRole,
}

/// A document's type: the OCDS 1.1.5 `documentType` codes a PPP uses. The
/// number a contract's required evidence names is the SCALE index
/// ([`DocumentType::code`]); codes are never reused.
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
pub enum DocumentType {
	/// `contractSigned`: the signed contract.
	#[codec(index = 0)]
	ContractSigned,
	/// `contractAnnexe`: an annex to the contract.
	#[codec(index = 1)]
	ContractAnnexe,
	/// `contractSchedule`: a schedule to the contract.
	#[codec(index = 2)]
	ContractSchedule,
	/// `contractGuarantees`: guarantees and bonds.
	#[codec(index = 3)]
	ContractGuarantees,
	/// `technicalSpecifications`: what is to be delivered.
	#[codec(index = 4)]
	TechnicalSpecifications,
	/// `feasibilityStudy`.
	#[codec(index = 5)]
	FeasibilityStudy,
	/// `environmentalImpact`: the environmental impact assessment.
	#[codec(index = 6)]
	EnvironmentalImpact,
	/// `riskProvisions`: the allocation of risks between the parties.
	#[codec(index = 7)]
	RiskProvisions,
	/// `physicalProgressReport`: progress on the works.
	#[codec(index = 8)]
	PhysicalProgressReport,
	/// `financialProgressReport`: spending against the plan.
	#[codec(index = 9)]
	FinancialProgressReport,
	/// `completionCertificate`: a certificate that work is complete.
	#[codec(index = 10)]
	CompletionCertificate,
	/// `finalAudit`: the final audit report.
	#[codec(index = 11)]
	FinalAudit,
	/// `billOfQuantity`: quantities and prices.
	#[codec(index = 12)]
	BillOfQuantity,
	/// `projectPlan`.
	#[codec(index = 13)]
	ProjectPlan,
	/// `subContract`: a subcontract.
	#[codec(index = 14)]
	SubContract,
	/// `illustration`: photographs, drawings.
	#[codec(index = 15)]
	Illustration,
}

impl DocumentType {
	/// The code funding-conditions contracts use for this type.
	pub fn code(&self) -> DocumentKind {
		match self.encode().first() {
			Some(code) => *code,
			// A fieldless enum always encodes to its one index byte.
			None => DocumentKind::MAX,
		}
	}
}

/// A document by reference: anyone holding the file checks it with `sha256sum`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Document {
	/// Its type.
	pub kind: DocumentType,
	/// SHA-256 of the file.
	pub sha256: [u8; 32],
	/// Where to fetch it.
	pub uri: Uri,
}

/// A milestone's type (OCDS 1.1.5 `milestoneType`).
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
pub enum MilestoneType {
	/// `preProcurement`.
	PreProcurement,
	/// `approval`.
	Approval,
	/// `engagement`.
	Engagement,
	/// `assessment`.
	Assessment,
	/// `delivery`: a deliverable is handed over.
	Delivery,
	/// `reporting`.
	Reporting,
	/// `financing`.
	Financing,
	/// `payment`.
	Payment,
}

/// Whose members may fill an approval requirement's slots. The payee's
/// own organisation never judges its evidence, whatever the rule says.
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
pub enum Approvers {
	/// Members of any party, or of any designated verifier.
	#[codec(index = 0)]
	AnyParty,
	/// Members of the agreement's designated verifier organisations.
	#[codec(index = 1)]
	Verifiers,
	/// Members of the parties taking this part (every funder, say).
	#[codec(index = 2)]
	Parties(PartyRole),
	/// Members of this organisation, a party or a designated verifier.
	#[codec(index = 3)]
	Organisation(OrganisationId),
}

impl Approvers {
	/// Whether a member of `organisation` is among these approvers, where
	/// `part` is what it plays in the agreement (if a party) and `verifier`
	/// whether the terms designate it.
	pub fn include(
		&self,
		organisation: OrganisationId,
		part: Option<PartyRole>,
		verifier: bool,
	) -> bool {
		match self {
			Self::AnyParty => part.is_some() || verifier,
			Self::Verifiers => verifier,
			Self::Parties(role) => part == Some(*role),
			Self::Organisation(named) => *named == organisation && (part.is_some() || verifier),
		}
	}
}

/// How many members holding `role`, and from which organisations, must
/// judge a milestone: the requirement's `count` slots.
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
pub struct ApprovalRequirement {
	/// The role approvers must hold in their organisation.
	pub role: Role,
	/// How many distinct approvers with that role, at least one.
	pub count: u8,
	/// Whose members they must be.
	pub from: Approvers,
}

/// One deliverable of the schedule and what it pays.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Milestone<Balance> {
	/// What it pays when fully met, in the smallest unit.
	pub amount: Balance,
	/// When it is due; penalties accrue per full day after it.
	pub due: Moment,
	/// Its OCDS type.
	pub kind: MilestoneType,
	/// Who must approve it before it is paid.
	pub approval: ApprovalRule,
}

/// The agreement's period: from `start` to `end`, both inclusive.
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
pub struct Period {
	/// First moment of the agreement.
	pub start: Moment,
	/// Last moment of the agreement.
	pub end: Moment,
}

/// The funding-conditions contract an agreement names, and the code it must run.
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
pub struct ConditionsContract {
	/// The contract's address in pallet-revive.
	pub address: H160,
	/// The code hash it must have when asked; otherwise nothing is paid.
	pub code_hash: H256,
}

/// Everything the parties sign. An amendment replaces all of it at once.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Terms<Balance> {
	/// A short title (UTF-8).
	pub title: Title,
	/// Total value; the milestones sum to at most this.
	pub value: Balance,
	/// When the agreement runs; every due date falls inside it.
	pub period: Period,
	/// What is paid, when, and on whose approval.
	pub milestones: Schedule<Balance>,
	/// Share of each payout withheld until final acceptance.
	pub retention: Permill,
	/// Share of a payout deducted per full day it is late.
	pub late_penalty_per_day: Permill,
	/// The contract every payout is checked against.
	pub conditions: ConditionsContract,
	/// Independent verifier organisations whose members may approve milestones.
	pub verifiers: Verifiers,
	/// The contract documents, by hash.
	pub documents: Documents,
}

impl<Balance: Encode> Terms<Balance> {
	/// The hash signatures bind to: BLAKE2-256 of the SCALE-encoded terms.
	pub fn hash(&self) -> H256 {
		BlakeTwo256::hash(&self.encode())
	}
}

/// How much of a milestone has been paid so far, which an amendment may not
/// cut the milestone below. The disbursements pallet implements it.
pub trait PaidSoFar<Balance> {
	/// Gross amount paid for `milestone` of `agreement` to date.
	fn paid(agreement: AgreementId, milestone: MilestoneIndex) -> Balance;
}

/// Nothing paid, ever. Correct only while no pallet pays milestones: the
/// runtime uses it until the disbursements pallet exists and implements
/// [`PaidSoFar`] for real.
impl<Balance: Zero> PaidSoFar<Balance> for () {
	fn paid(_agreement: AgreementId, _milestone: MilestoneIndex) -> Balance {
		Balance::zero()
	}
}
