//! Interest tax (利息税) by accrual date, not payment date.
//!
//! China: 0% before 1999-11-01, 20% from then, 5% from 2007-08-15, 0% from
//! 2008-10-09. A piece of interest that accrued across a change is split in
//! proportion to the calendar days it accrued in each period. Today's
//! products carry an empty table.
//!
//! ```
//! use savings_plan::{price, Plan, Product};
//! use serde_json::json;
//! let product = Product::parse(&json!({ "schema": 1, "id": "x", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1.35" }], "demandRate": "0.35",
//!     "tax": [{ "from": "1999-11-01", "rate": "20" }] }))?;
//! let plan = Plan::parse(&json!({ "start": "2000-01-15", "months": 12, "installment": "1000" }), &product)?;
//! let quote = price(&product, &plan)?;
//! assert_eq!((quote.interest.to_string(), quote.tax.to_string()), ("87.75".into(), "17.55".into()));
//! # Ok::<(), savings_plan::Error>(())
//! ```

use crate::calendar::actual_days;
use crate::error::Result;
use crate::interest::Accrued;
use crate::money::{add, div, mul};
use crate::overdue::Overdue;
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

/// The exact tax of the plan's own term: the installments' interest by the
/// periods it accrued in (one piece when one rate held throughout), and the
/// overdue interest from maturity to the close.
///
/// `accrued_to` is where the interest stopped accruing (the day before
/// maturity under `accrueTo: dayBeforeMaturity`): the split ends there.
pub fn on_term(steps: &[TaxStep], accrued: &Accrued, start: NaiveDate, accrued_to: NaiveDate, overdue: Option<&Overdue>) -> Result<Decimal> {
    if steps.is_empty() {
        return Ok(Decimal::ZERO);
    }
    let first_from = accrued.from.iter().min().copied().unwrap_or(start);
    let mut tax = Decimal::ZERO;
    if single_rate(steps, first_from, accrued_to) {
        tax = tax_on(steps, accrued.total, first_from, accrued_to)?;
    } else {
        for (i, from) in accrued.from.iter().enumerate() {
            tax = add(tax, tax_on(steps, accrued.interest_of(i), *from, accrued_to)?)?;
        }
    }
    match overdue {
        Some(o) => add(tax, tax_on(steps, o.interest, o.from, o.to)?),
        None => Ok(tax),
    }
}
