//! Storage migrations of the agreements pallet, one module per version.

use super::*;

/// Version 0 to 1: approval rules name whose members fill each slot
/// ([`civitas_primitives::Approvers`], finding 4 of docs/security.md).
/// Every requirement of version 0 admitted a role holder of any party or
/// designated verifier, which is
/// [`civitas_primitives::Approvers::AnyParty`], so the terms say what they
/// said; their encoding, and so their hash, changes. Each version's hash is
/// recomputed, and each change is put on the agreement's trail
/// ([`AuditAction::TermsRehashed`]: the version, the hash signed and the
/// hash now), so that an auditor can tie the signatures recorded before the
/// upgrade to the terms stored after it. Signatures already given stand (the
/// terms did not change); a party still to sign a pending version signs the
/// new hash.
pub mod v1 {
	use super::*;
	use civitas_primitives::{
		terms::{Documents, Period, Title, Verifiers, MAX_MILESTONES},
		ApprovalRequirement, Approvers, Milestone, Moment, Role,
	};
	use frame_support::{
		migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, BoundedVec,
	};
	use sp_runtime::{traits::ConstU32, Permill};

	/// An approval requirement of version 0: a role and a count.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct ApprovalRequirementV0 {
		/// The role.
		pub role: Role,
		/// How many.
		pub count: u8,
	}

	/// A milestone of version 0.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct MilestoneV0<Balance> {
		/// What it pays.
		pub amount: Balance,
		/// When it is due.
		pub due: Moment,
		/// Its OCDS type.
		pub kind: civitas_primitives::MilestoneType,
		/// Its approval rule, of at most five requirements.
		pub approval: BoundedVec<ApprovalRequirementV0, ConstU32<5>>,
	}

	/// Terms of version 0.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct TermsV0<Balance> {
		/// Title.
		pub title: Title,
		/// Value.
		pub value: Balance,
		/// Period.
		pub period: Period,
		/// Schedule.
		pub milestones: BoundedVec<MilestoneV0<Balance>, ConstU32<MAX_MILESTONES>>,
		/// Retention rate.
		pub retention: Permill,
		/// Daily late penalty.
		pub late_penalty_per_day: Permill,
		/// The conditions contract.
		pub conditions: civitas_primitives::ConditionsContract,
		/// Designated verifiers.
		pub verifiers: Verifiers,
		/// Documents.
		pub documents: Documents,
	}

	/// A version record of version 0.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct VersionV0<AccountId, Balance, BlockNumber> {
		/// The terms.
		pub terms: TermsV0<Balance>,
		/// Their hash, as signed.
		pub terms_hash: H256,
		/// The rationale's hash.
		pub rationale: Option<H256>,
		/// The proposer.
		pub proposer: AccountId,
		/// Block of the proposal.
		pub proposed_at: BlockNumber,
		/// Signatures.
		pub signatures: Signatures<AccountId, BlockNumber>,
		/// Where it stands.
		pub state: VersionState<Balance, BlockNumber>,
	}

	impl<Balance> TermsV0<Balance> {
		/// The same terms in the layout of version 1.
		pub fn upgrade(self) -> Terms<Balance> {
			let milestones = self
				.milestones
				.into_iter()
				.map(|milestone| Milestone {
					amount: milestone.amount,
					due: milestone.due,
					kind: milestone.kind,
					// At most five requirements into a list of at most eight.
					approval: BoundedVec::truncate_from(
						milestone
							.approval
							.into_iter()
							.map(|requirement| ApprovalRequirement {
								role: requirement.role,
								count: requirement.count,
								from: Approvers::AnyParty,
							})
							.collect(),
					),
				})
				.collect::<alloc::vec::Vec<_>>();
			Terms {
				title: self.title,
				value: self.value,
				period: self.period,
				// As many milestones as before, under the same bound.
				milestones: BoundedVec::truncate_from(milestones),
				retention: self.retention,
				late_penalty_per_day: self.late_penalty_per_day,
				conditions: self.conditions,
				verifiers: self.verifiers,
				documents: self.documents,
			}
		}
	}

	/// Re-encodes every version's terms and records each hash that changed.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut changes: alloc::vec::Vec<(AgreementId, u32, H256, H256)> =
				alloc::vec::Vec::new();
			let mut versions: u64 = 0;
			Versions::<T>::translate::<VersionV0<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>, _>(
				|agreement, number, old| {
					versions = versions.saturating_add(1);
					let terms = old.terms.upgrade();
					let terms_hash = terms.hash();
					if terms_hash != old.terms_hash {
						changes.push((agreement, number, old.terms_hash, terms_hash));
					}
					Some(Version {
						terms,
						terms_hash,
						rationale: old.rationale,
						proposer: old.proposer,
						proposed_at: old.proposed_at,
						signatures: old.signatures,
						state: old.state,
					})
				},
			);
			let rehashed = changes.len() as u64;
			for (agreement, number, signed, now) in changes {
				// A trail never refuses this action, full or not.
				let recorded = T::AuditLog::record(
					agreement,
					Actor::Governance,
					AuditAction::TermsRehashed,
					BlakeTwo256::hash_of(&(number, signed, now)),
				);
				if recorded.is_err() {
					log::error!(
						target: "runtime::agreements",
						"agreement {agreement} version {number}: rehash not recorded"
					);
				}
			}
			log::info!(
				target: "runtime::agreements",
				"approval rules name approvers: {versions} versions, {rehashed} rehashed"
			);
			// Each version read and written; each rehash appends a trail entry
			// (its head and length read and written, the entry written).
			T::DbWeight::get().reads_writes(
				versions.saturating_add(rehashed.saturating_mul(2)),
				versions.saturating_add(rehashed.saturating_mul(3)),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let versions = Versions::<T>::iter_keys().count() as u64;
			Ok(versions.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let versions =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			let mut after: u64 = 0;
			// `iter` decodes every value: one left in the old layout fails.
			for (_, _, version) in Versions::<T>::iter() {
				after = after.saturating_add(1);
				ensure!(version.terms_hash == version.terms.hash(), "a version's hash is stale");
			}
			ensure!(after == versions, "a version was lost");
			Ok(())
		}
	}

	/// The migration to version 1, run once when the on-chain version is 0.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 1 to 2: an index of the agreements by party ([`AgreementsOf`]),
