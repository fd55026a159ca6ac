//! What other pallets may ask about payouts ([`civitas_primitives::PaidSoFar`]).

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
