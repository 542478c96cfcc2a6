#!/usr/bin/env bash
# Installs what is missing, builds the app in release mode and serves it on http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
scripts/build.sh
echo
echo "Ôn tập Nghị quyết: http://127.0.0.1:8080/"
echo
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
