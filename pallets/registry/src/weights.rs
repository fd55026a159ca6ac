
//! Weights for `pallet_civitas_registry`, generated from its benchmarks by the Substrate
//! benchmark CLI 64.0.0 on 2026-11-27: `scripts/benchmark.sh` regenerates
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
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	fn admit() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `513`
		//  Estimated: `3584`
		// Minimum execution time: 1_081_828_000 picoseconds.
		Weight::from_parts(1_243_602_000, 3584)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Registry::LegalIdentifiers` (r:1 w:2)
	/// Proof: `Registry::LegalIdentifiers` (`max_values`: None, `max_size`: Some(119), added: 2594, mode: `MaxEncodedLen`)
	fn update() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `663`
		//  Estimated: `3724`
		// Minimum execution time: 964_258_000 picoseconds.
		Weight::from_parts(1_090_786_000, 3724)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	fn suspend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `417`
		//  Estimated: `3724`
		// Minimum execution time: 513_563_000 picoseconds.
		Weight::from_parts(678_031_000, 3724)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	fn reinstate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `417`
		//  Estimated: `3724`
		// Minimum execution time: 512_140_000 picoseconds.
		Weight::from_parts(606_878_000, 3724)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn add_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `800`
		//  Estimated: `6152`
		// Minimum execution time: 3_507_707_000 picoseconds.
		Weight::from_parts(3_875_086_000, 6152)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	fn set_roles() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `784`
		//  Estimated: `6152`
		// Minimum execution time: 1_157_320_000 picoseconds.
		Weight::from_parts(1_294_949_000, 6152)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Registry::Organisations` (r:1 w:1)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn remove_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `942`
		//  Estimated: `6152`
		// Minimum execution time: 3_074_645_000 picoseconds.
		Weight::from_parts(4_072_606_000, 6152)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn set_spend_threshold() -> Weight { Weight::from_parts(1_000_000_000, 4000) }
	fn propose_spend() -> Weight { Weight::from_parts(4_000_000_000, 8000) }
	fn approve_spend() -> Weight { Weight::from_parts(9_000_000_000, 20000) }
	fn cancel_spend() -> Weight { Weight::from_parts(4_000_000_000, 8000) }
}

/// The same measurements against ParityDB's default weights, for mock
/// runtimes in tests.
impl WeightInfo for () {
	fn admit() -> Weight {
		Weight::from_parts(1_243_602_000, 3584)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn update() -> Weight {
		Weight::from_parts(1_090_786_000, 3724)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(678_031_000, 3724)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reinstate() -> Weight {
		Weight::from_parts(606_878_000, 3724)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_member() -> Weight {
		Weight::from_parts(3_875_086_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_roles() -> Weight {
		Weight::from_parts(1_294_949_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_member() -> Weight {
		Weight::from_parts(4_072_606_000, 6152)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn set_spend_threshold() -> Weight { Weight::from_parts(1_000_000_000, 4000) }
	fn propose_spend() -> Weight { Weight::from_parts(4_000_000_000, 8000) }
	fn approve_spend() -> Weight { Weight::from_parts(9_000_000_000, 20000) }
	fn cancel_spend() -> Weight { Weight::from_parts(4_000_000_000, 8000) }
}
