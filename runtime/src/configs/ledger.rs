//! The ledger: the organisations registry, PPP agreements, their funding
//! pools and escrow, milestone payouts, and the audit trail they share.

use frame_support::{parameter_types, weights::Weight};

use super::{contracts::FundingConditionsAdapter, council::GovernanceOrigin, governance::deposit};
use crate::{
	Agreements, AuditTrail, Balance, Balances, BlockNumber, Disbursements, Governance, Pools,
	Registry, Runtime, RuntimeHoldReason, Timestamp, CIV, DAYS,
};

parameter_types! {
	/// Deposit an organisation's admin pays per member it adds: one member
	/// record (account key 48 bytes, value up to 63 bytes).
	pub const MemberDeposit: Balance = deposit(1, 111);
	/// A city's staff, a partner's project team: a few dozen accounts.
	pub const MaxMembers: u32 = 64;
	/// Four eyes: no spend from an organisation account on one person's word.
	pub const MinSpendApprovals: u32 = 2;
	/// Deposit for a spend proposal: its record (keys 24 bytes, value up
	/// to about 2.2 kB with 64 approvals).
	pub const SpendDeposit: Balance = deposit(1, 2_200);
	/// An agreement's trail may record 100 000 actions: decades of monthly
	/// milestones, pledges and approvals with room to spare.
	pub const MaxTrailEntries: u32 = 100_000;
	/// Deposit for a proposed version of terms: its version record and the
	/// agreement record (or the amendment's status change).
	pub const TermsDepositBase: Balance = deposit(2, 0);
	/// Deposit per byte of the proposed terms.
	pub const TermsDepositPerByte: Balance = deposit(0, 1);
	/// Deposit for opening a pool: the pool record (up to about 450 bytes
	/// with every party required) and the agreement's pool index.
	pub const PoolDeposit: Balance = deposit(2, 450);
	/// The least a first pledge holds: pledges are public money, not dust,
	/// and each one is a record the chain keeps while the pool is open.
	pub const MinimumPledge: Balance = CIV;
	/// Pledges one `expire` call releases: 16 hold releases keep the call
	/// a small share of a block however many pledgers a pool had.
	pub const PoolExpiryPageSize: u32 = 16;
	/// How long a proposed amendment may await every party's signature:
	/// four weeks for the parties' signatories to review it, after which
	/// any party may put another in its place.
	pub const AmendmentLifetime: BlockNumber = 28 * DAYS;
	/// How long evidence stays under review before its party may replace
	/// it (dropping every verdict given): a working day for approvers, and
	/// at most one replacement a day per milestone.
	pub const MinReviewPeriod: BlockNumber = DAYS;
	/// Deposit for a submission of evidence: the milestone's review record.
	pub const EvidenceDepositBase: Balance = deposit(1, 0);
	/// Deposit per byte of a submission's documents and invoices (up to
	/// about 5 KiB with 16 documents and 16 invoices: 5 CIV).
	pub const EvidenceDepositPerByte: Balance = deposit(0, 1);
	/// Deposit for a recovery an auditor opens: its record (about 160
	/// bytes) and its place in the agreement's open list.
	pub const RecoveryDeposit: Balance = deposit(2, 160);
	/// The least a recovery claims (unless it claims the rest of a payout):
	/// an agreement holds at most 16 open recoveries, which dust must not
	/// fill, and an irregularity worth recovering is worth more than this.
	pub const MinimumRecovery: Balance = 10 * CIV;
	/// Deposit for a dispute: more than its record costs, because a dispute
	/// freezes every payout of the agreement until governance resolves it.
	pub const DisputeDeposit: Balance = 10 * CIV;
	/// What a funding-conditions contract may spend answering: 10 ms of
	/// compute and 256 KiB of proof, half a percent of a block. The
	/// reference contract uses about 0.4 ms and 23 KiB.
	pub const ConditionsWeightLimit: Weight = Weight::from_parts(10_000_000_000, 256 * 1024);
}

impl pallet_civitas_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = GovernanceOrigin;
	type MemberDeposit = MemberDeposit;
	type MaxMembers = MaxMembers;
	type MinSpendApprovals = MinSpendApprovals;
	type SpendDeposit = SpendDeposit;
	type WeightInfo = pallet_civitas_registry::weights::SubstrateWeight<Runtime>;
}

