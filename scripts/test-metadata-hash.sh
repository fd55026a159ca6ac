#!/usr/bin/env bash
# Signs through the portal as Ledger's generic app does (the metadata-hash
# extension, mode 1) against a dev node whose runtime embeds its metadata
# hash: e2e/hardware-wallet/metadata-hash.test.js.
#
# The everyday build leaves the hash out (the Wasm builder would compile a
# Wasm executor of its own and the Wasm twice; docs/development.md), so this
# builds the runtime once more with `--features metadata-hash`, in a target
# directory of its own so that the shared one is not rebuilt back and forth,
# and puts that Wasm into the dev chain's spec. It is not part of `make
# test`: the build takes minutes (docs/development.md gives the measured
# time); run it after changing the runtime's signed extensions or the
# portal's signing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CIVITAS_ROOT"

"$CIVITAS_ROOT/scripts/setup.sh" --with-e2e

stage "build civitas-node (the ordinary one; it runs the other runtime from the spec)"
cargo build --locked -p civitas-node

target="${CIVITAS_METADATA_HASH_TARGET:-$HOME/.cache/civitas/target-metadata-hash}"
stage "build the runtime with --features metadata-hash (in $target)"
# `check` runs the runtime's build script, which builds the Wasm, but does
# not compile the native runtime's code.
CARGO_TARGET_DIR="$target" cargo check --locked -p civitas-runtime --features metadata-hash
# The Wasm builder compacts and compresses only release builds.
wasm="$target/debug/wbuild/civitas-runtime/civitas_runtime.wasm"
test -f "$wasm" || { echo "no Wasm at $wasm" >&2; exit 1; }

stage "portal: build (explorer/)"
(cd explorer && npm run --silent build >/dev/null)

stage "browser test: signing with the metadata hash"
(cd e2e && CIVITAS_METADATA_HASH_WASM="$wasm" node --test --test-timeout=600000 --test-reporter=spec hardware-wallet/)
stage ""
