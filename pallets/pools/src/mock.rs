//! A runtime with balances, the registry, the audit trail and pools, and a
//! stand-in for the agreements pallet, for unit tests and benchmarks.

use core::cell::RefCell;

use alloc::collections::btree_map::BTreeMap;
use civitas_primitives::{
	AgreementId, AgreementTerms, Agreements, ConditionsContract, OrganisationId, OrganisationKind,
	Party, PartyRole, Period, Phase, Role, Roles, Terms,
};
use frame_support::{derive_impl, parameter_types, traits::VariantCountOf};
use frame_system::EnsureRoot;
use pallet_civitas_registry::GenesisOrganisation;
use sp_runtime::BuildStorage;

use crate as pallet_pools;

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts are 16 bytes, so that organisation accounts (`modl`, the
/// registry's prefix and a 4-byte id) stay distinct.
pub type AccountId = u128;

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
	pub type Pools = pallet_pools;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type ExistentialDeposit = ExistentialDeposit;
}

parameter_types! {
	/// 1 as in the default test config; a test raises it to try payouts
	/// to an empty account in parts below it.
	pub static ExistentialDeposit: u64 = 1;
	pub const MemberDeposit: u64 = 10;
	pub const MaxMembers: u32 = 80;
	pub const MaxEntries: u32 = 10_000;
	pub const PoolDeposit: u64 = 50;
	pub const MinimumPledge: u64 = 10;
	pub const ExpiryPageSize: u32 = 1;
}

impl pallet_civitas_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MemberDeposit = MemberDeposit;
	type MaxMembers = MaxMembers;
	type MinSpendApprovals = frame_support::traits::ConstU32<2>;
	type SpendDeposit = MemberDeposit;
	type WeightInfo = ();
}

impl pallet_civitas_audit_trail::Config for Test {
	type MaxEntries = MaxEntries;
}

/// What the stand-in knows of one agreement.
struct MockAgreement {
	active: bool,
	parties: Vec<Party>,
	/// The version in force; each amendment adds one.
	version: u32,
	/// The value of the terms in force.
	value: u64,
}

thread_local! {
	static AGREEMENTS: RefCell<BTreeMap<AgreementId, MockAgreement>> =
		const { RefCell::new(BTreeMap::new()) };
}

/// The value of every agreement the tests record, unless amended: far more
/// than any test pool raises.
pub const VALUE: u64 = 100_000_000;

/// Stands in for the agreements pallet: tests say which agreements exist,
/// whether they are active, their parties and the value of their terms.
pub struct MockAgreements;

impl MockAgreements {
	/// Records `agreement` between `parties`, active or not, worth [`VALUE`].
	pub fn set(agreement: AgreementId, active: bool, parties: Vec<Party>) {
		AGREEMENTS.with(|all| {
			all.borrow_mut()
				.insert(agreement, MockAgreement { active, parties, version: 0, value: VALUE })
		});
	}

	/// Makes `agreement` active or not (suspended, ended).
	pub fn set_active(agreement: AgreementId, active: bool) {
		Self::update(agreement, |entry| entry.active = active);
	}

	/// Puts a new version of `agreement`'s terms in force, worth `value`,
	/// as a signed amendment would.
	pub fn amend_value(agreement: AgreementId, value: u64) {
		Self::update(agreement, |entry| {
			entry.version += 1;
			entry.value = value;
		});
	}

	/// The value of `agreement`'s terms in force (zero if unknown).
	pub fn value(agreement: AgreementId) -> u64 {
		Self::read(agreement, |entry| entry.value).unwrap_or(0)
	}

	fn update(agreement: AgreementId, change: impl FnOnce(&mut MockAgreement)) {
		AGREEMENTS.with(|all| {
			if let Some(entry) = all.borrow_mut().get_mut(&agreement) {
				change(entry);
			}
		});
	}

	fn read<R>(agreement: AgreementId, read: impl FnOnce(&MockAgreement) -> R) -> Option<R> {
		AGREEMENTS.with(|all| all.borrow().get(&agreement).map(read))
	}

	fn clear() {
		AGREEMENTS.with(|all| all.borrow_mut().clear());
	}
}

impl Agreements for MockAgreements {
	fn is_active(agreement: AgreementId) -> bool {
		Self::read(agreement, |entry| entry.active).unwrap_or(false)
	}

	fn party_role(agreement: AgreementId, organisation: OrganisationId) -> Option<PartyRole> {
		Self::read(agreement, |entry| {
			entry.parties.iter().find(|p| p.organisation == organisation).map(|p| p.role)
		})
		.flatten()
	}

	fn parties(agreement: AgreementId) -> Vec<OrganisationId> {
		Self::read(agreement, |entry| entry.parties.iter().map(|p| p.organisation).collect())
			.unwrap_or_default()
	}

