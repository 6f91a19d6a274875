//! Auto-renew (自动转存): at maturity the money is re-deposited as a lump sum
//! (整存整取) for the agreed term, `times` times over.
//!
//! A renewal earns `value × rate × months ÷ 12` (compounded for compound
//! products) at the rate assumed for the renewal day (default: the contract
//! rate). `principalAndInterest` renews the whole after-tax value;
//! `principalOnly` pays the interest out at each maturity and renews the
//! principal. A withdrawal inside a renewal closes it early at the demand
//! rate; after the last one, overdue interest accrues on its principal.
//! Renewal ends are computed from the opening date, like due dates.
//!
//! Example: 12,087.75 renewed for 12 months at 1.10% earns
//! 12,087.75 × 1.10% × 12 ÷ 12 = 132.96525 → 132.97.

use crate::calendar::{actual_days, add_months, Schedule};
use crate::error::{Error, Result};
use crate::interest::compound_interest;
use crate::money::{add, div, mul, plain, sub};
use crate::product::{Carry, DayCount, Method, OverdueBase, Product, Renew};
use crate::tax::tax_on;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One renewal as it ran.
#[derive(Clone, Debug)]
pub struct Leg {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub principal: Decimal,
    pub rate: Decimal,
    pub interest: Decimal,
    pub tax: Decimal,
    pub value: Decimal,
    /// Paid out at `end` while the chain goes on (`principalOnly`).
    pub interim: Decimal,
    pub formula: String,
    /// The interest before rounding (for the formula's rounding note).
    pub exact: Decimal,
    /// The tax as a formula (`Σ portion × rate`), empty without tax.
    pub tax_formula: String,
    pub closed_early: bool,
    pub overdue_days: i64,
}

/// The start and end of renewal `j` (1-based), from the opening date.
pub fn leg_dates(schedule: &Schedule, renew: &Renew, j: u32) -> Option<(NaiveDate, NaiveDate)> {
    let base = schedule.months;
    let start = add_months(schedule.start, base.checked_add((j - 1).checked_mul(renew.months)?)?)?;
    let end = add_months(schedule.start, base.checked_add(j.checked_mul(renew.months)?)?)?;
    Some((start, end))
}

/// The end of the whole chain.
pub fn chain_end(schedule: &Schedule, renew: &Renew) -> Option<NaiveDate> {
    leg_dates(schedule, renew, renew.times).map(|(_, end)| end)
}

/// Month-units in thirtieths from `from` to `to` stepping on the opening
/// date's day-of-month, `offset` months after it.
fn units30(schedule: &Schedule, offset: u32, from: NaiveDate, to: NaiveDate) -> i64 {
    let mut m = 0u32;
    let mut reached = from;
    while let Some(next) = add_months(schedule.start, offset + m + 1) {
        if next > to {
            break;
        }
        m += 1;
        reached = next;
    }
    30 * i64::from(m) + actual_days(reached, to)
}


/// Exact interest on a lump sum that runs its whole renewal term of
/// `months`: priced by term, `value × rate × months ÷ 12`, for monthly and
/// daily products alike (a daily product's actual days do not enter), and
/// compounded by term for compound products (CONTRACT.md §6).
fn term_interest(method: Method, value: Decimal, rate: Decimal, months: u32) -> Result<(Decimal, String)> {
    match method {
        Method::MonthlyProduct | Method::DailyProduct { .. } => Ok((
            div(mul(mul(value, Decimal::from(months))?, rate)?, Decimal::from(1_200))?,
            format!("{} × {}% × {months} ÷ 12", plain(value), plain(rate)),
        )),
        Method::Compound { .. } => lump_interest(method, value, rate, 30 * i64::from(months), 0),
    }
}

/// Exact interest on a lump sum held `units30` / `days` at `rate` (a
/// renewal closed early: the time actually held, by the product's own method).
fn lump_interest(method: Method, value: Decimal, rate: Decimal, units30: i64, days: i64) -> Result<(Decimal, String)> {
    let r = plain(rate);
    let v = plain(value);
    match method {
        Method::MonthlyProduct => Ok((
            div(mul(mul(value, Decimal::from(units30))?, rate)?, Decimal::from(36_000))?,
            format!("{v} × {r}% × {} ÷ 12", crate::explain::months_term(units30)),
        )),
        Method::DailyProduct { day_count, .. } => {
            let days = if day_count == DayCount::Thirty360 { units30 } else { days };
            let denominator = day_count.denominator();
            Ok((
                div(mul(mul(value, Decimal::from(days))?, rate)?, mul(denominator, Decimal::ONE_HUNDRED)?)?,
                format!("{v} × {r}% × {days} ÷ {}", day_count.as_days()),
            ))
        }
        Method::Compound { period_months, broken_period, .. } => Ok((
            compound_interest(value, rate, period_months, broken_period, units30)?,
            crate::interest::compound_formula(value, rate, period_months, broken_period, units30),
        )),
    }
}

