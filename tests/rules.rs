//! One test per rule of RULES.md and paragraph of CONTRACT.md §6, with the
//! worked numbers. Vectors live in tests/vectors.rs; these add the rest.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{field, plan, product, run, s, vector_product, with};
use serde_json::{json, Value};

fn with_events(mut p: Value, events: Value) -> Value {
    p["events"] = events;
    p
}

fn demand_035() -> Value {
    vector_product("cn-lczq-demand-0.35")
}

fn missed_5_and_6() -> Value {
    with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 5, "missed": true }, { "n": 6, "missed": true }]))
}

// RULES §1.1 — monthly and daily product

#[test]
fn daily_product_act_360_with_a_leap_february() {
    let daily = with(product("cn-lczq-standard"), json!({ "interest": { "method": "dailyProduct", "dayCount": "ACT/360" } }));
    let r = run(&daily, &plan("2024-01-15", 12, "1000", Some("1.35")));
    assert_eq!(s(&r, "interest"), "89.40");
    let step = r["explain"].as_array().unwrap().iter().find(|e| e["key"] == "dayProduct").unwrap();
    assert_eq!(step["value"], "2384000");
    let r = run(&daily, &plan("2025-01-15", 12, "1000", Some("1.35")));
    assert_eq!(s(&r, "interest"), "89.33");
}

#[test]
fn daily_product_30_360_equals_monthly_for_a_month_end_start() {
    let daily = vector_product("cn-lczq-daily-30-360");
    let monthly = vector_product("cn-lczq-standard");
    for start in ["2024-01-31", "2024-02-29", "2025-08-30", "2025-03-15"] {
        let p = plan(start, 36, "250", Some("1.35"));
        assert_eq!(s(&run(&daily, &p), "interest"), s(&run(&monthly, &p), "interest"), "{start}");
    }
}

#[test]
fn schedule_rows_carry_units_rate_and_balance() {
    let r = run(&product("cn-lczq-standard"), &plan("2025-01-15", 12, "1000", Some("1.35")));
    assert_eq!(r["schedule"][0], json!({ "n": 1, "due": "2025-01-15", "paidOn": "2025-01-15", "amount": "1000",
        "status": "paid", "balance": "1000", "rate": "1.35", "units": "12" }));
    assert_eq!(s(&r, "schedule[11].units"), "1");
    assert_eq!(s(&r, "schedule[11].balance"), "12000");
    let explain = r["explain"].as_array().unwrap();
    let interest = explain.iter().find(|e| e["key"] == "interest").unwrap();
    assert_eq!(interest["formula"], "1000 × 78 × 1.35% ÷ 12");
    assert_eq!(interest["value"], "87.75");
}

// RULES §1.3 — missed installments and the four breach behaviours

#[test]
fn breach_later_at_demand_rounds_the_exact_total_once() {
    let r = run(&demand_035(), &missed_5_and_6());
    assert_eq!(s(&r, "interest"), "53.38");
    assert_eq!(r["breach"], json!({ "trigger": "unmadeUp", "installment": 5, "date": "2025-07-15", "effect": "laterAtDemand", "rate": "0.35" }));
    assert_eq!(s(&r, "schedule[6].rate"), "0.35");
    assert_eq!(s(&r, "schedule[3].rate"), "1.35");
    assert_eq!(s(&r, "schedule[4].status"), "missed");
    assert_eq!(field(&r, "schedule[4].paidOn"), Value::Null);
}

#[test]
fn breach_all_at_demand() {
    let p = with(demand_035(), json!({ "missed": { "onBreach": "allAtDemand" } }));
    assert_eq!(s(&run(&p, &missed_5_and_6()), "interest"), "18.38");
}

#[test]
fn breach_stop_deposits_refuses_later_installments() {
    let p = with(demand_035(), json!({ "missed": { "onBreach": "stopDeposits" } }));
    let r = run(&p, &missed_5_and_6());
    assert_eq!(s(&r, "interest"), "47.25");
    assert_eq!(s(&r, "principal"), "4000.00");
    assert_eq!(s(&r, "schedule[6].status"), "refused");
    assert_eq!(s(&r, "schedule[6].amount"), "0");
    assert_eq!(s(&r, "schedule[6].units"), "0");
    assert_eq!(s(&r, "closure"), "maturity");
}

#[test]
fn breach_actual_at_contract() {
    let p = with(demand_035(), json!({ "missed": { "onBreach": "actualAtContract" } }));
    assert_eq!(s(&run(&p, &missed_5_and_6()), "interest"), "70.88");
}

#[test]
fn a_make_up_loses_the_month_it_was_late_under_paid_month() {
    let p = with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 5, "paidOn": "2025-06-20" }]));
    let r = run(&product("cn-lczq-standard"), &p);
    assert_eq!(s(&r, "schedule[4].status"), "late");
    assert_eq!(s(&r, "schedule[4].units"), "7");
    assert_eq!(s(&r, "interest"), "86.63"); // 77 month-units: 86.625
    assert_eq!(r["breach"], Value::Null);
    let due = with(product("cn-lczq-standard"), json!({ "missed": { "makeUpEarnsFrom": "dueMonth" } }));
    assert_eq!(s(&run(&due, &p), "interest"), "87.75");
}

