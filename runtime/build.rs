//! Builds the runtime as a Wasm blob and embeds it in the native crate.
//!
//! With the `metadata-hash` feature (production builds: `--release
//! --features metadata-hash`) it also embeds the metadata hash (RFC-0078) so
//! that the `CheckMetadataHash` transaction extension lets offline signers
//! such as Ledger's generic Polkadot app verify what they sign. Everyday
//! builds leave it out: it compiles the Wasm twice and needs a Wasm executor
//! in the build script, and dev chains are not signed with hardware.

// The token constants are plain `const`s without dependencies, so the build
// script reads the very file the runtime compiles: one definition, no drift.
#[allow(dead_code)]
#[path = "src/token.rs"]
mod token;

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	// A release build is what operators deploy: say loudly that Ledger users
	// could not sign for a runtime built this way.
	if std::env::var("PROFILE").is_ok_and(|profile| profile == "release") {
		println!(
			"cargo:warning=release build without the metadata hash: CheckMetadataHash will refuse \
			 hardware-wallet signatures; build production nodes with `--features metadata-hash`"
		);
	}
	substrate_wasm_builder::WasmBuilder::init_with_defaults().build();
}

#[cfg(not(feature = "std"))]
fn main() {}
