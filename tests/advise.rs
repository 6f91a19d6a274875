//! Advice and payouts in bulk (CONTRACT.md §8.3, §8.4), checked against
//! `calculate` called one plan at a time:
//! - `payouts` equals `calculate`'s payout (or its error code) on every
//!   vector and on thousands of generated plans over every catalog product
//!   with its rules varied (breach effects and triggers, early rules,
//!   rounding modes, tax, late fees, closure by the bank, overdue bases);
//! - `advise`'s curve, refused months, worst case and expectations equal
//!   what one `calculate` per withdrawal date gives, weighted by hand;
//! - its ranking follows the comparison's rules (§8.1).
//!
//! The generator is a fixed linear congruential sequence: the same plans
//! every run, no chance involved.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{plan, product, vector_files, with};
use rust_decimal::Decimal;
use savings_plan::contract::{self, Advice, Advised, Advisory, CurvePoint, ToJson};
use serde_json::{json, Value};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A fixed pseudo-random sequence (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next(items.len() as u64) as usize]
    }
}

const CATALOG: [&str; 7] = [
    "cn-lczq-standard", "cn-lczq-daily", "cn-lczq-auto-renew", "cn-lczq-value-protected",
    "in-bank-rd", "in-post-office-rd", "uk-regular-saver",
];

/// A catalog product with some of its rules changed.
fn varied_product(g: &mut Lcg) -> Value {
    let id: &str = *g.pick(&CATALOG);
    let mut p = product(id);
    let rules = [
        json!({}),
        json!({ "missed": { "onBreach": "allAtDemand" } }),
        json!({ "missed": { "onBreach": "stopDeposits", "breachAfter": { "total": 2 } } }),
        json!({ "missed": { "onBreach": "actualAtContract", "breachAfter": { "consecutive": 2 } } }),
        json!({ "missed": { "makeUpWithinMonths": 2, "lateFeePer100PerMonth": "1.5", "breachAfter": null } }),
        json!({ "missed": { "closeAfterConsecutive": 2, "breachAfter": null } }),
        json!({ "early": { "allowed": true, "minMonths": 6, "rate": "contractMinus", "penalty": "0.5" } }),
        json!({ "early": { "allowed": true, "minMonths": 0, "rate": "lowerOfHeldAndContractMinus", "penalty": "1",
                           "heldRates": [{ "months": 3, "rate": "0.5" }, { "months": 12, "rate": "1.2" }] } }),
        json!({ "early": { "allowed": false } }),
        json!({ "rounding": { "scale": 2, "mode": "halfEven" } }),
        json!({ "rounding": { "scale": 2, "mode": "down", "payoutScale": 0 } }),
        json!({ "tax": [{ "from": "1999-11-01", "rate": "20" }, { "from": "2026-03-01", "rate": "5" }] }),
        json!({ "overdue": { "rate": "demand", "base": "maturityValue" } }),
    ];
    let change = g.pick(&rules).clone();
    if let Some(early) = change.get("early") {
        // The whole early object replaces the product's (no stale heldRates).
        p["early"] = early.clone();
        return p;
    }
    with(p, change)
}

