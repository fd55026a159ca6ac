//! Tests of the runtime as configured, on its genesis presets (no node).
//!
//! - [`configuration`]: genesis presets, fees, limits and token constants.
//! - [`funding_conditions`]: the committed funding-conditions contract on
//!   pallet-revive, asked through the runtime's adapter.
//! - [`governance`]: the council's origins, sudo only on the dev chain, and
//!   pallet-revive instantiating only approved code.
//! - [`ledger`]: the registry, agreements and audit trail as configured.
//! - [`validators`]: the validator set the council manages, through
//!   pallet-session, and the migration that starts it on a running chain.
//! - `upgrade_from_previous_release` (with `try-runtime`): the upgrade from
//!   the previous release tried on a snapshot of its development chain.

mod configuration;
mod funding_conditions;
mod governance;
mod ledger;
#[cfg(feature = "try-runtime")]
mod upgrade_from_previous_release;
mod validators;
