//! The recorded corpus: the engine's JSON output, byte for byte, for every
//! vector and a few thousand generated plans (every catalog and vector
//! product, random variants of every product rule, errors of every kind),
//! through `calculate`, `compare`, `solveInstallment` and `validateProduct`.
//!
//! It guards refactoring: a restructure must not change one byte. The
//! corpus is recorded from another revision's code (normally `main`) with
//! `scripts/corpus.sh record`, and this revision's output is compared with
//! it by `scripts/corpus.sh check`. Both run this file; only the adapter to
//! the crate's API (`tests/corpus/api*.rs`) differs between revisions.
//! The cases come from a fixed-seed generator, so both sides price the same
//! documents. Ignored under a plain `cargo test`: output that changes on
//! purpose (a money fix) is re-recorded, not a failure.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

#[path = "corpus/api.rs"]
mod api;

use serde_json::{json, Map, Value};
use std::fmt::Write as _;

/// splitmix64: a small fixed-seed generator, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn vectors() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/vectors.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn base_products() -> Vec<Value> {
    let mut all = api::catalog();
    all.extend(vectors()["products"].as_array().unwrap().iter().cloned());
    all
}

fn set(doc: &mut Value, path: &str, value: Value) {
    let keys: Vec<&str> = path.split('.').collect();
    let mut cur = doc;
    for k in &keys[..keys.len() - 1] {
        if !cur.get(*k).is_some_and(Value::is_object) {
            cur[*k] = json!({});
        }
        cur = cur.get_mut(*k).unwrap();
    }
    cur[keys[keys.len() - 1]] = value;
}

fn remove(doc: &mut Value, path: &str) {
    let keys: Vec<&str> = path.split('.').collect();
    let mut cur = doc;
    for k in &keys[..keys.len() - 1] {
        match cur.get_mut(*k) {
            Some(v) => cur = v,
            None => return,
        }
    }
    if let Some(o) = cur.as_object_mut() {
        o.remove(keys[keys.len() - 1]);
    }
}

fn rate(rng: &mut Rng) -> String {
    let r = rng.below(1200);
    format!("{}.{:02}", r / 100, r % 100)
}

