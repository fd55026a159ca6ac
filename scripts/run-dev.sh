#!/usr/bin/env bash
# Installs what is missing, builds the node and runs a development chain
# (one validator, Alice) until Ctrl-C. Chain data lives in ./.dev-chain.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

RPC_PORT="${RPC_PORT:-9944}"
PORTAL_PORT="${PORTAL_PORT:-8080}"
BASE_PATH="${BASE_PATH:-$CIVITAS_ROOT/.dev-chain}"

"$CIVITAS_ROOT/scripts/setup.sh"
echo "Building the portal (explorer/)..."
(cd "$CIVITAS_ROOT/explorer" && npm run build)
echo "Building civitas-node (target dir: $CARGO_TARGET_DIR; the first build takes ~35 minutes on 2 cores)..."
(cd "$CIVITAS_ROOT" && cargo build --locked -p civitas-node)

# A dev chain starts from genesis every run: the runtime may have changed
# since the data was written, and a dev chain's history has no value.
"$CIVITAS_NODE" purge-chain --dev --base-path "$BASE_PATH" -y >/dev/null 2>&1 || true

"$CIVITAS_NODE" --dev --base-path "$BASE_PATH" --rpc-port "$RPC_PORT" "$@" &
node_pid=$!
portal_pid=""
portal_log=""
stop() {
	[ -z "$portal_pid" ] || kill "$portal_pid" 2>/dev/null || true
	[ -z "$portal_log" ] || rm -f "$portal_log"
	kill -INT $node_pid 2>/dev/null || true
	wait $node_pid 2>/dev/null || true
}
trap stop INT TERM EXIT

rpc() {
	curl -s -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[]}" "http://127.0.0.1:$RPC_PORT"
}
until rpc system_health 2>/dev/null | grep -q '"result"'; do
	if ! kill -0 $node_pid 2>/dev/null; then
		echo "civitas-node exited before its RPC came up" >&2
		exit 1
	fi
	sleep 1
done

# The portal, as static files; it talks to the node from the browser.
portal_log="$(mktemp -t civitas-portal.XXXXXX)"
node "$CIVITAS_ROOT/explorer/serve.mjs" "$PORTAL_PORT" >"$portal_log" 2>&1 &
portal_pid=$!
until [ -s "$portal_log" ]; do
	if ! kill -0 $portal_pid 2>/dev/null; then
		echo "the portal's server did not start: $(cat "$portal_log")" >&2
		exit 1
	fi
	sleep 0.2
done
portal_url="$(head -n 1 "$portal_log")"
portal_link="$portal_url"
[ "$RPC_PORT" = 9944 ] || portal_link="${portal_url}?rpc=ws://127.0.0.1:$RPC_PORT"

cat <<BANNER

  Civitas dev chain is running; chain data in $BASE_PATH
  RPC endpoint:  ws://127.0.0.1:$RPC_PORT  (HTTP: http://127.0.0.1:$RPC_PORT)
  Portal:        $portal_link  (explorer/, served from explorer/dist)
  Try:  curl -s -H 'Content-Type: application/json' \\
          -d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead","params":[]}' \\
          http://127.0.0.1:$RPC_PORT
  Press Ctrl-C to stop.

BANNER
wait $node_pid