#[test]
fn a_make_up_can_ride_on_a_later_installment_amount() {
    let p = with_events(
        plan("2025-01-15", 12, "1000", Some("1.35")),
        json!([{ "n": 5, "missed": true }, { "n": 6, "paidOn": "2025-07-10", "amount": "2000" }]),
    );
    let r = run(&product("cn-lczq-standard"), &p);
    assert_eq!(s(&r, "schedule[4].status"), "late");
    assert_eq!(s(&r, "schedule[4].paidOn"), "2025-07-10");
    assert_eq!(s(&r, "schedule[5].status"), "paid");
    assert_eq!(s(&r, "principal"), "12000.00");
    assert_eq!(r["breach"], Value::Null);
    // Both earn from month 6 (their paid month): 78 − 1 = 77 month-units.
    assert_eq!(s(&r, "interest"), "86.63");
}

#[test]
fn an_amount_with_nothing_to_make_up_is_invalid() {
    let p = with_events(plan("2025-01-15", 12, "1000", None), json!([{ "n": 6, "amount": "2000" }]));
    let r = run(&product("cn-lczq-standard"), &p);
    assert_eq!(s(&r, "error.code"), "INVALID_AMOUNT");
    assert_eq!(s(&r, "error.path"), "plan.events[0].amount");
    let p = with_events(plan("2025-01-15", 12, "1000", None), json!([{ "n": 6, "amount": "1500" }]));
    assert_eq!(s(&run(&product("cn-lczq-standard"), &p), "error.code"), "INVALID_AMOUNT");
}

#[test]
fn breach_after_total_misses_counts_made_up_ones() {
    // ICBC: a second miss in total breaches, even when both were made up.
    let p = with(demand_035(), json!({ "missed": { "breachAfter": { "total": 2 } } }));
    let plan = with_events(
        plan("2025-01-15", 12, "1000", Some("1.35")),
        json!([{ "n": 2, "paidOn": "2025-03-20" }, { "n": 4, "paidOn": "2025-05-20" }]),
    );
    let r = run(&p, &plan);
    assert_eq!(r["breach"], json!({ "trigger": "total", "installment": 4, "date": "2025-05-15", "effect": "laterAtDemand", "rate": "0.35" }));
    assert_eq!(s(&r, "schedule[3].rate"), "0.35"); // paid after the breach date
    assert_eq!(s(&r, "schedule[4].rate"), "0.35");
}

#[test]
fn breach_after_consecutive_misses_stops_deposits() {
    // CMB: two misses in a row, then no further deposits.
    let p = with(demand_035(), json!({ "missed": { "breachAfter": { "consecutive": 2 }, "onBreach": "stopDeposits", "makeUpWithinMonths": 0 } }));
    let plan = with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 3, "missed": true }, { "n": 4, "missed": true }]));
    let r = run(&p, &plan);
    assert_eq!(r["breach"]["date"], "2025-05-15");
    assert_eq!(s(&r, "principal"), "2000.00");
    assert_eq!(s(&r, "schedule[4].status"), "refused");
    // A single miss does not breach.
    let one = with_events(plan.clone(), json!([{ "n": 3, "missed": true }]));
    assert_eq!(run(&p, &one)["breach"], Value::Null);
}

#[test]
fn a_miss_whose_window_ends_after_maturity_is_no_breach() {
    let p = with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 12, "missed": true }]));
    let r = run(&demand_035(), &p);
    assert_eq!(r["breach"], Value::Null);
    assert_eq!(s(&r, "principal"), "11000.00");
    // Installment 11's window ends exactly at maturity: that is a breach, dated maturity.
    let p = with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 11, "missed": true }]));
    assert_eq!(run(&demand_035(), &p)["breach"]["date"], "2026-01-15");
}

#[test]
fn make_up_window_and_dates_are_checked() {
    let std = product("cn-lczq-standard");
    let early = with_events(plan("2025-01-15", 12, "1000", None), json!([{ "n": 5, "paidOn": "2025-05-14" }]));
    assert_eq!(s(&run(&std, &early), "error.code"), "EVENT_OUT_OF_RANGE");
    assert_eq!(s(&run(&std, &early), "error.path"), "plan.events[0].paidOn");
    let late = with_events(plan("2025-01-15", 12, "1000", None), json!([{ "n": 5, "paidOn": "2025-07-15" }]));
    assert_eq!(s(&run(&std, &late), "error.code"), "EVENT_OUT_OF_RANGE");
    let twice = with_events(plan("2025-01-15", 12, "1000", None), json!([{ "n": 5, "missed": true }, { "n": 5, "missed": true }]));
    assert_eq!(s(&run(&std, &twice), "error.path"), "plan.events[1].n");
    let conflict = with_events(plan("2025-01-15", 12, "1000", None), json!([{ "n": 5, "missed": true, "paidOn": "2025-05-20" }]));
    assert_eq!(s(&run(&std, &conflict), "error.code"), "EVENT_CONFLICT");
    let beyond = with_events(plan("2025-01-15", 12, "1000", None), json!([{ "n": 13, "missed": true }]));
    assert_eq!(s(&run(&std, &beyond), "error.path"), "plan.events[0].n");
}

#[test]
fn late_fee_per_100_per_month_late() {
    // ₹5,000, installment 3 made up two months late at ₹1.50 per ₹100 per month: 150.00.
    let rd = product("in-bank-rd");
    let p = with_events(plan("2025-01-01", 12, "5000", None), json!([{ "n": 3, "paidOn": "2025-05-02" }]));
    let r = run(&rd, &p);
    assert_eq!(s(&r, "fees"), "150.00");
    let payout: f64 = s(&r, "payout").parse().unwrap();
    let parts: f64 = ["principal", "interest", "subsidy"].iter().map(|k| s(&r, k).parse::<f64>().unwrap()).sum::<f64>()
        - s(&r, "fees").parse::<f64>().unwrap()
        - s(&r, "tax").parse::<f64>().unwrap();
    assert!((payout - parts).abs() < 1e-9);
}

