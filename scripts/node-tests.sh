#!/usr/bin/env bash
# The tests that run the built node: end-to-end tests against dev nodes and
# the network tests (faults and validator changes on a six-node network,
# then a runtime upgrade on a four-node one), both at the same time. Each starts its
# own nodes on free ports in its own temporary directories, and both spend
# most of their time waiting for 6-second blocks, so together they take
# little more than the longer of the two (the network tests), the
# end-to-end tests starting once the network is up. scripts/test.sh
# runs this script in the background beside the compile-heavy stages. Runs
# on its own just as well:
#   scripts/node-tests.sh      (needs $CIVITAS_NODE built and `setup.sh --with-e2e`)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$CIVITAS_ROOT"

if [ ! -x "$CIVITAS_NODE" ]; then
	echo "No node binary at $CIVITAS_NODE: build it first (cargo build --locked -p civitas-node)." >&2
	exit 1
fi

# Runs `npm test` in directory $2 as stage $1, its output into file $3; the
# stage's time is logged (marked as failed if it failed) and its exit status
# returned. Each call runs in its own subshell, so each has its own timer.
npm_test_stage() (
	local name="$1" dir="$2" log="$3" status=0
	stage "$name"
	(cd "$dir" && npm test) >"$log" 2>&1 || status=$?
	if [ "$status" -ne 0 ]; then __stage_name="$__stage_name [FAILED]"; fi
	stage ""
	return "$status"
)

e2e_log="$(mktemp -t civitas-e2e.XXXXXX)"
network_log="$(mktemp -t civitas-network.XXXXXX)"
e2e_pid=""
network_pid=""
cleanup() {
	# Stopped early (test.sh stops this script's process group when the
	# suite fails): the test runners stop their own nodes on SIGTERM; wait
	# for them, then show how far each had got.
	for pid in $e2e_pid $network_pid; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	[ -z "$e2e_pid" ] || { echo "==> end-to-end tests, stopped; their last lines:"; tail -n 40 "$e2e_log"; }
	[ -z "$network_pid" ] || { echo "==> network tests, stopped; their last lines:"; tail -n 40 "$network_log"; }
	rm -f "$e2e_log" "$network_log"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# The network tests go first: they are the longer of the two. The
# end-to-end tests start once the network is up: ten nodes compiling the
# runtime at the same moment on two cores more than doubled the network's
# spawn (49 s alone, 122 s beside the end-to-end nodes' start); after the
# spawn the two share the machine easily.
npm_test_stage "network tests (zombienet/: four validators, a candidate and an archive node; faults, validator changes; then an upgrade from the previous release)" \
	zombienet "$network_log" &
network_pid=$!
for _ in $(seq 300); do
	# network.test.js prints this line once every node runs; if the tests
	# end (or fail) before it, there is nothing to wait for either.
	if grep -q "^network of .* nodes up in" "$network_log" || ! kill -0 "$network_pid" 2>/dev/null; then break; fi
	sleep 1
done
npm_test_stage "end-to-end tests (e2e/: a dev node per test file)" e2e "$e2e_log" &
e2e_pid=$!

e2e_status=0
network_status=0
wait "$e2e_pid" || e2e_status=$?
e2e_pid=""
echo "==> end-to-end tests (exit $e2e_status):"
cat "$e2e_log"
wait "$network_pid" || network_status=$?
network_pid=""
echo "==> network tests (exit $network_status):"
cat "$network_log"

if [ "$e2e_status" -ne 0 ] || [ "$network_status" -ne 0 ]; then
	echo "Failed: end-to-end tests exit $e2e_status, network tests exit $network_status." >&2
	exit 1
fi