/// A product rule changed at random: every value of every contract enum and
/// the numeric rules around them.
fn vary_product(rng: &mut Rng, p: &mut Value) {
    for _ in 0..rng.below(5) {
        match rng.below(22) {
            0 => set(p, "interest", json!({ "method": "monthlyProduct" })),
            1 => set(p, "interest", json!({ "method": "dailyProduct",
                "dayCount": rng.pick(&["30/360", "ACT/360", "ACT/365"]),
                "accrueTo": rng.pick(&["maturity", "dayBeforeMaturity"]) })),
            2 => set(p, "interest", json!({ "method": "compound",
                "compounding": rng.pick(&["monthly", "quarterly", "yearly"]),
                "brokenPeriod": rng.pick(&["compound", "simple"]),
                "dayCount": rng.pick(&["30/360", "ACT/360", "ACT/365"]) })),
            3 => set(p, "rounding", json!({ "scale": rng.below(5), "mode": rng.pick(&["halfUp", "halfEven", "down"]),
                "payoutScale": if rng.chance(50) { json!(rng.below(3)) } else { Value::Null } })),
            4 => set(p, "missed.makeUpWithinMonths", if rng.chance(20) { Value::Null } else { json!(rng.below(7)) }),
            5 => set(p, "missed.makeUpEarnsFrom", json!(rng.pick(&["paidMonth", "dueMonth"]))),
            6 => set(p, "missed.breachAfter", match rng.below(4) {
                0 => Value::Null,
                1 => json!({ "unmadeUp": 1 + rng.below(3) }),
                2 => json!({ "total": 1 + rng.below(4) }),
                _ => json!({ "consecutive": 1 + rng.below(3) }),
            }),
            7 => set(p, "missed.onBreach", json!(rng.pick(&["laterAtDemand", "allAtDemand", "stopDeposits", "actualAtContract"]))),
            8 => set(p, "missed.lateFeePer100PerMonth", json!(rng.pick(&["0", "1.50", "0.5", "2"]))),
            9 => set(p, "missed.closeAfterConsecutive", if rng.chance(40) { Value::Null } else { json!(1 + rng.below(6)) }),
            10 => set(p, "early", json!({ "allowed": rng.chance(85), "minMonths": rng.below(4) * 3,
                "rate": rng.pick(&["demand", "contractMinus", "lowerOfHeldAndContractMinus"]),
                "penalty": rng.pick(&["0", "0.50", "1", "2.25"]),
                "heldRates": if rng.chance(50) { json!([{ "months": 0, "rate": "3.00" }, { "months": 6, "rate": "5.75" }, { "months": 12, "rate": rate(rng) }]) } else { json!([]) },
                "savingsRate": if rng.chance(30) { json!(rate(rng)) } else { Value::Null } })),
            11 => set(p, "overdue", json!({ "rate": "demand", "base": rng.pick(&["principal", "maturityValue"]) })),
            12 | 13 => set(p, "maturity", json!({ "action": "renew", "renew": {
                "months": rng.pick(&[3, 6, 12, 24, 36]), "rate": if rng.chance(50) { json!(rate(rng)) } else { Value::Null },
                "times": 1 + rng.below(4), "carry": rng.pick(&["principalAndInterest", "principalOnly"]) } })),
            14 => set(p, "maturity", json!({ "action": "payout" })),
            15 => set(p, "valueProtection", match rng.below(3) {
                0 => Value::Null,
                1 => json!({ "subsidyRate": rate(rng) }),
                _ => json!({ "inflation": rate(rng) }),
            }),
            16 => set(p, "tax", json!([{ "from": "1999-11-01", "rate": "20" }, { "from": "2007-08-15", "rate": "5" }, { "from": "2008-10-09", "rate": "0" }])),
            17 => set(p, "demandRate", json!(rate(rng))),
            18 => set(p, "ratesEffective", if rng.chance(30) { Value::Null } else { json!("2025-05-20") }),
            19 => set(p, "installment", json!({ "min": rng.pick(&["5", "100", "1"]), "max": if rng.chance(30) { json!("300") } else { Value::Null },
                "step": rng.pick(&["0.01", "10", "1", "0.5"]) })),
            20 => {
                let terms: Vec<Value> = p["terms"].as_array().unwrap().iter()
                    .map(|t| json!({ "months": t["months"], "rate": rate(rng) })).collect();
                set(p, "terms", Value::Array(terms));
            }
            _ => set(p, "terms", json!([{ "months": rng.pick(&[1, 3, 6, 12, 18, 24, 36, 60, 120]), "rate": rate(rng) }])),
        }
    }
}

/// A product error: a bad value, type, unknown key or missing field.
fn break_product(rng: &mut Rng, p: &mut Value) {
    match rng.below(12) {
        0 => set(p, "interest.method", json!("weekly")),
        1 => set(p, "rounding.scale", json!(2.5)),
        2 => set(p, "missed", json!("none")),
        3 => set(p, "colour", json!("red")),
        4 => remove(p, "demandRate"),
        5 => set(p, "demandRate", json!(0.05)),
        6 => set(p, "currency", json!("yuan")),
        7 => set(p, "missed.breachAfter", json!({ "unmadeUp": 1, "total": 2 })),
        8 => set(p, "terms", json!([])),
        9 => set(p, "tax", json!([{ "from": "2008-10-09", "rate": "0" }, { "from": "1999-11-01", "rate": "20" }])),
        10 => set(p, "maturity", json!({ "action": "renew" })),
        _ => set(p, "early.heldRates", json!([{ "months": "x", "rate": "1" }])),
    }
}

fn date(year: u64, month: u64, day: u64) -> String {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{year:04}-{month:02}-{:02}", day.min(last))
}

