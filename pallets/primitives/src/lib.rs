//! # Civitas primitives
//!
//! Types and traits that more than one Civitas pallet (or the runtime and a
//! pallet) use, so that pallets talk to each other through small traits and
//! never read each other's storage.
//!
//! - [`ids`]: identifiers of organisations, agreements and milestones, and
//!   the chain's notion of a date.
//! - [`organisations`]: organisation kinds, members' roles, and the
//!   [`Organisations`] trait through which pallets ask the registry.
//! - [`terms`]: what an agreement's parties sign, and the bounds of its lists.
//! - [`audit`]: the per-agreement audit trail's entries, its hash chain and
//!   the [`AuditLog`] trait every ledger pallet appends through.
//! - [`agreements`]: the [`Agreements`] and [`AgreementTerms`] traits
//!   through which pallets ask whether an agreement is binding, who takes
//!   which part in it, where it stands and what its terms say.
//! - [`escrow`]: the co-funders' committed money, the exact [`escrow::split`]
//!   rule and the [`Escrow`] trait the disbursements pallet pays through.
//! - [`records`]: what the registry, agreements, pools and disbursements
//!   pallets store, which the ledger API returns as it is.
//! - [`ledger_api`]: the runtime API auditors and explorers read the ledger
//!   through.
//! - [`conditions`]: the question a payout puts to an agreement's ink!
//!   funding-conditions contract, its answer, and the [`FundingConditions`]
//!   trait through which the ledger asks it.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod agreements;
pub mod audit;
pub mod conditions;
pub mod escrow;
pub mod ids;
pub mod ledger_api;
pub mod organisations;
pub mod records;
pub mod terms;

pub use agreements::{AgreementTerms, Agreements, Phase, Stage};
pub use audit::{Actor, AuditAction, AuditEntry, AuditLog};

#[cfg(feature = "runtime-benchmarks")]
pub use conditions::ConditionsBenchmarkHelper;
pub use conditions::{
	CheckOutcome, Conditions, ConditionsError, ConditionsOutcome, Decision, DenyReason,
	DisbursementQuery, FunderPart, FunderShare, FundingConditions, PayoutDeadline,
};
pub use escrow::{Escrow, EscrowPart, EscrowPosition, Payment};
pub use ids::{AgreementId, DocumentKind, MilestoneIndex, Moment, OrganisationId};
pub use organisations::{OrganisationKind, Organisations, Role, Roles, Standing};
pub use terms::{
	ApprovalRequirement, Approvers, ConditionsContract, Document, DocumentType, Milestone,
	MilestoneType, PaidSoFar, Party, PartyRole, Period, Terms,
};
