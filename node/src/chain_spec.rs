//! The chain specifications built into the node (`dev` and `local`).

use civitas_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_chain_spec::{ChainType, Properties};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The chain specification type of this node (no client extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and SS58 format that wallets read from
/// `system_properties`; taken from the runtime's constants so they cannot drift.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

/// A spec for the runtime's genesis preset `preset`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"the runtime Wasm was not built; rebuild without SKIP_WASM_BUILD".to_string()
	})?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_protocol_id("civitas")
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// Single-validator development chain (Alice), the `--dev` chain.
pub fn development() -> Result<ChainSpec, String> {
	from_preset("Civitas Development", "civitas_dev", ChainType::Development, DEV_RUNTIME_PRESET)
}

/// Four-validator local network (Alice, Bob, Charlie, Dave).
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Civitas Local Testnet",
		"civitas_local_testnet",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use sc_chain_spec::ChainSpec as _;

	#[test]
	fn properties_come_from_the_runtime_constants() {
		let spec = development().expect("dev spec builds");
		let properties = spec.properties();
		assert_eq!(properties["tokenSymbol"], TOKEN_SYMBOL);
		assert_eq!(properties["tokenDecimals"], TOKEN_DECIMALS);
		assert_eq!(properties["ss58Format"], SS58_PREFIX);
	}

	#[test]
	fn specs_build_their_genesis_storage() {
		for spec in [development(), local_testnet()] {
			let spec = spec.expect("spec builds");
			spec.as_storage_builder().build_storage().expect("genesis storage builds");
		}
	}
}