fn days_after(start: &str, months: u64, extra_days: i64) -> String {
    let y: i64 = start[0..4].parse().unwrap();
    let m: i64 = start[5..7].parse().unwrap();
    let d: i64 = start[8..10].parse().unwrap();
    let total = (m - 1) + months as i64;
    let (y, m) = (y + total / 12, total % 12 + 1);
    let mut text = date(y as u64, m as u64, d as u64);
    // Step whole days with a tiny calendar (the corpus must not depend on the engine's).
    let mut left = extra_days;
    while left != 0 {
        let (yy, mm, dd): (u64, u64, u64) = (text[0..4].parse().unwrap(), text[5..7].parse().unwrap(), text[8..10].parse().unwrap());
        if left > 0 {
            let next = date(yy, mm, dd + 1);
            text = if next.ends_with(&format!("{dd:02}")) {
                if mm == 12 { date(yy + 1, 1, 1) } else { date(yy, mm + 1, 1) }
            } else {
                next
            };
            left -= 1;
        } else {
            text = if dd > 1 { date(yy, mm, dd - 1) } else if mm == 1 { date(yy - 1, 12, 31) } else { date(yy, mm - 1, 31) };
            left += 1;
        }
    }
    text
}

fn plan_for(rng: &mut Rng, p: &Value) -> Value {
    let terms = p["terms"].as_array().cloned().unwrap_or_default();
    let months = if terms.is_empty() || rng.chance(3) {
        json!(rng.pick(&[7, 24, 600]))
    } else {
        rng.pick(&terms)["months"].clone()
    };
    let m = months.as_u64().unwrap_or(12);
    let start = date(1995 + rng.below(36), 1 + rng.below(12), 1 + rng.below(31));
    let step: f64 = p["installment"]["step"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0.01);
    let max: Option<u64> = p["installment"]["max"].as_str().and_then(|s| s.parse().ok());
    let installment = match rng.below(20) {
        0 => "4.99".to_string(),
        1 => "10.005".to_string(),
        2 => "301".to_string(),
        _ => {
            let k = 1 + rng.below(500);
            let steps = [(0.01, 100u64), (0.5, 2), (1.0, 1), (10.0, 1)];
            let per = steps.iter().find(|s| (s.0 - step).abs() < 1e-9).map(|s| s.1).unwrap_or(1);
            let base = if per == 100 { 5 + k * rng.pick(&[1, 10, 100]) } else { 100 + k * 10 };
            let base = match max {
                Some(max) if base > max && rng.chance(90) => max - max % 10,
                _ => base,
            };
            if per == 100 && rng.chance(30) { format!("{base}.{:02}", rng.below(100)) } else { base.to_string() }
        }
    };
    let mut events = Vec::new();
    let mut used = Vec::new();
    if rng.chance(12) {
        // A run of misses in a row (breach `consecutive`, closure by the bank).
        let from = 1 + rng.below(m.max(1));
        for n in from..(from + 1 + rng.below(8)).min(m + 1) {
            used.push(n);
            events.push(json!({ "n": n, "missed": true }));
        }
    }
    let most = if rng.chance(30) { 8 } else { 3 };
    for _ in 0..rng.below(most) {
        let n = 1 + rng.below(m.max(1));
        if used.contains(&n) {
            continue;
        }
        used.push(n);
        let event = match rng.below(20) {
            0..=7 => json!({ "n": n, "missed": true }),
            8..=11 => json!({ "n": n, "paidOn": days_after(&start, n - 1, rng.below(45) as i64) }),
            12 => json!({ "n": n, "paidOn": days_after(&start, n - 1, 40 + rng.below(200) as i64) }),
            13..=15 => {
                // A make-up riding on a later installment: miss n, pay twice with n + 1.
                if n < m && !used.contains(&(n + 1)) {
                    used.push(n + 1);
                    events.push(json!({ "n": n, "missed": true }));
                    let double = installment.parse::<f64>().map(|x| x * 2.0).unwrap_or(0.0);
                    json!({ "n": n + 1, "paidOn": days_after(&start, n, rng.below(25) as i64), "amount": format!("{double}") })
                } else {
                    json!({ "n": n, "missed": true })
                }
            }
            16 => json!({ "n": n, "paidOn": days_after(&start, n - 1, 20 + rng.below(40) as i64), "amount": format!("{}", installment.parse::<f64>().unwrap_or(0.0) * 2.0) }),
            17 => json!({ "n": n, "amount": installment.clone() }),
            18 => json!({ "n": n, "paidOn": days_after(&start, n - 1, 0) }),
            _ => json!({ "n": n, "paidOn": days_after(&start, n - 1, -1 - rng.below(3) as i64) }),
        };
        events.push(event);
    }
    let renew_months = p["maturity"]["renew"]["months"].as_u64().unwrap_or(12);
    let times = p["maturity"]["renew"]["times"].as_u64().unwrap_or(1);
    let withdraw = match rng.below(20) {
        0..=5 => Value::Null,
        6..=9 => json!(days_after(&start, rng.below(m.max(1)), 1 + rng.below(28) as i64)),
        10 | 11 => json!(days_after(&start, m, 0)),
        12..=14 => json!(days_after(&start, m, 1 + rng.below(400) as i64)),
        15 | 16 => json!(days_after(&start, m + renew_months * (1 + rng.below(times)), 0)),
        17 | 18 => json!(days_after(&start, m + rng.below(renew_months * times + 2), rng.below(30) as i64)),
        _ => json!(days_after(&start, 0, 0)),
    };
    let mut plan = Map::new();
    plan.insert("start".into(), json!(start));
    plan.insert("months".into(), months);
    plan.insert("installment".into(), json!(installment));
    if rng.chance(50) {
        plan.insert("rate".into(), if rng.chance(60) { json!(rate(rng)) } else { Value::Null });
    }
    if !events.is_empty() || rng.chance(50) {
        plan.insert("events".into(), Value::Array(events));
    }
    if !withdraw.is_null() || rng.chance(50) {
        plan.insert("withdrawOn".into(), withdraw);
    }
    if rng.chance(30) {
        plan.insert("inflation".into(), json!(rng.pick(&["2.5", "0", "-1.5", "12", "3"])));
    }
    let mut plan = Value::Object(plan);
    if rng.chance(4) {
        match rng.below(6) {
            0 => set(&mut plan, "rat", json!("1")),
            1 => set(&mut plan, "installment", json!(1000)),
            2 => set(&mut plan, "start", json!("2024-02-30")),
            3 => set(&mut plan, "events", json!([{ "n": 2, "paidOn": "2025-03-01", "missed": true }])),
            4 => set(&mut plan, "inflation", json!("-100")),
            _ => remove(&mut plan, "months"),
        }
    }
    plan
}