#[test]
fn the_bank_closes_after_six_consecutive_misses() {
    let rd = product("in-bank-rd");
    let events: Vec<Value> = (3..=8).map(|n| json!({ "n": n, "missed": true })).collect();
    let p = with_events(plan("2025-01-01", 12, "5000", None), Value::Array(events));
    let r = run(&rd, &p);
    assert_eq!(s(&r, "closure"), "closedByBank");
    assert_eq!(s(&r, "closeDate"), "2025-09-01");
    assert_eq!(s(&r, "principal"), "10000.00");
    assert_eq!(r["schedule"].as_array().unwrap().len(), 8);
    assert!(r["maturityPayout"].is_string());
}

#[test]
fn post_office_stops_deposits_after_five_defaults() {
    let po = product("in-post-office-rd");
    let events: Vec<Value> = [2, 4, 6, 8, 10].iter().map(|n| json!({ "n": n, "missed": true })).collect();
    let p = with_events(plan("2025-01-01", 60, "1000", None), Value::Array(events));
    let r = run(&po, &p);
    assert_eq!(r["breach"]["trigger"], "total");
    assert_eq!(r["breach"]["date"], "2025-11-01");
    assert_eq!(s(&r, "schedule[10].status"), "refused");
    assert_eq!(s(&r, "principal"), "5000.00");
}

// RULES §1.4 — early withdrawal

#[test]
fn early_withdrawal_on_a_non_due_date_counts_a_part_month() {
    // 6 installments, closed 2025-07-20: 21 month-units + 6 × 5/30.
    let p = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35", "withdrawOn": "2025-07-20" });
    let r = run(&vector_product("cn-lczq-standard"), &p);
    assert_eq!(s(&r, "closure"), "early");
    assert_eq!(s(&r, "interest"), "0.92"); // 1000 × 22 × 0.05% ÷ 12 = 0.9167
    assert_eq!(r["schedule"].as_array().unwrap().len(), 7);
    assert_eq!(s(&r, "maturityPayout"), "12087.75");
}

#[test]
fn early_withdrawal_needs_permission_and_min_months() {
    let po = product("in-post-office-rd");
    let p = json!({ "start": "2025-01-01", "months": 60, "installment": "1000", "withdrawOn": "2026-01-01" });
    let r = run(&po, &p);
    assert_eq!(s(&r, "error.code"), "EARLY_NOT_ALLOWED");
    assert_eq!(s(&r, "error.path"), "plan.withdrawOn");
    let p = json!({ "start": "2025-01-01", "months": 60, "installment": "1000", "withdrawOn": "2028-01-01" });
    assert_eq!(s(&run(&po, &p), "closure"), "early"); // exactly minMonths is allowed
    let locked = with(product("cn-lczq-standard"), json!({ "early": { "allowed": false } }));
    let p = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "withdrawOn": "2025-07-15" });
    assert_eq!(s(&run(&locked, &p), "error.code"), "EARLY_NOT_ALLOWED");
}

#[test]
fn lower_of_held_and_contract_minus_penalty() {
    // 7 whole months held: held rate 5.75%, contract 6.5%, penalty 0.5 → 5.25%.
    let p = json!({ "start": "2025-01-01", "months": 12, "installment": "5000", "withdrawOn": "2025-08-01" });
    let r = run(&product("in-bank-rd"), &p);
    assert_eq!(s(&r, "schedule[0].rate"), "5.25");
    let step = r["explain"].as_array().unwrap().iter().find(|e| e["key"] == "earlyRate").unwrap().clone();
    assert_eq!(step["value"], "5.25");
    let cm = with(product("in-bank-rd"), json!({ "early": { "rate": "contractMinus", "penalty": "1" } }));
    assert_eq!(s(&run(&cm, &p), "schedule[0].rate"), "5.5");
}

#[test]
fn installments_after_an_early_close_and_their_events_are_ignored() {
    let p = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35",
        "withdrawOn": "2025-07-15", "events": [{ "n": 10, "paidOn": "2020-01-01" }] });
    let r = run(&vector_product("cn-lczq-standard"), &p);
    assert_eq!(s(&r, "interest"), "0.88");
}

// RULES §1.5 — overdue

#[test]
fn overdue_on_the_maturity_value() {
    let p = with(vector_product("cn-lczq-standard"), json!({ "overdue": { "base": "maturityValue" } }));
    let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35", "withdrawOn": "2026-03-01" });
    let r = run(&p, &plan);
    assert_eq!(s(&r, "closure"), "overdue");
    assert_eq!(s(&r, "interest"), "88.51"); // 87.75 + 12087.75 × 45 × 0.05% ÷ 360 = 88.5055
}

// RULES §1.6 — auto-renew

