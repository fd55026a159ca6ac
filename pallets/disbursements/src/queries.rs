//! What other pallets may ask about payouts ([`civitas_primitives::PaidSoFar`]),
//! and the pages of an agreement's recoveries the ledger API reads.

use super::*;
use civitas_primitives::PaidSoFar;
use sp_runtime::traits::Zero;

/// The gross amount paid for a milestone: the agreements pallet refuses an
/// amendment that would cut the milestone below it.
impl<T: Config> PaidSoFar<BalanceOf<T>> for Pallet<T> {
	fn paid(agreement: AgreementId, milestone: MilestoneIndex) -> BalanceOf<T> {
		match Milestones::<T>::get(agreement, milestone).map(|record| record.status) {
			Some(MilestoneStatus::Paid { disbursement, .. }) => {
				Disbursements::<T>::get(disbursement).map_or(Zero::zero(), |paid| paid.gross)
			},
			_ => Zero::zero(),
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The recoveries of `agreement`, open or not: at most `limit` of them,
	/// in the index's (hashed) order, starting after `after` if given.
	pub fn recoveries_of(
		agreement: AgreementId,
		after: Option<RecoveryId>,
		limit: u32,
	) -> alloc::vec::Vec<(RecoveryId, RecoveryOf<T>)> {
		let limit = usize::try_from(limit).unwrap_or(usize::MAX);
		let ids = match after {
			Some(after) => RecoveriesOf::<T>::iter_key_prefix_from(
				agreement,
				RecoveriesOf::<T>::hashed_key_for(agreement, after),
			),
			None => RecoveriesOf::<T>::iter_key_prefix(agreement),
		};
		ids.take(limit).filter_map(|id| Some((id, Recoveries::<T>::get(id)?))).collect()
	}
}
