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

/// The runtime Wasm built into this node.
fn embedded_runtime() -> Result<&'static [u8], String> {
	WASM_BINARY
		.ok_or_else(|| "the runtime Wasm was not built; rebuild without SKIP_WASM_BUILD".into())
}

/// A spec for the genesis preset `preset` of the runtime `wasm`: the
/// preset is the one that runtime defines, run by it.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
	wasm: &[u8],
) -> Result<ChainSpec, String> {
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
	development_of(embedded_runtime()?)
}

/// The development chain as the runtime `wasm` defines it.
fn development_of(wasm: &[u8]) -> Result<ChainSpec, String> {
	from_preset(
		"Civitas Development",
		"civitas_dev",
		ChainType::Development,
		DEV_RUNTIME_PRESET,
		wasm,
	)
}

/// Four-validator local network (Alice, Bob, Charlie, Dave).
pub fn local_testnet() -> Result<ChainSpec, String> {
	local_testnet_of(embedded_runtime()?)
}

/// The local network as the runtime `wasm` defines it.
fn local_testnet_of(wasm: &[u8]) -> Result<ChainSpec, String> {
	from_preset(
		"Civitas Local Testnet",
		"civitas_local_testnet",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
		wasm,
	)
}

/// The separator of `--chain CHAIN@FILE`: the built-in chain `dev` or
/// `local`, its genesis built by the runtime Wasm in FILE instead of the
/// one inside this node. Networks start from a released runtime this way
/// (the build a consortium audited, or the previous release, to rehearse
/// an upgrade to this one: `zombienet/tests/upgrade.test.js`).
pub const RUNTIME_SEPARATOR: char = '@';

/// The built-in chain `chain` (`dev` or `local`) with the runtime in the
/// Wasm file at `path`, plain or compressed as `:code` holds it. Refuses
/// an unknown chain, or a file that is not a runtime, naming it.
pub fn with_runtime(chain: &str, path: &std::path::Path) -> Result<ChainSpec, String> {
	let refuse = |why: &dyn std::fmt::Display| format!("runtime file {}: {why}", path.display());
	let code = std::fs::read(path).map_err(|e| refuse(&e))?;
	let module =
		sp_maybe_compressed_blob::decompress(&code, CODE_BLOB_LIMIT).map_err(|e| refuse(&e))?;
	if !module.starts_with(b"\0asm") {
		return Err(refuse(&"not a WebAssembly module"));
	}
	let spec = match chain {
		"dev" => development_of(&code)?,
		"local" => local_testnet_of(&code)?,
		other => return Err(format!("`{other}@FILE`: only `dev` and `local` take a runtime file")),
	};
	// A runtime that lacks the preset or fails building it: say so now,
	// not when a node first reads the genesis.
	spec.as_json(false).map_err(|e| refuse(&e))?;
	Ok(spec)
}

/// The largest runtime a file may unpack to: the limit nodes apply to
/// `:code` (sp-maybe-compressed-blob's bomb limit).
const CODE_BLOB_LIMIT: usize = sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;

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
	let wasm = embedded_runtime()?;
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
	use sp_core::hexdisplay::HexDisplay;

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

	/// The previous release's runtime (`runtime/releases/`), compressed as
	/// `:code` holds it.
	fn previous_release() -> std::path::PathBuf {
		std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
			.join("../runtime/releases/civitas_runtime-spec106.compressed.wasm")
	}

	/// `bytes` written to a temporary file.
	fn temporary_file(bytes: &[u8]) -> tempfile::TempPath {
		let file = tempfile::NamedTempFile::new().unwrap();
		std::fs::write(file.path(), bytes).unwrap();
		file.into_temp_path()
	}

	/// Top-level storage key of `pallet`'s `item`.
	fn storage_key(pallet: &str, item: &str) -> Vec<u8> {
		[
			sp_crypto_hashing::twox_128(pallet.as_bytes()),
			sp_crypto_hashing::twox_128(item.as_bytes()),
		]
		.concat()
	}

	#[test]
	fn a_runtime_file_builds_the_genesis_its_own_preset_defines() {
		// This node's own runtime from a file: the same genesis as the
		// built-in chain. (The previous release below is compressed.)
		let wasm = embedded_runtime().unwrap();
		let own = local_testnet().unwrap().as_storage_builder().build_storage().unwrap();
		let file = temporary_file(wasm);
		let spec = with_runtime("local", &file).expect("the runtime file builds a spec");
		let storage = spec.as_storage_builder().build_storage().unwrap();
		assert_eq!(storage.top.len(), own.top.len());
		for (key, value) in &own.top {
			assert_eq!(storage.top.get(key), Some(value), "genesis key {}", HexDisplay::from(key));
		}

		// The previous release (spec 106) builds its own local network: Aura
		// and GRANDPA name the validators; pallet-session did not exist yet.
		let spec = with_runtime("local", &previous_release()).expect("spec 106 builds");
		let storage = spec.as_storage_builder().build_storage().unwrap();
		assert!(storage.top.contains_key(&storage_key("Aura", "Authorities")));
		assert!(storage.top.contains_key(&storage_key("Council", "Members")));
		assert!(!storage.top.contains_key(&storage_key("Session", "Validators")));
		assert!(!storage.top.contains_key(&storage_key("Sudo", "Key")));
	}

	#[test]
	fn a_runtime_file_that_is_no_runtime_is_refused_naming_it() {
		let not_wasm = temporary_file(b"not a runtime");
		let Err(error) = with_runtime("local", &not_wasm) else { panic!("text accepted") };
		assert!(error.contains("not a WebAssembly module"), "{error}");
		assert!(error.contains(&not_wasm.display().to_string()), "{error} names the file");

		// A Wasm module that is no runtime: it has no genesis presets.
		let empty_module = temporary_file(b"\0asm\x01\0\0\0");
		let Err(error) = with_runtime("dev", &empty_module) else { panic!("module accepted") };
		assert!(error.contains("runtime file"), "{error}");

		let Err(error) = with_runtime("local", std::path::Path::new("/nonexistent/runtime.wasm"))
		else {
			panic!("a missing file is accepted")
		};
		assert!(error.contains("/nonexistent/runtime.wasm"), "{error}");

		let wasm = temporary_file(embedded_runtime().unwrap());
		let Err(error) = with_runtime("production", &wasm) else { panic!("unknown chain") };
		assert!(error.contains("only `dev` and `local`"), "{error}");
	}
}
