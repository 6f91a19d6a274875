//! RULES.md §8 (revision 2), one test per paragraph, with the worked
//! numbers checked by hand in the comments: customer categories (§8.1),
//! India's TDS by financial year (§8.2), the German bonus savings plan
//! (§8.3), and the typed errors of every new field.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{plan, product, run, s, with};
use serde_json::{json, Value};

fn plan_with(start: &str, months: u32, installment: &str, extra: Value) -> Value {
    let mut p = plan(start, months, installment, None);
    for (k, v) in extra.as_object().unwrap() {
        p[k] = v.clone();
    }
    p
}

fn steps(r: &Value, key: &str) -> Vec<(String, String)> {
    r["explain"].as_array().unwrap().iter().filter(|e| e["key"] == key).map(|e| (s(e, "formula"), s(e, "value"))).collect()
}

fn error(r: &Value) -> (String, String) {
    (s(r, "error.code"), s(r, "error.path"))
}

fn first_problem(p: &Value) -> (String, String) {
    let e = savings_plan::contract::validate_product(p);
    assert!(!e.is_empty(), "{p} is valid");
    (e[0].code.as_str().to_string(), e[0].path.clone())
}

// ---------------------------------------------------------------- §8.1 customer categories

#[test]
fn senior_citizen_rate_is_the_card_rate_plus_the_uplift() {
    let rd = product("in-bank-rd");
    // ₹1,000 × 12 months: the card rate 6.50%, a senior 6.50 + 0.50 = 7.00%, staff 6.50 + 1.00 = 7.50%.
    let regular = run(&rd, &plan("2025-04-10", 12, "1000", None));
    let senior = run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "category": "senior" })));
    let staff = run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "category": "staff" })));
    assert_eq!((s(&regular, "contractRate"), s(&senior, "contractRate"), s(&staff, "contractRate")), ("6.5".into(), "7".into(), "7.5".into()));
    assert!(s(&senior, "payout").parse::<f64>().unwrap() > s(&regular, "payout").parse::<f64>().unwrap());
    assert!(senior["warnings"].as_array().unwrap().is_empty(), "the uplift is the product's rate, not a teller's");
    // The senior's schedule rows earn the uplifted rate.
    assert_eq!(s(&senior, "schedule[0].rate"), "7");
}

#[test]
fn a_tellers_rate_replaces_the_term_rate_and_the_uplift() {
    let rd = product("in-bank-rd");
    let r = run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "category": "senior", "rate": "7.10" })));
    assert_eq!(s(&r, "contractRate"), "7.1");
    // RATE_OVERRIDE compares with the senior's 7.00; 7.10 is within 6.50 + 0.25 margin + 0.50 uplift.
    let codes: Vec<String> = r["warnings"].as_array().unwrap().iter().map(|w| s(w, "code")).collect();
    assert_eq!(codes, ["RATE_OVERRIDE"]);
    assert!(s(&r, "warnings[0].message").contains("7%"), "{}", s(&r, "warnings[0].message"));
    // 7.30 is above 7.25 = 6.50 + 0.25 + 0.50.
    let r = run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "category": "senior", "rate": "7.30" })));
    let codes: Vec<String> = r["warnings"].as_array().unwrap().iter().map(|w| s(w, "code")).collect();
    assert_eq!(codes, ["RATE_OVERRIDE", "RATE_OVERRIDE_HIGH"]);
}

#[test]
fn a_seniors_early_closure_gets_the_uplift_on_the_held_period_rate() {
    // Closed after 7 whole months: held-period rate 5.75 (+0.50 for a senior = 6.25),
    // contract 6.50 (7.00); lower of the two less the 0.50 penalty: 5.25, senior 5.75.
    let rd = product("in-bank-rd");
    let regular = run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "withdrawOn": "2025-11-20" })));
    let senior = run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "withdrawOn": "2025-11-20", "category": "senior" })));
    assert_eq!((s(&regular, "closeRate"), s(&senior, "closeRate")), ("5.25".into(), "5.75".into()));
}