	fn phase(agreement: AgreementId) -> Option<Phase> {
		Self::read(agreement, |entry| match entry.active {
			true => Phase::Active { version: entry.version },
			false => Phase::Suspended { version: entry.version },
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn activate_for_benchmark(parties: &[Party]) -> AgreementId {
		let id = AGREEMENTS.with(|all| all.borrow().keys().max().map_or(0, |max| max + 1));
		Self::set(id, true, parties.to_vec());
		// Benchmarks pledge far more than the tests' value.
		Self::update(id, |entry| entry.value = u64::MAX);
		id
	}
}

impl AgreementTerms<u64> for MockAgreements {
	/// Terms worth the version's value; only the version in force is known.
	fn terms(agreement: AgreementId, version: u32) -> Option<Terms<u64>> {
		let value =
			Self::read(agreement, |entry| (entry.version == version).then_some(entry.value))
				.flatten()?;
		Some(Terms {
			title: Default::default(),
			value,
			period: Period { start: 0, end: 1 },
			milestones: Default::default(),
			retention: Default::default(),
			late_penalty_per_day: Default::default(),
			conditions: ConditionsContract {
				address: Default::default(),
				code_hash: Default::default(),
			},
			verifiers: Default::default(),
			documents: Default::default(),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn activate_with_terms_for_benchmark(parties: &[Party], terms: Terms<u64>) -> AgreementId {
		let id = <Self as Agreements>::activate_for_benchmark(parties);
		Self::update(id, |entry| entry.value = terms.value);
		id
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn amend_for_benchmark(agreement: AgreementId, terms: Terms<u64>) {
		Self::amend_value(agreement, terms.value);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn complete_for_benchmark(agreement: AgreementId) {
		Self::set_active(agreement, false);
	}
}

impl pallet_pools::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Organisations = Registry;
	type Agreements = MockAgreements;
	type Terms = MockAgreements;
	type AuditLog = AuditTrail;
	type PoolDeposit = PoolDeposit;
	type MinimumPledge = MinimumPledge;
	type ExpiryPageSize = ExpiryPageSize;
	type WeightInfo = ();
}

/// Organisation ids of the genesis world.
pub const CITY_A: u32 = 0;
/// A second city, also a public authority of the agreement.
pub const CITY_B: u32 = 1;
/// The private partner.
pub const PARTNER: u32 = 2;
/// A funder.
pub const FUNDER: u32 = 3;
/// A third city, not a party of the agreement.
pub const CITY_C: u32 = 4;
/// A verifier (never a co-funder).
pub const VERIFIER: u32 = 5;

/// City A's signatory and admin.
pub const ALICE: AccountId = 10;
/// City A's finance officer.
pub const ANNA: AccountId = 11;
/// City B's signatory and finance officer.
pub const BOB: AccountId = 20;
/// City B's second finance officer.
pub const BEA: AccountId = 21;
/// The partner's signatory and finance officer.
pub const CHARLIE: AccountId = 30;
/// The funder's signatory and finance officer.
pub const DAVE: AccountId = 40;
/// City C's finance officer.
pub const CAROL: AccountId = 50;
/// The verifier's admin.
pub const EVE: AccountId = 60;
/// Funded, member of nothing.
pub const OUTSIDER: AccountId = 99;
/// City A's extra finance officers, for pools with many pledgers.
pub const TREASURY: core::ops::Range<AccountId> = 100..170;

/// The organisation account of `organisation`.
pub fn org_account(organisation: u32) -> AccountId {
	Registry::organisation_account(organisation)
}

/// The active agreement between cities A and B, the funder and the partner.
pub const AGREEMENT: AgreementId = 7;

/// Every account's starting balance.
pub const ENDOWMENT: u64 = 1_000_000;

fn organisation(
	kind: OrganisationKind,
	id: &str,
	members: Vec<(AccountId, Roles)>,
) -> GenesisOrganisation<AccountId> {
	GenesisOrganisation { kind, scheme: "XI-TEST".into(), id: id.into(), name: id.into(), members }
}

/// The agreement's parties.
pub fn parties() -> Vec<Party> {
	vec![
		Party { organisation: CITY_A, role: PartyRole::PublicAuthority },
		Party { organisation: CITY_B, role: PartyRole::PublicAuthority },
		Party { organisation: PARTNER, role: PartyRole::PrivateParty },
		Party { organisation: FUNDER, role: PartyRole::Funder },
	]
}

/// Six organisations with their members (see the constants above) and the
/// active agreement [`AGREEMENT`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	// Public money is on the organisation accounts; members' own accounts
	// pay fees and deposits.
	let accounts = [ALICE, ANNA, BOB, BEA, CHARLIE, DAVE, CAROL, EVE, OUTSIDER]
		.into_iter()
		.chain(TREASURY)
		.chain([CITY_A, CITY_B, PARTNER, FUNDER, CITY_C].map(org_account));
	pallet_balances::GenesisConfig::<Test> {
		balances: accounts.map(|who| (who, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let signer = Roles::of(&[Role::Admin, Role::Signatory]);
	let officer = Roles::of(&[Role::FinanceOfficer]);
	let both = Roles::of(&[Role::Admin, Role::Signatory, Role::FinanceOfficer]);
	let mut city_a = vec![(ALICE, signer), (ANNA, officer)];
	city_a.extend(TREASURY.map(|who| (who, officer)));
	pallet_civitas_registry::GenesisConfig::<Test> {
		organisations: vec![
			organisation(OrganisationKind::PublicAuthority, "city-a", city_a),
			organisation(
				OrganisationKind::PublicAuthority,
				"city-b",
				vec![(BOB, both), (BEA, officer)],
			),
			organisation(OrganisationKind::PrivatePartner, "partner", vec![(CHARLIE, both)]),
			organisation(OrganisationKind::Funder, "funder", vec![(DAVE, both)]),
			organisation(OrganisationKind::PublicAuthority, "city-c", vec![(CAROL, both)]),
			organisation(
				OrganisationKind::Verifier,
				"verifier",
				vec![(EVE, Roles::of(&[Role::Admin, Role::Verifier]))],
			),
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	MockAgreements::clear();
	MockAgreements::set(AGREEMENT, true, parties());
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
	MockAgreements::clear();
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
