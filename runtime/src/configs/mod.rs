//! Configuration of every pallet in the runtime, grouped by concern.
//!
//! - [`system`]: block limits, accounts, the database weights.
//! - [`consensus`]: Timestamp, Aura and GRANDPA.
//! - [`monetary`]: Balances and TransactionPayment (fees).
//! - [`governance`]: Utility, Multisig and Sudo (the dev chain's root key).
//! - [`council`]: the council of member institutions, its majorities, and
//!   the governance pallet (approved contract code, runtime upgrades).
//! - [`contracts`]: Revive, the PolkaVM contracts that hold funding conditions.
//! - [`ledger`]: the organisations registry, agreements and their audit trail.

pub mod consensus;
pub mod contracts;
pub mod council;
pub mod governance;
pub mod ledger;
pub mod monetary;
pub mod system;

pub use monetary::WeightToFee;
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
