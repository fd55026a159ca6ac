
//! Weights for `pallet_civitas_registry`, generated from its benchmarks by the Substrate
//! benchmark CLI 64.0.0 on 2026-12-02: `scripts/benchmark.sh` regenerates
//! this file; do not edit it by hand.
//!
//! STEPS: `50`, REPEAT: `20`, WASM-EXECUTION: `Compiled`,
//! CHAIN: `Some("dev")`, DB CACHE: `1024`, CPU: `AMD EPYC`

// Executed Command:
// /root/.cache/civitas/target/debug/civitas-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_civitas_registry
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weights-template.hbs
// --output
// pallets/registry/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_civitas_registry`.
pub trait WeightInfo {
	fn admit() -> Weight;
	fn update() -> Weight;
	fn suspend() -> Weight;
	fn reinstate() -> Weight;
	fn add_member() -> Weight;
	fn set_roles() -> Weight;
	fn remove_member() -> Weight;
	fn set_spend_threshold() -> Weight;
	fn propose_spend() -> Weight;
	fn approve_spend() -> Weight;
	fn cancel_spend() -> Weight;
}

/// Weights for `pallet_civitas_registry` measured on this chain's reference hardware,
/// charged against the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::LegalIdentifiers` (r:1 w:1)
	/// Proof: `Registry::LegalIdentifiers` (`max_values`: None, `max_size`: Some(119), added: 2594, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::NextOrganisationId` (r:1 w:1)
	/// Proof: `Registry::NextOrganisationId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:0 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn admit() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `612`
		//  Estimated: `3584`
		// Minimum execution time: 375_430_000 picoseconds.
		Weight::from_parts(394_729_000, 3584)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::LegalIdentifiers` (r:1 w:2)
	/// Proof: `Registry::LegalIdentifiers` (`max_values`: None, `max_size`: Some(119), added: 2594, mode: `MaxEncodedLen`)
	fn update() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `672`
		//  Estimated: `3732`
		// Minimum execution time: 324_323_000 picoseconds.
		Weight::from_parts(347_929_000, 3732)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn suspend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `426`
		//  Estimated: `3732`
		// Minimum execution time: 200_029_000 picoseconds.
		Weight::from_parts(211_996_000, 3732)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn reinstate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `426`
		//  Estimated: `3732`
		// Minimum execution time: 202_883_000 picoseconds.
		Weight::from_parts(213_859_000, 3732)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn add_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `917`
		//  Estimated: `6152`
		// Minimum execution time: 1_007_202_000 picoseconds.
		Weight::from_parts(1_071_468_000, 6152)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	fn set_roles() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `926`
		//  Estimated: `6152`
		// Minimum execution time: 366_897_000 picoseconds.
		Weight::from_parts(399_716_000, 6152)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn remove_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1084`
		//  Estimated: `6152`
		// Minimum execution time: 902_716_000 picoseconds.
		Weight::from_parts(946_252_000, 6152)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	fn set_spend_threshold() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1176`
		//  Estimated: `3732`
		// Minimum execution time: 328_740_000 picoseconds.
		Weight::from_parts(362_711_000, 3732)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::NextSpendId` (r:1 w:1)
	/// Proof: `Registry::NextSpendId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Spends` (r:0 w:1)
	/// Proof: `Registry::Spends` (`max_values`: None, `max_size`: Some(2206), added: 4681, mode: `MaxEncodedLen`)
	fn propose_spend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `878`
		//  Estimated: `3748`
		// Minimum execution time: 956_717_000 picoseconds.
		Weight::from_parts(1_026_020_000, 3748)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:63 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Spends` (r:1 w:1)
	/// Proof: `Registry::Spends` (`max_values`: None, `max_size`: Some(2206), added: 4681, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn approve_spend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7507`
		//  Estimated: `163593`
		// Minimum execution time: 4_415_555_000 picoseconds.
		Weight::from_parts(4_606_620_000, 163593)
			.saturating_add(T::DbWeight::get().reads(69_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Registry::Spends` (r:1 w:1)
	/// Proof: `Registry::Spends` (`max_values`: None, `max_size`: Some(2206), added: 4681, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn cancel_spend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1169`
		//  Estimated: `5671`
		// Minimum execution time: 869_276_000 picoseconds.
		Weight::from_parts(931_079_000, 5671)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same measurements against ParityDB's default weights, for mock
/// runtimes in tests.
impl WeightInfo for () {
	fn admit() -> Weight {
		Weight::from_parts(394_729_000, 3584)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn update() -> Weight {
		Weight::from_parts(347_929_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(211_996_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(213_859_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_member() -> Weight {
		Weight::from_parts(1_071_468_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_roles() -> Weight {
		Weight::from_parts(399_716_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_member() -> Weight {
		Weight::from_parts(946_252_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_spend_threshold() -> Weight {
		Weight::from_parts(362_711_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn propose_spend() -> Weight {
		Weight::from_parts(1_026_020_000, 3748)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn approve_spend() -> Weight {
		Weight::from_parts(4_606_620_000, 163593)
			.saturating_add(ParityDbWeight::get().reads(69_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn cancel_spend() -> Weight {
		Weight::from_parts(931_079_000, 5671)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}
