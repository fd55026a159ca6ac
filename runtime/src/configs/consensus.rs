//! Timestamp, Aura (block authoring), GRANDPA (finality), and the validator
//! set that feeds both: pallet-session hands Aura and GRANDPA the set the
//! Validators pallet keeps, which the council changes by motion.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, Contains},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::{council::UpgradeOrigin, governance::deposit};
use crate::{
	AccountId, Aura, Balance, Balances, Runtime, RuntimeEvent, SessionKeys, Validators,
	SLOT_DURATION,
};

/// Most validators the chain supports: one or two per member institution.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	// Aura derives its slot length as twice this period.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held while an account's session keys are registered: the keys
	/// record and the reverse index of each of its two keys.
	pub const SessionKeyDeposit: Balance = deposit(3, 32 + 64);
	/// One validator is the least: the development chain has one. A
	/// network keeps four or more (docs/operators.md), so GRANDPA's more
	/// than two thirds survive one failure.
	pub const MinValidators: u32 = 1;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Validators;
	type NextSessionRotation = Validators;
	type SessionManager = Validators;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// No staking, no slashing: a misbehaving validator is removed by the council.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// Accounts that registered session keys (`session.setKeys`): the only ones
/// the council can make validators.
pub struct HaveSessionKeys;

impl Contains<AccountId> for HaveSessionKeys {
	fn contains(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
}

/// Registers session keys for the validators pallet's benchmarks.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_civitas_validators::BenchmarkHelper<AccountId> for HaveSessionKeys {
	fn set_keys(who: &AccountId) {
		use codec::Encode;
		// Public keys only: a benchmark never signs with them.
		let raw = sp_io::hashing::blake2_256(&who.encode());
		let keys = SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(raw).into(),
			grandpa: sp_core::ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

impl pallet_civitas_validators::Config for Runtime {
	// Changing who validates is as weighty as an upgrade: two thirds.
	type GovernanceOrigin = UpgradeOrigin;
	type HasSessionKeys = HaveSessionKeys;
	type MinValidators = MinValidators;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_civitas_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = HaveSessionKeys;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// The pallet's own measured weights; its only callable paths here are
	// `note_stalled` (root) and equivocation reports, which are disabled below.
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	// No staking: validators are admitted by governance, nobody nominates.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need a session-historical key-ownership proof
	// (pallet-session's `historical`), which this permissioned chain does
	// not keep: the council removes a misbehaving validator.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