#[test]
fn an_unknown_category_is_invalid_at_plan_category() {
    let rd = product("in-bank-rd");
    assert_eq!(error(&run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "category": "student" })))), ("INVALID_VALUE".into(), "plan.category".into()));
    assert_eq!(error(&run(&rd, &plan_with("2025-04-10", 12, "1000", json!({ "category": 60 })))), ("INVALID_TYPE".into(), "plan.category".into()));
    // A product with no categories knows none; null is no category.
    let cn = product("cn-lczq-standard");
    assert_eq!(error(&run(&cn, &plan_with("2025-04-10", 12, "1000", json!({ "category": "senior" })))), ("INVALID_VALUE".into(), "plan.category".into()));
    assert_eq!(s(&run(&cn, &plan_with("2025-04-10", 12, "1000", json!({ "category": null }))), "payout"), "12042.25"); // 1,000 × 78 × 0.65% ÷ 12 = 42.25
}

#[test]
fn categories_are_validated_like_every_field() {
    let rd = product("in-bank-rd");
    let cats = |c: Value| with(rd.clone(), json!({ "categories": c }));
    assert_eq!(first_problem(&cats(json!([{ "id": "senior", "uplift": "x" }]))), ("INVALID_DECIMAL".into(), "product.categories[0].uplift".into()));
    assert_eq!(first_problem(&cats(json!([{ "id": "senior", "uplift": "-1" }]))), ("INVALID_VALUE".into(), "product.categories[0].uplift".into()));
    assert_eq!(first_problem(&cats(json!([{ "id": "senior" }]))), ("MISSING_FIELD".into(), "product.categories[0].uplift".into()));
    assert_eq!(first_problem(&cats(json!([{ "id": "senior", "uplift": "1", "age": 60 }]))), ("UNKNOWN_FIELD".into(), "product.categories[0].age".into()));
    assert_eq!(
        first_problem(&cats(json!([{ "id": "senior", "uplift": "1" }, { "id": "senior", "uplift": "2" }]))),
        ("INVALID_VALUE".into(), "product.categories[1].id".into())
    );
    assert_eq!(first_problem(&cats(json!([{ "id": "", "uplift": "1" }]))), ("INVALID_VALUE".into(), "product.categories[0].id".into()));
    assert_eq!(first_problem(&cats(json!([{ "id": "s", "uplift": "1", "name": { "en": "" } }]))), ("INVALID_VALUE".into(), "product.categories[0].name.en".into()));
    assert_eq!(first_problem(&cats(json!({}))), ("INVALID_TYPE".into(), "product.categories".into()));
}

// ---------------------------------------------------------------- §8.2 TDS by financial year

/// An Indian product on the monthly method (so the figures can be checked by
/// hand) with the real thresholds; the senior category has no uplift here so
/// that only the threshold differs.
fn tds_product() -> Value {
    json!({ "schema": 1, "id": "in-tds-test", "currency": "INR",
        "terms": [{ "months": 2, "rate": "12" }, { "months": 12, "rate": "8" }], "demandRate": "3",
        "installment": { "min": "100", "step": "0.01" },
        "categories": [{ "id": "senior", "uplift": "0" }],
        "withholding": { "rate": "10", "noPanRate": "20", "yearStart": "04-01",
            "thresholds": [{ "from": "2019-04-01", "regular": "40000", "senior": "50000" },
                           { "from": "2025-04-01", "regular": "50000", "senior": "100000" }] } })
}

