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