impl pallet_civitas_audit_trail::Config for Runtime {
	type MaxEntries = MaxTrailEntries;
}

impl pallet_civitas_agreements::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = GovernanceOrigin;
	type Organisations = Registry;
	type AuditLog = AuditTrail;
	// Amendments may not cut a milestone below what was paid for it.
	type PaidSoFar = Disbursements;
	// Terms may name only a contract that holds their agreement's conditions.
	type FundingConditions = FundingConditionsAdapter;
	// Only contracts running code the council approved.
	type ApprovedCode = Governance;
	type ConditionsWeightLimit = ConditionsWeightLimit;
	type AmendmentLifetime = AmendmentLifetime;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = DeployReferenceContract;
	type DepositBase = TermsDepositBase;
	type DepositPerByte = TermsDepositPerByte;
	type WeightInfo = pallet_civitas_agreements::weights::SubstrateWeight<Runtime>;
}

impl pallet_civitas_pools::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Organisations = Registry;
	type Agreements = Agreements;
	type Terms = Agreements;
	type AuditLog = AuditTrail;
	type PoolDeposit = PoolDeposit;
	type MinimumPledge = MinimumPledge;
	type ExpiryPageSize = PoolExpiryPageSize;
	type WeightInfo = pallet_civitas_pools::weights::SubstrateWeight<Runtime>;
}

impl pallet_civitas_disbursements::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Organisations = Registry;
	type Agreements = Agreements;
	type Escrow = Pools;
	type FundingConditions = FundingConditionsAdapter;
	type AuditLog = AuditTrail;
	type Time = Timestamp;
	type GovernanceOrigin = GovernanceOrigin;
	type MinReviewPeriod = MinReviewPeriod;
	type EvidenceDepositBase = EvidenceDepositBase;
	type EvidenceDepositPerByte = EvidenceDepositPerByte;
	type RecoveryDeposit = RecoveryDeposit;
	type MinimumRecovery = MinimumRecovery;
	type DisputeDeposit = DisputeDeposit;
	type ConditionsWeightLimit = ConditionsWeightLimit;
	type WeightInfo = pallet_civitas_disbursements::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = DeployReferenceContract;
}

/// Deploys the committed reference contract for the agreements' and
/// disbursements' benchmarks, as a party's finance officer would once the
/// council approved its code.
#[cfg(feature = "runtime-benchmarks")]
pub struct DeployReferenceContract;

#[cfg(feature = "runtime-benchmarks")]
impl civitas_primitives::ConditionsBenchmarkHelper for DeployReferenceContract {
	fn conditions_contract(
		conditions: &civitas_primitives::Conditions,
	) -> civitas_primitives::ConditionsContract {
		use frame_support::traits::fungible::Mutate;
		use frame_support::traits::EnsureOrigin;
		let deployer = match super::contracts::EnsureFinanceOfficer::try_successful_origin()
			.map(|origin| origin.into())
		{
			Ok(Ok(frame_system::RawOrigin::Signed(who))) => who,
			// Benchmarks cannot run without a deployer: fail loudly.
			_ => panic!("a finance officer for the benchmarks"),
		};
		Balances::set_balance(&deployer, 1_000_000 * CIV);
		let code_hash =
			sp_core::H256(sp_io::hashing::keccak_256(civitas_funding_conditions::REFERENCE_CODE));
		if !Governance::is_approved(&code_hash) {
			// The council's decision, taken here as Root stands in for it.
			if let Err(error) = Governance::approve_code(crate::RuntimeOrigin::root(), code_hash) {
				panic!("the reference code is approved: {error:?}");
			}
		}
		match FundingConditionsAdapter::deploy(
			&deployer,
			civitas_funding_conditions::REFERENCE_CODE.to_vec(),
			conditions,
			1_000 * CIV,
		) {
			Ok(contract) => contract,
			// Benchmarks cannot run without the contract: fail loudly.
			Err(error) => panic!("the reference contract deploys: {error:?}"),
		}
	}
}
