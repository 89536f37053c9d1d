#!/usr/bin/env bash
# Idempotent set-up of everything Cascade needs on a fresh Debian machine:
# protobuf compiler and clang (networking and RocksDB-free builds still need them),
# the wasm32 target and rust-src for the runtime, the npm packages of the e2e suite and of the
# portal (web/), and Debian's Chromium with CJK fonts for the portal's browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
[ -e /usr/include/clang ] || dpkg -s libclang-dev >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
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

# npm packages, exactly as locked, whenever a lock file is newer than what is installed.
for dir in scripts/e2e web; do
	[ -f "$dir/package.json" ] || continue
	if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
		[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		echo "setup: installing the npm packages of $dir"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
done
echo "setup: ready"
