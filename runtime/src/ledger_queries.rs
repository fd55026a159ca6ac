//! The answers of the [`LedgerApi`](civitas_primitives::ledger_api::LedgerApi),
//! read from the pallets' storage at the block the API is called at.
//!
//! Every answer is about one organisation or one agreement and reads only
//! its records (or a bounded page of an index), so that a query costs the
//! same however many agreements the chain holds.

use alloc::vec::Vec;

use civitas_primitives::{
	ledger_api::{
		check_page, AgreementView, DisputesView, FundingView, MilestoneView, NumberedVersion,
		OrganisationView, PayoutView, QueryError, RecoveryView,
	},
	records::disbursement::{MilestoneStatus, OcdsMilestoneStatus, RecoveryId},
	AgreementId, OrganisationId, Stage,
};
use pallet_civitas_agreements as agreements;
use pallet_civitas_disbursements as disbursements;
use pallet_civitas_pools as pools;
use pallet_civitas_registry as registry;

use crate::{AccountId, Balance, BlockNumber, Runtime};

/// An organisation with its account and members.
pub fn organisation(
	id: OrganisationId,
) -> Result<OrganisationView<AccountId, BlockNumber>, QueryError> {
	let organisation =
		registry::Organisations::<Runtime>::get(id).ok_or(QueryError::UnknownOrganisation)?;
	Ok(OrganisationView {
		id,
		organisation,
		account: registry::Pallet::<Runtime>::organisation_account(id),
		members: registry::Pallet::<Runtime>::members_of(id),
	})
}

/// An agreement with every stored version of its terms, oldest first.
pub fn agreement(
	id: AgreementId,
) -> Result<AgreementView<AccountId, Balance, BlockNumber>, QueryError> {
	let agreement =
		agreements::Agreements::<Runtime>::get(id).ok_or(QueryError::UnknownAgreement)?;
	// The map's order is hashed: sorted here, at most one version per
	// amendment the parties signed.
	let mut versions: Vec<_> = agreements::Versions::<Runtime>::iter_prefix(id)
		.map(|(number, version)| NumberedVersion { number, version })
		.collect();
	versions.sort_by_key(|numbered| numbered.number);
	Ok(AgreementView { id, agreement, versions })
}

/// A page of the agreements in `stage`.
pub fn agreements_in(
	stage: Stage,
	after: Option<AgreementId>,
	limit: u32,
) -> Result<Vec<AgreementId>, QueryError> {
	check_page(limit)?;
	Ok(agreements::Pallet::<Runtime>::agreements_in(stage, after, limit))
}

/// An agreement's latest pool with its open pledges, its escrow and ledger.
pub fn funding(
	id: AgreementId,
) -> Result<FundingView<AccountId, Balance, BlockNumber>, QueryError> {
	ensure_agreement(id)?;
	let pool = pools::AgreementPool::<Runtime>::get(id)
		.and_then(|pool| Some((pool, pools::Pools::<Runtime>::get(pool)?)));
	// A pool holds at most one pledge per co-funding party.
	let pledges = match &pool {
		Some((pool, _)) => pools::Pledges::<Runtime>::iter_prefix(pool).collect(),
		None => Vec::new(),
	};
	Ok(FundingView {
		pool,
		pledges,
		escrow: pools::Escrows::<Runtime>::get(id),
		ledger: disbursements::Ledgers::<Runtime>::get(id),
	})
}

/// The milestones of the terms in force (the draft's, before activation).
pub fn milestones(
	id: AgreementId,
) -> Result<Vec<MilestoneView<AccountId, Balance, BlockNumber>>, QueryError> {
	let record = agreements::Agreements::<Runtime>::get(id).ok_or(QueryError::UnknownAgreement)?;
	let number = record.status.version_in_force().unwrap_or(0);
	let Some(version) = agreements::Versions::<Runtime>::get(id, number) else {
		return Ok(Vec::new());
	};
	Ok((0u32..)
		.zip(version.terms.milestones)
		.map(|(index, milestone)| {
			let review = disbursements::Milestones::<Runtime>::get(id, index);
			MilestoneView {
				index,
				milestone,
				ocds_status: review
					.as_ref()
					.map_or(OcdsMilestoneStatus::Scheduled, |review| review.ocds_status()),
				review,
			}
		})
		.collect())
}

/// Every payout of an agreement, in milestone order: each paid milestone
/// names its payout.
pub fn payouts(
	id: AgreementId,
) -> Result<Vec<PayoutView<AccountId, Balance, BlockNumber>>, QueryError> {
	ensure_agreement(id)?;
	let mut paid: Vec<_> = disbursements::Milestones::<Runtime>::iter_prefix(id)
		.filter_map(|(index, review)| match review.status {
			MilestoneStatus::Paid { disbursement, .. } => Some((index, disbursement)),
			_ => None,
		})
		.collect();
	paid.sort_by_key(|(index, _)| *index);
	Ok(paid
		.into_iter()
		.filter_map(|(_, id)| {
			Some(PayoutView { id, payout: disbursements::Disbursements::<Runtime>::get(id)? })
		})
		.collect())
}

/// A page of an agreement's recoveries.
pub fn recoveries(
	id: AgreementId,
	after: Option<RecoveryId>,
	limit: u32,
) -> Result<Vec<RecoveryView<AccountId, Balance, BlockNumber>>, QueryError> {
	check_page(limit)?;
	ensure_agreement(id)?;
	Ok(disbursements::Pallet::<Runtime>::recoveries_of(id, after, limit)
		.into_iter()
		.map(|(id, recovery)| RecoveryView { id, recovery })
		.collect())
}

/// An agreement's open dispute and disputed time.
pub fn disputes(
	id: AgreementId,
) -> Result<DisputesView<AccountId, Balance, BlockNumber>, QueryError> {
	ensure_agreement(id)?;
	Ok(DisputesView {
		open: disbursements::Disputes::<Runtime>::get(id),
		disputed_time: disbursements::DisputedTimes::<Runtime>::get(id),
	})
}

/// Fails if no organisation has this id.
pub fn ensure_organisation(organisation: OrganisationId) -> Result<(), QueryError> {
	if registry::Organisations::<Runtime>::contains_key(organisation) {
		Ok(())
	} else {
		Err(QueryError::UnknownOrganisation)
	}
}

/// Fails if no agreement has this id.
fn ensure_agreement(agreement: AgreementId) -> Result<(), QueryError> {
	if agreements::Agreements::<Runtime>::contains_key(agreement) {
		Ok(())
	} else {
		Err(QueryError::UnknownAgreement)
	}
}
