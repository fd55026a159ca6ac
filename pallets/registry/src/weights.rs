
//! Weights for `pallet_civitas_registry`, generated from its benchmarks by the Substrate
//! benchmark CLI 64.0.0 on 2026-12-03: `scripts/benchmark.sh` regenerates
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
	/// Storage: `Registry::MembersOf` (r:0 w:1)
	/// Proof: `Registry::MembersOf` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:0 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn admit() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `645`
		//  Estimated: `3584`
		// Minimum execution time: 425_324_000 picoseconds.
		Weight::from_parts(497_622_000, 3584)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::LegalIdentifiers` (r:1 w:2)
	/// Proof: `Registry::LegalIdentifiers` (`max_values`: None, `max_size`: Some(119), added: 2594, mode: `MaxEncodedLen`)
	fn update() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `705`
		//  Estimated: `3732`
		// Minimum execution time: 358_785_000 picoseconds.
		Weight::from_parts(405_975_000, 3732)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn suspend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `459`
		//  Estimated: `3732`
		// Minimum execution time: 214_971_000 picoseconds.
		Weight::from_parts(234_210_000, 3732)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	fn reinstate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `459`
		//  Estimated: `3732`
		// Minimum execution time: 212_818_000 picoseconds.
		Weight::from_parts(230_273_000, 3732)
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
	/// Storage: `Registry::MembersOf` (r:0 w:1)
	/// Proof: `Registry::MembersOf` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	fn add_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `950`
		//  Estimated: `6152`
		// Minimum execution time: 1_097_788_000 picoseconds.
		Weight::from_parts(1_215_433_000, 6152)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	fn set_roles() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `959`
		//  Estimated: `6152`
		// Minimum execution time: 407_838_000 picoseconds.
		Weight::from_parts(451_093_000, 6152)
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
	/// Storage: `Registry::MembersOf` (r:0 w:1)
	/// Proof: `Registry::MembersOf` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	fn remove_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1117`
		//  Estimated: `6152`
		// Minimum execution time: 998_239_000 picoseconds.
		Weight::from_parts(1_190_656_000, 6152)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	fn set_spend_threshold() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1209`
		//  Estimated: `3732`
		// Minimum execution time: 381_820_000 picoseconds.
		Weight::from_parts(459_285_000, 3732)
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
		//  Measured:  `911`
		//  Estimated: `3748`
		// Minimum execution time: 1_083_246_000 picoseconds.
		Weight::from_parts(1_214_402_000, 3748)
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
		//  Measured:  `7540`
		//  Estimated: `163593`
		// Minimum execution time: 4_939_377_000 picoseconds.
		Weight::from_parts(5_352_954_000, 163593)
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
		//  Measured:  `1202`
		//  Estimated: `5671`
		// Minimum execution time: 976_427_000 picoseconds.
		Weight::from_parts(1_116_446_000, 5671)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same measurements against ParityDB's default weights, for mock
/// runtimes in tests.
impl WeightInfo for () {
	fn admit() -> Weight {
		Weight::from_parts(497_622_000, 3584)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn update() -> Weight {
		Weight::from_parts(405_975_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(234_210_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(230_273_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_member() -> Weight {
		Weight::from_parts(1_215_433_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_roles() -> Weight {
		Weight::from_parts(451_093_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_member() -> Weight {
		Weight::from_parts(1_190_656_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_spend_threshold() -> Weight {
		Weight::from_parts(459_285_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn propose_spend() -> Weight {
		Weight::from_parts(1_214_402_000, 3748)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn approve_spend() -> Weight {
		Weight::from_parts(5_352_954_000, 163593)
			.saturating_add(ParityDbWeight::get().reads(69_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn cancel_spend() -> Weight {
		Weight::from_parts(1_116_446_000, 5671)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}
