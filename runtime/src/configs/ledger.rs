//! The ledger: the organisations registry, PPP agreements, their funding
//! pools and escrow, and the audit trail they share.

use frame_support::parameter_types;
use frame_system::EnsureRoot;

use super::governance::deposit;
use crate::{
	AccountId, Agreements, AuditTrail, Balance, Balances, Registry, Runtime, RuntimeHoldReason, CIV,
};

parameter_types! {
	/// Deposit an organisation's admin pays per member it adds: one member
	/// record (account key 48 bytes, value up to 63 bytes).
	pub const MemberDeposit: Balance = deposit(1, 111);
	/// A city's staff, a partner's project team: a few dozen accounts.
	pub const MaxMembers: u32 = 64;
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
}

impl pallet_civitas_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// Sudo on dev chains; the council of member institutions on a network.
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MemberDeposit = MemberDeposit;
	type MaxMembers = MaxMembers;
	type WeightInfo = pallet_civitas_registry::weights::SubstrateWeight<Runtime>;
}

impl pallet_civitas_audit_trail::Config for Runtime {
	type MaxEntries = MaxTrailEntries;
}

impl pallet_civitas_agreements::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Organisations = Registry;
	type AuditLog = AuditTrail;
	// Nothing pays milestones yet: the disbursements pallet will implement
	// `PaidSoFar` and replace this.
	type PaidSoFar = ();
	type DepositBase = TermsDepositBase;
	type DepositPerByte = TermsDepositPerByte;
	type WeightInfo = pallet_civitas_agreements::weights::SubstrateWeight<Runtime>;
}

impl pallet_civitas_pools::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Organisations = Registry;
	type Agreements = Agreements;
	type AuditLog = AuditTrail;
	type PoolDeposit = PoolDeposit;
	type MinimumPledge = MinimumPledge;
	type ExpiryPageSize = PoolExpiryPageSize;
	type WeightInfo = pallet_civitas_pools::weights::SubstrateWeight<Runtime>;
}
