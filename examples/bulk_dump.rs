//! `advise` and `payouts` over generated plans, as JSON text, one case a
//! line: the recorded corpus (`scripts/corpus.sh`) holds `calculate`,
//! `compare`, `solveInstallment` and `reconcile`, not these two, so a change
//! of the pricing's speed is checked on them by running this on both
//! revisions and comparing the output (`scripts/bulk-check.sh`).
//!
//! `cargo run --release --example bulk_dump [cases=300]`
use serde_json::{json, Value};

/// A small deterministic generator (xorshift), the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn plan(rng: &mut Rng) -> Value {
    let start = format!("{}-{:02}-{:02}", 2019 + rng.below(8), 1 + rng.below(12), 1 + rng.below(31).min(27) + rng.below(2) * 3);
    let months = *rng.pick(&[1u64, 6, 12, 12, 12, 24, 36, 36, 36, 60, 60, 60, 60, 120]);
    let installment = rng.pick(&["1000", "1000", "500", "4.99", "1234.56", "100", "5000", "50000", "99999999999"]).to_string();
    let rate = match rng.below(4) {
        0 => json!(format!("{}.{:02}", rng.below(5), rng.below(100))),
        1 => json!("0"),
        _ => Value::Null,
    };
    let mut events = Vec::new();
    if rng.below(4) == 0 {
        for _ in 0..1 + rng.below(3) {
            let n = 1 + rng.below(months);
            events.push(json!({ "n": n, "missed": true }));
        }
    }
    let withdraw_on = match rng.below(6) {
        0 => json!(format!("{}-{:02}-{:02}", 2020 + rng.below(6), 1 + rng.below(12), 1 + rng.below(28))),
        _ => Value::Null,
    };
    let mut p = json!({ "start": start, "months": months, "installment": installment, "rate": rate, "events": events, "withdrawOn": withdraw_on });
    if rng.below(8) == 0 {
        p["inflation"] = json!("2.1");
    }
    p
}

fn main() {
    let cases: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(300);
    let mut catalog = savings_plan::contract::catalog();
    let mut mild = catalog[0].clone();
    mild["id"] = json!("cn-lczq-mild-early");
    mild["early"] = json!({ "allowed": true, "minMonths": 0, "rate": "contractMinus", "penalty": "0.30" });
    catalog.push(mild);
    let text = |r: Result<String, savings_plan::Error>| r.unwrap_or_else(|e| format!("error {} {} {}", e.code.as_str(), e.path, e.message));
    use savings_plan::contract::ToJson;
    let mut rng = Rng(0x5EED_2026_1202_0014);
    for i in 0..cases {
        let p = plan(&mut rng);
        let chance = rng.pick(&["0", "0.3", "1", "0.5", "0.05"]).to_string();
        let behaviour = match rng.below(3) {
            0 => json!({ "earlyChance": chance }),
            1 => json!({ "earlyChance": chance, "earlyFrom": 1 + rng.below(12) }),
            _ => json!({ "earlyChance": chance, "earlyFrom": 1, "earlyTo": 1 + rng.below(24) }),
        };
        let n = 1 + rng.below(catalog.len() as u64) as usize;
        let list = Value::Array(catalog.iter().take(n).cloned().collect());
        println!("advise {i} {}", text(savings_plan::contract::advise(&list, &p, &behaviour).map(|a| a.to_json())));
        let product = rng.pick(&catalog).clone();
        let plans: Vec<Value> = (0..1 + rng.below(12)).map(|_| plan(&mut rng)).collect();
        println!("payouts {i} {}", text(savings_plan::contract::payouts(&product, &Value::Array(plans)).map(|a| a.to_json())));
    }
}
