// Shared body of tests/wasm.rs (Node) and tests/wasm_browser.rs (headless
// Chromium): every vector through the JS API of src/wasm.rs, the thrown
// Error's shape, and recovery after bad input.

use js_sys::{Array, Reflect, JSON};
use savings_plan::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const VECTORS: &str = include_str!("../data/vectors.json");
/// This project's vectors of RULES §8 (categories, TDS, the bonus savings plan).
const VECTORS_REVISION2: &str = include_str!("../data/vectors-revision2.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Follows an `a[i].b` path.
fn field(v: &JsValue, path: &str) -> JsValue {
    let mut cur = v.clone();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<u32>().ok()),
            None => (part, None),
        };
        cur = get(&cur, name);
        if let Some(i) = index {
            cur = Reflect::get_u32(&cur, i).unwrap_or(JsValue::UNDEFINED);
        }
    }
    cur
}

fn text(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_default())
}

#[wasm_bindgen_test]
fn every_vector_through_the_js_api() {
    let mut checked = 0;
    for file in [VECTORS, VECTORS_REVISION2] {
        checked += vectors_of(file);
    }
    assert!(checked > 40);
}

/// Every vector of one file through the JS API; how many expectations were checked.
fn vectors_of(file: &str) -> usize {
    let doc = JSON::parse(file).unwrap();
    let products = Array::from(&get(&doc, "products"));
    let vectors = Array::from(&get(&doc, "vectors"));
    let mut checked = 0;
    for v in vectors.iter() {
        let id = text(&get(&v, "id"));
        let want_product = get(&v, "product");
        let product = products.iter().find(|p| get(p, "id") == want_product).unwrap();
        let result = wasm::calculate(product, get(&v, "plan"));
        let expect = get(&v, "expect");
        for key in js_sys::Object::keys(&expect.clone().into()).iter() {
            let key = key.as_string().unwrap();
            let want = text(&get(&expect, &key));
            let got = match (&result, key.strip_prefix("error.")) {
                (Err(e), Some(f)) => text(&get(e, f)),
                (Ok(r), None) => text(&field(r, &key)),
                (Err(e), None) => format!("error {}", text(&get(e, "code"))),
                (Ok(_), Some(_)) => "a result".to_string(),
            };
            assert_eq!(got, want, "{id}: {key}");
            checked += 1;
        }
    }
    checked
}

