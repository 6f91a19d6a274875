//! Properties that must hold for every plan (proptest).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

mod common;
use common::{product, with};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A catalog product and a plan that fits it: a start date, one of its
/// terms, an installment in its limits, some missed or late installments,
/// maybe an early or overdue withdrawal.
fn scenario() -> impl Strategy<Value = (Value, Value)> {
    let ids = prop::sample::select(vec![
        "cn-lczq-standard", "cn-lczq-daily", "cn-lczq-auto-renew", "cn-lczq-value-protected",
        "in-bank-rd", "in-post-office-rd", "uk-regular-saver",
    ]);
    (ids, 2000i32..2030, 1u32..=12, 1u32..=31, 1u32..=300, prop::collection::vec((0usize..60, 0u8..3, 0u32..40), 0..4), 0u8..4, 0u32..1000)
        .prop_map(|(id, year, month, day, units, raw_events, close_kind, close_days)| {
            let p = product(id);
            let terms = p["terms"].as_array().unwrap();
            let months = terms[(units as usize) % terms.len()]["months"].as_u64().unwrap() as u32;
            let day = day.min(28);
            let start = format!("{year}-{month:02}-{day:02}");
            let step = dec(p["installment"]["step"].as_str().unwrap());
            let min = dec(p["installment"]["min"].as_str().unwrap());
            let mut installment = min.max(step) + step * Decimal::from(units);
            if let Some(max) = p["installment"]["max"].as_str() {
                installment = installment.min(dec(max));
            }
            let mut events = Vec::new();
            let mut seen = Vec::new();
            for (i, kind, _) in raw_events {
                let n = (i as u32 % months) + 1;
                if seen.contains(&n) {
                    continue;
                }
                seen.push(n);
                if kind == 0 {
                    events.push(json!({ "n": n, "missed": true }));
                }
            }
            let start_date = savings_plan::parse_date(&start).unwrap();
            let maturity = savings_plan::add_months(start_date, months).unwrap();
            let withdraw = match close_kind {
                1 => {
                    let d = start_date + chrono::Duration::days(1 + i64::from(close_days) % (maturity - start_date).num_days().max(2));
                    Value::String(savings_plan::format_date(d))
                }
                2 => Value::String(savings_plan::format_date(maturity + chrono::Duration::days(i64::from(close_days)))),
                _ => Value::Null,
            };
            let plan = json!({ "start": start, "months": months, "installment": installment.normalize().to_string(),
                "rate": null, "events": events, "withdrawOn": withdraw, "inflation": null });
            (p, plan)
        })
}

fn payout(p: &Value, plan: &Value) -> Option<Decimal> {
    savings_plan::contract::calculate(p, plan).ok().map(|q| q.payout)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn payout_is_the_sum_of_its_parts((p, plan) in scenario()) {
        let r = savings_plan::contract::calculate(&p, &plan);
        if let Err(e) = &r {
            // The scenarios fit their products; only the Post Office's 3-year lock may refuse.
            prop_assert_eq!(e.code.as_str(), "EARLY_NOT_ALLOWED", "{:?} for {}", e, plan);
        }
        if let Ok(q) = r {
            let sum = q.principal + q.interest + q.subsidy - q.fees - q.tax;
            prop_assert_eq!(sum, q.payout);
            prop_assert!(q.principal >= Decimal::ZERO);
        }
    }

    #[test]
    fn payout_never_falls_when_the_installment_rises((p, plan) in scenario(), more in 1u32..50) {
        let Some(base) = payout(&p, &plan) else { return Ok(()) };
        let step = dec(p["installment"]["step"].as_str().unwrap());
        let mut bigger = plan.clone();
        let installment = dec(plan["installment"].as_str().unwrap()) + step * Decimal::from(more);
        bigger["installment"] = json!(installment.normalize().to_string());
        if let Some(after) = payout(&p, &bigger) {
            prop_assert!(after >= base, "{} < {}", after, base);
        }
    }

    #[test]
    fn payout_never_falls_when_the_rate_rises((p, plan) in scenario(), bump in 1u32..300) {
        if p["valueProtection"]["inflation"].is_string() {
            return Ok(()); // the inflation-linked subsidy shrinks as the rate rises
        }
        let months = plan["months"].as_u64().unwrap();
        let rate = dec(p["terms"].as_array().unwrap().iter().find(|t| t["months"] == months).unwrap()["rate"].as_str().unwrap());
        let mut low = plan.clone();
        low["rate"] = json!(rate.to_string());
        let mut high = plan.clone();
        high["rate"] = json!((rate + Decimal::new(i64::from(bump), 2)).to_string());
        if let (Some(a), Some(b)) = (payout(&p, &low), payout(&p, &high)) {
            prop_assert!(b >= a, "{} < {}", b, a);
        }
    }

    #[test]
    fn a_miss_never_raises_interest_and_early_never_beats_maturity((p, plan) in scenario(), n in 1u32..60) {
        // Demand at or below the contract rate (true of every catalog product).
        let Ok(base) = savings_plan::contract::calculate(&p, &plan) else { return Ok(()) };
        let months = plan["months"].as_u64().unwrap() as u32;
        let n = (n % months) + 1;
        let mut missed = plan.clone();
        let events = missed["events"].as_array_mut().unwrap();
        if events.iter().any(|e| e["n"] == n) {
            return Ok(());
        }
        events.push(json!({ "n": n, "missed": true }));
        if let Ok(q) = savings_plan::contract::calculate(&p, &missed) {
            if q.closure == base.closure {
                prop_assert!(q.interest <= base.interest, "{} > {}", q.interest, base.interest);
            }
        }
        if let Some(m) = &base.maturity_payout {
            prop_assert!(base.payout <= *m, "early {} > maturity {}", base.payout, m);
        }
    }

    #[test]
    fn daily_30_360_equals_monthly_when_paid_on_due_dates(year in 2000i32..2040, month in 1u32..=12, day in 1u32..=31, k in 1u32..500, term in 0usize..3) {
        let start = (1..=day).rev().find_map(|d| savings_plan::parse_date(&format!("{year}-{month:02}-{d:02}"))).unwrap();
        let monthly = product("cn-lczq-standard");
        let daily = with(monthly.clone(), json!({ "interest": { "method": "dailyProduct", "dayCount": "30/360" } }));
        let months = [12, 36, 60][term];
        let plan = json!({ "start": savings_plan::format_date(start), "months": months,
            "installment": (Decimal::from(k) * Decimal::from(10)).to_string(), "rate": "1.35" });
        let a = savings_plan::contract::calculate(&monthly, &plan).unwrap();
        let b = savings_plan::contract::calculate(&daily, &plan).unwrap();
        prop_assert_eq!(a.interest, b.interest);
    }
}

