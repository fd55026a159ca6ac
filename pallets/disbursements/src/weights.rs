
//! Weights for `pallet_civitas_disbursements`, generated from its benchmarks by the Substrate
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
// pallet_civitas_disbursements
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weights-template.hbs
// --output
// pallets/disbursements/src/weights.rs

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
	fn resolve_contest(n: u32, ) -> Weight;
	fn disburse(n: u32, ) -> Weight;
	fn open_recovery() -> Weight;
	fn repay_recovery(n: u32, ) -> Weight;
	fn raise_dispute() -> Weight;
	fn cancel_recovery() -> Weight;
	fn resolve_dispute() -> Weight;
	fn settle_retention(n: u32, ) -> Weight;
	fn settle_escrow(n: u32, ) -> Weight;
}

/// Weights for `pallet_civitas_disbursements` measured on this chain's reference hardware,
/// charged against the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:0)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Milestones` (r:1 w:1)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::IssuedInvoices` (r:16 w:16)
	/// Proof: `Disbursements::IssuedInvoices` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 16]`.
	fn submit_evidence(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `10701`
		//  Estimated: `11449 + n * (2527 ±0)`
		// Minimum execution time: 2_464_126_000 picoseconds.
		Weight::from_parts(2_717_422_459, 11449)
			// Standard Error: 1_483_031
			.saturating_add(Weight::from_parts(80_797_002, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2527).saturating_mul(n.into()))
	}
	/// Storage: `Disbursements::Milestones` (r:1 w:1)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:0)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn approve() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `9921`
		//  Estimated: `11449`
		// Minimum execution time: 1_786_865_000 picoseconds.
		Weight::from_parts(1_988_706_000, 11449)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Disbursements::Milestones` (r:1 w:1)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:0)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:8 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::DisputedTimes` (r:1 w:0)
	/// Proof: `Disbursements::DisputedTimes` (`max_values`: None, `max_size`: Some(534), added: 3009, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::OpenRecoveries` (r:1 w:1)
	/// Proof: `Disbursements::OpenRecoveries` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Recoveries` (r:16 w:16)
	/// Proof: `Disbursements::Recoveries` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disputes` (r:1 w:0)
	/// Proof: `Disbursements::Disputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:1)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Ledgers` (r:1 w:1)
	/// Proof: `Disbursements::Ledgers` (`max_values`: None, `max_size`: Some(547), added: 3022, mode: `MaxEncodedLen`)
	/// Storage: `Revive::AccountInfoOf` (r:1 w:1)
	/// Proof: `Revive::AccountInfoOf` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `Revive::OriginalAccount` (r:1 w:0)
	/// Proof: `Revive::OriginalAccount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Revive::CodeInfoOf` (r:1 w:0)
	/// Proof: `Revive::CodeInfoOf` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Revive::PristineCode` (r:1 w:0)
	/// Proof: `Revive::PristineCode` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Balances::Holds` (r:65 w:65)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::NextDisbursementId` (r:1 w:1)
	/// Proof: `Disbursements::NextDisbursementId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disbursements` (r:0 w:1)
	/// Proof: `Disbursements::Disbursements` (`max_values`: None, `max_size`: Some(6552), added: 9027, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// The range of component `n` is `[1, 64]`.
	fn approve_and_pay(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `27463 + n * (251 ±0)`
		//  Estimated: `43438 + n * (2758 ±0)`
		// Minimum execution time: 10_781_000_000 picoseconds.
		Weight::from_parts(8_412_430_576, 43438)
			// Standard Error: 31_379_247
			.saturating_add(Weight::from_parts(2_815_113_530, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(43_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(29_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Disbursements::Milestones` (r:1 w:1)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:0)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::DisputedTimes` (r:1 w:0)
	/// Proof: `Disbursements::DisputedTimes` (`max_values`: None, `max_size`: Some(534), added: 3009, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::OpenRecoveries` (r:1 w:1)
	/// Proof: `Disbursements::OpenRecoveries` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Recoveries` (r:16 w:16)
	/// Proof: `Disbursements::Recoveries` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disputes` (r:1 w:0)
	/// Proof: `Disbursements::Disputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:8 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:1)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Ledgers` (r:1 w:1)
	/// Proof: `Disbursements::Ledgers` (`max_values`: None, `max_size`: Some(547), added: 3022, mode: `MaxEncodedLen`)
	/// Storage: `Revive::AccountInfoOf` (r:1 w:1)
	/// Proof: `Revive::AccountInfoOf` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `Revive::OriginalAccount` (r:1 w:0)
	/// Proof: `Revive::OriginalAccount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Revive::CodeInfoOf` (r:1 w:0)
	/// Proof: `Revive::CodeInfoOf` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Revive::PristineCode` (r:1 w:0)
	/// Proof: `Revive::PristineCode` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Balances::Holds` (r:65 w:65)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::NextDisbursementId` (r:1 w:1)
	/// Proof: `Disbursements::NextDisbursementId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disbursements` (r:0 w:1)
	/// Proof: `Disbursements::Disbursements` (`max_values`: None, `max_size`: Some(6552), added: 9027, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:2)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// The range of component `n` is `[1, 64]`.
	fn resolve_contest(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `26960 + n * (251 ±0)`
		//  Estimated: `43438 + n * (2758 ±0)`
		// Minimum execution time: 10_948_680_000 picoseconds.
		Weight::from_parts(470_544_900, 43438)
			// Standard Error: 35_542_522
			.saturating_add(Weight::from_parts(3_332_696_208, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(42_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(29_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:8 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Milestones` (r:1 w:1)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:0)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::DisputedTimes` (r:1 w:0)
	/// Proof: `Disbursements::DisputedTimes` (`max_values`: None, `max_size`: Some(534), added: 3009, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::OpenRecoveries` (r:1 w:1)
	/// Proof: `Disbursements::OpenRecoveries` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Recoveries` (r:16 w:16)
	/// Proof: `Disbursements::Recoveries` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disputes` (r:1 w:0)
	/// Proof: `Disbursements::Disputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:1)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Ledgers` (r:1 w:1)
	/// Proof: `Disbursements::Ledgers` (`max_values`: None, `max_size`: Some(547), added: 3022, mode: `MaxEncodedLen`)
	/// Storage: `Revive::AccountInfoOf` (r:1 w:1)
	/// Proof: `Revive::AccountInfoOf` (`max_values`: None, `max_size`: Some(247), added: 2722, mode: `MaxEncodedLen`)
	/// Storage: `Revive::OriginalAccount` (r:1 w:0)
	/// Proof: `Revive::OriginalAccount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Revive::CodeInfoOf` (r:1 w:0)
	/// Proof: `Revive::CodeInfoOf` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Revive::PristineCode` (r:1 w:0)
	/// Proof: `Revive::PristineCode` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Balances::Holds` (r:65 w:65)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::NextDisbursementId` (r:1 w:1)
	/// Proof: `Disbursements::NextDisbursementId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disbursements` (r:0 w:1)
	/// Proof: `Disbursements::Disbursements` (`max_values`: None, `max_size`: Some(6552), added: 9027, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// Proof: UNKNOWN KEY `0x11d2df4e979aa105cf552e9544ebd2b500000000` (r:1 w:0)
	/// The range of component `n` is `[1, 64]`.
	fn disburse(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `28071 + n * (251 ±0)`
		//  Estimated: `43438 + n * (2758 ±1)`
		// Minimum execution time: 11_000_807_000 picoseconds.
		Weight::from_parts(25_981_095_786, 43438)
			// Standard Error: 30_535_446
			.saturating_add(Weight::from_parts(2_514_692_103, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(43_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(28_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Disbursements::Disbursements` (r:1 w:1)
	/// Proof: `Disbursements::Disbursements` (`max_values`: None, `max_size`: Some(6552), added: 9027, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Versions` (r:1 w:0)
	/// Proof: `Agreements::Versions` (`max_values`: None, `max_size`: Some(7984), added: 10459, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::NextRecoveryId` (r:1 w:1)
	/// Proof: `Disbursements::NextRecoveryId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::OpenRecoveries` (r:1 w:1)
	/// Proof: `Disbursements::OpenRecoveries` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::RecoveriesOf` (r:0 w:1)
	/// Proof: `Disbursements::RecoveriesOf` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Recoveries` (r:0 w:1)
	/// Proof: `Disbursements::Recoveries` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn open_recovery() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4038`
		//  Estimated: `11449`
		// Minimum execution time: 1_908_306_000 picoseconds.
		Weight::from_parts(2_139_050_000, 11449)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Disbursements::Recoveries` (r:1 w:1)
	/// Proof: `Disbursements::Recoveries` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:1)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::OpenRecoveries` (r:1 w:1)
	/// Proof: `Disbursements::OpenRecoveries` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Ledgers` (r:1 w:1)
	/// Proof: `Disbursements::Ledgers` (`max_values`: None, `max_size`: Some(547), added: 3022, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 64]`.
	fn repay_recovery(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2140 + n * (188 ±0)`
		//  Estimated: `8927 + n * (2603 ±0)`
		// Minimum execution time: 2_330_736_000 picoseconds.
		Weight::from_parts(1_436_550_980, 8927)
			// Standard Error: 8_108_300
			.saturating_add(Weight::from_parts(801_475_460, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Organisations` (r:1 w:0)
	/// Proof: `Registry::Organisations` (`max_values`: None, `max_size`: Some(267), added: 2742, mode: `MaxEncodedLen`)
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disputes` (r:1 w:1)
	/// Proof: `Disbursements::Disputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::DisputedTimes` (r:1 w:1)
	/// Proof: `Disbursements::DisputedTimes` (`max_values`: None, `max_size`: Some(534), added: 3009, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn raise_dispute() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1877`
		//  Estimated: `3999`
		// Minimum execution time: 1_708_399_000 picoseconds.
		Weight::from_parts(2_433_260_000, 3999)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Disbursements::Recoveries` (r:1 w:1)
	/// Proof: `Disbursements::Recoveries` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disbursements` (r:1 w:1)
	/// Proof: `Disbursements::Disbursements` (`max_values`: None, `max_size`: Some(6552), added: 9027, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::OpenRecoveries` (r:1 w:1)
	/// Proof: `Disbursements::OpenRecoveries` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	fn cancel_recovery() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1629`
		//  Estimated: `10017`
		// Minimum execution time: 1_504_935_000 picoseconds.
		Weight::from_parts(1_766_394_000, 10017)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Disbursements::Disputes` (r:1 w:1)
	/// Proof: `Disbursements::Disputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::DisputedTimes` (r:1 w:1)
	/// Proof: `Disbursements::DisputedTimes` (`max_values`: None, `max_size`: Some(534), added: 3009, mode: `MaxEncodedLen`)
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
	fn resolve_dispute() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1244`
		//  Estimated: `3999`
		// Minimum execution time: 964_508_000 picoseconds.
		Weight::from_parts(1_099_330_000, 3999)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disputes` (r:1 w:0)
	/// Proof: `Disbursements::Disputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Ledgers` (r:1 w:1)
	/// Proof: `Disbursements::Ledgers` (`max_values`: None, `max_size`: Some(547), added: 3022, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:1)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::OpenRecoveries` (r:1 w:1)
	/// Proof: `Disbursements::OpenRecoveries` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Recoveries` (r:1 w:1)
	/// Proof: `Disbursements::Recoveries` (`max_values`: None, `max_size`: Some(178), added: 2653, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:66 w:66)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:65 w:65)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 64]`.
	fn settle_retention(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1793 + n * (263 ±0)`
		//  Estimated: `8927 + n * (2758 ±0)`
		// Minimum execution time: 3_152_663_000 picoseconds.
		Weight::from_parts(4_392_731_371, 8927)
			// Standard Error: 5_531_783
			.saturating_add(Weight::from_parts(1_244_071_775, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Agreements::Agreements` (r:1 w:0)
	/// Proof: `Agreements::Agreements` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Disputes` (r:1 w:0)
	/// Proof: `Disbursements::Disputes` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Ledgers` (r:1 w:1)
	/// Proof: `Disbursements::Ledgers` (`max_values`: None, `max_size`: Some(547), added: 3022, mode: `MaxEncodedLen`)
	/// Storage: `Pools::Escrows` (r:1 w:1)
	/// Proof: `Pools::Escrows` (`max_values`: None, `max_size`: Some(5462), added: 7937, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:65 w:65)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:65 w:65)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Disbursements::Milestones` (r:33 w:31)
	/// Proof: `Disbursements::Milestones` (`max_values`: None, `max_size`: Some(7476), added: 9951, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Trails` (r:1 w:1)
	/// Proof: `AuditTrail::Trails` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `AuditTrail::Entries` (r:0 w:1)
	/// Proof: `AuditTrail::Entries` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 64]`.
	fn settle_escrow(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `153287 + n * (253 ±0)`
		//  Estimated: `329373 + n * (2758 ±0)`
		// Minimum execution time: 24_648_953_000 picoseconds.
		Weight::from_parts(26_282_373_901, 329373)
			// Standard Error: 13_130_058
			.saturating_add(Weight::from_parts(691_982_880, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(40_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(37_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
}

/// The same measurements against ParityDB's default weights, for mock
/// runtimes in tests.
impl WeightInfo for () {
	fn submit_evidence(n: u32, ) -> Weight {
		Weight::from_parts(2_717_422_459, 11449)
			.saturating_add(Weight::from_parts(80_797_002, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2527).saturating_mul(n.into()))
	}
	fn approve() -> Weight {
		Weight::from_parts(1_988_706_000, 11449)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn approve_and_pay(n: u32, ) -> Weight {
		Weight::from_parts(8_412_430_576, 43438)
			.saturating_add(Weight::from_parts(2_815_113_530, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(43_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(29_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn resolve_contest(n: u32, ) -> Weight {
		Weight::from_parts(470_544_900, 43438)
			.saturating_add(Weight::from_parts(3_332_696_208, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(42_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(29_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn disburse(n: u32, ) -> Weight {
		Weight::from_parts(25_981_095_786, 43438)
			.saturating_add(Weight::from_parts(2_514_692_103, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(43_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(28_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn open_recovery() -> Weight {
		Weight::from_parts(2_139_050_000, 11449)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn repay_recovery(n: u32, ) -> Weight {
		Weight::from_parts(1_436_550_980, 8927)
			.saturating_add(Weight::from_parts(801_475_460, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
	fn raise_dispute() -> Weight {
		Weight::from_parts(2_433_260_000, 3999)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn cancel_recovery() -> Weight {
		Weight::from_parts(1_766_394_000, 10017)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn resolve_dispute() -> Weight {
		Weight::from_parts(1_099_330_000, 3999)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn settle_retention(n: u32, ) -> Weight {
		Weight::from_parts(4_392_731_371, 8927)
			.saturating_add(Weight::from_parts(1_244_071_775, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn settle_escrow(n: u32, ) -> Weight {
		Weight::from_parts(26_282_373_901, 329373)
			.saturating_add(Weight::from_parts(691_982_880, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(40_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(37_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
}
