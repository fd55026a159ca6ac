//! A runtime with every ledger pallet and pallet-revive running the
//! committed funding-conditions contract, for unit, property and benchmark
//! tests. Nothing is mocked: agreements are proposed and signed, pools
//! pledged and committed, and every payout asks the real contract.

use civitas_funding_conditions::{ReviveFundingConditions, REFERENCE_CODE};
use civitas_primitives::ids::MILLIS_PER_DAY;
use civitas_primitives::{
	terms::{ApprovalRule, Documents, Parties},
	ApprovalRequirement, Approvers, Conditions, ConditionsContract, Document, DocumentType,
	Milestone, MilestoneType, OrganisationKind, Party, PartyRole, Period, Role, Roles, Terms,
};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstBool, VariantCountOf},
	weights::Weight,
	BoundedVec,
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_civitas_pools::{Minimum, Requirement};
use pallet_civitas_registry::GenesisOrganisation;
use sp_core::H256;
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage, Permill};

use crate as pallet_disbursements;

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts are 32 bytes, as on the chain: the contract reads the payee so.
pub type AccountId = AccountId32;

/// Balances in the chain's unit (12 decimals).
pub type Balance = u128;

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
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(3)]
	pub type Revive = pallet_revive;

	#[runtime::pallet_index(4)]
	pub type Registry = pallet_civitas_registry;

	#[runtime::pallet_index(5)]
	pub type AuditTrail = pallet_civitas_audit_trail;

	#[runtime::pallet_index(6)]
	pub type Agreements = pallet_civitas_agreements;

	#[runtime::pallet_index(7)]
	pub type Pools = pallet_civitas_pools;

	#[runtime::pallet_index(8)]
	pub type Disbursements = pallet_disbursements;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

#[derive_impl(pallet_revive::config_preludes::TestDefaultConfig)]
impl pallet_revive::Config for Test {
	type Time = Timestamp;
	type Balance = Balance;
	type Currency = Balances;
	type AddressMapper = pallet_revive::AccountId32Mapper<Self>;
	type AllowEVMBytecode = ConstBool<false>;
	type UploadOrigin = EnsureSigned<AccountId>;
	type InstantiateOrigin = EnsureSigned<AccountId>;
}

/// One unit of the currency.
pub const UNIT: Balance = 1_000_000_000_000;

parameter_types! {
	pub const MemberDeposit: Balance = UNIT / 10;
	pub const MaxMembers: u32 = 64;
	pub const MaxEntries: u32 = 10_000;
	pub const AgreementDepositBase: Balance = UNIT / 5;
	pub const AgreementDepositPerByte: Balance = UNIT / 1_000;
	pub const PoolDeposit: Balance = UNIT / 2;
	pub const MinimumPledge: Balance = UNIT;
	pub const ExpiryPageSize: u32 = 4;
	pub const MinReviewPeriod: u64 = 10;
	pub const AmendmentLifetime: u64 = 100;
	pub const EvidenceDepositBase: Balance = UNIT / 5;
	pub const EvidenceDepositPerByte: Balance = UNIT / 1_000;
	pub const RecoveryDeposit: Balance = UNIT;
	/// A thousand planck: the benchmarks' payouts (a million planck on
	/// this mock) must leave room for recoveries above it.
	pub const MinimumRecovery: Balance = 1_000;
	pub const DisputeDeposit: Balance = 5 * UNIT;
	/// 10 ms and 256 KiB, as the runtime allows.
	pub const ConditionsWeightLimit: Weight = Weight::from_parts(10_000_000_000, 256 * 1024);
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

impl pallet_civitas_agreements::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Organisations = Registry;
	type AuditLog = AuditTrail;
	type PaidSoFar = Disbursements;
	type FundingConditions = ReviveFundingConditions<Test>;
	// Which code is approved is the agreements pallet's and the runtime's
	// concern (tested there); payouts run on any contract terms named.
	type ApprovedCode = frame_support::traits::Everything;
	type ConditionsWeightLimit = ConditionsWeightLimit;
	type AmendmentLifetime = AmendmentLifetime;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = DeployReference;
	type DepositBase = AgreementDepositBase;
	type DepositPerByte = AgreementDepositPerByte;
	type WeightInfo = ();
}

impl pallet_civitas_pools::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Organisations = Registry;
	type Agreements = Agreements;
	type Terms = Agreements;
	type AuditLog = AuditTrail;
	type PoolDeposit = PoolDeposit;
	type MinimumPledge = MinimumPledge;
	type ExpiryPageSize = ExpiryPageSize;
	type WeightInfo = ();
}