/// A plan the product may or may not take: a term, an installment within
/// (or just outside) its limits, misses and make-ups, an early, maturity or
/// overdue withdrawal, sometimes a teller's rate or an inflation.
fn random_plan(g: &mut Lcg, p: &Value) -> Value {
    let terms = p["terms"].as_array().unwrap();
    let months = terms[g.next(terms.len() as u64) as usize]["months"].as_u64().unwrap() as u32;
    let (year, month, day) = (2000 + g.next(30), 1 + g.next(12), 1 + g.next(31));
    let start = format!("{year}-{month:02}-{:02}", day.min(28));
    let start_date = savings_plan::parse_date(&start).unwrap();
    let step = dec(p["installment"]["step"].as_str().unwrap());
    let min = dec(p["installment"]["min"].as_str().unwrap());
    let mut installment = min.max(step) + step * Decimal::from(g.next(5000));
    if let Some(max) = p["installment"]["max"].as_str() {
        installment = installment.min(dec(max));
    }
    let mut events = Vec::new();
    let mut seen = Vec::new();
    for _ in 0..g.next(4) {
        let n = 1 + g.next(u64::from(months)) as u32;
        if seen.contains(&n) {
            continue;
        }
        seen.push(n);
        if g.next(3) == 0 {
            let due = savings_plan::add_months(start_date, n - 1).unwrap();
            let late = due + chrono::Duration::days(31 + g.next(20) as i64);
            events.push(json!({ "n": n, "paidOn": savings_plan::format_date(late) }));
        } else {
            events.push(json!({ "n": n, "missed": true }));
        }
    }
    let maturity = savings_plan::add_months(start_date, months).unwrap();
    let days = (maturity - start_date).num_days();
    let withdraw = match g.next(4) {
        0 => json!(savings_plan::format_date(start_date + chrono::Duration::days(1 + g.next(days as u64 - 1) as i64))),
        1 => json!(savings_plan::format_date(maturity + chrono::Duration::days(g.next(800) as i64))),
        _ => Value::Null,
    };
    let rate = if g.next(4) == 0 { json!(format!("{}.{}", g.next(8), g.next(100))) } else { Value::Null };
    let inflation = if g.next(6) == 0 { json!("2.5") } else { Value::Null };
    json!({ "start": start, "months": months, "installment": installment.normalize().to_string(),
            "rate": rate, "events": events, "withdrawOn": withdraw, "inflation": inflation })
}

/// `payouts` as JSON values (what the page receives).
fn batch(product: &Value, plans: &[Value]) -> Vec<Value> {
    let text = contract::payouts(product, &Value::Array(plans.to_vec())).unwrap().to_json();
    serde_json::from_str::<Vec<Value>>(&text).unwrap()
}

/// One batch entry against `calculate` of the same plan: the same payout text, or the same error code.
fn same_as_calculate(product: &Value, plan: &Value, entry: &Value, i: usize) -> Result<(), String> {
    match (contract::calculate(product, plan), entry) {
        (Ok(q), Value::String(got)) => {
            let quote: Value = serde_json::from_str(&q.to_json()).unwrap();
            (quote["payout"] == *got).then_some(()).ok_or(format!("payout {got}, calculate {}", quote["payout"]))
        }
        (Err(e), Value::Object(o)) => {
            let error = &o["error"];
            let path = e.path.replacen("plan", &format!("plans[{i}]"), 1);
            (error["code"] == e.code.as_str() && error["path"] == path.as_str() || !e.path.starts_with("plan"))
                .then_some(())
                .ok_or(format!("error {error}, calculate {} at {}", e.code.as_str(), e.path))
        }
        (Ok(q), other) => Err(format!("batch {other}, calculate pays {}", q.payout)),
        (Err(e), other) => Err(format!("batch {other}, calculate {}", e.code.as_str())),
    }
}

