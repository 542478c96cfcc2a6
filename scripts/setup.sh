#!/usr/bin/env bash
# Installs every tool the build and the tests need, beyond the Rust toolchain itself.
# Idempotent: each tool is checked first and skipped when the right version is present.
# Versions and traps: ../shared/TOOLCHAIN.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_MAJOR=132
TOOLS_DIR="${ONTAP_TOOLS_DIR:-$HOME/.local/share/ontap-tools}"

log() { printf '[setup] %s\n' "$*" >&2; }

# The wasm target comes from rust-toolchain.toml; make sure rustup has fetched it.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# std's sources, for the size-optimized std of the wasm build (scripts/env.sh, wasm_env).
TOOLCHAIN=$(awk -F'"' '/^channel/ { print $2 }' rust-toolchain.toml)
if ! rustup component list --installed --toolchain "$TOOLCHAIN" | grep -q '^rust-src'; then
  log "adding the rust-src component"
  rustup component add rust-src --toolchain "$TOOLCHAIN"
fi

# clippy, run by scripts/test.sh over every crate and target.
if ! cargo clippy --version >/dev/null 2>&1; then
  log "adding the clippy component"
  rustup component add clippy --toolchain "$TOOLCHAIN"
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 9 minutes on a fresh machine)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
# --locked is deliberately absent: a locked transitive crate is missing from the registry here.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
if [ -n "$WB_VERSION" ] && [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# npm brings wasm-opt (below) and, for the benchmarks, Lighthouse; a machine with only the Rust
# toolchain may lack it.
if ! command -v npm >/dev/null; then
  log "installing npm (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq npm >&2
fi

# Debian's binaryen (108) produces a blank page; the npm package is recent.
if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_MAJOR"; then
  log "installing wasm-opt (npm binaryen@$BINARYEN_MAJOR) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_MAJOR" >&2
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromedriver (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium chromium-driver >&2
fi

# trunk's post_build hook (scripts/precache.py) needs python3; Debian images usually have it.
if ! command -v python3 >/dev/null; then
  log "installing python3 (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq python3-minimal >&2
fi

# The paper exam's browser test prints to PDF and reads it back with pdftotext.
if ! command -v pdftotext >/dev/null; then
  log "installing poppler-utils (Debian package, for pdftotext)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq poppler-utils >&2
fi

# The fuzz targets' build (scripts/test.sh) compiles libFuzzer, which is C++.
if ! command -v c++ >/dev/null; then
  log "installing a C++ compiler for libFuzzer (Debian package g++)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq g++ >&2
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version 2>/dev/null || echo 'wasm-bindgen: after first lock'), $("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version), $(chromium --version 2>/dev/null | head -1)"
