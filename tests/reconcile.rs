//! CONTRACT.md §8.2, reconcile a statement: one test per rule and per
//! problem code, the statement's field errors with their paths, the bank's
//! figure and its likely cause, and the README's worked example.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{product, vector_product, with};
use serde_json::{json, Value};

fn standard() -> Value {
    product("cn-lczq-standard")
}

/// A statement of a 12-month plan from 2025-01-15, 1,000 a month.
fn statement(deposits: Value) -> Value {
    json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "deposits": deposits,
            "withdrawOn": null, "rate": null, "bankPayout": null })
}

/// `[date, amount]` pairs as deposits.
fn rows(pairs: &[(&str, &str)]) -> Value {
    Value::Array(pairs.iter().map(|(d, a)| json!({ "date": d, "amount": a })).collect())
}

/// Every month paid on its due date (2025-01-15 … 2025-12-15) except those listed, plus extra rows.
fn monthly_except(skip: &[u32], extra: &[(&str, &str)]) -> Value {
    let mut out: Vec<(String, String)> = (1..=12u32)
        .filter(|k| !skip.contains(k))
        .map(|k| (format!("2025-{k:02}-15"), "1000".to_string()))
        .collect();
    out.extend(extra.iter().map(|(d, a)| (d.to_string(), a.to_string())));
    Value::Array(out.iter().map(|(d, a)| json!({ "date": d, "amount": a })).collect())
}

fn run(product: &Value, statement: &Value) -> Value {
    match savings_plan::contract::reconcile(product, statement) {
        Ok(r) => serde_json::from_str(&r.to_json()).unwrap(),
        Err(e) => json!({ "error": e }),
    }
}

fn error(product: &Value, statement: &Value) -> (String, String) {
    let e = savings_plan::contract::reconcile(product, statement).unwrap_err();
    (e.code.as_str().to_string(), e.path)
}

