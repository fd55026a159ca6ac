//! The contract's inputs and outputs.
//!
//! The runtime declares the same types in `civitas-primitives`
//! (`pallets/primitives/src/conditions.rs`); their SCALE encodings must match
//! field for field, and the runtime's tests against this compiled contract
//! check that they do. Shares and rates are parts per million, as the
//! runtime's `Permill`.

use ink::prelude::vec::Vec;

/// An organisation in the Civitas registry.
pub type OrganisationId = u32;
/// An agreement on the Civitas ledger.
pub type AgreementId = u32;
/// A document's type code, as the agreements pallet defines it.
pub type DocumentKind = u8;
/// Milliseconds since the Unix epoch.
pub type Moment = u64;
/// Parts per million: 1_000_000 is the whole.
pub type PartsPerMillion = u32;

/// The whole, in parts per million.
pub const WHOLE: PartsPerMillion = 1_000_000;
/// Milliseconds in a day: late penalties accrue per full day.
pub const MILLIS_PER_DAY: Moment = 86_400_000;
/// Most co-funders a contract names or a query splits across.
pub const MAX_FUNDERS: usize = 16;
/// Most document types a contract requires or a query lists.
pub const MAX_EVIDENCE_KINDS: usize = 16;

/// A named co-funder's minimum share of every payout.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct FunderShare {
	/// The co-funder.
	pub funder: OrganisationId,
	/// The smallest part of a payout's gross it must carry.
	pub min_share: PartsPerMillion,
}

/// Last date a payout may be made: the agreement's end plus a grace period.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct PayoutDeadline {
	/// End of the agreement's period.
	pub end_date: Moment,
	/// Milliseconds after `end_date` during which payouts are still allowed.
	pub grace: Moment,
}

/// The conditions an instance is created with; each is optional, and none
/// can change afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct Conditions {
	/// The agreement the instance serves.
	pub agreement: AgreementId,
	/// Largest gross amount of one payout.
	pub max_single_payout: Option<u128>,
	/// Largest sum of gross amounts over the agreement's life.
	pub cumulative_cap: Option<u128>,
	/// Co-funders that must each carry at least a share of every payout.
	pub min_funder_shares: Vec<FunderShare>,
	/// Smallest part of every payout public funders must carry together.
	pub min_public_share: Option<PartsPerMillion>,
	/// Smallest part of every payout withheld as retention.
	pub retention: Option<PartsPerMillion>,
	/// No payout after this date.
	pub payout_deadline: Option<PayoutDeadline>,
	/// Penalty per full day past the due date, as a part of the gross amount.
	pub late_penalty_per_day: Option<PartsPerMillion>,
	/// Document types that must be among a milestone's evidence.
	pub required_evidence: Vec<DocumentKind>,
}

/// One co-funder's part of a payout's gross amount.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct FunderPart {
	/// The co-funding organisation.
	pub funder: OrganisationId,
	/// Whether the funder is a public body.
	pub public: bool,
	/// Its part of the gross amount.
	pub amount: u128,
}

/// A payout the ledger is about to make.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct DisbursementQuery {
	/// The agreement paying.
	pub agreement: AgreementId,
	/// The milestone paid for.
	pub milestone: u32,
	/// Who receives the payout (a 32-byte account).
	pub payee: [u8; 32],
	/// Gross amount: the milestone amount times the fraction met.
	pub gross: u128,
	/// Late penalty deducted from `gross`.
	pub penalty: u128,
	/// Retention withheld from `gross` until final acceptance.
	pub retention: u128,
	/// Sum of the gross amounts of the agreement's earlier payouts.
	pub paid_to_date: u128,
	/// Each co-funder's part of `gross`; the parts must sum to it.
	pub split: Vec<FunderPart>,
	/// The milestone's due date.
	pub due_date: Moment,
	/// When the payout is made.
	pub payment_date: Moment,
	/// How late the milestone was delivered, in milliseconds: from the due
	/// date to the submission of the evidence that was approved, less the
	/// time other parties' disputes were open in between. Slow reviews and
	/// frozen payouts do not make it later.
	pub late_by: Moment,
	/// Types of the documents submitted as evidence.
	pub evidence: Vec<DocumentKind>,
}

/// Why a payout is refused; the variant index is the reason code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum DenyReason {
	/// 0: the query names another agreement than the instance serves.
	#[codec(index = 0)]
	WrongAgreement,
	/// 1: the split does not sum to the gross, or the deductions exceed it.
	#[codec(index = 1)]
	InconsistentAmounts,
	/// 2: the gross amount exceeds the maximum single payout.
	#[codec(index = 2)]
	AboveSinglePayoutLimit,
	/// 3: paid to date plus this gross amount exceeds the cumulative cap.
	#[codec(index = 3)]
	AboveCumulativeCap,
	/// 4: the named co-funder carries less than its minimum share.
	#[codec(index = 4)]
	FunderShareTooLow(OrganisationId),
	/// 5: public funders together carry less than the minimum public share.
	#[codec(index = 5)]
	PublicShareTooLow,
	/// 6: less than the retention rate of the gross amount is withheld.
	#[codec(index = 6)]
	RetentionTooLow,
	/// 7: the payment date is after the agreement's end plus grace period.
	#[codec(index = 7)]
	PastPayoutDeadline,
	/// 8: less than the late penalty owed is deducted.
	#[codec(index = 8)]
	PenaltyTooLow,
	/// 9: a required document type is missing from the evidence.
	#[codec(index = 9)]
	MissingEvidence(DocumentKind),
}

/// The answer to a [`DisbursementQuery`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum Decision {
	/// The payout satisfies every condition.
	#[codec(index = 0)]
	Allow,
	/// The payout violates the condition named.
	#[codec(index = 1)]
	Deny(DenyReason),
}

/// Why conditions were refused at instantiation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum InvalidConditions {
	/// A share or rate is above the whole (1_000_000 parts per million).
	RateAboveWhole,
	/// The named co-funders' minimum shares add up to more than the whole.
	SharesAboveWhole,
	/// A co-funder is named twice.
	DuplicateFunder(OrganisationId),
	/// A document type is required twice.
	DuplicateEvidenceKind(DocumentKind),
	/// More co-funders or document types than the contract accepts.
	TooManyEntries,
}
