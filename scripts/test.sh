#!/usr/bin/env bash
# The whole test suite: format, lints, API docs, unit tests, end-to-end tests
# against a real node, then fault tests on a five-node network. Prints how
# long each stage took.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CIVITAS_ROOT"

stage "setup"
"$CIVITAS_ROOT/scripts/setup.sh" --with-e2e

stage "cargo fmt --check"
cargo fmt --all -- --check
cargo fmt --manifest-path contracts/Cargo.toml --all -- --check

stage "contracts: rebuild from source, compare with the committed code"
"$CIVITAS_ROOT/scripts/contracts.sh" check

stage "contracts: clippy -D warnings and unit tests"
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/contracts" \
	cargo clippy --locked --manifest-path contracts/Cargo.toml --all-targets -- -D warnings
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/contracts" \
	cargo test --locked --manifest-path contracts/Cargo.toml

stage "build civitas-node"
cargo build --locked -p civitas-node

stage "cargo clippy -D warnings"
cargo clippy --locked --workspace --all-targets -- -D warnings

stage "cargo doc -D warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p civitas-runtime -p civitas-node \
	-p civitas-primitives -p civitas-funding-conditions -p pallet-civitas-registry \
	-p pallet-civitas-audit-trail -p pallet-civitas-agreements -p pallet-civitas-pools \
	-p pallet-civitas-disbursements

stage "unit tests"
cargo test --locked --workspace

stage "benchmarks of the ledger pallets, run as tests on their mock runtimes"
cargo test --locked -p pallet-civitas-registry -p pallet-civitas-agreements \
	-p pallet-civitas-pools -p pallet-civitas-disbursements --features runtime-benchmarks benchmarks::

stage "end-to-end tests"
(cd e2e && npm test)

stage "network tests: zombienet, four validators and an archive node, under faults"
(cd zombienet && npm test)

stage ""
echo "All tests passed."