#[test]
fn renewal_principal_only_pays_interest_out() {
    let p = with(vector_product("cn-lczq-renew-1y-1.10"), json!({ "maturity": { "action": "renew",
        "renew": { "months": 12, "rate": "1.10", "carry": "principalOnly" } } }));
    let r = run(&p, &plan("2025-01-15", 12, "1000", Some("1.35")));
    assert_eq!(s(&r, "renewals[0].principal"), "12000.00");
    assert_eq!(s(&r, "renewals[0].interest"), "132.00");
    assert_eq!(s(&r, "payout"), "12219.75");
    assert_eq!(s(&r, "closeDate"), "2027-01-15");
}

#[test]
fn renewal_twice_from_the_opening_date() {
    let p = with(vector_product("cn-lczq-renew-1y-1.10"), json!({ "maturity": { "action": "renew",
        "renew": { "months": 12, "rate": "1.10", "times": 2 } } }));
    let r = run(&p, &plan("2025-01-15", 12, "1000", Some("1.35")));
    assert_eq!(s(&r, "renewals[1].start"), "2027-01-15");
    assert_eq!(s(&r, "renewals[1].interest"), "134.43");
    assert_eq!(s(&r, "payout"), "12355.15");
    assert_eq!(s(&r, "maturityDate"), "2026-01-15");
    assert_eq!(s(&r, "interest"), "355.15");
}

#[test]
fn withdrawal_inside_a_renewal_closes_it_at_the_demand_rate() {
    let p = vector_product("cn-lczq-renew-1y-1.10");
    let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35", "withdrawOn": "2026-07-15" });
    let r = run(&p, &plan);
    assert_eq!(s(&r, "closure"), "early");
    assert_eq!(s(&r, "renewals[0].interest"), "3.02");
    assert_eq!(s(&r, "payout"), "12090.77");
    assert_eq!(s(&r, "maturityPayout"), "12220.72");
}

#[test]
fn overdue_after_the_last_renewal() {
    let p = vector_product("cn-lczq-renew-1y-1.10");
    let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35", "withdrawOn": "2027-03-01" });
    let r = run(&p, &plan);
    assert_eq!(s(&r, "closure"), "overdue");
    assert_eq!(s(&r, "payout"), "12221.47");
}

// RULES §1.7 — value protection

#[test]
fn value_protection_subsidy_fixed_and_inflation_linked() {
    let fixed = with(vector_product("cn-lczq-standard"), json!({ "valueProtection": { "subsidyRate": "8.00" } }));
    let r = run(&fixed, &plan("2025-01-15", 12, "1000", Some("1.35")));
    assert_eq!(s(&r, "subsidy"), "520.00");
    assert_eq!(s(&r, "payout"), "12607.75");
    let linked = with(vector_product("cn-lczq-standard"), json!({ "valueProtection": { "inflation": "3.0" } }));
    assert_eq!(s(&run(&linked, &plan("2025-01-15", 12, "1000", Some("1.35"))), "subsidy"), "107.25");
    let below = with(vector_product("cn-lczq-standard"), json!({ "valueProtection": { "inflation": "1.0" } }));
    assert_eq!(s(&run(&below, &plan("2025-01-15", 12, "1000", Some("1.35"))), "subsidy"), "0.00");
}

#[test]
fn no_subsidy_on_early_withdrawal() {
    let fixed = with(vector_product("cn-lczq-standard"), json!({ "valueProtection": { "subsidyRate": "8.00" } }));
    let p = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "withdrawOn": "2025-07-15" });
    let r = run(&fixed, &p);
    assert_eq!(s(&r, "subsidy"), "0.00");
    assert_eq!(r["warnings"].as_array().unwrap().iter().filter(|w| w["code"] == "SUBSIDY_FORFEITED").count(), 1);
}

// RULES §1.8 — tax by accrual date

#[test]
fn tax_splits_across_a_rate_change() {
    let p = vector_product("cn-lczq-tax-history");
    // Accrues from 2007-01-15 to 2008-01-15, across the 20% → 5% change of 2007-08-15.
    let r = run(&p, &plan("2007-01-15", 12, "1000", Some("1.35")));
    let tax: f64 = s(&r, "tax").parse().unwrap();
    assert!(tax > 87.75 * 0.05 && tax < 87.75 * 0.20, "{tax}");
    // After 2008-10-09 no tax.
    assert_eq!(s(&run(&p, &plan("2009-01-15", 12, "1000", Some("1.35"))), "tax"), "0.00");
    // Before 1999-11-01 no tax.
    assert_eq!(s(&run(&p, &plan("1998-01-15", 12, "1000", Some("1.35"))), "tax"), "0.00");
}

// RULES §1.9 — rounding

#[test]
fn rounding_modes() {
    let base = vector_product("cn-lczq-standard");
    let p = plan("2025-03-01", 12, "100", Some("1.69")); // exact 10.985
    assert_eq!(s(&run(&base, &p), "interest"), "10.99");
    let even = with(base.clone(), json!({ "rounding": { "mode": "halfEven" } }));
    assert_eq!(s(&run(&even, &p), "interest"), "10.98");
    let down = with(base.clone(), json!({ "rounding": { "mode": "down" } }));
    assert_eq!(s(&run(&down, &plan("2025-03-01", 12, "500", Some("1.71"))), "interest"), "55.57");
}

// RULES §2 — India

#[test]
fn indian_rd_broken_quarter_simple_and_payout_to_the_rupee() {
    let simple = with(product("in-bank-rd"), json!({ "interest": { "method": "compound", "brokenPeriod": "simple" } }));
    let p = plan("2025-01-01", 18, "5000", Some("7.5"));
    assert_eq!(s(&run(&simple, &p), "payout"), "95504.78");
    let rupee = with(product("in-bank-rd"), json!({ "rounding": { "payoutScale": 0 } }));
    assert_eq!(s(&run(&rupee, &p), "payout"), "95502");
}