#[test]
fn a_year_just_under_the_threshold_is_not_withheld() {
    // 12 × ₹96,153.84 at 8% from 2025-04-01, maturity 2026-04-01: every day in FY 2025-26.
    // Interest 96,153.84 × 78 × 8% ÷ 12 = 49,999.9968 ≤ 50,000 → no TDS (paid 50,000.00).
    let r = run(&tds_product(), &plan("2025-04-01", 12, "96153.84", None));
    assert_eq!((s(&r, "interest"), s(&r, "tax")), ("50000.00".into(), "0.00".into()));
    assert_eq!(steps(&r, "withholding"), [("FY 2025-26: interest 49999.9968 ≤ 50000 → 0".into(), "0.00".into())]);
}

#[test]
fn a_year_just_over_the_threshold_is_withheld_on_all_its_interest() {
    // 96,153.85 × 78 × 8% ÷ 12 = 50,000.002 > 50,000 → 10% of all of it: 5,000.0002 → 5,000.00.
    let r = run(&tds_product(), &plan("2025-04-01", 12, "96153.85", None));
    assert_eq!((s(&r, "interest"), s(&r, "tax")), ("50000.00".into(), "5000.00".into()));
    assert_eq!(steps(&r, "withholding"), [("FY 2025-26: interest 50000.002 > 50000 → 50000.002 × 10% → halfUp to 2 places".into(), "5000.00".into())]);
    // payout = 1,153,846.20 + 50,000.00 − 5,000.00
    assert_eq!(s(&r, "payout"), "1198846.20");
}

#[test]
fn without_a_pan_the_higher_rate_applies() {
    // 50,000.002 × 20% = 10,000.0004 → 10,000.00.
    let r = run(&tds_product(), &plan_with("2025-04-01", 12, "96153.85", json!({ "noPan": true })));
    assert_eq!(s(&r, "tax"), "10000.00");
    assert_eq!(steps(&r, "withholding")[0].0, "FY 2025-26, no PAN: interest 50000.002 > 50000 → 50000.002 × 20% → halfUp to 2 places");
    // Form 15G is not valid without a PAN (s.206AA): still 20%.
    let r = run(&tds_product(), &plan_with("2025-04-01", 12, "96153.85", json!({ "noPan": true, "exemptionForm": true })));
    assert_eq!(s(&r, "tax"), "10000.00");
}

#[test]
fn form_15g_and_15h_mean_nothing_is_withheld() {
    let r = run(&tds_product(), &plan_with("2025-04-01", 12, "96153.85", json!({ "exemptionForm": true })));
    assert_eq!(s(&r, "tax"), "0.00");
    assert_eq!(steps(&r, "withholding"), [("FY 2025-26: interest 50000.002, Form 15G → 0".into(), "0.00".into())]);
    let r = run(&tds_product(), &plan_with("2025-04-01", 12, "192307.70", json!({ "exemptionForm": true, "category": "senior" })));
    assert_eq!(s(&r, "tax"), "0.00");
    assert!(steps(&r, "withholding")[0].0.contains("Form 15H"));
}

#[test]
fn a_senior_has_the_senior_threshold() {
    // The same ₹50,000.002 is far under a senior's ₹1,00,000 from 2025-04-01;
    // 192,307.70 × 0.52 = 100,000.004 is just over it: 10,000.0004 → 10,000.00.
    let r = run(&tds_product(), &plan_with("2025-04-01", 12, "96153.85", json!({ "category": "senior" })));
    assert_eq!(s(&r, "tax"), "0.00");
    let r = run(&tds_product(), &plan_with("2025-04-01", 12, "192307.70", json!({ "category": "senior" })));
    assert_eq!(s(&r, "tax"), "10000.00");
    assert_eq!(steps(&r, "withholding")[0].0, "FY 2025-26: interest 100000.004 > 100000 → 100000.004 × 10% → halfUp to 2 places");
}

