//! Weights for `pallet_civitas_governance`: placeholder until
//! `scripts/benchmark.sh governance` generates this file.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn approve_code() -> Weight;
	fn revoke_code() -> Weight;
	fn authorize_upgrade() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn approve_code() -> Weight {
		Weight::zero()
	}
	fn revoke_code() -> Weight {
		Weight::zero()
	}
	fn authorize_upgrade() -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn approve_code() -> Weight {
		Weight::zero()
	}
	fn revoke_code() -> Weight {
		Weight::zero()
	}
	fn authorize_upgrade() -> Weight {
		Weight::zero()
	}
}
