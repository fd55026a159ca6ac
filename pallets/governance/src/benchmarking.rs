//! Benchmarks of the governance pallet's calls, each in its most expensive path.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};

fn code(seed: u32) -> H256 {
	H256::from_low_u64_be(u64::from(seed).saturating_add(1))
}

/// Approves codes until one slot is left, so the count read and the map
/// write happen against a full map.
fn approve_all_but_one<T: Config>() {
	let mut seed = 1;
	while ApprovedCode::<T>::count().saturating_add(1) < T::MaxApprovedCode::get() {
		ApprovedCode::<T>::insert(code(seed), CodeApproval { approved_at: 0u32.into() });
		seed = seed.saturating_add(1);
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn approve_code() -> Result<(), BenchmarkError> {
		approve_all_but_one::<T>();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code(0));
		assert!(Pallet::<T>::is_approved(&code(0)));
		Ok(())
	}

	#[benchmark]
	fn revoke_code() -> Result<(), BenchmarkError> {
		approve_all_but_one::<T>();
		ApprovedCode::<T>::insert(code(0), CodeApproval { approved_at: 0u32.into() });
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code(0));
		assert!(!Pallet::<T>::is_approved(&code(0)));
		Ok(())
	}

	#[benchmark]
	fn authorize_upgrade() -> Result<(), BenchmarkError> {
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code(0));
		assert!(frame_system::Pallet::<T>::authorized_upgrade().is_some());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
