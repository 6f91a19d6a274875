//! Interest tax (利息税) by accrual date, not payment date.
//!
//! China: 0% before 1999-11-01, 20% from then, 5% from 2007-08-15, 0% from
//! 2008-10-09. A piece of interest that accrued across a change is split in
//! proportion to the calendar days it accrued in each period. Today's
//! products carry an empty table.
//!
//! ```
//! use savings_plan::tax::tax_on;
//! use savings_plan::product::TaxStep;
//! use savings_plan::calendar::parse_date;
//! let table = [TaxStep { from: parse_date("1999-11-01").unwrap(), rate: "20".parse().unwrap() }];
//! let tax = tax_on(&table, "87.75".parse().unwrap(),
//!     parse_date("2000-01-15").unwrap(), parse_date("2001-01-15").unwrap()).unwrap();
//! assert_eq!(tax.round_dp(2).to_string(), "17.55");
//! ```

use crate::calendar::actual_days;
use crate::error::Result;
use crate::money::{add, div, mul};
use crate::product::TaxStep;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The tax rate in force on `date` (0 before the first entry).
pub fn rate_on(steps: &[TaxStep], date: NaiveDate) -> Decimal {
    steps.iter().rev().find(|s| s.from <= date).map(|s| s.rate).unwrap_or(Decimal::ZERO)
}

/// Whether one rate holds for the whole of `[from, to)`.
pub fn single_rate(steps: &[TaxStep], from: NaiveDate, to: NaiveDate) -> bool {
    !steps.iter().any(|s| s.from > from && s.from < to)
}

/// Exact tax on `interest` that accrued evenly over `[from, to)`.
pub fn tax_on(steps: &[TaxStep], interest: Decimal, from: NaiveDate, to: NaiveDate) -> Result<Decimal> {
    if steps.is_empty() || interest.is_zero() {
        return Ok(Decimal::ZERO);
    }
    let total_days = actual_days(from, to);
    if total_days <= 0 || single_rate(steps, from, to) {
        return div(mul(interest, rate_on(steps, from))?, Decimal::ONE_HUNDRED);
    }
    // Walk the periods that overlap [from, to): Σ days_t × rate_t, then one division.
    let mut weighted = Decimal::ZERO;
    let mut cursor = from;
    let mut rate = rate_on(steps, from);
    for step in steps.iter().filter(|s| s.from > from && s.from < to) {
        weighted = add(weighted, mul(Decimal::from(actual_days(cursor, step.from)), rate)?)?;
        cursor = step.from;
        rate = step.rate;
    }
    weighted = add(weighted, mul(Decimal::from(actual_days(cursor, to)), rate)?)?;
    div(mul(interest, weighted)?, mul(Decimal::from(total_days), Decimal::ONE_HUNDRED)?)
}
