//! The chain specifications the node builds: `dev` and `local` from the
//! runtime's presets, and a production network's from its consortium file
//! (`--chain production:FILE`).

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

/// The prefix of `--chain production:FILE`: a production network built
/// from its consortium file.
pub const PRODUCTION_PREFIX: &str = "production:";

/// A production network's consortium file: the network's name and id, its
/// boot nodes and OCDS publishing details, and what its genesis holds.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsortiumFile {
	/// Human-readable name of the network.
	pub name: String,
	/// Short id: the node's database directory and the protocol id.
	pub id: String,
	/// Boot nodes' multiaddresses (with their peer ids).
	#[serde(default)]
	pub boot_nodes: Vec<sc_network::config::MultiaddrWithPeerId>,
	/// How the network publishes OCDS data: `ocdsPrefix` (its registered
	/// `ocds-` prefix), `ocdsCurrency`, `ocdsPublisher`, `ocdsExtension`.
	pub ocds: OcdsPublishing,
	/// The council, validators, organisations, endowments and approved code.
	pub genesis: civitas_runtime::genesis_config_presets::Consortium,
}

/// How a production network publishes OCDS data (chain-spec `properties`).
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OcdsPublishing {
	/// The `ocds-` prefix registered with the Open Contracting Partnership.
	pub prefix: String,
	/// ISO 4217 code of the currency amounts are in.
	pub currency: String,
	/// Who publishes the data.
	pub publisher: String,
	/// Where OCDS tools fetch the Civitas extension the publisher hosts.
	pub extension: String,
}

/// The spec of the production network that the consortium file at `path`
/// describes: no sudo key, no demo data. Refuses a file that does not
/// parse, breaks the runtime's rules for a network (fewer than three
/// council seats, no validator, duplicates) or builds no genesis state
/// (e.g. an organisation without an admin), naming the problem.
pub fn production(path: &std::path::Path) -> Result<ChainSpec, String> {
	let read =
		|error: &dyn std::fmt::Display| format!("consortium file {}: {error}", path.display());
	let text = std::fs::read_to_string(path).map_err(|e| read(&e))?;
	let file: ConsortiumFile = serde_json::from_str(&text).map_err(|e| read(&e))?;
	let config =
		civitas_runtime::genesis_config_presets::production(file.genesis).map_err(|e| read(&e))?;
	// The pallets' genesis builders refuse a bad genesis by panicking:
	// build it once here, so the error names the file instead.
	let built = std::panic::catch_unwind(|| {
		use sp_runtime::BuildStorage;
		config.build_storage()
	});
	match built {
		Ok(Ok(_)) => {},
		Ok(Err(error)) => return Err(read(&error)),
		Err(panic) => {
			let why = panic
				.downcast_ref::<String>()
				.cloned()
				.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
				.unwrap_or_else(|| "the genesis state does not build".into());
			return Err(read(&why));
		},
	}
	let genesis = serde_json::to_value(&config).map_err(|e| read(&e))?;
	let wasm = WASM_BINARY.ok_or_else(|| {
		"the runtime Wasm was not built; rebuild without SKIP_WASM_BUILD".to_string()
	})?;
	let mut properties = properties();
	properties.insert("ocdsPrefix".into(), file.ocds.prefix.into());
	properties.insert("ocdsCurrency".into(), file.ocds.currency.into());
	properties.insert("ocdsPublisher".into(), file.ocds.publisher.into());
	properties.insert("ocdsExtension".into(), file.ocds.extension.into());
	Ok(ChainSpec::builder(wasm, None)
		.with_name(&file.name)
		.with_id(&file.id)
		.with_chain_type(ChainType::Live)
		.with_protocol_id(&file.id)
		.with_boot_nodes(file.boot_nodes)
		.with_genesis_config(genesis)
		.with_properties(properties)
		.build())
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

	/// The consortium template shipped in `chain-specs/`.
	fn template() -> std::path::PathBuf {
		std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
			.join("../chain-specs/production.template.json")
	}

	/// The template, changed by `change`, written to a temporary file.
	fn changed_template(change: impl FnOnce(&mut serde_json::Value)) -> tempfile::TempPath {
		let mut value: serde_json::Value =
			serde_json::from_str(&std::fs::read_to_string(template()).unwrap()).unwrap();
		change(&mut value);
		let file = tempfile::NamedTempFile::new().unwrap();
		std::fs::write(file.path(), value.to_string()).unwrap();
		file.into_temp_path()
	}

	#[test]
	fn the_production_template_builds_a_spec_without_sudo() {
		let spec = production(&template()).expect("the template builds");
		assert_eq!(spec.chain_type(), ChainType::Live);
		assert_eq!(spec.properties()["ocdsCurrency"], "EUR");
		let storage = spec.as_storage_builder().build_storage().expect("genesis storage builds");
		let key = |pallet: &str, item: &str| {
			[
				sp_crypto_hashing::twox_128(pallet.as_bytes()),
				sp_crypto_hashing::twox_128(item.as_bytes()),
			]
			.concat()
		};
		assert!(
			!storage.top.contains_key(&key("Sudo", "Key")),
			"a production chain has no sudo key"
		);
		assert!(storage.top.contains_key(&key("Council", "Members")));
		assert!(storage.top.contains_key(&key("Registry", "NextOrganisationId")));
	}

	#[test]
	fn a_consortium_file_breaking_the_rules_is_refused_with_the_reason() {
		/// A change to the template, and what the refusal must say.
		type Case = (&'static str, Box<dyn FnOnce(&mut serde_json::Value)>);
		let cases: [Case; 5] = [
			(
				"a network needs at least 3",
				Box::new(|v| {
					v["genesis"]["council"].as_array_mut().unwrap().pop();
				}),
			),
			(
				"an account holds two council seats",
				Box::new(|v| {
					let first = v["genesis"]["council"][0].clone();
					v["genesis"]["council"][1] = first;
				}),
			),
			(
				"at least one validator",
				Box::new(|v| v["genesis"]["validators"] = serde_json::json!([])),
			),
			(
				"every organisation needs an admin",
				Box::new(|v| {
					v["genesis"]["organisations"][1]["members"][0][1]["admin"] = false.into();
				}),
			),
			(
				"unknown field `sudo`",
				Box::new(|v| v["genesis"]["sudo"] = serde_json::json!({ "key": null })),
			),
		];
		for (reason, change) in cases {
			let path = changed_template(change);
			let Err(error) = production(&path) else { panic!("{reason}: accepted") };
			assert!(error.contains(reason), "{error} should say {reason}");
			assert!(error.contains("consortium file"), "{error} names the file");
		}
		let missing = production(std::path::Path::new("/nonexistent/consortium.json"));
		let Err(error) = missing else { panic!("a missing file is accepted") };
		assert!(error.contains("/nonexistent/consortium.json"));
	}
}
