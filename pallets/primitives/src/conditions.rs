//! The funding-conditions contract's interface, as the runtime sees it.
//!
//! An agreement names an ink! contract (its address and the code hash it
//! must run) that holds the agreement's funding conditions. Before money
//! leaves escrow, the ledger sends it a [`DisbursementQuery`] and pays only
//! on [`Decision::Allow`]. The contract's source (`contracts/` in the
//! repository) declares the same types; their SCALE encodings must match
//! field for field, which the runtime's tests against the compiled contract
//! check.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, weights::Weight, BoundedVec};
use scale_info::TypeInfo;
use sp_core::{H160, H256};
use sp_runtime::Permill;

use crate::ids::{AgreementId, DocumentKind, MilestoneIndex, Moment, OrganisationId};

/// Most co-funders one payout is split across (and one contract can name).
pub const MAX_FUNDERS: u32 = 16;

/// Most document types one query lists or one contract requires.
pub const MAX_EVIDENCE_KINDS: u32 = 16;

/// Selector of the contract's constructor `new(conditions)`.
pub const SELECTOR_NEW: [u8; 4] = [0xC1, 0x71, 0xA5, 0x00];

/// Selector of the contract's message `conditions()`.
pub const SELECTOR_CONDITIONS: [u8; 4] = [0xC1, 0x71, 0xA5, 0x01];

/// Selector of the contract's message `check(query)`.
pub const SELECTOR_CHECK: [u8; 4] = [0xC1, 0x71, 0xA5, 0x02];

/// One co-funder's part of a payout's gross amount.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct FunderPart {
	/// The co-funding organisation.
	pub funder: OrganisationId,
	/// Whether the funder is a public body (for the minimum public share).
	pub public: bool,
	/// Its part of the gross amount, in the smallest unit.
	pub amount: u128,
}

/// What the ledger asks the contract before a milestone payout.
///
/// `gross` is the milestone amount times the fraction met; `penalty` and
/// `retention` are the parts of it the ledger deducts (the payee receives
/// `gross − penalty − retention`, less any recovery); `split` divides
/// `gross` across the co-funders and must sum to it exactly.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct DisbursementQuery<AccountId> {
	/// The agreement paying.
	pub agreement: AgreementId,
	/// The milestone paid for.
	pub milestone: MilestoneIndex,
	/// Who receives the payout.
	pub payee: AccountId,
	/// Gross amount of this payout.
	pub gross: u128,
	/// Late penalty deducted from `gross`.
	pub penalty: u128,
	/// Retention withheld from `gross` until final acceptance.
	pub retention: u128,
	/// Sum of the gross amounts of the agreement's earlier payouts.
	pub paid_to_date: u128,
	/// Each co-funder's part of `gross`.
	pub split: BoundedVec<FunderPart, ConstU32<MAX_FUNDERS>>,
	/// The milestone's due date.
	pub due_date: Moment,
	/// When the payout is made (the current block's timestamp).
	pub payment_date: Moment,
	/// How late the milestone was delivered, in milliseconds: from the due
	/// date to the submission of the evidence that was approved, less the
	/// time disputes raised by public authorities or funders were open in
	/// between. Slow reviews and frozen payouts do not make it later.
	pub late_by: Moment,
	/// Types of the documents submitted as evidence for the milestone.
	pub evidence: BoundedVec<DocumentKind, ConstU32<MAX_EVIDENCE_KINDS>>,
}

/// A named co-funder's minimum share of every payout.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct FunderShare {
	/// The co-funder.
	pub funder: OrganisationId,
	/// The smallest part of a payout's gross it must carry.
	pub min_share: Permill,
}

/// Last date a payout may be made: the agreement's end plus a grace period.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct PayoutDeadline {
	/// End of the agreement's period.
	pub end_date: Moment,
	/// Milliseconds after `end_date` during which payouts are still allowed.
	pub grace: Moment,
}

/// The conditions a contract instance is created with; each is optional.
/// They never change: new conditions are a new instance, named by an
/// amendment of the agreement.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Conditions {
	/// The agreement the instance serves; queries for another are denied.
	pub agreement: AgreementId,
	/// Largest gross amount of one payout.
	pub max_single_payout: Option<u128>,
	/// Largest sum of gross amounts over the agreement's life.
	pub cumulative_cap: Option<u128>,
	/// Co-funders that must each carry at least a share of every payout.
	pub min_funder_shares: BoundedVec<FunderShare, ConstU32<MAX_FUNDERS>>,
	/// Smallest part of every payout public funders must carry together.
	pub min_public_share: Option<Permill>,
	/// Smallest part of every payout withheld as retention.
	pub retention: Option<Permill>,
	/// No payout after this date.
	pub payout_deadline: Option<PayoutDeadline>,
	/// Penalty per full day past the due date, as a part of the gross amount.
	pub late_penalty_per_day: Option<Permill>,
	/// Document types that must be among a milestone's evidence.
	pub required_evidence: BoundedVec<DocumentKind, ConstU32<MAX_EVIDENCE_KINDS>>,
}

