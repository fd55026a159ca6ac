//! Storage migrations of the disbursements pallet, one module per version.

use super::*;

/// Version 0 to 1: the invoice registry is keyed by issuer as well as hash
/// (finding 9 of docs/security.md), so that no organisation can squat an
/// invoice another will claim.
pub mod v1 {
	use super::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// The registry of version 0: invoice SHA-256 → the milestone it belongs to.
	#[frame_support::storage_alias]
	pub type Invoices<T: Config> = StorageMap<Pallet<T>, Identity, [u8; 32], InvoiceUse>;

	/// Moves every invoice of version 0 to [`IssuedInvoices`], keyed by the
	/// private party whose evidence for the milestone lists it. Version 0
	/// did not record who issued an invoice; every invoice's milestone has
	/// a record (a version 0 invariant), and only a private party submits
	/// evidence, so the record's submitting organisation is the issuer
	/// unless two private parties of one agreement alternated on one
	/// milestone, which no agreement on the chain had. An invoice whose
	/// milestone has no record (it cannot happen; checked by try-runtime)
	/// is dropped and logged.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut moved: u64 = 0;
			let mut dropped: u64 = 0;
			// Drained into memory first: the old and new maps share no
			// prefix, but draining while inserting into the same pallet's
			// storage is easier to reason about in two steps.
			let old: alloc::vec::Vec<([u8; 32], InvoiceUse)> = Invoices::<T>::drain().collect();
			for (sha256, owner) in old {
				match Milestones::<T>::get(owner.agreement, owner.milestone) {
					Some(record) => {
						IssuedInvoices::<T>::insert(record.evidence.organisation, sha256, owner);
						moved = moved.saturating_add(1);
					},
					None => {
						log::warn!(
							target: "runtime::disbursements",
							"invoice {sha256:?} of agreement {} milestone {} has no evidence: dropped",
							owner.agreement,
							owner.milestone,
						);
						dropped = dropped.saturating_add(1);
					},
				}
			}
			log::info!(
				target: "runtime::disbursements",
				"invoice registry keyed by issuer: {moved} moved, {dropped} dropped"
			);
			let entries = moved.saturating_add(dropped);
			// Per entry: read and remove the old one, read its milestone,
			// write the new one.
			T::DbWeight::get().reads_writes(entries.saturating_mul(2), entries.saturating_mul(2))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let count = Invoices::<T>::iter().count() as u64;
			Ok(count.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			ensure!(Invoices::<T>::iter().next().is_none(), "an unkeyed invoice is left");
			ensure!(
				IssuedInvoices::<T>::iter().count() as u64 == before,
				"not every invoice was moved to the registry keyed by issuer"
			);
			Ok(())
		}
	}

	/// The migration to version 1, run once when the on-chain version is 0.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 1 to 2: lateness is measured to the submission of the approved