impl pallet_disbursements::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Organisations = Registry;
	type Agreements = Agreements;
	type Escrow = Pools;
	type FundingConditions = ReviveFundingConditions<Test>;
	type AuditLog = AuditTrail;
	type Time = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MinReviewPeriod = MinReviewPeriod;
	type EvidenceDepositBase = EvidenceDepositBase;
	type EvidenceDepositPerByte = EvidenceDepositPerByte;
	type RecoveryDeposit = RecoveryDeposit;
	type MinimumRecovery = MinimumRecovery;
	type DisputeDeposit = DisputeDeposit;
	type ConditionsWeightLimit = ConditionsWeightLimit;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = DeployReference;
}

/// Deploys the committed contract for the benchmarks, as [`DEPLOYER`].
#[cfg(feature = "runtime-benchmarks")]
pub struct DeployReference;

#[cfg(feature = "runtime-benchmarks")]
impl civitas_primitives::ConditionsBenchmarkHelper for DeployReference {
	fn conditions_contract(conditions: &Conditions) -> ConditionsContract {
		deploy(conditions)
	}
}

/// Uploads and instantiates the committed contract with `conditions`.
pub fn deploy(conditions: &Conditions) -> ConditionsContract {
	ReviveFundingConditions::<Test>::deploy(
		&DEPLOYER,
		REFERENCE_CODE.to_vec(),
		conditions,
		100 * UNIT,
	)
	.expect("the committed contract deploys")
}

/// An account from a one-byte seed.
const fn account(seed: u8) -> AccountId {
	AccountId32::new([seed; 32])
}

/// Organisation ids of the genesis world.
pub const CITY_A: u32 = 0;
/// A second city, co-funder.
pub const CITY_B: u32 = 1;
/// The private partner, payee.
pub const PARTNER: u32 = 2;
/// A funder (a development bank: not a public body).
pub const FUNDER: u32 = 3;
/// An independent engineer, designated verifier.
pub const ENGINEER: u32 = 4;
/// The court of auditors.
pub const COURT: u32 = 5;
/// A second private partner, party to no agreement of the genesis world.
pub const RIVAL: u32 = 6;

/// City A's signatory, admin and finance officer.
pub const ALICE: AccountId = account(10);
/// City A's engineer: a verifier of a party.
pub const ANNA: AccountId = account(11);
/// City B's signatory and finance officer.
pub const BOB: AccountId = account(20);
/// The partner's signatory and finance officer: the payee.
pub const CHARLIE: AccountId = account(30);
/// The partner's second finance officer.
pub const CLAIRE: AccountId = account(31);
/// The funder's signatory, finance officer and monitor (a verifier).
pub const DAVE: AccountId = account(40);
/// The engineer's verifier.
pub const EVE: AccountId = account(50);
/// The engineer's second verifier.
pub const ERIN: AccountId = account(51);
/// The court's auditor.
pub const FERDIE: AccountId = account(60);
/// The finance officer of a second private partner (organisation 6), not a party.
pub const GRACE: AccountId = account(70);
/// Funded, member of nothing.
pub const OUTSIDER: AccountId = account(99);
/// Deploys contracts (governance's account on the chain).
pub const DEPLOYER: AccountId = account(100);

/// Every account's starting balance: 10 million units.
pub const ENDOWMENT: Balance = 10_000_000 * UNIT;

/// Every funded account.
pub fn accounts() -> Vec<AccountId> {
	vec![ALICE, ANNA, BOB, CHARLIE, CLAIRE, DAVE, EVE, ERIN, FERDIE, GRACE, OUTSIDER, DEPLOYER]
}

/// The organisation accounts of the genesis world's seven organisations,
/// which payouts and released retention are paid to.
pub fn organisation_accounts() -> Vec<AccountId> {
	(CITY_A..=RIVAL).map(Registry::organisation_account).collect()
}

/// 2026-01-01T00:00:00Z: the agreement's period starts.
pub const START: u64 = 1_767_225_600_000;
/// Milestone 0 is due 100 days in, milestone 1 after 200 and milestone 2 after 300.
pub const DUE: [u64; 3] =
	[START + 100 * MILLIS_PER_DAY, START + 200 * MILLIS_PER_DAY, START + 300 * MILLIS_PER_DAY];
/// The agreement's value and its milestones' amounts.
pub const VALUE: Balance = 1_000_000 * UNIT;
/// What each milestone pays when met.
pub const AMOUNTS: [Balance; 3] = [400_000 * UNIT, 350_000 * UNIT, 250_000 * UNIT];

fn organisation(
	kind: OrganisationKind,
	id: &str,
	members: Vec<(AccountId, Roles)>,
) -> GenesisOrganisation<AccountId> {
	GenesisOrganisation { kind, scheme: "XI-TEST".into(), id: id.into(), name: id.into(), members }
}

