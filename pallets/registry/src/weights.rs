//! PROVISIONAL — replaced by `scripts/benchmark.sh` output before this
//! change lands. Only the trait's shape is meant here.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn admit() -> Weight;
	fn update() -> Weight;
	fn suspend() -> Weight;
	fn reinstate() -> Weight;
	fn add_member() -> Weight;
	fn set_roles() -> Weight;
	fn remove_member() -> Weight;
}

impl WeightInfo for () {
	fn admit() -> Weight {
		Weight::zero()
	}
	fn update() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn reinstate() -> Weight {
		Weight::zero()
	}
	fn add_member() -> Weight {
		Weight::zero()
	}
	fn set_roles() -> Weight {
		Weight::zero()
	}
	fn remove_member() -> Weight {
		Weight::zero()
	}
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn admit() -> Weight {
		Weight::zero()
	}
	fn update() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn reinstate() -> Weight {
		Weight::zero()
	}
	fn add_member() -> Weight {
		Weight::zero()
	}
	fn set_roles() -> Weight {
		Weight::zero()
	}
	fn remove_member() -> Weight {
		Weight::zero()
	}
}
