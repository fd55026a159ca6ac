//! A minimal runtime with the audit trail, for unit tests.

use frame_support::{derive_impl, parameter_types};
use sp_runtime::BuildStorage;

use crate as pallet_audit_trail;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type AuditTrail = pallet_audit_trail;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	/// Small, so that tests reach it.
	pub const MaxEntries: u32 = 5;
}

impl pallet_audit_trail::Config for Test {
	type MaxEntries = MaxEntries;
}

/// Externalities at block 1 (events are kept from block 1 on).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
