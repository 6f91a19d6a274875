//! 日积数法: 积数 = Σ amount × days, interest = 积数 × rate ÷ denominator.
//! The deposit day counts and the last day does not (算头不算尾); days are
//! actual (ACT/360, ACT/365) or counted on a 30-day month (30/360). A lump
//! sum (a renewal closed early) earns by the same formula over its days.

use super::{by_rate, Accrued, Deposit};
use crate::calendar::{actual_days, Schedule};
use crate::error::Result;
use crate::money::{add, div, mul, plain};
use crate::product::DayCount;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// 100 (percent) × the day-count denominator (360 or 365).
fn denominator(day_count: DayCount) -> Result<Decimal> {
    mul(Decimal::ONE_HUNDRED, day_count.denominator())
}

/// The method's one formula: `(amount × days) × rate`, over [`denominator`];
/// also gives `amount × days`, the deposit's 积数.
fn numerator(amount: Decimal, rate: Decimal, days: i64) -> Result<(Decimal, Decimal)> {
    let day_product = mul(amount, Decimal::from(days))?;
    Ok((day_product, mul(day_product, rate)?))
}

pub fn accrue(deposits: &[Deposit], schedule: &Schedule, end: NaiveDate, day_count: DayCount) -> Result<Accrued> {
    let mut numerators = Vec::with_capacity(deposits.len());
    let mut units = Vec::with_capacity(deposits.len());
    let mut day_list = Vec::with_capacity(deposits.len());
    let mut from = Vec::with_capacity(deposits.len());
    let mut sum = Decimal::ZERO;
    let mut day_product = Decimal::ZERO;
    for d in deposits {
        let days = match day_count {
            DayCount::Thirty360 => schedule.days_30_360(d.paid_on, end),
            DayCount::Act360 | DayCount::Act365 => actual_days(d.paid_on, end).max(0),
        };
        let (product, numerator) = numerator(d.amount, d.rate, days)?;
        day_product = add(day_product, product)?;
        sum = add(sum, numerator)?;
        numerators.push(numerator);
        units.push(Decimal::from(days));
        day_list.push(days);
        from.push(d.paid_on);
    }
    let denominator = denominator(day_count)?;
    let total = div(sum, denominator)?;
    Ok(Accrued { total, numerators, denominator, units, thirtieths: Vec::new(), days: day_list, from, day_product: Some(day_product) })
}

/// The days a lump sum earns: thirtieths of a month on 30/360, else actual days.
fn lump_days(day_count: DayCount, units30: i64, days: i64) -> i64 {
    if day_count == DayCount::Thirty360 {
        units30
    } else {
        days
    }
}

/// Exact interest on a lump sum `value` held `units30` thirtieths of a
/// month, `days` actual days.
pub fn lump(value: Decimal, rate: Decimal, day_count: DayCount, units30: i64, days: i64) -> Result<Decimal> {
    div(numerator(value, rate, lump_days(day_count, units30, days))?.1, denominator(day_count)?)
}

/// `积数 × rate% ÷ 360` per rate and amount.
pub fn formula(deposits: &[Deposit], accrued: &Accrued, day_count: DayCount) -> Result<String> {
    let mut weights = Vec::with_capacity(deposits.len());
    for (d, days) in deposits.iter().zip(&accrued.days) {
        weights.push(mul(d.amount, Decimal::from(*days))?);
    }
    let groups = by_rate(deposits, &weights)?;
    let mut terms = Vec::with_capacity(groups.len());
    for (rate, dp, _) in &groups {
        terms.push(format!("{} × {}% ÷ {}", plain(*dp), plain(*rate), day_count.as_days()));
    }
    Ok(terms.join(" + "))
}

/// `value × rate% × days ÷ 360` for a lump sum.
pub fn lump_formula(value: Decimal, rate: Decimal, day_count: DayCount, units30: i64, days: i64) -> String {
    let days = lump_days(day_count, units30, days);
    format!("{} × {}% × {days} ÷ {}", plain(value), plain(rate), day_count.as_days())
}
