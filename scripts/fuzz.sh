#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/): `scripts/fuzz.sh [SECONDS] [TARGET...]` (default 600 s
# each, every target). Not part of scripts/test.sh: fuzzing is a campaign, not a test. Crashes
# land in fuzz/artifacts/<target>/; each one fixed gets a regression test in the crate it hit.
# The corpus each run grows is minimised back into fuzz/corpus/<target>/, which is committed.
#
# cargo-fuzz needs nightly-only sanitizer flags; RUSTC_BOOTSTRAP=1 lets the pinned stable
# toolchain accept them (only for these fuzz builds, never for the app).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(check_bank progress_decode exam_resume route_parse import_word import_csv import_gift import_docx import_xlsx import_text_bytes result_code scan_frame)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
export RUSTC_BOOTSTRAP=1

seed() { # seed TARGET FILE...: copy example inputs into a target's corpus
  local dir=fuzz/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; done
}

for t in "${targets[@]}"; do
  case $t in
    check_bank) seed "$t" questions/*.json crates/cli/tests/fixtures/*/*.json ;;
    import_word) seed "$t" crates/cli/tests/fixtures/import-word*/*.txt ;;
    import_csv) seed "$t" crates/cli/tests/fixtures/import-csv*/*.csv questions/mau-nhap.csv ;;
    import_gift) seed "$t" crates/cli/tests/fixtures/import-gift/*.gift ;;
    import_docx) seed "$t" crates/import/tests/fixtures/*.docx ;;
    import_xlsx) seed "$t" crates/import/tests/fixtures/*.xlsx ;;
    import_text_bytes) seed "$t" crates/cli/tests/fixtures/import-*/*.txt crates/cli/tests/fixtures/import-*/*.csv ;;
    *) seed "$t" fuzz/seeds/"$t"/* ;;
  esac
  echo "== $t: ${seconds}s"
  cargo fuzz run -O "$t" "fuzz/corpus/$t" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+ +DONE|stat::|==|SUMMARY|artifact_prefix|Test unit written)' || true
  if ls fuzz/artifacts/"$t"/crash-* >/dev/null 2>&1; then
    echo "CRASH in $t: see fuzz/artifacts/$t/" >&2
    exit 1
  fi
  cargo fuzz cmin -O "$t" "fuzz/corpus/$t" >/dev/null 2>&1 || true
  # Inputs over 16 KB (mostly grown from the shipped banks, which seed every run) stay out of git.
  find "fuzz/corpus/$t" -type f -size +16k -delete
done
