//! Every vector of vectors.json (the repository's copy, plus
//! `../shared/domain/vectors.json` when it exists, so new vectors are picked
//! up): results and error codes, as exact strings.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{field, run, vector_files};
use serde_json::Value;

#[test]
fn every_vector_passes() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (file, doc) in vector_files() {
        let products = doc["products"].as_array().unwrap();
        for v in doc["vectors"].as_array().unwrap() {
            let id = v["id"].as_str().unwrap();
            let product = products.iter().find(|p| p["id"] == v["product"]).unwrap();
            let result = run(product, &v["plan"]);
            for (path, want) in v["expect"].as_object().unwrap() {
                let got = field(&result, path);
                let got_text = match &got {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let want_text = match want {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                if got_text != want_text {
                    failures.push(format!("{file}: {id}: {path} = {got_text}, expected {want_text}"));
                }
                checked += 1;
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} expectations failed:\n{}", failures.len(), failures.join("\n"));
    assert!(checked > 40, "only {checked} expectations checked");
}