#[test]
fn the_threshold_changes_on_2025_04_01_inside_one_plan() {
    // ₹1,00,000 × 2 months at 12% from 2025-03-01, maturity 2025-05-01.
    // Deposit 1: 100,000 × 2 × 12% ÷ 12 = 2,000 over 61 days, 31 of them (March) in FY 2024-25:
    //   2,000 × 31 ÷ 61 = 1,016.3934426…, the other 983.6065573… in FY 2025-26.
    // Deposit 2: 100,000 × 1 × 12% ÷ 12 = 1,000, all in FY 2025-26 → 1,983.6065573….
    // With a regular threshold of ₹1,000 to 2025-03-31 and ₹2,000 from 2025-04-01:
    // FY 2024-25 1,016.39 > 1,000 → 101.6393… → 101.64; FY 2025-26 1,983.61 ≤ 2,000 → 0.
    let p = with(tds_product(), json!({ "withholding": { "rate": "10", "noPanRate": "20", "yearStart": "04-01",
        "thresholds": [{ "from": "2019-04-01", "regular": "1000", "senior": "5000" }, { "from": "2025-04-01", "regular": "2000", "senior": "5000" }] } }));
    let r = run(&p, &plan("2025-03-01", 2, "100000", None));
    assert_eq!((s(&r, "interest"), s(&r, "tax")), ("3000.00".into(), "101.64".into()));
    let w = steps(&r, "withholding");
    assert_eq!(w.len(), 2);
    assert_eq!(w[0], ("FY 2024-25: interest 1016.393442623 > 1000 → 1016.393442623 × 10% → halfUp to 2 places".into(), "101.64".into()));
    assert_eq!(w[1], ("FY 2025-26: interest 1983.606557377 ≤ 2000 → 0".into(), "0.00".into()));
    // With the real thresholds neither year is near ₹40,000 / ₹50,000.
    assert_eq!(s(&run(&tds_product(), &plan("2025-03-01", 2, "100000", None)), "tax"), "0.00");
}

#[test]
fn rules_example_50000_for_60_months_from_2025_04_01() {
    // RULES §8.2: ₹50,000 × 60 months at 7.0% (IBA quarterly) from 2025-04-01. The
    // first financial year's interest is under ₹50,000; from FY 2026-27 each
    // year's is over it and is withheld, each rounded once; the years' interest
    // adds up to the whole exact interest and their TDS to the result's tax.
    let rd = product("in-bank-rd");
    let r = run(&rd, &plan_with("2025-04-01", 60, "50000", json!({ "rate": "7.0" })));
    let w = steps(&r, "withholding");
    let labels: Vec<&str> = w.iter().map(|(f, _)| &f[..10]).collect();
    assert_eq!(labels, ["FY 2025-26", "FY 2026-27", "FY 2027-28", "FY 2028-29", "FY 2029-30"]);
    assert!(w[0].0.contains(" ≤ 50000 → 0") && w[0].1 == "0.00", "{w:?}");
    assert!(w[1..].iter().all(|(f, v)| f.contains(" > 50000 → ") && v != "0.00"), "{w:?}");
    let sum: rust_decimal::Decimal = w.iter().map(|(_, v)| v.parse::<rust_decimal::Decimal>().unwrap()).sum();
    assert_eq!(sum.to_string(), s(&r, "tax"));
    let interest: rust_decimal::Decimal = w.iter().map(|(f, _)| f.split(' ').nth(3).unwrap().parse::<rust_decimal::Decimal>().unwrap()).sum();
    assert_eq!(interest.round_dp(2).to_string(), s(&r, "interest"));
    // payout = principal + interest − tax
    let payout: rust_decimal::Decimal = s(&r, "principal").parse::<rust_decimal::Decimal>().unwrap() + s(&r, "interest").parse::<rust_decimal::Decimal>().unwrap() - sum;
    assert_eq!(payout.to_string(), s(&r, "payout"));
}