fn installments(r: &Value, index: usize) -> Vec<u64> {
    r["deposits"][index]["installments"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect()
}

fn status_of(r: &Value, n: usize) -> String {
    r["result"]["schedule"][n - 1]["status"].as_str().unwrap().to_string()
}

fn codes(r: &Value) -> Vec<(String, String)> {
    r["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["code"].as_str().unwrap().to_string(), p["path"].as_str().unwrap().to_string()))
        .collect()
}

// §8.2 — the rules of placement

#[test]
fn a_regular_statement_is_the_regular_plan_and_prices_like_calculate() {
    let r = run(&standard(), &statement(monthly_except(&[], &[])));
    assert_eq!(r["plan"]["events"], json!([]));
    assert_eq!(r["problems"], json!([]));
    for i in 0..12 {
        assert_eq!(r["deposits"][i]["status"], "paid");
        assert_eq!(installments(&r, i), vec![i as u64 + 1]);
    }
    assert_eq!(r["result"], common::run(&standard(), &r["plan"]), "the plan it gives prices to the result it shows");
    assert_eq!(r["result"]["payout"], "12042.25"); // 1000 × 78 × 0.65% ÷ 12 = 42.25
    assert_eq!(r["bank"], Value::Null);
}

#[test]
fn installment_null_is_the_first_deposit_in_date_order_within_the_term() {
    let mut s = statement(rows(&[("2025-02-15", "250"), ("2024-12-01", "999"), ("2025-01-15", "250")]));
    s["installment"] = Value::Null;
    let r = run(&standard(), &s);
    assert_eq!(r["plan"]["installment"], "250");
    assert_eq!(codes(&r), vec![("DEPOSIT_BEFORE_START".into(), "statement.deposits[1].date".into())]);
    // The first deposit's amount is checked as the installment would be, at the deposit.
    let mut s = statement(rows(&[("2025-01-15", "4.99")]));
    s["installment"] = Value::Null;
    assert_eq!(error(&standard(), &s), ("BELOW_MINIMUM".into(), "statement.deposits[0].amount".into()));
    let mut s = statement(rows(&[("2024-01-15", "100")]));
    s["installment"] = Value::Null;
    assert_eq!(error(&standard(), &s), ("MISSING_FIELD".into(), "statement.installment".into()));
}

#[test]
fn deposits_are_read_in_date_order_whatever_the_rows_order() {
    let mut shuffled: Vec<Value> = monthly_except(&[], &[]).as_array().unwrap().clone();
    shuffled.reverse();
    shuffled.swap(2, 7);
    let r = run(&standard(), &statement(Value::Array(shuffled.clone())));
    assert_eq!(r["plan"]["events"], json!([]));
    // Each answer row is the statement row of the same index.
    for (i, row) in shuffled.iter().enumerate() {
        assert_eq!(r["deposits"][i]["index"], i);
        assert_eq!(r["deposits"][i]["date"], row["date"]);
        let month: u64 = row["date"].as_str().unwrap()[5..7].parse().unwrap();
        assert_eq!(installments(&r, i), vec![month]);
    }
}

#[test]
fn equal_dates_keep_the_given_order() {
    // Month 5 skipped; on 2025-06-15 two rows: the first pays June, the second makes up May.
    let r = run(&standard(), &statement(monthly_except(&[5], &[("2025-06-15", "1000")])));
    let june = 4; // row of 2025-06-15 among the regular ones
    assert_eq!(installments(&r, june), vec![6]);
    assert_eq!(r["deposits"][june]["status"], "paid");
    assert_eq!(installments(&r, 11), vec![5]);
    assert_eq!(r["deposits"][11]["status"], "late");
    // The same rows the other way round: the same installments, by position.
    let mut rows: Vec<Value> = monthly_except(&[5], &[("2025-06-15", "1000")]).as_array().unwrap().clone();
    let extra = rows.pop().unwrap();
    rows.insert(0, extra);
    let r = run(&standard(), &statement(Value::Array(rows)));
    assert_eq!(installments(&r, 0), vec![6], "the first of two equal dates pays its own month");
    assert_eq!(installments(&r, 5), vec![5]);
}

#[test]
fn a_deposit_in_its_month_pays_that_installment_on_time_even_days_after_the_due_date() {
    let r = run(&standard(), &statement(monthly_except(&[3], &[("2025-04-14", "1000")])));
    assert_eq!(installments(&r, 11), vec![3]);
    assert_eq!(r["deposits"][11]["status"], "paid");
    assert_eq!(r["plan"]["events"], json!([{ "n": 3, "paidOn": "2025-04-14" }]));
    assert_eq!(status_of(&r, 3), "paid");
    assert_eq!(r["result"]["breach"], Value::Null);
}

#[test]
fn a_multiple_pays_its_month_and_makes_up_the_oldest_open_misses_in_window() {
    // Makes up within 2 months: months 3 and 4 skipped, 3,000 in month 5 pays 5 and makes up 3 and 4.
    let p = with(standard(), json!({ "missed": { "makeUpWithinMonths": 2 } }));
    let r = run(&p, &statement(monthly_except(&[3, 4, 5], &[("2025-05-20", "3000")])));
    assert_eq!(installments(&r, 9), vec![3, 4, 5]);
    assert_eq!(r["deposits"][9]["status"], "late");
    assert_eq!(r["plan"]["events"], json!([
        { "n": 3, "paidOn": "2025-05-20" }, { "n": 4, "paidOn": "2025-05-20" }, { "n": 5, "paidOn": "2025-05-20" }]));
    assert_eq!((status_of(&r, 3), status_of(&r, 4), status_of(&r, 5)), ("late".into(), "late".into(), "paid".into()));
    // Only the oldest: 2,000 makes up 3 and leaves 4 open (then missed).
    let r = run(&p, &statement(monthly_except(&[3, 4, 5], &[("2025-05-20", "2000")])));
    assert_eq!(installments(&r, 9), vec![3, 5]);
    assert_eq!(status_of(&r, 4), "missed");
    // A miss whose window has closed is not made up: month 2's window (2 months) ends on 2025-05-15.
    let r = run(&p, &statement(monthly_except(&[2, 5], &[("2025-05-20", "2000")])));
    assert_eq!(codes(&r), vec![("DEPOSIT_NOT_MATCHED".into(), "statement.deposits[10]".into())]);
    assert_eq!(r["deposits"][10]["status"], "ignored");
    assert_eq!(status_of(&r, 5), "missed", "an unplaced deposit pays nothing, its own month included");
}

#[test]
fn a_deposit_in_a_month_already_paid_makes_up_the_oldest_open_miss_in_window() {
    let p = with(standard(), json!({ "missed": { "makeUpWithinMonths": null, "breachAfter": null } }));
    let r = run(&p, &statement(monthly_except(&[2, 4], &[("2025-07-01", "1000"), ("2025-07-02", "1000")])));
    assert_eq!(installments(&r, 10), vec![2]);
    assert_eq!(installments(&r, 11), vec![4]);
    assert_eq!(r["deposits"][10]["status"], "late");
    assert_eq!(r["plan"]["events"], json!([{ "n": 2, "paidOn": "2025-07-01" }, { "n": 4, "paidOn": "2025-07-02" }]));
}

#[test]
fn months_with_no_deposit_are_missed_and_the_product_decides_the_breach() {
    let r = run(&standard(), &statement(monthly_except(&[5, 6], &[])));
    assert_eq!(r["plan"]["events"], json!([{ "n": 5, "missed": true }, { "n": 6, "missed": true }]));
    assert_eq!(status_of(&r, 5), "missed");
    assert_eq!(r["result"]["breach"]["installment"], 5);
    assert_eq!(r["result"]["breach"]["date"], "2025-07-15");
    // The same as calculate on the same plan (RULES §1.3's example at the vectors' demand rate).
    let demand = vector_product("cn-lczq-demand-0.35");
    let mut s = statement(monthly_except(&[5, 6], &[]));
    s["rate"] = json!("1.35");
    let r = run(&demand, &s);
    assert_eq!(r["result"]["interest"], "53.38");
}

#[test]
fn a_withdrawal_ends_the_schedule_and_later_deposits_are_after_the_close() {
    let mut s = statement(monthly_except(&[], &[]));
    s["withdrawOn"] = json!("2025-07-01");
    let r = run(&standard(), &s);
    assert_eq!(r["result"]["closure"], "early");
    assert_eq!(r["result"]["schedule"].as_array().unwrap().len(), 6);
    assert_eq!(codes(&r).len(), 6);
    assert!(codes(&r).iter().all(|(c, _)| c == "DEPOSIT_AFTER_CLOSE"));
    assert_eq!(codes(&r)[0].1, "statement.deposits[6].date");
    assert_eq!(r["plan"]["withdrawOn"], "2025-07-01");
    let p = with(standard(), json!({ "early": { "allowed": false } }));
    assert_eq!(error(&p, &s), ("EARLY_NOT_ALLOWED".into(), "statement.withdrawOn".into()));
}

#[test]
fn the_statements_rate_is_the_contract_rate() {
    let mut s = statement(monthly_except(&[], &[]));
    s["rate"] = json!("1.35");
    let r = run(&standard(), &s);
    assert_eq!(r["result"]["payout"], "12087.75");
    assert_eq!(r["plan"]["rate"], "1.35");
}

// §8.2 — the problem codes: the deposit is ignored, the rest is priced

#[test]
fn deposit_before_start() {
    let r = run(&standard(), &statement(monthly_except(&[], &[("2025-01-14", "1000")])));
    assert_eq!(codes(&r), vec![("DEPOSIT_BEFORE_START".into(), "statement.deposits[12].date".into())]);
    assert_eq!(r["deposits"][12]["status"], "ignored");
    assert_eq!(r["deposits"][12]["installments"], json!([]));
    assert_eq!(r["result"]["principal"], "12000.00");
}

#[test]
fn deposit_after_close() {
    // On the maturity date itself the account has closed.
    let r = run(&standard(), &statement(monthly_except(&[], &[("2026-01-15", "1000"), ("2030-01-01", "1000")])));
    assert_eq!(codes(&r), vec![
        ("DEPOSIT_AFTER_CLOSE".into(), "statement.deposits[12].date".into()),
        ("DEPOSIT_AFTER_CLOSE".into(), "statement.deposits[13].date".into()),
    ]);
    assert_eq!(r["result"]["principal"], "12000.00");
}

#[test]
fn deposit_not_a_multiple() {
    let r = run(&standard(), &statement(monthly_except(&[4], &[("2025-04-15", "999.99"), ("2025-04-16", "1500")])));
    assert_eq!(codes(&r), vec![
        ("DEPOSIT_NOT_A_MULTIPLE".into(), "statement.deposits[11].amount".into()),
        ("DEPOSIT_NOT_A_MULTIPLE".into(), "statement.deposits[12].amount".into()),
    ]);
    assert_eq!(status_of(&r, 4), "missed");
    // 28 significant digits whose quotient only rounds to a whole number is not one.
    let r = run(&standard(), &statement(rows(&[("2025-01-15", "1000"), ("2025-02-15", "3000.000000000000000000000001")])));
    assert_eq!(codes(&r)[0].0, "DEPOSIT_NOT_A_MULTIPLE");
}

#[test]
fn deposit_not_matched() {
    // A second deposit in a month with no open miss.
    let r = run(&standard(), &statement(monthly_except(&[], &[("2025-03-20", "1000")])));
    assert_eq!(codes(&r), vec![("DEPOSIT_NOT_MATCHED".into(), "statement.deposits[12]".into())]);
    // A multiple with too few misses to make up: all of it is left out, its own month included.
    let r = run(&standard(), &statement(monthly_except(&[3, 4], &[("2025-04-15", "3000")])));
    assert_eq!(codes(&r), vec![("DEPOSIT_NOT_MATCHED".into(), "statement.deposits[10]".into())]);
    assert_eq!((status_of(&r, 3), status_of(&r, 4)), ("missed".into(), "missed".into()));
    // A product without make-up (UK regular saver): a late deposit has nowhere to go.
    let uk = product("uk-regular-saver");
    let s = json!({ "start": "2025-01-15", "months": 12, "installment": "200",
        "deposits": [{ "date": "2025-01-15", "amount": "200" }, { "date": "2025-03-15", "amount": "400" }] });
    let r = run(&uk, &s);
    assert_eq!(codes(&r), vec![("DEPOSIT_NOT_MATCHED".into(), "statement.deposits[1]".into())]);
    // A deposit of more installments than the plan has.
    let r = run(&standard(), &statement(rows(&[("2025-01-15", "1000"), ("2025-02-15", "100000000000000000")])));
    assert_eq!(codes(&r)[0].0, "DEPOSIT_NOT_MATCHED");
}

#[test]
fn the_contract_order_is_the_banks_counter_not_a_best_fit() {
    // May skipped; one deposit in June, two in July. June's deposit counts for June, so May was
    // never made up (its window closed with June) and one July deposit has nowhere to go.
    let r = run(&standard(), &statement(monthly_except(&[5, 6, 7], &[("2025-06-20", "1000"), ("2025-07-20", "2000")])));
    assert_eq!(installments(&r, 9), vec![6]);
    assert_eq!(codes(&r), vec![("DEPOSIT_NOT_MATCHED".into(), "statement.deposits[10]".into())]);
    assert_eq!(r["result"]["breach"]["installment"], 5);
}

// §8.2 / §5 — errors in the statement's own fields

#[test]
fn statement_field_errors_name_their_path() {
    let p = standard();
    let base = statement(monthly_except(&[], &[]));
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!("x"), "INVALID_TYPE", "statement"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "deposits": [], "fee": "1" }), "UNKNOWN_FIELD", "statement.fee"),
        (json!({ "months": 12, "deposits": [] }), "MISSING_FIELD", "statement.start"),
        (json!({ "start": "2025-02-30", "months": 12, "deposits": [] }), "DATE_OUT_OF_RANGE", "statement.start"),
        (json!({ "start": "2025-01-15", "months": 24, "deposits": [] }), "TERM_NOT_OFFERED", "statement.months"),
        (json!({ "start": "2025-01-15", "months": "12", "deposits": [] }), "TERM_NOT_OFFERED", "statement.months"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": 1000, "deposits": [] }), "INVALID_DECIMAL", "statement.installment"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "4", "deposits": [] }), "BELOW_MINIMUM", "statement.installment"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "10.001", "deposits": [] }), "NOT_A_STEP_MULTIPLE", "statement.installment"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000" }), "MISSING_FIELD", "statement.deposits"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "deposits": {} }), "INVALID_TYPE", "statement.deposits"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "deposits": [1] }), "INVALID_TYPE", "statement.deposits[0]"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "withdrawOn": "2025-01-15", "deposits": [] }), "DATE_OUT_OF_RANGE", "statement.withdrawOn"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "-1", "deposits": [] }), "INVALID_VALUE", "statement.rate"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "bankPayout": "12,087.75", "deposits": [] }), "INVALID_DECIMAL", "statement.bankPayout"),
        (json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "bankPayout": "-1", "deposits": [] }), "INVALID_VALUE", "statement.bankPayout"),
    ];
    for (s, code, path) in cases {
        assert_eq!(error(&p, &s), (code.to_string(), path.to_string()), "{s}");
    }
    let mut bad_rows = base.clone();
    let deposits = bad_rows["deposits"].as_array_mut().unwrap();
    deposits[3] = json!({ "date": "2025-04-31", "amount": "1000" });
    assert_eq!(error(&p, &bad_rows), ("DATE_OUT_OF_RANGE".into(), "statement.deposits[3].date".into()));
    for (row, code, path) in [
        (json!({ "date": "2025/04/15", "amount": "1000" }), "DATE_OUT_OF_RANGE", "statement.deposits[3].date"),
        (json!({ "amount": "1000" }), "MISSING_FIELD", "statement.deposits[3].date"),
        (json!({ "date": "2025-04-15", "amount": "¥1,000" }), "INVALID_DECIMAL", "statement.deposits[3].amount"),
        (json!({ "date": "2025-04-15", "amount": 1000 }), "INVALID_DECIMAL", "statement.deposits[3].amount"),
        (json!({ "date": "2025-04-15", "amount": "0" }), "INVALID_VALUE", "statement.deposits[3].amount"),
        (json!({ "date": "2025-04-15", "amount": "-1000" }), "INVALID_VALUE", "statement.deposits[3].amount"),
        (json!({ "date": "2025-04-15", "amount": "1000", "memo": "x" }), "UNKNOWN_FIELD", "statement.deposits[3].memo"),
        (json!({ "date": "2025-04-15", "amount": "1000", "description": 5 }), "INVALID_TYPE", "statement.deposits[3].description"),
    ] {
        let mut s = base.clone();
        s["deposits"][3] = row;
        assert_eq!(error(&p, &s), (code.to_string(), path.to_string()));
    }
    // A description is accepted and changes nothing.
    let mut s = base.clone();
    s["deposits"][3]["description"] = json!("零存整取 存入");
    assert_eq!(run(&p, &s)["result"], run(&p, &base)["result"]);
    // Field order: the first bad field in the contract's order (deposits before withdrawOn).
    let mut s = bad_rows.clone();
    s["withdrawOn"] = json!("1999-01-01");
    assert_eq!(error(&p, &s).1, "statement.deposits[3].date");
    // The product before the statement.
    assert_eq!(error(&json!({}), &json!("x")).1, "product.schema");
}

