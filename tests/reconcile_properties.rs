//! Reconcile, for many plans and statements (proptest with a fixed seed, so
//! every run checks the same cases: `cargo test` and `cargo test --release`
//! alike, never flaky).
//!
//! 1. Round trip: a plan with events (misses, payments days after the due
//!    date, make-ups as their own events or carried by a multiple) that
//!    `calculate` accepts, turned into a statement of its deposits (rows of
//!    one date sometimes merged into one multiple, rows shuffled, the
//!    installment sometimes left for the first deposit to give), reconciles
//!    with no problem to the same plan: the same status for every
//!    installment and the same payment dates (which of two misses a make-up
//!    is labelled with, or which of two rows of one month pays the month
//!    itself, is not in a statement and changes no figure), and the same
//!    payout, interest, fees, tax, closure and breach. The plans are the
//!    ones a statement can express: a make-up happens in a month whose own
//!    installment is paid too, and goes to the oldest open miss (a single
//!    deposit in June after a skipped May is June's: tests/reconcile.rs).
//! 2. Every other plan `calculate` accepts (make-ups in a month whose own
//!    installment was skipped): reconciling never fails, and reconciling
//!    the statement of the reconciled plan gives that plan back (a fixed point).
//! 3. Robustness: thousands of random statements (dates inside and outside
//!    the term, random and malformed amounts, duplicated and unsorted rows,
//!    random fields) end in a reconciliation that keeps its invariants or a
//!    typed error with a code and a path; never a panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{product, with};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use rust_decimal::Decimal;
use chrono::NaiveDate;
use savings_plan::{add_months, format_date, parse_date};
use serde_json::{json, Value};
use std::cell::Cell;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn runner(cases: u32, seed: u8) -> TestRunner {
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]))
}

/// The catalog and two variants with other make-up and breach rules.
fn products() -> &'static [Value] {
    static ALL: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    ALL.get_or_init(products_uncached)
}

fn products_uncached() -> Vec<Value> {
    let mut all = savings_plan::contract::catalog();
    all.push(with(product("cn-lczq-standard"), json!({ "id": "two-months-stop",
        "missed": { "makeUpWithinMonths": 2, "breachAfter": { "total": 2 }, "onBreach": "stopDeposits", "lateFeePer100PerMonth": "0.5" } })));
    all.push(with(product("cn-lczq-daily"), json!({ "id": "until-maturity",
        "missed": { "makeUpWithinMonths": null, "breachAfter": { "consecutive": 2 }, "onBreach": "allAtDemand" } })));
    all
}

/// The plan's calendar, as CONTRACT §6 Dates says: due dates from the
/// opening date (clamped to month ends), maturity last.
struct Dues(Vec<NaiveDate>);

impl Dues {
    fn new(start: NaiveDate, months: u32) -> Dues {
        Dues((0..=months).map(|k| add_months(start, k).unwrap()).collect())
    }
    fn due(&self, k: u32) -> NaiveDate {
        self.0[k as usize - 1]
    }
    /// The end of installment k's month (the next due date), never past maturity.
    fn month_end(&self, k: u32) -> NaiveDate {
        self.0[(k as usize).min(self.0.len() - 1)]
    }
    fn maturity(&self) -> NaiveDate {
        self.0[self.0.len() - 1]
    }
    /// The installment whose month holds `date`.
    fn period_of(&self, date: NaiveDate) -> u32 {
        self.0.partition_point(|d| *d <= date) as u32
    }
}

/// A product field read from its JSON (the catalog spells every field out).
fn dec_at(p: &Value, path: &[&str]) -> Option<Decimal> {
    path.iter().try_fold(p, |v, k| v.get(*k)).and_then(|v| v.as_str()).map(dec)
}

/// A tiny deterministic generator for choices made after proptest's draw.
#[derive(Debug)]
struct Dice(u64);

