#!/usr/bin/env bash
# Builds the site in release mode into dist/ (offline; tools from scripts/setup.sh):
#   1. the trainers' page (soan.html, binary ontap-soan) and the home page's own binary
#      (home.html, binary ontap-home) with trunk, each into a staging folder;
#   2. the member's app with every page (index.html, binary ontap-web) with trunk, into dist/;
#   3. the staged pages' script and wasm copied beside it;
#   4. the home page pre-rendered into index.html, whose loader then picks ontap-home for the
#      home page and ontap-web for links to other pages (ontap-site prerender);
#   5. the service worker's precache list (scripts/precache.py);
#   6. .gz and .br copies for hosts that serve precompressed files (ontap-site compress).
# Options: --public-url /on-tap/ to host under a sub-path, --dist DIR for another folder.
# The wasm is built with the size flags of scripts/env.sh (see BENCHMARKS.md, "Size levers").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

dist=dist
public_url=/
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --public-url) public_url="$2"; shift 2 ;;
    *) echo "build.sh: unknown option $1 (use --dist DIR, --public-url PATH)" >&2; exit 2 ;;
  esac
done

cargo fetch --quiet
# std's own dependencies, for build-std (wasm_env): fetched once, then offline like the rest.
wasm_env cargo fetch --quiet --target wasm32-unknown-unknown
cargo build --quiet -p ontap-site
site=target/debug/ontap-site
staging="target/site-staging/$(basename "$dist")"

wasm_env trunk build --release --offline --public-url "$public_url" --dist "$staging-soan" soan.html
wasm_env trunk build --release --offline --public-url "$public_url" --dist "$staging-home" home.html
wasm_env trunk build --release --offline --public-url "$public_url" --dist "$dist" index.html
# soan.html (trunk names every page it writes index.html) with its script and wasm (its style
# is inlined) and its QR worker; the home binary's script and wasm.
cp "$staging-soan"/index.html "$dist"/soan.html
cp "$staging-soan"/ontap-soan-*.js "$staging-soan"/ontap-soan-*_bg.wasm "$dist"/
# The QR-reading worker the trainers' page starts when it scans (names without a hash: the
# page names the loader at run time).
cp "$staging-soan"/ontap-scan-worker.js "$staging-soan"/ontap-scan-worker_bg.wasm "$staging-soan"/ontap-scan-worker_loader.js "$dist"/
cp "$staging-home"/ontap-home-*.js "$staging-home"/ontap-home-*_bg.wasm "$dist"/
"$site" prerender "$dist"
python3 scripts/precache.py "$dist"
"$site" compress "$dist"