// §8.2 — the bank's figure and its likely cause

fn bank(product: &Value, mut statement: Value, payout: &str) -> Value {
    statement["bankPayout"] = json!(payout);
    let r = run(product, &statement);
    r["bank"].clone()
}

#[test]
fn the_bank_agrees() {
    let b = bank(&standard(), statement(monthly_except(&[], &[])), "12042.25");
    assert_eq!(b["difference"], "0.00");
    assert_eq!(b["payout"], "12042.25");
    assert_eq!(b["explain"][0]["key"], "agrees");
}

#[test]
fn the_bank_did_not_apply_the_breach() {
    // May skipped and never made up: the product breaches from 2025-07-15 (laterAtDemand):
    // 49 month-units at 0.65% and 21 at 0.05% = 27.42; without the breach 70 at 0.65% = 37.92.
    let r = run(&standard(), &statement(monthly_except(&[5], &[])));
    assert_eq!(r["result"]["payout"], "11027.42");
    let b = bank(&standard(), statement(monthly_except(&[5], &[])), "11037.92");
    assert_eq!(b["difference"], "10.50");
    assert_eq!(b["explain"][0]["key"], "noBreach", "{b}");
    assert_eq!(b["explain"][0]["installment"], 5);
}

#[test]
fn the_bank_applied_a_breach_from_a_month() {
    // May made up in June: no breach under the product, but a bank that breaches on the first
    // miss in total (allAtDemand) pays demand on everything.
    let s = statement(monthly_except(&[5], &[("2025-06-20", "1000")]));
    let r = run(&standard(), &s);
    assert_eq!(r["result"]["breach"], Value::Null);
    let at_demand = with(standard(), json!({ "missed": { "breachAfter": { "total": 1 }, "onBreach": "allAtDemand" } }));
    let figure = run(&at_demand, &s)["result"]["payout"].as_str().unwrap().to_string();
    let b = bank(&standard(), s, &figure);
    let cause = &b["explain"][0];
    assert_eq!(cause["key"], "breach", "{b}");
    assert_eq!((cause["installment"].as_u64(), cause["effect"].as_str()), (Some(5), Some("allAtDemand")));
    assert_eq!(cause["date"], "2025-06-15");
}

