#!/usr/bin/env bash
# Installs what is missing, builds the site in release mode and serves it on
# http://127.0.0.1:8080/ as a real static host does: precompressed (brotli or gzip), hashed files
# cached for good, the rest revalidated. `scripts/serve.sh --plain` serves without compression.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
scripts/build.sh
cargo build --quiet --release -p ontap-e2e --bin bench
echo
echo "Ôn tập Nghị quyết: http://127.0.0.1:8080/ (trang người soạn: http://127.0.0.1:8080/soan.html)"
echo
exec target/release/bench serve --questions 0 --port 8080 "$@"