#[test]
fn no_tds_for_years_before_the_first_threshold() {
    // The catalog's table starts on 2015-06-01 (TDS on RD interest began then):
    // FY 2014-15 has no TDS whatever its interest; FY 2015-16 began on 2015-04-01, before it.
    let rd = product("in-bank-rd");
    let r = run(&rd, &plan_with("2014-04-01", 12, "1000000", json!({ "rate": "9" })));
    assert_eq!(s(&r, "tax"), "0.00");
    assert!(steps(&r, "withholding")[0].0.starts_with("FY 2014-15: interest "));
    assert!(steps(&r, "withholding")[0].0.ends_with(", no TDS before 2015-06-01 → 0"));
}

#[test]
fn an_early_closure_is_withheld_on_the_interest_it_pays() {
    // 12 × ₹2,00,000 at 8% from 2025-04-01 closed on 2026-02-01 (10 deposits, at
    // the 3% demand rate): 2,00,000 × (10 + 9 + … + 1 = 55) × 3% ÷ 12 = 27,500 ≤ 50,000.
    let p = with(tds_product(), json!({ "early": { "rate": "demand" } }));
    let r = run(&p, &plan_with("2025-04-01", 12, "200000", json!({ "withdrawOn": "2026-02-01" })));
    assert_eq!((s(&r, "interest"), s(&r, "tax")), ("27500.00".into(), "0.00".into()));
    // Held to maturity: 2,00,000 × 78 × 8% ÷ 12 = 1,04,000 > 50,000 → 10,400.
    assert_eq!(s(&r, "maturityPayout"), "2493600.00");
}

#[test]
fn withholding_is_validated_like_every_field() {
    let base = tds_product();
    let w = |v: Value| {
        let mut p = base.clone();
        p["withholding"] = v;
        p
    };
    let ok = json!({ "rate": "10", "noPanRate": "20", "thresholds": [{ "from": "2025-04-01", "regular": "50000", "senior": "100000" }] });
    assert!(savings_plan::contract::validate_product(&w(ok.clone())).is_empty(), "yearStart defaults to 04-01");
    let mut bad = ok.clone();
    bad["rate"] = json!("120");
    assert_eq!(first_problem(&w(bad)), ("INVALID_VALUE".into(), "product.withholding.rate".into()));
    let mut bad = ok.clone();
    bad["noPanRate"] = json!("twenty");
    assert_eq!(first_problem(&w(bad)), ("INVALID_DECIMAL".into(), "product.withholding.noPanRate".into()));
    for start in ["02-29", "4-1", "13-01", "04/01"] {
        let mut bad = ok.clone();
        bad["yearStart"] = json!(start);
        assert_eq!(first_problem(&w(bad)), ("INVALID_VALUE".into(), "product.withholding.yearStart".into()), "{start}");
    }
    let mut bad = ok.clone();
    bad["thresholds"] = json!([]);
    assert_eq!(first_problem(&w(bad)), ("INVALID_VALUE".into(), "product.withholding.thresholds".into()));
    let mut bad = ok.clone();
    bad["thresholds"] = json!([{ "from": "2025-04-01", "regular": "1", "senior": "1" }, { "from": "2019-04-01", "regular": "1", "senior": "1" }]);
    assert_eq!(first_problem(&w(bad)), ("INVALID_VALUE".into(), "product.withholding.thresholds[1].from".into()));
    let mut bad = ok.clone();
    bad["thresholds"][0]["senior"] = json!("-1");
    assert_eq!(first_problem(&w(bad)), ("INVALID_VALUE".into(), "product.withholding.thresholds[0].senior".into()));
    let mut bad = ok.clone();
    bad["thresholds"][0]["regular"] = Value::Null;
    assert_eq!(first_problem(&w(bad)).1, "product.withholding.thresholds[0].regular");
    let mut bad = ok.clone();
    bad["threshold"] = json!("1");
    assert_eq!(first_problem(&w(bad)), ("UNKNOWN_FIELD".into(), "product.withholding.threshold".into()));
    let mut bad = ok.clone();
    bad.as_object_mut().unwrap().remove("rate");
    assert_eq!(first_problem(&w(bad)), ("MISSING_FIELD".into(), "product.withholding.rate".into()));
    // Not modelled across renewals: a typed error rather than a wrong figure.
    let renewing = with(w(ok), json!({ "maturity": { "action": "renew", "renew": { "months": 12 } } }));
    assert_eq!(first_problem(&renewing), ("INVALID_VALUE".into(), "product.withholding".into()));
    // null is no withholding.
    assert!(savings_plan::contract::validate_product(&w(Value::Null)).is_empty());
}

