//! No panic on any input: thousands of random and malformed product and plan
//! documents (random JSON, extreme numbers, 50-year terms, dates that do not
//! exist) each end in a result or a typed error with a code and a path.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::product;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const STRINGS: &[&str] = &[
    "", "0", "-0", "1", "5", "12", "1000", "1.35", "0.05", "-1", "1e30", "1E3", "+5", ".5", "5.", "1,000",
    "99999999999999999999999999999", "9999999999999999999999999999", "0.0000000000000000000000000001",
    "79228162514264337593543950335", "1000", "999.999", "2024-02-30", "2024-02-29", "2025-01-15", "9999-12-31",
    "1000-01-01", "0000-00-00", "2025-1-5", "ACT/360", "ACT/365", "30/360", "monthlyProduct", "dailyProduct",
    "compound", "quarterly", "simple", "demand", "renew", "payout", "principalOnly", "stopDeposits", "零存整取",
    "<img src=x onerror=alert(1)>", "\u{0}", "🙂", "NaN", "Infinity",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(vec![0i64, 1, -1, 12, 36, 60, 600, 601, 100000, i64::MAX, i64::MIN]).prop_map(|n| json!(n)),
        prop::sample::select(vec![0.5f64, 1e30, -1e30, 1e-30, 12.0, 2.5]).prop_map(|n| json!(n)),
        prop::sample::select(STRINGS.to_vec()).prop_map(|s| json!(s)),
        "[a-zA-Z0-9._-]{0,12}".prop_map(Value::String),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(vec!["months", "rate", "n", "start", "installment", "x", "events", "method"]), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>())),
        ]
    })
}

/// Paths into a document, to mutate one leaf or subtree.
fn paths(v: &Value, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                prefix.push(k.clone());
                paths(c, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                prefix.push(i.to_string());
                paths(c, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn set(v: &mut Value, path: &[String], new: Value, delete: bool) {
    if path.is_empty() {
        *v = new;
        return;
    }
    let (last, parent_path) = path.split_last().unwrap();
    let mut cur = v;
    for p in parent_path {
        cur = match cur {
            Value::Object(m) => m.get_mut(p).unwrap(),
            Value::Array(a) => &mut a[p.parse::<usize>().unwrap()],
            _ => return,
        };
    }
    match cur {
        Value::Object(m) if delete => {
            m.remove(last);
        }
        Value::Object(m) => {
            m.insert(last.clone(), new);
        }
        Value::Array(a) => a[last.parse::<usize>().unwrap()] = new,
        _ => {}
    }
}

fn mutated(base: Value, picks: Vec<(usize, Value, bool)>) -> Value {
    let mut doc = base;
    for (i, new, delete) in picks {
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        let path = all[i % all.len()].clone();
        set(&mut doc, &path, new, delete);
    }
    doc
}

fn base_plan() -> Value {
    json!({ "start": "2025-01-31", "months": 60, "installment": "1000", "rate": null,
            "events": [{ "n": 2, "missed": true }, { "n": 3, "paidOn": "2025-04-10", "amount": "2000" }],
            "withdrawOn": null, "inflation": "2.5" })
}

fn fifty_years() -> Value {
    let mut p = product("in-bank-rd");
    p["terms"] = json!([{ "months": 600, "rate": "999.99" }, { "months": 60, "rate": "6.5" }]);
    // No plausible maximum: the extreme amounts must reach the arithmetic.
    p["installment"]["plausibleMax"] = Value::Null;
    p
}

fn check(r: Result<savings_plan::Quote, savings_plan::Error>) {
    if let Err(e) = r {
        assert!(!e.path.is_empty() || e.code.as_str() == "OVERFLOW", "{e:?}");
        assert!(!e.message.is_empty());
    }
}

fn all_entry_points(product: &Value, plan: &Value) {
    check(savings_plan::contract::calculate(product, plan));
    let _ = savings_plan::contract::validate_product(product);
    let _ = savings_plan::contract::compare(&json!([product, product]), plan, &Value::Null);
    let _ = savings_plan::contract::solve_installment(product, plan, &json!("50000"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_catalog_products_and_plans_never_panic(
        which in 0usize..8,
        product_picks in prop::collection::vec((any::<usize>(), any_json(), any::<bool>()), 0..4),
        plan_picks in prop::collection::vec((any::<usize>(), any_json(), any::<bool>()), 0..4),
    ) {
        let base = if which == 7 { fifty_years() } else { savings_plan::contract::catalog()[which].clone() };
        let product = mutated(base, product_picks);
        let plan = mutated(base_plan(), plan_picks);
        all_entry_points(&product, &plan);
    }

    #[test]
    fn random_json_never_panics(product in any_json(), plan in any_json()) {
        all_entry_points(&product, &plan);
    }
}

#[test]
fn extreme_but_valid_plans_compute_or_say_overflow() {
    let p = fifty_years();
    for (months, installment, rate) in [(600, "9999999999999999999999999999", "999.99"), (600, "100", "999.99"), (600, "100", "0"), (60, "1e30", "1")] {
        let plan = json!({ "start": "9000-01-31", "months": months, "installment": installment, "rate": rate, "withdrawOn": "9999-12-31", "inflation": "999" });
        let r = savings_plan::contract::calculate(&p, &plan);
        if let Err(e) = &r {
            assert!(["OVERFLOW", "INVALID_DECIMAL", "NOT_A_STEP_MULTIPLE"].contains(&e.code.as_str()), "{e:?}");
        }
    }
    // Past year 9999 is an overflow of the calendar, not a panic.
    let plan = json!({ "start": "9990-01-31", "months": 600, "installment": "100" });
    assert_eq!(savings_plan::contract::calculate(&p, &plan).unwrap_err().code.as_str(), "OVERFLOW");
}