#[test]
fn the_bank_withheld_tax() {
    let s = statement(monthly_except(&[], &[]));
    let b = bank(&standard(), s, "12033.80"); // 42.25 interest, 20% = 8.45
    assert_eq!(b["difference"], "-8.45");
    assert_eq!(b["explain"][0]["key"], "tax", "{b}");
    assert_eq!(b["explain"][0]["value"], "20");
    assert_eq!(b["explain"][0]["amount"], "8.45");
}

#[test]
fn the_bank_charged_a_late_fee() {
    // Post Office RD: 1.00 per 100 per month; the bank charged 1.50 on a month made up one month late.
    let po = product("in-post-office-rd");
    let mut s = json!({ "start": "2025-01-10", "months": 60, "installment": "1000", "deposits": [] });
    let mut rows = Vec::new();
    for k in 0..60u32 {
        if k == 2 {
            continue;
        }
        let (y, m) = (2025 + (k / 12), k % 12 + 1);
        rows.push(json!({ "date": format!("{y}-{m:02}-10"), "amount": if k == 3 { "2000" } else { "1000" } }));
    }
    s["deposits"] = Value::Array(rows);
    let r = run(&po, &s);
    assert_eq!(r["result"]["fees"], "10.00");
    let ours: rust_decimal::Decimal = r["result"]["payout"].as_str().unwrap().parse().unwrap();
    let b = bank(&po, s, &(ours - rust_decimal::Decimal::from(5)).to_string());
    assert_eq!(b["explain"][0]["key"], "lateFee", "{b}");
    assert_eq!((b["explain"][0]["value"].as_str(), b["explain"][0]["expected"].as_str()), (Some("1.5"), Some("1")));
    assert_eq!(b["explain"][0]["amount"], "15.00");
}

