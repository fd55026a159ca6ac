//! The chain specifications built into the node (`dev` and `local`).

use civitas_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_chain_spec::{ChainType, Properties};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The chain specification type of this node (no client extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// The `ocid` prefix of the built-in chains' OCDS data. A real prefix is
/// registered with the Open Contracting Partnership (`ocds-` and six
/// characters); this one is not, and marks data from a development or test
/// chain. A production chain spec states its own in `ocdsPrefix`.
pub const OCDS_PREFIX: &str = "ocds-civdev";

/// The ISO 4217 currency the built-in chains' OCDS amounts are in: `XTS`,
/// the code reserved for testing, as their token is worth nothing. A chain
/// whose token settles in a currency (a euro settlement token: `EUR`)
/// states it in `ocdsCurrency`.
pub const OCDS_CURRENCY: &str = "XTS";

/// Who publishes the built-in chains' OCDS data.
pub const OCDS_PUBLISHER: &str = "Civitas development chain";

/// Where OCDS tools fetch the Civitas extension (`ocds/extension/` of the
/// repository) that packages name: the project's repository address. A
/// production chain spec names the copy its publisher hosts in
/// `ocdsExtension`; `ocds/validate.py` reads the repository's copy and
/// fetches nothing.
pub const OCDS_EXTENSION: &str =
	"https://raw.githubusercontent.com/civitas-chain/civitas/main/ocds/extension/extension.json";

/// Token symbol, decimals and SS58 format that wallets read from
/// `system_properties`, taken from the runtime's constants so they cannot
/// drift; and how the chain publishes OCDS data (`ocds*`).
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties.insert("ocdsPrefix".into(), OCDS_PREFIX.into());
	properties.insert("ocdsCurrency".into(), OCDS_CURRENCY.into());
	properties.insert("ocdsPublisher".into(), OCDS_PUBLISHER.into());
	properties.insert("ocdsExtension".into(), OCDS_EXTENSION.into());
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
		assert_eq!(properties["ocdsPrefix"], OCDS_PREFIX);
		assert_eq!(properties["ocdsCurrency"], OCDS_CURRENCY);
	}

	#[test]
	fn specs_build_their_genesis_storage() {
		for spec in [development(), local_testnet()] {
			let spec = spec.expect("spec builds");
			spec.as_storage_builder().build_storage().expect("genesis storage builds");
		}
	}
}
