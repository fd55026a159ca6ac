//! Storage migrations of the pools pallet, one module per version.

use super::*;

/// Version 0 to 1: pledges and escrow move from finance officers' own
/// accounts to their organisations' accounts (finding 2 of
/// docs/security.md), so that no member's personal key holds public money.
/// The layout is unchanged; what a pledge's key and a co-funder's account
/// mean is not.
pub mod v1 {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		migrations::VersionedMigration,
		storage::with_storage_layer,
		traits::{tokens::Preservation, UncheckedOnRuntimeUpgrade},
	};
	use sp_runtime::traits::Saturating;

	/// Moves `amount` held under `reason` on `from` to the same hold on `to`.
	pub(super) fn move_held<T: Config>(
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::release(&reason.into(), from, amount, Precision::Exact)?;
		T::Currency::transfer(from, to, amount, Preservation::Expendable)?;
		T::Currency::hold(&reason.into(), to, amount)?;
		Ok(())
	}

	/// Moves every open pledge to its organisation account, merging the
	/// pledges of one organisation; returns (moved, kept where they were).
	fn move_pledges<T: Config>() -> (u64, u64) {
		let (mut moved, mut kept) = (0u64, 0u64);
		let pledges: Vec<_> = Pledges::<T>::iter().collect();
		for (pool, account, pledge) in pledges {
			let target = T::Organisations::account(pledge.organisation);
			if account == target {
				continue;
			}
			let result = with_storage_layer(|| {
				move_held::<T>(HoldReason::Pledged, &account, &target, pledge.amount)?;
				Pledges::<T>::remove(pool, &account);
				Pledges::<T>::try_mutate(pool, &target, |merged| {
					let amount = match merged {
						Some(existing) => existing.amount.checked_add(&pledge.amount),
						None => Some(pledge.amount),
					}
					.ok_or(Error::<T>::Overflow)?;
					*merged = Some(Pledge { organisation: pledge.organisation, amount });
					Ok::<_, DispatchError>(())
				})
			});
			match result {
				Ok(()) => moved = moved.saturating_add(1),
				Err(error) => {
					log::warn!(
						target: "runtime::pools",
						"pledge of organisation {} to pool {pool} left on {account:?}: {error:?}",
						pledge.organisation,
					);
					kept = kept.saturating_add(1);
				},
			}
		}
		// Merged pledges count once.
		let pools: Vec<_> = Pools::<T>::iter().collect();
		for (pool, mut record) in pools {
			let count = Pledges::<T>::iter_prefix(pool).count() as u32;
			match &mut record.status {
				PoolStatus::Open { pledgers, .. } | PoolStatus::Releasing { pledgers, .. } => {
					*pledgers = count
				},
				PoolStatus::Committed { .. }
				| PoolStatus::Failed { .. }
				| PoolStatus::Proposed { .. }
				| PoolStatus::Rejected { .. } => continue,
			}
			Pools::<T>::insert(pool, record);
		}
		(moved, kept)
	}

	/// Moves every co-funder's committed and retained money to its
	/// organisation account and merges one organisation's shares; returns
	/// (moved, kept where they were).
	fn move_escrows<T: Config>() -> (u64, u64) {
		let (mut moved, mut kept) = (0u64, 0u64);
		let escrows: Vec<_> = Escrows::<T>::iter().collect();
		for (agreement, mut escrow) in escrows {
			let mut funders: Vec<FunderOf<T>> = Vec::new();
			for mut funder in escrow.funders.clone() {
				let target = T::Organisations::account(funder.organisation);
				if funder.account != target {
					let result = with_storage_layer(|| {
						move_held::<T>(
							HoldReason::Committed,
							&funder.account,
							&target,
							funder.remaining,
						)?;
						move_held::<T>(
							HoldReason::Retention,
							&funder.account,
							&target,
							funder.retained,
						)
					});
					match result {
						Ok(()) => {
							funder.account = target;
							moved = moved.saturating_add(1);
						},
						Err(error) => {
							log::warn!(
								target: "runtime::pools",
								"escrow of agreement {agreement} left on {:?}: {error:?}",
								funder.account,
							);
							kept = kept.saturating_add(1);
						},
					}
				}
				match funders.iter_mut().find(|f| f.account == funder.account) {
					Some(merged) => {
						merged.committed = merged.committed.saturating_add(funder.committed);
						merged.remaining = merged.remaining.saturating_add(funder.remaining);
						merged.retained = merged.retained.saturating_add(funder.retained);
					},
					None => funders.push(funder),
				}
			}
			funders.sort_by(|a, b| (a.organisation, &a.account).cmp(&(b.organisation, &b.account)));
			let count = funders.len() as u32;
			// Fewer funders than before: within the bound.
			escrow.funders = BoundedVec::truncate_from(funders);
			let pool = escrow.pool;
			Escrows::<T>::insert(agreement, escrow);
			Pools::<T>::mutate(pool, |record| {
				if let Some(Pool { status: PoolStatus::Committed { funders, .. }, .. }) = record {
					*funders = count;
				}
			});
		}
		(moved, kept)
	}

	/// Moves pledges and escrow to organisation accounts. A move the
	/// balances pallet refuses (it cannot happen for a consistent ledger)
	/// is rolled back, logged, and left where it was; try-runtime's checks
	/// then fail, so an operator rehearsing the upgrade sees it.
	pub struct Unchecked<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for Unchecked<T> {
		fn on_runtime_upgrade() -> Weight {
			let pledges = Pledges::<T>::iter().count() as u64;
			let escrows = Escrows::<T>::iter().count() as u64;
			let pools = Pools::<T>::iter().count() as u64;
			let (pledges_moved, pledges_kept) = move_pledges::<T>();
			let (shares_moved, shares_kept) = move_escrows::<T>();
			log::info!(
				target: "runtime::pools",
				"to organisation accounts: {pledges_moved} pledges moved ({pledges_kept} kept), \
				 {shares_moved} escrow shares moved ({shares_kept} kept)"
			);
			// Each move reads and writes both accounts and their holds.
			let moves = pledges_moved.saturating_add(shares_moved.saturating_mul(2));
			T::DbWeight::get().reads_writes(
				pledges
					.saturating_add(escrows)
					.saturating_add(pools.saturating_mul(2))
					.saturating_add(moves.saturating_mul(4)),
				pledges
					.saturating_add(escrows)
					.saturating_add(pools)
					.saturating_add(moves.saturating_mul(4)),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let pledged: Vec<(PoolId, OrganisationId, BalanceOf<T>)> = Pledges::<T>::iter()
				.map(|(pool, _, pledge)| (pool, pledge.organisation, pledge.amount))
				.collect();
			Ok(pledged.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			let before = Vec::<(PoolId, OrganisationId, BalanceOf<T>)>::decode(&mut &state[..])
				.map_err(|_| "undecodable pre-upgrade pledges")?;
			let mut expected = BTreeMap::<(PoolId, OrganisationId), BalanceOf<T>>::new();
			for (pool, organisation, amount) in before {
				let total = expected.entry((pool, organisation)).or_insert_with(Zero::zero);
				*total = total.saturating_add(amount);
			}
			for ((pool, organisation), amount) in expected {
				let pledge = Pledges::<T>::get(pool, T::Organisations::account(organisation))
					.ok_or("a pledge did not reach its organisation account")?;
				ensure!(pledge.amount == amount, "a pledge's amount changed in the move");
			}
			Pallet::<T>::do_try_state()
		}
	}

	/// The migration to version 1, run once when the on-chain version is 0.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, Unchecked<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

#[cfg(test)]
mod tests {
	use super::v1;
	use crate::{
		mock::{
			new_test_ext, org_account, AccountId, Balances, RuntimeHoldReason, RuntimeOrigin, Test,
			AGREEMENT, ALICE, ANNA, BOB, CHARLIE, CITY_A, CITY_B, DAVE, ENDOWMENT, TREASURY,
		},
		pallet, Escrows, Funder, HoldReason, NextPoolId, Pallet, Pledge, Pledges, Pool, PoolStatus,
	};
	use frame_support::BoundedVec;

	type Pools = Pallet<Test>;
	use frame_support::{
		assert_ok,
		traits::{fungible::InspectHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	fn signed(who: AccountId) -> RuntimeOrigin {
		RuntimeOrigin::signed(who)
	}

	fn held(reason: HoldReason, who: AccountId) -> u64 {
		Balances::balance_on_hold(&RuntimeHoldReason::Pools(reason), &who)
	}

	/// Moves `amount` under `reason` from `from` to `to`, as version 0 held it.
	fn place(reason: HoldReason, from: AccountId, to: AccountId, amount: u64) {
		v1::move_held::<Test>(reason, &from, &to, amount).expect("the hold moves");
	}

	fn upgrade() {
		#[cfg(feature = "try-runtime")]
		let state = v1::MigrateToV1::<Test>::pre_upgrade().expect("pre-upgrade checks pass");
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v1::MigrateToV1::<Test>::post_upgrade(state).expect("post-upgrade checks pass");
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
		Pallet::<Test>::do_try_state().expect("invariants hold after the upgrade");
	}

	/// Version 0 held an open pool's pledges on each finance officer's own
	/// account: city A's on Anna's and a colleague's, city B's on Bob's.
	#[test]
	fn v1_moves_open_pledges_to_organisation_accounts_and_merges_them() {
		new_test_ext().execute_with(|| {
			let pool = NextPoolId::<Test>::get();
			assert_ok!(Pools::open_pool(signed(ALICE), AGREEMENT, 1_000, 20, Default::default()));
			let parameters = pallet::Pools::<Test>::get(pool).unwrap().parameters();
			for who in [BOB, CHARLIE, DAVE] {
				assert_ok!(Pools::approve_pool(signed(who), pool, parameters));
			}
			assert_ok!(Pools::pledge(signed(ANNA), pool, 100));
			assert_ok!(Pools::pledge(signed(BOB), pool, 60));
			let colleague = TREASURY.start;
			let city_a = org_account(CITY_A);
			let city_b = org_account(CITY_B);
			place(HoldReason::Pledged, city_a, ANNA, 70);
			place(HoldReason::Pledged, city_a, colleague, 30);
			place(HoldReason::Pledged, city_b, BOB, 60);
			Pledges::<Test>::remove(pool, city_a);
			Pledges::<Test>::remove(pool, city_b);
			for (who, organisation, amount) in
				[(ANNA, CITY_A, 70), (colleague, CITY_A, 30), (BOB, CITY_B, 60)]
			{
				Pledges::<Test>::insert(pool, who, Pledge { organisation, amount });
			}
			pallet::Pools::<Test>::mutate(pool, |record| {
				if let Some(Pool { status: PoolStatus::Open { pledgers, .. }, .. }) = record {
					*pledgers = 3;
				}
			});
			StorageVersion::new(0).put::<Pallet<Test>>();
			assert!(Pallet::<Test>::do_try_state().is_err(), "version 0 keyed pledges by officer");

			upgrade();

			assert_eq!(
				Pledges::<Test>::get(pool, city_a),
				Some(Pledge { organisation: CITY_A, amount: 100 })
			);
			assert_eq!(
				Pledges::<Test>::get(pool, city_b),
				Some(Pledge { organisation: CITY_B, amount: 60 })
			);
			assert_eq!(Pledges::<Test>::iter_prefix(pool).count(), 2);
			assert!(matches!(
				pallet::Pools::<Test>::get(pool).map(|record| record.status),
				Some(PoolStatus::Open { pledgers: 2, pledged: 160, .. })
			));
			for who in [ANNA, colleague, BOB] {
				assert_eq!(held(HoldReason::Pledged, who), 0);
				assert_eq!(Balances::free_balance(who), ENDOWMENT);
			}
			assert_eq!(
				(held(HoldReason::Pledged, city_a), held(HoldReason::Pledged, city_b)),
				(100, 60)
			);
		});
	}

	/// Version 0 held committed and retained money on the pledgers' own
	/// accounts; city A's share was split over two of its officers.
	#[test]
	fn v1_moves_escrow_to_organisation_accounts_and_merges_shares() {
		new_test_ext().execute_with(|| {
			let pool = NextPoolId::<Test>::get();
			assert_ok!(Pools::open_pool(signed(ALICE), AGREEMENT, 1_000, 20, Default::default()));
			let parameters = pallet::Pools::<Test>::get(pool).unwrap().parameters();
			for who in [BOB, CHARLIE, DAVE] {
				assert_ok!(Pools::approve_pool(signed(who), pool, parameters));
			}
			assert_ok!(Pools::pledge(signed(ANNA), pool, 500));
			assert_ok!(Pools::pledge(signed(BOB), pool, 300));
			assert_ok!(Pools::pledge(signed(DAVE), pool, 200));
			assert_ok!(<Pools as civitas_primitives::Escrow<_, _>>::pay(
				AGREEMENT, &CHARLIE, 400, 100
			));
			let upgraded = Escrows::<Test>::get(AGREEMENT).unwrap();
			let colleague = TREASURY.start;
			let mut funders = Vec::new();
			for funder in upgraded.funders.iter().cloned() {
				let personal = match funder.organisation {
					CITY_A => ANNA,
					CITY_B => BOB,
					_ => DAVE,
				};
				place(HoldReason::Committed, funder.account, personal, funder.remaining);
				place(HoldReason::Retention, funder.account, personal, funder.retained);
				if funder.organisation == CITY_A {
					// Half of city A's share on a colleague's account.
					let half = Funder {
						account: colleague,
						organisation: CITY_A,
						committed: funder.committed / 2,
						remaining: funder.remaining / 2,
						retained: funder.retained / 2,
					};
					place(HoldReason::Committed, personal, colleague, half.remaining);
					place(HoldReason::Retention, personal, colleague, half.retained);
					funders.push(Funder {
						account: personal,
						committed: funder.committed - half.committed,
						remaining: funder.remaining - half.remaining,
						retained: funder.retained - half.retained,
						..funder
					});
					funders.push(half);
				} else {
					funders.push(Funder { account: personal, ..funder });
				}
			}
			funders.sort_by_key(|a| (a.organisation, a.account));
			Escrows::<Test>::mutate(AGREEMENT, |escrow| {
				escrow.as_mut().unwrap().funders = BoundedVec::truncate_from(funders);
			});
			pallet::Pools::<Test>::mutate(pool, |record| {
				if let Some(Pool { status: PoolStatus::Committed { funders, .. }, .. }) = record {
					*funders = 4;
				}
			});
			StorageVersion::new(0).put::<Pallet<Test>>();

			upgrade();

			assert_eq!(Escrows::<Test>::get(AGREEMENT), Some(upgraded));
			assert!(matches!(
				pallet::Pools::<Test>::get(pool).map(|record| record.status),
				Some(PoolStatus::Committed { funders: 3, .. })
			));
			for who in [ANNA, colleague, BOB, DAVE] {
				assert_eq!(held(HoldReason::Committed, who), 0);
				assert_eq!(held(HoldReason::Retention, who), 0);
			}
		});
	}
}