// RULES §3 — UK regular saver accruing daily

#[test]
fn uk_daily_accrual_to_the_day_before_the_anniversary() {
    let daily = with(product("uk-regular-saver"), json!({ "interest": { "method": "dailyProduct", "dayCount": "ACT/365", "accrueTo": "dayBeforeMaturity" } }));
    let to_maturity = with(product("uk-regular-saver"), json!({ "interest": { "method": "dailyProduct", "dayCount": "ACT/365" } }));
    let p = plan("2025-02-01", 12, "200", None);
    let a: f64 = s(&run(&daily, &p), "interest").parse().unwrap();
    let b: f64 = s(&run(&to_maturity, &p), "interest").parse().unwrap();
    // One day less for each of 12 deposits: 12 × 200 × 6.5% ÷ 365 = 0.43.
    assert!((b - a - 0.43).abs() < 0.011, "{a} {b}");
}

// RULES §5 — yield and real payout

#[test]
fn effective_yield_and_real_payout() {
    let mut p = plan("2025-01-15", 12, "1000", Some("1.35"));
    let r = run(&vector_product("cn-lczq-standard"), &p);
    assert_eq!(s(&r, "effectiveAnnualYield"), "1.35");
    assert_eq!(r["realPayout"], Value::Null);
    p["inflation"] = json!("0");
    assert_eq!(s(&run(&vector_product("cn-lczq-standard"), &p), "realPayout"), "12087.75");
    p["inflation"] = json!("2");
    // 365 days: 12087.75 ÷ 1.02 = 11850.7353
    assert_eq!(s(&run(&vector_product("cn-lczq-standard"), &p), "realPayout"), "11850.74");
}

#[test]
fn warnings_for_old_rates_and_teller_override() {
    let r = run(&vector_product("cn-lczq-standard"), &plan("2025-01-15", 12, "1000", Some("1.35")));
    let codes: Vec<&str> = r["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
    // 1.35% is above the product's highest term rate (0.85%) and it sets no margin.
    assert_eq!(codes, ["RATE_BEFORE_EFFECTIVE", "RATE_OVERRIDE", "RATE_OVERRIDE_HIGH"]);
    assert_eq!(r["warnings"][0]["path"], "plan.start");
    assert_eq!(r["warnings"][2]["path"], "plan.rate");
}

#[test]
fn teller_rate_warns_only_above_the_highest_term_rate_plus_the_margin() {
    let codes = |product: &Value, rate: &str| -> Vec<String> {
        let r = run(product, &plan("2025-06-15", 12, "1000", Some(rate)));
        r["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
    };
    let plain = vector_product("cn-lczq-standard"); // terms 0.65 / 0.85 / 0.85, no margin
    assert_eq!(codes(&plain, "0.85"), ["RATE_OVERRIDE"]);
    assert_eq!(codes(&plain, "0.86"), ["RATE_OVERRIDE", "RATE_OVERRIDE_HIGH"]);
    let mut margin = plain.clone();
    margin["rateOverride"] = json!({ "label": { "zh-CN": "柜员议价利率", "en": "Negotiated rate" }, "margin": "0.50" });
    assert_eq!(codes(&margin, "1.35"), ["RATE_OVERRIDE"]);
    assert_eq!(codes(&margin, "1.36"), ["RATE_OVERRIDE", "RATE_OVERRIDE_HIGH"]);
    // The product's own rate is no override at all.
    assert!(codes(&margin, "0.65").is_empty());
}

#[test]
fn catalog_products_are_valid_and_dated() {
    let catalog = savings_plan::contract::catalog();
    assert_eq!(catalog.len(), 8);
    for p in &catalog {
        assert_eq!(savings_plan::contract::validate_product(p), vec![], "{}", p["id"]);
        assert!(p["ratesEffective"].is_string(), "{}", p["id"]);
        assert!(p["note"]["en"].as_str().unwrap().contains("Example rates"), "{}", p["id"]);
    }
}

// CONTRACT §6 — the remaining paragraphs

#[test]
fn make_up_until_maturity_and_a_product_that_never_breaches() {
    let any_time = with(demand_035(), json!({ "missed": { "makeUpWithinMonths": null } }));
    // Installment 2 made up in month 9: allowed, earns from month 9 (4 month-units).
    let p = with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 2, "paidOn": "2025-09-20" }]));
    let r = run(&any_time, &p);
    assert_eq!(s(&r, "schedule[1].status"), "late");
    assert_eq!(s(&r, "schedule[1].units"), "4");
    // Never made up: the window ends at maturity, so the breach is dated maturity.
    let p = with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 2, "missed": true }]));
    assert_eq!(run(&any_time, &p)["breach"]["date"], "2026-01-15");
    let never = with(demand_035(), json!({ "missed": { "breachAfter": null } }));
    let p = with_events(plan("2025-01-15", 12, "1000", Some("1.35")), json!([{ "n": 2, "missed": true }, { "n": 3, "missed": true }]));
    let r = run(&never, &p);
    assert_eq!(r["breach"], Value::Null);
    assert_eq!(s(&r, "interest"), "64.13"); // (78 − 11 − 10) × 1000 × 1.35% ÷ 12 = 64.125, all at the contract rate
}

