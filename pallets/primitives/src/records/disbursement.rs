//! What the disbursements pallet stores: each milestone's evidence, verdicts
//! and status, the invoices registered chain-wide, payouts with their
//! decision records, recoveries, disputes and each agreement's ledger.

use crate::{
	terms::{ApprovalRule, Documents, MAX_APPROVERS, MAX_PARTIES},
	Actor, AgreementId, ConditionsError, Decision, DisbursementQuery, MilestoneIndex, Moment,
	OrganisationId, Roles,
};
use alloc::boxed::Box;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::{H160, H256};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	Permill,
};

/// Identifier of a payout.
pub type DisbursementId = u32;

/// Identifier of a recovery.
pub type RecoveryId = u32;

/// Most invoices one submission of evidence lists.
pub const MAX_INVOICES: u32 = 16;

/// Most recoveries open at once on one agreement.
pub const MAX_OPEN_RECOVERIES: u32 = 16;

/// Most closed dispute periods kept per agreement to excuse lateness; when
/// a new one would not fit, the two oldest are merged into one (which can
/// only excuse more, never less, of a payee's lateness).
pub const MAX_DISPUTE_PERIODS: u32 = 32;

/// An invoice by reference: its SHA-256 and the amount it claims.
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
pub struct Invoice<Balance> {
	/// SHA-256 of the invoice file; registered chain-wide.
	pub sha256: [u8; 32],
	/// The amount it claims, in the smallest unit.
	pub amount: Balance,
}

/// The invoices of one submission.
pub type InvoiceList<Balance> = BoundedVec<Invoice<Balance>, ConstU32<MAX_INVOICES>>;

/// The milestone an invoice was submitted for, which it belongs to for good.
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
pub struct InvoiceUse {
	/// The agreement.
	pub agreement: AgreementId,
	/// The milestone.
	pub milestone: MilestoneIndex,
}

/// An approver's verdict on a milestone's evidence (OCDS milestone status).
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
pub enum Verdict {
	/// Fully met: the whole milestone amount is due.
	Met,
	/// Partly met: this fraction of the amount is due (more than none, less
	/// than all).
	PartiallyMet(Permill),
	/// Not met: nothing is paid until new evidence is submitted.
	NotMet,
}

impl Verdict {
	/// The fraction of the milestone amount this verdict grants, if any.
	pub fn fraction(&self) -> Option<Permill> {
		match self {
			Verdict::Met => Some(Permill::one()),
			Verdict::PartiallyMet(fraction) => Some(*fraction),
			Verdict::NotMet => None,
		}
	}
}

/// Governance's ruling on a contested milestone.
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
pub enum Ruling {
	/// Met: the median of the fractions the verdicts in favour granted is paid.
	Met,
	/// Not met: nothing is paid until new evidence is submitted.
	NotMet,
}

/// One approver's verdict in a review round.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Approval<AccountId, BlockNumber> {
	/// The member who gave it.
	pub approver: AccountId,
	/// The organisation it acted for: a party, or a designated verifier.
	pub organisation: OrganisationId,
	/// The roles of the milestone's approval rule it held when it gave it.
	pub roles: Roles,
	/// Its verdict.
	pub verdict: Verdict,
	/// Hash of its note (inspection report, reasons).
	pub note: H256,
	/// Block of the verdict.
	pub at: BlockNumber,
}

/// The verdicts of one review round: one per approver.
pub type Approvals<AccountId, BlockNumber> =
	BoundedVec<Approval<AccountId, BlockNumber>, ConstU32<MAX_APPROVERS>>;

/// The evidence of a review round, submitted by the private party.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Evidence<AccountId, Balance, BlockNumber> {
	/// The finance officer who submitted it; its deposit is held on this
	/// account. Never the payee.
	pub submitter: AccountId,
	/// The private party it acted for: the payee, paid on its organisation
	/// account.
	pub organisation: OrganisationId,
	/// The documents, by type, SHA-256 and URI.
	pub documents: Documents,
	/// The invoices, by SHA-256 and amount.
	pub invoices: InvoiceList<Balance>,
	/// Block of the submission.
	pub submitted_at: BlockNumber,
	/// Timestamp of the submission (milliseconds): if this evidence is
	/// approved, the milestone's lateness is measured to it.
	pub submitted_on: Moment,
	/// Deposit held from the submitter until the milestone is paid, the
	/// evidence is replaced or the agreement settled; zero once released.
	pub deposit: Balance,
}

