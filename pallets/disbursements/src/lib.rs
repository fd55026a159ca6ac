//! # Disbursements pallet
//!
//! Milestone payouts: public money leaves an agreement's escrow only on
//! evidence anyone can check, verdicts by the roles the milestone's
//! approval rule names, and a yes from the agreement's ink!
//! funding-conditions contract, with every step in the audit trail.
//!
//! ## Terms
//!
//! - **Evidence**: documents (type, SHA-256, URI) and invoices (SHA-256,
//!   amount) a finance officer of the private party submits for a
//!   milestone. Each submission starts a new **review round**; its
//!   **evidence hash** ([`Evidence::hash`]) covers the payee organisation,
//!   documents and invoices. The **payee** is the private party, paid on its
//!   organisation account, never the finance officer who submitted. A
//!   deposit ([`Config::EvidenceDepositBase`] plus
//!   [`Config::EvidenceDepositPerByte`]) is held from the submitter until the
//!   milestone is paid, its evidence replaced, or the agreement settled.
//!   Evidence under review is replaced only by the party that sent it and
//!   only [`Config::MinReviewPeriod`] blocks after it was sent; every
//!   replacement is announced ([`Event::EvidenceReplaced`]) and on the trail.
//! - **Invoice registry**: every invoice, keyed by its issuer (the private
//!   party submitting it) and its hash, belongs for good to the milestone it
//!   was first submitted for, chain-wide, so the same invoice can never
//!   support a second payment in this agreement or any other; and since the
//!   issuer is part of the key, no other organisation can claim it first.
//! - **Verdict** ([`Verdict`]): met, partially met (a fraction) or not met,
//!   with the hash of a note; one per approver per round, naming the round
//!   and the evidence hash it judges (refused unless both are current).
//! - **Approval rule**: per milestone, entries of a role, a count and the
//!   approvers whose members may fill them ([`civitas_primitives::Approvers`]:
//!   any party, the designated verifiers, the parties of one part, or one
//!   organisation); the counts are its **slots**. Approvers are members of a
//!   party (not the payee) or of a designated verifier. Every verdict, for
//!   or against, must fill a slot the round's earlier verdicts leave open
//!   (distinct members, each counted for one slot), or it is refused.
//! - **Decision**: once every slot is filled, all in favour pays the
//!   **median** of the fractions granted (an even count: the mean of the
//!   two middle ones); all against is **not met** (new evidence needed);
//!   both ways is a **contest**, on which governance rules
//!   ([`Ruling`]): met pays the median of the verdicts in favour. No one
//!   approver sets the amount or vetoes alone.
//! - **Payout**: when the verdicts (or a ruling) say met, in the same call,
//!   `gross = amount × fraction` (the median granted); the **late
//!   penalty** (the terms' daily rate × full days of **lateness**, at most
//!   the gross) stays in escrow; the **retention** (the terms' rate of the
//!   gross) moves to retention holds on the co-funders' accounts until final
//!   acceptance; open **recoveries** of the payee are offset and returned to
//!   the co-funders; the rest, `net`, goes to the payee's organisation
//!   account, once its standing (active, still a private party) is checked
//!   again. The contract is
//!   asked first ([`Config::FundingConditions`], at most
//!   [`Config::ConditionsWeightLimit`], charged and refunded to what it
//!   used). On yes the escrow pays, split across co-funders; on no (or no
//!   answer, e.g. other code than the terms name) the milestone is
//!   **blocked** with the reason and may be retried after an amendment.
//!   A dispute or suspension **defers** the payout until [`Pallet::disburse`].
//! - **Decision record** ([`DecisionRecord`]): contract address, the code
//!   hash the terms name, the hash of the exact input, the query itself and
//!   the answer; kept with every payout and every block.
//! - **Recovery**: an amount an auditor (a member with the auditor role of
//!   an auditor organisation the agreement's terms designate, who pays
//!   [`Config::RecoveryDeposit`]) or governance finds irregular in a payout,
//!   with the hash of its finding. It is offset against the payee's later
//!   payouts or its retention at final acceptance, or repaid. Governance
//!   may cancel what is still owed, with its reasons on the trail; the
//!   deposit of a recovery it finds unfounded goes to the payee.
//! - **Lateness** ([`Pallet::late_by`]): from the milestone's due date to
//!   the submission of the evidence that was approved, less the time
//!   disputes raised by a public authority or funder were open in between
//!   ([`DisputedTimes`]). Measured to the submission, not the payment: slow
//!   verdicts, disputes and suspensions after it never add to the penalty.
//!   The contract is told it (`late_by`) and checks the penalty against it.
//! - **Dispute**: raised by a party's signatory (who pays
//!   [`Config::DisputeDeposit`]), it freezes the agreement's payouts until
//!   governance resolves it. The deposit comes back, unless governance
//!   finds the dispute unfounded: then it is burnt, so re-raising disputes
//!   without cause costs the raiser each time.
//! - **Settlement**: once the agreement is completed (final acceptance),
//!   each payee's retention, less its open recoveries, is released to it,
//!   one private party per call (so the call's weight is bounded); once
//!   terminated, retention goes back to the co-funders. The last call
//!   refunds the money still committed to the co-funders.
//!
//! Milestone statuses follow OCDS ([`MilestoneRecord::ocds_status`]):
//! `scheduled` (no record, under review or contested), `met`,
//! `partiallyMet`, `notMet`; plus paid.
//!
//! ## Calls
//!
//! - [`Pallet::submit_evidence`]: the private party's finance officer submits evidence.
//! - [`Pallet::approve`]: an approver fills a slot with a verdict on a named round and evidence; the last one decides.
//! - [`Pallet::resolve_contest`]: governance rules a contested milestone met (paid) or not met.
//! - [`Pallet::disburse`]: a party's finance officer retries a deferred or blocked payout.
//! - [`Pallet::open_recovery`]: an auditor the agreement names, or governance, opens a recovery on a payout.
//! - [`Pallet::cancel_recovery`]: governance cancels what is still owed on a recovery.
//! - [`Pallet::repay_recovery`]: the payee's finance officer repays a recovery.
//! - [`Pallet::raise_dispute`]: a party's signatory freezes the agreement's payouts.
//! - [`Pallet::resolve_dispute`]: governance lifts the freeze; an unfounded dispute's deposit is burnt.
//! - [`Pallet::settle`]: anyone settles an ended agreement's escrow, a step per call.
//!
//! ## Audit trail
//!
//! Every call appends to the agreement's trail through [`Config::AuditLog`]
//! ([`civitas_primitives::AuditAction`] from 64 says what each entry's data
//! hashes); the escrow's movements are recorded as part of these entries.
//!
//! ## Invariants (`try_state`)
//!
//! No payout without verdicts satisfying its rule and a recorded yes from a
//! contract running the code hash the terms name; each payout's amounts and
//! parts add up; per agreement, the payouts, recoveries and retention agree
//! with the escrow (`paid + retained + remaining = committed − recovered −
//! refunded`); a payout's gross is the met fraction of its milestone's
//! amount, and an agreement's payouts never exceed what was committed;
//! every submitted invoice is registered to its milestone; open recoveries
//! are listed, cancelled ones count for what they recovered; disputes sit
//! only on agreements that were in force; an agreement's disputed time runs
//! exactly while a dispute that excuses lateness is open, and its closed
//! periods are in order; held deposits equal the records'.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispute;
mod evidence;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod payout;
#[cfg(test)]
mod proptests;
mod queries;
mod recovery;
mod review;
mod settlement;
#[cfg(test)]
mod tests;
pub mod weights;