/// A statement (CONTRACT §8.2) from a plan: its installments as deposits,
/// some left out, late, doubled or odd, and sometimes a bank figure.
fn statement_for(rng: &mut Rng, p: &Value) -> Value {
    let plan = plan_for(rng, p);
    let start = plan["start"].as_str().unwrap_or("2025-01-15").to_string();
    let months = plan["months"].as_u64().unwrap_or(12).min(60);
    let installment = plan["installment"].clone();
    let amount: f64 = installment.as_str().and_then(|s| s.parse().ok()).unwrap_or(1000.0);
    let mut deposits = Vec::new();
    for k in 0..months {
        match rng.below(12) {
            0 => {}
            1 => deposits.push(json!({ "date": days_after(&start, k, 5 + rng.below(40) as i64), "amount": installment })),
            2 => deposits.push(json!({ "date": days_after(&start, k, 0), "amount": format!("{}", amount * 2.0) })),
            3 => deposits.push(json!({ "date": days_after(&start, k, 3), "amount": format!("{}", amount * 1.5) })),
            _ => deposits.push(json!({ "date": days_after(&start, k, 0), "amount": installment })),
        }
    }
    if rng.chance(5) {
        deposits.push(json!({ "date": days_after(&start, 0, -3), "amount": installment }));
    }
    let bank = match rng.below(6) {
        0 => json!(format!("{:.2}", amount * months as f64 * (1.0 + rng.below(300) as f64 / 10_000.0))),
        1 => json!(format!("{:.2}", amount * months as f64)),
        _ => Value::Null,
    };
    json!({ "start": start, "months": plan["months"], "installment": if rng.chance(50) { Value::Null } else { installment },
        "rate": plan.get("rate").cloned().unwrap_or(Value::Null), "deposits": deposits,
        "withdrawOn": plan.get("withdrawOn").cloned().unwrap_or(Value::Null), "bankPayout": bank })
}

