//! The WebAssembly build in headless Chromium:
//! `wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver -- --test wasm_browser`.
#![cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
include!("wasm_shared/cases.rs");
