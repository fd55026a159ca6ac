//! # Civitas runtime
//!
//! The state transition function of the Civitas chain, on which cities and
//! their partners record public-private partnership agreements, pool
//! cross-city investment and pay out public money milestone by milestone.
//!
//! This crate composes FRAME pallets into one runtime:
//!
//! - consensus: `Aura` authors a block every [`MILLI_SECS_PER_BLOCK`] ms and
//!   `Grandpa` finalises; `Session` gives both the validator set that
//!   `Validators` keeps and the council changes.
//! - money: `Balances` (with holds keyed by [`RuntimeHoldReason`], so escrow
//!   stays on the payer's account) and `TransactionPayment`, which charges a
//!   fee per unit of weight and per byte.
//! - accounts: `Utility` (batches) and `Multisig` (an institution's
//!   signatories acting together).
//! - governance: `Council` and `CouncilMembership` (the council of member
//!   institutions, deciding by motions with a stated majority, see
//!   [`configs::council`]), `Governance` (the contract code the council
//!   approved, and runtime upgrades it authorised) and `Sudo`, whose key
//!   only the development chain sets.
//! - contracts: `Revive` runs the ink! funding-conditions contracts that
//!   every payout is checked against; only council-approved code runs.
//! - ledger: `Registry` (organisations and members), `Agreements` (PPP
//!   agreements signed by every party, amendments, lifecycle), `Pools`
//!   (all-or-nothing co-funding pledges held on the pledgers' accounts, and
//!   each agreement's escrow) and `AuditTrail` (per agreement, a
//!   hash-chained log of every action).
//!
//! Where things live: [`configs`] holds each pallet's configuration,
//! [`apis`] the runtime APIs the node and clients call, and
//! [`genesis_config_presets`] the `development` and `local_testnet` genesis
//! states. [`token`] defines the token symbol, decimals and SS58 prefix once
//! for the runtime, the node's chain-spec properties and the metadata hash.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod ledger_queries;
pub mod migrations;
pub mod token;

#[cfg(test)]
mod tests;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use apis::RuntimeApi;
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use token::{
	CIV, EXISTENTIAL_DEPOSIT, MICRO_CIV, MILLI_CIV, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL,
};

/// Types the node needs without knowing the runtime's extrinsic format, so
/// it keeps syncing across runtime upgrades that change that format.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers: one for block authoring, one for finality.
	pub struct SessionKeys {
		/// Aura block-authoring key (sr25519).
		pub aura: Aura,
		/// GRANDPA finality-voting key (ed25519).
		pub grandpa: Grandpa,
	}
}

/// The runtime's identity; `spec_version` must rise with every upgrade.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("civitas"),
	impl_name: alloc::borrow::Cow::Borrowed("civitas"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time. Aura's slot equals it, and it cannot change once a
/// chain has started: a different slot length would stall block production.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;

/// Aura slot length in milliseconds.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour at the target block time.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day at the target block time.
pub const DAYS: BlockNumber = HOURS * 24;

/// Signature scheme of transactions: sr25519, ed25519 or ecdsa, as wallets choose.
pub type Signature = MultiSignature;

/// An account: the 32-byte public key (or its hash) of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of the native token, in its smallest unit.
pub type Balance = u128;

/// Count of transactions an account has sent.
pub type Nonce = u32;

/// Block and state hash.
pub type Hash = sp_core::H256;

/// Block height.
pub type BlockNumber = u32;

/// How transactions name accounts (an account id or an index).
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block with its finality justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The checks and charges every signed transaction passes, in order.
///
/// `CheckMetadataHash` lets offline signers (Ledger's generic app) prove that
/// the metadata they decoded the call with is the chain's own; the hash is
/// embedded in release builds (see `build.rs`). `WeightReclaim` comes last so
/// that it refunds unused weight after every other extension has run.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade. Each is versioned:
/// it runs only on a chain whose pallet is still at its `FROM` version, so a
/// chain started from a newer genesis skips it.
type Migrations = (
	pallet_civitas_disbursements::migrations::v1::MigrateToV1<Runtime>,
	pallet_civitas_registry::migrations::v1::MigrateToV1<Runtime>,
	pallet_civitas_pools::migrations::v1::MigrateToV1<Runtime>,
	pallet_civitas_disbursements::migrations::v2::MigrateToV2<
		Runtime,
		frame_support::traits::ConstU64<MILLI_SECS_PER_BLOCK>,
	>,
	pallet_civitas_agreements::migrations::v1::MigrateToV1<Runtime>,
	pallet_civitas_registry::migrations::v2::MigrateToV2<Runtime>,
	pallet_civitas_agreements::migrations::v2::MigrateToV2<Runtime>,
	pallet_civitas_agreements::migrations::v3::MigrateToV3<Runtime>,
	pallet_civitas_disbursements::migrations::v3::MigrateToV3<Runtime>,
	migrations::InitialiseSessionFromAuthorities,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The pallets of the runtime, with stable indices: call and event encodings
/// depend on them, so an index is never reused for another pallet.
#[frame_support::runtime]
mod runtime {
	/// The Civitas runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks and events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block timestamp, set by the author through an inherent.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// The validator set the council manages (declared before Session, so
	/// its set is ready when Session asks).
	#[runtime::pallet_index(19)]
	pub type Validators = pallet_civitas_validators;

	/// Sessions: hands the validator set and their keys to Aura and GRANDPA
	/// (declared before them, so a new session's set is in place first).
	#[runtime::pallet_index(18)]
	pub type Session = pallet_session;

	/// Round-robin block authoring by the validator set.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality gadget's authority set.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The native token, with holds for escrow.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// Batches of calls in one transaction.
	#[runtime::pallet_index(6)]
	pub type Utility = pallet_utility;

	/// M-of-N approval of calls by an institution's signatories.
	#[runtime::pallet_index(7)]
	pub type Multisig = pallet_multisig;

	/// The privileged origin of dev chains.
	#[runtime::pallet_index(8)]
	pub type Sudo = pallet_sudo;

	/// PolkaVM smart contracts: the agreements' funding conditions.
	#[runtime::pallet_index(9)]
	pub type Revive = pallet_revive;

	/// Organisations (legal entities) and the accounts acting for them.
	#[runtime::pallet_index(10)]
	pub type Registry = pallet_civitas_registry;

	/// Per-agreement append-only log of every ledger action, chained by hash.
	#[runtime::pallet_index(11)]
	pub type AuditTrail = pallet_civitas_audit_trail;

	/// Public-private partnership agreements, their versions and signatures.
	#[runtime::pallet_index(12)]
	pub type Agreements = pallet_civitas_agreements;

	/// Cross-city investment pools: pledges held on the pledgers' accounts,
	/// committed together into each agreement's escrow.
	#[runtime::pallet_index(13)]
	pub type Pools = pallet_civitas_pools;

	/// Milestone payouts: evidence, role-typed verdicts, and disbursement
	/// from escrow on the funding-conditions contract's yes.
	#[runtime::pallet_index(14)]
	pub type Disbursements = pallet_civitas_disbursements;

	/// The council of member institutions: motions and votes.
	#[runtime::pallet_index(15)]
	pub type Council = pallet_collective<Instance1>;

	/// Who sits on the council, changed by the council itself.
	#[runtime::pallet_index(16)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	/// The council's decisions on code: approved contract code, runtime upgrades.
	#[runtime::pallet_index(17)]
	pub type Governance = pallet_civitas_governance;
}