#[test]
fn withdrawal_at_the_end_of_an_earlier_renewal_is_a_maturity_close() {
    let p = with(vector_product("cn-lczq-renew-1y-1.10"), json!({ "maturity": { "action": "renew",
        "renew": { "months": 12, "rate": "1.10", "times": 2 } } }));
    let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35", "withdrawOn": "2027-01-15" });
    let r = run(&p, &plan);
    assert_eq!(s(&r, "closure"), "maturity");
    assert_eq!(r["renewals"].as_array().unwrap().len(), 1);
    assert_eq!(s(&r, "payout"), "12220.72");
}

#[test]
fn savings_rate_replaces_demand_for_early_closure() {
    let p = with(vector_product("cn-lczq-standard"), json!({ "early": { "savingsRate": "4.0" } }));
    let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35", "withdrawOn": "2025-07-15" });
    assert_eq!(s(&run(&p, &plan), "interest"), "70.00"); // 21 month-units × 1000 × 4% ÷ 12
}

#[test]
fn monthly_and_yearly_compounding() {
    // Monthly at 12%: Σ 1000 × 1.01^m, m = 12…1 = 12,809.33.
    let monthly = with(product("in-bank-rd"), json!({ "interest": { "method": "compound", "compounding": "monthly" } }));
    assert_eq!(s(&run(&monthly, &plan("2025-01-01", 12, "1000", Some("12"))), "payout"), "12809.33");
    // Yearly at 12% for 12 months: Σ 1000 × 1.12^(m/12).
    let yearly = with(product("in-bank-rd"), json!({ "interest": { "method": "compound", "compounding": "yearly" } }));
    let expected: f64 = (1..=12).map(|m| 1000.0 * 1.12f64.powf(f64::from(m) / 12.0)).sum();
    let got: f64 = s(&run(&yearly, &plan("2025-01-01", 12, "1000", Some("12"))), "payout").parse().unwrap();
    assert!((got - expected).abs() < 0.006, "{got} vs {expected}");
}

#[test]
fn overdue_days_over_365_for_an_act_365_product() {
    let uk = with(product("uk-regular-saver"), json!({ "interest": { "method": "dailyProduct", "dayCount": "ACT/365" } }));
    let on_time = run(&uk, &plan("2025-02-01", 12, "200", None));
    let mut late = plan("2025-02-01", 12, "200", None);
    late["withdrawOn"] = json!("2026-03-18"); // 45 days after 2026-02-01
    let r = run(&uk, &late);
    assert_eq!(s(&r, "closure"), "overdue");
    // 2400 × 45 × 1% ÷ 365 = 2.9589…: added to the exact term interest, rounded once.
    let diff: f64 = s(&r, "interest").parse::<f64>().unwrap() - s(&on_time, "interest").parse::<f64>().unwrap();
    assert!((diff - 2.96).abs() <= 0.011, "{diff}");
}

#[test]
fn tax_is_withheld_at_each_renewal() {
    let p = with(vector_product("cn-lczq-tax-history"), json!({ "maturity": { "action": "renew",
        "renew": { "months": 12, "rate": "1.10" } } }));
    let r = run(&p, &plan("2000-01-15", 12, "1000", Some("1.35")));
    assert_eq!(s(&r, "renewals[0].principal"), "12070.20"); // after the 17.55 withheld at maturity
    assert_eq!(s(&r, "renewals[0].interest"), "132.77"); // 12070.20 × 1.10%
    assert_eq!(s(&r, "renewals[0].tax"), "26.55"); // 20% of 132.7722
    assert_eq!(s(&r, "tax"), "44.10");
}

// Issue 8 — four money errors an independent implementation found, one test per rule

/// A one-month plan at 0% that renews for `months` at 3.6%: the renewal's principal is the installment.
fn renewing(interest: Value, months: u32) -> Value {
    json!({ "schema": 1, "id": "renewing", "currency": "CNY", "demandRate": "3.6",
        "terms": [{ "months": 1, "rate": "0" }], "interest": interest,
        "maturity": { "action": "renew", "renew": { "months": months, "rate": "3.6" } } })
}

#[test]
fn a_renewal_that_runs_its_whole_term_is_priced_by_term_on_a_daily_product() {
    // 1000 × 3.6% × 12 ÷ 12 = 36.00 on every day count: not 365 actual days ÷ 360 (36.50),
    // nor 366 ÷ 365 across 29 February (36.10).
    for day_count in ["ACT/360", "ACT/365", "30/360"] {
        for accrue_to in ["maturity", "dayBeforeMaturity"] {
            let p = renewing(json!({ "method": "dailyProduct", "dayCount": day_count, "accrueTo": accrue_to }), 12);
            for start in ["2025-01-01", "2023-02-01", "2024-01-31"] {
                let r = run(&p, &plan(start, 1, "1000", None));
                assert_eq!(s(&r, "renewals[0].interest"), "36.00", "{day_count} {accrue_to} {start}");
                let step = r["explain"].as_array().unwrap().iter().find(|e| e["key"] == "renewal").unwrap();
                assert_eq!(step["formula"], "1000 × 3.6% × 12 ÷ 12");
            }
        }
    }
    // Closed early it earns the demand rate for the days actually held: 1000 × 3.6% × 69 ÷ 360.
    let p = renewing(json!({ "method": "dailyProduct" }), 12);
    let mut early = plan("2025-01-01", 1, "1000", None);
    early["withdrawOn"] = json!("2025-04-11");
    let r = run(&p, &early);
    assert_eq!(s(&r, "closure"), "early");
    assert_eq!(s(&r, "interest"), "6.90");
}

