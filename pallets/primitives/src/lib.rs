//! # Civitas primitives
//!
//! Types and traits that more than one Civitas pallet (or the runtime and a
//! pallet) use, so that pallets talk to each other through small traits and
//! never read each other's storage.
//!
//! - [`ids`]: identifiers of organisations, agreements and milestones, and
//!   the chain's notion of a date.
//! - [`conditions`]: the question a payout puts to an agreement's ink!
//!   funding-conditions contract, its answer, and the [`FundingConditions`]
//!   trait through which the ledger asks it.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod conditions;
pub mod ids;

pub use conditions::{
	CheckOutcome, Conditions, ConditionsError, Decision, DenyReason, DisbursementQuery, FunderPart,
	FunderShare, FundingConditions, PayoutDeadline,
};
pub use ids::{AgreementId, DocumentKind, MilestoneIndex, Moment, OrganisationId};
