
//! Weights for `pallet_civitas_agreements`, generated from its benchmarks by the Substrate
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
// pallet_civitas_agreements
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weights-template.hbs
// --output
// pallets/agreements/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_civitas_agreements`.
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

/// Weights for `pallet_civitas_agreements` measured on this chain's reference hardware,
/// charged against the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:12 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::NextAgreementId` (r:1 w:1)
	/// Proof: `Agreements::NextAgreementId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Revive::AccountInfoOf` (r:1 w:1)
	/// Proof: `Revive::AccountInfoOf` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `Revive::OriginalAccount` (r:1 w:0)
	/// Proof: `Revive::OriginalAccount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Revive::CodeInfoOf` (r:1 w:0)
	/// Proof: `Revive::CodeInfoOf` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Revive::PristineCode` (r:1 w:0)
	/// Proof: `Revive::PristineCode` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:0 w:1)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsOf` (r:0 w:8)
	/// Proof: `Agreements::AgreementsOf` (`max_values`: None, `max_size`: Some(25), added: 2500, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:0 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsIn` (r:0 w:1)
	/// Proof: `Agreements::AgreementsIn` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	fn propose() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `17010`
		//  Estimated: `33894`
		// Minimum execution time: 3_748_070_000 picoseconds.
		Weight::from_parts(5_126_716_000, 33894)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:2 w:2)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Milestones` (r:32 w:0)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn sign() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `16258`
		//  Estimated: `319422`
		// Minimum execution time: 3_398_579_000 picoseconds.
		Weight::from_parts(3_789_612_000, 319422)
			.saturating_add(T::DbWeight::get().reads(40_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:1)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsOf` (r:0 w:8)
	/// Proof: `Agreements::AgreementsOf` (`max_values`: None, `max_size`: Some(25), added: 2500, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsIn` (r:0 w:1)
	/// Proof: `Agreements::AgreementsIn` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn withdraw() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7656`
		//  Estimated: `11449`
		// Minimum execution time: 1_687_257_000 picoseconds.
		Weight::from_parts(2_156_827_000, 11449)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:5 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:2 w:1)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Milestones` (r:32 w:0)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `Revive::AccountInfoOf` (r:1 w:1)
	/// Proof: `Revive::AccountInfoOf` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `Revive::OriginalAccount` (r:1 w:0)
	/// Proof: `Revive::OriginalAccount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Revive::CodeInfoOf` (r:1 w:0)
	/// Proof: `Revive::CodeInfoOf` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Revive::PristineCode` (r:1 w:0)
	/// Proof: `Revive::PristineCode` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	fn propose_amendment() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `30948`
		//  Estimated: `319422`
		// Minimum execution time: 5_469_138_000 picoseconds.
		Weight::from_parts(6_492_994_000, 319422)
			.saturating_add(T::DbWeight::get().reads(50_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:1)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn withdraw_amendment() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7706`
		//  Estimated: `11449`
		// Minimum execution time: 1_428_250_000 picoseconds.
		Weight::from_parts(1_733_926_000, 11449)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Consents` (r:1 w:1)
	/// Proof: `Agreements::Consents` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsIn` (r:0 w:2)
	/// Proof: `Agreements::AgreementsIn` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn suspend() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1590`
		//  Estimated: `3732`
		// Minimum execution time: 1_159_870_000 picoseconds.
		Weight::from_parts(1_319_397_000, 3732)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Consents` (r:1 w:1)
	/// Proof: `Agreements::Consents` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsIn` (r:0 w:2)
	/// Proof: `Agreements::AgreementsIn` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn resume() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1591`
		//  Estimated: `3732`
		// Minimum execution time: 1_152_749_000 picoseconds.
		Weight::from_parts(1_340_820_000, 3732)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Consents` (r:1 w:1)
	/// Proof: `Agreements::Consents` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:1)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:3)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsIn` (r:0 w:2)
	/// Proof: `Agreements::AgreementsIn` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn terminate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `8881`
		//  Estimated: `11449`
		// Minimum execution time: 2_340_981_000 picoseconds.
		Weight::from_parts(2_617_424_000, 11449)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:1)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Consents` (r:1 w:1)
	/// Proof: `Agreements::Consents` (`max_values`: None, `max_size`: Some(54), added: 2529, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:1)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:3)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::AgreementsIn` (r:0 w:2)
	/// Proof: `Agreements::AgreementsIn` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn complete() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `8881`
		//  Estimated: `11449`
		// Minimum execution time: 2_222_575_000 picoseconds.
		Weight::from_parts(2_494_571_000, 11449)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
}

/// The same measurements against ParityDB's default weights, for mock
/// runtimes in tests.
impl WeightInfo for () {
	fn propose() -> Weight {
		Weight::from_parts(5_126_716_000, 33894)
			.saturating_add(ParityDbWeight::get().reads(23_u64))
			.saturating_add(ParityDbWeight::get().writes(17_u64))
	}
	fn sign() -> Weight {
		Weight::from_parts(3_789_612_000, 319422)
			.saturating_add(ParityDbWeight::get().reads(40_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(2_156_827_000, 11449)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(15_u64))
	}
	fn propose_amendment() -> Weight {
		Weight::from_parts(6_492_994_000, 319422)
			.saturating_add(ParityDbWeight::get().reads(50_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn withdraw_amendment() -> Weight {
		Weight::from_parts(1_733_926_000, 11449)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn suspend() -> Weight {
		Weight::from_parts(1_319_397_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn resume() -> Weight {
		Weight::from_parts(1_340_820_000, 3732)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn terminate() -> Weight {
		Weight::from_parts(2_617_424_000, 11449)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn complete() -> Weight {
		Weight::from_parts(2_494_571_000, 11449)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
}