impl Dice {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// A plan drawn from raw numbers; `canonical` when every make-up happens in
/// a month whose own installment is paid.
#[derive(Debug)]
struct Drawn {
    product: Value,
    plan: Value,
    canonical: bool,
    dice: Dice,
}

#[allow(clippy::type_complexity)]
fn drawn() -> impl Strategy<Value = Drawn> {
    (
        (0usize..9, 2000i32..2035, 1u32..=12, 1u32..=31, 0usize..4, 1u32..400),
        (0u32..5, prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 60), 0u8..6, 0u32..2000, any::<u64>()),
    )
        .prop_map(|((which, year, month, day, term, units), (miss_level, moves, close_kind, close_days, seed))| {
            let mut dice = Dice(seed);
            let product = products()[which].clone();
            let terms = product["terms"].as_array().unwrap();
            let months = terms[term % terms.len()]["months"].as_u64().unwrap() as u32;
            let start = (1..=day).rev().find_map(|d| parse_date(&format!("{year}-{month:02}-{d:02}"))).unwrap();
            let schedule = Dues::new(start, months);
            let step = dec_at(&product, &["installment", "step"]).unwrap();
            let mut installment = dec_at(&product, &["installment", "min"]).unwrap().max(step) + step * Decimal::from(units);
            if let Some(max) = dec_at(&product, &["installment", "max"]) {
                installment = installment.min(max);
            }
            let within = product["missed"]["makeUpWithinMonths"].as_u64().map(|m| m as u32);
            let window_end = |k: u32| match within {
                None => schedule.maturity(),
                Some(m) => schedule.month_end(k.saturating_add(m)),
            };
            let miss_percent = [0u8, 6, 15, 30, 55][miss_level as usize];
            let days = |a: chrono::NaiveDate, b: chrono::NaiveDate| (b - a).num_days().max(1) as u64;

            // Per installment: None = on its due date, Some(None) = missed, Some(Some(d)) = paid on d.
            let mut paid: Vec<Option<Option<chrono::NaiveDate>>> = vec![None; months as usize];
            let mut carried: Vec<(u32, chrono::NaiveDate, u32)> = Vec::new(); // (carrier, date, extra)
            let mut open: Vec<u32> = Vec::new();
            let mut canonical = true;
            for k in 1..=months {
                let (a, b, c) = moves[(k as usize - 1) % moves.len()];
                let due = schedule.due(k);
                let in_month = |x: u64| due + chrono::Duration::days((x % days(due, schedule.month_end(k))) as i64);
                let skip_own = (a % 100) < miss_percent;
                // Rarely, a make-up in a month whose own installment is skipped: not expressible.
                let makeup_only = skip_own && c % 17 == 0 && !open.is_empty();
                if skip_own && !makeup_only {
                    paid[k as usize - 1] = Some(None);
                    open.push(k);
                    continue;
                }
                let own = if b % 3 == 0 { in_month(u64::from(b)) } else { due };
                let wanted = match c {
                    0..=149 => 0,
                    150..=219 => 1,
                    220..=244 => 2,
                    _ => 3,
                };
                let wanted = if makeup_only { wanted.max(1) } else { wanted };
                let when = if c % 2 == 0 { own } else { in_month(u64::from(c) * 7) };
                let eligible: Vec<u32> = open.iter().copied().filter(|&i| window_end(i) > when).take(wanted).collect();
                open.retain(|i| !eligible.contains(i));
                if makeup_only {
                    canonical = false;
                    paid[k as usize - 1] = Some(None);
                    open.push(k);
                    for &i in &eligible {
                        paid[i as usize - 1] = Some(Some(when));
                    }
                    continue;
                }
                paid[k as usize - 1] = if own == due { None } else { Some(Some(own)) };
                if !eligible.is_empty() && when == own && a % 2 == 0 {
                    // Carried by this month's amount: the misses stay marked missed.
                    carried.push((k, own, eligible.len() as u32));
                } else {
                    for &i in &eligible {
                        paid[i as usize - 1] = Some(Some(when));
                    }
                }
            }
            let mut events = Vec::new();
            for k in 1..=months {
                let carrier = carried.iter().find(|(n, _, _)| *n == k);
                match (paid[k as usize - 1], carrier) {
                    (_, Some((_, date, extra))) => events.push(json!({ "n": k, "paidOn": format_date(*date),
                        "amount": (installment * Decimal::from(extra + 1)).normalize().to_string() })),
                    (Some(None), _) => events.push(json!({ "n": k, "missed": true })),
                    (Some(Some(d)), _) => events.push(json!({ "n": k, "paidOn": format_date(d) })),
                    (None, _) => {}
                }
            }
            // Events in a random order: the plan does not care.
            for i in (1..events.len()).rev() {
                events.swap(i, dice.next(i as u64 + 1) as usize);
            }
            let maturity = schedule.maturity();
            let withdraw = match close_kind {
                4 => Value::String(format_date(start + chrono::Duration::days(1 + i64::from(close_days) % (maturity - start).num_days().max(2)))),
                5 => Value::String(format_date(maturity + chrono::Duration::days(i64::from(close_days % 400)))),
                _ => Value::Null,
            };
            let plan = json!({ "start": format_date(start), "months": months, "installment": installment.normalize().to_string(),
                "rate": null, "events": events, "withdrawOn": withdraw, "inflation": null });
            Drawn { product, plan, canonical, dice }
        })
}

