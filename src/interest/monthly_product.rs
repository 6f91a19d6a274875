//! 月积数法: each deposit earns `amount × month-units × rate ÷ 12`, where its
//! month-units run from the start of the month it earns from to the end
//! (whole schedule months, plus remaining days ÷ 30 for a part month).
//!
//! Worked in thirtieths of a month so one exact division ends the sum:
//! `Σ amount × units30 × rate ÷ (100 × 12 × 30)`.

use super::{by_rate, Accrued, Deposit};
use crate::explain::months_term;
use crate::calendar::Schedule;
use crate::error::Result;
use crate::money::{add, div, mul, plain};
use chrono::NaiveDate;
use rust_decimal::Decimal;


pub fn accrue(deposits: &[Deposit], schedule: &Schedule, end: NaiveDate) -> Result<Accrued> {
    let mut numerators = Vec::with_capacity(deposits.len());
    let mut units = Vec::with_capacity(deposits.len());
    let mut in_thirtieths = Vec::with_capacity(deposits.len());
    let mut weights = Vec::with_capacity(deposits.len());
    let mut from = Vec::with_capacity(deposits.len());
    let mut sum = Decimal::ZERO;
    for d in deposits {
        let thirtieths = schedule.units30_from_period(d.earn_period, end);
        let numerator = mul(mul(d.amount, Decimal::from(thirtieths))?, d.rate)?;
        sum = add(sum, numerator)?;
        numerators.push(numerator);
        units.push(crate::interest::months_from_thirtieths(thirtieths)?);
        in_thirtieths.push(thirtieths);
        weights.push(Decimal::from(thirtieths));
        from.push(schedule.due_date(d.earn_period));
    }
    let denominator = Decimal::from(36_000);
    let total = div(sum, denominator)?;
    // amount × Σ month-units × rate ÷ 12 per rate, the units exact (a part month in thirtieths).
    let groups = by_rate(deposits, &weights)?;
    let formula = groups
        .iter()
        .map(|(rate, u30, amount)| {
            let u30 = i64::try_from(u30.mantissa()).unwrap_or(i64::MAX);
            format!("{} × {} × {}% ÷ 12", plain(*amount), months_term(u30), plain(*rate))
        })
        .collect::<Vec<_>>()
        .join(" + ");
    Ok(Accrued { total, numerators, denominator, units, thirtieths: in_thirtieths, days: Vec::new(), from, formula, day_product: None })
}