/// The seven organisations with their members, every account funded and
/// mapped for contracts, the clock at the agreement's start.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		// The co-funders' public money is on their organisation accounts.
		balances: accounts()
			.into_iter()
			.chain([CITY_A, CITY_B, FUNDER].map(Registry::organisation_account))
			.map(|who| (who, ENDOWMENT))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_revive::GenesisConfig::<Test> { mapped_accounts: vec![DEPLOYER], ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let all = Roles::of(&[Role::Admin, Role::Signatory, Role::FinanceOfficer]);
	let officer = Roles::of(&[Role::FinanceOfficer]);
	let verifier = Roles::of(&[Role::Verifier]);
	pallet_civitas_registry::GenesisConfig::<Test> {
		organisations: vec![
			organisation(
				OrganisationKind::PublicAuthority,
				"city-a",
				vec![(ALICE, all), (ANNA, verifier)],
			),
			organisation(OrganisationKind::PublicAuthority, "city-b", vec![(BOB, all)]),
			organisation(
				OrganisationKind::PrivatePartner,
				"partner",
				vec![(CHARLIE, all), (CLAIRE, officer)],
			),
			organisation(
				OrganisationKind::Funder,
				"funder",
				vec![(DAVE, all.with(Role::Verifier))],
			),
			organisation(
				OrganisationKind::Verifier,
				"engineer",
				vec![(EVE, verifier.with(Role::Admin)), (ERIN, verifier)],
			),
			organisation(
				OrganisationKind::Auditor,
				"court",
				vec![(FERDIE, Roles::of(&[Role::Admin, Role::Auditor]))],
			),
			organisation(OrganisationKind::PrivatePartner, "rival", vec![(GRACE, all)]),
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		// As a chain's genesis does: every pallet's storage at its version.
		<AllPalletsWithSystem as frame_support::traits::OnGenesis>::on_genesis();
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
	});
	ext
}

/// Every condition the reference contract knows, set to what the
/// agreement's terms imply: 5 % retention, 0.1 % penalty a day, the funder
/// at least 10 % of each payout, public funders at least half, a report
/// required, no payout beyond 60 days after the period.
pub fn conditions(agreement: u32) -> Conditions {
	Conditions {
		agreement,
		max_single_payout: Some(500_000 * UNIT),
		cumulative_cap: Some(VALUE),
		min_funder_shares: BoundedVec::truncate_from(vec![civitas_primitives::FunderShare {
			funder: FUNDER,
			min_share: Permill::from_percent(10),
		}]),
		min_public_share: Some(Permill::from_percent(50)),
		retention: Some(Permill::from_percent(5)),
		payout_deadline: Some(civitas_primitives::PayoutDeadline {
			end_date: START + 365 * MILLIS_PER_DAY,
			grace: 60 * MILLIS_PER_DAY,
		}),
		late_penalty_per_day: Some(Permill::from_parts(1_000)),
		required_evidence: BoundedVec::truncate_from(vec![
			DocumentType::PhysicalProgressReport.code()
		]),
	}
}

/// An approval rule: `count` members holding each role, of any party or
/// designated verifier.
pub fn rule(entries: &[(Role, u8)]) -> ApprovalRule {
	scoped_rule(
		&entries
			.iter()
			.map(|(role, count)| (*role, *count, Approvers::AnyParty))
			.collect::<Vec<_>>(),
	)
}

/// An approval rule: `count` members holding each role, from `from`.
pub fn scoped_rule(entries: &[(Role, u8, Approvers)]) -> ApprovalRule {
	BoundedVec::truncate_from(
		entries
			.iter()
			.map(|(role, count, from)| ApprovalRequirement {
				role: *role,
				count: *count,
				from: *from,
			})
			.collect(),
	)
}

/// The parties: two cities, the partner and the funder.
pub fn parties() -> Parties {
	BoundedVec::truncate_from(vec![
		Party { organisation: CITY_A, role: PartyRole::PublicAuthority },
		Party { organisation: CITY_B, role: PartyRole::Funder },
		Party { organisation: PARTNER, role: PartyRole::PrivateParty },
		Party { organisation: FUNDER, role: PartyRole::Funder },
	])
}

