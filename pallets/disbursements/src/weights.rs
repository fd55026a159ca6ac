//! Weights for `pallet_civitas_disbursements`: replaced by `scripts/benchmark.sh disbursements`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_civitas_disbursements`.
pub trait WeightInfo {
	fn submit_evidence(n: u32, ) -> Weight;
	fn approve() -> Weight;
	fn approve_and_pay(n: u32, ) -> Weight;
	fn disburse(n: u32, ) -> Weight;
	fn open_recovery() -> Weight;
	fn repay_recovery(n: u32, ) -> Weight;
	fn raise_dispute() -> Weight;
	fn resolve_dispute() -> Weight;
	fn settle(n: u32, ) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn submit_evidence(_n: u32, ) -> Weight { Weight::MAX }
	fn approve() -> Weight { Weight::MAX }
	fn approve_and_pay(_n: u32, ) -> Weight { Weight::MAX }
	fn disburse(_n: u32, ) -> Weight { Weight::MAX }
	fn open_recovery() -> Weight { Weight::MAX }
	fn repay_recovery(_n: u32, ) -> Weight { Weight::MAX }
	fn raise_dispute() -> Weight { Weight::MAX }
	fn resolve_dispute() -> Weight { Weight::MAX }
	fn settle(_n: u32, ) -> Weight { Weight::MAX }
}

impl WeightInfo for () {
	fn submit_evidence(_n: u32, ) -> Weight { Weight::zero() }
	fn approve() -> Weight { Weight::zero() }
	fn approve_and_pay(_n: u32, ) -> Weight { Weight::zero() }
	fn disburse(_n: u32, ) -> Weight { Weight::zero() }
	fn open_recovery() -> Weight { Weight::zero() }
	fn repay_recovery(_n: u32, ) -> Weight { Weight::zero() }
	fn raise_dispute() -> Weight { Weight::zero() }
	fn resolve_dispute() -> Weight { Weight::zero() }
	fn settle(_n: u32, ) -> Weight { Weight::zero() }
}
