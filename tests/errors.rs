//! One test per error code, asserting code and path (never the message text),
//! and the order in which problems are reported.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{plan, product, with};
use serde_json::{json, Value};

fn err(product: &Value, plan: &Value) -> (String, String) {
    let e = savings_plan::contract::calculate(product, plan).unwrap_err();
    (e.code.as_str().to_string(), e.path)
}

fn std() -> Value {
    product("cn-lczq-standard")
}

fn expect(product: Value, plan: Value, code: &str, path: &str) {
    assert_eq!(err(&product, &plan), (code.to_string(), path.to_string()));
}

#[test]
fn invalid_decimal_forms() {
    for bad in [json!(1000), json!("1e3"), json!("+5"), json!("1,000"), json!(".5"), json!(null), json!(true)] {
        let mut p = plan("2025-01-15", 12, "1000", None);
        p["installment"] = bad;
        expect(std(), p, "INVALID_DECIMAL", "plan.installment");
    }
}

#[test]
fn missing_field() {
    let p = json!({ "start": "2025-01-15", "months": 12 });
    expect(std(), p, "MISSING_FIELD", "plan.installment");
    let mut prod = std();
    prod.as_object_mut().unwrap().remove("demandRate");
    expect(prod, plan("2025-01-15", 12, "1000", None), "MISSING_FIELD", "product.demandRate");
}

#[test]
fn unknown_field_names_the_typo() {
    let prod = with(std(), json!({ "interest": { "method": "monthlyProduct", "methd": "x" } }));
    expect(prod, plan("2025-01-15", 12, "1000", None), "UNKNOWN_FIELD", "product.interest.methd");
    let mut p = plan("2025-01-15", 12, "1000", None);
    p["rat"] = json!("1");
    expect(std(), p, "UNKNOWN_FIELD", "plan.rat");
}

#[test]
fn invalid_value_and_type() {
    expect(with(std(), json!({ "interest": { "method": "weekly" } })), plan("2025-01-15", 12, "1000", None), "INVALID_VALUE", "product.interest.method");
    expect(with(std(), json!({ "rounding": { "scale": 2.5 } })), plan("2025-01-15", 12, "1000", None), "INVALID_VALUE", "product.rounding.scale");
    expect(with(std(), json!({ "missed": "none" })), plan("2025-01-15", 12, "1000", None), "INVALID_TYPE", "product.missed");
    expect(std(), json!([]), "INVALID_TYPE", "plan");
    let mut p = plan("2025-01-15", 12, "1000", None);
    p["rate"] = json!("-1");
    expect(std(), p, "INVALID_VALUE", "plan.rate");
}

#[test]
fn term_not_offered_whatever_its_type() {
    for months in [json!(24), json!("12"), json!(12.5), json!(-12)] {
        let mut p = plan("2025-01-15", 12, "1000", None);
        p["months"] = months;
        expect(std(), p, "TERM_NOT_OFFERED", "plan.months");
    }
}

#[test]
fn installment_limits() {
    expect(std(), plan("2025-01-15", 12, "4.99", None), "BELOW_MINIMUM", "plan.installment");
    expect(std(), plan("2025-01-15", 12, "-5", None), "BELOW_MINIMUM", "plan.installment");
    expect(product("uk-regular-saver"), plan("2025-01-15", 12, "300.01", None), "ABOVE_MAXIMUM", "plan.installment");
    expect(std(), plan("2025-01-15", 12, "10.005", None), "NOT_A_STEP_MULTIPLE", "plan.installment");
    expect(product("in-bank-rd"), plan("2025-01-15", 12, "105", None), "NOT_A_STEP_MULTIPLE", "plan.installment");
}

#[test]
fn dates_out_of_range() {
    expect(std(), plan("2024-02-30", 12, "1000", None), "DATE_OUT_OF_RANGE", "plan.start");
    expect(std(), plan("2024-2-3", 12, "1000", None), "DATE_OUT_OF_RANGE", "plan.start");
    let mut p = plan("2025-01-15", 12, "1000", None);
    p["withdrawOn"] = json!("2025-01-15");
    expect(std(), p, "DATE_OUT_OF_RANGE", "plan.withdrawOn");
}

#[test]
fn event_errors() {
    let mut p = plan("2025-01-15", 12, "1000", None);
    p["events"] = json!([{ "n": 1, "missed": true }, { "n": 4 }, { "n": 13, "missed": true }]);
    expect(std(), p.clone(), "EVENT_OUT_OF_RANGE", "plan.events[2].n");
    p["events"] = json!([{ "n": 2, "paidOn": "2025-03-01", "missed": true }]);
    expect(std(), p.clone(), "EVENT_CONFLICT", "plan.events[0]");
    p["events"] = json!([{ "n": 2, "missed": true }, { "n": 3, "amount": "2500" }]);
    expect(std(), p, "INVALID_AMOUNT", "plan.events[1].amount");
}

#[test]
fn early_not_allowed_comes_after_the_events() {
    let locked = with(std(), json!({ "early": { "allowed": false } }));
    let mut p = plan("2025-01-15", 12, "1000", None);
    p["withdrawOn"] = json!("2025-06-01");
    expect(locked.clone(), p.clone(), "EARLY_NOT_ALLOWED", "plan.withdrawOn");
    p["events"] = json!([{ "n": 2, "paidOn": "2024-01-01" }]);
    expect(locked, p, "EVENT_OUT_OF_RANGE", "plan.events[0].paidOn");
}

