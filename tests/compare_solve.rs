//! compare (CONTRACT §8.1: the quoted product and the teller's rate, one
//! currency, stated assumptions, one date, best) and solveInstallment.
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

fn compared(products: Value, plan: &Value, options: Value) -> Value {
    json_of(&savings_plan::contract::compare(&products, plan, &options).unwrap())
}

fn warnings(entry: &Value) -> Vec<String> {
    entry["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
}

/// ¥500 a month for 3 years (the saver), optionally with a teller rate.
fn saver(rate: Option<&str>) -> Value {
    plan("2025-01-15", 36, "500", rate)
}

// CONTRACT §8.1 — the quoted product, and the teller's rate on it and its variants only

#[test]
fn the_teller_rate_prices_the_quoted_product_and_its_variants_only() {
    let quoted = product("cn-lczq-standard");
    let daily = with(quoted.clone(), json!({ "id": "cn-lczq-standard#daily", "variantOf": "cn-lczq-standard",
        "interest": { "method": "dailyProduct", "dayCount": "ACT/360" } }));
    let other = product("cn-lczq-auto-renew");
    let inr = product("in-bank-rd");
    let out = compared(json!([quoted, daily, other, inr]), &saver(Some("1.10")), Value::Null);
    assert_eq!(out["quoted"], "cn-lczq-standard");
    assert_eq!(out["currency"], "CNY");
    let e = out["entries"].as_array().unwrap();
    for (i, rate) in [(0, "1.1"), (1, "1.1"), (2, "0.85"), (3, "6.5")] {
        assert_eq!(e[i]["contractRate"], rate, "entry {i}");
        assert_eq!(warnings(&e[i]).contains(&"RATE_OVERRIDE".to_string()), i < 2, "entry {i}");
    }
    // Priced at its own rate, the other product is what `calculate` gives without the teller rate.
    let own = savings_plan::contract::calculate(&product("cn-lczq-auto-renew"), &saver(None)).unwrap();
    assert_eq!(e[2]["payout"], json_of(&own)["payout"]);
    // A variant of some other product does not take the teller rate either.
    let stray = with(product("cn-lczq-daily"), json!({ "variantOf": "cn-lczq-auto-renew" }));
    let out = compared(json!([product("cn-lczq-standard"), stray]), &saver(Some("1.10")), Value::Null);
    assert_eq!(out["entries"][1]["contractRate"], "0.85");
}

#[test]
fn variant_of_is_validated() {
    let bad = with(product("cn-lczq-standard"), json!({ "variantOf": 7 }));
    let e = savings_plan::contract::calculate(&bad, &saver(None)).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_TYPE", "product.variantOf"));
    let empty = with(product("cn-lczq-standard"), json!({ "variantOf": " " }));
    assert_eq!(savings_plan::contract::calculate(&empty, &saver(None)).unwrap_err().code.as_str(), "INVALID_VALUE");
    let none = with(product("cn-lczq-standard"), json!({ "variantOf": null }));
    assert!(savings_plan::contract::calculate(&none, &saver(None)).is_ok());
}

// CONTRACT §8.1 — one currency

#[test]
fn only_the_quoted_currency_is_comparable() {
    let products = json!([product("cn-lczq-standard"), product("in-bank-rd"), product("uk-regular-saver"), product("cn-lczq-daily")]);
    let p = plan("2025-06-10", 12, "100", None);
    let out = compared(products, &p, Value::Null);
    let e = out["entries"].as_array().unwrap();
    assert_eq!(e.len(), 4);
    for i in [1, 2] {
        assert_eq!(e[i]["comparable"], false, "entry {i}");
        assert_eq!(e[i]["best"], false, "entry {i}");
        assert_eq!(e[i]["differenceToBest"], Value::Null, "entry {i}");
        assert!(e[i]["horizonValue"].is_string(), "its own currency's value on the date: {i}");
    }
    for i in [0, 3] {
        assert_eq!(e[i]["comparable"], true);
        assert!(e[i]["differenceToBest"].is_string());
    }
    // ₹100 at 6.5% is far more than ¥100 at 0.65%, and still not best: another currency.
    assert_eq!(e.iter().filter(|x| x["best"] == true).count(), 1);
    assert!(e.iter().filter(|x| x["best"] == true).all(|x| x["currency"] == "CNY"));
}

#[test]
fn error_entries_keep_their_position_and_name_their_product() {
    let products = Value::Array(savings_plan::contract::catalog());
    let out = compared(products, &plan("2025-06-10", 12, "1000", None), Value::Null);
    let e = out["entries"].as_array().unwrap();
    assert_eq!(e.len(), 7);
    // The Post Office RD offers no 12-month term; the UK saver caps the installment at £300.
    assert_eq!(e[5]["productId"], "in-post-office-rd");
    assert_eq!(e[5]["error"]["code"], "TERM_NOT_OFFERED");
    assert_eq!(e[6]["error"]["code"], "ABOVE_MAXIMUM");
    // A product that cannot be read at all still has its id, if it gave one.
    let out = compared(json!([product("cn-lczq-standard"), { "id": "broken", "schema": 9 }]), &saver(None), Value::Null);
    assert_eq!(out["entries"][1]["productId"], "broken");
    assert_eq!(out["entries"][1]["error"]["code"], "INVALID_VALUE"); // schema 9
}

// CONTRACT §8.1 — stated assumptions

#[test]
fn a_product_sourced_assumption_is_never_best() {
    // The value-protected product's 2.0% inflation pays a subsidy nobody chose: larger, not best.
    let products = json!([product("cn-lczq-standard"), product("cn-lczq-value-protected"), product("cn-lczq-daily")]);
    let out = compared(products.clone(), &saver(None), Value::Null);
    let e = out["entries"].as_array().unwrap();
    assert_eq!(e[1]["assumptions"], json!([{ "key": "inflation", "value": "2.0", "source": "product" }]));
    assert_eq!(e[1]["best"], false);
    let value = |x: &Value| x["horizonValue"].as_str().unwrap().parse::<f64>().unwrap();
    assert!(value(&e[1]) > value(&e[0]) && value(&e[1]) > value(&e[2]));
    assert!(e[1]["differenceToBest"].as_str().unwrap().parse::<f64>().unwrap() > 0.0, "still measured against the best");
    assert_eq!(e.iter().filter(|x| x["best"] == true).count(), 1);
    // The saver's own inflation makes it a stated choice: now it can be, and is, best.
    let mut own = saver(None);
    own["inflation"] = json!("2.0");
    let out = compared(products, &own, Value::Null);
    let e = out["entries"].as_array().unwrap();
    assert_eq!(e[1]["assumptions"], json!([{ "key": "inflation", "value": "2.0", "source": "plan" }]));
    assert_eq!(e[1]["best"], true);
    assert_eq!(e[1]["differenceToBest"], "0.00");
}

#[test]
fn when_every_comparable_entry_rests_on_an_assumption_nothing_is_best() {
    let out = compared(json!([product("cn-lczq-value-protected")]), &saver(None), Value::Null);
    assert_eq!(out["entries"][0]["best"], false);
    assert_eq!(out["entries"][0]["differenceToBest"], Value::Null);
}

// CONTRACT §8.1 — one date

#[test]
fn with_a_common_horizon_every_entry_is_valued_on_the_latest_close() {
    let standard = product("cn-lczq-standard");
    let renew = product("cn-lczq-auto-renew");
    let out = compared(json!([standard, renew]), &saver(None), Value::Null);
    let e = out["entries"].as_array().unwrap();
    // The auto-renew product pays a year later, on 2029-01-15: that is H.
    assert_eq!(e[0]["closeDate"], "2028-01-15");
    assert_eq!(e[1]["closeDate"], "2029-01-15");
    assert_eq!(out["horizonDate"], "2029-01-15");
    // Its own payout and close stay as calculate gives them; on H it has run a year overdue at demand.
    let own = savings_plan::contract::calculate(&product("cn-lczq-standard"), &saver(None)).unwrap();
    assert_eq!(e[0]["payout"], json_of(&own)["payout"]);
    let mut at_h = saver(None);
    at_h["withdrawOn"] = json!("2029-01-15");
    let later = savings_plan::contract::calculate(&product("cn-lczq-standard"), &at_h).unwrap();
    assert_eq!(e[0]["horizonValue"], json_of(&later)["payout"]);
    assert_eq!(e[0]["horizonClosure"], "overdue");
    assert_eq!(e[1]["horizonValue"], e[1]["payout"]);
    assert_eq!(e[1]["horizonClosure"], "maturity");
    // Best and the difference are on the same date: the renewal, at 0.95% for a year, beats demand.
    assert_eq!(e[1]["best"], true);
    assert_eq!(e[0]["best"], false);
    let diff: rust_decimal::Decimal = e[0]["differenceToBest"].as_str().unwrap().parse().unwrap();
    let h0: rust_decimal::Decimal = e[0]["horizonValue"].as_str().unwrap().parse().unwrap();
    let h1: rust_decimal::Decimal = e[1]["horizonValue"].as_str().unwrap().parse().unwrap();
    assert_eq!(diff, h0 - h1);
}

#[test]
fn a_withdrawal_date_is_the_horizon() {
    let mut p = saver(None);
    p["withdrawOn"] = json!("2026-09-15");
    let out = compared(json!([product("cn-lczq-standard"), product("cn-lczq-auto-renew"), product("cn-lczq-daily")]), &p, Value::Null);
    assert_eq!(out["horizonDate"], "2026-09-15");
    for e in out["entries"].as_array().unwrap() {
        assert_eq!(e["closure"], "early");
        assert_eq!(e["horizonValue"], e["payout"]);
        assert_eq!(e["horizonClosure"], "early");
    }
}

#[test]
fn with_horizon_own_best_is_on_the_payout() {
    let out = compared(json!([product("cn-lczq-standard"), product("cn-lczq-auto-renew")]), &saver(None), json!({ "horizon": "own" }));
    assert_eq!(out["horizonDate"], Value::Null);
    let e = out["entries"].as_array().unwrap();
    for x in e {
        assert_eq!(x["horizonValue"], x["payout"]);
    }
    // On its own payout the auto-renew product (a year longer) is best; the difference is between payouts.
    assert_eq!(e[1]["best"], true);
    let diff: f64 = e[0]["differenceToBest"].as_str().unwrap().parse().unwrap();
    assert!(diff < 0.0);
}

#[test]
fn an_account_the_bank_closed_is_worth_what_it_paid_and_a_refused_date_has_no_value() {
    // The quoted product is closed by the bank after three missed months, long before maturity.
    let closing = with(product("cn-lczq-standard"), json!({ "missed": { "closeAfterConsecutive": 3 } }));
    let mut p = plan("2025-01-15", 60, "500", None);
    p["events"] = json!([{ "n": 2, "missed": true }, { "n": 3, "missed": true }, { "n": 4, "missed": true }]);
    let post_office = product("in-post-office-rd"); // early withdrawal only after 36 months
    let out = compared(json!([closing, post_office]), &p, Value::Null);
    let e = out["entries"].as_array().unwrap();
    assert_eq!(e[0]["closure"], "closedByBank");
    assert_eq!(out["horizonDate"], e[0]["closeDate"]);
    assert_eq!(e[0]["horizonValue"], e[0]["payout"]);
    assert_eq!(e[0]["best"], true);
    // The rupee account cannot be cashed that early: no value on the date, and not comparable anyway.
    assert_eq!(e[1]["horizonValue"], Value::Null);
    assert_eq!(e[1]["horizonClosure"], Value::Null);
    assert!(e[1]["payout"].as_str().is_some());
}

#[test]
fn compare_ties_are_all_best_and_order_does_not_matter() {
    let a = product("cn-lczq-standard");
    let b = with(a.clone(), json!({ "id": "copy" }));
    let p = plan("2025-06-10", 12, "1000", None);
    let out = compared(json!([a, b]), &p, Value::Null);
    assert_eq!(out["entries"][0]["best"], true);
    assert_eq!(out["entries"][1]["best"], true);
    let cny: Vec<Value> = savings_plan::contract::catalog().into_iter().filter(|p| p["currency"] == "CNY").collect();
    let forward = compared(Value::Array(cny.clone()), &p, Value::Null);
    let mut reversed = cny.clone();
    reversed.reverse();
    let backward = compared(Value::Array(reversed), &p, Value::Null);
    let best_ids = |v: &Value| {
        let mut ids: Vec<String> = v["entries"].as_array().unwrap().iter().filter(|r| r["best"] == true).map(|r| r["productId"].to_string()).collect();
        ids.sort();
        ids
    };
    assert_eq!(best_ids(&forward), best_ids(&backward));
    assert!(!best_ids(&forward).is_empty());
}

#[test]
fn compare_needs_an_array_and_known_options() {
    let p = plan("2025-06-10", 12, "1000", None);
    let e = savings_plan::contract::compare(&json!({}), &p, &Value::Null).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_TYPE", "products"));
    let catalog = Value::Array(savings_plan::contract::catalog());
    let e = savings_plan::contract::compare(&catalog, &p, &json!({ "horizon": "later" })).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_VALUE", "options.horizon"));
    let e = savings_plan::contract::compare(&catalog, &p, &json!({ "horizn": "own" })).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("UNKNOWN_FIELD", "options.horizn"));
    let e = savings_plan::contract::compare(&catalog, &p, &json!("own")).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_TYPE", "options"));
    let empty = compared(json!([]), &p, Value::Null);
    assert_eq!(empty, json!({ "quoted": null, "currency": null, "horizonDate": null, "entries": [] }));
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
