//! Builds an ink! contract exactly as `cargo contract build --release` of
//! cargo-contract 6.0.0-beta.2 does, by calling the same library
//! (`contract-build`) with the same arguments.
//!
//! Why not cargo-contract itself: installing it compiles about 780 crates in
//! release mode (an RPC client, a transaction encoder, a JSON-schema
//! validator: everything its `upload`, `instantiate` and `call` commands need)
//! for roughly 11 minutes on two cores, and `make test` only ever builds. The
//! build library alone is a fraction of that. Its output is byte for byte
//! what cargo-contract produces, which `scripts/contracts.sh check` proves on
//! every run by comparing it with the committed artifacts (built with
//! cargo-contract).
//!
//! ```text
//! civitas-contract-build --manifest-path contracts/NAME/Cargo.toml [--code-only]
//! ```
//!
//! It prints the path of the built code and its code hash (keccak-256, as
//! the metadata records it and agreements pin it), separated by a space.
//!
//! `--code-only` skips the metadata (ABI) generation, a second, host-side
//! release build of ink!: the code and its hash do not depend on it.

use anyhow::{bail, Context, Result};
use contract_build::{BuildArtifacts, BuildMode, ExecuteArgs, ManifestPath, Verbosity};
use std::path::PathBuf;

/// Only needed for cargo-contract's Docker ("verifiable") builds, which this
/// tool never runs.
struct NoDockerBuild;

impl contract_build::ComposeBuildArgs for NoDockerBuild {
	fn compose_build_args() -> Result<Vec<String>> {
		bail!("verifiable (Docker) builds are not supported; use cargo-contract for those")
	}
}

/// The command line: a manifest and whether to skip the metadata.
struct Args {
	manifest_path: PathBuf,
	code_only: bool,
}

fn parse_args() -> Result<Args> {
	let mut manifest_path = None;
	let mut code_only = false;
	let mut args = std::env::args().skip(1);
	while let Some(arg) = args.next() {
		match arg.as_str() {
			"--manifest-path" => {
				manifest_path =
					Some(PathBuf::from(args.next().context("--manifest-path needs a path")?))
			},
			"--code-only" => code_only = true,
			other => bail!(
				"unknown argument `{other}`\nusage: civitas-contract-build --manifest-path PATH [--code-only]"
			),
		}
	}
	Ok(Args { manifest_path: manifest_path.context("--manifest-path is required")?, code_only })
}

fn main() -> Result<()> {
	let args = parse_args()?;
	let manifest_path = ManifestPath::new(&args.manifest_path)
		.with_context(|| format!("not a Cargo manifest: {}", args.manifest_path.display()))?;
	// The arguments `cargo contract build --release [--generate code-only]`
	// passes; every field left at its default is cargo-contract's default too.
	let result = contract_build::execute::<NoDockerBuild>(ExecuteArgs {
		manifest_path,
		build_mode: BuildMode::Release,
		build_artifact: if args.code_only { BuildArtifacts::CodeOnly } else { BuildArtifacts::All },
		verbosity: Verbosity::Quiet,
		..Default::default()
	})?;
	let binary = result.dest_binary.context("the build produced no contract binary")?;
	let code = std::fs::read(&binary).with_context(|| format!("reading {}", binary.display()))?;
	let hash: String =
		contract_build::code_hash(&code).iter().map(|byte| format!("{byte:02x}")).collect();
	println!("{} 0x{hash}", binary.display());
	Ok(())
}
