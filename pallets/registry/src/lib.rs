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
//!   a key. The ledger pays milestones and releases retention to it, so
//!   public money never lands on a member's personal key and stays with
//!   the organisation when a member leaves.
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
//!
//! Admins of a suspended organisation cannot manage members; governance can.
//!
//! ## For other pallets
//!
//! The [`Organisations`](civitas_primitives::Organisations) trait answers: what kind and standing has this
//! organisation, which organisation does this account act for, and does it
//! hold this role there. No other pallet reads this pallet's storage.
//!
//! ## Invariants (`try_state`)
//!
//! Each organisation's member and admin counts equal its member records;
//! every organisation has at least one admin and at most `MaxMembers`
//! members; every member's organisation exists; every legal identifier maps
//! to the organisation carrying it and back; each account's member-deposit
//! hold equals the deposits recorded against it.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod genesis;
#[cfg(test)]
mod mock;
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

	/// The layout of this pallet's storage: unchanged since genesis. A
	/// change of layout raises it and comes with a versioned migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a member record an admin added.
		#[codec(index = 0)]
		MemberDeposit,
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// A zero deposit would let an admin write member records for free;
		/// an organisation needs room for at least its admin.
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(!T::MemberDeposit::get().is_zero(), "MemberDeposit must not be zero");
			assert!(T::MaxMembers::get() >= 1, "MaxMembers must leave room for an admin");
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
			Organisations::<T>::insert(organisation, record);
			Self::deposit_event(Event::MemberRemoved {
				organisation,
				who,
				deposit_released: released,
			});
			Ok(())
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
			Ok::<_, DispatchError>(())
		})?;
		Members::<T>::insert(who, Membership { organisation, roles, deposit });
		Ok(())
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

	/// Checks the invariants listed in the crate documentation.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::traits::{Saturating, Zero};

		let mut counts = BTreeMap::<OrganisationId, (u32, u32)>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (who, membership) in Members::<T>::iter() {
			// Every member is checked, so a hold left without its record shows.
			deposits.entry(who).or_insert_with(Zero::zero);
			ensure!(
				Organisations::<T>::contains_key(membership.organisation),
				"member of an unknown organisation"
			);
			ensure!(!membership.roles.is_empty(), "member without roles");
			let count = counts.entry(membership.organisation).or_default();
			count.0 = count.0.saturating_add(1);
			if membership.roles.contains(Role::Admin) {
				count.1 = count.1.saturating_add(1);
			}
			if let Some(Deposit { depositor, amount }) = membership.deposit {
				let total = deposits.entry(depositor).or_insert_with(Zero::zero);
				*total = total.saturating_add(amount);
			}
		}
		let next = NextOrganisationId::<T>::get();
		for (organisation, record) in Organisations::<T>::iter() {
			ensure!(organisation < next, "organisation id at or beyond the next id");
			let (members, admins) = counts.get(&organisation).copied().unwrap_or_default();
			ensure!(record.members == members, "member count differs from the member records");
			ensure!(record.admins == admins, "admin count differs from the member records");
			ensure!(record.admins >= 1, "organisation without an admin");
			ensure!(record.members <= T::MaxMembers::get(), "too many members");
			ensure!(
				LegalIdentifiers::<T>::get(&record.legal_id) == Some(organisation),
				"legal identifier not indexed"
			);
		}
		for (legal_id, organisation) in LegalIdentifiers::<T>::iter() {
			ensure!(
				Organisations::<T>::get(organisation).is_some_and(|r| r.legal_id == legal_id),
				"stale legal identifier index"
			);
		}
		for (depositor, total) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::MemberDeposit.into(), &depositor);
			ensure!(held == total, "member deposit hold differs from the recorded deposits");
		}
		Ok(())
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
