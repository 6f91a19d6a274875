//! Engine speed: `calculate` on a 5-year monthly plan, and `compare` over
//! the whole catalog; the payout-only path, `advise` over 8 products and
//! `payouts` for 10,000 plans (issue 14). Run with `cargo bench --bench engine`
//! (`-- payout` for the payout-only ones).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

fn five_year_plan() -> Value {
    json!({ "start": "2025-06-10", "months": 60, "installment": "1000", "rate": null,
            "events": [], "withdrawOn": null, "inflation": null })
}

fn bench(c: &mut Criterion) {
    let catalog = savings_plan::contract::catalog();
    let standard = catalog[0].clone();
    let plan = five_year_plan();
    c.bench_function("calculate 5-year monthly plan (cn-lczq-standard)", |b| {
        b.iter(|| savings_plan::contract::calculate(black_box(&standard), black_box(&plan)))
    });
    let daily = catalog[1].clone();
    c.bench_function("calculate 5-year plan, daily product ACT/360", |b| {
        b.iter(|| savings_plan::contract::calculate(black_box(&daily), black_box(&plan)))
    });
    let rd = catalog[4].clone();
    c.bench_function("calculate 5-year plan, Indian RD (quarterly compound)", |b| {
        b.iter(|| savings_plan::contract::calculate(black_box(&rd), black_box(&plan)))
    });
    c.bench_function("calculate 5-year plan to result JSON text (cn-lczq-standard)", |b| {
        b.iter(|| savings_plan::contract::calculate(black_box(&standard), black_box(&plan)).map(|q| q.to_json()))
    });
    let all = Value::Array(catalog.clone());
    c.bench_function("compare 5-year plan over the whole catalog (7 products)", |b| {
        b.iter(|| savings_plan::contract::compare(black_box(&all), black_box(&plan), black_box(&Value::Null)))
    });
    let text = serde_json::to_string(&standard).unwrap_or_default();
    let plan_text = plan.to_string();
    c.bench_function("calculate from JSON text to JSON text (what the wasm facade does)", |b| {
        b.iter(|| {
            let p: Value = serde_json::from_str(black_box(&text)).unwrap_or_default();
            let q: Value = serde_json::from_str(black_box(&plan_text)).unwrap_or_default();
            savings_plan::contract::calculate(&p, &q).map(|r| r.to_json())
        })
    });
}

/// The 8 products of the advice benchmark: the catalog and a variant of the
/// quoted product with a mild early-withdrawal rule.
pub fn eight_products() -> Value {
    let mut list = savings_plan::contract::catalog();
    let mut mild = list[0].clone();
    mild["id"] = json!("cn-lczq-mild-early");
    mild["early"] = json!({ "allowed": true, "minMonths": 0, "rate": "contractMinus", "penalty": "0.30" });
    list.push(mild);
    Value::Array(list)
}

/// 10,000 plans for a grid: rates 0.50 … 4.49 in steps of 0.01 on a 5-year
/// term, at 25 installments.
pub fn ten_thousand_plans() -> Value {
    let mut plans = Vec::with_capacity(10_000);
    for r in 0..400 {
        for k in 0..25 {
            let rate = format!("{}.{:02}", (50 + r) / 100, (50 + r) % 100);
            plans.push(json!({ "start": "2025-06-10", "months": 60, "installment": format!("{}", 500 + 100 * k), "rate": rate }));
        }
    }
    Value::Array(plans)
}

fn bench_payout_only(c: &mut Criterion) {
    let catalog = savings_plan::contract::catalog();
    let plan = five_year_plan();
    for (name, i) in [("cn-lczq-standard", 0), ("daily product ACT/360", 1), ("Indian RD, quarterly compound", 4)] {
        let product = savings_plan::Product::parse(&catalog[i]).unwrap_or_else(|e| panic!("{e:?}"));
        let typed = savings_plan::Plan::parse(&plan, &product).unwrap_or_else(|e| panic!("{e:?}"));
        c.bench_function(&format!("payout only, 5-year plan ({name})"), |b| {
            b.iter(|| savings_plan::payout(black_box(&product), black_box(&typed)))
        });
    }
    let eight = eight_products();
    let behaviour = json!({ "earlyChance": "0.3", "earlyFrom": 1, "earlyTo": null });
    c.bench_function("advise 8 products, 5-year plan", |b| {
        b.iter(|| savings_plan::contract::advise(black_box(&eight), black_box(&plan), black_box(&behaviour)))
    });
    let plans = ten_thousand_plans();
    let mut group = c.benchmark_group("bulk");
    group.sample_size(10);
    group.bench_function("payouts 10,000 5-year plans (cn-lczq-standard)", |b| {
        b.iter(|| savings_plan::contract::payouts(black_box(&catalog[0]), black_box(&plans)))
    });
    group.finish();
}

criterion_group!(benches, bench, bench_payout_only);
criterion_main!(benches);
