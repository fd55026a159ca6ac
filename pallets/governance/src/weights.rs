
//! Weights for `pallet_civitas_governance`, generated from its benchmarks by the Substrate
//! benchmark CLI 64.0.0 on 2026-12-03: `scripts/benchmark.sh` regenerates
//! this file; do not edit it by hand.
//!
//! STEPS: `50`, REPEAT: `20`, WASM-EXECUTION: `Compiled`,
//! CHAIN: `Some("dev")`, DB CACHE: `1024`, CPU: `Intel(R) Xeon(R) Processor`

// Executed Command:
// /root/.cache/civitas/target/debug/civitas-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_civitas_governance
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weights-template.hbs
// --output
// pallets/governance/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_civitas_governance`.
pub trait WeightInfo {
	fn approve_code() -> Weight;
	fn revoke_code() -> Weight;
	fn authorize_upgrade() -> Weight;
}

/// Weights for `pallet_civitas_governance` measured on this chain's reference hardware,
/// charged against the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Governance::ApprovedCode` (r:1 w:1)
	/// Proof: `Governance::ApprovedCode` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Governance::CounterForApprovedCode` (r:1 w:1)
	/// Proof: `Governance::CounterForApprovedCode` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn approve_code() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `327`
		//  Estimated: `3501`
		// Minimum execution time: 335_504_000 picoseconds.
		Weight::from_parts(517_174_000, 3501)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Governance::ApprovedCode` (r:1 w:1)
	/// Proof: `Governance::ApprovedCode` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Governance::CounterForApprovedCode` (r:1 w:1)
	/// Proof: `Governance::CounterForApprovedCode` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn revoke_code() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `334`
		//  Estimated: `3501`
		// Minimum execution time: 321_912_000 picoseconds.
		Weight::from_parts(523_875_000, 3501)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `System::AuthorizedUpgrade` (r:0 w:1)
	/// Proof: `System::AuthorizedUpgrade` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	fn authorize_upgrade() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 130_274_000 picoseconds.
		Weight::from_parts(213_422_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same measurements against ParityDB's default weights, for mock
/// runtimes in tests.
impl WeightInfo for () {
	fn approve_code() -> Weight {
		Weight::from_parts(517_174_000, 3501)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn revoke_code() -> Weight {
		Weight::from_parts(523_875_000, 3501)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn authorize_upgrade() -> Weight {
		Weight::from_parts(213_422_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
