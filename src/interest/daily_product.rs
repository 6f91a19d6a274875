//! 日积数法: 积数 = Σ amount × days, interest = 积数 × rate ÷ denominator.
//! The deposit day counts and the last day does not (算头不算尾); days are
//! actual (ACT/360, ACT/365) or counted on a 30-day month (30/360).

use super::{by_rate, Accrued, Deposit};
use crate::calendar::{actual_days, Schedule};
use crate::error::Result;
use crate::money::{add, div, mul, plain};
use crate::product::DayCount;
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub fn accrue(deposits: &[Deposit], schedule: &Schedule, end: NaiveDate, day_count: DayCount) -> Result<Accrued> {
    let mut numerators = Vec::with_capacity(deposits.len());
    let mut units = Vec::with_capacity(deposits.len());
    let mut weights = Vec::with_capacity(deposits.len());
    let mut day_list = Vec::with_capacity(deposits.len());
    let mut from = Vec::with_capacity(deposits.len());
    let mut sum = Decimal::ZERO;
    let mut day_product = Decimal::ZERO;
    for d in deposits {
        let days = match day_count {
            DayCount::Thirty360 => schedule.days_30_360(d.paid_on, end),
            _ => actual_days(d.paid_on, end).max(0),
        };
        day_list.push(days);
        let days = Decimal::from(days);
        let product = mul(d.amount, days)?;
        day_product = add(day_product, product)?;
        let numerator = mul(product, d.rate)?;
        sum = add(sum, numerator)?;
        numerators.push(numerator);
        units.push(days);
        weights.push(product);
        from.push(d.paid_on);
    }
    let denominator = mul(Decimal::ONE_HUNDRED, day_count.denominator())?;
    let total = div(sum, denominator)?;
    let formula = by_rate(deposits, &weights)?
        .iter()
        .map(|(rate, dp, _)| format!("{} × {}% ÷ {}", plain(*dp), plain(*rate), day_count.as_days()))
        .collect::<Vec<_>>()
        .join(" + ");
    Ok(Accrued { total, numerators, denominator, units, thirtieths: Vec::new(), days: day_list, from, formula, day_product: Some(day_product) })
}