/// A priced plan's deposits as statement rows: rows of one date sometimes
/// merged into one multiple, then shuffled.
fn statement_of(result: &Value, installment: Decimal, plan: &Value, dice: &mut Dice) -> Value {
    let mut dates: Vec<String> = result["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| matches!(r["status"].as_str(), Some("paid" | "late")))
        .map(|r| r["paidOn"].as_str().unwrap().to_string())
        .collect();
    dates.sort();
    let mut rows: Vec<(String, u32)> = Vec::new();
    for d in dates {
        match rows.last_mut() {
            Some((last, n)) if *last == d && dice.next(2) == 0 => *n += 1,
            _ => rows.push((d, 1)),
        }
    }
    let first_is_one = rows.first().is_none_or(|(_, n)| *n == 1);
    for i in (1..rows.len()).rev() {
        rows.swap(i, dice.next(i as u64 + 1) as usize);
    }
    let deposits: Vec<Value> = rows
        .iter()
        .map(|(d, n)| json!({ "date": d, "amount": (installment * Decimal::from(*n)).normalize().to_string() }))
        .collect();
    let installment = if first_is_one && !deposits.is_empty() && dice.next(3) == 0 {
        Value::Null
    } else {
        json!(installment.normalize().to_string())
    };
    json!({ "start": plan["start"], "months": plan["months"], "installment": installment, "deposits": deposits,
            "withdrawOn": plan["withdrawOn"], "rate": plan["rate"], "bankPayout": null })
}

/// Each installment's status (a refused deposit never reached the statement:
/// it counts as missed) and the sorted payment dates.
fn normalised(result: &Value) -> (Vec<(u64, String, String)>, Vec<String>) {
    let rows = result["schedule"].as_array().unwrap();
    let statuses = rows
        .iter()
        .map(|r| {
            let s = r["status"].as_str().unwrap();
            (r["n"].as_u64().unwrap(), r["due"].as_str().unwrap().to_string(), if s == "refused" { "missed" } else { s }.to_string())
        })
        .collect();
    let mut dates: Vec<String> = rows.iter().filter_map(|r| r["paidOn"].as_str().map(String::from)).collect();
    dates.sort();
    (statuses, dates)
}

const FIGURES: &[&str] = &["principal", "interest", "subsidy", "fees", "tax", "payout", "closure", "closeDate", "breach"];

#[test]
fn a_plans_statement_reconciles_to_the_same_plan_and_payout() {
    let (canonical, other, refused) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let (with_events, merged) = (Cell::new(0u32), Cell::new(0u32));
    runner(2000, 13)
        .run(&drawn(), |mut d| {
            let quote = common::run(&d.product, &d.plan);
            if let Some(code) = quote["error"]["code"].as_str() {
                // Only the Post Office's three-year lock refuses a drawn plan.
                prop_assert_eq!(code, "EARLY_NOT_ALLOWED", "{}", d.plan);
                refused.set(refused.get() + 1);
                return Ok(());
            }
            if !d.plan["events"].as_array().unwrap().is_empty() {
                with_events.set(with_events.get() + 1);
            }
            let installment = dec(d.plan["installment"].as_str().unwrap());
            let mut statement = statement_of(&quote, installment, &d.plan, &mut d.dice);
            if statement["deposits"].as_array().unwrap().iter().any(|r| dec(r["amount"].as_str().unwrap()) > installment) {
                merged.set(merged.get() + 1);
            }
            let bank = d.dice.next(4) == 0;
            if bank {
                statement["bankPayout"] = quote["payout"].clone();
            }
            let r = savings_plan::contract::reconcile(&d.product, &statement);
            prop_assert!(r.is_ok(), "{:?} for {}", r.as_ref().err(), statement);
            let r: Value = serde_json::from_str(&r.unwrap().to_json()).unwrap();
            // The plan it gives prices to the result it shows.
            prop_assert_eq!(&common::run(&d.product, &r["plan"]), &r["result"]);
            // A make-up in a month whose own installment is not paid (it was skipped, or
            // cut by an early close) is not what a statement says.
            let schedule = Dues::new(parse_date(d.plan["start"].as_str().unwrap()).unwrap(), d.plan["months"].as_u64().unwrap() as u32);
            let rows = quote["schedule"].as_array().unwrap();
            let expressible = rows.iter().filter(|r| r["status"] == "late").all(|r| {
                let m = schedule.period_of(parse_date(r["paidOn"].as_str().unwrap()).unwrap()) as usize;
                rows.get(m - 1).is_some_and(|own| own["status"] == "paid")
            });
            if d.canonical && expressible {
                canonical.set(canonical.get() + 1);
                prop_assert_eq!(&r["problems"], &json!([]), "{}", statement);
                prop_assert_eq!(normalised(&r["result"]), normalised(&quote), "plan {} statement {}", d.plan, statement);
                for f in FIGURES {
                    prop_assert_eq!(&r["result"][f], &quote[f], "{} for plan {}", f, d.plan);
                }
                if bank {
                    prop_assert_eq!(&r["bank"]["explain"][0]["key"], "agrees");
                    prop_assert_eq!(dec(r["bank"]["difference"].as_str().unwrap()), Decimal::ZERO);
                }
            } else {
                other.set(other.get() + 1);
                // A fixed point: the reconciled plan's own statement gives it back.
                let again = statement_of(&r["result"], dec(r["plan"]["installment"].as_str().unwrap()), &r["plan"], &mut d.dice);
                let twice: Value = serde_json::from_str(&savings_plan::contract::reconcile(&d.product, &again).unwrap().to_json()).unwrap();
                prop_assert_eq!(normalised(&twice["result"]), normalised(&r["result"]));
                prop_assert_eq!(&twice["result"]["payout"], &r["result"]["payout"]);
                prop_assert_eq!(&twice["problems"], &json!([]));
            }
            Ok(())
        })
        .unwrap();
    println!(
        "round trip: {} canonical plans, {} other plans, {} refused by the product; {} with events, {} statements with a multiple",
        canonical.get(), other.get(), refused.get(), with_events.get(), merged.get()
    );
    assert!(canonical.get() >= 1200 && other.get() >= 50 && with_events.get() >= 1500 && merged.get() >= 300);
}

// Robustness

const CODES: &[&str] = &[
    "INVALID_DECIMAL", "MISSING_FIELD", "UNKNOWN_FIELD", "INVALID_VALUE", "INVALID_TYPE", "TERM_NOT_OFFERED",
    "BELOW_MINIMUM", "ABOVE_MAXIMUM", "NOT_A_STEP_MULTIPLE", "DATE_OUT_OF_RANGE", "EARLY_NOT_ALLOWED", "OVERFLOW",
];
const PROBLEMS: &[&str] = &["DEPOSIT_BEFORE_START", "DEPOSIT_AFTER_CLOSE", "DEPOSIT_NOT_A_MULTIPLE", "DEPOSIT_NOT_MATCHED"];
const ODD: &[&str] = &[
    "", "0", "-0", "-1000", "1e3", "+5", ".5", "1,000", "¥1000", "NaN", "99999999999999999999999999999",
    "9999999999999999999999999999", "0.0000000000000000000000000001", "2025-02-30", "2025/01/15", "零",
];

fn odd() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(vec![0i64, 12, -5, 600, i64::MAX]).prop_map(|n| json!(n)),
        Just(json!(0.5)),
        prop::sample::select(ODD.to_vec()).prop_map(|s| json!(s)),
        Just(json!([])),
        Just(json!({})),
    ]
}

