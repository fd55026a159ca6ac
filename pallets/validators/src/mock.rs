//! A runtime with the validators pallet, for unit tests and benchmarks.
//! Governance is root; accounts 1 to 9 have session keys, others do not.

use frame_support::{derive_impl, parameter_types, traits::Contains};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_validators;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Validators = pallet_validators;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

std::thread_local! {
	static KEYED: core::cell::RefCell<Vec<u64>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Accounts below 10, and those a benchmark gave keys, have session keys.
pub struct HaveKeys;

impl Contains<u64> for HaveKeys {
	fn contains(who: &u64) -> bool {
		*who < 10 || KEYED.with(|keyed| keyed.borrow().contains(who))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for HaveKeys {
	fn set_keys(who: &u64) {
		KEYED.with(|keyed| keyed.borrow_mut().push(*who));
	}
}

/// An account without session keys.
pub const KEYLESS: u64 = 42;

parameter_types! {
	pub const MinValidators: u32 = 2;
	pub const MaxValidators: u32 = 4;
}

impl pallet_validators::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type HasSessionKeys = HaveKeys;
	type MinValidators = MinValidators;
	type MaxValidators = MaxValidators;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = HaveKeys;
}

/// Validators 1, 2 and 3; sessions of 10 blocks; block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validators::GenesisConfig::<Test> { validators: vec![1, 2, 3], session_length: 10 }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
