//! The registry's invariants, checked by `try_state` and after every test.

use super::*;
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::traits::{fungible::InspectHold, GetStorageVersion};
use sp_runtime::traits::{Saturating, Zero};

/// Per organisation: members, admins and signatories counted from the member records.
#[derive(Default, Clone, Copy)]
struct Counts {
	members: u32,
	admins: u32,
	signatories: u32,
}

impl<T: Config> Pallet<T> {
	/// Checks the invariants listed in the crate documentation.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut counts = BTreeMap::<OrganisationId, Counts>::new();
		let mut member_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (who, membership) in Members::<T>::iter() {
			// Every member is checked, so a hold left without its record shows.
			member_deposits.entry(who).or_insert_with(Zero::zero);
			ensure!(
				Organisations::<T>::contains_key(membership.organisation),
				"member of an unknown organisation"
			);
			ensure!(!membership.roles.is_empty(), "member without roles");
			let count = counts.entry(membership.organisation).or_default();
			count.members = count.members.saturating_add(1);
			if membership.roles.contains(Role::Admin) {
				count.admins = count.admins.saturating_add(1);
			}
			if membership.roles.contains(Role::Signatory) {
				count.signatories = count.signatories.saturating_add(1);
			}
			if let Some(Deposit { depositor, amount }) = membership.deposit {
				let total = member_deposits.entry(depositor).or_insert_with(Zero::zero);
				*total = total.saturating_add(amount);
			}
		}
		let next = NextOrganisationId::<T>::get();
		for (organisation, record) in Organisations::<T>::iter() {
			ensure!(organisation < next, "organisation id at or beyond the next id");
			let count = counts.get(&organisation).copied().unwrap_or_default();
			ensure!(record.members == count.members, "member count differs from the records");
			ensure!(record.admins == count.admins, "admin count differs from the records");
			ensure!(
				record.signatories == count.signatories,
				"signatory count differs from the records"
			);
			ensure!(record.admins >= 1, "organisation without an admin");
			ensure!(record.members <= T::MaxMembers::get(), "too many members");
			ensure!(
				record.spend_threshold >= T::MinSpendApprovals::get(),
				"spend threshold below the minimum"
			);
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
		for (depositor, total) in member_deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::MemberDeposit.into(), &depositor);
			ensure!(held == total, "member deposit hold differs from the recorded deposits");
		}
		// The index exists from storage version 2 on (a chain migrating from
		// version 1 builds it in the same upgrade).
		if Pallet::<T>::on_chain_storage_version() >= 2 {
			Self::check_member_index()?;
		}
		Self::check_spends()
	}

	/// [`MembersOf`] lists exactly the members of [`Members`], each under
	/// its organisation.
	fn check_member_index() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut indexed: u64 = 0;
		for (organisation, who, ()) in MembersOf::<T>::iter() {
			ensure!(
				Members::<T>::get(&who).is_some_and(|m| m.organisation == organisation),
				"a member is indexed under another organisation, or is no member"
			);
			indexed = indexed.saturating_add(1);
		}
		ensure!(
			indexed == Members::<T>::iter_keys().count() as u64,
			"a member is missing from the index"
		);
		Ok(())
	}

	/// Every spend belongs to a known organisation, has an id below the
	/// next and distinct approvals, and each proposer's spend-deposit hold
	/// equals the deposits of its spends.
	fn check_spends() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let next = NextSpendId::<T>::get();
		for (organisation, id, spend) in Spends::<T>::iter() {
			ensure!(
				Organisations::<T>::contains_key(organisation),
				"spend of an unknown organisation"
			);
			ensure!(id < next, "spend id at or beyond the next id");
			ensure!(!spend.amount.is_zero(), "spend of nothing");
			let distinct: BTreeSet<_> = spend.approvals.iter().collect();
			ensure!(distinct.len() == spend.approvals.len(), "an approval counted twice");
			let total = deposits.entry(spend.proposer).or_insert_with(Zero::zero);
			*total = total.saturating_add(spend.deposit);
		}
		for (proposer, total) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::SpendDeposit.into(), &proposer);
			ensure!(held == total, "spend deposit hold differs from the recorded spends");
		}
		Ok(())
	}
}
