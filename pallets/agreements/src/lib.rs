//! # Agreements pallet
//!
//! Public-private partnership agreements between organisations of the
//! registry, binding only once every party has signed the exact terms, and
//! changed only by amendments every party signs.
//!
//! ## Terms
//!
//! - **Party**: an organisation and the part it plays ([`PartyRole`]):
//!   public authority, private party or funder. An agreement has at least one
//!   public authority and one private party, no organisation twice, and its
//!   parties never change.
//! - **Terms** ([`Terms`]): title, total value, period, milestone schedule
//!   (amount, due date, OCDS type, approval rule), retention rate, late
//!   penalty per day, the funding-conditions contract (address and required
//!   code hash), designated verifier organisations, and documents by SHA-256.
//! - **Funding-conditions contract**: an ink! contract instantiated (by a
//!   party, from code governance approved) with one agreement's conditions.
//!   Terms may name only a contract that runs approved code
//!   ([`Config::ApprovedCode`]), exists, runs the code hash they name and
//!   holds the conditions of this very agreement ([`Config::FundingConditions`]
//!   reads them when a draft or an amendment is proposed), so no agreement
//!   can bind itself to unreviewed code or to a contract that would fail
//!   every payout.
//! - **Terms hash**: BLAKE2-256 of the SCALE-encoded terms. A signature names
//!   the hash it signs, and counts only if it equals the hash of the version
//!   awaiting signatures: nobody signs terms other than those they read.
//! - **Version**: the original terms are version 0; each amendment is the
//!   next number. Every version that was ever in force stays readable in
//!   [`Versions`] with its signatures.
//! - **Signatory**: a member holding [`Role::Signatory`] in a party, acting
//!   for that party; the party's organisation must be active.
//! - **Deposit**: proposing a draft or an amendment holds
//!   `DepositBase + DepositPerByte × size of the terms` from the proposer
//!   ([`HoldReason::TermsDeposit`]), released when the version takes effect
//!   or is withdrawn (or lapses when the agreement ends). The deposit guards
//!   against abandoned proposals; a version every party signed is the
//!   public record the ledger exists to keep, and stays for good. Consents to a
//!   lifecycle change need none: at most one per party and action, written
//!   only by signatories of admitted parties, and cleared at the next
//!   status change.
//! - **Status** ([`AgreementStatus`]): draft → active ⇄ suspended →
//!   terminated; active → completed.
//!
//! ## Calls
//!
//! - [`Pallet::propose`]: a public authority's signatory proposes parties and terms.
//! - [`Pallet::sign`]: a party's signatory signs the pending version by its hash;
//!   the last signature puts it in force.
//! - [`Pallet::withdraw`]: the proposer withdraws a draft.
//! - [`Pallet::propose_amendment`]: a party's signatory proposes new terms with
//!   a rationale.
//! - [`Pallet::withdraw_amendment`]: the proposer withdraws a pending amendment
//!   (which also expires after [`Config::AmendmentLifetime`]: it can no longer
//!   be signed, and the next amendment proposed replaces it).
//! - [`Pallet::suspend`], [`Pallet::resume`], [`Pallet::terminate`],
//!   [`Pallet::complete`]: governance decides alone; or each party's signatory
//!   consents, and the change happens with the last consent.
//!
//! An amendment may not cut a milestone below what has already been paid
//! for it ([`Config::PaidSoFar`]); this is checked when it is proposed and
//! again when its last signature would put it in force.
//!
//! ## Audit trail
//!
//! Every call appends to the agreement's trail through [`Config::AuditLog`]
//! ([`civitas_primitives::AuditAction`] lists what each entry's data hashes).
//!
//! ## Invariants (`try_state`)
//!
//! Versions `0..=n` exist for an agreement whose version `n` is in force
//! (plus the pending one, if any), each with the state its position implies;
//! in-force and superseded versions carry every party's signature; stored
//! hashes equal the terms' hashes; milestone amounts never exceed the value
//! and fall due inside the period; each proposer's held deposit equals the
//! deposits of its pending versions; consents name parties of agreements
//! whose status admits the action; every agreement has an audit trail; the
//! contract the terms in force name exists and holds that agreement's
//! conditions.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod lifecycle;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod tests;
mod validation;
pub mod weights;

