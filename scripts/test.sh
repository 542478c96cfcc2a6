#!/usr/bin/env bash
# Runs every test: formatting and invariants, the native tests (core and CLI, including the
# shipped banks against ../shared/materials), then the release build and the browser tests
# in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

# Every cargo test's output also goes to a log, to print the totals at the end.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tests() { cargo test "$@" 2>&1 | tee -a "$log"; }

step "formatting"
cargo fmt --all -- --check

step "architecture invariants"
scripts/check-invariants.sh

step "lints (clippy over every crate and target, warnings are errors)"
cargo clippy --quiet --workspace --all-targets -- -D warnings

step "fuzz targets build (fuzz/, its own workspace)"
# A plain cargo build, not `cargo fuzz build`: it compiles and links every target against
# today's core and importers (libFuzzer included), so an API change breaks here instead of at
# the next campaign, on the pinned stable toolchain and in about a minute. cargo-fuzz's build
# adds the sanitizer and coverage flags (nightly-only, accepted through RUSTC_BOOTSTRAP=1) and
# rebuilds every dependency instrumented; that is what scripts/fuzz.sh does for a campaign,
# and it finds nothing more about whether the targets still build.
cargo build --quiet --manifest-path fuzz/Cargo.toml --bins --target-dir target/fuzz

step "native tests (core, importers, QR reading, CLI, banks, site build steps, the benchmark bank generator)"
tests --quiet -p ontap-core -p ontap-import -p ontap-scan -p ontap-cli -p ontap-site -p ontap-bench

step "shipped banks against the source materials"
materials=../shared/materials
if [ -d "$materials" ]; then
  cargo run --quiet -p ontap-cli -- check --materials "$materials" questions
else
  echo "no $materials beside the project: quotes not checked against the texts" >&2
  cargo run --quiet -p ontap-cli -- check questions
fi

step "shipped files in the canonical layout (ontap fmt --check)"
cargo run --quiet -p ontap-cli -- fmt --check questions

step "release build (trunk)"
scripts/build.sh

step "release build for a sub-path (/on-tap/, into dist-sub/: the offline test runs on both)"
scripts/build.sh --public-url /on-tap/ --dist dist-sub

step "browser tests (headless Chromium)"
tests --quiet -p ontap-e2e -- --test-threads=1

step "totals"
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
