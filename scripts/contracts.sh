#!/usr/bin/env bash
# Builds the ink! contracts in contracts/ with the pinned cargo-contract
# (installing it if missing) and keeps their artifacts in contracts/artifacts/:
# NAME.polkavm (the code uploaded to the chain), NAME.json (metadata: ABI and
# the code hash) and NAME.codehash (the keccak-256 hash agreements pin).
#
#   scripts/contracts.sh build   rebuild and update contracts/artifacts/
#   scripts/contracts.sh check   rebuild and fail if any code differs from the
#                                committed artifact (what an auditor does)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CARGO_CONTRACT_VERSION="6.0.0-beta.2"
CONTRACTS=(funding_conditions)
ARTIFACTS="$CIVITAS_ROOT/contracts/artifacts"
# The contracts have their own workspace and build flags (PolkaVM target,
# build-std): give them their own corner of the shared target directory.
CONTRACTS_TARGET="$CARGO_TARGET_DIR/contracts"

mode="${1:-check}"
case "$mode" in
build | check) ;;
*)
	echo "usage: $0 build|check" >&2
	exit 2
	;;
esac

if ! cargo contract --version 2>/dev/null | grep -q "$CARGO_CONTRACT_VERSION"; then
	echo "Installing cargo-contract $CARGO_CONTRACT_VERSION (about 6 minutes, once)"
	# A private target directory: cargo-contract's lockfile is not ours.
	env -u CARGO_TARGET_DIR cargo install cargo-contract --version "$CARGO_CONTRACT_VERSION" \
		--locked --quiet
fi

# cargo 1.95 refuses the JSON target spec cargo-contract uses for PolkaVM
# unless this unstable switch is set.
export CARGO_UNSTABLE_JSON_TARGET_SPEC=true

# cargo-contract has no --locked: fail here if contracts/Cargo.lock is stale,
# since the code hash depends on every dependency's exact version.
cargo metadata --locked --format-version 1 --manifest-path "$CIVITAS_ROOT/contracts/Cargo.toml" >/dev/null

# The code hash cargo-contract records in a metadata file (keccak-256 of the code).
json_hash() {
	node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).source.hash)' "$1"
}

status=0
mkdir -p "$ARTIFACTS"
for name in "${CONTRACTS[@]}"; do
	# cargo-contract builds a copy of the crate in a fresh temporary directory
	# and writes the artifacts to <target>/ink/<name>/.
	out="$CONTRACTS_TARGET/ink/$name"
	rm -f "$out/$name.polkavm" "$out/$name.json"
	CARGO_TARGET_DIR="$CONTRACTS_TARGET" cargo contract build --release --quiet \
		--manifest-path "$CIVITAS_ROOT/contracts/$name/Cargo.toml" >/dev/null
	built="$out/$name.polkavm"
	metadata="$out/$name.json"
	hash="$(json_hash "$metadata")"
	if [ "$mode" = build ]; then
		cp "$built" "$ARTIFACTS/$name.polkavm"
		cp "$metadata" "$ARTIFACTS/$name.json"
		echo "$hash" >"$ARTIFACTS/$name.codehash"
		echo "$name: built, code hash $hash"
	else
		committed_hash="$(cat "$ARTIFACTS/$name.codehash")"
		committed_metadata_hash="$(json_hash "$ARTIFACTS/$name.json")"
		if ! cmp -s "$built" "$ARTIFACTS/$name.polkavm"; then
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
