
//! Weights for `pallet_civitas_pools`, generated from its benchmarks by the Substrate
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
// pallet_civitas_pools
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weights-template.hbs
// --output
// pallets/pools/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_civitas_pools`.
pub trait WeightInfo {
	fn open_pool() -> Weight;
	fn pledge() -> Weight;
	fn pledge_and_commit(n: u32, ) -> Weight;
	fn withdraw_pledge() -> Weight;
	fn expire(n: u32, ) -> Weight;
	fn approve_pool() -> Weight;
	fn reject_pool() -> Weight;
}

/// Weights for `pallet_civitas_pools` measured on this chain's reference hardware,
/// charged against the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:7 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Pools::AgreementPool` (r:1 w:1)
	/// Proof: `Pools::AgreementPool` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Pools` (r:1 w:1)
	/// Proof: `Pools::Pools` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:0)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(6512), added: 8987, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:0)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `Pools::NextPoolId` (r:1 w:1)
	/// Proof: `Pools::NextPoolId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn open_pool() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3687`
		//  Estimated: `20184`
		// Minimum execution time: 2_139_321_000 picoseconds.
		Weight::from_parts(2_360_771_000, 20184)
			.saturating_add(T::DbWeight::get().reads(17_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Pools::Pools` (r:1 w:1)
	/// Proof: `Pools::Pools` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Pledges` (r:1 w:1)
	/// Proof: `Pools::Pledges` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn pledge() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2608`
		//  Estimated: `3904`
		// Minimum execution time: 1_411_605_000 picoseconds.
		Weight::from_parts(1_495_700_000, 3904)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Pools::Pools` (r:1 w:1)
	/// Proof: `Pools::Pools` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Pledges` (r:8 w:7)
	/// Proof: `Pools::Pledges` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:8 w:8)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:8 w:8)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:1)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 7]`.
	fn pledge_and_commit(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2753 + n * (304 ±0)`
		//  Estimated: `8927 + n * (2758 ±0)`
		// Minimum execution time: 3_461_733_000 picoseconds.
		Weight::from_parts(2_414_277_041, 8927)
			// Standard Error: 2_150_608
			.saturating_add(Weight::from_parts(1_228_089_760, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Pools::Pools` (r:1 w:1)
	/// Proof: `Pools::Pools` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Pledges` (r:1 w:1)
	/// Proof: `Pools::Pledges` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn withdraw_pledge() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2660`
		//  Estimated: `3904`
		// Minimum execution time: 1_221_832_000 picoseconds.
		Weight::from_parts(1_331_086_000, 3904)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Pools::Pools` (r:1 w:1)
	/// Proof: `Pools::Pools` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:0)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Pledges` (r:8 w:7)
	/// Proof: `Pools::Pledges` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:8 w:8)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:8 w:8)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Pools::AgreementPool` (r:0 w:1)
	/// Proof: `Pools::AgreementPool` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 7]`.
	fn expire(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1772 + n * (269 ±0)`
		//  Estimated: `8927 + n * (2758 ±0)`
		// Minimum execution time: 1_332_788_000 picoseconds.
		Weight::from_parts(1_475_418_566, 8927)
			// Standard Error: 3_056_071
			.saturating_add(Weight::from_parts(644_774_685, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Pools::Pools` (r:1 w:1)
	/// Proof: `Pools::Pools` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn approve_pool() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1739`
		//  Estimated: `3904`
		// Minimum execution time: 732_443_000 picoseconds.
		Weight::from_parts(787_334_000, 3904)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Pools::Pools` (r:1 w:1)
	/// Proof: `Pools::Pools` (`max_values`: None, `max_size`: Some(439), added: 2914, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:0)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `Pools::AgreementPool` (r:0 w:1)
	/// Proof: `Pools::AgreementPool` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn reject_pool() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2973`
		//  Estimated: `8927`
		// Minimum execution time: 1_253_740_000 picoseconds.
		Weight::from_parts(1_338_806_000, 8927)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

/// The same measurements against ParityDB's default weights, for mock
/// runtimes in tests.
impl WeightInfo for () {
	fn open_pool() -> Weight {
		Weight::from_parts(2_360_771_000, 20184)
			.saturating_add(ParityDbWeight::get().reads(17_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn pledge() -> Weight {
		Weight::from_parts(1_495_700_000, 3904)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn pledge_and_commit(n: u32, ) -> Weight {
		Weight::from_parts(2_414_277_041, 8927)
			.saturating_add(Weight::from_parts(1_228_089_760, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn withdraw_pledge() -> Weight {
		Weight::from_parts(1_331_086_000, 3904)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn expire(n: u32, ) -> Weight {
		Weight::from_parts(1_475_418_566, 8927)
			.saturating_add(Weight::from_parts(644_774_685, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn approve_pool() -> Weight {
		Weight::from_parts(787_334_000, 3904)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn reject_pool() -> Weight {
		Weight::from_parts(1_338_806_000, 8927)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
}
