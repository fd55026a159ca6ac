//! A runtime with balances, the registry, the audit trail and agreements,
//! for unit tests and benchmarks.

use core::cell::RefCell;

use alloc::collections::btree_map::BTreeMap;
use civitas_primitives::{AgreementId, MilestoneIndex, OrganisationKind, PaidSoFar, Role, Roles};
use frame_support::{derive_impl, parameter_types, traits::VariantCountOf};
use frame_system::EnsureRoot;
use pallet_civitas_registry::GenesisOrganisation;
use sp_runtime::BuildStorage;

use crate as pallet_agreements;

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
	pub type Registry = pallet_civitas_registry;

	#[runtime::pallet_index(3)]
	pub type AuditTrail = pallet_civitas_audit_trail;

	#[runtime::pallet_index(4)]
	pub type Agreements = pallet_agreements;
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
	pub const MaxMembers: u32 = 8;
	pub const MaxEntries: u32 = 1_000;
	pub const DepositBase: u64 = 100;
	pub const DepositPerByte: u64 = 1;
}

impl pallet_civitas_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MemberDeposit = MemberDeposit;
	type MaxMembers = MaxMembers;
	type WeightInfo = ();
}

impl pallet_civitas_audit_trail::Config for Test {
	type MaxEntries = MaxEntries;
}

thread_local! {
	static PAID: RefCell<BTreeMap<(AgreementId, MilestoneIndex), u64>> = const { RefCell::new(BTreeMap::new()) };
}

/// Stands in for the disbursements pallet: tests set what has been paid.
pub struct MockPaid;

impl MockPaid {
	/// Records `amount` as paid so far for `milestone` of `agreement`.
	pub fn set(agreement: AgreementId, milestone: MilestoneIndex, amount: u64) {
		PAID.with(|paid| paid.borrow_mut().insert((agreement, milestone), amount));
	}
}

impl PaidSoFar<u64> for MockPaid {
	fn paid(agreement: AgreementId, milestone: MilestoneIndex) -> u64 {
		PAID.with(|paid| paid.borrow().get(&(agreement, milestone)).copied().unwrap_or(0))
	}
}

impl pallet_agreements::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<u64>;
	type Organisations = Registry;
	type AuditLog = AuditTrail;
	type PaidSoFar = MockPaid;
	type DepositBase = DepositBase;
	type DepositPerByte = DepositPerByte;
	type WeightInfo = ();
}

/// Organisation ids of the genesis world.
pub const CITY_A: u32 = 0;
/// A second city (co-funder).
pub const CITY_B: u32 = 1;
/// The private partner.
pub const PARTNER: u32 = 2;
/// A funder.
pub const FUNDER: u32 = 3;
/// An independent verifier.
pub const VERIFIER: u32 = 4;
/// A court of auditors.
pub const AUDITOR: u32 = 5;
/// A second private partner.
pub const PARTNER_B: u32 = 6;

/// City A's signatory (and admin).
pub const ALICE: u64 = 10;
/// City A's finance officer (not a signatory).
pub const ANNA: u64 = 11;
/// City B's signatory.
pub const BOB: u64 = 20;
/// The partner's signatory.
pub const CHARLIE: u64 = 30;
/// The funder's signatory.
pub const DAVE: u64 = 40;
/// The verifier's admin and verifier.
pub const EVE: u64 = 50;
/// The auditor's admin and auditor.
pub const FERDIE: u64 = 60;
/// The second partner's signatory.
pub const GRACE: u64 = 70;
/// Funded, member of nothing.
pub const OUTSIDER: u64 = 99;

/// Every account's starting balance.
pub const ENDOWMENT: u64 = 100_000;

fn organisation(
	kind: OrganisationKind,
	id: &str,
	members: Vec<(u64, Roles)>,
) -> GenesisOrganisation<u64> {
	GenesisOrganisation { kind, scheme: "XI-TEST".into(), id: id.into(), name: id.into(), members }
}

/// Seven organisations with their members (see the constants above).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, ANNA, BOB, CHARLIE, DAVE, EVE, FERDIE, GRACE, OUTSIDER]
			.into_iter()
			.map(|who| (who, ENDOWMENT))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let signer = Roles::of(&[Role::Admin, Role::Signatory]);
	pallet_civitas_registry::GenesisConfig::<Test> {
		organisations: vec![
			organisation(
				OrganisationKind::PublicAuthority,
				"city-a",
				vec![(ALICE, signer), (ANNA, Roles::of(&[Role::FinanceOfficer]))],
			),
			organisation(OrganisationKind::PublicAuthority, "city-b", vec![(BOB, signer)]),
			organisation(OrganisationKind::PrivatePartner, "partner", vec![(CHARLIE, signer)]),
			organisation(OrganisationKind::Funder, "funder", vec![(DAVE, signer)]),
			organisation(
				OrganisationKind::Verifier,
				"verifier",
				vec![(EVE, Roles::of(&[Role::Admin, Role::Verifier]))],
			),
			organisation(
				OrganisationKind::Auditor,
				"auditor",
				vec![(FERDIE, Roles::of(&[Role::Admin, Role::Auditor]))],
			),
			organisation(OrganisationKind::PrivatePartner, "partner-b", vec![(GRACE, signer)]),
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
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