/// The interest settings a renewal can run under: every method, day count,
/// `accrueTo`, compounding and broken period.
fn any_interest() -> impl Strategy<Value = Value> {
    let day_count = prop::sample::select(vec!["30/360", "ACT/360", "ACT/365"]);
    prop_oneof![
        Just(json!({ "method": "monthlyProduct" })),
        (day_count.clone(), prop::sample::select(vec!["maturity", "dayBeforeMaturity"]))
            .prop_map(|(d, a)| json!({ "method": "dailyProduct", "dayCount": d, "accrueTo": a })),
        (day_count, prop::sample::select(vec!["monthly", "quarterly", "yearly"]), prop::sample::select(vec!["compound", "simple"]))
            .prop_map(|(d, c, b)| json!({ "method": "compound", "dayCount": d, "compounding": c, "brokenPeriod": b })),
    ]
}

/// Months per compounding period of a compound setting.
fn period(interest: &Value) -> u32 {
    match interest["compounding"].as_str() {
        Some("monthly") => 1,
        Some("yearly") => 12,
        _ => 3,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    /// CONTRACT §6: a renewal that runs its whole term is priced by term,
    /// value × rate × months ÷ 12, whatever the method and day count: the
    /// days of the calendar (a 29 February, a 31-day month, `accrueTo`)
    /// never enter. Compound products compound by term; where the term is at
    /// most one period under `brokenPeriod: simple`, or exactly one under
    /// `compound`, that too is value × rate × months ÷ 12 exactly, and
    /// otherwise the leg must not depend on the dates or the day count.
    ///
    /// Checked before rounding: the product rounds to 10 places and the
    /// installment is a multiple of 0.03 with a 2-place rate, so
    /// value × rate × months ÷ 1200 has at most 8 places and the first
    /// leg's figure is the exact one. Later legs (on a 10-place value) are
    /// compared with the exact figure rounded half-up to 10 places.
    #[test]
    fn a_full_renewal_leg_earns_value_times_rate_times_months_over_12(
        interest in any_interest(), year in 2000i32..2040, month in 1u32..=12, day in 1u32..=31,
        months in 1u32..=60, rate in 1u32..=2000, k in 1u32..=100_000, times in 1u32..=3,
    ) {
        let compound = interest["method"] == "compound";
        // Exactly value × rate × months ÷ 12 for compound products too where
        // the term is at most one period (simple) or exactly one (compound).
        let (one_period, months) = match (compound, interest["brokenPeriod"].as_str()) {
            (true, Some("simple")) => (true, 1 + (months - 1) % period(&interest)),
            (true, _) if months % 2 == 0 => (true, period(&interest)),
            _ => (false, months),
        };
        let simple_one_period = one_period;
        let rate = Decimal::new(i64::from(rate), 2);
        let product = json!({ "schema": 1, "id": "renewing", "currency": "CNY", "demandRate": "0.35",
            "terms": [{ "months": 1, "rate": "0" }], "interest": interest, "rounding": { "scale": 10 }, "installment": { "min": "0.01" },
            "maturity": { "action": "renew", "renew": { "months": months, "rate": rate.to_string(), "times": times } } });
        let start = (1..=day).rev().find_map(|d| savings_plan::parse_date(&format!("{year}-{month:02}-{d:02}"))).unwrap();
        let installment = Decimal::new(3, 2) * Decimal::from(k);
        let plan = json!({ "start": savings_plan::format_date(start), "months": 1,
            "installment": installment.to_string() });
        let q = savings_plan::contract::calculate(&product, &plan).unwrap();
        prop_assert_eq!(q.renewals.len(), times as usize);
        if !compound || simple_one_period {
            let mut value = installment;
            for (j, leg) in q.renewals.iter().enumerate() {
                prop_assert_eq!(leg.principal, value);
                let exact = value * rate * Decimal::from(months) / Decimal::from(1200);
                let want = if j == 0 { exact } else { exact.round_dp_with_strategy(10, rust_decimal::RoundingStrategy::MidpointAwayFromZero) };
                prop_assert_eq!(leg.interest, want, "leg {} of {}", j + 1, serde_json::to_string(&product).unwrap());
                value = leg.value;
            }
        } else {
            // Compounded by term: the same leg from another opening date, on another day count.
            let mut other = product.clone();
            other["interest"]["dayCount"] = json!(if interest["dayCount"] == "ACT/365" { "ACT/360" } else { "ACT/365" });
            let moved = json!({ "start": "2023-02-28", "months": 1, "installment": installment.to_string() });
            let r = savings_plan::contract::calculate(&other, &moved).unwrap();
            prop_assert_eq!(r.renewals[0].interest, q.renewals[0].interest);
            prop_assert!(q.renewals[0].interest > Decimal::ZERO);
        }
    }
}