#[test]
fn payouts_equal_calculate_on_every_vector() {
    let mut checked = 0;
    for (file, doc) in vector_files() {
        let products = doc["products"].as_array().unwrap();
        for v in doc["vectors"].as_array().unwrap() {
            let product = products.iter().find(|p| p["id"] == v["product"]).unwrap();
            if contract::payouts(product, &json!([])).is_err() {
                continue; // a vector of a product error: no batch to compare
            }
            let got = batch(product, std::slice::from_ref(&v["plan"]));
            if let Err(why) = same_as_calculate(product, &v["plan"], &got[0], 0) {
                panic!("{file}: {}: {why}", v["id"]);
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} vectors");
}

#[test]
fn payouts_equal_calculate_on_thousands_of_generated_plans_over_every_product_and_rule() {
    let mut g = Lcg(14);
    let (mut paid, mut refused) = (0, 0);
    for _ in 0..150 {
        let p = varied_product(&mut g);
        let plans: Vec<Value> = (0..20).map(|_| random_plan(&mut g, &p)).collect();
        let got = batch(&p, &plans);
        assert_eq!(got.len(), plans.len());
        for (i, (plan, entry)) in plans.iter().zip(&got).enumerate() {
            if let Err(why) = same_as_calculate(&p, plan, entry, i) {
                panic!("{} {plan}: {why}", p["id"]);
            }
            if entry.is_string() { paid += 1 } else { refused += 1 }
        }
    }
    assert!(paid >= 2000, "only {paid} plans priced ({refused} errors)");
}

#[test]
fn payouts_reports_each_plans_error_in_its_position() {
    let standard = product("cn-lczq-standard");
    let plans = json!([plan("2025-01-15", 12, "1000", Some("1.35")), plan("2025-01-15", 13, "1000", None), "text"]);
    let text = contract::payouts(&standard, &plans).unwrap().to_json();
    let got: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(got[0], "12087.75");
    assert_eq!((got[1]["error"]["code"].as_str(), got[1]["error"]["path"].as_str()), (Some("TERM_NOT_OFFERED"), Some("plans[1].months")));
    assert_eq!((got[2]["error"]["code"].as_str(), got[2]["error"]["path"].as_str()), (Some("INVALID_TYPE"), Some("plans[2]")));
    assert_eq!(contract::payouts(&standard, &json!({})).unwrap_err().path, "plans");
    assert_eq!(contract::payouts(&json!({ "schema": 1 }), &json!([])).unwrap_err().code.as_str(), "MISSING_FIELD");
    // Indian banks round the payout to the rupee: the batch writes it as calculate does.
    let rd = product("in-bank-rd");
    let one = batch(&rd, &[plan("2025-01-15", 12, "1000", None)]);
    assert_eq!(one[0], contract::calculate(&rd, &plan("2025-01-15", 12, "1000", None)).map(|q| serde_json::from_str::<Value>(&q.to_json()).unwrap()["payout"].clone()).unwrap());
}

/// The advisory of one product, by id.
fn entry<'a>(advice: &'a Advice, id: &str) -> &'a Advisory {
    advice
        .entries
        .iter()
        .find_map(|e| match e {
            Advised::Result(a) if a.product_id == id => Some(a.as_ref()),
            _ => None,
        })
        .unwrap()
}

/// What one `calculate` per withdrawal month says, weighted by hand, against an advisory.
fn check_against_calculate(product: &Value, plan: &Value, behaviour: &Value, a: &Advisory) {
    let held = contract::calculate(product, plan).unwrap();
    let held_scale = held.scale;
    let months = plan["months"].as_u64().unwrap() as u32;
    let start = savings_plan::parse_date(plan["start"].as_str().unwrap()).unwrap();
    let p = dec(behaviour["earlyChance"].as_str().unwrap());
    let from = behaviour.get("earlyFrom").and_then(Value::as_u64).unwrap_or(1) as u32;
    let to = behaviour.get("earlyTo").and_then(Value::as_u64).map_or(months - 1, |t| t as u32);
    let (mut sum, mut sum_interest, mut refused) = (Decimal::ZERO, Decimal::ZERO, Vec::new());
    let mut outcomes = Vec::new();
    for m in 1..months {
        let mut at = plan.clone();
        at["withdrawOn"] = json!(savings_plan::format_date(savings_plan::add_months(start, m).unwrap()));
        let one = contract::calculate(product, &at);
        match &one {
            Ok(q) => assert_eq!(a.curve[m as usize - 1], CurvePoint { month: m, payout: Some(q.payout), interest: Some(q.interest) }, "curve at month {m}"),
            Err(e) => {
                assert_eq!(e.code.as_str(), "EARLY_NOT_ALLOWED", "month {m}");
                assert_eq!(a.curve[m as usize - 1], CurvePoint { month: m, payout: None, interest: None }, "a refused month has no payout");
            }
        }
        if (from..=to).contains(&m) {
            let (pay, interest, month) = match &one {
                Ok(q) => (q.payout, q.interest, m),
                Err(_) => {
                    refused.push(m);
                    (held.payout, held.interest, months)
                }
            };
            sum += pay;
            sum_interest += interest;
            outcomes.push((pay, month));
        }
    }
    assert_eq!(a.curve.last(), Some(&CurvePoint { month: months, payout: Some(held.payout), interest: Some(held.interest) }), "the curve ends at the plan as given");
    assert_eq!(a.refused_months, refused);
    assert_eq!((a.payout, a.interest), (held.payout, held.interest));
    // Expectation = (1 − p) × held + p × Σ ÷ n, exactly: the rounded figure E
    // lies within half a unit of the scale of it (checked without dividing).
    let n = Decimal::from(outcomes.len() as u32);
    let unit = Decimal::new(1, held.scale);
    let (below, above) = match product["rounding"]["mode"].as_str() {
        Some("down") => (Decimal::ZERO, unit), // E ≤ x < E + unit
        _ => (unit / Decimal::TWO, unit / Decimal::TWO),
    };
    for (e, held, sum) in [(a.expected_payout, held.payout, sum), (a.expected_interest, held.interest, sum_interest)] {
        let exact_times_n = (Decimal::ONE - p) * n * held + p * sum;
        assert!((e - below) * n <= exact_times_n && exact_times_n <= (e + above) * n, "{e} is not (1 − {p}) × {held} + {p} × {sum} ÷ {n}, rounded");
        assert_eq!(e.round_dp(held_scale), e, "{e} has more places than the product's scale");
    }
    // Worst: over the outcomes that can happen.
    if p < Decimal::ONE {
        outcomes.push((held.payout, months));
    }
    let worst = outcomes.iter().copied().fold(None, |w: Option<(Decimal, u32)>, (x, m)| match w {
        Some((wx, wm)) if wx < x || (wx == x && wm <= m) => Some((wx, wm)),
        _ => Some((x, m)),
    });
    if p > Decimal::ZERO {
        assert_eq!(Some((a.worst_payout, a.worst_month)), worst);
    } else {
        assert_eq!((a.worst_payout, a.worst_month), (held.payout, months));
    }
}