/// built from [`Agreements`], so that an organisation's agreements are
/// listed without reading every agreement (issue 18: auditors' queries stay
/// flat as the chain grows).
pub mod v2 {
	use super::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// Indexes every agreement under each of its parties.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut agreements: u64 = 0;
			let mut entries: u64 = 0;
			for (agreement, record) in Agreements::<T>::iter() {
				Pallet::<T>::index_parties(agreement, &record.parties);
				agreements = agreements.saturating_add(1);
				entries = entries.saturating_add(record.parties.len() as u64);
			}
			log::info!(
				target: "runtime::agreements",
				"agreements indexed by party: {agreements} agreements, {entries} entries"
			);
			T::DbWeight::get().reads_writes(agreements, entries)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let entries: u64 =
				Agreements::<T>::iter_values().map(|record| record.parties.len() as u64).sum();
			Ok(entries.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let entries =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			ensure!(
				AgreementsOf::<T>::iter_keys().count() as u64 == entries,
				"a party is not indexed"
			);
			Ok(())
		}
	}

	/// The migration to version 2, run once when the on-chain version is 1.
	pub type MigrateToV2<T> =
		VersionedMigration<1, 2, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 2 to 3: an index of the agreements by stage ([`AgreementsIn`]),
/// built from [`Agreements`], so that the agreements in one stage (all the
/// active ones, say) are listed without reading every agreement.
pub mod v3 {
	use super::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// Indexes every agreement under its stage.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut agreements: u64 = 0;
			for (agreement, record) in Agreements::<T>::iter() {
				AgreementsIn::<T>::insert(record.status.stage(), agreement, ());
				agreements = agreements.saturating_add(1);
			}
			log::info!(
				target: "runtime::agreements",
				"agreements indexed by stage: {agreements}"
			);
			T::DbWeight::get().reads_writes(agreements, agreements)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Agreements::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let agreements =
				u64::decode(&mut &state[..]).map_err(|_| "undecodable pre-upgrade count")?;
			ensure!(
				AgreementsIn::<T>::iter_keys().count() as u64 == agreements,
				"an agreement is not indexed"
			);
			Ok(())
		}
	}

	/// The migration to version 3, run once when the on-chain version is 2.
	pub type MigrateToV3<T> =
		VersionedMigration<2, 3, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
