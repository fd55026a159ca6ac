//! # Registry pallet
//!
//! Who may act on the Civitas ledger: the legal entities (organisations)
//! taking part in agreements, and the accounts (members) acting for them.
//!
//! ## Terms
//!
//! - **Organisation**: a legal entity of one [`OrganisationKind`] — city or
//!   public authority, private partner, funder, auditor, independent
//!   verifier — with a [`LegalIdentifier`] (OCDS `scheme` and `id`, unique
//!   chain-wide), a name and a status (active or suspended). Only
//!   governance admits, updates, suspends and reinstates organisations.
//! - **Member**: an account acting for exactly one organisation, with a set
//!   of [`Roles`]: finance officer, signatory, verifier, auditor, admin.
//!   An organisation's admins, or governance, manage its members; an
//!   organisation always keeps at least one admin.
//! - **Organisation account**: every organisation has an account derived
//!   from its id ([`Pallet::organisation_account`]), to which no one holds
//!   a key. Pledges are held on it and the ledger pays milestones and
//!   releases retention to it, so public money never lands on a member's
//!   personal key and stays with the organisation when a member leaves.
//! - **Spending rule**: money leaves an organisation account only by a
//!   spend that [`Organisation::spend_threshold`] of its signatories
//!   approved (the four-eyes principle of public finance: the runtime's
//!   [`Config::MinSpendApprovals`] is the least an admin may set). An
//!   approval counts only while its author is still a signatory, so a
//!   member removed from the organisation can no longer move its money.
//! - **Spend deposit**: proposing a spend holds [`Config::SpendDeposit`]
//!   on the proposer's account ([`HoldReason::SpendDeposit`]) until the
//!   spend is executed or cancelled.
//! - **Member deposit**: an admin adding a member pays
//!   [`Config::MemberDeposit`], held on the admin's account (hold reason
//!   [`HoldReason::MemberDeposit`]) and released to it when the member is
//!   removed. Governance adds members without a deposit.
//!
//! ## Calls
//!
//! - [`Pallet::admit`]: governance admits an organisation with its first admin.
//! - [`Pallet::update`]: governance corrects an organisation's identifier or name.
//! - [`Pallet::suspend`]: governance stops an organisation's members acting for it.
//! - [`Pallet::reinstate`]: governance lifts a suspension.
//! - [`Pallet::add_member`]: an admin (or governance) adds a member with roles.
//! - [`Pallet::set_roles`]: an admin (or governance) changes a member's roles.
//! - [`Pallet::remove_member`]: an admin (or governance) removes a member.
//! - [`Pallet::set_spend_threshold`]: an admin (or governance) sets how many
//!   signatories must approve a spend.
//! - [`Pallet::propose_spend`]: a signatory proposes a payment from the
//!   organisation account, approving it.
//! - [`Pallet::approve_spend`]: another signatory approves; the approval that
//!   reaches the threshold pays.
//! - [`Pallet::cancel_spend`]: the proposer, an admin or governance drops a
//!   spend and releases its deposit.
//!
//! Admins of a suspended organisation cannot manage members, and its
//! signatories cannot spend; governance can still act.
//!
//! ## For other pallets
//!
//! The [`Organisations`](civitas_primitives::Organisations) trait answers: what kind and standing has this
//! organisation, which organisation does this account act for, and does it
//! hold this role there. No other pallet reads this pallet's storage.
//!
//! ## Invariants (`try_state`)
//!
//! Each organisation's member, admin and signatory counts equal its member
//! records; every organisation has at least one admin, at most `MaxMembers`
//! members and a spend threshold of at least `MinSpendApprovals`; every
//! member's organisation exists; every legal identifier maps to the
//! organisation carrying it and back; each account's member-deposit and
//! spend-deposit holds equal the deposits recorded against it; every spend
//! belongs to a known organisation, has distinct approvals and an id below
//! the next.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod genesis;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod spending;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use genesis::GenesisOrganisation;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use civitas_primitives::{
	OrganisationId, OrganisationKind, Organisations as OrganisationsApi, Role, Roles, Standing,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Precision,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::AccountIdConversion;

/// The prefix organisation accounts are derived under
/// ([`Pallet::organisation_account`]).
pub const ORGANISATION_ACCOUNTS: PalletId = PalletId(*b"cvt/orgs");

/// The balance type of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A member record as this runtime stores it.
pub type MembershipOf<T> = Membership<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// An organisation record as this runtime stores it.
pub type OrganisationOf<T> = Organisation<BlockNumberFor<T>>;

