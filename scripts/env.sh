# Sourced by every script: one shared cargo target directory, outside the
# checkout, so that every build, test and CI run on a machine reuses the same
# compiled dependencies (a cold Substrate build costs ~20 minutes here).
# Override with CARGO_TARGET_DIR=... if you need another place.

CIVITAS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CIVITAS_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/civitas/target}"
export CIVITAS_NODE="${CIVITAS_NODE:-$CARGO_TARGET_DIR/debug/civitas-node}"
# The Python virtual environment the docs' examples run in (setup.sh
# --with-e2e makes it from docs/examples/requirements.txt).
export CIVITAS_EXAMPLES_VENV="${CIVITAS_EXAMPLES_VENV:-$HOME/.cache/civitas/examples-venv}"

# Stage timer: `stage NAME` closes the previous stage and prints its duration.
# When CIVITAS_STAGE_LOG names a file, every closed stage is also appended to
# it as "start<TAB>seconds<TAB>name", so that scripts/test.sh can print one
# table of all stages, including those that ran in the background
# (CIVITAS_STAGE_TAG, if set, prefixes their names there).
__stage_name=""
__stage_start=0
stage() {
	local now
	now=$(date +%s)
	if [ -n "$__stage_name" ]; then
		printf '==> %s: %ss\n' "$__stage_name" "$((now - __stage_start))"
		if [ -n "${CIVITAS_STAGE_LOG:-}" ]; then
			printf '%s\t%s\t%s\n' "$__stage_start" "$((now - __stage_start))" "${CIVITAS_STAGE_TAG:-}$__stage_name" \
				>>"$CIVITAS_STAGE_LOG"
		fi
	fi
	__stage_name="$1"
	__stage_start=$now
	if [ -n "$1" ]; then printf '==> %s ...\n' "$1"; fi
}