/// Context for running a chain.
pub struct Chain<'a> {
    pub product: &'a Product,
    pub renew: &'a Renew,
    pub schedule: &'a Schedule,
    pub contract_rate: Decimal,
}

impl Chain<'_> {
    /// Runs the renewals from the plan's maturity value `v0`, stopping at
    /// `withdraw` (None: the end of the chain). `principal` is what
    /// `principalOnly` renews.
    pub fn run(&self, v0: Decimal, principal: Decimal, withdraw: Option<NaiveDate>) -> Result<Vec<Leg>> {
        let rate = self.renew.rate.unwrap_or(self.contract_rate);
        let method = self.product.method;
        let mut legs = Vec::new();
        let mut value = v0;
        let renewed_principal = principal.min(v0);
        for j in 1..=self.renew.times {
            let (start, end) = leg_dates(self.schedule, self.renew, j).ok_or_else(Error::overflow)?;
            if withdraw.is_some_and(|w| w <= start) {
                break;
            }
            let leg_principal = match self.renew.carry {
                Carry::PrincipalAndInterest => value,
                Carry::PrincipalOnly => renewed_principal,
            };
            let offset = self.schedule.months + (j - 1) * self.renew.months;
            let early = withdraw.filter(|w| *w < end);
            let stop = early.unwrap_or(end);
            let (leg_rate, (mut exact, mut formula)) = match early {
                Some(w) => {
                    let u = units30(self.schedule, offset, start, w);
                    (self.product.demand_rate, lump_interest(method, leg_principal, self.product.demand_rate, u, actual_days(start, w))?)
                }
                None => (rate, term_interest(method, leg_principal, rate, self.renew.months)?),
            };
            let last = j == self.renew.times;
            let mut overdue_days = 0;
            let mut overdue = Decimal::ZERO;
            let mut close = stop;
            if let (true, Some(w)) = (last, withdraw) {
                if w > end {
                    overdue_days = actual_days(end, w);
                    let base = match self.product.overdue_base {
                        OverdueBase::Principal => leg_principal,
                        OverdueBase::MaturityValue => add(leg_principal, self.product.rounding.round(exact))?,
                    };
                    overdue = div(
                        mul(mul(base, Decimal::from(overdue_days))?, self.product.demand_rate)?,
                        mul(method.denominator(), Decimal::ONE_HUNDRED)?,
                    )?;
                    formula = format!(
                        "{formula} + {} × {overdue_days} × {}% ÷ {}",
                        plain(base),
                        plain(self.product.demand_rate),
                        plain(method.denominator())
                    );
                    close = w;
                }
            }
            let table = &self.product.tax;
            // Tax split over the days the leg accrued (a full leg under
            // `accrueTo: dayBeforeMaturity` stops the day before its end).
            let accrued_to = crate::interest::accrual_end(method, stop, early.is_none());
            let tax_exact = add(tax_on(table, exact, start, accrued_to)?, tax_on(table, overdue, end, close)?)?;
            let tax = self.product.rounding.round(tax_exact);
            let tax_formula = if tax_exact.is_zero() {
                String::new()
            } else {
                let mut pieces = crate::tax::portions(table, exact, start, accrued_to)?;
                pieces.extend(crate::tax::portions(table, overdue, end, close)?);
                crate::tax::formula(&pieces, tax_exact, tax, &self.product.rounding)?
            };
            exact = add(exact, overdue)?;
            let interest = self.product.rounding.round(exact);
            let leg_value = sub(add(leg_principal, interest)?, tax)?;
            let interim = match self.renew.carry {
                Carry::PrincipalOnly if early.is_none() && !last && withdraw != Some(end) => sub(leg_value, leg_principal)?,
                _ => Decimal::ZERO,
            };
            legs.push(Leg {
                start,
                end: close,
                principal: leg_principal,
                rate: leg_rate,
                interest,
                tax,
                value: leg_value,
                interim,
                formula,
                exact,
                tax_formula,
                closed_early: early.is_some(),
                overdue_days,
            });
            value = leg_value;
            if early.is_some() || withdraw == Some(end) {
                break;
            }
        }
        Ok(legs)
    }
}
