//! A runtime with balances and the registry, for unit tests and benchmarks.

use civitas_primitives::{OrganisationKind, Role, Roles};
use frame_support::{derive_impl, parameter_types, traits::VariantCountOf};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_registry;
use crate::GenesisOrganisation;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeHoldReason,
		RuntimeFreezeReason,
		RuntimeTask
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(2)]
	pub type Registry = pallet_registry;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

parameter_types! {
	pub const MemberDeposit: u64 = 10;
	pub const MaxMembers: u32 = 4;
}

impl pallet_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MemberDeposit = MemberDeposit;
	type MaxMembers = MaxMembers;
	type MinSpendApprovals = frame_support::traits::ConstU32<2>;
	type SpendDeposit = MemberDeposit;
	type WeightInfo = ();
}

/// City admin (organisation 0).
pub const CITY_ADMIN: u64 = 1;
/// Partner admin (organisation 1).
pub const PARTNER_ADMIN: u64 = 2;
/// An account with funds and no membership.
pub const OUTSIDER: u64 = 3;
/// An account without funds.
pub const PAUPER: u64 = 99;

/// Two organisations from genesis: a city (0) administered by account 1
/// and a private partner (1) administered by account 2.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_registry::GenesisConfig::<Test> {
		organisations: vec![
			GenesisOrganisation {
				kind: OrganisationKind::PublicAuthority,
				scheme: "XI-LEI".into(),
				id: "CITY0000000000000001".into(),
				name: "City of Testville".into(),
				members: vec![(CITY_ADMIN, Roles::of(&[Role::Admin, Role::Signatory]))],
			},
			GenesisOrganisation {
				kind: OrganisationKind::PrivatePartner,
				scheme: "EU-VAT".into(),
				id: "FR12345678901".into(),
				name: "Builders SA".into(),
				members: vec![(PARTNER_ADMIN, Roles::of(&[Role::Admin]))],
			},
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		// As a chain's genesis does: every pallet's storage at its version.
		<AllPalletsWithSystem as frame_support::traits::OnGenesis>::on_genesis();
		System::set_block_number(1)
	});
	ext
}

/// Empty externalities for the benchmarks, which build their own world.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
