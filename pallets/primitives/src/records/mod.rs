//! What the ledger pallets store, shared with the ledger API that reads it.
//!
//! Each pallet keeps its records in its own storage and re-exports these
//! types; they live here so that [`crate::ledger_api`] answers with exactly
//! what is stored, typed in the runtime's metadata, without a second copy
//! of every field.

pub mod agreement;
pub mod disbursement;
pub mod organisation;
pub mod pool;