#[test]
fn the_plans_tds_fields_are_typed() {
    let p = tds_product();
    assert_eq!(error(&run(&p, &plan_with("2025-04-01", 12, "1000", json!({ "noPan": "yes" })))), ("INVALID_TYPE".into(), "plan.noPan".into()));
    assert_eq!(error(&run(&p, &plan_with("2025-04-01", 12, "1000", json!({ "exemptionForm": 1 })))), ("INVALID_TYPE".into(), "plan.exemptionForm".into()));
    assert_eq!(error(&run(&p, &plan_with("2025-04-01", 12, "1000", json!({ "pan": false })))), ("UNKNOWN_FIELD".into(), "plan.pan".into()));
    // null is the default (false), and the fields do nothing on a product without withholding.
    assert_eq!(s(&run(&p, &plan_with("2025-04-01", 12, "1000", json!({ "noPan": null, "exemptionForm": null }))), "interest"), "520.00");
    assert_eq!(s(&run(&product("cn-lczq-standard"), &plan_with("2025-04-01", 12, "1000", json!({ "noPan": true }))), "tax"), "0.00");
}

// ---------------------------------------------------------------- §8.3 bonus savings plan

/// RULES §8.3's product: €100 a month at 1.00%, a 3% premium in year 3.
fn bonus_plan() -> Value {
    json!({ "schema": 1, "id": "de-test", "currency": "EUR", "terms": [{ "months": 36, "rate": "1.00" }, { "months": 30, "rate": "1.00" }],
        "demandRate": "0.50", "interest": { "method": "annualCredit" }, "bonus": [{ "year": 3, "percent": "3" }],
        "missed": { "breachAfter": null, "makeUpWithinMonths": null } })
}

#[test]
fn rules_worked_example_3691_82() {
    // Year 1: 100 × 78 × 1% ÷ 12 = 6.50 → 1,206.50.
    // Year 2: 1,206.50 × 1% + 6.50 = 18.565 → 18.57 → 2,425.07.
    // Year 3: 2,425.07 × 1% + 6.50 = 30.7507 → 30.75, premium 3% × 1,200 = 36.00 → 3,691.82.
    let r = run(&bonus_plan(), &plan("2025-01-01", 36, "100", None));
    assert_eq!((s(&r, "payout"), s(&r, "interest"), s(&r, "subsidy")), ("3691.82".into(), "55.82".into(), "36.00".into()));
    assert_eq!(
        steps(&r, "credit"),
        [
            ("100 × 78 × 1% ÷ 12".into(), "6.50".into()),
            ("1206.5 × 1% + 100 × 78 × 1% ÷ 12 → halfUp to 2 places".into(), "18.57".into()),
            ("2425.07 × 1% + 100 × 78 × 1% ÷ 12 → halfUp to 2 places".into(), "30.75".into()),
        ]
    );
    assert_eq!(steps(&r, "premium"), [("1200 × 3%".into(), "36.00".into())]);
    assert_eq!(steps(&r, "interest"), [("6.5 + 18.57 + 30.75".into(), "55.82".into())]);
    assert_eq!(steps(&r, "payout")[0].0, "3600.00 + 55.82 + 36.00 − 0.00 − 0.00");
    // The rounding is per posting: rounding once at the end would give 55.8157 + … ≠.
    assert!(steps(&r, "rounding").is_empty());
}