/// A spend proposal as this runtime stores it.
pub type SpendOf<T> = Spend<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxMembers,
>;

/// Who is managing an organisation's members in a call.
enum Manager<AccountId> {
	/// The governance origin.
	Governance,
	/// An admin of the organisation.
	Admin(AccountId),
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage. Version 1 added signatory
	/// counts and spend thresholds to organisations
	/// ([`migrations::v1`]); each change of layout raises it and comes with
	/// a versioned migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency member deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Admits, updates, suspends and reinstates organisations; manages any
		/// organisation's members.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Deposit an admin pays for each member it adds.
		#[pallet::constant]
		type MemberDeposit: Get<BalanceOf<Self>>;

		/// Most members one organisation has.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The fewest signatories' approvals a spend from an organisation
		/// account may need: what an admin sets cannot go below it, and a
		/// new organisation starts at it.
		#[pallet::constant]
		type MinSpendApprovals: Get<u32>;

		/// Deposit a signatory pays for each spend it proposes, returned when
		/// the spend is executed or cancelled.
		#[pallet::constant]
		type SpendDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a member record an admin added.
		#[codec(index = 0)]
		MemberDeposit,
		/// The deposit for a spend proposal.
		#[codec(index = 1)]
		SpendDeposit,
	}

	/// The id the next admitted organisation gets.
	#[pallet::storage]
	pub type NextOrganisationId<T: Config> = StorageValue<_, OrganisationId, ValueQuery>;

	/// Every admitted organisation.
	#[pallet::storage]
	pub type Organisations<T: Config> =
		StorageMap<_, Twox64Concat, OrganisationId, OrganisationOf<T>>;

	/// Which organisation carries each legal identifier.
	#[pallet::storage]
	pub type LegalIdentifiers<T: Config> =
		StorageMap<_, Blake2_128Concat, LegalIdentifier, OrganisationId>;

	/// Every member, by account.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MembershipOf<T>>;

	/// The accounts of each organisation's members: an index of [`Members`]
	/// by organisation, so that an organisation's members (at most
	/// `MaxMembers`) are listed without reading every member on the chain.
	#[pallet::storage]
	pub type MembersOf<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		OrganisationId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// The id the next spend proposal gets.
	#[pallet::storage]
	pub type NextSpendId<T: Config> = StorageValue<_, SpendId, ValueQuery>;

	/// Spend proposals waiting for approvals, by organisation.
	#[pallet::storage]
	pub type Spends<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrganisationId, Twox64Concat, SpendId, SpendOf<T>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Organisations admitted at genesis, with their members, in id order.
		pub organisations: alloc::vec::Vec<GenesisOrganisation<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for organisation in &self.organisations {
				Pallet::<T>::admit_at_genesis(organisation);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance admitted an organisation; `admin` is its first member.
		Admitted {
			/// Its id.
			organisation: OrganisationId,
			/// Its kind.
			kind: OrganisationKind,
			/// Its legal identifier.
			legal_id: LegalIdentifier,
			/// Its name.
			name: Name,
			/// Its first admin.
			admin: T::AccountId,
		},
		/// Governance changed an organisation's identifier or name.
		Updated {
			/// The organisation.
			organisation: OrganisationId,
			/// Its legal identifier now.
			legal_id: LegalIdentifier,
			/// Its name now.
			name: Name,
		},
		/// Governance suspended an organisation.
		Suspended {
			/// The organisation.
			organisation: OrganisationId,
		},
		/// Governance reinstated an organisation.
		Reinstated {
			/// The organisation.
			organisation: OrganisationId,
		},
		/// An account became a member.
		MemberAdded {
			/// The organisation it acts for.
			organisation: OrganisationId,
			/// The account.
			who: T::AccountId,
			/// Its roles.
			roles: Roles,
			/// The deposit held from the admin who added it (zero for governance).
			deposit: BalanceOf<T>,
		},
		/// A member's roles changed.
		RolesChanged {
			/// The organisation.
			organisation: OrganisationId,
			/// The member.
			who: T::AccountId,
			/// Its roles now.
			roles: Roles,
		},
		/// A member was removed and its deposit released to whoever paid it.
		MemberRemoved {
			/// The organisation.
			organisation: OrganisationId,
			/// The former member.
			who: T::AccountId,
			/// The deposit released (zero if governance had added it).
			deposit_released: BalanceOf<T>,
		},
		/// An organisation's spend threshold changed.
		SpendThresholdSet {
			/// The organisation.
			organisation: OrganisationId,
			/// How many signatories must approve a spend now.
			threshold: u32,
		},
		/// A signatory proposed a payment from its organisation account.
		SpendProposed {
			/// The organisation.
			organisation: OrganisationId,
			/// The proposal.
			spend: SpendId,
			/// Who proposed (and approved) it.
			proposer: T::AccountId,
			/// Who is to be paid.
			to: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
			/// SHA-256 of the payment order.
			reference: [u8; 32],
		},
		/// A signatory approved a spend that still needs more approvals.
		SpendApproved {
			/// The organisation.
			organisation: OrganisationId,
			/// The proposal.
			spend: SpendId,
			/// Who approved.
			who: T::AccountId,
			/// Approvals by current signatories so far.
			approvals: u32,
			/// Approvals the organisation requires.
			threshold: u32,
		},
		/// A spend reached its threshold and was paid from the organisation account.
		Spent {
			/// The organisation.
			organisation: OrganisationId,
			/// The proposal.
			spend: SpendId,
			/// Who was paid.
			to: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
			/// The signatories whose approvals executed it.
			approvals: alloc::vec::Vec<T::AccountId>,
		},
		/// A spend was dropped unpaid and its deposit released.
		SpendCancelled {
			/// The organisation.
			organisation: OrganisationId,
			/// The proposal.
			spend: SpendId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No organisation has this id.
		UnknownOrganisation,
		/// Another organisation already carries this legal identifier.
		DuplicateLegalIdentifier,
		/// The identifier's scheme or id is empty.
		EmptyLegalIdentifier,
		/// The name is empty.
		EmptyName,
		/// The organisation is suspended already.
		AlreadySuspended,
		/// The organisation is not suspended.
		NotSuspended,
		/// The organisation is suspended: its admins cannot act for it.
		OrganisationSuspended,
		/// The caller is neither governance nor an admin of this organisation.
		NotAdmin,
		/// The account is a member of an organisation already.
		AlreadyMember,
		/// The account is not a member of this organisation.
		NotMember,
		/// A member must hold at least one role.
		NoRoles,
		/// The organisation has `MaxMembers` members already.
		TooManyMembers,
		/// The organisation's last admin cannot lose the admin role.
		LastAdmin,
		/// Organisation ids are exhausted.
		IdsExhausted,
		/// A spend threshold below the runtime's minimum of approvals.
		ThresholdBelowMinimum,
		/// A spend threshold above the organisation's number of signatories:
		/// no spend could ever pass.
		ThresholdAboveSignatories,
		/// The caller is not a signatory of this organisation.
		NotSignatory,
		/// A spend of nothing.
		ZeroSpend,
		/// No spend of this organisation has this id.
		UnknownSpend,
		/// The caller approved this spend already and it is still short of
		/// the threshold.
		AlreadyApproved,
		/// Only the proposer, an admin of the organisation or governance may
		/// cancel a spend.
		NotProposerOrAdmin,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// A zero deposit would let an admin write member records (or a
		/// signatory spend proposals) for free; an organisation needs room
		/// for at least its admin, and a minimum of approvals above
		/// `MaxMembers` would lock every organisation account.
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(!T::MemberDeposit::get().is_zero(), "MemberDeposit must not be zero");
			assert!(!T::SpendDeposit::get().is_zero(), "SpendDeposit must not be zero");
			assert!(T::MaxMembers::get() >= 1, "MaxMembers must leave room for an admin");
			assert!(
				(1..=T::MaxMembers::get()).contains(&T::MinSpendApprovals::get()),
				"MinSpendApprovals must be between 1 and MaxMembers"
			);
		}
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admits an organisation of `kind`, with `admin` as its first member
		/// (holding the admin role only). Governance only.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::admit())]
		pub fn admit(
			origin: OriginFor<T>,
			kind: OrganisationKind,
			legal_id: LegalIdentifier,
			name: Name,
			admin: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::check_identity(&legal_id, &name, None)?;
			ensure!(!Members::<T>::contains_key(&admin), Error::<T>::AlreadyMember);
			let organisation = Self::do_admit(kind, legal_id.clone(), name.clone())?;
			Self::insert_member(organisation, &admin, Roles::of(&[Role::Admin]), None)?;
			Self::deposit_event(Event::Admitted { organisation, kind, legal_id, name, admin });
			Ok(())
		}

		/// Replaces an organisation's legal identifier and name. Governance only.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update())]
		pub fn update(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			legal_id: LegalIdentifier,
			name: Name,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let mut record =
				Organisations::<T>::get(organisation).ok_or(Error::<T>::UnknownOrganisation)?;
			Self::check_identity(&legal_id, &name, Some(organisation))?;
			LegalIdentifiers::<T>::remove(&record.legal_id);
			LegalIdentifiers::<T>::insert(&legal_id, organisation);
			record.legal_id = legal_id.clone();
			record.name = name.clone();
			Organisations::<T>::insert(organisation, record);
			Self::deposit_event(Event::Updated { organisation, legal_id, name });
			Ok(())
		}

		/// Suspends an organisation: its members can no longer act for it.
		/// Governance only.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, organisation: OrganisationId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Organisations::<T>::try_mutate(organisation, |record| {
				let record = record.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
				ensure!(
					matches!(record.status, Status::Active { .. }),
					Error::<T>::AlreadySuspended
				);
				record.status =
					Status::Suspended { since: frame_system::Pallet::<T>::block_number() };
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::Suspended { organisation });
			Ok(())
		}

		/// Lifts an organisation's suspension. Governance only.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, organisation: OrganisationId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Organisations::<T>::try_mutate(organisation, |record| {
				let record = record.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
				ensure!(
					matches!(record.status, Status::Suspended { .. }),
					Error::<T>::NotSuspended
				);
				record.status = Status::Active { since: frame_system::Pallet::<T>::block_number() };
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::Reinstated { organisation });
			Ok(())
		}

		/// Makes `who` a member of `organisation` with `roles`. By one of its
		/// admins, who pays the member deposit, or by governance.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			who: T::AccountId,
			roles: Roles,
		) -> DispatchResult {
			let manager = Self::ensure_manager(origin, organisation)?;
			ensure!(!roles.is_empty(), Error::<T>::NoRoles);
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			let deposit = match manager {
				Manager::Governance => None,
				Manager::Admin(admin) => {
					let amount = T::MemberDeposit::get();
					T::Currency::hold(&HoldReason::MemberDeposit.into(), &admin, amount)?;
					Some(Deposit { depositor: admin, amount })
				},
			};
			let held = deposit.as_ref().map(|deposit| deposit.amount).unwrap_or_default();
			Self::insert_member(organisation, &who, roles, deposit)?;
			Self::deposit_event(Event::MemberAdded { organisation, who, roles, deposit: held });
			Ok(())
		}

		/// Replaces a member's roles. By an admin of its organisation or by
		/// governance; the last admin keeps the admin role.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_roles())]
		pub fn set_roles(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			who: T::AccountId,
			roles: Roles,
		) -> DispatchResult {
			Self::ensure_manager(origin, organisation)?;
			ensure!(!roles.is_empty(), Error::<T>::NoRoles);
			let mut membership = Self::membership_in(&who, organisation)?;
			let mut record =
				Organisations::<T>::get(organisation).ok_or(Error::<T>::UnknownOrganisation)?;
			let (was_admin, is_admin) =
				(membership.roles.contains(Role::Admin), roles.contains(Role::Admin));
			record.admins = match (was_admin, is_admin) {
				(true, false) => {
					ensure!(record.admins > 1, Error::<T>::LastAdmin);
					record.admins.saturating_sub(1)
				},
				(false, true) => record.admins.checked_add(1).ok_or(Error::<T>::TooManyMembers)?,
				_ => record.admins,
			};
			// Losing the role is never refused for the threshold's sake: a
			// signatory who leaves must be able to go; spends then wait
			// until an admin adds signatories or lowers the threshold.
			record.signatories =
				match (membership.roles.contains(Role::Signatory), roles.contains(Role::Signatory))
				{
					(true, false) => record.signatories.saturating_sub(1),
					(false, true) => {
						record.signatories.checked_add(1).ok_or(Error::<T>::TooManyMembers)?
					},
					_ => record.signatories,
				};
			membership.roles = roles;
			Members::<T>::insert(&who, membership);
			Organisations::<T>::insert(organisation, record);
			Self::deposit_event(Event::RolesChanged { organisation, who, roles });
			Ok(())
		}

		/// Removes a member and releases its deposit to whoever paid it. By an
		/// admin of its organisation or by governance; never the last admin.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			who: T::AccountId,
		) -> DispatchResult {
			Self::ensure_manager(origin, organisation)?;
			let membership = Self::membership_in(&who, organisation)?;
			let mut record =
				Organisations::<T>::get(organisation).ok_or(Error::<T>::UnknownOrganisation)?;
			if membership.roles.contains(Role::Admin) {
				ensure!(record.admins > 1, Error::<T>::LastAdmin);
				record.admins = record.admins.saturating_sub(1);
			}
			if membership.roles.contains(Role::Signatory) {
				record.signatories = record.signatories.saturating_sub(1);
			}
			record.members = record.members.saturating_sub(1);
			let released = match membership.deposit {
				Some(Deposit { depositor, amount }) => T::Currency::release(
					&HoldReason::MemberDeposit.into(),
					&depositor,
					amount,
					Precision::BestEffort,
				)?,
				None => Default::default(),
			};
			Members::<T>::remove(&who);
			MembersOf::<T>::remove(organisation, &who);
			Organisations::<T>::insert(organisation, record);
			Self::deposit_event(Event::MemberRemoved {
				organisation,
				who,
				deposit_released: released,
			});
			Ok(())
		}

		/// Sets how many signatories must approve a spend from the
		/// organisation account: at least `MinSpendApprovals`, at most its
		/// signatories now. By an admin or governance. Spends waiting for
		/// approvals are judged by the new threshold.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_spend_threshold())]
		pub fn set_spend_threshold(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			threshold: u32,
		) -> DispatchResult {
			Self::ensure_manager(origin, organisation)?;
			Self::do_set_spend_threshold(organisation, threshold)
		}

		/// Proposes paying `amount` from the organisation account to `to`
		/// for the payment order whose SHA-256 is `reference`, and approves
		/// it. By a signatory of the active organisation, who pays the
		/// spend deposit. Pays at once if the threshold is one.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::propose_spend().max(T::WeightInfo::approve_spend()))]
		pub fn propose_spend(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			reference: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_spend(who, organisation, to, amount, reference)
		}

		/// Approves a spend. By a signatory of the active organisation; the
		/// approval that brings the approvals of current signatories to the
		/// threshold pays the spend, releases its deposit and removes it.
		/// A signatory who approved before may call again to pay a spend
		/// that has reached a lowered threshold or failed for want of funds.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::approve_spend())]
		pub fn approve_spend(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			spend: SpendId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_spend(who, organisation, spend)
		}

		/// Drops a spend unpaid and releases its deposit to the proposer. By
		/// the proposer, an admin of the organisation, or governance.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::cancel_spend())]
		pub fn cancel_spend(
			origin: OriginFor<T>,
			organisation: OrganisationId,
			spend: SpendId,
		) -> DispatchResult {
			let by_governance = match T::GovernanceOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			Self::do_cancel_spend(by_governance, organisation, spend)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Checks an identifier and name, and that no organisation other than
	/// `owner` carries the identifier.
	fn check_identity(
		legal_id: &LegalIdentifier,
		name: &Name,
		owner: Option<OrganisationId>,
	) -> DispatchResult {
		ensure!(
			!legal_id.scheme.is_empty() && !legal_id.id.is_empty(),
			Error::<T>::EmptyLegalIdentifier
		);
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		match LegalIdentifiers::<T>::get(legal_id) {
			Some(existing) if Some(existing) != owner => {
				Err(Error::<T>::DuplicateLegalIdentifier.into())
			},
			_ => Ok(()),
		}
	}

	/// Stores a new active organisation with no members yet; returns its id.
	fn do_admit(
		kind: OrganisationKind,
		legal_id: LegalIdentifier,
		name: Name,
	) -> Result<OrganisationId, DispatchError> {
		let organisation = NextOrganisationId::<T>::get();
		let next = organisation.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let now = frame_system::Pallet::<T>::block_number();
		LegalIdentifiers::<T>::insert(&legal_id, organisation);
		Organisations::<T>::insert(
			organisation,
			Organisation {
				kind,
				legal_id,
				name,
				status: Status::Active { since: now },
				admitted_at: now,
				members: 0,
				admins: 0,
				signatories: 0,
				spend_threshold: T::MinSpendApprovals::get(),
			},
		);
		NextOrganisationId::<T>::put(next);
		Ok(organisation)
	}

	/// Stores a member record and counts it in its organisation.
	fn insert_member(
		organisation: OrganisationId,
		who: &T::AccountId,
		roles: Roles,
		deposit: Option<Deposit<T::AccountId, BalanceOf<T>>>,
	) -> DispatchResult {
		Organisations::<T>::try_mutate(organisation, |record| {
			let record = record.as_mut().ok_or(Error::<T>::UnknownOrganisation)?;
			ensure!(record.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
			record.members = record.members.saturating_add(1);
			if roles.contains(Role::Admin) {
				record.admins = record.admins.saturating_add(1);
			}
			if roles.contains(Role::Signatory) {
				record.signatories = record.signatories.saturating_add(1);
			}
			Ok::<_, DispatchError>(())
		})?;
		Members::<T>::insert(who, Membership { organisation, roles, deposit });
		MembersOf::<T>::insert(organisation, who, ());
		Ok(())
	}

	/// The members of `organisation` and their roles (at most `MaxMembers`).
	pub fn members_of(organisation: OrganisationId) -> alloc::vec::Vec<(T::AccountId, Roles)> {
		MembersOf::<T>::iter_key_prefix(organisation)
			.filter_map(|who| {
				let roles = Members::<T>::get(&who)?.roles;
				Some((who, roles))
			})
			.collect()
	}

	/// Governance, or a signed admin of `organisation` while it is active.
	fn ensure_manager(
		origin: OriginFor<T>,
		organisation: OrganisationId,
	) -> Result<Manager<T::AccountId>, DispatchError> {
		let origin = match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => {
				ensure!(
					Organisations::<T>::contains_key(organisation),
					Error::<T>::UnknownOrganisation
				);
				return Ok(Manager::Governance);
			},
			Err(origin) => origin,
		};
		let who = ensure_signed(origin)?;
		let record =
			Organisations::<T>::get(organisation).ok_or(Error::<T>::UnknownOrganisation)?;
		ensure!(Self::has_role(&who, organisation, Role::Admin), Error::<T>::NotAdmin);
		ensure!(matches!(record.status, Status::Active { .. }), Error::<T>::OrganisationSuspended);
		Ok(Manager::Admin(who))
	}

	/// `who`'s member record, if it acts for `organisation`.
	fn membership_in(
		who: &T::AccountId,
		organisation: OrganisationId,
	) -> Result<MembershipOf<T>, DispatchError> {
		Members::<T>::get(who)
			.filter(|membership| membership.organisation == organisation)
			.ok_or_else(|| Error::<T>::NotMember.into())
	}
}