/// Every case: (id, what it calls, the JSON text the engine returns or the error it raises).
fn cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let doc = vectors();
    let products = doc["products"].as_array().unwrap();
    for v in doc["vectors"].as_array().unwrap() {
        let product = products.iter().find(|p| p["id"] == v["product"]).unwrap();
        out.push((format!("vector {}", v["id"].as_str().unwrap()), api::calculate(product, &v["plan"])));
    }
    let bases = base_products();
    let mut rng = Rng(0x5EED_0000_2025_0610);
    for i in 0..4000 {
        let mut product = rng.pick(&bases).clone();
        if rng.chance(60) {
            vary_product(&mut rng, &mut product);
        }
        if rng.chance(3) {
            break_product(&mut rng, &mut product);
        }
        let plan = plan_for(&mut rng, &product);
        out.push((format!("calculate {i}"), api::calculate(&product, &plan)));
        if i % 10 == 0 {
            out.push((format!("validate {i}"), api::validate_product(&product)));
        }
        if i % 8 == 0 {
            let mut plan = plan.clone();
            if let Some(events) = plan.get_mut("events").and_then(Value::as_array_mut) {
                events.retain(|e| e.get("amount").is_none());
            }
            let target = json!(rng.pick(&["5000", "12087.75", "100000", "1", "abc", "99999999"]));
            out.push((format!("solve {i}"), api::solve_installment(&product, &plan, &target)));
        }
        if i % 15 == 0 {
            let mut list: Vec<Value> = (0..1 + rng.below(6)).map(|_| rng.pick(&bases).clone()).collect();
            list.push(product.clone());
            let options = match rng.below(4) {
                0 => json!({ "horizon": "own" }),
                1 => json!({ "horizon": "common" }),
                _ => Value::Null,
            };
            out.push((format!("compare {i}"), api::compare(&Value::Array(list), &plan, &options)));
        }
    }
    let catalog = Value::Array(api::catalog());
    for i in 0..60 {
        let plan = plan_for(&mut rng, &bases[0]);
        let options = if i % 3 == 0 { json!({ "horizon": "own" }) } else { Value::Null };
        out.push((format!("compare catalog {i}"), api::compare(&catalog, &plan, &options)));
    }
    out.push(("compare not an array".into(), api::compare(&json!({}), &json!({}), &Value::Null)));
    out.push(("compare bad options".into(), api::compare(&catalog, &json!({}), &json!({ "horizon": "later" }))));
    for i in 0..300 {
        let product = rng.pick(&bases).clone();
        let statement = statement_for(&mut rng, &product);
        out.push((format!("reconcile {i}"), api::reconcile(&product, &statement)));
    }
    out
}

/// FNV-1a 64: a digest that is the same on every machine and Rust version.
fn digest(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
#[ignore = "run by scripts/corpus.sh (record from main, then check)"]
fn output_is_byte_identical_to_the_recorded_corpus() {
    let cases = cases();
    if let Ok(path) = std::env::var("CORPUS_RECORD") {
        let mut full = String::new();
        for (id, text) in &cases {
            writeln!(full, "{id}\t{:016x}\t{text}", digest(text)).unwrap();
        }
        std::fs::write(&path, full).unwrap();
        eprintln!("recorded {} cases to {path}", cases.len());
        return;
    }
    let path = std::env::var("CORPUS_CHECK").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/corpus.digest").into());
    let recorded = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}; run scripts/corpus.sh record"));
    let lines: Vec<&str> = recorded.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), cases.len(), "the corpus has {} cases, this revision generates {}", lines.len(), cases.len());
    let mut differ = Vec::new();
    for ((id, text), line) in cases.iter().zip(&lines) {
        let mut parts = line.splitn(3, '\t');
        let (rid, rdigest, rtext) = (parts.next().unwrap(), parts.next().unwrap(), parts.next());
        assert_eq!(id, rid, "case order differs");
        if format!("{:016x}", digest(text)) != rdigest {
            differ.push(match rtext {
                Some(want) => format!("{id}:\n  recorded {want}\n  now      {text}"),
                None => format!("{id}: now {text}"),
            });
        }
    }
    assert!(differ.is_empty(), "{} of {} cases differ; first:\n{}", differ.len(), cases.len(), differ.iter().take(3).cloned().collect::<Vec<_>>().join("\n"));
    eprintln!("{} cases byte-identical", cases.len());
}
