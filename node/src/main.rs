//! `civitas-node`: the Civitas blockchain node.
//!
//! Produces blocks with Aura, finalises them with GRANDPA, stores state in
//! ParityDB and serves JSON-RPC (port 9944 by default). `civitas-node --dev`
//! runs a single-validator development chain; `--help` lists the
//! subcommands (`export-chain-spec`, `key`, `purge-chain`, ...).

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
