//! Overdue interest (逾期利息): money left after maturity (or after the last
//! renewal) earns the demand rate for the actual days overdue, on the
//! principal or on the whole maturity value (`overdue.base`).

use crate::calendar::actual_days;
use crate::error::Result;
use crate::money::{add, div, mul};
use crate::product::Product;
use crate::settle;
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

vocabulary! {
    /// The rate overdue days earn (`overdue.rate`): today only the demand rate.
    pub enum OverdueRate as "OverdueRate", locale [] {
        Demand = "demand",
    }
}

vocabulary! {
    /// What overdue interest is paid on (`overdue.base`).
    pub enum OverdueBase as "OverdueBase", locale [] {
        /// The installments paid in.
        Principal = "principal",
        /// Principal plus the term's rounded interest.
        MaturityValue = "maturityValue",
    }
}

/// Overdue interest on one base, exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overdue {
    /// The maturity it runs from and the withdrawal it runs to.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub base: Decimal,
    /// Actual days overdue.
    pub days: i64,
    /// The demand rate, percent per year.
    pub rate: Decimal,
    /// The method's day-count denominator (360 or 365).
    pub denominator: Decimal,
    /// base × days × rate ÷ (denominator × 100).
    pub interest: Decimal,
}

/// Overdue interest from `from` (a maturity) to `to` (the withdrawal):
/// `base × days × demand rate ÷ denominator`, the one formula for the plan
/// and for the last renewal. The base is the `principal`, or under
/// `maturityValue` the principal plus the term's interest as posted at
/// maturity. `None` when `to` is not after `from`.
pub fn interest(product: &Product, principal: Decimal, term_interest: Decimal, from: NaiveDate, to: NaiveDate) -> Result<Option<Overdue>> {
    let days = actual_days(from, to);
    if days <= 0 {
        return Ok(None);
    }
    let base = match product.overdue_base {
        OverdueBase::Principal => principal,
        OverdueBase::MaturityValue => add(principal, settle::post(&product.rounding, term_interest))?,
    };
    let (rate, denominator) = (product.demand_rate, product.method.denominator());
    let interest = div(mul(mul(base, Decimal::from(days))?, rate)?, mul(denominator, Decimal::ONE_HUNDRED)?)?;
    Ok(Some(Overdue { from, to, base, days, rate, denominator, interest }))
}
