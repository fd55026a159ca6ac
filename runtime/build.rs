//! Builds the runtime as a Wasm blob and embeds it in the native crate.
//!
//! Release builds also embed the metadata hash (RFC-0078) so that the
//! `CheckMetadataHash` transaction extension lets offline signers such as
//! Ledger's generic Polkadot app verify what they sign. Debug builds skip it:
//! it compiles the Wasm twice, and dev chains are not signed with hardware.

// The token constants are plain `const`s without dependencies, so the build
// script reads the very file the runtime compiles: one definition, no drift.
#[allow(dead_code)]
#[path = "src/token.rs"]
mod token;

#[cfg(feature = "std")]
fn main() {
	let builder = substrate_wasm_builder::WasmBuilder::init_with_defaults();
	let release = std::env::var("PROFILE").is_ok_and(|profile| profile == "release");
	let builder = if release {
		builder.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
	} else {
		builder
	};
	builder.build();
}

#[cfg(not(feature = "std"))]
fn main() {}