#[test]
fn the_bank_used_another_rate() {
    let b = bank(&standard(), statement(monthly_except(&[], &[])), "12087.75");
    assert_eq!(b["explain"][0]["key"], "rate", "{b}");
    assert_eq!((b["explain"][0]["value"].as_str(), b["explain"][0]["expected"].as_str()), (Some("1.35"), Some("0.65")));
}

#[test]
fn the_bank_accepted_a_later_make_up() {
    // September skipped, its make-up paid in November: outside the product's one-month window.
    let s = statement(monthly_except(&[9], &[("2025-11-20", "1000")]));
    let r = run(&standard(), &s);
    assert_eq!(codes(&r)[0].0, "DEPOSIT_NOT_MATCHED");
    let longer = with(standard(), json!({ "missed": { "makeUpWithinMonths": 2 } }));
    let figure = run(&longer, &s)["result"]["payout"].as_str().unwrap().to_string();
    let b = bank(&standard(), s, &figure);
    assert_eq!(b["explain"][0]["key"], "makeUpWindow", "{b}");
    assert_eq!((b["explain"][0]["value"].as_str(), b["explain"][0]["expected"].as_str()), (Some("2"), Some("1")));
}

#[test]
fn the_bank_paid_out_in_whole_units_and_an_odd_figure_is_unexplained() {
    let b = bank(&standard(), statement(monthly_except(&[], &[])), "12042.40");
    assert_eq!(b["explain"][0]["key"], "unexplained", "{b}");
    let mut s = statement(monthly_except(&[], &[]));
    s["rate"] = json!("1.35");
    let b = bank(&standard(), s, "12088");
    assert_eq!(b["difference"], "0.25");
    assert_eq!(b["explain"][0]["key"], "rounding", "{b}");
    assert_eq!(b["explain"][0]["payoutScale"], 0);
}