#[test]
fn early_closure_keeps_credited_years_and_earns_the_early_rate_for_the_part_year() {
    // Closed on 2027-07-01, 30 months in: years 1 and 2 stay credited (6.50, 18.57: 2,425.07).
    // Part year 3 at the 0.50% demand rate, 6 months: 2,425.07 × 0.5% × 6 ÷ 12 = 6.062675,
    // deposits 25–30: 100 × (6 + 5 + … + 1 = 21) × 0.5% ÷ 12 = 0.875 → 6.937675 → 6.94.
    // No premium for the part year: 3,000 + 6.50 + 18.57 + 6.94 = 3,032.01.
    let r = run(&bonus_plan(), &plan_with("2025-01-01", 36, "100", json!({ "withdrawOn": "2027-07-01" })));
    assert_eq!((s(&r, "closure"), s(&r, "interest"), s(&r, "subsidy"), s(&r, "payout")), ("early".into(), "32.01".into(), "0.00".into(), "3032.01".into()));
    assert_eq!(steps(&r, "credit")[2], ("2425.07 × 0.5% × 6 ÷ 12 + 100 × 21 × 0.5% ÷ 12 → halfUp to 2 places".into(), "6.94".into()));
    assert_eq!(s(&r, "maturityPayout"), "3691.82");
    // Closed on the second anniversary: both years credited, nothing for year 3.
    let r = run(&bonus_plan(), &plan_with("2025-01-01", 36, "100", json!({ "withdrawOn": "2027-01-01" })));
    assert_eq!((s(&r, "interest"), s(&r, "payout")), ("25.07".into(), "2425.07".into()));
}

#[test]
fn a_year_with_an_installment_missed_and_not_made_up_has_no_premium() {
    // Installment 30 missed: year 3's deposits earn 78 − 7 = 71 month-units:
    // 2,425.07 × 1% + 100 × 71 × 1% ÷ 12 = 24.2507 + 5.91666… = 30.16736… → 30.17; no premium.
    // 3,500 + 6.50 + 18.57 + 30.17 = 3,555.24.
    let p = plan_with("2025-01-01", 36, "100", json!({ "events": [{ "n": 30, "missed": true }] }));
    let r = run(&bonus_plan(), &p);
    assert_eq!((s(&r, "interest"), s(&r, "subsidy"), s(&r, "payout")), ("55.24".into(), "0.00".into(), "3555.24".into()));
    assert!(steps(&r, "premium").is_empty());
    // Made up before the year's end (paid with installment 31), the premium stays:
    // deposit 30 then earns from month 31 (6 units): 2,425.07 × 1% + 100 × 77 × 1% ÷ 12 = 30.6673… → 30.67.
    let p = plan_with("2025-01-01", 36, "100", json!({ "events": [{ "n": 30, "paidOn": "2027-07-01" }] }));
    let r = run(&bonus_plan(), &p);
    assert_eq!((s(&r, "interest"), s(&r, "subsidy"), s(&r, "payout")), ("55.74".into(), "36.00".into(), "3691.74".into()));
}

#[test]
fn a_part_last_year_is_credited_at_maturity_without_a_premium() {
    // 30 months: years 1–2 as above (2,425.07), then 6 months credited at maturity:
    // 2,425.07 × 1% × 6 ÷ 12 + 100 × 21 × 1% ÷ 12 = 12.12535 + 1.75 = 13.87535 → 13.88.
    let r = run(&bonus_plan(), &plan("2025-01-01", 30, "100", None));
    assert_eq!((s(&r, "interest"), s(&r, "subsidy"), s(&r, "payout")), ("38.95".into(), "0.00".into(), "3038.95".into()));
}

