//! The WebAssembly build under Node: `wasm-pack test --node -- --test wasm`.
#![cfg(target_arch = "wasm32")]
include!("wasm_shared/cases.rs");
