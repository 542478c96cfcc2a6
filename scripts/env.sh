# Sourced by the scripts: puts the project's tools first on PATH and keeps trunk offline.
ONTAP_TOOLS_DIR="${ONTAP_TOOLS_DIR:-$HOME/.local/share/ontap-tools}"
export ONTAP_TOOLS_DIR
export PATH="$ONTAP_TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# Runs a command (trunk, cargo fetch) with the size flags of the wasm build (BENCHMARKS.md, "Size
# levers"); native builds and tests never see them:
# - Leptos' `erase_components` (stable): views type-erased, far fewer instantiations;
# - std rebuilt for size (`build-std` with `optimize_for_size`), panics as a bare trap with no
#   message or location (`-Cpanic=immediate-abort`, `-Zlocation-detail=none`), and `{:?}`
#   compiled to nothing (`-Zfmt-debug=none`). These are nightly features of the pinned stable
#   toolchain, allowed by RUSTC_BOOTSTRAP for this command only; they need the rust-src
#   component (rust-toolchain.toml, scripts/setup.sh).
wasm_env() {
  RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
    "$@"
}
