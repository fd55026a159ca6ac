//! A runtime with the governance pallet, for unit tests and benchmarks.
//!
//! Governance is root; upgrades need the [`UPGRADER`] account, so that the
//! tests tell the two origins apart.

use frame_support::{derive_impl, parameter_types, traits::EnsureOrigin};
use frame_system::{EnsureRoot, RawOrigin};
use sp_runtime::BuildStorage;

use crate as pallet_governance;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Governance = pallet_governance;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The one account the mock's upgrade origin accepts.
pub const UPGRADER: u64 = 7;
/// Any other account.
pub const OUTSIDER: u64 = 3;

/// Accepts only [`UPGRADER`]'s signature: a stand-in for the council's
/// two-thirds origin.
pub struct EnsureUpgrader;

impl EnsureOrigin<RuntimeOrigin> for EnsureUpgrader {
	type Success = ();

	fn try_origin(origin: RuntimeOrigin) -> Result<(), RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Signed(UPGRADER)) => Ok(()),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(UPGRADER))
	}
}

parameter_types! {
	pub const MaxApprovedCode: u32 = 3;
}

impl pallet_governance::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type UpgradeOrigin = EnsureUpgrader;
	type MaxApprovedCode = MaxApprovedCode;
	type WeightInfo = ();
}

/// The code approved at genesis.
pub fn genesis_code() -> sp_core::H256 {
	sp_core::H256::repeat_byte(0xAA)
}

/// One code ([`genesis_code`]) approved at genesis, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_governance::GenesisConfig::<Test> {
		approved_code: vec![genesis_code()],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
