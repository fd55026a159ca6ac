#!/usr/bin/env bash
# Installs what building and testing Civitas needs and is missing:
# Debian packages (as root; otherwise prints the command), the pinned Rust
# toolchain with its Wasm target and components (from rust-toolchain.toml),
# the npm packages of the portal and of the end-to-end and network tests,
# Chromium for the portal's browser tests, and the Python packages of the
# docs' examples, which those tests run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# protoc for litep2p's protobuf code, clang and libclang for bindgen,
# libssl-dev with pkg-config: the node links Debian's OpenSSL rather than
# compiling its own (OPENSSL_NO_VENDOR in .cargo/config.toml); and Python's
# jsonschema, with which the tests validate the OCDS export
# (ocds/validate.py), and venv, for the Python examples of the docs.
packages=(protobuf-compiler clang libclang-dev libssl-dev pkg-config python3 python3-jsonschema python3-venv)
# The browser tests of the portal drive Debian's Chromium (never a browser
# downloaded by a test tool); the network's upgrade test compresses the
# runtime with zstd, as nodes store `:code` and upgrades carry it.
if [ "${1:-}" = "--with-e2e" ]; then
	packages+=(chromium zstd)
fi
missing=()
for package in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		echo "Installing Debian packages: ${missing[*]}"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "Missing system packages: ${missing[*]}" >&2
		echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi

# The `python3` first in PATH may not be Debian's (pyenv, a venv): give it
# jsonschema from PyPI if the Debian package did not reach it.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "Installing Python's jsonschema for $(command -v python3)"
	python3 -m pip install --quiet 'jsonschema>=4.10'
fi

if ! command -v rustup >/dev/null; then
	echo "rustup is missing: install it from https://rustup.rs, then re-run." >&2
	exit 1
fi
# Installs the toolchain named in rust-toolchain.toml with its components
# and targets (wasm32-unknown-unknown, rust-src), if they are not there yet.
(cd "$CIVITAS_ROOT" && rustup toolchain install >/dev/null)

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "Node.js 20+ and npm are needed for the end-to-end tests." >&2
	exit 1
fi
# `npm ci` in directory $1, unless its node_modules was installed by `npm ci`
# from the same package-lock.json (and Node.js version) already: `npm ci`
# always deletes and reinstalls node_modules, 25 s of every warm run.
npm_ci() {
	local dir="$1" stamp want
	stamp="$dir/node_modules/.civitas-installed-from"
	want="$(sha256sum <"$dir/package-lock.json" | cut -d' ' -f1) node $(node --version)"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		echo "npm packages of $(basename "$dir")/ up to date with its package-lock.json"
		return
	fi
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	echo "$want" >"$stamp"
}
# The portal (explorer/): `make run` serves it, the tests drive it.
npm_ci "$CIVITAS_ROOT/explorer"
if [ "${1:-}" = "--with-e2e" ]; then
	npm_ci "$CIVITAS_ROOT/e2e"
	# zombienet's CLI and orchestrator (native provider: it runs the node
	# binary we build; it downloads nothing unless `zombienet setup` is called).
	npm_ci "$CIVITAS_ROOT/zombienet"
	# The docs' Python examples, which the end-to-end tests run: their
	# pinned packages from PyPI in a virtual environment outside the
	# checkout, remade only when the pins change.
	requirements="$CIVITAS_ROOT/docs/examples/requirements.txt"
	stamp="$CIVITAS_EXAMPLES_VENV/.civitas-installed-from"
	want="$(sha256sum <"$requirements" | cut -d' ' -f1) $(python3 --version)"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		echo "Python packages of docs/examples up to date with its requirements.txt"
	else
		rm -rf "$CIVITAS_EXAMPLES_VENV"
		python3 -m venv "$CIVITAS_EXAMPLES_VENV"
		"$CIVITAS_EXAMPLES_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
		echo "$want" >"$stamp"
	fi
fi
