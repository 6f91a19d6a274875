//! A plan priced end to end: `cargo run --example quote`.
//! Prints the result document of a 5-year ¥1,000 plan under the Chinese
//! standard product (pass a count to price it that many times, for profiling).

fn main() {
    let catalog = savings_plan::contract::catalog();
    let plan = serde_json::json!({ "start": "2025-06-10", "months": 60, "installment": "1000" });
    let times: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut last = None;
    for _ in 0..times {
        last = Some(savings_plan::contract::calculate(&catalog[0], &plan));
    }
    match last {
        Some(Ok(quote)) => {
            let doc: serde_json::Value = serde_json::from_str(&quote.to_json()).unwrap_or_default();
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Some(Err(e)) => eprintln!("{e}"),
        None => {}
    }
}