impl<T: Config> Pallet<T> {
	/// The organisation account of `organisation`: `modl` and
	/// [`ORGANISATION_ACCOUNTS`] followed by the SCALE-encoded id, padded
	/// with zeros. No one holds a key to it, so money on it moves only by
	/// the ledger's rules, never at one person's will.
	pub fn organisation_account(organisation: OrganisationId) -> T::AccountId {
		ORGANISATION_ACCOUNTS.into_sub_account_truncating(organisation)
	}
}

impl<T: Config> OrganisationsApi<T::AccountId> for Pallet<T> {
	fn organisation(organisation: OrganisationId) -> Option<(OrganisationKind, Standing)> {
		Organisations::<T>::get(organisation).map(|record| {
			let standing = match record.status {
				Status::Active { .. } => Standing::Active,
				Status::Suspended { .. } => Standing::Suspended,
			};
			(record.kind, standing)
		})
	}

	fn organisation_of(who: &T::AccountId) -> Option<OrganisationId> {
		Members::<T>::get(who).map(|membership| membership.organisation)
	}

	fn has_role(who: &T::AccountId, organisation: OrganisationId, role: Role) -> bool {
		Members::<T>::get(who).is_some_and(|membership| {
			membership.organisation == organisation && membership.roles.contains(role)
		})
	}

	fn account(organisation: OrganisationId) -> T::AccountId {
		Self::organisation_account(organisation)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn admit_for_benchmark(kind: OrganisationKind, seed: u32) -> OrganisationId {
		use codec::Encode;
		let id: alloc::vec::Vec<u8> = (b"bench-", seed).encode();
		let legal_id = LegalIdentifier {
			scheme: BoundedVec::truncate_from(b"XI-BENCH".to_vec()),
			id: BoundedVec::truncate_from(id),
		};
		let name = BoundedVec::truncate_from(b"Benchmark organisation".to_vec());
		let organisation = Self::do_admit(kind, legal_id, name).unwrap_or_default();
		// An organisation keeps an admin; benchmarks add their own members on top.
		let admin: T::AccountId = frame_benchmarking::account("bench-admin", seed, 0);
		let _ = Self::insert_member(organisation, &admin, Roles::of(&[Role::Admin]), None);
		organisation
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_member_for_benchmark(organisation: OrganisationId, who: &T::AccountId, roles: Roles) {
		let _ = Self::insert_member(organisation, who, roles, None);
	}
}
