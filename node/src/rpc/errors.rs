//! The JSON-RPC errors of the `civitas_*` methods: each says what was wrong
//! with the request, in words an auditor can act on.
//!
//! Malformed parameters (a hash that is not 32 bytes of hex, a negative id)
//! never reach these: jsonrpsee answers them with `-32602 invalid params`.

use civitas_primitives::ledger_api::QueryError;
use jsonrpsee::types::ErrorObjectOwned;
use sp_core::H256;

/// Error codes, stable across releases (docs/auditor.md lists them).
pub mod code {
	/// The block hash is not known to this node.
	pub const UNKNOWN_BLOCK: i32 = 4001;
	/// The node no longer holds the block's state (pruned): ask an archive node.
	pub const STATE_PRUNED: i32 = 4002;
	/// The runtime at that block predates the method.
	pub const NOT_AT_THIS_BLOCK: i32 = 4003;
	/// No organisation, or agreement, has that id at that block.
	pub const NOT_FOUND: i32 = 4004;
	/// A page was asked for more items than a page holds.
	pub const PAGE_TOO_LARGE: i32 = 4005;
	/// The query's parameters do not fit together.
	pub const BAD_QUERY: i32 = 4006;
	/// A finality proof was asked for a block that is not finalised.
	pub const NOT_FINALISED: i32 = 4007;
	/// The node failed to answer (a runtime or database error); the
	/// message says which.
	pub const NODE: i32 = 4010;
}

/// Why a `civitas_*` call has no answer.
#[derive(Debug)]
pub enum Error {
	/// No block has this hash on this node.
	UnknownBlock(H256),
	/// The state of this block was pruned.
	StatePruned {
		/// The block's number.
		number: u32,
		/// Its hash.
		hash: H256,
	},
	/// The runtime at this block has no such query.
	NotAtThisBlock {
		/// The method asked.
		method: &'static str,
		/// The block's number.
		number: u32,
	},
	/// The runtime answered that the id is unknown.
	Query {
		/// What it answered.
		error: QueryError,
		/// The id asked.
		id: u32,
		/// The block's number.
		number: u32,
	},
	/// The parameters do not fit together.
	BadQuery(String),
	/// The block is not finalised (yet).
	NotFinalised {
		/// The block's number.
		number: u32,
		/// The finalised head's number.
		finalised: u32,
	},
	/// The node failed.
	Node(String),
}

impl From<Error> for ErrorObjectOwned {
	fn from(error: Error) -> Self {
		let (code, message) = match error {
			Error::UnknownBlock(hash) => {
				(code::UNKNOWN_BLOCK, format!("no block {hash:?} is known to this node"))
			},
			Error::StatePruned { number, hash } => (
				code::STATE_PRUNED,
				format!(
					"the state of block #{number} ({hash:?}) was pruned on this node; \
					 ask an archive node (--state-pruning archive)"
				),
			),
			Error::NotAtThisBlock { method, number } => (
				code::NOT_AT_THIS_BLOCK,
				format!("the runtime at block #{number} predates civitas_{method}"),
			),
			Error::Query { error, id, number } => match error {
				QueryError::UnknownOrganisation => {
					(code::NOT_FOUND, format!("no organisation {id} at block #{number}"))
				},
				QueryError::UnknownAgreement => {
					(code::NOT_FOUND, format!("no agreement {id} at block #{number}"))
				},
				QueryError::PageTooLarge { max } => {
					(code::PAGE_TOO_LARGE, format!("a page holds at most {max} items"))
				},
			},
			Error::BadQuery(message) => (code::BAD_QUERY, message),
			Error::NotFinalised { number, finalised } => (
				code::NOT_FINALISED,
				format!("block #{number} is not finalised (the finalised head is #{finalised})"),
			),
			Error::Node(message) => (code::NODE, message),
		};
		ErrorObjectOwned::owned(code, message, None::<()>)
	}
}
