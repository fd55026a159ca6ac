//! Accounts acting together: Utility (batches) and Multisig; and Sudo, the
//! development chain's root key (other chains set no key, see
//! [`super::council`]).

use frame_support::{parameter_types, traits::ConstU32};

use crate::{
	Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, System, MILLI_CIV,
};

/// Storage deposit: a fixed part per item plus a part per stored byte, so
/// that whoever writes state pays for what it costs every node to keep.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance) * 100 * MILLI_CIV + (bytes as Balance) * MILLI_CIV
}

parameter_types! {
	/// Deposit for an open multisig operation: its storage item, keyed by
	/// account and call hash (88 bytes), held until the operation closes.
	pub const DepositBase: Balance = deposit(1, 88);
	/// Extra deposit per signatory recorded on the operation.
	pub const DepositFactor: Balance = deposit(0, 32);
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = DepositBase;
	type DepositFactor = DepositFactor;
	// An institution's board rarely exceeds a few dozen signatories.
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = System;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