#[test]
fn advise_expectation_equals_the_weighted_calculate_results_on_the_vectors_products() {
    let behaviours = [
        json!({ "earlyChance": "0.3" }),
        json!({ "earlyChance": "1", "earlyFrom": 2, "earlyTo": 7 }),
        json!({ "earlyChance": "0.125", "earlyFrom": 5 }),
        json!({ "earlyChance": "0" }),
    ];
    let mut checked = 0;
    for (_, doc) in vector_files().into_iter().take(1) {
        for product in doc["products"].as_array().unwrap() {
            let Ok(p) = savings_plan::Product::parse(product) else { continue };
            let months = p.terms.iter().map(|t| t.months).max().unwrap();
            if months < 2 {
                continue;
            }
            let plan = plan("2025-03-31", months, &(p.installment.min.max(p.installment.step) * Decimal::from(100)).to_string(), None);
            for b in &behaviours {
                let last = b.get("earlyTo").or(b.get("earlyFrom")).and_then(Value::as_u64).unwrap_or(1);
                if last >= u64::from(months) {
                    continue;
                }
                let advice = contract::advise(&json!([product]), &plan, b).unwrap();
                check_against_calculate(product, &plan, b, entry(&advice, &p.id));
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "only {checked}");
}

#[test]
fn advise_expectation_equals_the_weighted_calculate_results_on_generated_plans() {
    let mut g = Lcg(8_3);
    let mut checked = 0;
    while checked < 60 {
        let p = varied_product(&mut g);
        let mut plan = random_plan(&mut g, &p);
        if g.next(2) == 0 {
            plan["withdrawOn"] = Value::Null;
        }
        let months = plan["months"].as_u64().unwrap();
        let from = 1 + g.next(months - 1);
        let to = from + g.next(months - from);
        let chance = *g.pick(&["0", "0.05", "0.3", "0.5", "0.99", "1"]);
        let b = json!({ "earlyChance": chance, "earlyFrom": from, "earlyTo": to });
        let Ok(advice) = contract::advise(&json!([p]), &plan, &b) else { continue };
        let Advised::Result(a) = &advice.entries[0] else { continue };
        check_against_calculate(&p, &plan, &b, a);
        checked += 1;
    }
}

#[test]
fn refused_months_count_as_held_to_maturity() {
    // The Post Office RD allows an early close only after 36 months.
    let po = product("in-post-office-rd");
    let plan = plan("2025-01-10", 60, "1000", None);
    let b = json!({ "earlyChance": "0.5", "earlyFrom": 30, "earlyTo": 40 });
    let advice = contract::advise(&json!([po]), &plan, &b).unwrap();
    let a = entry(&advice, "in-post-office-rd");
    assert_eq!(a.refused_months, (30..36).collect::<Vec<u32>>());
    assert!(a.curve[..35].iter().all(|p| p.payout.is_none()));
    assert!(a.curve[35..].iter().all(|p| p.payout.is_some()));
    check_against_calculate(&po, &plan, &b, a);
    // Every month refused: the expectation is the plan as given.
    let never = with(product("cn-lczq-standard"), json!({ "early": { "allowed": false } }));
    let advice = contract::advise(&json!([never]), &plan, &json!({ "earlyChance": "0.9" })).unwrap();
    let Advised::Result(a) = &advice.entries[0] else { panic!() };
    assert_eq!(a.refused_months.len(), 59);
    assert_eq!(a.expected_payout, a.payout);
    assert_eq!((a.worst_payout, a.worst_month), (a.payout, 60));
}

#[test]
fn a_mild_early_rule_ranks_first_when_the_money_is_likely_needed_early() {
    // Pays more at maturity, but only the demand rate on an early close…
    let strict = with(product("cn-lczq-standard"), json!({ "id": "strict", "terms": [{ "months": 36, "rate": "2.00" }] }));
    // …against a lower rate that keeps most of it on an early close.
    let mild = with(product("cn-lczq-standard"), json!({ "id": "mild", "terms": [{ "months": 36, "rate": "1.80" }],
        "early": { "allowed": true, "minMonths": 0, "rate": "contractMinus", "penalty": "0.30" } }));
    let plan = plan("2025-06-10", 36, "1000", None);
    let products = json!([strict, mild]);
    let calm = contract::advise(&products, &plan, &json!({ "earlyChance": "0" })).unwrap();
    assert_eq!((entry(&calm, "strict").rank, entry(&calm, "mild").rank), (Some(1), Some(2)));
    let likely = contract::advise(&products, &plan, &json!({ "earlyChance": "0.7", "earlyFrom": 6 })).unwrap();
    assert_eq!((entry(&likely, "mild").rank, entry(&likely, "strict").rank), (Some(1), Some(2)));
    assert!(entry(&likely, "mild").best && !entry(&likely, "strict").best);
    assert!(entry(&likely, "strict").payout > entry(&likely, "mild").payout, "strict still pays more at maturity");
    let d = entry(&likely, "strict").difference_to_best.unwrap();
    assert_eq!(d, entry(&likely, "strict").expected_payout - entry(&likely, "mild").expected_payout);
}

#[test]
fn ranking_follows_the_comparison_rules() {
    let standard = product("cn-lczq-standard");
    let teller = json!({ "start": "2025-06-10", "months": 12, "installment": "300", "rate": "3.00" });
    let variant = with(standard.clone(), json!({ "id": "standard-daily", "variantOf": "cn-lczq-standard" }));
    let other_bank = with(standard.clone(), json!({ "id": "other-bank" }));
    let gbp = product("uk-regular-saver");
    let protected = product("cn-lczq-value-protected");
    let b = json!({ "earlyChance": "0.2" });
    let advice = contract::advise(&json!([standard, variant, other_bank, gbp, protected, { "schema": 1 }]), &teller, &b).unwrap();

    assert_eq!(advice.quoted.as_deref(), Some("cn-lczq-standard"));
    assert_eq!(advice.currency.as_deref(), Some("CNY"));
    // The teller's rate prices the quoted product and its variant only.
    let (q, v, o) = (entry(&advice, "cn-lczq-standard"), entry(&advice, "standard-daily"), entry(&advice, "other-bank"));
    assert_eq!(q.expected_payout, v.expected_payout);
    assert!(o.expected_payout < q.expected_payout);
    assert_eq!((q.rank, v.rank, q.best, v.best), (Some(1), Some(1), true, true), "ties share the rank");
    assert_eq!(o.rank, Some(3));
    // Another currency: shown, never ranked, no difference.
    let uk = entry(&advice, "uk-regular-saver");
    assert_eq!((uk.comparable, uk.rank, uk.best, uk.difference_to_best), (false, None, false, None));
    // An assumption nobody chose (the product's own inflation figure): comparable, not ranked.
    let vp = entry(&advice, "cn-lczq-value-protected");
    assert!(vp.comparable && vp.rank.is_none() && !vp.best);
    assert!(vp.assumptions.iter().any(|a| a.source == savings_plan::Source::Product));
    assert!(vp.difference_to_best.is_some());
    // A product that cannot be read is an error entry in its position.
    assert!(matches!(&advice.entries[5], Advised::Error { error, .. } if error.code.as_str() == "MISSING_FIELD"));
    // With the saver's own inflation, the assumption is chosen: ranked.
    let chosen = json!({ "start": "2025-06-10", "months": 12, "installment": "1000", "inflation": "2.0" });
    let advice = contract::advise(&json!([product("cn-lczq-standard"), product("cn-lczq-value-protected")]), &chosen, &b).unwrap();
    assert!(entry(&advice, "cn-lczq-value-protected").rank.is_some());
}

#[test]
fn behaviour_is_checked_with_paths() {
    let catalog = json!([product("cn-lczq-standard")]);
    let plan = plan("2025-06-10", 12, "1000", None);
    let err = |b: Value| {
        let e = contract::advise(&catalog, &plan, &b).unwrap_err();
        (e.code.as_str().to_string(), e.path)
    };
    assert_eq!(err(json!({ "earlyChance": "1.5" })), ("INVALID_VALUE".into(), "behaviour.earlyChance".into()));
    assert_eq!(err(json!({ "earlyChance": 0.5 })), ("INVALID_DECIMAL".into(), "behaviour.earlyChance".into()));
    assert_eq!(err(json!({})), ("MISSING_FIELD".into(), "behaviour.earlyChance".into()));
    assert_eq!(err(json!({ "earlyChance": "0.5", "earlyFrom": 0 })), ("INVALID_VALUE".into(), "behaviour.earlyFrom".into()));
    assert_eq!(err(json!({ "earlyChance": "0.5", "earlyFrom": 5, "earlyTo": 4 })), ("INVALID_VALUE".into(), "behaviour.earlyTo".into()));
    assert_eq!(err(json!({ "earlyChance": "0.5", "earlyTo": 12 })), ("INVALID_VALUE".into(), "behaviour.earlyTo".into()));
    assert_eq!(err(json!({ "earlyChance": "0.5", "earlyFrom": 12 })), ("INVALID_VALUE".into(), "behaviour.earlyFrom".into()));
    assert_eq!(err(json!({ "earlyChance": "0.5", "when": 3 })), ("UNKNOWN_FIELD".into(), "behaviour.when".into()));
    assert_eq!(err(json!("0.5")), ("INVALID_TYPE".into(), "behaviour".into()));
    assert_eq!(contract::advise(&json!({}), &plan, &json!({ "earlyChance": "0" })).unwrap_err().path, "products");
}

#[test]
fn advice_json_is_the_contracts_shape() {
    let plan = plan("2025-06-10", 12, "1000", Some("1.35"));
    let advice = contract::advise(&json!([product("cn-lczq-standard")]), &plan, &json!({ "earlyChance": "0.25" })).unwrap();
    let v: Value = serde_json::from_str(&advice.to_json()).unwrap();
    assert_eq!(v["behaviour"], json!({ "earlyChance": "0.25", "earlyFrom": 1, "earlyTo": null }));
    let e = &v["entries"][0];
    assert_eq!(e["payout"], "12087.75");
    assert_eq!(e["curve"].as_array().unwrap().len(), 12);
    assert_eq!(e["curve"][11], json!({ "month": 12, "payout": "12087.75", "interest": "87.75" }));
    assert!(e["expectedPayout"].as_str().unwrap().ends_with(|c: char| c.is_ascii_digit()));
    assert_eq!(e["rank"], 1);
    assert_eq!(e["refusedMonths"], json!([]));
    for key in ["productId", "currency", "comparable", "best", "differenceToBest", "worstPayout", "worstMonth", "expectedInterest", "interest", "assumptions"] {
        assert!(e.get(key).is_some(), "{key}");
    }
}
