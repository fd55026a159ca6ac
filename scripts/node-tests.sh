#!/usr/bin/env bash
# The tests that run the built node: end-to-end tests against dev nodes, then
# fault tests on a five-node network. They spend most of their time waiting
# for blocks, so scripts/test.sh runs this script in the background beside
# the compile-heavy stages. Runs on its own just as well:
#   scripts/node-tests.sh      (needs $CIVITAS_NODE built and `setup.sh --with-e2e`)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CIVITAS_ROOT"

if [ ! -x "$CIVITAS_NODE" ]; then
	echo "No node binary at $CIVITAS_NODE: build it first (cargo build --locked -p civitas-node)." >&2
	exit 1
fi

# A failing stage still gets its time logged, marked as failed.
trap 'status=$?; if [ $status -ne 0 ] && [ -n "$__stage_name" ]; then __stage_name="$__stage_name [FAILED]"; stage ""; fi' EXIT

stage "end-to-end tests (e2e/: a dev node per test file)"
(cd e2e && npm test)

stage "network tests (zombienet/: four validators and an archive node, under faults)"
(cd zombienet && npm test)

stage ""
