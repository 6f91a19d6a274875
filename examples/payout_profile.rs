//! Profiling aid for the payout-only path: prices the 5-year benchmark plan
//! in a loop (`perf record cargo run --profile bench --example payout_profile -- [product index] [loops]`).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let i: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let catalog = savings_plan::contract::catalog();
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