/// A statement near a product's terms: dates from two months before the
/// start to two months after maturity, amounts that are multiples or not,
/// duplicated and unsorted rows, and now and then a malformed field.
#[allow(clippy::type_complexity)]
fn random_statement() -> impl Strategy<Value = (Value, Value)> {
    (
        (0usize..9, 1990i32..2040, 1u32..=12, 1u32..=31, 0usize..4, 0u8..8),
        prop::collection::vec((-70i64..1900, 0u8..12, 0u32..5000), 0..40),
        (0u8..10, 0u8..8, 0u8..8, any::<u64>()),
        prop::option::weighted(0.06, (0u8..9, odd())),
    )
        .prop_map(|((which, year, month, day, term, installment_kind), raw, (dup, close_kind, bank_kind, seed), broken)| {
            let mut dice = Dice(seed);
            let product = products()[which].clone();
            let terms = product["terms"].as_array().unwrap();
            let months = terms[term % terms.len()]["months"].as_u64().unwrap() as u32;
            let start = (1..=day).rev().find_map(|d| parse_date(&format!("{year}-{month:02}-{d:02}"))).unwrap();
            let maturity = add_months(start, months).unwrap();
            let span = (maturity - start).num_days();
            let installment = ["1000", "100", "250.50", "5", "300"][installment_kind as usize % 5];
            let mut deposits: Vec<Value> = raw
                .iter()
                .map(|&(offset, kind, n)| {
                    let day = start + chrono::Duration::days(offset * (span + 120) / 1900 - 60);
                    let base = dec(installment);
                    let amount = match kind {
                        0..=5 => base.normalize().to_string(),
                        6 | 7 => (base * Decimal::from(n % 4 + 2)).normalize().to_string(),
                        8 => (base + Decimal::new(i64::from(n), 2)).normalize().to_string(),
                        9 => Decimal::new(i64::from(n) + 1, 1).normalize().to_string(),
                        10 => "99999999999999999999999999".to_string(),
                        _ => (base * Decimal::from(n)).normalize().to_string(),
                    };
                    json!({ "date": format_date(day), "amount": amount })
                })
                .collect();
            for _ in 0..dup {
                if deposits.is_empty() {
                    break;
                }
                let i = dice.next(deposits.len() as u64) as usize;
                deposits.push(deposits[i].clone());
            }
            for i in (1..deposits.len()).rev() {
                deposits.swap(i, dice.next(i as u64 + 1) as usize);
            }
            let withdraw = match close_kind {
                0 => Value::Null,
                1 => json!(format_date(start + chrono::Duration::days(1 + (seed % span.max(1) as u64) as i64))),
                2 => json!(format_date(maturity + chrono::Duration::days((seed % 900) as i64))),
                3 => json!(format_date(start)),
                _ => Value::Null,
            };
            // A bank figure now and then: each one prices a few dozen hypotheses.
            let bank = match bank_kind {
                0 if seed % 4 == 0 => json!("12042.25"),
                1 if seed % 4 == 0 => json!(format!("{}.{:02}", dice.next(200_000), dice.next(100))),
                _ => Value::Null,
            };
            let mut statement = json!({ "start": format_date(start), "months": months,
                "installment": if installment_kind >= 5 { Value::Null } else { json!(installment) },
                "deposits": deposits, "withdrawOn": withdraw, "rate": null, "bankPayout": bank });
            if let Some((field, value)) = broken {
                let key = ["start", "months", "installment", "deposits", "withdrawOn", "rate", "bankPayout", "extra", "row"][field as usize];
                match key {
                    "row" => {
                        let rows = statement["deposits"].as_array_mut().unwrap();
                        if !rows.is_empty() {
                            let i = dice.next(rows.len() as u64) as usize;
                            rows[i][["date", "amount", "description", "other"][dice.next(4) as usize]] = value;
                        }
                    }
                    k => statement[k] = value,
                }
            }
            (product, statement)
        })
}

