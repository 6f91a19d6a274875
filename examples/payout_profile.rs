//! Profiling aid for the payout-only path (`perf record target/release/examples/payout_profile …`
//! after `cargo build --profile bench --example payout_profile`):
//! `payout_profile [product index] [loops]` prices the 5-year benchmark plan in a loop;
//! `payout_profile grid [loops]` runs `payouts` over the benchmark's 10,000 plans;
//! `payout_profile advise [loops]` the advice over 8 products.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let catalog = savings_plan::contract::catalog();
    if args.get(1).map(String::as_str) == Some("grid") {
        let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(3);
        let mut plans = Vec::with_capacity(10_000);
        for r in 0..400 {
            for k in 0..25 {
                let rate = format!("{}.{:02}", (50 + r) / 100, (50 + r) % 100);
                plans.push(serde_json::json!({ "start": "2025-06-10", "months": 60, "installment": format!("{}", 500 + 100 * k), "rate": rate }));
            }
        }
        let plans = serde_json::Value::Array(plans);
        let mut count = 0;
        for _ in 0..n {
            count += savings_plan::contract::payouts(&catalog[0], &plans).map(|p| p.payouts.len()).unwrap_or(0);
        }
        println!("{count}");
        return;
    }
    if args.get(1).map(String::as_str) == Some("advise") {
        // The advise benchmark's workload: 8 products (the catalog and a mild early-rule variant), 30% chance from month 1.
        let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100);
        let mut list = catalog.clone();
        let mut mild = list[0].clone();
        mild["id"] = serde_json::json!("cn-lczq-mild-early");
        mild["early"] = serde_json::json!({ "allowed": true, "minMonths": 0, "rate": "contractMinus", "penalty": "0.30" });
        list.push(mild);
        let products = serde_json::Value::Array(list);
        let plan = serde_json::json!({ "start": "2025-06-10", "months": 60, "installment": "1000" });
        let behaviour = serde_json::json!({ "earlyChance": "0.3", "earlyFrom": 1 });
        let mut count = 0;
        for _ in 0..n {
            count += savings_plan::contract::advise(&products, &plan, &behaviour).map(|a| a.entries.len()).unwrap_or(0);
        }
        println!("{count}");
        return;
    }
    let i: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let plan = serde_json::json!({ "start": "2025-06-10", "months": 60, "installment": "1000" });
    let Ok(product) = savings_plan::Product::parse(&catalog[i]) else { return };
    let Ok(plan) = savings_plan::Plan::parse(&plan, &product) else { return };
    let mut total = rust_decimal::Decimal::ZERO;
    for _ in 0..n {
        if let Ok(p) = savings_plan::payout(&product, &plan) {
            total += p.payout;
        }
    }
    println!("{total}");
}
