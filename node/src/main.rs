//! `civitas-node`: the Civitas blockchain node.
//!
//! Produces blocks with Aura, finalises them with GRANDPA, stores state in
//! ParityDB and serves JSON-RPC (port 9944 by default). `civitas-node --dev`
//! runs a single-validator development chain; `--help` lists the
//! subcommands (`export-chain-spec`, `key`, `purge-chain`, ...).

#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error` are polkadot-sdk's types, returned
// by every sc-cli and sc-service API this crate calls; boxing them here would
// only convert back and forth at each call.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() {
	// Said as a sentence (`Display`), not as the error's `Debug` form that
	// returning it from `main` would print.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