fn check(product: &Value, statement: &Value) -> Result<bool, TestCaseError> {
    let r: Value = match savings_plan::contract::reconcile(product, statement) {
        Err(e) => {
            prop_assert!(CODES.contains(&e.code.as_str()), "{:?}", e);
            prop_assert!(e.path.starts_with("statement") || e.path.starts_with("product"), "{:?}", e);
            prop_assert!(!e.message.is_empty());
            return Ok(false);
        }
        Ok(r) => serde_json::from_str(&r.to_json()).unwrap(),
    };
    let rows = statement["deposits"].as_array().unwrap();
    let deposits = r["deposits"].as_array().unwrap();
    let problems = r["problems"].as_array().unwrap();
    prop_assert_eq!(deposits.len(), rows.len());
    let months = r["plan"]["months"].as_u64().unwrap();
    let mut taken: Vec<u64> = Vec::new();
    for (i, d) in deposits.iter().enumerate() {
        prop_assert_eq!(d["index"].as_u64(), Some(i as u64));
        let prefix = format!("statement.deposits[{i}]");
        let own = problems.iter().filter(|p| {
            let path = p["path"].as_str().unwrap();
            path == prefix || path.starts_with(&format!("{prefix}."))
        });
        let ignored = d["status"] == "ignored";
        prop_assert_eq!(own.count(), usize::from(ignored), "{}", d);
        let installments = d["installments"].as_array().unwrap();
        prop_assert_eq!(installments.is_empty(), ignored);
        for n in installments {
            let n = n.as_u64().unwrap();
            prop_assert!(n >= 1 && n <= months && !taken.contains(&n));
            taken.push(n);
        }
    }
    for p in problems {
        prop_assert!(PROBLEMS.contains(&p["code"].as_str().unwrap()));
    }
    // The plan it gives prices to the result it shows.
    prop_assert_eq!(&common::run(product, &r["plan"]), &r["result"]);
    if let Some(given) = statement["bankPayout"].as_str() {
        let b = &r["bank"];
        let payout = dec(r["result"]["payout"].as_str().unwrap());
        prop_assert_eq!(dec(b["difference"].as_str().unwrap()), dec(given) - payout);
        let causes = b["explain"].as_array().unwrap();
        prop_assert!(!causes.is_empty());
        for c in causes {
            if let Some(p) = c["payout"].as_str() {
                prop_assert_eq!(dec(p), dec(given));
            }
        }
    } else {
        prop_assert_eq!(&r["bank"], &Value::Null);
    }
    Ok(true)
}