#[test]
fn tax_is_split_over_the_days_interest_accrued_under_day_before_maturity() {
    // The plan's own term: accrual stops before 2025-01-31, so 30 days, 15 before the 20% tax:
    // 3.00 × 15/30 × 20% = 0.30 (not 0.31 over 31 days).
    let p = json!({ "schema": 1, "id": "t", "currency": "CNY", "demandRate": "3.6",
        "terms": [{ "months": 1, "rate": "3.6" }], "interest": { "method": "dailyProduct", "accrueTo": "dayBeforeMaturity" },
        "tax": [{ "from": "2025-01-16", "rate": "20" }] });
    let r = run(&p, &plan("2025-01-01", 1, "1000", None));
    assert_eq!((s(&r, "interest").as_str(), s(&r, "tax").as_str()), ("3.00", "0.30"));

    // A renewal 2025-02-01 → 2025-03-01 accrues on 27 days (to 2025-02-27), 13 of them from the
    // 20% tax of 2025-02-15: 3.00 × 13/27 × 20% = 0.2889; the overdue piece after it accrues from
    // 2025-03-01 to 2025-03-31, taxed on its 15 days before 2025-03-16:
    // 1000 × 30 × 3.6% ÷ 360 = 3.00, × 15/30 × 20% = 0.30. Rounded once per renewal: 0.59.
    let mut p = renewing(json!({ "method": "dailyProduct", "accrueTo": "dayBeforeMaturity" }), 1);
    p["tax"] = json!([{ "from": "2025-02-15", "rate": "20" }, { "from": "2025-03-16", "rate": "0" }]);
    let r = run(&p, &plan("2025-01-01", 1, "1000", None));
    assert_eq!(s(&r, "renewals[0].interest"), "3.00");
    assert_eq!(s(&r, "renewals[0].tax"), "0.29");
    let mut late = plan("2025-01-01", 1, "1000", None);
    late["withdrawOn"] = json!("2025-03-31");
    let r = run(&p, &late);
    assert_eq!(s(&r, "closure"), "overdue");
    assert_eq!(s(&r, "renewals[0].interest"), "6.00");
    assert_eq!(s(&r, "renewals[0].tax"), "0.59");
    // Under `accrueTo: maturity` the renewal accrues on all 28 days: 3.00 × 14/28 × 20% = 0.30.
    p["interest"] = json!({ "method": "dailyProduct" });
    assert_eq!(s(&run(&p, &plan("2025-01-01", 1, "1000", None)), "renewals[0].tax"), "0.30");
}

#[test]
fn an_inflation_linked_subsidy_uses_the_plans_inflation_and_states_the_assumption() {
    let p = vector_product("cn-lczq-protected-infl-2"); // valueProtection: { inflation: "2.0" }
    let mut own = plan("2025-01-15", 12, "1000", Some("1.35"));
    own["inflation"] = json!("3.00");
    // (3.00 − 1.35) × 78 × 1000 ÷ 12 ÷ 100 = 107.25: the saver's figure drives the subsidy.
    let r = run(&p, &own);
    assert_eq!(s(&r, "subsidy"), "107.25");
    assert_eq!(r["assumptions"], json!([{ "key": "inflation", "value": "3.00", "source": "plan" }]));
    // Without one, the product's 2.0: (2.0 − 1.35) × 78 × 1000 ÷ 1200 = 42.25, and nobody chose it.
    let r = run(&p, &plan("2025-01-15", 12, "1000", Some("1.35")));
    assert_eq!(s(&r, "subsidy"), "42.25");
    assert_eq!(r["assumptions"], json!([{ "key": "inflation", "value": "2.0", "source": "product" }]));
    // Closed early no subsidy is paid, so the payout rests on no assumed inflation.
    let mut early = plan("2025-01-15", 12, "1000", Some("1.35"));
    early["withdrawOn"] = json!("2025-07-15");
    assert_eq!(run(&p, &early)["assumptions"], json!([]));
    // A fixed subsidy rate is the product's rate, not an assumption; the real payout's inflation is the plan's.
    let fixed = with(vector_product("cn-lczq-standard"), json!({ "valueProtection": { "subsidyRate": "8.00" } }));
    assert_eq!(run(&fixed, &plan("2025-01-15", 12, "1000", Some("1.35")))["assumptions"], json!([]));
    let mut real = plan("2025-01-15", 12, "1000", Some("1.35"));
    real["inflation"] = json!("2");
    assert_eq!(run(&fixed, &real)["assumptions"], json!([{ "key": "inflation", "value": "2", "source": "plan" }]));
}