#[test]
fn overflow_instead_of_a_wrong_number() {
    let unbounded = with(std(), json!({ "installment": { "plausibleMax": null } }));
    expect(unbounded.clone(), plan("2025-01-15", 12, "1000000000000000000000000000000", None), "OVERFLOW", "plan.installment");
    let e = savings_plan::contract::calculate(&unbounded, &plan("2025-01-15", 60, "9999999999999999999999999999", None)).unwrap_err();
    assert_eq!(e.code.as_str(), "OVERFLOW");
}

#[test]
fn plausible_max_refuses_a_typing_slip() {
    // The built-in Chinese product has no maximum of its own, but its catalog entry caps quotes at 1,000,000.
    expect(std(), plan("2025-01-15", 12, "999999999999", None), "ABOVE_MAXIMUM", "plan.installment");
    assert!(savings_plan::contract::calculate(&std(), &plan("2025-01-15", 12, "1000000", None)).is_ok());
    // The lower of the product's maximum and the plausible maximum applies.
    let capped = with(product("uk-regular-saver"), json!({ "installment": { "plausibleMax": "200" } }));
    expect(capped, plan("2025-01-15", 12, "250", None), "ABOVE_MAXIMUM", "plan.installment");
    // A plausible maximum below the minimum is a product problem.
    let bad = with(std(), json!({ "installment": { "plausibleMax": "1" } }));
    expect(bad, plan("2025-01-15", 12, "1000", None), "INVALID_VALUE", "product.installment.plausibleMax");
    // The solver stops at it.
    let e = savings_plan::contract::solve_installment(&std(), &plan("2025-01-15", 12, "5", None), &json!("100000000")).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("TARGET_UNREACHABLE", "targetPayout"));
}

#[test]
fn target_must_be_above_zero() {
    for bad in ["-5", "0"] {
        let e = savings_plan::contract::solve_installment(&std(), &plan("2025-01-15", 12, "5", None), &json!(bad)).unwrap_err();
        assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_VALUE", "targetPayout"), "{bad}");
    }
}

#[test]
fn target_unreachable() {
    let e = savings_plan::contract::solve_installment(&product("uk-regular-saver"), &plan("2025-01-15", 12, "1", None), &json!("1000000")).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("TARGET_UNREACHABLE", "targetPayout"));
}

#[test]
fn product_problems_come_before_plan_problems() {
    let bad = with(std(), json!({ "demandRate": "x" }));
    expect(bad, plan("2024-02-30", 24, "1", None), "INVALID_DECIMAL", "product.demandRate");
    // Within the plan: start, then months, then installment.
    expect(std(), plan("2024-02-30", 24, "1", None), "DATE_OUT_OF_RANGE", "plan.start");
    expect(std(), plan("2024-02-28", 24, "1", None), "TERM_NOT_OFFERED", "plan.months");
}

#[test]
fn validate_product_lists_every_problem() {
    let bad = with(std(), json!({ "demandRate": 0.05, "currency": "yuan", "interest": { "method": "x" }, "colour": "red" }));
    let problems = savings_plan::contract::validate_product(&bad);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"product.colour"));
    assert!(paths.contains(&"product.currency"));
    assert!(paths.contains(&"product.demandRate"));
    assert!(paths.contains(&"product.interest.method"));
    assert!(savings_plan::contract::validate_product(&std()).is_empty());
}

#[test]
fn disclosure_and_rate_override_are_checked_at_their_paths() {
    let plan = || plan("2025-01-15", 12, "1000", None);
    let long = "字".repeat(601);
    for (change, code, path) in [
        (json!({ "disclosure": 5 }), "INVALID_TYPE", "product.disclosure"),
        (json!({ "disclosure": {} }), "INVALID_VALUE", "product.disclosure"),
        (json!({ "disclosure": { "zh-CN": 1 } }), "INVALID_TYPE", "product.disclosure.zh-CN"),
        (json!({ "disclosure": { "en": "  " } }), "INVALID_VALUE", "product.disclosure.en"),
        (json!({ "disclosure": { "zh-CN": long } }), "INVALID_VALUE", "product.disclosure.zh-CN"),
        (json!({ "disclosure": { "english": "x" } }), "INVALID_VALUE", "product.disclosure.english"),
        (json!({ "rateOverride": "0.5" }), "INVALID_TYPE", "product.rateOverride"),
        (json!({ "rateOverride": { "margn": "0.5" } }), "UNKNOWN_FIELD", "product.rateOverride.margn"),
        (json!({ "rateOverride": { "margin": "-0.1" } }), "INVALID_VALUE", "product.rateOverride.margin"),
        (json!({ "rateOverride": { "margin": 0.5 } }), "INVALID_DECIMAL", "product.rateOverride.margin"),
        (json!({ "rateOverride": { "label": { "en": "" } } }), "INVALID_VALUE", "product.rateOverride.label.en"),
        (json!({ "rateOverride": { "label": ["x"] } }), "INVALID_TYPE", "product.rateOverride.label"),
    ] {
        let mut prod = std();
        for (k, v) in change.as_object().unwrap() {
            prod[k] = v.clone();
        }
        expect(prod, plan(), code, path);
    }
    let mut fine = std();
    fine["disclosure"] = json!({ "zh-CN": "字".repeat(600), "en": "Deposits are insured.", "en-IN": "x" });
    fine["rateOverride"] = json!({ "label": "柜员议价利率", "margin": "0.5" });
    assert!(savings_plan::contract::calculate(&fine, &plan()).is_ok());
}
