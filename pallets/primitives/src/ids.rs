//! Identifiers shared across the ledger pallets and the conditions contract.

/// An organisation in the registry (city, private partner, funder, ...).
pub type OrganisationId = u32;

/// A public-private partnership agreement.
pub type AgreementId = u32;

/// A milestone's position in its agreement's schedule, from 0.
pub type MilestoneIndex = u32;

/// A date and time: milliseconds since the Unix epoch, as the Timestamp
/// pallet keeps it. Contract dates, due dates and payment dates use it.
pub type Moment = u64;

/// A document's type code (contract, invoice, acceptance certificate, ...).
/// The agreements pallet defines the codes; the conditions contract only
/// compares them, so it holds them as plain numbers.
pub type DocumentKind = u8;

/// Milliseconds in a day: penalties accrue per full day late.
pub const MILLIS_PER_DAY: Moment = 86_400_000;
