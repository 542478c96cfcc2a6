#!/usr/bin/env bash
# Checks the invariants written in ARCHITECTURE.md that a command can check.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0

# 1. The core never depends on browser or UI crates (normal dependencies, any target).
if cargo tree -p ontap-core -e normal --target all --prefix none | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|gloo)' ; then
  echo "invariant broken: ontap-core depends on a browser/UI crate (above)" >&2
  fail=1
fi

# 2. Only src/platform/ calls the browser's APIs directly.
if grep -rnE '\b(web_sys|js_sys|gloo_[a-z]+|wasm_bindgen)::' src --include='*.rs' | grep -v '^src/platform/'; then
  echo "invariant broken: browser APIs used outside src/platform/ (above)" >&2
  fail=1
fi

# 3. The CLI and the tests never ship to the browser: the web app does not depend on them.
if cargo tree -p ontap-web -e normal --target wasm32-unknown-unknown --prefix none | grep -E '^(ontap-cli|schemars|proptest|thirtyfour)'; then
  echo "invariant broken: the web app pulls a native-only crate (above)" >&2
  fail=1
fi

[ "$fail" = 0 ] && echo "invariants hold"
exit "$fail"