pub use civitas_primitives::records::disbursement::*;
pub use pallet::*;
pub use weights::WeightInfo;

use civitas_primitives::{
	escrow::MAX_ESCROW_ACCOUNTS, terms::Documents, Actor, AgreementId, AgreementTerms, Agreements,
	AuditAction, AuditLog, Escrow, FundingConditions, MilestoneIndex, Moment, OrganisationId,
	Organisations, Standing,
};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Precision,
		Time,
	},
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	Permill,
};

/// The balance type of the currency payouts are made in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A milestone's review as this runtime stores it.
pub type MilestoneRecordOf<T> =
	MilestoneRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A payout as this runtime stores it.
pub type DisbursementOf<T> =
	Disbursement<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A recovery as this runtime stores it.
pub type RecoveryOf<T> =
	Recovery<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A dispute as this runtime stores it.
pub type DisputeOf<T> =
	Dispute<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// An agreement's ledger as this runtime stores it.
pub type LedgerOf<T> =
	Ledger<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// An agreement's terms as this runtime stores them.
pub type TermsOf<T> = civitas_primitives::Terms<BalanceOf<T>>;

/// A milestone of the terms as this runtime stores it.
pub type MilestoneOf<T> = civitas_primitives::Milestone<BalanceOf<T>>;

/// A decision record as this runtime stores it.
pub type DecisionOf<T> = DecisionRecord<<T as frame_system::Config>::AccountId>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage; [`crate::migrations`] moves
	/// older layouts to it.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in and payouts made in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The organisations registry: kinds, standing, roles.
		type Organisations: Organisations<Self::AccountId>;

		/// The agreements: where each stands, its parties and its terms.
		type Agreements: Agreements + AgreementTerms<BalanceOf<Self>>;

		/// The escrow payouts are made from.
		type Escrow: Escrow<Self::AccountId, BalanceOf<Self>>;

		/// The agreements' funding-conditions contracts.
		type FundingConditions: FundingConditions<Self::AccountId>;

		/// The audit trail every call appends to.
		type AuditLog: AuditLog<Self::AccountId>;

		/// The clock payment dates are read from (milliseconds since the epoch).
		type Time: Time<Moment = Moment>;

		/// Governance: opens and cancels recoveries, resolves disputes and rules on contests.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Blocks evidence stays under review before the party that sent it
		/// may replace it: a replacement drops every verdict given, so it is
		/// rate-limited, and approvers always have this long to judge.
		#[pallet::constant]
		type MinReviewPeriod: Get<BlockNumberFor<Self>>;

		/// Deposit held for each submission of evidence, whatever its size.
		#[pallet::constant]
		type EvidenceDepositBase: Get<BalanceOf<Self>>;

		/// Deposit held per byte of a submission's documents and invoices.
		#[pallet::constant]
		type EvidenceDepositPerByte: Get<BalanceOf<Self>>;

		/// The least a recovery may claim, unless it claims the rest of its
		/// payout: an agreement has at most `MAX_OPEN_RECOVERIES` open.
		#[pallet::constant]
		type MinimumRecovery: Get<BalanceOf<Self>>;

		/// Deposit held from an auditor who opens a recovery.
		#[pallet::constant]
		type RecoveryDeposit: Get<BalanceOf<Self>>;

		/// Deposit held from a signatory who raises a dispute.
		#[pallet::constant]
		type DisputeDeposit: Get<BalanceOf<Self>>;

		/// Most weight a funding-conditions contract may use to answer; charged
		/// up front with every call that may pay, refunded to what it used.
		#[pallet::constant]
		type ConditionsWeightLimit: Get<Weight>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Deploys the contract the benchmarks ask.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: civitas_primitives::ConditionsBenchmarkHelper;
	}

	/// Why this pallet holds funds. Each is visible in the account's balance.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Deposit for a milestone's evidence.
		#[codec(index = 0)]
		EvidenceDeposit,
		/// Deposit for an open recovery.
		#[codec(index = 1)]
		RecoveryDeposit,
		/// Deposit for an open dispute.
		#[codec(index = 2)]
		DisputeDeposit,
	}

	/// Each milestone's review, from its first submission of evidence on.
	#[pallet::storage]
	pub type Milestones<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AgreementId,
		Twox64Concat,
		MilestoneIndex,
		MilestoneRecordOf<T>,
	>;

	/// Every invoice ever submitted, by its issuing organisation (the private
	/// party that submitted it) and SHA-256, and the milestone it belongs to.
	/// Keyed by issuer so that no one but the issuer can claim (or squat) an
	/// invoice: another organisation registering the same hash claims only
	/// its own.
	#[pallet::storage]
	pub type IssuedInvoices<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrganisationId, Identity, [u8; 32], InvoiceUse>;

	/// The id the next payout gets.
	#[pallet::storage]
	pub type NextDisbursementId<T: Config> = StorageValue<_, DisbursementId, ValueQuery>;

	/// Every payout, with its decision record.
	#[pallet::storage]
	pub type Disbursements<T: Config> =
		StorageMap<_, Twox64Concat, DisbursementId, DisbursementOf<T>>;

	/// The id the next recovery gets.
	#[pallet::storage]
	pub type NextRecoveryId<T: Config> = StorageValue<_, RecoveryId, ValueQuery>;

	/// Every recovery, open or recovered.
	#[pallet::storage]
	pub type Recoveries<T: Config> = StorageMap<_, Twox64Concat, RecoveryId, RecoveryOf<T>>;

	/// Every recovery of each agreement, open or not: an index of
	/// [`Recoveries`] by agreement, so that an agreement's recoveries are
	/// listed without reading every recovery on the chain.
	#[pallet::storage]
	pub type RecoveriesOf<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgreementId, Twox64Concat, RecoveryId, (), OptionQuery>;

	/// Each agreement's open recoveries, oldest first: the order they are offset in.
	#[pallet::storage]
	pub type OpenRecoveries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		AgreementId,
		BoundedVec<RecoveryId, ConstU32<MAX_OPEN_RECOVERIES>>,
		ValueQuery,
	>;

	/// The open dispute of each agreement that has one.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, AgreementId, DisputeOf<T>>;

	/// Per agreement, the time its payouts were frozen by disputes that excuse
	/// a payee's lateness (raised by a public authority or funder), from
	/// the first such dispute on.
	#[pallet::storage]
	pub type DisputedTimes<T: Config> =
		StorageMap<_, Twox64Concat, AgreementId, DisputedTime, ValueQuery>;

	/// Each agreement's payouts in total, from its first payout or settlement on.
	#[pallet::storage]
	pub type Ledgers<T: Config> = StorageMap<_, Twox64Concat, AgreementId, LedgerOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Evidence was submitted for a milestone: a new review round began.
		EvidenceSubmitted {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The review round it starts.
			round: u32,
			/// The evidence hash verdicts on it name ([`Evidence::hash`]).
			evidence: H256,
			/// The finance officer who submitted it.
			submitter: T::AccountId,
			/// The private party it acted for: the payee.
			organisation: OrganisationId,
			/// The documents submitted.
			documents: u32,
			/// The invoices submitted.
			invoices: u32,
			/// The invoices' amounts together.
			invoiced: BalanceOf<T>,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// Evidence under review was replaced: the verdicts given on it lapse
		/// and every approver must judge the new round.
		EvidenceReplaced {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The round replaced.
			round: u32,
			/// The verdicts given in it, which lapse.
			verdicts: u32,
		},
		/// An approver gave its verdict.
		VerdictGiven {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The review round.
			round: u32,
			/// The evidence hash it judged.
			evidence: H256,
			/// The approver.
			approver: T::AccountId,
			/// The organisation it acted for.
			organisation: OrganisationId,
			/// The verdict.
			verdict: Verdict,
			/// Hash of its note.
			note: H256,
		},
		/// Every verdict filling the rule said not met, or governance ruled
		/// a contest not met; new evidence is needed.
		MilestoneNotMet {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The review round.
			round: u32,
		},
		/// The verdicts filling the rule disagree (some met, some not):
		/// governance rules on the milestone.
		MilestoneContested {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The review round.
			round: u32,
			/// How many of the verdicts said not met.
			against: u32,
		},
		/// Governance ruled on a contested milestone.
		ContestResolved {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The review round ruled on.
			round: u32,
			/// The ruling.
			ruling: Ruling,
			/// Hash of the reasons.
			reason: H256,
		},
		/// The approval rule is satisfied.
		MilestoneApproved {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The review round.
			round: u32,
			/// The fraction of the amount due.
			fraction: Permill,
		},
		/// An approved milestone's payout waits for its cause to clear.
		PayoutDeferred {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// Why.
			deferral: Deferral,
		},
		/// The contract refused the payout, or gave no answer.
		PayoutBlocked {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The contract asked.
			contract: sp_core::H160,
			/// Its answer, or why there was none.
			answer: Result<civitas_primitives::Decision, civitas_primitives::ConditionsError>,
		},
		/// A milestone was paid.
		MilestonePaid {
			/// The agreement.
			agreement: AgreementId,
			/// The milestone.
			milestone: MilestoneIndex,
			/// The payout.
			disbursement: DisbursementId,
			/// The account paid: the private party's organisation account.
			payee: T::AccountId,
			/// Amount × fraction met.
			gross: BalanceOf<T>,
			/// The late penalty, left in escrow.
			penalty: BalanceOf<T>,
			/// The retention withheld.
			retention: BalanceOf<T>,
			/// Recoveries offset.
			offset: BalanceOf<T>,
			/// Paid to the payee.
			net: BalanceOf<T>,
		},
		/// A recovery was opened on a payout.
		RecoveryOpened {
			/// The recovery.
			recovery: RecoveryId,
			/// The agreement.
			agreement: AgreementId,
			/// The payout.
			disbursement: DisbursementId,
			/// The amount.
			amount: BalanceOf<T>,
			/// Hash of the finding.
			reason: H256,
		},
		/// Governance cancelled what was still owed on a recovery.
		RecoveryCancelled {
			/// The recovery.
			recovery: RecoveryId,
			/// The agreement.
			agreement: AgreementId,
			/// What was still owed and is no longer.
			cancelled: BalanceOf<T>,
			/// Hash of governance's statement of reasons.
			reason: H256,
			/// Whether the opener's deposit went to the payee (the recovery
			/// was unfounded) rather than back to the opener.
			deposit_forfeited: bool,
		},
		/// Part or all of a recovery was offset against a payout or retention.
		RecoveryOffset {
			/// The recovery.
			recovery: RecoveryId,
			/// The agreement.
			agreement: AgreementId,
			/// The amount offset.
			amount: BalanceOf<T>,
			/// What is still owed.
			outstanding: BalanceOf<T>,
		},
		/// Part or all of a recovery was repaid.
		RecoveryRepaid {
			/// The recovery.
			recovery: RecoveryId,
			/// The agreement.
			agreement: AgreementId,
			/// Who repaid.
			payer: T::AccountId,
			/// The amount repaid.
			amount: BalanceOf<T>,
			/// What is still owed.
			outstanding: BalanceOf<T>,
		},
		/// A dispute froze the agreement's payouts.
		DisputeRaised {
			/// The agreement.
			agreement: AgreementId,
			/// The signatory who raised it.
			raised_by: T::AccountId,
			/// The party it acted for.
			organisation: OrganisationId,
			/// Hash of the statement.
			reason: H256,
		},
		/// Governance resolved the dispute; payouts may resume.
		DisputeResolved {
			/// The agreement.
			agreement: AgreementId,
			/// Hash of the resolution.
			resolution: H256,
			/// Whether governance found it unfounded and burnt the deposit.
			deposit_forfeited: bool,
		},
		/// Final acceptance: one private party's retention was released to
		/// it, less its open recoveries.
		RetentionSettled {
			/// The agreement.
			agreement: AgreementId,
			/// The private party.
			organisation: OrganisationId,
			/// The account its last payout went to, which received it.
			payee: T::AccountId,
			/// Retention paid to it.
			released: BalanceOf<T>,
			/// Retention kept to offset its open recoveries.
			offset: BalanceOf<T>,
		},
		/// An ended agreement's escrow was settled.
		Settled {
			/// The agreement.
			agreement: AgreementId,
			/// Whether it was completed (final acceptance) rather than terminated.
			completed: bool,
			/// Retention released to payees.
			retention_released: BalanceOf<T>,
			/// Retention kept to offset recoveries.
			retention_offset: BalanceOf<T>,
			/// Returned to the co-funders unspent.
			refunded: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The agreement is unknown or a draft.
		AgreementNotInForce,
		/// The agreement is not active (suspended or ended).
		AgreementNotActive,
		/// The terms in force have no milestone with this index.
		UnknownMilestone,
		/// The caller is not a finance officer of a private party of the
		/// agreement, or its organisation is not active.
		NotPayeeFinanceOfficer,
		/// Evidence must list at least one document.
		NoDocuments,
		/// A document has an empty URI.
		EmptyUri,
		/// A document is listed twice.
		DuplicateDocument,
		/// An invoice claims nothing.
		ZeroInvoice,
		/// The issuer submitted the invoice for another milestone already, in
		/// this agreement or another, or it is listed twice.
		DuplicateInvoice,
		/// The milestone was approved or paid: its evidence is final.
		EvidenceClosed,
		/// The submitter cannot pay the evidence deposit.
		CannotPayDeposit,
		/// The milestone has no evidence under review.
		NotUnderReview,
		/// The caller holds no role the approval rule names in a party or a
		/// designated verifier organisation, or acts for the payee.
		NotAnApprover,
		/// The caller already gave a verdict in this round.
		AlreadyGaveVerdict,
		/// Every slot of the rule the caller could fill is filled by other
		/// verdicts, for or against.
		VerdictNotNeeded,
		/// The verdict names another review round than the one under review:
		/// the evidence was replaced since.
		StaleRound,
		/// The verdict names another evidence hash than the round's.
		EvidenceMismatch,
		/// Evidence under review may be replaced only by the private party
		/// that submitted it.
		EvidenceOfAnotherParty,
		/// Evidence under review may be replaced only [`Config::MinReviewPeriod`]
		/// blocks after its submission, so that approvers can judge it.
		ReviewInProgress,
		/// The payee organisation is suspended or no longer a private party
		/// of the agreement.
		PayeeNotActive,
		/// A partial verdict must grant more than nothing and less than all.
		InvalidFraction,
		/// Nothing waits to be paid: the milestone is not approved or blocked.
		NothingToDisburse,
		/// Since an amendment, the round's verdicts no longer satisfy the
		/// milestone's approval rule: new evidence is needed.
		VerdictsNoLongerSuffice,
		/// The terms were not amended since the contract refused the payout.
		NotAmendedSinceBlocked,
		/// The caller is not a finance officer of a party of the agreement.
		NotPartyFinanceOfficer,
		/// A dispute froze the agreement's payouts.
		AgreementDisputed,
		/// No pool has committed money to the agreement.
		NoEscrow,
		/// The escrow holds less than the payout takes from it.
		InsufficientEscrow,
		/// No payout has this id.
		UnknownDisbursement,
		/// The caller is not a member with the auditor role of an active
		/// auditor organisation.
		NotAuditor,
		/// The caller's auditor organisation is not among the organisations
		/// the agreement's terms designate.
		AuditorNotNamed,
		/// A recovery must be more than zero.
		ZeroRecovery,
		/// A recovery claims less than [`Config::MinimumRecovery`] and not
		/// the rest of its payout.
		RecoveryTooSmall,
		/// Recoveries would exceed what the payout paid to the payee.
		RecoveryExceedsPayout,
		/// The agreement has as many open recoveries as it may.
		TooManyOpenRecoveries,
		/// No recovery has this id.
		UnknownRecovery,
		/// The recovery is fully recovered.
		RecoveryClosed,
		/// A repayment must be more than zero and at most what is owed.
		InvalidRepayment,
		/// The caller is not a finance officer of the private party that owes it.
		NotDebtorFinanceOfficer,
		/// The caller is not a signatory of a party of the agreement.
		NotPartySignatory,
		/// The agreement already has an open dispute.
		DisputeOpen,
		/// The agreement has no open dispute.
		NoDispute,
		/// The agreement has not ended (completed or terminated).
		AgreementNotEnded,
		/// The agreement's escrow is settled already.
		AlreadySettled,
		/// An amount does not fit the balance type.
		Overflow,
		/// Payout or recovery ids are exhausted.
		IdsExhausted,
		/// The milestone is not contested: its verdicts do not fill the rule
		/// both for and against.
		NotContested,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Zero deposits would make evidence, recoveries and disputes free
		/// to spam; a zero review period would let evidence under review be
		/// replaced at once; a zero weight limit would block every payout.
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(!T::MinReviewPeriod::get().is_zero(), "MinReviewPeriod must not be zero");
			assert!(
				!T::EvidenceDepositBase::get().is_zero(),
				"EvidenceDepositBase must not be zero"
			);
			assert!(!T::RecoveryDeposit::get().is_zero(), "RecoveryDeposit must not be zero");
			// An unfounded recovery's deposit is paid to the payee's
			// organisation account, which may hold nothing yet.
			assert!(
				T::RecoveryDeposit::get() >= T::Currency::minimum_balance(),
				"RecoveryDeposit must be at least the existential deposit"
			);
			assert!(!T::MinimumRecovery::get().is_zero(), "MinimumRecovery must not be zero");
			assert!(!T::DisputeDeposit::get().is_zero(), "DisputeDeposit must not be zero");
			assert!(
				T::ConditionsWeightLimit::get().all_gt(Weight::zero()),
				"ConditionsWeightLimit must allow some computation and proof"
			);
		}
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submits evidence for `milestone` of `agreement` and starts a new
		/// review round: earlier verdicts lapse. By a finance officer of a
		/// private party, whose account is paid; holds the evidence deposit
		/// (returning the previous submission's). Every invoice hash is
		/// registered to this milestone for good.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_evidence(invoices.len() as u32))]
		pub fn submit_evidence(
			origin: OriginFor<T>,
			agreement: AgreementId,
			milestone: MilestoneIndex,
			documents: Documents,
			invoices: InvoiceList<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_evidence(who, agreement, milestone, documents, invoices)
		}

		/// Gives the caller's `verdict` on the evidence of review `round`,
		/// whose hash ([`Evidence::hash`]) is `evidence`, with the hash of its
		/// note; fails unless both are the milestone's current ones. By a
		/// member of a party (not the payee) or a designated verifier holding
		/// a role the approval rule names. If it satisfies the rule, the
		/// payout is computed, the contract asked and the milestone paid or
		/// blocked in this call.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::weight_of_payout(T::WeightInfo::approve_and_pay(MAX_ESCROW_ACCOUNTS)).max(T::WeightInfo::approve()))]
		pub fn approve(
			origin: OriginFor<T>,
			agreement: AgreementId,
			milestone: MilestoneIndex,
			round: u32,
			evidence: H256,
			verdict: Verdict,
			note: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_approve(who, agreement, milestone, round, evidence, verdict, note)
		}

		/// Pays an approved milestone whose payout was deferred (the cause
		/// has cleared), or retries a blocked one after the terms were
		/// amended. By a finance officer of a party of the active agreement.
		#[pallet::call_index(2)]
		#[pallet::weight(Pallet::<T>::weight_of_payout(T::WeightInfo::disburse(MAX_ESCROW_ACCOUNTS)))]
		pub fn disburse(
			origin: OriginFor<T>,
			agreement: AgreementId,
			milestone: MilestoneIndex,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_disburse(who, agreement, milestone)
		}

		/// Opens a recovery of `amount` on a payout, justified by the
		/// finding hashed in `reason`: it is offset against the payee's
		/// later payouts (or retention), or repaid. By governance, or by an
		/// auditor of an auditor organisation the agreement's terms
		/// designate, who pays the recovery deposit until it is recovered
		/// or cancelled.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::open_recovery())]
		pub fn open_recovery(
			origin: OriginFor<T>,
			disbursement: DisbursementId,
			amount: BalanceOf<T>,
			reason: H256,
		) -> DispatchResult {
			let actor = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => Actor::Governance,
				Err(origin) => Actor::Account(ensure_signed(origin)?),
			};
			Self::do_open_recovery(actor, disbursement, amount, reason)
		}

		/// Repays `amount` of a recovery from the caller's free balance to
		/// the co-funders, in their committed shares. By a finance officer
		/// of the private party that owes it.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::repay_recovery(MAX_ESCROW_ACCOUNTS))]
		pub fn repay_recovery(
			origin: OriginFor<T>,
			recovery: RecoveryId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let parts = Self::do_repay_recovery(who, recovery, amount)?;
			Ok(Some(T::WeightInfo::repay_recovery(parts)).into())
		}

		/// Raises a dispute on `agreement` (statement hashed in `reason`):
		/// its payouts are frozen until governance resolves it. By a
		/// signatory of a party, who pays the dispute deposit until then.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::raise_dispute())]
		pub fn raise_dispute(
			origin: OriginFor<T>,
			agreement: AgreementId,
			reason: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_raise_dispute(who, agreement, reason)
		}

		/// Resolves the dispute on `agreement` (resolution hashed in
		/// `resolution`): payouts may resume. The raiser's deposit is
		/// returned, or burnt if governance finds the dispute `unfounded`.
		/// By governance.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			agreement: AgreementId,
			resolution: H256,
			unfounded: bool,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_resolve_dispute(agreement, resolution, unfounded)
		}

		/// Settles the escrow of an ended agreement, one step per call. On
		/// completion (final acceptance) each call releases one private
		/// party's retention, less its open recoveries, until none is left;
		/// on termination retention returns to the co-funders. The last call
		/// refunds the money still committed, returns evidence deposits and
		/// emits `Settled`. By anyone.
		#[pallet::call_index(7)]
		#[pallet::weight(
			T::WeightInfo::settle_retention(MAX_ESCROW_ACCOUNTS)
				.max(T::WeightInfo::settle_escrow(MAX_ESCROW_ACCOUNTS))
		)]
		pub fn settle(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let weight = match Self::do_settle(who, agreement)? {
				settlement::SettleStep::Retention(accounts) => {
					T::WeightInfo::settle_retention(accounts)
				},
				settlement::SettleStep::Escrow(accounts) => T::WeightInfo::settle_escrow(accounts),
			};
			Ok(Some(weight).into())
		}

		/// Cancels what is still owed on `recovery`, for the reasons hashed
		/// in `reason`: it is no longer offset against the payee's payouts.
		/// If governance finds it `unfounded`, the opener's deposit goes to
		/// the payee's organisation account; otherwise back to the opener.
		/// By governance.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_recovery())]
		pub fn cancel_recovery(
			origin: OriginFor<T>,
			recovery: RecoveryId,
			reason: H256,
			unfounded: bool,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_cancel_recovery(recovery, reason, unfounded)
		}

		/// Rules on a contested milestone (its rule's slots were filled by
		/// verdicts both for and against), for the reasons hashed in
		/// `reason`: [`Ruling::Met`] pays the median of the fractions the
		/// verdicts in favour granted, [`Ruling::NotMet`] asks for new
		/// evidence. `round` must be the milestone's current one. By
		/// governance.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::weight_of_payout(T::WeightInfo::resolve_contest(MAX_ESCROW_ACCOUNTS)))]
		pub fn resolve_contest(
			origin: OriginFor<T>,
			agreement: AgreementId,
			milestone: MilestoneIndex,
			round: u32,
			ruling: Ruling,
			reason: H256,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_resolve_contest(agreement, milestone, round, ruling, reason)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The weight charged up front for a call that may pay: its own, plus
	/// the most the contract may use and the lookup of its code.
	pub fn weight_of_payout(own: Weight) -> Weight {
		own.saturating_add(T::ConditionsWeightLimit::get())
			.saturating_add(T::FundingConditions::lookup_weight())
	}

	/// Whether `organisation` is admitted and not suspended.
	fn is_active_organisation(organisation: OrganisationId) -> bool {
		matches!(T::Organisations::organisation(organisation), Some((_, Standing::Active)))
	}

	/// Appends an action on `agreement` by `actor` to its trail, hashing `data`.
	fn record(
		agreement: AgreementId,
		actor: Actor<T::AccountId>,
		action: AuditAction,
		data: impl Encode,
	) -> DispatchResult {
		T::AuditLog::record(agreement, actor, action, BlakeTwo256::hash_of(&data))
	}

	/// Holds `amount` from `who` under `reason`, failing with
	/// [`Error::CannotPayDeposit`] if it cannot.
	fn hold_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::CannotPayDeposit.into())
	}

	/// Releases a deposit held from `who` under `reason`.
	fn release_deposit(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::release(&reason.into(), who, amount, Precision::Exact).map(|_| ())
	}
}
