//! A runtime with balances, the registry, the audit trail and agreements,
//! for unit tests and benchmarks.

use core::cell::RefCell;

use alloc::collections::btree_map::BTreeMap;
use civitas_primitives::{
	AgreementId, CheckOutcome, Conditions, ConditionsError, ConditionsOutcome, DisbursementQuery,
	FundingConditions, MilestoneIndex, OrganisationKind, PaidSoFar, Role, Roles,
};
use frame_support::{derive_impl, parameter_types, traits::VariantCountOf, weights::Weight};
use frame_system::EnsureRoot;
use pallet_civitas_registry::GenesisOrganisation;
use sp_core::{H160, H256};
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
	pub const AmendmentLifetime: u64 = 50;
	/// A test lowers it below [`READ_WEIGHT`] to make a contract's answer
	/// run out of weight.
	pub static ConditionsWeightLimit: Weight = Weight::from_parts(1_000_000_000, 64 * 1024);
}

impl pallet_civitas_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<u64>;
	type MemberDeposit = MemberDeposit;
	type MaxMembers = MaxMembers;
	type MinSpendApprovals = frame_support::traits::ConstU32<2>;
	type SpendDeposit = MemberDeposit;
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

thread_local! {
	static CONTRACTS: RefCell<BTreeMap<H160, (H256, AgreementId)>> = const { RefCell::new(BTreeMap::new()) };
}

/// The code hash every contract of the tests runs.
pub const CODE_HASH: H256 = H256::repeat_byte(0x83);

/// The address of the contract [`MockConditions`] holds for `agreement`.
pub fn contract_of(agreement: AgreementId) -> H160 {
	let mut address = [0xC0; 20];
	address[16..].copy_from_slice(&agreement.to_le_bytes());
	H160(address)
}

/// Weight [`MockConditions`] reports for reading a contract's conditions.
pub const READ_WEIGHT: Weight = Weight::from_parts(5_000_000, 1_000);

/// Stands in for pallet-revive and the funding-conditions contracts: tests
/// deploy contracts (address, code hash, the agreement they hold the
/// conditions of); [`new_test_ext`] deploys one for each of the first
/// agreements at [`contract_of`].
pub struct MockConditions;

impl MockConditions {
	/// Puts a contract running `code_hash` for `agreement` at `address`.
	pub fn deploy(address: H160, code_hash: H256, agreement: AgreementId) {
		CONTRACTS.with(|contracts| contracts.borrow_mut().insert(address, (code_hash, agreement)));
	}
}

impl FundingConditions<u64> for MockConditions {
	fn lookup_weight() -> Weight {
		Weight::from_parts(1_000, 100)
	}

	fn check(
		_contract: H160,
		_code_hash: H256,
		_query: &DisbursementQuery<u64>,
		_weight_limit: Weight,
	) -> CheckOutcome {
		// The agreements pallet never asks about payouts.
		CheckOutcome { weight_used: Self::lookup_weight(), result: Err(ConditionsError::Trapped) }
	}

	fn conditions(contract: H160, code_hash: H256, weight_limit: Weight) -> ConditionsOutcome {
		let result = match CONTRACTS.with(|contracts| contracts.borrow().get(&contract).copied()) {
			None => Err(ConditionsError::NoContract),
			Some((found, _)) if found != code_hash => {
				Err(ConditionsError::CodeHashMismatch { expected: code_hash, found })
			},
			Some(_) if READ_WEIGHT.any_gt(weight_limit) => Err(ConditionsError::OutOfWeight),
			Some((_, agreement)) => Ok(Conditions::unconstrained(agreement)),
		};
		ConditionsOutcome { weight_used: Self::lookup_weight().saturating_add(READ_WEIGHT), result }
	}
}

thread_local! {
	static REVOKED: RefCell<alloc::collections::BTreeSet<H256>> = const { RefCell::new(alloc::collections::BTreeSet::new()) };
}

/// Stands in for governance's list of approved contract code: every code
/// is approved unless a test revokes it.
pub struct MockApprovedCode;

impl MockApprovedCode {
	/// Withdraws the approval of `code_hash`.
	pub fn revoke(code_hash: H256) {
		REVOKED.with(|revoked| revoked.borrow_mut().insert(code_hash));
	}
}

impl frame_support::traits::Contains<H256> for MockApprovedCode {
	fn contains(code_hash: &H256) -> bool {
		!REVOKED.with(|revoked| revoked.borrow().contains(code_hash))
	}
}

/// Deploys a mock contract bound to each benchmark's agreement.
#[cfg(feature = "runtime-benchmarks")]
pub struct DeployMock;

#[cfg(feature = "runtime-benchmarks")]
impl civitas_primitives::ConditionsBenchmarkHelper for DeployMock {
	fn conditions_contract(conditions: &Conditions) -> civitas_primitives::ConditionsContract {
		let address = contract_of(conditions.agreement);
		MockConditions::deploy(address, CODE_HASH, conditions.agreement);
		civitas_primitives::ConditionsContract { address, code_hash: CODE_HASH }
	}
}

impl pallet_agreements::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<u64>;
	type Organisations = Registry;
	type AuditLog = AuditTrail;
	type PaidSoFar = MockPaid;
	type FundingConditions = MockConditions;
	type ApprovedCode = MockApprovedCode;
	type ConditionsWeightLimit = ConditionsWeightLimit;
	type AmendmentLifetime = AmendmentLifetime;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = DeployMock;
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
	ext.execute_with(|| {
		// As a chain's genesis does: every pallet's storage at its version.
		<AllPalletsWithSystem as frame_support::traits::OnGenesis>::on_genesis();
		System::set_block_number(1)
	});
	CONTRACTS.with(|contracts| contracts.borrow_mut().clear());
	for agreement in 0..16 {
		MockConditions::deploy(contract_of(agreement), CODE_HASH, agreement);
	}
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
