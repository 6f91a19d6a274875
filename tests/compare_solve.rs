//! compare (best per currency, error entries) and solveInstallment.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{plan, product, with};
use savings_plan::contract::ToJson;
use serde_json::{json, Value};

/// The contract's JSON of a result, as the page reads it.
fn json_of<T: ToJson + ?Sized>(v: &T) -> Value {
    serde_json::from_str(&v.to_json()).unwrap()
}

#[test]
fn compare_marks_the_best_per_currency_and_keeps_errors_in_place() {
    let products = Value::Array(savings_plan::contract::catalog());
    let p = plan("2025-06-10", 12, "1000", None);
    let out = json_of(&savings_plan::contract::compare(&products, &p).unwrap());
    let out = out.as_array().unwrap();
    assert_eq!(out.len(), 7);
    // The Post Office RD offers no 12-month term: an error entry in its position.
    assert_eq!(out[5]["error"]["code"], "TERM_NOT_OFFERED");
    let cny: Vec<&Value> = out.iter().filter(|r| r["currency"] == "CNY").collect();
    assert_eq!(cny.len(), 4);
    let best: Vec<&&Value> = cny.iter().filter(|r| r["best"] == true).collect();
    assert_eq!(best.len(), 1);
    assert_eq!(best[0]["differenceToBest"], "0.00");
    for r in &cny {
        assert!(r["differenceToBest"].as_str().unwrap().starts_with('-') || r["best"] == true);
    }
    // Other currencies have their own best.
    assert!(out.iter().any(|r| r["currency"] == "INR" && r["best"] == true));
    // The UK regular saver caps the installment at £300.
    assert_eq!(out[6]["error"]["code"], "ABOVE_MAXIMUM");
}

#[test]
fn compare_ties_are_all_best_and_order_does_not_matter() {
    let a = product("cn-lczq-standard");
    let b = with(a.clone(), json!({ "id": "copy" }));
    let p = plan("2025-06-10", 12, "1000", None);
    let out = json_of(&savings_plan::contract::compare(&json!([a, b]), &p).unwrap());
    assert_eq!(out[0]["best"], true);
    assert_eq!(out[1]["best"], true);
    let catalog = savings_plan::contract::catalog();
    let forward = json_of(&savings_plan::contract::compare(&Value::Array(catalog.clone()), &p).unwrap());
    let mut reversed_products = catalog.clone();
    reversed_products.reverse();
    let backward = json_of(&savings_plan::contract::compare(&Value::Array(reversed_products), &p).unwrap());
    let best_ids = |v: &Value| {
        let mut ids: Vec<String> = v.as_array().unwrap().iter().filter(|r| r["best"] == true).map(|r| r["productId"].to_string()).collect();
        ids.sort();
        ids
    };
    assert_eq!(best_ids(&forward), best_ids(&backward));
}

#[test]
fn compare_needs_an_array() {
    let e = savings_plan::contract::compare(&json!({}), &plan("2025-06-10", 12, "1000", None)).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_TYPE", "products"));
}

#[test]
fn solve_finds_the_smallest_installment_reaching_the_target() {
    let p = plan("2025-01-15", 12, "5", Some("1.35"));
    let s = savings_plan::contract::solve_installment(&product("cn-lczq-standard"), &p, &json!("12087.75")).unwrap();
    assert_eq!(s.installment, rust_decimal::Decimal::new(1000, 0));
    assert_eq!(s.result.payout, rust_decimal::Decimal::new(1208775, 2));
    let s = savings_plan::contract::solve_installment(&product("cn-lczq-standard"), &p, &json!("12087.76")).unwrap();
    assert_eq!(s.installment, rust_decimal::Decimal::new(100001, 2));
    // ¥100,000 in 3 years at the example rate.
    let p = plan("2025-06-10", 36, "5", None);
    let s = savings_plan::contract::solve_installment(&product("cn-lczq-standard"), &p, &json!("100000")).unwrap();
    let below = savings_plan::contract::calculate(&product("cn-lczq-standard"), &plan("2025-06-10", 36, &{
        (s.installment - rust_decimal::Decimal::new(1, 2)).to_string()
    }, None)).unwrap();
    assert!(s.result.payout >= rust_decimal::Decimal::from(100_000));
    assert!(below.payout < rust_decimal::Decimal::from(100_000));
}

#[test]
fn solve_rejects_events_with_amounts() {
    let mut p = plan("2025-01-15", 12, "5", None);
    p["events"] = json!([{ "n": 2, "missed": true }, { "n": 3, "amount": "10" }]);
    let e = savings_plan::contract::solve_installment(&product("cn-lczq-standard"), &p, &json!("1000")).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_VALUE", "plan.events"));
}