#[wasm_bindgen_test]
fn errors_are_thrown_errors_with_code_and_path_and_the_module_keeps_working() {
    let catalog = wasm::catalog().unwrap();
    let standard = Reflect::get_u32(&catalog, 0).unwrap();
    let bad = JSON::parse(r#"{"start":"2025-01-15","months":12,"installment":"4.99"}"#).unwrap();
    let e = wasm::calculate(standard.clone(), bad).unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&get(&e, "code")), "BELOW_MINIMUM");
    assert_eq!(text(&get(&e, "path")), "plan.installment");
    // Not JSON at all, then a good call.
    let e = wasm::calculate(JsValue::from(js_sys::BigInt::from(5u32)), JsValue::NULL).unwrap_err();
    assert_eq!(text(&get(&e, "code")), "INVALID_TYPE");
    let e = wasm::calculate(JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(text(&get(&e, "code")), "MISSING_FIELD");
    let good = JSON::parse(r#"{"start":"2025-01-15","months":12,"installment":"1000","rate":"1.35"}"#).unwrap();
    let r = wasm::calculate(standard, good).unwrap();
    assert_eq!(text(&get(&r, "payout")), "12087.75");
}

#[wasm_bindgen_test]
fn compare_solve_and_validate_through_js() {
    let catalog = wasm::catalog().unwrap();
    assert_eq!(Array::from(&catalog).length(), 8);
    let plan = JSON::parse(r#"{"start":"2025-06-10","months":12,"installment":"100"}"#).unwrap();
    let comparison = wasm::compare(catalog.clone(), plan.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(text(&get(&comparison, "quoted")), "cn-lczq-standard");
    assert_eq!(text(&get(&comparison, "horizonDate")), "2027-06-10");
    let out = Array::from(&get(&comparison, "entries"));
    assert_eq!(out.length(), 8);
    assert_eq!(text(&field(&out.get(5), "error.code")), "TERM_NOT_OFFERED");
    assert_eq!(text(&field(&out.get(4), "comparable")), "false");
    let own = JSON::parse(r#"{"horizon":"own"}"#).unwrap();
    let comparison = wasm::compare(catalog.clone(), plan.clone(), own).unwrap();
    assert!(get(&comparison, "horizonDate").is_null());
    let bad = JSON::parse(r#"{"horizon":"later"}"#).unwrap();
    let e = wasm::compare(catalog.clone(), plan.clone(), bad).unwrap_err();
    assert_eq!(text(&get(&e, "path")), "options.horizon");
    let standard = Reflect::get_u32(&catalog, 0).unwrap();
    let solved = wasm::solve_installment(standard.clone(), plan, JsValue::from_str("1200")).unwrap();
    assert!(!text(&get(&solved, "installment")).is_empty());
    let problems = Array::from(&wasm::validate_product(standard).unwrap());
    assert_eq!(problems.length(), 0);
    let broken = JSON::parse(r#"{"schema":2,"id":"","currency":"x","terms":[],"demandRate":1}"#).unwrap();
    assert!(Array::from(&wasm::validate_product(broken).unwrap()).length() >= 4);
}

/// The README's worked statement through the JS API: the placed events, the
/// payout and the bank's difference explained, and a bad statement as a
/// thrown error with its path.
#[wasm_bindgen_test]
fn reconcile_the_worked_statement_through_js() {
    let catalog = wasm::catalog().unwrap();
    let standard = Reflect::get_u32(&catalog, 0).unwrap();
    let statement = JSON::parse(r#"{ "start": "2025-01-15", "months": 12, "installment": null, "rate": null, "withdrawOn": null,
        "bankPayout": "11039.54",
        "deposits": [
            { "date": "2025-01-15", "amount": "1000" }, { "date": "2025-02-15", "amount": "1000" },
            { "date": "2025-03-15", "amount": "1000" }, { "date": "2025-04-15", "amount": "1000" },
            { "date": "2025-06-16", "amount": "2000" }, { "date": "2025-07-15", "amount": "1000" },
            { "date": "2025-08-15", "amount": "1000" }, { "date": "2025-10-15", "amount": "1000" },
            { "date": "2025-11-15", "amount": "1000" }, { "date": "2025-11-20", "amount": "1000" },
            { "date": "2025-12-15", "amount": "1000" }] }"#).unwrap();
    let r = wasm::reconcile(standard.clone(), statement).unwrap();
    assert_eq!(text(&field(&r, "result.payout")), "11038.04");
    assert_eq!(text(&field(&r, "result.breach.effect")), "laterAtDemand");
    assert_eq!(text(&field(&r, "deposits[9].status")), "ignored");
    assert_eq!(text(&field(&r, "problems[0].code")), "DEPOSIT_NOT_MATCHED");
    assert_eq!(text(&field(&r, "bank.difference")), "1.50");
    assert_eq!(text(&field(&r, "bank.explain[0].key")), "noBreach");
    let bad = JSON::parse(r#"{ "start": "2025-01-15", "months": 12, "deposits": [{ "date": "yesterday", "amount": "1000" }] }"#).unwrap();
    let e = wasm::reconcile(standard, bad).unwrap_err();
    assert_eq!(text(&get(&e, "path")), "statement.deposits[0].date");
}

/// advise and payouts through the JS API: each payout in a batch is the one
/// `calculate` gives, an impossible plan is an entry with its path, and the
/// expectation with no chance of an early close is the plan's own payout.
#[wasm_bindgen_test]
fn advise_and_payouts_through_js() {
    let catalog = wasm::catalog().unwrap();
    let standard = Reflect::get_u32(&catalog, 0).unwrap();
    let plan = JSON::parse(r#"{ "start": "2025-06-10", "months": 36, "installment": "1000" }"#).unwrap();
    let full = wasm::calculate(standard.clone(), plan.clone()).unwrap();
    let plans = JSON::parse(r#"[{ "start": "2025-06-10", "months": 36, "installment": "1000" },
        { "start": "2025-06-10", "months": 7, "installment": "1000" }]"#).unwrap();
    let batch = wasm::payouts(standard.clone(), plans).unwrap();
    assert_eq!(text(&Reflect::get_u32(&batch, 0).unwrap()), text(&get(&full, "payout")));
    assert_eq!(text(&field(&Reflect::get_u32(&batch, 1).unwrap(), "error.path")), "plans[1].months");

    let products = Array::of2(&standard, &Reflect::get_u32(&catalog, 1).unwrap());
    let calm = wasm::advise(products.clone().into(), plan.clone(), JSON::parse(r#"{ "earlyChance": "0" }"#).unwrap()).unwrap();
    assert_eq!(text(&field(&calm, "entries[0].expectedPayout")), text(&get(&full, "payout")));
    assert_eq!(field(&calm, "entries[0].curve").dyn_into::<Array>().map(|a| a.length()).unwrap_or(0), 36);
    let e = wasm::advise(products.into(), plan, JSON::parse(r#"{ "earlyChance": "1.5" }"#).unwrap()).unwrap_err();
    assert_eq!(text(&get(&e, "path")), "behaviour.earlyChance");
}