impl Conditions {
	/// Conditions of `agreement` that constrain nothing else: every payout
	/// the ledger computes for it is allowed. Tests and benchmarks deploy
	/// contracts with them where what is measured is not the conditions.
	pub fn unconstrained(agreement: AgreementId) -> Self {
		Self {
			agreement,
			max_single_payout: None,
			cumulative_cap: None,
			min_funder_shares: BoundedVec::new(),
			min_public_share: None,
			retention: None,
			payout_deadline: None,
			late_penalty_per_day: None,
			required_evidence: BoundedVec::new(),
		}
	}
}

/// Why the contract refused a payout. The variant index is the reason code
/// the contract returns and emits (0 = `WrongAgreement`, ...).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum DenyReason {
	/// The query names another agreement than the instance serves.
	#[codec(index = 0)]
	WrongAgreement,
	/// The split does not sum to the gross amount, or the deductions exceed it.
	#[codec(index = 1)]
	InconsistentAmounts,
	/// The gross amount exceeds the maximum single payout.
	#[codec(index = 2)]
	AboveSinglePayoutLimit,
	/// Paid to date plus this gross amount exceeds the cumulative cap.
	#[codec(index = 3)]
	AboveCumulativeCap,
	/// The named co-funder carries less than its minimum share.
	#[codec(index = 4)]
	FunderShareTooLow(OrganisationId),
	/// Public funders together carry less than the minimum public share.
	#[codec(index = 5)]
	PublicShareTooLow,
	/// Less than the retention rate of the gross amount is withheld.
	#[codec(index = 6)]
	RetentionTooLow,
	/// The payment date is after the agreement's end plus grace period.
	#[codec(index = 7)]
	PastPayoutDeadline,
	/// Less than the late penalty owed for the days past due is deducted.
	#[codec(index = 8)]
	PenaltyTooLow,
	/// A required document type is missing from the evidence.
	#[codec(index = 9)]
	MissingEvidence(DocumentKind),
}

/// The contract's answer to a [`DisbursementQuery`].
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum Decision {
	/// The payout satisfies every condition.
	#[codec(index = 0)]
	Allow,
	/// The payout violates the condition named.
	#[codec(index = 1)]
	Deny(DenyReason),
}

/// Why the contract could not be asked, or gave no usable answer. A payout
/// must not proceed on any of these.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum ConditionsError {
	/// No contract lives at the address.
	NoContract,
	/// The contract runs other code than the agreement names.
	CodeHashMismatch {
		/// The code hash the agreement names.
		expected: H256,
		/// The code hash the contract runs.
		found: H256,
	},
	/// The call needed more weight than it was given.
	OutOfWeight,
	/// The contract trapped (a panic, an invalid instruction, a failed host call).
	Trapped,
	/// The contract reverted, i.e. refused the call without an answer.
	Reverted,
	/// The contract did not recognise the message or could not decode the query.
	InputRejected,
	/// The contract's output is not a [`Decision`].
	UndecodableOutput,
}

/// The result of asking a conditions contract, with the weight it cost.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CheckOutcome {
	/// Weight used, never more than the limit given plus the fixed cost of
	/// looking up the contract; charge it whether or not an answer came.
	pub weight_used: Weight,
	/// The contract's decision, or why there is none.
	pub result: Result<Decision, ConditionsError>,
}

/// The conditions a contract holds (its `conditions` message), with the
/// weight reading them cost.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ConditionsOutcome {
	/// Weight used, as in [`CheckOutcome::weight_used`].
	pub weight_used: Weight,
	/// The conditions, whose `agreement` is the agreement the contract was
	/// instantiated for, or why they could not be read.
	pub result: Result<Conditions, ConditionsError>,
}

/// Asks an agreement's funding-conditions contract about a payout.
///
/// The ledger depends on this trait, not on pallet-revive, so that a change
/// of the contracts pallet's API touches one implementation.
pub trait FundingConditions<AccountId> {
	/// Weight of the work done outside the contract: looking up its code hash.
	fn lookup_weight() -> Weight;

	/// Reads the conditions held by the contract at `contract`, which must
	/// run `code_hash`, spending at most `weight_limit` in the contract.
	/// Agreements are only proposed naming a contract that answers here with
	/// their own id, so that no agreement can bind itself to a contract that
	/// does not exist, runs other code, or serves another agreement.
	fn conditions(contract: H160, code_hash: H256, weight_limit: Weight) -> ConditionsOutcome;

	/// Asks the contract at `contract`, which must run `code_hash`, whether
	/// `query` may be paid, spending at most `weight_limit` in the contract.
	/// Takes no storage deposit, so the contract cannot grow its state.
	fn check(
		contract: H160,
		code_hash: H256,
		query: &DisbursementQuery<AccountId>,
		weight_limit: Weight,
	) -> CheckOutcome;
}

/// Deploys funding-conditions contracts for benchmarks, which must ask (and
/// propose agreements naming) a real one.
#[cfg(feature = "runtime-benchmarks")]
pub trait ConditionsBenchmarkHelper {
	/// Deploys the reference contract with `conditions` and returns it.
	fn conditions_contract(conditions: &Conditions) -> crate::ConditionsContract;
}
