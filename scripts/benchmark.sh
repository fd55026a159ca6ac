#!/usr/bin/env bash
# Regenerates the weights of Civitas' own pallets from their benchmarks:
# builds the node with the `runtime-benchmarks` feature, runs every
# benchmark of each pallet on the dev chain's runtime, and writes
# pallets/<name>/src/weights.rs through scripts/weights-template.hbs.
#
#   scripts/benchmark.sh            # every Civitas pallet
#   scripts/benchmark.sh registry   # one pallet, by directory name
#   STEPS=20 REPEAT=10 scripts/benchmark.sh disbursements   # fewer samples
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CIVITAS_ROOT"

# directory under pallets/ -> pallet name in the runtime's benchmark list
declare -A PALLETS=(
	[registry]=pallet_civitas_registry
	[agreements]=pallet_civitas_agreements
	[pools]=pallet_civitas_pools
	[disbursements]=pallet_civitas_disbursements
	[governance]=pallet_civitas_governance
	[validators]=pallet_civitas_validators
)
selected=("${@:-${!PALLETS[@]}}")

# pallet-revive's benchmark fixtures need `solc`, which is not installed;
# its benchmarks are not run here (upstream weights are used for Revive).
export SKIP_PALLET_REVIVE_FIXTURES=1
# frame-benchmarking-cli's storage-access test runtime cannot find itself in
# this workspace's metadata (see docs/development.md); `benchmark pallet`
# does not use it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

stage "build civitas-node --features runtime-benchmarks"
cargo build --locked -p civitas-node --features runtime-benchmarks

for dir in "${selected[@]}"; do
	pallet="${PALLETS[$dir]:?unknown pallet directory: $dir}"
	stage "benchmark $pallet"
	# The node is a debug build, but the runtime it benchmarks is the
	# optimised Wasm, run by wasmtime as on a validator. Host functions
	# (hashing, storage) run unoptimised, which overstates their cost: the
	# weights err on the safe side.
	"$CARGO_TARGET_DIR/debug/civitas-node" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		--template scripts/weights-template.hbs \
		--output "pallets/$dir/src/weights.rs"
done
stage ""
echo "Weights written; review the diff and commit it."
