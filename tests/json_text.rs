//! The hand-written JSON of results (what the wasm facade sends) is exactly
//! the typed result in the contract's formats, for every vector, every
//! catalog product and every error: the test builds the expected document
//! itself, from the typed fields, with rust_decimal's and chrono's own
//! `Display` (not the engine's digit writer) and serde_json's escaping.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::vector_files;
use rust_decimal::{Decimal, RoundingStrategy};
use savings_plan::contract::{self, Compared, Comparison, Solution, ToJson};
use savings_plan::{Figure, Quote};
use serde_json::{json, Value};

fn fixed(d: Decimal, scale: u32) -> Value {
    let mut v = d.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(scale);
    json!(v.to_string())
}

fn plain(d: Decimal) -> Value {
    json!(d.normalize().to_string())
}

fn date(d: chrono::NaiveDate) -> Value {
    json!(d.to_string())
}

/// The contract's document of a quote, from its typed fields.
fn expected(q: &Quote) -> Value {
    let (s, ps) = (q.scale, q.payout_scale);
    let doc = json!({
        "productId": q.product_id, "currency": q.currency, "contractRate": plain(q.contract_rate),
        "maturityDate": date(q.maturity_date), "closeDate": date(q.close_date), "closure": q.closure.as_str(),
        "closeRate": q.close_rate.map(plain),
        "principal": fixed(q.principal, s), "interest": fixed(q.interest, s), "subsidy": fixed(q.subsidy, s),
        "fees": fixed(q.fees, s), "tax": fixed(q.tax, s), "payout": fixed(q.payout, ps),
        "effectiveAnnualYield": q.effective_annual_yield.map(|y| fixed(y, 2)),
        "realPayout": q.real_payout.map(|r| fixed(r, s)),
        "breach": q.breach.as_ref().map(|b| json!({ "trigger": b.trigger.as_str(), "installment": b.installment,
            "date": date(b.date), "effect": b.effect.as_str(), "rate": b.rate.map(plain) })),
        "maturityPayout": q.maturity_payout.map(|m| fixed(m, ps)),
        "schedule": q.schedule.iter().map(|r| json!({ "n": r.n, "due": date(r.due), "paidOn": r.paid_on.map(date),
            "amount": plain(r.amount), "status": r.status.as_str(), "balance": plain(r.balance), "rate": plain(r.rate),
            "units": plain(r.units.round_dp(4)) })).collect::<Vec<_>>(),
        "renewals": q.renewals.iter().map(|r| json!({ "start": date(r.start), "end": date(r.end),
            "principal": fixed(r.principal, s), "rate": plain(r.rate), "interest": fixed(r.interest, s),
            "tax": fixed(r.tax, s), "value": fixed(r.value, s) })).collect::<Vec<_>>(),
        "explain": q.explain.iter().map(|e| json!({ "key": e.key.as_str(), "formula": e.formula, "value": match e.value {
            Figure::Fixed(v, places) => fixed(v, places),
            Figure::Plain(v, places) => plain(v.round_dp(places)),
            Figure::Date(d) => date(d),
        } })).collect::<Vec<_>>(),
        "warnings": q.warnings.iter().map(|w| json!({ "code": w.code().as_str(), "path": w.path(), "message": w.message() }))
            .collect::<Vec<_>>(),
        "assumptions": q.assumptions.iter().map(|a| json!({ "key": a.key.as_str(), "value": fixed(a.value, a.value.scale()),
            "source": a.source.as_str() })).collect::<Vec<_>>(),
    });
    doc
}

/// The contract's document of a comparison, from its typed fields.
fn expected_comparison(c: &Comparison) -> Value {
    let entries: Vec<Value> = c
        .entries
        .iter()
        .map(|e| match e {
            Compared::Result(x) => {
                let mut doc = expected(&x.result);
                let ps = x.result.payout_scale;
                doc["comparable"] = json!(x.comparable);
                doc["best"] = json!(x.best);
                doc["horizonValue"] = json!(x.horizon_value.map(|v| fixed(v, ps)));
                doc["horizonClosure"] = json!(x.horizon_closure.map(|h| h.as_str()));
                doc["differenceToBest"] = json!(x.difference_to_best.map(|v| fixed(v, ps)));
                doc
            }
            Compared::Error { product_id, error } => json!({ "productId": product_id, "error": error }),
        })
        .collect();
    json!({ "quoted": c.quoted, "currency": c.currency, "horizonDate": c.horizon_date.map(date), "entries": entries })
}

/// Parses the hand-written text and compares it with the expected document.
fn same(text: &str, want: Value) {
    let by_hand: Value = serde_json::from_str(text).unwrap();
    assert_eq!(by_hand, want);
}

#[test]
fn results_errors_comparisons_and_solutions() {
    let mut n = 0;
    for (_, doc) in vector_files() {
        for v in doc["vectors"].as_array().unwrap() {
            let product = doc["products"].as_array().unwrap().iter().find(|p| p["id"] == v["product"]).unwrap();
            match contract::calculate(product, &v["plan"]) {
                Ok(q) => same(&q.to_json(), expected(&q)),
                Err(e) => same(&e.to_json(), serde_json::to_value(&e).unwrap()),
            }
            n += 1;
        }
    }
    let catalog = Value::Array(contract::catalog());
    let plan = json!({ "start": "2025-01-31", "months": 12, "installment": "100", "inflation": "3",
        "events": [{ "n": 2, "missed": true }, { "n": 3, "paidOn": "2025-04-10", "amount": "200" }], "withdrawOn": "2027-02-01" });
    for options in [Value::Null, json!({ "horizon": "own" })] {
        let comparison = contract::compare(&catalog, &plan, &options).unwrap();
        same(&comparison.to_json(), expected_comparison(&comparison));
    }
    let Solution { installment, result } =
        contract::solve_installment(&catalog[0], &json!({ "start": "2025-01-15", "months": 12 }), &json!("5000")).unwrap();
    let solution = Solution { installment, result: result.clone() };
    same(&solution.to_json(), json!({ "installment": plain(installment), "result": expected(&result) }));
    let problems = contract::validate_product(&json!({ "id": "\"quoted\"\n", "terms": 1 }));
    same(&problems.to_json(), serde_json::to_value(&problems).unwrap());
    assert!(n > 10);
}

#[test]
fn catalog_text_is_the_catalog() {
    let text: Value = serde_json::from_str(&contract::catalog_json()).unwrap();
    assert_eq!(text, Value::Array(contract::catalog()));
}