impl<AccountId, Balance: Encode, BlockNumber> Evidence<AccountId, Balance, BlockNumber> {
	/// The evidence hash a verdict names: BLAKE2-256 of the SCALE-encoded
	/// payee organisation, documents and invoices. Whoever checks the files
	/// computes it too, so a verdict binds to exactly what its approver saw
	/// and to whom it pays.
	pub fn hash(&self) -> H256 {
		BlakeTwo256::hash_of(&(self.organisation, &self.documents, &self.invoices))
	}
}

/// Why an approved milestone was not paid yet. Each is cleared by
/// the disbursements pallet's `disburse` once the cause is gone.
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
pub enum Deferral {
	/// A dispute froze the agreement's payouts.
	Disputed,
	/// The agreement is suspended.
	Suspended,
	/// No pool has committed money to the agreement.
	NoEscrow,
	/// The escrow holds less than the payout takes from it.
	InsufficientEscrow,
	/// The payee organisation is suspended or no longer a private party of
	/// the agreement; checked again at every payment.
	PayeeNotActive,
}

/// What the agreement's funding-conditions contract was asked and answered.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct DecisionRecord<AccountId> {
	/// The contract asked, as the agreement's terms name it.
	pub contract: H160,
	/// The code hash the terms name; the contract is asked only if it runs it.
	pub code_hash: H256,
	/// BLAKE2-256 of the exact input sent: the `check` selector followed by
	/// the SCALE-encoded query.
	pub input_hash: H256,
	/// The query, so that anyone can send it again and compare the answer.
	pub query: DisbursementQuery<AccountId>,
	/// The answer: a decision, or why there was none.
	pub answer: Result<Decision, ConditionsError>,
}

/// A milestone's status as the Open Contracting Data Standard 1.1.5 codes
/// it (`milestoneStatus` codelist).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo)]
pub enum OcdsMilestoneStatus {
	/// Not yet decided: no evidence, evidence under review, or contested.
	Scheduled,
	/// Met in full.
	Met,
	/// Met in part.
	PartiallyMet,
	/// Found not met.
	NotMet,
}

impl OcdsMilestoneStatus {
	/// The codelist's code.
	pub fn code(&self) -> &'static str {
		match self {
			Self::Scheduled => "scheduled",
			Self::Met => "met",
			Self::PartiallyMet => "partiallyMet",
			Self::NotMet => "notMet",
		}
	}
}

/// Where a milestone stands once evidence was submitted (a milestone with
/// no record is `scheduled`). Each state carries the data valid in it only.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub enum MilestoneStatus<AccountId, BlockNumber> {
	/// Evidence submitted; verdicts are being given (OCDS `scheduled`).
	UnderReview,
	/// Every verdict filling the rule found it not met, or governance ruled
	/// so on a contest; new evidence starts a new round (OCDS `notMet`).
	NotMet {
		/// Block of the decision.
		at: BlockNumber,
	},
	/// The verdicts filling the rule (or governance's ruling) say met, but
	/// the payout waits for `deferral` to clear (OCDS `met` or
	/// `partiallyMet`).
	Approved {
		/// Block of the approval.
		at: BlockNumber,
		/// The fraction of the amount due: the median the verdicts in
		/// favour granted.
		fraction: Permill,
		/// Why it is not paid yet.
		deferral: Deferral,
	},
	/// The contract refused the payout (or gave no answer); it may be tried
	/// again once the terms were amended (OCDS `met` or `partiallyMet`).
	Blocked {
		/// Block of the refusal.
		at: BlockNumber,
		/// The fraction of the amount due.
		fraction: Permill,
		/// The version of the terms the refusal was under.
		version: u32,
		/// What the contract was asked and answered (boxed: the other
		/// states are small).
		decision: Box<DecisionRecord<AccountId>>,
	},
	/// Paid (OCDS `met` or `partiallyMet`, and paid).
	Paid {
		/// Block of the payout.
		at: BlockNumber,
		/// The fraction of the amount paid.
		fraction: Permill,
		/// The payout.
		disbursement: DisbursementId,
	},
	/// The verdicts filling the rule disagree: governance rules on it
	/// (OCDS `scheduled`: not decided yet).
	Contested {
		/// Block of the verdict that filled the rule.
		at: BlockNumber,
	},
}

/// A milestone's review: its current evidence, the round's verdicts and
/// its status. Earlier rounds stay readable at earlier blocks and in the
/// audit trail.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct MilestoneRecord<AccountId, Balance, BlockNumber> {
	/// The review round, from 1: each submission of evidence starts one.
	pub round: u32,
	/// The round's evidence.
	pub evidence: Evidence<AccountId, Balance, BlockNumber>,
	/// The round's verdicts.
	pub approvals: Approvals<AccountId, BlockNumber>,
	/// Where it stands.
	pub status: MilestoneStatus<AccountId, BlockNumber>,
}

