//! Embeds the git commit and rebuilds when it changes, so `civitas-node
//! --version` names the exact source a binary was built from.

use substrate_build_script_utils::{generate_cargo_keys, rerun_if_git_head_changed};

fn main() {
	generate_cargo_keys();
	rerun_if_git_head_changed();
}
