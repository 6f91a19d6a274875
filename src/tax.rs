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

/// The tax of the plan's own term, exact, and how its interest divides among
/// the rates in force (for "how we calculated").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Taxed {
    pub exact: Decimal,
    /// `(rate, portion of interest)`, see [`portions`].
    pub portions: Vec<(Decimal, Decimal)>,
}

/// The exact tax of the plan's own term: the installments' interest by the
/// periods it accrued in (one piece when one rate held throughout), and the
/// overdue interest from maturity to the close.
///
/// `accrued_to` is where the interest stopped accruing (the day before
/// maturity under `accrueTo: dayBeforeMaturity`): the split ends there.
pub fn on_term(steps: &[TaxStep], accrued: &Accrued, start: NaiveDate, accrued_to: NaiveDate, overdue: Option<&Overdue>) -> Result<Taxed> {
    let mut t = Taxed::default();
    if steps.is_empty() {
        return Ok(t);
    }
    let mut piece = |interest: Decimal, from: NaiveDate, to: NaiveDate| -> Result<()> {
        t.exact = add(t.exact, tax_on(steps, interest, from, to)?)?;
        t.portions.extend(portions(steps, interest, from, to)?);
        Ok(())
    };
    let first_from = accrued.from.iter().min().copied().unwrap_or(start);
    if single_rate(steps, first_from, accrued_to) {
        piece(accrued.total, first_from, accrued_to)?;
    } else {
        for (i, from) in accrued.from.iter().enumerate() {
            piece(accrued.interest_of(i), *from, accrued_to)?;
        }
    }
    if let Some(o) = overdue {
        piece(o.interest, o.from, o.to)?;
    }
    Ok(t)
}

/// How `interest` that accrued evenly over `[from, to)` divides among the
/// tax rates in force, by calendar days: `(rate, portion)` per period, for
/// "how we calculated" (the tax is [`tax_on`]'s, computed with one division).
pub fn portions(steps: &[TaxStep], interest: Decimal, from: NaiveDate, to: NaiveDate) -> Result<Vec<(Decimal, Decimal)>> {
    if steps.is_empty() || interest.is_zero() {
        return Ok(Vec::new());
    }
    let total_days = actual_days(from, to);
    if total_days <= 0 || single_rate(steps, from, to) {
        return Ok(vec![(rate_on(steps, from), interest)]);
    }
    let mut out = Vec::new();
    let mut cursor = from;
    let mut rate = rate_on(steps, from);
    let piece = |rate: Decimal, days: i64| -> Result<(Decimal, Decimal)> {
        Ok((rate, div(mul(interest, Decimal::from(days))?, Decimal::from(total_days))?))
    };
    for step in steps.iter().filter(|s| s.from > from && s.from < to) {
        out.push(piece(rate, actual_days(cursor, step.from))?);
        cursor = step.from;
        rate = step.rate;
    }
    out.push(piece(rate, actual_days(cursor, to))?);
    Ok(out)
}

/// The tax as a formula that evaluates to it: `Σ portion × rate` per rate
/// (portions at 10 places, or all their digits where 10 places would round
/// differently), with the rounding when it changed the figure.
pub fn formula(portions: &[(Decimal, Decimal)], exact: Decimal, tax: Decimal, rounding: &crate::money::Rounding) -> Result<String> {
    let mut by_rate: Vec<(Decimal, Decimal)> = Vec::new();
    for (rate, portion) in portions.iter().filter(|(r, _)| !r.is_zero()) {
        match by_rate.iter_mut().find(|(r, _)| r == rate) {
            Some(g) => g.1 = add(g.1, *portion)?,
            None => by_rate.push((*rate, *portion)),
        }
    }
    let write = |digits: Option<u32>| -> Result<(String, Decimal)> {
        let mut value = Decimal::ZERO;
        let mut terms = Vec::new();
        for (rate, portion) in &by_rate {
            let shown = digits.map_or(*portion, |d| portion.round_dp(d));
            value = add(value, div(mul(shown, *rate)?, Decimal::ONE_HUNDRED)?)?;
            terms.push(format!("{} × {}%", crate::money::plain(shown), crate::money::plain(*rate)));
        }
        Ok((if terms.is_empty() { "0".into() } else { terms.join(" + ") }, value))
    };
    let (mut text, value) = write(Some(10))?;
    if rounding.round(value) != tax {
        text = write(None)?.0;
    }
    Ok(crate::explain::with_rounding(text, exact, tax, rounding.mode, rounding.scale))
}