impl<AccountId, Balance, BlockNumber> MilestoneRecord<AccountId, Balance, BlockNumber> {
	/// The OCDS 1.1.5 `milestoneStatus` of the milestone.
	pub fn ocds_status(&self) -> OcdsMilestoneStatus {
		match &self.status {
			MilestoneStatus::UnderReview | MilestoneStatus::Contested { .. } => {
				OcdsMilestoneStatus::Scheduled
			},
			MilestoneStatus::NotMet { .. } => OcdsMilestoneStatus::NotMet,
			MilestoneStatus::Approved { fraction, .. }
			| MilestoneStatus::Blocked { fraction, .. }
			| MilestoneStatus::Paid { fraction, .. } => {
				if fraction.is_one() {
					OcdsMilestoneStatus::Met
				} else {
					OcdsMilestoneStatus::PartiallyMet
				}
			},
		}
	}
}

/// One co-funder account's part of a payout.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct PayoutPart<AccountId, Balance> {
	/// The co-funder's account the money was held on.
	pub account: AccountId,
	/// The co-funding organisation.
	pub organisation: OrganisationId,
	/// Paid to the payee from it.
	pub paid: Balance,
	/// Moved to retention on it.
	pub retained: Balance,
	/// Returned to it as a recovery offset.
	pub offset: Balance,
}

/// A recovery's part in a payout: offset against it.
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
pub struct Offset<Balance> {
	/// The recovery.
	pub recovery: RecoveryId,
	/// The amount offset.
	pub amount: Balance,
}

/// A milestone payout and why it was allowed.
///
/// `gross = penalty + retention + offset + net`: the penalty stays in
/// escrow, retention is held on the co-funders' accounts until final
/// acceptance, the offset returns to the co-funders, `net` goes to the payee.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo)]
pub struct Disbursement<AccountId, Balance, BlockNumber> {
	/// The agreement.
	pub agreement: AgreementId,
	/// The milestone paid.
	pub milestone: MilestoneIndex,
	/// The review round whose evidence and verdicts it rests on.
	pub round: u32,
	/// The version of the terms it was computed under.
	pub version: u32,
	/// The account paid: the private party's organisation account.
	pub payee: AccountId,
	/// The private party paid.
	pub payee_organisation: OrganisationId,
	/// Amount × fraction met.
	pub gross: Balance,
	/// The late penalty deducted.
	pub penalty: Balance,
	/// The retention withheld.
	pub retention: Balance,
	/// Open recoveries of the payee offset against it.
	pub offset: Balance,
	/// Paid to the payee.
	pub net: Balance,
	/// The approval rule the verdicts satisfied.
	pub rule: ApprovalRule,
	/// The contract's decision.
	pub decision: DecisionRecord<AccountId>,
	/// What each co-funder account gave.
	pub parts: BoundedVec<
		PayoutPart<AccountId, Balance>,
		ConstU32<{ crate::escrow::MAX_ESCROW_ACCOUNTS }>,
	>,
	/// The recoveries offset against it.
	pub offsets: BoundedVec<Offset<Balance>, ConstU32<MAX_OPEN_RECOVERIES>>,
	/// Recoveries opened against this payout so far, in all.
	pub recovered: Balance,
	/// Block of the payout.
	pub paid_at: BlockNumber,
}

/// Where a recovery stands.
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
pub enum RecoveryStatus<Balance, BlockNumber> {
	/// Part or all of it is still owed.
	Open {
		/// What is still owed.
		outstanding: Balance,
	},
	/// Fully offset or repaid.
	Recovered {
		/// Block it was settled.
		at: BlockNumber,
	},
	/// Governance cancelled what was still owed; what had been offset or
	/// repaid before stays recovered.
	Cancelled {
		/// Block it was cancelled.
		at: BlockNumber,
		/// What was still owed and is no longer.
		cancelled: Balance,
		/// Hash of governance's statement of reasons.
		reason: H256,
	},
}

/// Money to be recovered from a payee after an irregularity in a payout.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Recovery<AccountId, Balance, BlockNumber> {
	/// The agreement.
	pub agreement: AgreementId,
	/// The payout found irregular.
	pub disbursement: DisbursementId,
	/// The private party that owes it.
	pub payee_organisation: OrganisationId,
	/// The amount to recover.
	pub amount: Balance,
	/// Hash of the finding that justifies it.
	pub reason: H256,
	/// Who opened it: an auditor's account, or governance.
	pub opened_by: Actor<AccountId>,
	/// Block it was opened.
	pub opened_at: BlockNumber,
	/// Deposit held from the auditor who opened it until it is recovered;
	/// zero if governance opened it.
	pub deposit: Balance,
	/// Where it stands.
	pub status: RecoveryStatus<Balance, BlockNumber>,
}

