//! `calculate` on a 5-year plan and its JSON text, N times (default 20,000):
//! a whole process to time from outside against another build, e.g.
//! `/usr/bin/time -v target/release/examples/calculate_loop 20000`.
//! Prints the total bytes written, so the work cannot be skipped.
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let Some(product) = savings_plan::contract::catalog().first().cloned() else { return };
    let plan = serde_json::json!({ "start": "2025-06-10", "months": 60, "installment": "1000", "rate": null,
                                   "events": [], "withdrawOn": null, "inflation": null });
    let mut bytes = 0;
    for _ in 0..n {
        match savings_plan::contract::calculate(std::hint::black_box(&product), std::hint::black_box(&plan)) {
            Ok(quote) => bytes += quote.to_json().len(),
            Err(e) => return eprintln!("{}", e.message),
        }
    }
    println!("{bytes}");
}
