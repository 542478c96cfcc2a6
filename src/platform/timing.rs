//! User Timing marks (`performance.mark`) at the steps of loading, so the benchmarks
//! (`tests/e2e/src/bin/bench.rs`) can tell fetching, checking and building the library apart.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str) -> Result<(), wasm_bindgen::JsValue>;
}

/// Marks `name` on the page's performance timeline; does nothing where marks are unsupported.
pub fn mark(name: &str) {
    let _ = performance_mark(name);
}