/// evidence, less others' disputes (finding 5 of docs/security.md). Each
/// evidence records when it was submitted, the contract query states how
/// late the milestone was delivered (`late_by`), and the time others'
/// disputes were open is kept per agreement ([`DisputedTimes`]). And
/// approval rules name whose members fill their slots (finding 4): the rule
/// each payout was made under gains
/// [`civitas_primitives::Approvers::AnyParty`] for every
/// requirement, which is what version 1 meant.
pub mod v2 {
	use super::*;
	use crate::{Approvals, Deferral, DisputedTime, Evidence, InvoiceList, Offset};
	use alloc::boxed::Box;
	use civitas_primitives::{
		conditions::{MAX_EVIDENCE_KINDS, MAX_FUNDERS},
		terms::{ApprovalRule, Documents},
		ApprovalRequirement, Approvers, ConditionsError, Decision, DisbursementQuery, DocumentKind,
		FunderPart, PartyRole, Role,
	};
	use codec::Decode;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};
	use sp_core::{H160, H256};
	use sp_runtime::{
		traits::{Saturating, UniqueSaturatedInto},
		Permill,
	};

	/// An approval requirement of version 1: a role and a count, from any
	/// party or designated verifier.
	#[derive(Decode)]
	pub struct RequirementV1 {
		role: Role,
		count: u8,
	}

	/// A payout's rule of version 1 in the layout of version 2: every
	/// requirement from [`Approvers::AnyParty`], which is what it meant.
	fn upgrade_rule(rule: BoundedVec<RequirementV1, ConstU32<5>>) -> ApprovalRule {
		// At most five requirements into a list of at most eight.
		BoundedVec::truncate_from(
			rule.into_iter()
				.map(|old| ApprovalRequirement {
					role: old.role,
					count: old.count,
					from: Approvers::AnyParty,
				})
				.collect(),
		)
	}

	/// The contract query of version 1, without `late_by`.
	#[derive(Decode)]
	pub struct QueryV1<AccountId> {
		agreement: AgreementId,
		milestone: MilestoneIndex,
		payee: AccountId,
		gross: u128,
		penalty: u128,
		retention: u128,
		paid_to_date: u128,
		split: BoundedVec<FunderPart, ConstU32<MAX_FUNDERS>>,
		due_date: Moment,
		payment_date: Moment,
		evidence: BoundedVec<DocumentKind, ConstU32<MAX_EVIDENCE_KINDS>>,
	}

	impl<AccountId> QueryV1<AccountId> {
		/// The query as version 2 states it: version 1 measured lateness at
		/// payment, so that is how late the penalty it asked about was.
		fn upgrade(self) -> DisbursementQuery<AccountId> {
			DisbursementQuery {
				agreement: self.agreement,
				milestone: self.milestone,
				payee: self.payee,
				gross: self.gross,
				penalty: self.penalty,
				retention: self.retention,
				paid_to_date: self.paid_to_date,
				split: self.split,
				due_date: self.due_date,
				payment_date: self.payment_date,
				late_by: self.payment_date.saturating_sub(self.due_date),
				evidence: self.evidence,
			}
		}
	}

	/// A decision record of version 1. Its `input_hash` stays the hash of
	/// the input actually sent then (the version 1 encoding of the query).
	#[derive(Decode)]
	pub struct DecisionV1<AccountId> {
		contract: H160,
		code_hash: H256,
		input_hash: H256,
		query: QueryV1<AccountId>,
		answer: Result<Decision, ConditionsError>,
	}

	impl<AccountId> DecisionV1<AccountId> {
		fn upgrade(self) -> DecisionRecord<AccountId> {
			DecisionRecord {
				contract: self.contract,
				code_hash: self.code_hash,
				input_hash: self.input_hash,
				query: self.query.upgrade(),
				answer: self.answer,
			}
		}
	}

	/// A milestone status of version 1.
	#[derive(Decode)]
	pub enum StatusV1<AccountId, BlockNumber> {
		/// Under review.
		UnderReview,
		/// Not met.
		NotMet { at: BlockNumber },
		/// Approved, deferred.
		Approved { at: BlockNumber, fraction: Permill, deferral: Deferral },
		/// Blocked by the contract.
		Blocked {
			at: BlockNumber,
			fraction: Permill,
			version: u32,
			decision: Box<DecisionV1<AccountId>>,
		},
		/// Paid.
		Paid { at: BlockNumber, fraction: Permill, disbursement: DisbursementId },
	}

	/// The evidence of version 1, without its submission's timestamp.
	#[derive(Decode)]
	pub struct EvidenceV1<AccountId, Balance, BlockNumber> {
		submitter: AccountId,
		organisation: OrganisationId,
		documents: Documents,
		invoices: InvoiceList<Balance>,
		submitted_at: BlockNumber,
		deposit: Balance,
	}

	/// A milestone record of version 1.
	#[derive(Decode)]
	pub struct RecordV1<AccountId, Balance, BlockNumber> {
		round: u32,
		evidence: EvidenceV1<AccountId, Balance, BlockNumber>,
		approvals: Approvals<AccountId, BlockNumber>,
		status: StatusV1<AccountId, BlockNumber>,
	}

	/// A payout of version 1.
	#[derive(Decode)]
	pub struct DisbursementV1<AccountId, Balance, BlockNumber> {
		agreement: AgreementId,
		milestone: MilestoneIndex,
		round: u32,
		version: u32,
		payee: AccountId,
		payee_organisation: OrganisationId,
		gross: Balance,
		penalty: Balance,
		retention: Balance,
		offset: Balance,
		net: Balance,
		rule: BoundedVec<RequirementV1, ConstU32<5>>,
		decision: DecisionV1<AccountId>,
		parts: BoundedVec<
			PayoutPart<AccountId, Balance>,
			ConstU32<{ civitas_primitives::escrow::MAX_ESCROW_ACCOUNTS }>,
		>,
		offsets: BoundedVec<Offset<Balance>, ConstU32<MAX_OPEN_RECOVERIES>>,
		recovered: Balance,
		paid_at: BlockNumber,
	}

	/// Rewrites milestone records and payouts in the version 2 layout, and
	/// starts the disputed-time clock of each agreement whose open dispute
	/// a public authority or funder raised. Version 1 kept blocks, not
	/// timestamps: a submission's or dispute's moment is estimated as now
	/// less `BlockTime` per block since.
	pub struct Unchecked<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

	impl<T: Config, BlockTime: Get<Moment>> Unchecked<T, BlockTime> {
		/// The estimated moment of block `at`.
		fn moment_of(at: BlockNumberFor<T>) -> Moment {
			let now = frame_system::Pallet::<T>::block_number();
			let blocks: u64 = now.saturating_sub(at).unique_saturated_into();
			T::Time::now().saturating_sub(blocks.saturating_mul(BlockTime::get()))
		}
	}

	impl<T: Config, BlockTime: Get<Moment>> UncheckedOnRuntimeUpgrade for Unchecked<T, BlockTime> {
		fn on_runtime_upgrade() -> Weight {
			let mut records: u64 = 0;
			Milestones::<T>::translate::<RecordV1<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>, _>(
				|_, _, old| {
					records = records.saturating_add(1);
					let evidence = old.evidence;
					let status = match old.status {
						StatusV1::UnderReview => MilestoneStatus::UnderReview,
						StatusV1::NotMet { at } => MilestoneStatus::NotMet { at },
						StatusV1::Approved { at, fraction, deferral } => {
							MilestoneStatus::Approved { at, fraction, deferral }
						},
						StatusV1::Blocked { at, fraction, version, decision } => {
							MilestoneStatus::Blocked {
								at,
								fraction,
								version,
								decision: Box::new(decision.upgrade()),
							}
						},
						StatusV1::Paid { at, fraction, disbursement } => {
							MilestoneStatus::Paid { at, fraction, disbursement }
						},
					};
					Some(MilestoneRecord {
						round: old.round,
						evidence: Evidence {
							submitter: evidence.submitter,
							organisation: evidence.organisation,
							documents: evidence.documents,
							invoices: evidence.invoices,
							submitted_at: evidence.submitted_at,
							submitted_on: Self::moment_of(evidence.submitted_at),
							deposit: evidence.deposit,
						},
						approvals: old.approvals,
						status,
					})
				},
			);
			let mut payouts: u64 = 0;
			Disbursements::<T>::translate::<
				DisbursementV1<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
				_,
			>(|_, old| {
				payouts = payouts.saturating_add(1);
				Some(Disbursement {
					agreement: old.agreement,
					milestone: old.milestone,
					round: old.round,
					version: old.version,
					payee: old.payee,
					payee_organisation: old.payee_organisation,
					gross: old.gross,
					penalty: old.penalty,
					retention: old.retention,
					offset: old.offset,
					net: old.net,
					rule: upgrade_rule(old.rule),
					decision: old.decision.upgrade(),
					parts: old.parts,
					offsets: old.offsets,
					recovered: old.recovered,
					paid_at: old.paid_at,
				})
			});
			let mut disputes: u64 = 0;
			for (agreement, dispute) in Disputes::<T>::iter() {
				disputes = disputes.saturating_add(1);
				if T::Agreements::party_role(agreement, dispute.organisation)
					!= Some(PartyRole::PrivateParty)
				{
					DisputedTimes::<T>::insert(
						agreement,
						DisputedTime {
							open_since: Some(Self::moment_of(dispute.at)),
							closed: Default::default(),
						},
					);
				}
			}
			log::info!(
				target: "runtime::disbursements",
				"lateness to submission: {records} milestone records, {payouts} payouts, {disputes} open disputes"
			);
			// Each record and payout read and written; each dispute read, its
			// party looked up and a clock written.
			let rewritten = records.saturating_add(payouts);
			T::DbWeight::get().reads_writes(
				rewritten.saturating_add(disputes.saturating_mul(2)),
				rewritten.saturating_add(disputes),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let records = Milestones::<T>::iter_keys().count() as u64;
			let payouts = Disbursements::<T>::iter_keys().count() as u64;
			Ok((records, payouts).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (records, payouts) = <(u64, u64)>::decode(&mut &state[..])
				.map_err(|_| "undecodable pre-upgrade counts")?;
			// `iter` decodes every value: one left in the old layout fails.
			ensure!(
				Milestones::<T>::iter().count() as u64 == records,
				"a milestone record was lost"
			);
			ensure!(Disbursements::<T>::iter().count() as u64 == payouts, "a payout was lost");
			Ok(())
		}
	}

	/// The migration to version 2, run once when the on-chain version is 1.
	pub type MigrateToV2<T, BlockTime> = VersionedMigration<
		1,
		2,
		Unchecked<T, BlockTime>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 to 3: an index of the recoveries by agreement
/// ([`RecoveriesOf`]), built from [`Recoveries`], so that an agreement's
/// recoveries are listed without reading every recovery on the chain.
pub mod v3 {
	use super::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// Indexes every recovery under its agreement.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut recoveries: u64 = 0;
			for (id, recovery) in Recoveries::<T>::iter() {
				RecoveriesOf::<T>::insert(recovery.agreement, id, ());
				recoveries = recoveries.saturating_add(1);
			}
			log::info!(
				target: "runtime::disbursements",
				"recoveries indexed by agreement: {recoveries}"
			);
			T::DbWeight::get().reads_writes(recoveries, recoveries)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Recoveries::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let recoveries =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			ensure!(
				RecoveriesOf::<T>::iter_keys().count() as u64 == recoveries,
				"a recovery is not indexed"
			);
			Ok(())
		}
	}

	/// The migration to version 3, run once when the on-chain version is 2.
	pub type MigrateToV3<T> =
		VersionedMigration<2, 3, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