#[test]
fn unexplained_names_the_deposits_left_out() {
    let b = bank(&standard(), statement(monthly_except(&[], &[("2025-03-20", "1000")])), "13043.00");
    assert_eq!(b["explain"][0]["key"], "ignoredDeposits", "{b}");
    assert_eq!(b["explain"][0]["amount"], "1000.00");
    assert_eq!(b["explain"][1]["key"], "unexplained");
}

// The README's worked example

/// A 12-month plan of 1,000 from 2025-01-15 under the catalog's standard product (0.65%,
/// make-up within one month, a miss never made up breaches, later deposits at demand 0.05%):
/// May skipped and paid with June (2,000 on 2025-06-16); September skipped; a deposit on
/// 2025-11-20 meant for September falls outside its window (which closed on 2025-11-15).
fn worked_example() -> Value {
    json!({ "start": "2025-01-15", "months": 12, "installment": null, "rate": null, "withdrawOn": null,
        "bankPayout": "11039.54",
        "deposits": [
            { "date": "2025-01-15", "amount": "1000" }, { "date": "2025-02-15", "amount": "1000" },
            { "date": "2025-03-15", "amount": "1000" }, { "date": "2025-04-15", "amount": "1000" },
            { "date": "2025-06-16", "amount": "2000" }, { "date": "2025-07-15", "amount": "1000" },
            { "date": "2025-08-15", "amount": "1000" }, { "date": "2025-10-15", "amount": "1000" },
            { "date": "2025-11-15", "amount": "1000" }, { "date": "2025-11-20", "amount": "1000" },
            { "date": "2025-12-15", "amount": "1000" }] })
}

