//! # Pools pallet
//!
//! Cross-city investment pools: co-funders of an agreement pledge money
//! that stays on their organisation accounts under a balance hold, and the pledges
//! are committed together only when every required co-funder is in —
//! otherwise every pledge is released. All or nothing: a city is never
//! bound while a partner it relies on has not committed.
//!
//! ## Terms
//!
//! - **Pool**: a funding round of one active agreement, with a target, a
//!   deadline (the last block a pledge is accepted in) and its required
//!   co-funders. An agreement has at most one pool proposed or open at a
//!   time; after a pool failed or was rejected, another may be opened.
//! - **Value left to raise**: the value of the agreement's terms in force
//!   less what its escrow holds committed. A pool's target is at most this,
//!   so pools never raise more than the parties signed for together.
//! - **Top-up**: a pool opened after an earlier one committed, once an
//!   amendment raised the agreement's value. It is approved, pledged and
//!   committed like the first; its pledges join the escrow, adding to each
//!   co-funder's share, and the escrow names it as its latest pool.
//! - **Approval**: a pool is proposed by a public authority and takes
//!   pledges only once a signatory of every party of the agreement approved
//!   its parameters by hash ([`Pool::parameters`]), so no party is bound to
//!   funding terms it did not agree. Any party may reject a proposal.
//! - **Co-funder**: a party of the agreement in the public-authority or
//!   funder part. Its finance officers pledge for it from its organisation
//!   account (`Organisations::account`), never from their own: one pledge
//!   per co-funder, so at most [`MAX_PLEDGERS`] per pool, and money stays
//!   with the organisation whoever leaves it. Any of them may top up or
//!   withdraw the co-funder's pledge.
//! - **Requirement** ([`Requirement`]): a co-funder the pool cannot commit
//!   without, and the least its finance officers must pledge together: an
//!   amount, or a share of the target ([`Minimum`], rounded up).
//! - **Pledge**: money held on the co-funder's organisation account under
//!   [`HoldReason::Pledged`]: visible in its balance, unusable, and never
//!   moved to a pot. At least [`Config::MinimumPledge`] when first made, and
//!   topped up by further pledges of at least as much (a smaller top-up is
//!   accepted only when it reaches the target): each pledge is an entry on
//!   the agreement's audit trail, which must not be cheap to fill.
//! - **Commitment**: happens in the pledge that meets the target and the
//!   last requirement. Every pledge's hold changes to
//!   [`HoldReason::Committed`], still on the organisation account, and each
//!   pledge becomes that co-funder's share of the agreement's escrow.
//! - **Expiry**: after the deadline, an uncommitted pool fails. Anyone may
//!   call [`Pallet::expire`], which releases at most
//!   [`Config::ExpiryPageSize`] pledges per call, so its weight stays bounded
//!   however many there are; the pool is `Releasing` until the last page,
//!   then `Failed`.
//! - **Escrow** ([`EscrowAccount`]): an agreement's committed money per
//!   co-funder. The disbursements pallet moves it through the
//!   [`civitas_primitives::Escrow`] trait: payouts to the payee, retention
//!   (moved to a [`HoldReason::Retention`] hold on the co-funder's account
//!   until final acceptance), recoveries, refunds. Every amount is split
//!   across co-funders with [`civitas_primitives::escrow::split`], whose
//!   parts sum to it exactly.
//! - **Deposit**: opening a pool holds [`Config::PoolDeposit`] from the
//!   opener ([`HoldReason::PoolDeposit`]), returned when the pool commits or
//!   has released its last pledge. Pledges need no deposit of their own:
//!   each holds at least the minimum pledge, and a pool has at most
//!   [`MAX_PLEDGERS`].
//!
//! ## Calls
//!
//! - [`Pallet::open_pool`]: a signatory of the agreement's public authority
//!   proposes a pool (the first, or a top-up), approving it for its
//!   organisation.
//! - [`Pallet::approve_pool`]: a signatory of another party approves the
//!   parameters; the last approval opens the pool to pledges.
//! - [`Pallet::reject_pool`]: a signatory of any party rejects a proposed pool.
//! - [`Pallet::pledge`]: a co-funder's finance officer pledges or tops up; the
//!   pledge that meets every requirement commits the pool.
//! - [`Pallet::withdraw_pledge`]: a co-funder's finance officer takes back its
//!   whole pledge while the pool is open.
//! - [`Pallet::expire`]: anyone fails a pool (proposed or open) past its
//!   deadline and releases a page of its pledges.
//!
//! ## Audit trail
//!
//! Every call appends to the agreement's trail through [`Config::AuditLog`]
//! ([`civitas_primitives::AuditAction`] lists what each entry's data
//! hashes). Escrow movements are recorded by the pallet that makes them,
//! as part of its own action.
//!
//! ## Invariants (`try_state`)
//!
//! Every pledge and every co-funder's escrow is held on that co-funder's
//! organisation account. An agreement's escrow holds exactly what its
//! committed pools raised, and names the latest of them. For every account, what it holds under each of this pallet's reasons
//! equals what the pools say it owes: its open pledges, its committed and
//! unpaid shares, its retention, the deposits of its open pools. Each
//! open or releasing pool's totals equal its pledges; a committed pool has
//! its escrow; and per agreement, paid + retained + remaining + recovered +
//! refunded = committed, with each co-funder's shares summing likewise.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod escrow;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod pledging;
mod proposal;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
pub mod weights;