/// The terms: three milestones approved by one verifier (the engineer or
/// a city's) and one signatory; 5 % retention; 0.1 % penalty a day late.
pub fn terms(contract: ConditionsContract) -> Terms<Balance> {
	let approval = rule(&[(Role::Verifier, 1), (Role::Signatory, 1)]);
	Terms {
		title: BoundedVec::truncate_from(b"Tramway line 3".to_vec()),
		value: VALUE,
		period: Period { start: START, end: START + 365 * MILLIS_PER_DAY },
		milestones: BoundedVec::truncate_from(
			AMOUNTS
				.iter()
				.zip(DUE)
				.map(|(amount, due)| Milestone {
					amount: *amount,
					due,
					kind: MilestoneType::Delivery,
					approval: approval.clone(),
				})
				.collect(),
		),
		retention: Permill::from_percent(5),
		late_penalty_per_day: Permill::from_parts(1_000),
		conditions: contract,
		// The engineer verifies; the court audits (and may open recoveries).
		verifiers: BoundedVec::truncate_from(vec![ENGINEER, COURT]),
		documents: BoundedVec::new(),
	}
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

/// Proposes `terms` between [`parties`] and has every party sign them.
pub fn sign_agreement(terms: Terms<Balance>) -> u32 {
	let agreement = pallet_civitas_agreements::NextAgreementId::<Test>::get();
	let hash = terms.hash();
	assert_ok!(Agreements::propose(signed(&ALICE), parties(), Box::new(terms)));
	for signer in [&ALICE, &BOB, &CHARLIE, &DAVE] {
		assert_ok!(Agreements::sign(signed(signer), agreement, hash));
	}
	agreement
}

/// An active agreement on [`terms`] whose contract holds [`conditions`].
pub fn active_agreement() -> u32 {
	let agreement = pallet_civitas_agreements::NextAgreementId::<Test>::get();
	sign_agreement(terms(deploy(&conditions(agreement))))
}

/// Commits the agreement's pool: Alice 500 000, Bob 300 000, Dave 200 000 units.
pub fn commit_pool(agreement: u32) {
	let pool = pallet_civitas_pools::NextPoolId::<Test>::get();
	assert_ok!(Pools::open_pool(
		signed(&ALICE),
		agreement,
		VALUE,
		System::block_number() + 10,
		BoundedVec::truncate_from(vec![Requirement {
			organisation: FUNDER,
			minimum: Minimum::Share(Permill::from_percent(20)),
		}]),
	));
	assert_ok!(approve_pool(pool));
	assert_ok!(Pools::pledge(signed(&ALICE), pool, 500_000 * UNIT));
	assert_ok!(Pools::pledge(signed(&BOB), pool, 300_000 * UNIT));
	assert_ok!(Pools::pledge(signed(&DAVE), pool, 200_000 * UNIT));
	assert!(Pools::position(agreement).is_some(), "the pool committed");
}

/// A signatory of every party but city A (city B, the partner, the funder,
/// the rival if it is one) approves the parameters of `pool`, which city A
/// proposed: it takes pledges.
pub fn approve_pool(pool: u32) -> frame_support::dispatch::DispatchResult {
	use civitas_primitives::{Agreements as _, Organisations as _};
	let record = pallet_civitas_pools::Pools::<Test>::get(pool)
		.ok_or(pallet_civitas_pools::Error::<Test>::UnknownPool)?;
	for who in [&BOB, &CHARLIE, &DAVE, &GRACE] {
		let party = Registry::organisation_of(who)
			.and_then(|organisation| Agreements::party_role(record.agreement, organisation));
		if party.is_some() {
			Pools::approve_pool(signed(who), pool, record.parameters())?;
		}
	}
	Ok(())
}

/// A document of `kind` whose content is `seed`.
pub fn document(kind: DocumentType, seed: u8) -> Document {
	Document {
		kind,
		sha256: [seed; 32],
		uri: BoundedVec::truncate_from(format!("https://docs.example/{seed}.pdf").into_bytes()),
	}
}

/// A progress report and a photograph.
pub fn evidence(seed: u8) -> Documents {
	BoundedVec::truncate_from(vec![
		document(DocumentType::PhysicalProgressReport, seed),
		document(DocumentType::Illustration, seed.wrapping_add(1)),
	])
}

/// An invoice with content `seed` claiming `amount`.
pub fn invoice(seed: u8, amount: Balance) -> crate::Invoice<Balance> {
	crate::Invoice { sha256: [seed; 32], amount }
}

/// A note's hash.
pub fn note(seed: u8) -> H256 {
	H256::repeat_byte(seed)
}

use civitas_primitives::Escrow as _;

/// Checks every ledger pallet's invariants.
pub fn check_invariants() {
	assert_eq!(Disbursements::do_try_state(), Ok(()));
	assert_eq!(Pools::do_try_state(), Ok(()));
	assert_eq!(Agreements::do_try_state(), Ok(()));
	assert_eq!(AuditTrail::do_try_state(), Ok(()));
	assert_eq!(Registry::do_try_state(), Ok(()));
}

/// Runs `test` in a fresh world and checks every invariant after it.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	});
}

/// Empty storage except for the contract deployer, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(DEPLOYER, ENDOWMENT)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_revive::GenesisConfig::<Test> { mapped_accounts: vec![DEPLOYER], ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
	});
	ext
}