#[test]
fn thousands_of_random_statements_never_panic() {
    let (results, errors) = (Cell::new(0u32), Cell::new(0u32));
    runner(3000, 29)
        .run(&random_statement(), |(product, statement)| {
            if check(&product, &statement)? {
                results.set(results.get() + 1);
            } else {
                errors.set(errors.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    println!("random statements: {} reconciled, {} typed errors", results.get(), errors.get());
    assert!(results.get() >= 2000 && errors.get() >= 100);
}

fn any_json() -> impl Strategy<Value = Value> {
    odd().prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(vec!["start", "months", "installment", "deposits", "date", "amount", "x"]), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

#[test]
fn random_json_statements_are_typed_errors() {
    let p = product("cn-lczq-standard");
    runner(2000, 31)
        .run(&any_json(), |statement| {
            if let Err(e) = savings_plan::contract::reconcile(&p, &statement) {
                prop_assert!(CODES.contains(&e.code.as_str()) && e.path.starts_with("statement"), "{:?}", e);
            }
            let _ = savings_plan::contract::reconcile(&statement, &statement);
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_longest_statement_is_read_and_one_more_row_is_an_error() {
    let rows = |n: usize| -> Value {
        Value::Array((0..n).map(|i| json!({ "date": format_date(parse_date("2025-01-15").unwrap() + chrono::Duration::days((i % 1800) as i64)), "amount": "100" })).collect())
    };
    let p = product("cn-lczq-standard");
    let s = json!({ "start": "2025-01-15", "months": 60, "installment": "100", "deposits": rows(6000), "bankPayout": "1" });
    let r = savings_plan::contract::reconcile(&p, &s).unwrap();
    assert_eq!(r.deposits.len(), 6000);
    assert_eq!(r.problems.len(), 6000 - 60);
    let s = json!({ "start": "2025-01-15", "months": 60, "installment": "100", "deposits": rows(6001) });
    assert_eq!(savings_plan::contract::reconcile(&p, &s).unwrap_err().path, "statement.deposits");
}