pub use civitas_primitives::records::pool::*;
pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use civitas_primitives::{
	Actor, AgreementId, AgreementTerms, Agreements, AuditAction, AuditLog, OrganisationId,
	Organisations, PartyRole, Role, Standing,
};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, CheckedSub, Hash, Zero};

/// The balance type of the currency pledges are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A pool as this runtime stores it.
pub type PoolOf<T> = Pool<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// Each co-funder's part of an amount moved in or out of escrow.
pub type PartsOf<T> =
	Vec<civitas_primitives::EscrowPart<<T as frame_system::Config>::AccountId, BalanceOf<T>>>;

/// A co-funder's stake as this runtime stores it.
pub type FunderOf<T> = Funder<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// An escrow as this runtime stores it.
pub type EscrowOf<T> =
	EscrowAccount<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The layout of this pallet's storage. Version 1 holds pledges and
	/// escrow on organisation accounts ([`migrations::v1`]); each change of
	/// layout or meaning raises it and comes with a versioned migration.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency pledges are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The organisations registry: kinds, standing, roles.
		type Organisations: Organisations<Self::AccountId>;

		/// The agreements: whether one is active, and its parties.
		type Agreements: Agreements;

		/// The terms of each agreement's versions: the value of the version
		/// in force bounds what its pools may raise together.
		type Terms: AgreementTerms<BalanceOf<Self>>;

		/// The audit trail every call appends to.
		type AuditLog: AuditLog<Self::AccountId>;

		/// Deposit held from whoever opens a pool.
		#[pallet::constant]
		type PoolDeposit: Get<BalanceOf<Self>>;

		/// The least a new pledge may hold, and the least a top-up adds
		/// unless it reaches the target.
		#[pallet::constant]
		type MinimumPledge: Get<BalanceOf<Self>>;

		/// Most pledges one call of `expire` releases.
		#[pallet::constant]
		type ExpiryPageSize: Get<u32>;

		/// Weights of this pallet's calls, measured by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds. Each is visible in the account's balance.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Pledged to an open pool; released on withdrawal or expiry.
		#[codec(index = 0)]
		Pledged,
		/// Committed to an agreement's escrow and not yet paid out.
		#[codec(index = 1)]
		Committed,
		/// Withheld from payouts until the agreement's final acceptance.
		#[codec(index = 2)]
		Retention,
		/// The deposit for opening a pool.
		#[codec(index = 3)]
		PoolDeposit,
	}

	/// The id the next pool gets.
	#[pallet::storage]
	pub type NextPoolId<T: Config> = StorageValue<_, PoolId, ValueQuery>;

	/// Every pool ever opened; kept after it commits or fails, as the record.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Twox64Concat, PoolId, PoolOf<T>>;

	/// The current pool of each agreement: the one proposed or open, or else
	/// the latest that committed (the escrow's pool).
	#[pallet::storage]
	pub type AgreementPool<T: Config> = StorageMap<_, Twox64Concat, AgreementId, PoolId>;

	/// Open pledges, by pool and the organisation account holding them.
	#[pallet::storage]
	pub type Pledges<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PoolId,
		Blake2_128Concat,
		T::AccountId,
		Pledge<BalanceOf<T>>,
	>;

	/// Each agreement's escrow, from its first pool's commitment on; the
	/// pools that top it up add to it.
	#[pallet::storage]
	pub type Escrows<T: Config> = StorageMap<_, Twox64Concat, AgreementId, EscrowOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A pool was opened for an agreement.
		PoolOpened {
			/// The pool.
			pool: PoolId,
			/// The agreement it funds.
			agreement: AgreementId,
			/// The signatory who opened it.
			opener: T::AccountId,
			/// The public authority it acted for.
			organisation: OrganisationId,
			/// The least the pledges must sum to.
			target: BalanceOf<T>,
			/// The last block a pledge is accepted in.
			deadline: BlockNumberFor<T>,
			/// The required co-funders and their minimums.
			required: Requirements<BalanceOf<T>>,
			/// The deposit held from the opener.
			deposit: BalanceOf<T>,
			/// The hash every party approves ([`Pool::parameters`]).
			parameters: H256,
		},
		/// A party approved a proposed pool's parameters.
		PoolApproved {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The party that approved.
			organisation: OrganisationId,
			/// Its signatory.
			who: T::AccountId,
		},
		/// Every party approved: the pool takes pledges.
		PledgingOpened {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
		},
		/// A party rejected a proposed pool; it failed without a pledge.
		PoolRejected {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The party that rejected it.
			organisation: OrganisationId,
			/// Its signatory.
			who: T::AccountId,
		},
		/// A co-funder pledged (or topped up): `amount` is now held.
		Pledged {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The finance officer who pledged.
			who: T::AccountId,
			/// The co-funder it pledged for, whose organisation account holds it.
			organisation: OrganisationId,
			/// The amount added by this pledge.
			amount: BalanceOf<T>,
			/// The co-funder's whole pledge to the pool now.
			pledge: BalanceOf<T>,
			/// All pledges to the pool now.
			pool_total: BalanceOf<T>,
		},
		/// A co-funder withdrew its pledge; the amount is free again on its
		/// organisation account.
		PledgeWithdrawn {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The finance officer who withdrew it.
			who: T::AccountId,
			/// The co-funder whose pledge it was.
			organisation: OrganisationId,
			/// The amount released.
			amount: BalanceOf<T>,
			/// All pledges to the pool now.
			pool_total: BalanceOf<T>,
		},
		/// Every requirement was met: the pledges are committed to the
		/// agreement's escrow.
		PoolCommitted {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The amount committed.
			total: BalanceOf<T>,
			/// Each co-funder's committed share.
			shares: PartsOf<T>,
		},
		/// A top-up pool committed: its pledges joined the agreement's escrow.
		EscrowToppedUp {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The amount the pool added.
			added: BalanceOf<T>,
			/// All the agreement's pools have committed now.
			committed: BalanceOf<T>,
		},
		/// The deadline passed without commitment: the pool failed, and its
		/// pledges are released page by page.
		PoolExpired {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The pledges held when it expired.
			pledged: BalanceOf<T>,
			/// How many co-funders held them.
			pledgers: u32,
		},
		/// A page of an expired pool's pledges was released.
		PledgesReleased {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
			/// The pledges released, per organisation account.
			released: PartsOf<T>,
			/// How many pledges are still held.
			remaining: u32,
		},
		/// An expired pool released its last pledge; the opener's deposit is
		/// returned.
		PoolFailed {
			/// The pool.
			pool: PoolId,
			/// The agreement.
			agreement: AgreementId,
		},
		/// A payout left escrow.
		EscrowPaid {
			/// The agreement.
			agreement: AgreementId,
			/// Who received it.
			payee: T::AccountId,
			/// The amount paid to the payee.
			paid: BalanceOf<T>,
			/// The amount moved to retention.
			retained: BalanceOf<T>,
		},
		/// Retention was paid to the payee.
		RetentionReleased {
			/// The agreement.
			agreement: AgreementId,
			/// Who received it.
			payee: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A recovery was taken from escrow and returned to the co-funders.
		RecoveryOffset {
			/// The agreement.
			agreement: AgreementId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A recovery was taken from retention and returned to the co-funders.
		RetentionOffset {
			/// The agreement.
			agreement: AgreementId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A payee repaid a recovery to the co-funders.
		RecoveryRepaid {
			/// The agreement.
			agreement: AgreementId,
			/// Who repaid.
			payer: T::AccountId,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// What was still committed or retained went back to the co-funders.
		UnspentRefunded {
			/// The agreement.
			agreement: AgreementId,
			/// The amount.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No pool has this id.
		UnknownPool,
		/// The agreement is not active (unknown, a draft, suspended or ended).
		AgreementNotActive,
		/// The caller is not a signatory of a public-authority party of the
		/// agreement, or its organisation is not active.
		NotPublicAuthoritySignatory,
		/// The agreement already has a pool that is proposed or open.
		PoolExists,
		/// The target must be more than zero.
		ZeroTarget,
		/// The deadline must be a later block than the current one.
		DeadlineNotInFuture,
		/// An organisation is required twice.
		DuplicateRequirement,
		/// A required organisation is not a public-authority or funder party
		/// of the agreement.
		NotCoFundingParty,
		/// A required organisation is suspended or unknown.
		CoFunderNotActive,
		/// A requirement comes to zero.
		ZeroMinimum,
		/// The required minimums add up to more than the target.
		RequirementsExceedTarget,
		/// The pool takes no pledges: it committed, expired or failed.
		PoolNotOpen,
		/// The pool's deadline has passed.
		DeadlinePassed,
		/// The caller is not a finance officer of a public-authority or
		/// funder party of the agreement, or its organisation is not active.
		NotCoFunderFinanceOfficer,
		/// A pledge must add more than zero, and a new one at least the
		/// minimum pledge.
		PledgeTooSmall,
		/// The pool has as many pledgers as it may.
		TooManyPledgers,
		/// The caller's organisation has no pledge in this pool.
		NoPledge,
		/// The pool's deadline has not passed yet.
		DeadlineNotPassed,
		/// Nothing is left to expire: the pool committed or failed.
		PoolNotExpirable,
		/// The agreement has no escrow (its pool has not committed).
		NoEscrow,
		/// The escrow holds less than the amount asked of it.
		InsufficientEscrow,
		/// The retention held is less than the amount asked of it.
		InsufficientRetention,
		/// More would be repaid than was paid.
		RepaymentExceedsPaid,
		/// An amount does not fit the balance type.
		Overflow,
		/// Pool ids are exhausted.
		IdsExhausted,
		/// The pool is not waiting for approvals: it was approved by every
		/// party, committed, failed or rejected.
		PoolNotProposed,
		/// The parameters hash differs from the pool's: the approver read
		/// other parameters.
		ParametersMismatch,
		/// The caller is not a signatory of an active party of the agreement.
		NotPartySignatory,
		/// The caller's organisation approved this pool already.
		AlreadyApproved,
		/// The target is more than the agreement's value in force leaves
		/// to raise beyond what its escrow already holds committed.
		TargetAboveValue,
		/// The agreement's escrow already holds its whole value: there is
		/// nothing left to raise until an amendment raises the value.
		EscrowCoversValue,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Zero deposits or minimums would make pools and pledges free to
		/// spam; an expiry page must release at least one pledge.
		fn integrity_test() {
			assert!(!T::PoolDeposit::get().is_zero(), "PoolDeposit must not be zero");
			assert!(!T::MinimumPledge::get().is_zero(), "MinimumPledge must not be zero");
			assert!(T::ExpiryPageSize::get() >= 1, "ExpiryPageSize must be at least 1");
		}
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Opens a funding pool of `agreement`: pledges are taken until
		/// block `deadline`, and commit once they reach `target` with every
		/// organisation in `required` at its minimum. `target` is at most
		/// the value of the terms in force less what the agreement's escrow
		/// holds committed, so a pool opened after an amendment raised the
		/// value tops the escrow up. By a signatory of a public-authority
		/// party of the active agreement, who pays the deposit; its
		/// organisation approves the parameters, and the pool takes pledges
		/// once every other party has approved them too
		/// ([`Pallet::approve_pool`]).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::open_pool())]
		pub fn open_pool(
			origin: OriginFor<T>,
			agreement: AgreementId,
			target: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
			required: Requirements<BalanceOf<T>>,
		) -> DispatchResult {
			let opener = ensure_signed(origin)?;
			let organisation = Self::public_authority_signatory(&opener, agreement)?;
			ensure!(T::Agreements::is_active(agreement), Error::<T>::AgreementNotActive);
			ensure!(!Self::has_pool_in_progress(agreement), Error::<T>::PoolExists);
			ensure!(!target.is_zero(), Error::<T>::ZeroTarget);
			ensure!(target <= Self::left_to_raise(agreement)?, Error::<T>::TargetAboveValue);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(deadline > now, Error::<T>::DeadlineNotInFuture);
			Self::validate_requirements(agreement, target, &required)?;

			let pool = NextPoolId::<T>::get();
			let next = pool.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let deposit = T::PoolDeposit::get();
			T::Currency::hold(&HoldReason::PoolDeposit.into(), &opener, deposit)?;
			Self::record(
				agreement,
				&opener,
				AuditAction::PoolOpened,
				(pool, target, deadline, &required),
			)?;
			let mut record = Pool {
				agreement,
				opener: opener.clone(),
				organisation,
				deposit,
				target,
				deadline,
				required: required.clone(),
				status: PoolStatus::Proposed { approved: Default::default() },
			};
			let parameters = record.parameters();
			Self::deposit_event(Event::PoolOpened {
				pool,
				agreement,
				opener: opener.clone(),
				organisation,
				target,
				deadline,
				required,
				deposit,
				parameters,
			});
			AgreementPool::<T>::insert(agreement, pool);
			NextPoolId::<T>::put(next);
			Self::add_approval(pool, &mut record, organisation, &opener)?;
			Pools::<T>::insert(pool, record);
			Ok(())
		}

		/// Pledges `amount` to `pool` for the caller's organisation (or adds
		/// it to the organisation's pledge): the amount is held on the
		/// organisation account. By a finance officer of a public-authority
		/// or funder party of the agreement, up to and including the
		/// deadline block. If this pledge meets the target and
		/// every requirement, the pool commits in the same call.
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::pledge().max(T::WeightInfo::pledge_and_commit(MAX_PLEDGERS))
		)]
		pub fn pledge(
			origin: OriginFor<T>,
			pool: PoolId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let record = Pools::<T>::get(pool).ok_or(Error::<T>::UnknownPool)?;
			Self::do_pledge(pool, record, who, amount)
		}

		/// Withdraws the whole pledge of the caller's organisation to `pool`,
		/// which must still be open (before or after its deadline). By a
		/// finance officer of that co-funder; the amount is free again on
		/// its organisation account.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_pledge())]
		pub fn withdraw_pledge(origin: OriginFor<T>, pool: PoolId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Pools::<T>::get(pool).ok_or(Error::<T>::UnknownPool)?;
			Self::do_withdraw(pool, record, who)
		}

		/// Fails `pool` once its deadline has passed without commitment, and
		/// releases up to [`Config::ExpiryPageSize`] of its pledges; call
		/// again until it reports `PoolFailed`. By anyone.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::expire(T::ExpiryPageSize::get().min(MAX_PLEDGERS)))]
		pub fn expire(origin: OriginFor<T>, pool: PoolId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let record = Pools::<T>::get(pool).ok_or(Error::<T>::UnknownPool)?;
			let released = Self::do_expire(pool, record, who)?;
			Ok(Some(T::WeightInfo::expire(released)).into())
		}

		/// Approves the parameters of the proposed `pool` for the caller's
		/// organisation; `parameters` is their hash ([`Pool::parameters`],
		/// in the `PoolOpened` event) and must match. By a signatory of a
		/// party of the active agreement, before the deadline. The last
		/// party's approval opens the pool to pledges.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve_pool())]
		pub fn approve_pool(
			origin: OriginFor<T>,
			pool: PoolId,
			parameters: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Pools::<T>::get(pool).ok_or(Error::<T>::UnknownPool)?;
			Self::do_approve(pool, record, who, parameters)
		}

		/// Rejects the proposed `pool` for the caller's organisation: it
		/// fails at once, the opener's deposit returns, and a new pool may
		/// be opened for the agreement. By a signatory of a party of the
		/// agreement.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reject_pool())]
		pub fn reject_pool(origin: OriginFor<T>, pool: PoolId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Pools::<T>::get(pool).ok_or(Error::<T>::UnknownPool)?;
			Self::do_reject(pool, record, who)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The public-authority party of `agreement` that `who` signs for.
	fn public_authority_signatory(
		who: &T::AccountId,
		agreement: AgreementId,
	) -> Result<OrganisationId, DispatchError> {
		let organisation = T::Organisations::organisation_of(who)
			.ok_or(Error::<T>::NotPublicAuthoritySignatory)?;
		ensure!(
			T::Organisations::has_role(who, organisation, Role::Signatory)
				&& Self::is_active_organisation(organisation)
				&& T::Agreements::party_role(agreement, organisation)
					== Some(PartyRole::PublicAuthority),
			Error::<T>::NotPublicAuthoritySignatory
		);
		Ok(organisation)
	}

	/// Whether `agreement`'s current pool is proposed or open (one that
	/// committed leaves room for a top-up).
	fn has_pool_in_progress(agreement: AgreementId) -> bool {
		AgreementPool::<T>::get(agreement)
			.and_then(Pools::<T>::get)
			.is_some_and(|record| !matches!(record.status, PoolStatus::Committed { .. }))
	}

	/// What `agreement`'s pools may still raise: the value of its terms in
	/// force less what its escrow holds committed. Fails if that is nothing.
	fn left_to_raise(agreement: AgreementId) -> Result<BalanceOf<T>, DispatchError> {
		let version = T::Agreements::phase(agreement)
			.and_then(|phase| phase.version())
			.ok_or(Error::<T>::AgreementNotActive)?;
		let value =
			T::Terms::terms(agreement, version).ok_or(Error::<T>::AgreementNotActive)?.value;
		let committed =
			Escrows::<T>::get(agreement).map_or_else(Zero::zero, |escrow| escrow.committed);
		value
			.checked_sub(&committed)
			.filter(|left| !left.is_zero())
			.ok_or_else(|| Error::<T>::EscrowCoversValue.into())
	}

	/// Makes the escrow's pool `agreement`'s current pool again after its
	/// proposed or open pool failed or was rejected, or clears it if
	/// nothing has committed: another pool may be opened either way.
	fn retire_pool(agreement: AgreementId) {
		match Escrows::<T>::get(agreement) {
			Some(escrow) => AgreementPool::<T>::insert(agreement, escrow.pool),
			None => AgreementPool::<T>::remove(agreement),
		}
	}

	/// Whether `organisation` is admitted and not suspended.
	fn is_active_organisation(organisation: OrganisationId) -> bool {
		matches!(T::Organisations::organisation(organisation), Some((_, Standing::Active)))
	}

	/// Whether `organisation` takes a co-funding part in `agreement`.
	fn is_co_funding_party(agreement: AgreementId, organisation: OrganisationId) -> bool {
		matches!(
			T::Agreements::party_role(agreement, organisation),
			Some(PartyRole::PublicAuthority | PartyRole::Funder)
		)
	}

	/// Checks a pool's requirements against its agreement and target.
	fn validate_requirements(
		agreement: AgreementId,
		target: BalanceOf<T>,
		required: &Requirements<BalanceOf<T>>,
	) -> DispatchResult {
		let mut sum = BalanceOf::<T>::zero();
		for (index, requirement) in required.iter().enumerate() {
			ensure!(
				required[..index].iter().all(|r| r.organisation != requirement.organisation),
				Error::<T>::DuplicateRequirement
			);
			ensure!(
				Self::is_co_funding_party(agreement, requirement.organisation),
				Error::<T>::NotCoFundingParty
			);
			ensure!(
				Self::is_active_organisation(requirement.organisation),
				Error::<T>::CoFunderNotActive
			);
			let minimum = requirement.minimum.resolve(target);
			ensure!(!minimum.is_zero(), Error::<T>::ZeroMinimum);
			sum = sum.checked_add(&minimum).ok_or(Error::<T>::RequirementsExceedTarget)?;
		}
		ensure!(sum <= target, Error::<T>::RequirementsExceedTarget);
		Ok(())
	}

	/// Releases the deposit the opener of `record` paid.
	fn release_deposit(record: &PoolOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::PoolDeposit.into(),
			&record.opener,
			record.deposit,
			Precision::Exact,
		)?;
		Ok(())
	}

	/// Appends an action on `agreement` by `who` to its trail, hashing `data`.
	fn record(
		agreement: AgreementId,
		who: &T::AccountId,
		action: AuditAction,
		data: impl Encode,
	) -> DispatchResult {
		T::AuditLog::record(
			agreement,
			Actor::Account(who.clone()),
			action,
			BlakeTwo256::hash_of(&data),
		)
	}
}
