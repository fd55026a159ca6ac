//! PROVISIONAL — replaced by `scripts/benchmark.sh` output before this
//! change lands. Only the trait's shape is meant here.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

pub trait WeightInfo {
	fn propose() -> Weight;
	fn sign() -> Weight;
	fn withdraw() -> Weight;
	fn propose_amendment() -> Weight;
	fn withdraw_amendment() -> Weight;
	fn suspend() -> Weight;
	fn resume() -> Weight;
	fn terminate() -> Weight;
	fn complete() -> Weight;
}

impl WeightInfo for () {
	fn propose() -> Weight {
		Weight::zero()
	}
	fn sign() -> Weight {
		Weight::zero()
	}
	fn withdraw() -> Weight {
		Weight::zero()
	}
	fn propose_amendment() -> Weight {
		Weight::zero()
	}
	fn withdraw_amendment() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn resume() -> Weight {
		Weight::zero()
	}
	fn terminate() -> Weight {
		Weight::zero()
	}
	fn complete() -> Weight {
		Weight::zero()
	}
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn propose() -> Weight {
		Weight::zero()
	}
	fn sign() -> Weight {
		Weight::zero()
	}
	fn withdraw() -> Weight {
		Weight::zero()
	}
	fn propose_amendment() -> Weight {
		Weight::zero()
	}
	fn withdraw_amendment() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn resume() -> Weight {
		Weight::zero()
	}
	fn terminate() -> Weight {
		Weight::zero()
	}
	fn complete() -> Weight {
		Weight::zero()
	}
}
