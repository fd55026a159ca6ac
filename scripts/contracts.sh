#!/usr/bin/env bash
# Builds the ink! contracts in contracts/ and keeps their artifacts in
# contracts/artifacts/: NAME.polkavm (the code uploaded to the chain),
# NAME.json (metadata: ABI and the code hash) and NAME.codehash (the
# keccak-256 hash agreements pin).
#
#   scripts/contracts.sh build   rebuild and update contracts/artifacts/
#   scripts/contracts.sh check   rebuild the code and fail if it differs from the
#                                committed artifact (what an auditor does)
#
# The build runs tools/contract-build: cargo-contract 6.0.0-beta.2's own
# build library (`contract-build`, pinned), called with the arguments of
# `cargo contract build --release`, so the code is byte for byte what
# cargo-contract produces (the committed artifacts were made with it, and
# `check` compares against them). It compiles in a fraction of the time a
# `cargo install cargo-contract` takes (docs/development.md has both).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CONTRACTS=(funding_conditions)
ARTIFACTS="$CIVITAS_ROOT/contracts/artifacts"
# The contracts have their own workspace and build flags (PolkaVM target,
# build-std): give them their own corner of the shared target directory,
# and the build tool another.
CONTRACTS_TARGET="$CARGO_TARGET_DIR/contracts"
TOOLS_TARGET="$CARGO_TARGET_DIR/tools"
BUILDER="$TOOLS_TARGET/debug/civitas-contract-build"

mode="${1:-check}"
case "$mode" in
build | check) ;;
*)
	echo "usage: $0 build|check" >&2
	exit 2
	;;
esac

# Build the tool (a no-op when it is up to date). clippy-driver compiles the
# tool's own crate, so its lints (-D warnings) come with the build instead of
# a second, check-mode compilation of its ~450 dependencies.
RUSTC_WORKSPACE_WRAPPER="$(cd "$CIVITAS_ROOT" && rustup which clippy-driver)" \
	CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__" \
	CARGO_TARGET_DIR="$TOOLS_TARGET" \
	cargo build --locked --quiet --manifest-path "$CIVITAS_ROOT/tools/contract-build/Cargo.toml"

# cargo 1.95 refuses the JSON target spec contract-build uses for PolkaVM
# unless this unstable switch is set.
export CARGO_UNSTABLE_JSON_TARGET_SPEC=true

# contract-build has no --locked: fail here if contracts/Cargo.lock is stale,
# since the code hash depends on every dependency's exact version.
cargo metadata --locked --format-version 1 --manifest-path "$CIVITAS_ROOT/contracts/Cargo.toml" >/dev/null

# The code hash recorded in a metadata file (keccak-256 of the code).
json_hash() {
	node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).source.hash)' "$1"
}

status=0
mkdir -p "$ARTIFACTS"
for name in "${CONTRACTS[@]}"; do
	# contract-build builds a copy of the crate in a fresh temporary directory
	# and writes the artifacts to <target>/ink/<name>/.
	out="$CONTRACTS_TARGET/ink/$name"
	rm -f "$out/$name.polkavm" "$out/$name.json"
	if [ "$mode" = build ]; then
		CARGO_TARGET_DIR="$CONTRACTS_TARGET" "$BUILDER" \
			--manifest-path "$CIVITAS_ROOT/contracts/$name/Cargo.toml" >/dev/null
		hash="$(json_hash "$out/$name.json")"
		cp "$out/$name.polkavm" "$ARTIFACTS/$name.polkavm"
		cp "$out/$name.json" "$ARTIFACTS/$name.json"
		echo "$hash" >"$ARTIFACTS/$name.codehash"
		echo "$name: built, code hash $hash"
	else
		# The check needs only the code: the metadata (ABI) is a second,
		# host-side release build of ink! that the code does not depend on.
		built="$(CARGO_TARGET_DIR="$CONTRACTS_TARGET" "$BUILDER" --code-only \
			--manifest-path "$CIVITAS_ROOT/contracts/$name/Cargo.toml")"
		hash="${built##* }"
		committed_hash="$(cat "$ARTIFACTS/$name.codehash")"
		committed_metadata_hash="$(json_hash "$ARTIFACTS/$name.json")"
		if ! cmp -s "$out/$name.polkavm" "$ARTIFACTS/$name.polkavm"; then
			echo "$name: the code rebuilt from source (hash $hash) differs from contracts/artifacts/$name.polkavm" >&2
			status=1
		elif [ "$committed_hash" != "$hash" ] || [ "$committed_metadata_hash" != "$hash" ]; then
			echo "$name: the code matches, but the committed hashes ($committed_hash in $name.codehash, $committed_metadata_hash in $name.json) are not its hash $hash" >&2
			status=1
		else
			echo "$name: rebuilt from source, identical to the committed code ($hash)"
		fi
	fi
done
exit $status
