//! The hand-written JSON of results (what the wasm facade sends) parses to
//! exactly what serde's derived `Serialize` gives, for every vector, every
//! catalog product and every error.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::vector_files;
use savings_plan::json::ToJson;
use serde_json::{json, Value};

fn same<T: ToJson + serde::Serialize>(v: &T) {
    let by_hand: Value = serde_json::from_str(&v.to_json()).unwrap();
    assert_eq!(by_hand, serde_json::to_value(v).unwrap());
}

#[test]
fn results_errors_comparisons_and_solutions() {
    let mut n = 0;
    for (_, doc) in vector_files() {
        for v in doc["vectors"].as_array().unwrap() {
            let product = doc["products"].as_array().unwrap().iter().find(|p| p["id"] == v["product"]).unwrap();
            match savings_plan::calculate(product, &v["plan"]) {
                Ok(q) => same(&q),
                Err(e) => same(&e),
            }
            n += 1;
        }
    }
    let catalog = Value::Array(savings_plan::catalog());
    let plan = json!({ "start": "2025-01-31", "months": 12, "installment": "100", "inflation": "3",
        "events": [{ "n": 2, "missed": true }, { "n": 3, "paidOn": "2025-04-10", "amount": "200" }], "withdrawOn": "2027-02-01" });
    same(&savings_plan::compare(&catalog, &plan).unwrap());
    let solution = savings_plan::solve_installment(&catalog[0], &json!({ "start": "2025-01-15", "months": 12 }), &json!("5000")).unwrap();
    same(&solution);
    same(&savings_plan::validate_product(&json!({ "id": "\"quoted\"\n", "terms": 1 })));
    assert!(n > 10);
}

#[test]
fn catalog_text_is_the_catalog() {
    let text: Value = serde_json::from_str(&savings_plan::catalog::catalog_json()).unwrap();
    assert_eq!(text, Value::Array(savings_plan::catalog()));
}
