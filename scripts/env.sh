# Sourced by every script: one shared cargo target directory, outside the
# checkout, so that every build, test and CI run on a machine reuses the same
# compiled dependencies (a cold Substrate build costs ~20 minutes here).
# Override with CARGO_TARGET_DIR=... if you need another place.

CIVITAS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CIVITAS_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/civitas/target}"
export CIVITAS_NODE="${CIVITAS_NODE:-$CARGO_TARGET_DIR/debug/civitas-node}"

# Stage timer: `stage NAME` closes the previous stage and prints its duration.
__stage_name=""
__stage_start=0
stage() {
	local now
	now=$(date +%s)
	if [ -n "$__stage_name" ]; then
		printf '==> %s: %ss\n' "$__stage_name" "$((now - __stage_start))"
	fi
	__stage_name="$1"
	__stage_start=$now
	if [ -n "$1" ]; then printf '==> %s ...\n' "$1"; fi
}
