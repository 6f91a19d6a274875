//! Engine speed: `calculate` on a 5-year monthly plan, and `compare` over
//! the whole catalog. Run with `cargo bench --bench engine`.

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

criterion_group!(benches, bench);
criterion_main!(benches);
