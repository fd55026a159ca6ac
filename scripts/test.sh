#!/usr/bin/env bash
# The whole test suite: format, lints, API docs, unit and benchmark tests,
# the upgrade from the previous runtime release under try-runtime, the ink!
# contracts rebuilt and compared with their committed code, end-to-end
# tests against a real node, fault tests on a six-node network and a
# runtime upgrade on a four-node one. Prints how long each stage took, and a table of every stage at
# the end (docs/development.md explains the order and keeps the figures).
#
# Why this order (2 cores: the compile stages keep both busy):
# - The node is built first. The tests that run it (scripts/node-tests.sh)
#   spend much of their time waiting for 6-second blocks, so they run in the
#   background while the compile-heavy stages go on in the foreground under
#   `nice`, which leaves the nodes the CPU whenever they need it (debug nodes
#   and their clients still use most of a core: what is gained is the
#   waiting, not their work).
# - Each crate is compiled once per feature set: the node, its runtime and
#   their tests with the production features; the ledger pallets' unit tests
#   and their benchmarks in one pass with `runtime-benchmarks` and
#   `try-runtime` (the benchmark and try-state code is compiled and run too).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CIVITAS_ROOT"

CIVITAS_STAGE_LOG="$(mktemp -t civitas-stages.XXXXXX)"
export CIVITAS_STAGE_LOG
run_start=$(date +%s)
background_pid=""
background_log="$(mktemp -t civitas-node-tests.XXXXXX)"

# The table of all stages, in the order they started; background stages are
# marked, and their times overlap the foreground ones.
print_stage_table() {
	local total=$(($(date +%s) - run_start))
	echo
	echo "Stage times ('at' is minutes:seconds into the run; [background] stages ran beside the others):"
	sort -n "$CIVITAS_STAGE_LOG" | while IFS=$'\t' read -r start seconds name; do
		local at=$((start - run_start))
		printf '  at %3d:%02d  %5ss  %s\n' $((at / 60)) $((at % 60)) "$seconds" "$name"
	done
	printf '  total: %ss (%d min %02d s)\n' "$total" $((total / 60)) $((total % 60))
}

on_exit() {
	local status=$?
	if [ "$status" -ne 0 ] && [ -n "$__stage_name" ]; then
		__stage_name="$__stage_name [FAILED]"
	fi
	stage ""
	if [ -n "$background_pid" ]; then
		# The suite stopped early: stop the node tests too if they still run.
		# They run in their own process group (`set -m`), nodes included, so
		# one signal reaches all.
		if kill -0 "$background_pid" 2>/dev/null; then
			kill -TERM -- "-$background_pid" 2>/dev/null || true
			sleep 5
			kill -KILL -- "-$background_pid" 2>/dev/null || true
			echo "==> the end-to-end and network tests were stopped; the end of their output:"
		else
			echo "==> the end-to-end and network tests had ended; the end of their output:"
		fi
		wait "$background_pid" 2>/dev/null || true
		tail -n 100 "$background_log"
	fi
	print_stage_table
	rm -f "$CIVITAS_STAGE_LOG" "$background_log"
	exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

stage "setup"
"$CIVITAS_ROOT/scripts/setup.sh" --with-e2e

stage "cargo fmt --check"
cargo fmt --all -- --check
cargo fmt --manifest-path contracts/Cargo.toml --all -- --check
cargo fmt --manifest-path tools/contract-build/Cargo.toml -- --check

stage "build civitas-node and civitas-audit (production features; the runtime's Wasm included)"
cargo build --locked -p civitas-node -p civitas-audit

stage "portal: type-check and build (explorer/)"
(cd explorer && npm run build)

stage ""
echo "==> end-to-end and network tests: started in the background (output at the end)"
# Their own process group (job control on for this one job), so that one
# signal stops them and every node they started. Not their own session
# (setsid): Linux schedules each session as one group (autogroup), and two
# groups share the CPU half and half whatever their nice values, so the
# niced compile stages below kept half the machine while ten nodes starved
# (five dev nodes took 4 minutes to start in a cold run, and timed out).
set -m
CIVITAS_STAGE_TAG="[background] " "$CIVITAS_ROOT/scripts/node-tests.sh" >"$background_log" 2>&1 &
background_pid=$!
set +m

# Everything below competes with the nodes for the CPU: let the nodes win.
cpu() { nice -n 19 "$@"; }

stage "cargo clippy -D warnings (workspace, all targets)"
cpu cargo clippy --locked --workspace --all-targets -- -D warnings

stage "cargo doc -D warnings"
RUSTDOCFLAGS="-D warnings" cpu cargo doc --locked --no-deps -p civitas-runtime -p civitas-node -p civitas-audit \
	-p civitas-primitives -p civitas-funding-conditions -p pallet-civitas-registry \
	-p pallet-civitas-audit-trail -p pallet-civitas-agreements -p pallet-civitas-pools \
	-p pallet-civitas-disbursements -p pallet-civitas-governance -p pallet-civitas-validators

stage "unit tests: runtime, node and audit verifier (production features)"
cpu cargo test --locked -p civitas-runtime -p civitas-node -p civitas-audit

stage "unit and benchmark tests: primitives and ledger pallets (runtime-benchmarks, try-runtime)"
cpu cargo test --locked -p civitas-primitives -p civitas-funding-conditions \
	-p pallet-civitas-registry -p pallet-civitas-audit-trail -p pallet-civitas-agreements \
	-p pallet-civitas-pools -p pallet-civitas-disbursements -p pallet-civitas-governance \
	-p pallet-civitas-validators \
	--features runtime-benchmarks,try-runtime

stage "try-runtime: the upgrade from the previous release on its dev chain's snapshot (runtime, same features)"
# The runtime's own try-runtime test (runtime/src/tests/upgrade_from_previous_release.rs):
# no Wasm (SKIP_WASM_BUILD: the native runtime runs the migrations, and a
# Wasm built with these features would replace the node's in the shared
# wbuild directory); pallet-revive's benchmark fixtures need solc, which
# nothing here installs.
SKIP_WASM_BUILD=1 SKIP_PALLET_REVIVE_FIXTURES=1 cpu cargo test --locked -p civitas-runtime \
	--features runtime-benchmarks,try-runtime --lib upgrade_from_previous_release

stage "contracts: rebuild from source, compare with the committed code"
cpu "$CIVITAS_ROOT/scripts/contracts.sh" check

stage "contracts: clippy -D warnings and unit tests"
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/contracts" \
	cpu cargo clippy --locked --manifest-path contracts/Cargo.toml --all-targets -- -D warnings
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/contracts" \
	cpu cargo test --locked --manifest-path contracts/Cargo.toml

stage "waiting for the end-to-end and network tests"
background_status=0
wait "$background_pid" || background_status=$?
background_pid=""
stage ""
echo "==> end-to-end and network tests (ran in the background), their output:"
cat "$background_log"
if [ "$background_status" -ne 0 ]; then
	echo "The end-to-end or network tests failed (exit $background_status)." >&2
	exit "$background_status"
fi

echo "All tests passed."
