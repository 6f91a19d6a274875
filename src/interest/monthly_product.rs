//! 月积数法: each deposit earns `amount × month-units × rate ÷ 12`, where its
//! month-units run from the start of the month it earns from to the end
//! (whole schedule months, plus remaining days ÷ 30 for a part month).
//!
//! Worked in thirtieths of a month so one exact division ends the sum:
//! `Σ amount × units30 × rate ÷ (100 × 12 × 30)`. A lump sum (a renewal
//! closed early) earns by the same formula over the thirtieths it was held.

use super::{by_rate, exact, Accrued, Deposit};
use crate::calendar::Schedule;
use crate::error::Result;
use crate::explain::months_term;
use crate::money::{add, div, mul, plain};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// 100 (percent) × 12 (months) × 30 (thirtieths of a month).
const DENOMINATOR: Decimal = Decimal::from_parts(36_000, 0, 0, false, 0);

/// The method's one formula: `amount × units30 × rate`, over [`DENOMINATOR`].
fn numerator(amount: Decimal, rate: Decimal, units30: i64) -> Result<Decimal> {
    mul(mul(amount, Decimal::from(units30))?, rate)
}

/// Accrues each deposit from the start of its earning month to `end`.
/// `detail`: also each deposit's month-units (schedule rows, formulas).
///
/// The numerators and their sum come from [`exact`] (integers, the same
/// `Decimal`s) unless a figure could round, then from `Decimal` arithmetic.
pub fn accrue(deposits: &[Deposit], schedule: &Schedule, end: NaiveDate, detail: bool) -> Result<Accrued> {
    let reach = schedule.reach(end);
    let mut numerators = Vec::with_capacity(deposits.len());
    let mut units = Vec::with_capacity(if detail { deposits.len() } else { 0 });
    let mut in_thirtieths = Vec::with_capacity(if detail { deposits.len() } else { 0 });
    let mut from = Vec::with_capacity(deposits.len());
    let mut fast = Some(exact::Sum::default());
    for d in deposits {
        let thirtieths = schedule.units30_to(d.earn_period, &reach);
        let numerator = match exact::product(d.amount, thirtieths, d.rate) {
            Some(n) => n,
            None => numerator(d.amount, d.rate, thirtieths)?,
        };
        fast = fast.and_then(|s| s.add(numerator));
        numerators.push(numerator);
        if detail {
            units.push(crate::interest::months_from_thirtieths(thirtieths)?);
            in_thirtieths.push(thirtieths);
        }
        from.push(schedule.due_date(d.earn_period));
    }
    let sum = match fast {
        Some(s) => s.value(),
        None => numerators.iter().try_fold(Decimal::ZERO, |s, n| add(s, *n))?,
    };
    let total = div(sum, DENOMINATOR)?;
    Ok(Accrued { total, numerators, denominator: DENOMINATOR, units, thirtieths: in_thirtieths, days: Vec::new(), from, day_product: None, to: Vec::new(), credits: Vec::new() })
}

/// Exact interest on a lump sum `value` held `units30` thirtieths of a month.
pub fn lump(value: Decimal, rate: Decimal, units30: i64) -> Result<Decimal> {
    div(numerator(value, rate, units30)?, DENOMINATOR)
}

/// `amount × Σ month-units × rate% ÷ 12` per rate and amount, the units
/// exact (a part month in thirtieths).
pub fn formula(deposits: &[Deposit], accrued: &Accrued) -> Result<String> {
    let mut weights = Vec::with_capacity(accrued.thirtieths.len());
    for u in &accrued.thirtieths {
        weights.push(Decimal::from(*u));
    }
    let groups = by_rate(deposits, &weights)?;
    let mut terms = Vec::with_capacity(groups.len());
    for (rate, u30, amount) in &groups {
        let u30 = i64::try_from(u30.mantissa()).unwrap_or(i64::MAX);
        terms.push(format!("{} × {} × {}% ÷ 12", plain(*amount), months_term(u30), plain(*rate)));
    }
    Ok(terms.join(" + "))
}

/// `value × rate% × months ÷ 12` for a lump sum.
pub fn lump_formula(value: Decimal, rate: Decimal, units30: i64) -> String {
    format!("{} × {}% × {} ÷ 12", plain(value), plain(rate), months_term(units30))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::calendar::add_months;
    use proptest::prelude::*;

    /// The accrual as it was before the integer path: every numerator and the sum in `Decimal`.
    fn general(deposits: &[Deposit], schedule: &Schedule, end: NaiveDate) -> Result<(Decimal, Vec<Decimal>, Vec<Decimal>)> {
        let (mut sum, mut numerators, mut units) = (Decimal::ZERO, Vec::new(), Vec::new());
        for d in deposits {
            let thirtieths = schedule.units30_from_period(d.earn_period, end);
            let n = numerator(d.amount, d.rate, thirtieths)?;
            sum = add(sum, n)?;
            numerators.push(n);
            units.push(crate::interest::months_from_thirtieths(thirtieths)?);
        }
        Ok((div(sum, DENOMINATOR)?, numerators, units))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]

        /// Random plans (amounts and rates of any scale, up to the 96-bit edge, rates of each
        /// deposit drawn from a few, some negative, ends inside the term): the fast accrual gives
        /// the very `Decimal`s of the general one, or the same error.
        #[test]
        fn fast_accrual_is_the_general_one(
            day in 0i64..20_000, months in 1u32..=120, amount in prop_oneof![1i128..10_000_000, 1i128..(1i128 << 95)], sa in 0u32..=6,
            rates in prop::collection::vec((prop_oneof![0i128..100_000, -500i128..500, 0i128..(1i128 << 90)], 0u32..=26), 1..4),
            picks in prop::collection::vec(0usize..4, 120), end_days in 0i64..4000, late in 0u32..3,
        ) {
            let start = crate::calendar::parse_date("2000-01-01").unwrap() + chrono::Duration::days(day);
            let schedule = Schedule::new(start, months).unwrap();
            let amount = Decimal::from_i128_with_scale(amount, sa);
            let rates: Vec<Decimal> = rates.iter().map(|(m, s)| Decimal::from_i128_with_scale(*m, *s)).collect();
            let deposits: Vec<Deposit> = (1..=months).map(|n| Deposit {
                n, amount, paid_on: schedule.due_date(n), earn_period: (n + late * (n % 3)).min(months),
                rate: rates[picks[n as usize - 1] % rates.len()],
            }).collect();
            let end = (start + chrono::Duration::days(end_days)).min(schedule.maturity());
            for detail in [true, false] {
                let fast = accrue(&deposits, &schedule, end, detail);
                let slow = general(&deposits, &schedule, end);
                match (fast, slow) {
                    (Ok(f), Ok((total, numerators, units))) => {
                        prop_assert_eq!(f.total.serialize(), total.serialize());
                        prop_assert_eq!(f.numerators.iter().map(|n| n.serialize()).collect::<Vec<_>>(), numerators.iter().map(|n| n.serialize()).collect::<Vec<_>>());
                        if detail {
                            prop_assert_eq!(f.units, units);
                        }
                    }
                    (Err(f), Err(s)) => prop_assert_eq!(f.code, s.code),
                    (f, s) => prop_assert!(false, "fast {:?} vs general {:?}", f.map(|a| a.total), s.map(|a| a.0)),
                }
            }
            prop_assert!(add_months(start, months).is_some());
        }
    }
}
