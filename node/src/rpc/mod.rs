//! The node's own JSON-RPC methods, added to the standard Substrate set.
//!
//! Substrate's service already serves `chain_*`, `state_*`, `author_*`,
//! `system_*` (node) and the new `chainHead_v1_*` family; this adds
//! `system_accountNextIndex` (nonce including the pool),
//! `payment_queryInfo` / `payment_queryFeeDetails` (fee estimates), and
//! the auditors' `civitas_*` methods ([`ledger`]), with their OCDS export
//! ([`ocds`]) and audit bundles (checked by `civitas-audit verify`).

pub mod block_events;
pub mod clock;
pub mod errors;
pub mod ledger;
pub mod ocds;
pub mod render;

use std::sync::Arc;

use civitas_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use jsonrpsee::RpcModule;
use sc_client_api::{Backend, BlockBackend};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

pub use render::Format;

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P, BE> {
	/// The client, for runtime API calls, headers and block bodies.
	pub client: Arc<C>,
	/// The transaction pool, for pending nonces.
	pub pool: Arc<P>,
	/// The database, to tell whether a block's state is still held.
	pub backend: Arc<BE>,
	/// How the chain writes its token and addresses.
	pub format: Format,
	/// How the chain publishes OCDS data.
	pub publication: ocds::Publication,
}

/// The token and address format a chain spec's properties state, with the
/// runtime's own constants for any it leaves out.
pub fn format_of(properties: &sc_chain_spec::Properties) -> Format {
	let number = |key: &str| properties.get(key).and_then(|value| value.as_u64());
	Format {
		ss58: number("ss58Format")
			.and_then(|value| u16::try_from(value).ok())
			.unwrap_or(civitas_runtime::SS58_PREFIX),
		decimals: number("tokenDecimals")
			.and_then(|value| u8::try_from(value).ok())
			.unwrap_or(civitas_runtime::TOKEN_DECIMALS),
		symbol: properties
			.get("tokenSymbol")
			.and_then(|value| value.as_str())
			.unwrap_or(civitas_runtime::TOKEN_SYMBOL)
			.to_string(),
	}
}

/// How a chain spec's properties say the chain publishes OCDS data:
/// `ocdsPrefix` (its registered `ocid` prefix), `ocdsCurrency` (the ISO
/// 4217 code its token's amounts are in), `ocdsPublisher` and
/// `ocdsExtension` (where the Civitas extension is published).
pub fn publication_of(
	properties: &sc_chain_spec::Properties,
	genesis: sp_core::H256,
) -> ocds::Publication {
	let text = |key: &str, default: &str| {
		properties.get(key).and_then(|value| value.as_str()).unwrap_or(default).to_string()
	};
	ocds::Publication {
		prefix: text("ocdsPrefix", crate::chain_spec::OCDS_PREFIX),
		currency: text("ocdsCurrency", crate::chain_spec::OCDS_CURRENCY),
		publisher: text("ocdsPublisher", crate::chain_spec::OCDS_PUBLISHER),
		extension: text("ocdsExtension", crate::chain_spec::OCDS_EXTENSION),
		genesis,
	}
}

/// Builds the RPC extensions of a full node.
pub fn create_full<C, P, BE>(
	deps: FullDeps<C, P, BE>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ BlockBackend<Block>
		+ sc_client_api::StorageProvider<Block, BE>
		+ sc_client_api::ProofProvider<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: civitas_primitives::ledger_api::LedgerApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: sp_consensus_grandpa::GrandpaApi<Block>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
	BE: Backend<Block> + Send + Sync + 'static,
{
	use ledger::{Ledger, LedgerApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, backend, format, publication } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Ledger::new(client, backend, format, publication).into_rpc())?;
	Ok(module)
}