#[test]
fn compound_broken_period_simple_multiplies_first_and_divides_once() {
    let simple = |compounding: &str, months: u32, rate: &str| {
        json!({ "schema": 1, "id": "s", "currency": "CNY", "demandRate": "2.5", "terms": [{ "months": months, "rate": rate }],
            "interest": { "method": "compound", "compounding": compounding, "brokenPeriod": "simple" } })
    };
    // 1206 × 1% × 1/12 = 1.005 exactly → 1.01 (a rounded factor first gave 1.00499… → 1.00).
    assert_eq!(s(&run(&simple("yearly", 1, "1"), &plan("2025-01-01", 1, "1206", None)), "interest"), "1.01");
    // Quarterly, one month: i × 1/3 = 1% ÷ 4 ÷ 3, the same exact 1/1200 of the rate.
    assert_eq!(s(&run(&simple("quarterly", 1, "1"), &plan("2025-01-01", 1, "1206", None)), "interest"), "1.01");
    // Early after 7 days at the demand rate: 360 × 2.5% × 7/360 = 0.175 → 0.18.
    let mut early = plan("2025-01-01", 12, "360", None);
    early["withdrawOn"] = json!("2025-01-08");
    assert_eq!(s(&run(&simple("yearly", 12, "3"), &early), "interest"), "0.18");
    // A renewal leg goes through the same exact rule: 1206 × 1% × 1/12 → 1.01.
    let mut renew = simple("yearly", 1, "0");
    renew["maturity"] = json!({ "action": "renew", "renew": { "months": 1, "rate": "1" } });
    assert_eq!(s(&run(&renew, &plan("2025-01-01", 1, "1206", None)), "renewals[0].interest"), "1.01");
    // Whole periods are exact too: one month of monthly compounding is 1206 × 1% ÷ 12 = 1.005 → 1.01,
    // and a 12-month leg of yearly compounding 1000.50 × 1% = 10.005 → 10.01.
    let monthly = json!({ "schema": 1, "id": "m", "currency": "CNY", "demandRate": "2.5", "terms": [{ "months": 1, "rate": "1" }],
        "interest": { "method": "compound", "compounding": "monthly" } });
    assert_eq!(s(&run(&monthly, &plan("2025-01-01", 1, "1206", None)), "interest"), "1.01");
    let yearly = json!({ "schema": 1, "id": "y", "currency": "CNY", "demandRate": "2.5", "terms": [{ "months": 1, "rate": "0" }],
        "interest": { "method": "compound", "compounding": "yearly" },
        "maturity": { "action": "renew", "renew": { "months": 12, "rate": "1" } } });
    assert_eq!(s(&run(&yearly, &plan("2025-01-01", 1, "1000.50", None)), "renewals[0].interest"), "10.01");
    // The RULES §2 broken-quarter figure is unchanged.
    let rd = with(product("in-bank-rd"), json!({ "interest": { "method": "compound", "brokenPeriod": "simple" } }));
    assert_eq!(s(&run(&rd, &plan("2025-01-01", 18, "5000", Some("7.5"))), "payout"), "95504.78");
}

// Issue 9 — what the headline needs: how the account closed, the rate applied at the close, the breach

#[test]
fn the_result_says_which_rate_the_close_applied() {
    let standard = vector_product("cn-lczq-standard");
    let mut p = plan("2025-01-15", 36, "500", Some("1.35"));
    // Held to maturity: the contract applies, no close rate.
    let r = run(&standard, &p);
    assert_eq!((s(&r, "closure").as_str(), r["closeRate"].clone()), ("maturity", Value::Null));
    // Withdrawn after 20 months: every deposit at the demand rate 0.05%.
    p["withdrawOn"] = json!("2026-09-15");
    let r = run(&standard, &p);
    assert_eq!((s(&r, "closure").as_str(), s(&r, "closeRate").as_str(), s(&r, "closeDate").as_str()), ("early", "0.05", "2026-09-15"));
    // Early at contract minus a penalty.
    let minus = with(standard.clone(), json!({ "early": { "rate": "contractMinus", "penalty": "0.5" } }));
    assert_eq!(s(&run(&minus, &p), "closeRate"), "0.85");
    // Overdue: the demand rate of the days after maturity.
    p["withdrawOn"] = json!("2028-03-01");
    let r = run(&standard, &p);
    assert_eq!((s(&r, "closure").as_str(), s(&r, "closeRate").as_str()), ("overdue", "0.05"));
    // Closed by the bank: paid as an early withdrawal.
    let closing = with(standard.clone(), json!({ "missed": { "closeAfterConsecutive": 2 } }));
    let mut missed = plan("2025-01-15", 36, "500", Some("1.35"));
    missed["events"] = json!([{ "n": 3, "missed": true }, { "n": 4, "missed": true }]);
    let r = run(&closing, &missed);
    assert_eq!((s(&r, "closure").as_str(), s(&r, "closeRate").as_str()), ("closedByBank", "0.05"));
    // A renewal closed early earns demand.
    let renew = vector_product("cn-lczq-renew-1y-1.10");
    let inside = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35", "withdrawOn": "2026-07-15" });
    let r = run(&renew, &inside);
    assert_eq!((s(&r, "closure").as_str(), s(&r, "closeRate").as_str()), ("early", "0.05"));
}

#[test]
fn the_breach_says_which_rate_it_gave() {
    let r = run(&demand_035(), &missed_5_and_6());
    assert_eq!(r["breach"]["rate"], "0.35");
    let stop = with(demand_035(), json!({ "missed": { "onBreach": "stopDeposits" } }));
    assert_eq!(run(&stop, &missed_5_and_6())["breach"]["rate"], Value::Null);
    // Closed early, every deposit earns the early rate: the breach changed no rate.
    let mut early = missed_5_and_6();
    early["withdrawOn"] = json!("2025-10-20");
    let r = run(&demand_035(), &early);
    assert_eq!(r["breach"]["trigger"], "unmadeUp");
    assert_eq!(r["breach"]["rate"], Value::Null);
    assert_eq!(r["closeRate"], "0.35");
}
