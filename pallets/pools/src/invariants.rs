//! The pools pallet's invariants, checked by `try_state` and after every
//! unit and property test.

use super::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::fungible::InspectHold;
use sp_runtime::{traits::CheckedAdd, TryRuntimeError};

/// What one account owes under each of this pallet's hold reasons.
#[derive(Default)]
struct Owed<Balance> {
	pledged: Balance,
	committed: Balance,
	retained: Balance,
	deposits: Balance,
}

/// Adds `amount` to `total`, failing the check on overflow.
fn add<B: CheckedAdd>(total: &mut B, amount: &B) -> Result<(), TryRuntimeError> {
	*total = total.checked_add(amount).ok_or("an owed total overflows")?;
	Ok(())
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant in the crate docs.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut owed: BTreeMap<T::AccountId, Owed<BalanceOf<T>>> = BTreeMap::new();
		let next = NextPoolId::<T>::get();
		// What each agreement's committed pools raised together.
		let mut raised: BTreeMap<AgreementId, BalanceOf<T>> = BTreeMap::new();

		for (pool, record) in Pools::<T>::iter() {
			ensure!(pool < next, "a pool id is not below the next id");
			let mut pledged = BalanceOf::<T>::zero();
			let mut pledgers = 0u32;
			let mut per_organisation: BTreeMap<OrganisationId, BalanceOf<T>> = BTreeMap::new();
			for (account, pledge) in Pledges::<T>::iter_prefix(pool) {
				ensure!(!pledge.amount.is_zero(), "a pledge holds nothing");
				ensure!(
					account == T::Organisations::account(pledge.organisation),
					"a pledge is not held on its co-funder's organisation account"
				);
				add(&mut pledged, &pledge.amount)?;
				pledgers = pledgers.saturating_add(1);
				add(per_organisation.entry(pledge.organisation).or_default(), &pledge.amount)?;
				add(&mut owed.entry(account).or_default().pledged, &pledge.amount)?;
			}
			ensure!(pledgers <= MAX_PLEDGERS, "a pool has more pledgers than allowed");
			let holds_deposit = match &record.status {
				PoolStatus::Open { pledged: total, pledgers: count, co_funders } => {
					ensure!(*total == pledged, "an open pool's total differs from its pledges");
					ensure!(*count == pledgers, "an open pool's pledger count differs");
					ensure!(
						AgreementPool::<T>::get(record.agreement) == Some(pool),
						"an open pool is not its agreement's pool"
					);
					for requirement in &record.required {
						ensure!(
							co_funders.iter().any(|c| c.organisation == requirement.organisation),
							"a required co-funder is missing from an open pool's list"
						);
					}
					for co_funder in co_funders {
						let sum = per_organisation
							.remove(&co_funder.organisation)
							.unwrap_or_else(Zero::zero);
						ensure!(sum == co_funder.pledged, "a co-funder's total differs");
						ensure!(
							!sum.is_zero()
								|| record
									.required
									.iter()
									.any(|r| r.organisation == co_funder.organisation),
							"an unrequired co-funder is listed with nothing pledged"
						);
					}
					ensure!(per_organisation.is_empty(), "a pledge's organisation is unlisted");
					ensure!(
						!(pledged >= record.target
							&& record.required.iter().all(|r| co_funders.iter().any(|c| {
								c.organisation == r.organisation
									&& c.pledged >= r.minimum.resolve(record.target)
							}))),
						"an open pool meets every requirement but did not commit"
					);
					true
				},
				PoolStatus::Releasing { pledged: total, pledgers: count, .. } => {
					ensure!(*total == pledged, "a releasing pool's total differs");
					ensure!(*count == pledgers && pledgers > 0, "a releasing pool's count differs");
					ensure!(
						AgreementPool::<T>::get(record.agreement) != Some(pool),
						"a releasing pool is still its agreement's pool"
					);
					true
				},
				PoolStatus::Committed { total, funders, .. } => {
					ensure!(pledgers == 0, "a committed pool still has pledges");
					let escrow = Escrows::<T>::get(record.agreement)
						.ok_or("a committed pool has no escrow")?;
					ensure!(escrow.pool >= pool, "an escrow does not name its latest pool");
					ensure!(
						*funders as usize <= escrow.funders.len(),
						"a pool committed more co-funders than its escrow has"
					);
					ensure!(*total >= record.target, "a pool committed below its target");
					add(raised.entry(record.agreement).or_default(), total)?;
					false
				},
				PoolStatus::Failed { .. } => {
					ensure!(pledgers == 0, "a failed pool still has pledges");
					false
				},
				PoolStatus::Proposed { approved } => {
					ensure!(pledgers == 0, "a proposed pool has pledges");
					ensure!(
						AgreementPool::<T>::get(record.agreement) == Some(pool),
						"a proposed pool is not its agreement's pool"
					);
					ensure!(
						approved.first() == Some(&record.organisation),
						"a proposed pool lacks its opener's approval"
					);
					for (index, organisation) in approved.iter().enumerate() {
						ensure!(
							!approved[..index].contains(organisation),
							"a party approved a pool twice"
						);
					}
					true
				},
				PoolStatus::Rejected { .. } => {
					ensure!(pledgers == 0, "a rejected pool has pledges");
					ensure!(
						AgreementPool::<T>::get(record.agreement) != Some(pool),
						"a rejected pool is still its agreement's pool"
					);
					false
				},
			};
			if holds_deposit {
				add(&mut owed.entry(record.opener.clone()).or_default().deposits, &record.deposit)?;
			}
		}
		for (agreement, pool) in AgreementPool::<T>::iter() {
			let record = Pools::<T>::get(pool).ok_or("an agreement's pool does not exist")?;
			ensure!(record.agreement == agreement, "an agreement's pool funds another agreement");
		}

		for (agreement, escrow) in Escrows::<T>::iter() {
			let record = Pools::<T>::get(escrow.pool).ok_or("an escrow's pool does not exist")?;
			ensure!(record.agreement == agreement, "an escrow's pool funds another agreement");
			ensure!(
				matches!(record.status, PoolStatus::Committed { .. }),
				"an escrow's pool has not committed"
			);
			ensure!(
				raised.remove(&agreement) == Some(escrow.committed),
				"an escrow holds other than its committed pools raised"
			);
			// The current pool is the escrow's, or a later top-up in progress
			// (whose own arm checked it is proposed or open).
			let current = AgreementPool::<T>::get(agreement)
				.ok_or("an agreement with an escrow has no current pool")?;
			ensure!(
				current == escrow.pool
					|| (current > escrow.pool
						&& Pools::<T>::get(current).is_some_and(|p| matches!(
							p.status,
							PoolStatus::Proposed { .. } | PoolStatus::Open { .. }
						))),
				"an agreement's current pool is neither its escrow's nor a top-up"
			);
			let mut committed = BalanceOf::<T>::zero();
			for (index, funder) in escrow.funders.iter().enumerate() {
				add(&mut committed, &funder.committed)?;
				ensure!(
					funder.account == T::Organisations::account(funder.organisation),
					"escrow is not held on its co-funder's organisation account"
				);
				let held = funder.remaining.checked_add(&funder.retained).ok_or("overflow")?;
				ensure!(held <= funder.committed, "a co-funder holds more than it committed");
				if let Some(previous) = index.checked_sub(1).and_then(|i| escrow.funders.get(i)) {
					ensure!(
						(previous.organisation, &previous.account)
							< (funder.organisation, &funder.account),
						"an escrow's co-funders are not in order"
					);
				}
				let entry = owed.entry(funder.account.clone()).or_default();
				add(&mut entry.committed, &funder.remaining)?;
				add(&mut entry.retained, &funder.retained)?;
			}
			ensure!(committed == escrow.committed, "co-funders' shares do not sum to the escrow");
			let position = Self::position_of(&escrow).ok_or("an escrow's totals overflow")?;
			let accounted =
				[position.paid, position.retained, position.remaining, position.recovered]
					.iter()
					.try_fold(position.refunded, |sum, part| sum.checked_add(part))
					.ok_or("an escrow's totals overflow")?;
			ensure!(
				accounted == escrow.committed,
				"paid + retained + remaining + recovered + refunded differs from committed"
			);
		}

		// Every account the chain knows, so that a hold no record explains
		// is found too.
		for account in frame_system::Account::<T>::iter_keys() {
			let expected = owed.remove(&account).unwrap_or_default();
			for (reason, amount) in [
				(HoldReason::Pledged, expected.pledged),
				(HoldReason::Committed, expected.committed),
				(HoldReason::Retention, expected.retained),
				(HoldReason::PoolDeposit, expected.deposits),
			] {
				ensure!(
					T::Currency::balance_on_hold(&reason.into(), &account) == amount,
					"an account's hold differs from what the pools say it owes"
				);
			}
		}
		ensure!(
			owed.values().all(|o| o.pledged.is_zero()
				&& o.committed.is_zero()
				&& o.retained.is_zero()
				&& o.deposits.is_zero()),
			"the pools say an account owes funds it has no account for"
		);
		Ok(())
	}
}
