#!/usr/bin/env bash
# Checks the invariants written in ARCHITECTURE.md that a command can check.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0

# 1. The core never depends on browser or UI crates: none in its tree on the native target,
#    and its own code names none. (On wasm32 only, rs-fsrs's chrono binds Date.now through
#    js-sys; the core never calls it: time is always passed in. See ARCHITECTURE.md.)
if cargo tree -p ontap-core -e normal --prefix none | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|gloo)' ; then
  echo "invariant broken: ontap-core depends on a browser/UI crate (above)" >&2
  fail=1
fi
if cargo tree -p ontap-core -e normal --target wasm32-unknown-unknown --prefix none | grep -E '^(leptos|web-sys|gloo)' ; then
  echo "invariant broken: ontap-core pulls a UI or DOM crate into the browser build (above)" >&2
  fail=1
fi
if grep -rnE '\b(leptos|web_sys|js_sys|wasm_bindgen|gloo_[a-z]+)::' crates/core/src; then
  echo "invariant broken: the core's code names a browser crate (above)" >&2
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

# 4. The importers are shared with the browser: ontap-import pulls no CLI or test crate, and
#    builds for wasm32 (checked by `cargo check -p ontap-import --target wasm32-unknown-unknown`).
if cargo tree -p ontap-import -e normal --target wasm32-unknown-unknown --prefix none | grep -E '^(ontap-cli|lexopt|schemars|proptest)'; then
  echo "invariant broken: ontap-import pulls a native-only crate (above)" >&2
  fail=1
fi

[ "$fail" = 0 ] && echo "invariants hold"
exit "$fail"
