#!/usr/bin/env bash
# Idempotent set-up of everything Cascade needs on a fresh Debian machine:
# protobuf compiler and clang (networking and RocksDB-free builds still need them),
# the wasm32 target and rust-src for the runtime, the npm workspace (@cascade/api, the portal in
# web/, the e2e suite), and Debian's Chromium with CJK fonts for the portal's browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
[ -e /usr/include/clang ] || dpkg -s libclang-dev >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
# PostgreSQL, for the indexer's multi-institution setup and its tests (scripts/dev/postgres.sh runs
# clusters of its own; the package's default cluster is not used).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
	echo "setup: installing ${need_apt[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
	echo "setup: adding the wasm32-unknown-unknown target"
	rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
	echo "setup: adding rust-src"
	rustup component add rust-src
fi
for c in rustfmt clippy; do
	rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c" || true
done

# npm packages (one workspace: js/cascade-api, web, scripts/e2e), exactly as locked, whenever the
# lock file is newer than what is installed; then @cascade/api compiled whenever a source of it
# is newer than its build.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "setup: installing the npm workspace's packages"
	npm ci --no-audit --no-fund --loglevel=error
fi
api=js/cascade-api
if [ ! -f "$api/dist/index.js" ] ||
	[ -n "$(find "$api/src" "$api/tsconfig.json" "$api/package.json" -newer "$api/dist/index.js" -print -quit)" ]; then
	echo "setup: compiling $api"
	rm -rf "$api/dist"
	(cd "$api" && npx tsc -p .)
fi
echo "setup: ready"
