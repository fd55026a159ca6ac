//! The invariants `try_state` checks, listed in the crate documentation.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks every agreement, version, consent and deposit hold.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::traits::Zero;

		let next = NextAgreementId::<T>::get();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (agreement, record) in Agreements::<T>::iter() {
			ensure!(agreement < next, "agreement id at or beyond the next id");
			let parties: BTreeSet<_> =
				record.parties.iter().map(|party| party.organisation).collect();
			ensure!(parties.len() == record.parties.len(), "duplicate party");
			ensure!(
				record.parties.iter().any(|p| p.role == PartyRole::PublicAuthority)
					&& record.parties.iter().any(|p| p.role == PartyRole::PrivateParty),
				"agreement without a public authority and a private party"
			);
			deposits.entry(record.proposer.clone()).or_insert_with(Zero::zero);
			// Its proposal at least is on its trail.
			ensure!(T::AuditLog::len(agreement) > 0, "agreement without an audit trail");

			let in_force = record.status.version_in_force();
			let pending = record.status.pending_version();
			let last = pending.or(in_force).ok_or("agreement without versions")?;
			if let (Some(in_force), Some(pending)) = (in_force, pending) {
				ensure!(pending == in_force.saturating_add(1), "amendment out of sequence");
			}
			if let Some(in_force) = in_force {
				// The contract the terms in force name still exists and holds
				// this agreement's conditions (its code may have changed since,
				// which the payout path checks and refuses).
				let terms =
					&Versions::<T>::get(agreement, in_force).ok_or("missing version")?.terms;
				let read = T::FundingConditions::conditions(
					terms.conditions.address,
					terms.conditions.code_hash,
					T::ConditionsWeightLimit::get(),
				);
				match read.result {
					Ok(conditions) => ensure!(
						conditions.agreement == agreement,
						"an agreement's contract holds another agreement's conditions"
					),
					Err(civitas_primitives::ConditionsError::CodeHashMismatch { .. }) => {},
					Err(_) => return Err("an agreement's contract gives no conditions".into()),
				}
			}
			for number in 0..=last {
				let version = Versions::<T>::get(agreement, number).ok_or("missing version")?;
				ensure!(version.terms_hash == version.terms.hash(), "stored hash differs");
				Self::validate_terms(&version.terms, &record.parties)
					.or_else(|error| {
						// Verifiers may have been suspended since; the terms
						// themselves must still be well formed.
						if error == Error::<T>::PartySuspended.into() {
							Ok(())
						} else {
							Err(error)
						}
					})
					.map_err(|_| "stored terms break a validation rule")?;
				let signers: BTreeSet<_> =
					version.signatures.iter().map(|s| s.organisation).collect();
				ensure!(signers.len() == version.signatures.len(), "party signed twice");
				ensure!(signers.is_subset(&parties), "signature by a non-party");
				let expected_state = if Some(number) == pending {
					"proposed"
				} else if Some(number) == in_force {
					"in force"
				} else {
					"superseded"
				};
				let state_matches = match (&version.state, expected_state) {
					(VersionState::Proposed { deposit }, "proposed") => {
						let total =
							deposits.entry(version.proposer.clone()).or_insert_with(Zero::zero);
						*total = total.saturating_add(*deposit);
						ensure!(signers.len() < parties.len(), "fully signed but not in force");
						true
					},
					(VersionState::InForce { .. }, "in force")
					| (VersionState::Superseded { .. }, "superseded") => {
						ensure!(signers == parties, "in force without every signature");
						true
					},
					_ => false,
				};
				ensure!(state_matches, "version state does not match the agreement's status");
			}
			ensure!(
				Versions::<T>::get(agreement, last.saturating_add(1)).is_none(),
				"version beyond the last"
			);
		}
		for (agreement, _) in Versions::<T>::iter_keys() {
			ensure!(Agreements::<T>::contains_key(agreement), "version of an unknown agreement");
		}
		for (agreement, action, consents) in Consents::<T>::iter() {
			let record =
				Agreements::<T>::get(agreement).ok_or("consent to an unknown agreement")?;
			ensure!(
				Self::ensure_allowed(&record.status, action).is_ok(),
				"consent to an action the status does not allow"
			);
			ensure!(
				consents.iter().all(|o| record.parties.iter().any(|p| p.organisation == *o)),
				"consent by a non-party"
			);
			ensure!(
				consents.len() < record.parties.len(),
				"every party consented, nothing applied"
			);
		}
		for (who, total) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::TermsDeposit.into(), &who);
			ensure!(held == total, "terms deposit hold differs from the pending versions");
		}
		// The index exists from storage version 2 on (a chain migrating from
		// version 1 builds it in the same upgrade).
		if <Pallet<T> as frame_support::traits::GetStorageVersion>::on_chain_storage_version() >= 2
		{
			Self::check_party_index()?;
		}
		if <Pallet<T> as frame_support::traits::GetStorageVersion>::on_chain_storage_version() >= 3
		{
			Self::check_stage_index()?;
		}
		Ok(())
	}

	/// [`AgreementsIn`] lists every agreement once, under its stage.
	fn check_stage_index() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut indexed: u64 = 0;
		for (stage, agreement) in AgreementsIn::<T>::iter_keys() {
			ensure!(
				Agreements::<T>::get(agreement)
					.is_some_and(|record| record.status.stage() == stage),
				"an agreement is indexed under a stage it is not in"
			);
			indexed = indexed.saturating_add(1);
		}
		ensure!(
			indexed == Agreements::<T>::iter_keys().count() as u64,
			"an agreement is missing from the stage index"
		);
		Ok(())
	}

	/// [`AgreementsOf`] lists exactly every agreement's parties, each with
	/// its part.
	fn check_party_index() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut indexed: u64 = 0;
		for (organisation, agreement, role) in AgreementsOf::<T>::iter() {
			ensure!(
				Agreements::<T>::get(agreement).is_some_and(|record| record
					.parties
					.iter()
					.any(|party| party.organisation == organisation && party.role == role)),
				"an agreement is indexed under an organisation that is not its party in that part"
			);
			indexed = indexed.saturating_add(1);
		}
		let parties: u64 =
			Agreements::<T>::iter_values().map(|record| record.parties.len() as u64).sum();
		ensure!(indexed == parties, "a party of an agreement is missing from the index");
		Ok(())
	}
}