#[test]
fn the_catalog_staircase_over_15_years() {
    // €100 a month for 15 years at 0.50%: the premiums are 3% … 50% of €1,200 a year:
    // (3 + 3 + 4 + 4 + 5 + 6 + 7 + 9 + 11 + 14 + 17 + 20 + 50)% × 1,200 = 153% × 1,200 = 1,836.00.
    let de = product("de-praemiensparen");
    let r = run(&de, &plan("2025-01-01", 180, "100", None));
    assert_eq!(s(&r, "subsidy"), "1836.00");
    let premiums = steps(&r, "premium");
    assert_eq!(premiums.len(), 13);
    assert_eq!(premiums[0], ("1200 × 3%".into(), "36.00".into()));
    assert_eq!(premiums[12], ("1200 × 50%".into(), "600.00".into()));
    assert_eq!(steps(&r, "credit").len(), 15);
    // The premium credited at the end of year 3 earns interest in year 4. Year 1: 100 × 78 × 0.5% ÷ 12 = 3.25;
    // year 2: 1,203.25 × 0.5% + 3.25 = 9.26625 → 9.27; year 3: 2,412.52 × 0.5% + 3.25 = 15.3126 → 15.31;
    // year 4 opens with 3,600 + 3.25 + 9.27 + 15.31 + 36 = 3,663.83.
    assert!(steps(&r, "credit")[3].0.starts_with("3663.83 × 0.5% + "), "{:?}", steps(&r, "credit")[3]);
}

#[test]
fn bonus_and_annual_credit_are_validated_like_every_field() {
    let p = bonus_plan();
    let b = |v: Value| with(p.clone(), json!({ "bonus": v }));
    assert_eq!(first_problem(&b(json!([{ "year": 3, "percent": "x" }]))), ("INVALID_DECIMAL".into(), "product.bonus[0].percent".into()));
    assert_eq!(first_problem(&b(json!([{ "year": 0, "percent": "3" }]))), ("INVALID_VALUE".into(), "product.bonus[0].year".into()));
    assert_eq!(first_problem(&b(json!([{ "year": 4, "percent": "3" }, { "year": 3, "percent": "3" }]))), ("INVALID_VALUE".into(), "product.bonus[1].year".into()));
    assert_eq!(first_problem(&b(json!([{ "year": 3, "percent": "3", "on": "interest" }]))), ("UNKNOWN_FIELD".into(), "product.bonus[0].on".into()));
    assert_eq!(first_problem(&b(json!([{ "percent": "3" }]))), ("MISSING_FIELD".into(), "product.bonus[0].year".into()));
    // A premium needs yearly credits.
    let monthly = with(p.clone(), json!({ "interest": { "method": "monthlyProduct" } }));
    assert_eq!(first_problem(&monthly), ("INVALID_VALUE".into(), "product.bonus".into()));
    let with_day_count = with(p, json!({ "interest": { "method": "annualCredit", "dayCount": "ACT/365" } }));
    assert_eq!(first_problem(&with_day_count), ("UNKNOWN_FIELD".into(), "product.interest.dayCount".into()));
}

// ---------------------------------------------------------------- the catalog

#[test]
fn the_new_catalog_fields_are_valid_and_used() {
    for id in ["in-bank-rd", "in-post-office-rd", "de-praemiensparen"] {
        assert!(savings_plan::contract::validate_product(&product(id)).is_empty(), "{id}");
    }
    let po = product("in-post-office-rd");
    assert_eq!(po["withholding"]["thresholds"][3]["from"], "2025-04-01");
    // The Post Office pays seniors no more on an RD; they still have the senior threshold.
    let r = run(&po, &plan_with("2025-04-01", 60, "5000", json!({ "category": "senior" })));
    assert_eq!(s(&r, "payout"), s(&run(&po, &plan("2025-04-01", 60, "5000", None)), "payout"));
    let de = product("de-praemiensparen");
    assert_eq!((de["currency"].as_str(), de["interest"]["method"].as_str()), (Some("EUR"), Some("annualCredit")));
    assert!(de["note"]["en"].as_str().unwrap().contains("example"));
}