#[test]
fn worked_example_in_the_readme() {
    let r = run(&standard(), &worked_example());
    assert_eq!(r["plan"]["events"], json!([
        { "n": 5, "paidOn": "2025-06-16" }, { "n": 6, "paidOn": "2025-06-16" }, { "n": 9, "missed": true }]));
    assert_eq!(installments(&r, 4), vec![5, 6]);
    assert_eq!(r["deposits"][4]["status"], "late");
    assert_eq!(r["deposits"][7]["installments"], json!([10]));
    assert_eq!(r["deposits"][9]["status"], "ignored");
    assert_eq!(codes(&r), vec![("DEPOSIT_NOT_MATCHED".into(), "statement.deposits[9]".into())]);
    let result = &r["result"];
    assert_eq!(result["breach"], json!({ "trigger": "unmadeUp", "installment": 9, "date": "2025-11-15", "effect": "laterAtDemand", "rate": "0.05" }));
    assert_eq!(result["schedule"][10]["rate"], "0.05");
    let interest = result["explain"].as_array().unwrap().iter().find(|s| s["key"] == "interest").unwrap();
    assert_eq!(interest["value"], "38.0416666667");
    assert_eq!((result["principal"].as_str(), result["interest"].as_str(), result["payout"].as_str()),
        (Some("11000.00"), Some("38.04"), Some("11038.04")));
    assert_eq!(r["bank"]["difference"], "1.50");
    assert_eq!(r["bank"]["explain"][0]["key"], "noBreach");
    assert_eq!(r["bank"]["explain"].as_array().unwrap().len(), 1);
}