/// A dispute freezing an agreement's payouts until governance resolves it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Dispute<AccountId, Balance, BlockNumber> {
	/// The signatory who raised it.
	pub raised_by: AccountId,
	/// The party it acted for.
	pub organisation: OrganisationId,
	/// Hash of the statement of the dispute.
	pub reason: H256,
	/// Block it was raised.
	pub at: BlockNumber,
	/// Deposit held from the raiser until it is resolved.
	pub deposit: Balance,
}

/// A closed period, in milliseconds since the epoch.
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
pub struct Span {
	/// Its first moment.
	pub from: Moment,
	/// Its last moment.
	pub to: Moment,
}

impl Span {
	/// How much of this span falls between `from` and `to`.
	pub fn overlap(&self, from: Moment, to: Moment) -> Moment {
		self.to.min(to).saturating_sub(self.from.max(from))
	}
}

/// The time an agreement's payouts were frozen by disputes that excuse a
/// payee's lateness: those raised by a public authority or a funder. A
/// private party's own dispute never excuses its lateness.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	TypeInfo,
)]
pub struct DisputedTime {
	/// When the open dispute was raised, if one is open and excuses.
	pub open_since: Option<Moment>,
	/// The closed ones, oldest first, each ending before the next begins.
	pub closed: BoundedVec<Span, ConstU32<MAX_DISPUTE_PERIODS>>,
}

impl DisputedTime {
	/// How much time between `from` and `to` was under an excusing dispute,
	/// the open one counted up to `now`.
	pub fn between(&self, from: Moment, to: Moment, now: Moment) -> Moment {
		let open = self.open_since.map(|since| Span { from: since, to: now });
		self.closed
			.iter()
			.chain(open.iter())
			.fold(0, |sum: Moment, span| sum.saturating_add(span.overlap(from, to)))
	}

	/// Closes the open dispute at `now`, merging the two oldest periods if
	/// the list is full.
	pub fn close(&mut self, now: Moment) {
		let Some(since) = self.open_since.take() else { return };
		if self.closed.is_full() {
			if let (Some(first), Some(second)) = (self.closed.first().copied(), self.closed.get(1))
			{
				let merged = Span { from: first.from, to: second.to };
				self.closed.remove(0);
				if let Some(slot) = self.closed.get_mut(0) {
					*slot = merged;
				}
			}
		}
		// Room was made above when the list was full.
		let _ = self.closed.try_push(Span { from: since, to: now.max(since) });
	}
}

/// Retention withheld from one private party's payouts.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Retained<AccountId, Balance> {
	/// The private party.
	pub organisation: OrganisationId,
	/// Its organisation account, which payouts went to; the retention is
	/// released to it.
	pub account: AccountId,
	/// Retention withheld and not yet released or offset.
	pub amount: Balance,
}

/// How an ended agreement's escrow was settled.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Settlement<Balance, BlockNumber> {
	/// Block of the settlement.
	pub at: BlockNumber,
	/// Whether the agreement was completed (final acceptance) rather than
	/// terminated.
	pub completed: bool,
	/// Unspent money and retention returned to the co-funders.
	pub refunded: Balance,
}

/// An agreement's payouts in total, which its escrow must agree with.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Clone, PartialEq, Eq, Debug, TypeInfo,
)]
pub struct Ledger<AccountId, Balance, BlockNumber> {
	/// Sum of the payouts' gross amounts (the contract's `paid_to_date`).
	pub gross: Balance,
	/// Sum of the net amounts paid to payees.
	pub net: Balance,
	/// Sum of recoveries offset against payouts.
	pub offset: Balance,
	/// Sum of recoveries the payees repaid.
	pub repaid: Balance,
	/// Retention released to payees at final acceptance.
	pub retention_released: Balance,
	/// Retention kept back at final acceptance to offset recoveries.
	pub retention_offset: Balance,
	/// Retention withheld, per private party, not yet released or offset.
	pub retained: BoundedVec<Retained<AccountId, Balance>, ConstU32<MAX_PARTIES>>,
	/// How the escrow was settled, once the agreement ended.
	pub settlement: Option<Settlement<Balance, BlockNumber>>,
}

impl<AccountId, Balance: sp_runtime::traits::Zero, BlockNumber>
	Ledger<AccountId, Balance, BlockNumber>
{
	/// The ledger of an agreement nothing was paid for yet.
	pub fn empty() -> Self {
		Ledger {
			gross: Balance::zero(),
			net: Balance::zero(),
			offset: Balance::zero(),
			repaid: Balance::zero(),
			retention_released: Balance::zero(),
			retention_offset: Balance::zero(),
			retained: BoundedVec::new(),
			settlement: None,
		}
	}
}
