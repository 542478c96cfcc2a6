#!/usr/bin/env bash
# Builds the app in release mode into dist/ (offline; tools from scripts/setup.sh).
# Extra arguments go to trunk, e.g. `--public-url /on-tap/ --dist dist-sub` to host under a
# sub-path. Trunk's post_build hook (Trunk.toml) writes the service worker's precache list.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo fetch --quiet
trunk build --release --offline "$@"
