//! `civitas-audit`: checks an audit bundle offline.
//!
//! ```text
//! civitas-audit verify BUNDLE.json [--authorities SET.json]
//! ```
//!
//! Prints every link it verified and every input it trusted, and exits 0;
//! or prints the link that broke and exits 1.

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};

/// Offline checks of Civitas audit bundles (`civitas_auditBundle`).
#[derive(Parser)]
#[command(name = "civitas-audit", version, about)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Verifies a bundle: header, read proof of the trail's length and head,
	/// the entries' hash chain, and GRANDPA finality.
	Verify {
		/// The bundle, as `civitas_auditBundle` returned it (JSON).
		bundle: PathBuf,
		/// A GRANDPA authority set you hold (JSON: `{"setId": 0,
		/// "authorities": [{"id": "0x…", "weight": 1}]}`), to check finality
		/// against instead of trusting the bundle's.
		#[arg(long)]
		authorities: Option<PathBuf>,
	},
}

fn read(path: &PathBuf) -> Result<String, String> {
	std::fs::read_to_string(path)
		.map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn run(cli: Cli) -> Result<civitas_audit::Report, String> {
	match cli.command {
		Command::Verify { bundle, authorities } => {
			let parsed = civitas_audit::parse(&read(&bundle)?)?;
			let set = match authorities {
				Some(path) => Some(
					serde_json::from_str(&read(&path)?)
						.map_err(|error| format!("not an authority set: {error}"))?,
				),
				None => None,
			};
			civitas_audit::verify(&parsed, set.as_ref())
		},
	}
}

fn main() -> ExitCode {
	match run(Cli::parse()) {
		Ok(report) => {
			for line in &report.verified {
				println!("verified: {line}");
			}
			for line in &report.trusted {
				println!("trusted:  {line}");
			}
			println!("OK");
			ExitCode::SUCCESS
		},
		Err(error) => {
			eprintln!("REJECTED: {error}");
			ExitCode::FAILURE
		},
	}
}