pub use civitas_primitives::records::agreement::*;
pub use pallet::*;
pub use weights::WeightInfo;

use alloc::boxed::Box;
use civitas_primitives::{
	terms::{Parties, MAX_PARTIES},
	Actor, AgreementId, AuditAction, AuditLog, FundingConditions, OrganisationId, Organisations,
	PaidSoFar, PartyRole, Role, Stage, Standing, Terms,
};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Precision,
		Contains,
	},
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{
	traits::{BlakeTwo256, Hash, Saturating},
	SaturatedConversion,
};

/// The balance type of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Terms as this runtime stores them.
pub type TermsOf<T> = Terms<BalanceOf<T>>;

/// An agreement record as this runtime stores it.
pub type AgreementOf<T> = Agreement<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// A version record as this runtime stores it.
pub type VersionOf<T> =
	Version<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// Consents given so far to one lifecycle action, by party.
pub type ConsentsOf = BoundedVec<OrganisationId, ConstU32<MAX_PARTIES>>;

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
		/// The currency deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Suspends, resumes, terminates and completes any agreement alone.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The organisations registry: parties, kinds, standing, roles.
		type Organisations: Organisations<Self::AccountId>;

		/// The audit trail every call appends to.
		type AuditLog: AuditLog<Self::AccountId>;

		/// What has been paid per milestone, which amendments may not undercut.
		type PaidSoFar: PaidSoFar<BalanceOf<Self>>;

		/// The funding-conditions contracts, read when terms name one.
		type FundingConditions: FundingConditions<Self::AccountId>;

		/// The contract codes governance approved: terms may name only a
		/// contract running one of them.
		type ApprovedCode: Contains<H256>;

		/// Most weight reading a contract's conditions may take; charged up
		/// front and refunded to what the contract used.
		#[pallet::constant]
		type ConditionsWeightLimit: Get<Weight>;

		/// Blocks a proposed amendment may await signatures. After that it
		/// can no longer be signed, and any party may propose another in its
		/// place (the expired one lapses, its deposit back to its proposer),
		/// so no party can block amendments by leaving one pending.
		#[pallet::constant]
		type AmendmentLifetime: Get<BlockNumberFor<Self>>;

		/// Deploys contracts bound to the benchmarks' agreements.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: civitas_primitives::ConditionsBenchmarkHelper;

		/// Deposit held for each proposed version, whatever its size.
		#[pallet::constant]
		type DepositBase: Get<BalanceOf<Self>>;

		/// Deposit held per byte of the proposed terms' encoding.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a proposed version of terms (a draft or an amendment).
		#[codec(index = 0)]
		TermsDeposit,
	}

	/// The id the next proposed agreement gets.
	#[pallet::storage]
	pub type NextAgreementId<T: Config> = StorageValue<_, AgreementId, ValueQuery>;

	/// Every agreement that was proposed and not withdrawn.
	#[pallet::storage]
	pub type Agreements<T: Config> = StorageMap<_, Twox64Concat, AgreementId, AgreementOf<T>>;

	/// The agreements each organisation is a party to, and its part in
	/// each: an index of [`Agreements`] by party, so that an organisation's
	/// agreements are listed without reading every agreement on the chain.
	#[pallet::storage]
	pub type AgreementsOf<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OrganisationId,
		Twox64Concat,
		AgreementId,
		PartyRole,
		OptionQuery,
	>;

	/// The agreements in each stage: an index of [`Agreements`] by where
	/// they stand, so that the active (or draft, ...) agreements are listed
	/// without reading every agreement on the chain.
	#[pallet::storage]
	pub type AgreementsIn<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Stage, Twox64Concat, AgreementId, (), OptionQuery>;

	/// Every version of every agreement's terms, by agreement and number.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgreementId, Twox64Concat, u32, VersionOf<T>>;

	/// Parties that consented so far to a lifecycle action on an agreement.
	/// Cleared whenever the agreement's status changes.
	#[pallet::storage]
	pub type Consents<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AgreementId,
		Twox64Concat,
		LifecycleAction,
		ConsentsOf,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A draft agreement was proposed and awaits every party's signature.
		Proposed {
			/// Its id.
			agreement: AgreementId,
			/// The signatory who proposed it.
			proposer: T::AccountId,
			/// The public authority it acted for.
			organisation: OrganisationId,
			/// The parties.
			parties: Parties,
			/// The title.
			title: civitas_primitives::terms::Title,
			/// The total value.
			value: BalanceOf<T>,
			/// The hash every party must sign.
			terms_hash: H256,
			/// The deposit held from the proposer.
			deposit: BalanceOf<T>,
		},
		/// A party signed a version of the terms.
		Signed {
			/// The agreement.
			agreement: AgreementId,
			/// The version signed.
			version: u32,
			/// The party that signed.
			organisation: OrganisationId,
			/// Its signatory.
			signer: T::AccountId,
			/// The hash signed.
			terms_hash: H256,
			/// Parties yet to sign.
			remaining: u32,
		},
		/// Every party signed the draft: the agreement is active.
		Activated {
			/// The agreement.
			agreement: AgreementId,
			/// The hash of the terms in force.
			terms_hash: H256,
		},
		/// The proposer withdrew a draft; its deposit was released.
		Withdrawn {
			/// The agreement (its id is not reused).
			agreement: AgreementId,
			/// The proposer.
			proposer: T::AccountId,
			/// The deposit released.
			deposit_released: BalanceOf<T>,
		},
		/// A party proposed new terms.
		AmendmentProposed {
			/// The agreement.
			agreement: AgreementId,
			/// The version number the new terms would get.
			version: u32,
			/// The signatory who proposed them.
			proposer: T::AccountId,
			/// The party it acted for.
			organisation: OrganisationId,
			/// The hash every party must sign.
			terms_hash: H256,
			/// Hash of the rationale document.
			rationale: H256,
			/// The deposit held from the proposer.
			deposit: BalanceOf<T>,
		},
		/// Every party signed the amendment: its terms are in force.
		Amended {
			/// The agreement.
			agreement: AgreementId,
			/// The version now in force.
			version: u32,
			/// The version it replaced (still readable).
			previous: u32,
			/// The hash of the terms in force.
			terms_hash: H256,
		},
		/// A pending amendment was withdrawn by its proposer, or lapsed when
		/// the agreement ended; its deposit was released.
		AmendmentWithdrawn {
			/// The agreement.
			agreement: AgreementId,
			/// The version number it would have had.
			version: u32,
			/// The deposit released.
			deposit_released: BalanceOf<T>,
		},
		/// A party consented to a lifecycle change that needs every party.
		ConsentGiven {
			/// The agreement.
			agreement: AgreementId,
			/// The change.
			action: LifecycleAction,
			/// The party consenting.
			organisation: OrganisationId,
			/// Its signatory.
			signer: T::AccountId,
			/// Parties yet to consent.
			remaining: u32,
		},
		/// Payouts stopped.
		Suspended {
			/// The agreement.
			agreement: AgreementId,
			/// Who decided.
			by: Decider,
		},
		/// The suspension was lifted.
		Resumed {
			/// The agreement.
			agreement: AgreementId,
			/// Who decided.
			by: Decider,
		},
		/// The agreement ended early.
		Terminated {
			/// The agreement.
			agreement: AgreementId,
			/// Who decided.
			by: Decider,
		},
		/// The agreement was completed.
		Completed {
			/// The agreement.
			agreement: AgreementId,
			/// Who decided.
			by: Decider,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No agreement has this id.
		UnknownAgreement,
		/// The caller is not a signatory of any party to this agreement.
		NotPartySignatory,
		/// The caller is not a signatory of a public-authority party.
		NotPublicAuthoritySignatory,
		/// The caller's organisation is suspended.
		OrganisationSuspended,
		/// The parties include no private party.
		NoPrivateParty,
		/// An organisation appears twice among the parties.
		DuplicateParty,
		/// A party or verifier is not a registered organisation.
		UnknownOrganisation,
		/// A party or verifier organisation is suspended.
		PartySuspended,
		/// An organisation's kind does not allow the part given to it.
		RoleNotAllowed,
		/// The title is empty.
		EmptyTitle,
		/// The total value is zero.
		ZeroValue,
		/// The period ends before it starts.
		InvalidPeriod,
		/// The milestone schedule is empty.
		NoMilestones,
		/// A milestone pays nothing.
		ZeroMilestoneAmount,
		/// The milestones sum to more than the total value.
		MilestonesExceedValue,
		/// A milestone falls due outside the agreement's period.
		DueDateOutsidePeriod,
		/// A milestone's approval rule names nobody.
		EmptyApprovalRule,
		/// An approval rule asks for zero approvers of a role.
		ZeroApprovalCount,
		/// An approval rule names the same role from the same approvers twice.
		DuplicateApprovalRole,
		/// An approval rule names approvers the agreement does not have: an
		/// organisation that is neither a party nor a designated verifier, a
		/// part no party takes, or verifiers when none is designated.
		ApproversNotInAgreement,
		/// An approval rule names a private party, which would judge its own
		/// evidence.
		PayeeCannotApprove,
		/// An approval rule asks for more approvers in all than
		/// [`civitas_primitives::terms::MAX_APPROVERS`].
		TooManyApprovers,
		/// A designated verifier is neither a verifier nor an auditor organisation.
		NotAVerifier,
		/// A verifier organisation is designated twice.
		DuplicateVerifier,
		/// Two documents have the same SHA-256.
		DuplicateDocument,
		/// A document has no URI.
		EmptyUri,
		/// The signed hash is not the hash of the version awaiting signatures.
		TermsHashMismatch,
		/// No version of this agreement awaits signatures.
		NothingToSign,
		/// This party signed this version already.
		AlreadySigned,
		/// Only the proposer may withdraw.
		NotProposer,
		/// The agreement is not a draft.
		NotDraft,
		/// The agreement is not active.
		NotActive,
		/// The agreement is not suspended.
		NotSuspended,
		/// The agreement is completed or terminated.
		AgreementClosed,
		/// An amendment awaits signatures already (and has not expired).
		AmendmentPending,
		/// The amendment awaiting signatures expired: it can no longer be
		/// signed; any party may propose another in its place.
		AmendmentExpired,
		/// No amendment awaits signatures.
		NoPendingAmendment,
		/// The amendment would cut a milestone below what has been paid for it.
		AmendmentCutsPaidMilestone,
		/// This party consented to this change already.
		AlreadyConsented,
		/// Agreement or version numbers are exhausted.
		IdsExhausted,
		/// No contract lives at the address the terms name.
		NoConditionsContract,
		/// The contract runs other code than the terms' code hash.
		ConditionsCodeMismatch,
		/// The contract holds the conditions of another agreement.
		ConditionsOfAnotherAgreement,
		/// The contract did not answer with its conditions (it trapped, ran
		/// out of weight, or is not a funding-conditions contract).
		ConditionsUnreadable,
		/// The code hash the terms name is not approved by governance for
		/// funding conditions (never, or no longer).
		ConditionsCodeNotApproved,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// A zero deposit would make proposals free to spam; a zero lifetime
		/// would expire every amendment at once; a zero weight limit would
		/// refuse every contract.
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(!T::DepositBase::get().is_zero(), "DepositBase must not be zero");
			assert!(!T::AmendmentLifetime::get().is_zero(), "AmendmentLifetime must not be zero");
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
		/// Proposes an agreement between `parties` on `terms`. By a signatory
		/// of one of the public-authority parties, who pays the deposit. The
		/// contract the terms name must hold this agreement's conditions.
		/// Charged for the contract's weight limit; refunded to what it used
		/// when the proposal is made.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::with_conditions_read(T::WeightInfo::propose()))]
		pub fn propose(
			origin: OriginFor<T>,
			parties: Parties,
			terms: Box<TermsOf<T>>,
		) -> DispatchResultWithPostInfo {
			let proposer = ensure_signed(origin)?;
			let organisation = Self::acting_signatory(&proposer)?;
			ensure!(
				parties.iter().any(|party| party.organisation == organisation
					&& party.role == PartyRole::PublicAuthority),
				Error::<T>::NotPublicAuthoritySignatory
			);
			Self::validate_parties(&parties)?;
			Self::validate_terms(&terms, &parties)?;

			let agreement = NextAgreementId::<T>::get();
			let next = agreement.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let (read, bound) = Self::check_conditions_contract(agreement, &terms);
			bound?;
			let terms_hash = terms.hash();
			let deposit = Self::hold_deposit(&proposer, &terms)?;
			let now = frame_system::Pallet::<T>::block_number();
			T::AuditLog::record(
				agreement,
				Actor::Account(proposer.clone()),
				AuditAction::AgreementProposed,
				terms_hash,
			)?;
			let (title, value) = (terms.title.clone(), terms.value);
			Versions::<T>::insert(
				agreement,
				0,
				Version {
					terms: *terms,
					terms_hash,
					rationale: None,
					proposer: proposer.clone(),
					proposed_at: now,
					signatures: Default::default(),
					state: VersionState::Proposed { deposit },
				},
			);
			Agreements::<T>::insert(
				agreement,
				Agreement {
					proposer: proposer.clone(),
					proposer_organisation: organisation,
					parties: parties.clone(),
					proposed_at: now,
					status: AgreementStatus::Draft,
				},
			);
			Self::index_parties(agreement, &parties);
			AgreementsIn::<T>::insert(Stage::Draft, agreement, ());
			NextAgreementId::<T>::put(next);
			Self::deposit_event(Event::Proposed {
				agreement,
				proposer,
				organisation,
				parties,
				title,
				value,
				terms_hash,
				deposit,
			});
			Ok(Some(T::WeightInfo::propose().saturating_add(read)).into())
		}

		/// Signs the version of `agreement` awaiting signatures — the draft or
		/// a proposed amendment — whose hash must be `terms_hash`. By a
		/// signatory of a party that has not signed it yet. The last
		/// signature puts the version in force.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::sign())]
		pub fn sign(
			origin: OriginFor<T>,
			agreement: AgreementId,
			terms_hash: H256,
		) -> DispatchResult {
			let signer = ensure_signed(origin)?;
			let record = Agreements::<T>::get(agreement).ok_or(Error::<T>::UnknownAgreement)?;
			let organisation = Self::party_signatory(&signer, &record)?;
			Self::do_sign(agreement, record, organisation, signer, terms_hash)
		}

		/// Withdraws a draft and releases its deposit. By its proposer.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Agreements::<T>::get(agreement).ok_or(Error::<T>::UnknownAgreement)?;
			ensure!(record.status == AgreementStatus::Draft, Error::<T>::NotDraft);
			ensure!(record.proposer == who, Error::<T>::NotProposer);
			let version = Versions::<T>::get(agreement, 0).ok_or(Error::<T>::UnknownAgreement)?;
			T::AuditLog::record(
				agreement,
				Actor::Account(who.clone()),
				AuditAction::AgreementWithdrawn,
				version.terms_hash,
			)?;
			let released = Self::release_deposit(&version)?;
			Versions::<T>::remove(agreement, 0);
			for party in &record.parties {
				AgreementsOf::<T>::remove(party.organisation, agreement);
			}
			AgreementsIn::<T>::remove(Stage::Draft, agreement);
			Agreements::<T>::remove(agreement);
			Self::deposit_event(Event::Withdrawn {
				agreement,
				proposer: who,
				deposit_released: released,
			});
			Ok(())
		}

		/// Proposes `terms` to replace those in force, for the reason in the
		/// document hashed as `rationale`. By a signatory of any party, who
		/// pays the deposit; only while the agreement is active and no other
		/// amendment is pending, unless that one expired
		/// ([`Config::AmendmentLifetime`]): it then lapses, its deposit back
		/// to its proposer.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::with_conditions_read(T::WeightInfo::propose_amendment()))]
		pub fn propose_amendment(
			origin: OriginFor<T>,
			agreement: AgreementId,
			terms: Box<TermsOf<T>>,
			rationale: H256,
		) -> DispatchResultWithPostInfo {
			let proposer = ensure_signed(origin)?;
			let mut record = Agreements::<T>::get(agreement).ok_or(Error::<T>::UnknownAgreement)?;
			let organisation = Self::party_signatory(&proposer, &record)?;
			let (since, version, pending) = match record.status {
				AgreementStatus::Active { since, version, amendment } => {
					(since, version, amendment)
				},
				_ => return Err(Error::<T>::NotActive.into()),
			};
			// A pending amendment blocks another only until it expires.
			let expired = match pending {
				Some(number) => {
					let pending = Versions::<T>::get(agreement, number)
						.ok_or(Error::<T>::UnknownAgreement)?;
					ensure!(Self::has_expired(&pending), Error::<T>::AmendmentPending);
					Some((number, pending))
				},
				None => None,
			};
			Self::validate_terms(&terms, &record.parties)?;
			let current =
				Versions::<T>::get(agreement, version).ok_or(Error::<T>::UnknownAgreement)?;
			Self::ensure_paid_milestones_kept(agreement, &current.terms, &terms)?;
			let (read, bound) = Self::check_conditions_contract(agreement, &terms);
			bound?;

			let number = version.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let terms_hash = terms.hash();
			if let Some((lapsed, pending)) = expired {
				// Its deposit goes back to its proposer; the new amendment
				// takes its number.
				Self::drop_amendment(agreement, lapsed, pending, Actor::Account(proposer.clone()))?;
			}
			let deposit = Self::hold_deposit(&proposer, &terms)?;
			T::AuditLog::record(
				agreement,
				Actor::Account(proposer.clone()),
				AuditAction::AmendmentProposed,
				BlakeTwo256::hash_of(&(terms_hash, rationale)),
			)?;
			Versions::<T>::insert(
				agreement,
				number,
				Version {
					terms: *terms,
					terms_hash,
					rationale: Some(rationale),
					proposer: proposer.clone(),
					proposed_at: frame_system::Pallet::<T>::block_number(),
					signatures: Default::default(),
					state: VersionState::Proposed { deposit },
				},
			);
			record.status = AgreementStatus::Active { since, version, amendment: Some(number) };
			Agreements::<T>::insert(agreement, record);
			Self::deposit_event(Event::AmendmentProposed {
				agreement,
				version: number,
				proposer,
				organisation,
				terms_hash,
				rationale,
				deposit,
			});
			Ok(Some(T::WeightInfo::propose_amendment().saturating_add(read)).into())
		}

		/// Withdraws the pending amendment and releases its deposit. By its
		/// proposer, while the agreement is active or suspended.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_amendment())]
		pub fn withdraw_amendment(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Agreements::<T>::get(agreement).ok_or(Error::<T>::UnknownAgreement)?;
			let number = match record.status {
				AgreementStatus::Active { amendment: Some(number), .. }
				| AgreementStatus::Suspended { amendment: Some(number), .. } => number,
				_ => return Err(Error::<T>::NoPendingAmendment.into()),
			};
			let version =
				Versions::<T>::get(agreement, number).ok_or(Error::<T>::NoPendingAmendment)?;
			ensure!(version.proposer == who, Error::<T>::NotProposer);
			Self::drop_amendment(agreement, number, version, Actor::Account(who))?;
			match &mut record.status {
				AgreementStatus::Active { amendment, .. }
				| AgreementStatus::Suspended { amendment, .. } => *amendment = None,
				_ => {},
			}
			Agreements::<T>::insert(agreement, record);
			Ok(())
		}

		/// Suspends an active agreement: governance alone, or every party's
		/// signatory in turn (this call records one party's consent).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			Self::decide(origin, agreement, LifecycleAction::Suspend)
		}

		/// Resumes a suspended agreement: governance alone, or every party.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::resume())]
		pub fn resume(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			Self::decide(origin, agreement, LifecycleAction::Resume)
		}

		/// Terminates an active or suspended agreement: governance alone, or
		/// every party. A pending amendment lapses.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::terminate())]
		pub fn terminate(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			Self::decide(origin, agreement, LifecycleAction::Terminate)
		}

		/// Completes an active agreement: governance alone, or every party. A
		/// pending amendment lapses.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::complete())]
		pub fn complete(origin: OriginFor<T>, agreement: AgreementId) -> DispatchResult {
			Self::decide(origin, agreement, LifecycleAction::Complete)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The terms in force for `agreement`, if it ever became binding.
	pub fn terms_in_force(agreement: AgreementId) -> Option<TermsOf<T>> {
		let version = Agreements::<T>::get(agreement)?.status.version_in_force()?;
		Versions::<T>::get(agreement, version).map(|version| version.terms)
	}

	/// The organisation `who` signs for, if it holds the signatory role there
	/// and the organisation is active.
	fn acting_signatory(who: &T::AccountId) -> Result<OrganisationId, DispatchError> {
		let organisation =
			T::Organisations::organisation_of(who).ok_or(Error::<T>::NotPartySignatory)?;
		ensure!(
			T::Organisations::has_role(who, organisation, Role::Signatory),
			Error::<T>::NotPartySignatory
		);
		match T::Organisations::organisation(organisation) {
			Some((_, Standing::Active)) => Ok(organisation),
			Some((_, Standing::Suspended)) => Err(Error::<T>::OrganisationSuspended.into()),
			None => Err(Error::<T>::NotPartySignatory.into()),
		}
	}

	/// The party `who` signs for in `record`.
	fn party_signatory(
		who: &T::AccountId,
		record: &AgreementOf<T>,
	) -> Result<OrganisationId, DispatchError> {
		let organisation = Self::acting_signatory(who)?;
		ensure!(
			record.parties.iter().any(|party| party.organisation == organisation),
			Error::<T>::NotPartySignatory
		);
		Ok(organisation)
	}

	/// The deposit for proposing `terms`.
	fn deposit_for(terms: &TermsOf<T>) -> BalanceOf<T> {
		let bytes: BalanceOf<T> = terms.encoded_size().saturated_into();
		T::DepositBase::get().saturating_add(T::DepositPerByte::get().saturating_mul(bytes))
	}

	/// Holds the deposit for `terms` from `who`; returns the amount.
	fn hold_deposit(who: &T::AccountId, terms: &TermsOf<T>) -> Result<BalanceOf<T>, DispatchError> {
		let deposit = Self::deposit_for(terms);
		T::Currency::hold(&HoldReason::TermsDeposit.into(), who, deposit)?;
		Ok(deposit)
	}

	/// Releases the deposit of a proposed version to its proposer.
	fn release_deposit(version: &VersionOf<T>) -> Result<BalanceOf<T>, DispatchError> {
		match version.state {
			VersionState::Proposed { deposit } => T::Currency::release(
				&HoldReason::TermsDeposit.into(),
				&version.proposer,
				deposit,
				Precision::BestEffort,
			),
			_ => Ok(Default::default()),
		}
	}

	/// Removes a pending amendment, releasing its deposit (withdrawn, or
	/// lapsed because the agreement ended).
	/// Whether `version`, a proposed amendment, awaited signatures longer
	/// than [`Config::AmendmentLifetime`].
	pub(crate) fn has_expired(version: &VersionOf<T>) -> bool {
		frame_system::Pallet::<T>::block_number()
			>= version.proposed_at.saturating_add(T::AmendmentLifetime::get())
	}

	fn drop_amendment(
		agreement: AgreementId,
		number: u32,
		version: VersionOf<T>,
		actor: Actor<T::AccountId>,
	) -> DispatchResult {
		T::AuditLog::record(agreement, actor, AuditAction::AmendmentWithdrawn, version.terms_hash)?;
		let released = Self::release_deposit(&version)?;
		Versions::<T>::remove(agreement, number);
		Self::deposit_event(Event::AmendmentWithdrawn {
			agreement,
			version: number,
			deposit_released: released,
		});
		Ok(())
	}

	/// Fails if `terms` would cut any milestone of the terms in force,
	/// `current`, below what has been paid for it (or drop a milestone paid
	/// in part).
	fn ensure_paid_milestones_kept(
		agreement: AgreementId,
		current: &TermsOf<T>,
		terms: &TermsOf<T>,
	) -> DispatchResult {
		for index in 0..current.milestones.len() {
			let milestone = index.saturated_into();
			let paid = T::PaidSoFar::paid(agreement, milestone);
			if paid == Default::default() {
				continue;
			}
			let kept = terms.milestones.get(index).map(|m| m.amount).unwrap_or_default();
			ensure!(kept >= paid, Error::<T>::AmendmentCutsPaidMilestone);
		}
		Ok(())
	}
}
