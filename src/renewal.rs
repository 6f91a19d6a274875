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
use crate::closure::Closed;
use crate::interest::Held;
use crate::money::{add, sub};
use crate::overdue::{self, Overdue};
use crate::product::{Carry, Product, Renew};
use crate::settle::{self, Totals};
use crate::tax::{portions, tax_on, Taxed};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One renewal as it ran.
#[derive(Clone, Debug)]
pub struct Leg {
    pub start: NaiveDate,
    /// The renewal's end, or the withdrawal that closed it early or overdue.
    pub end: NaiveDate,
    pub principal: Decimal,
    pub rate: Decimal,
    /// Posted: rounded by the product's rule.
    pub interest: Decimal,
    pub tax: Decimal,
    /// The interest before rounding.
    pub exact: Decimal,
    /// The tax before rounding, and the interest's portions per tax rate.
    pub taxed: Taxed,
    pub value: Decimal,
    /// Paid out at `end` while the chain goes on (`principalOnly`).
    pub interim: Decimal,
    /// How long it earned: its whole term, or the part held before an early close.
    pub held: Held,
    /// Overdue interest after the last renewal.
    pub overdue: Option<Overdue>,
}

/// The renewals as they ran, and the interest paid out between them.
#[derive(Clone, Debug, Default)]
pub struct Renewals {
    pub legs: Vec<Leg>,
    /// (date, amount) paid out while the chain went on.
    pub interim: Vec<(NaiveDate, Decimal)>,
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

/// Runs the renewals when the account goes on past maturity: from the
/// plan's settled term (`term`: its value renews, or its principal under
/// `principalOnly`), until the withdrawal or the end of the chain.
pub fn run(product: &Product, schedule: &Schedule, contract_rate: Decimal, term: &Totals, closed: &Closed) -> Result<Renewals> {
    let Some(renew) = product.renew.as_ref() else { return Ok(Renewals::default()) };
    if closed.in_term() || closed.close <= schedule.maturity() {
        return Ok(Renewals::default());
    }
    let v0 = term.payout_exact()?;
    let chain = Chain { product, renew, schedule, rate: renew.rate.unwrap_or(contract_rate) };
    let legs = chain.legs(v0, term.principal, closed.close)?;
    let mut interim = Vec::new();
    if let (Carry::PrincipalOnly, Some(first)) = (renew.carry, legs.first()) {
        interim.push((schedule.maturity(), sub(v0, first.principal)?));
    }
    interim.extend(legs.iter().filter(|l| !l.interim.is_zero()).map(|l| (l.end, l.interim)));
    Ok(Renewals { legs, interim })
}

/// Context for running a chain.
struct Chain<'a> {
    product: &'a Product,
    renew: &'a Renew,
    schedule: &'a Schedule,
    /// The rate assumed for every renewal.
    rate: Decimal,
}

impl Chain<'_> {
    /// The renewals from the maturity value `v0` up to `close`; `principal`
    /// is what `principalOnly` renews.
    fn legs(&self, v0: Decimal, principal: Decimal, close: NaiveDate) -> Result<Vec<Leg>> {
        let mut legs = Vec::new();
        let mut value = v0;
        let renewed_principal = principal.min(v0);
        for j in 1..=self.renew.times {
            let (start, end) = leg_dates(self.schedule, self.renew, j).ok_or_else(Error::overflow)?;
            if close <= start {
                break;
            }
            let leg_principal = match self.renew.carry {
                Carry::PrincipalAndInterest => value,
                Carry::PrincipalOnly => renewed_principal,
            };
            let leg = self.leg(j, (start, end), leg_principal, close)?;
            value = leg.value;
            legs.push(leg);
            if close <= end {
                break;
            }
        }
        Ok(legs)
    }

    /// Renewal `j` from `start` to `end` on `principal`, the account closing on `close`.
    fn leg(&self, j: u32, (start, end): (NaiveDate, NaiveDate), principal: Decimal, close: NaiveDate) -> Result<Leg> {
        let (product, method) = (self.product, self.product.method);
        let last = j == self.renew.times;
        let early = (close < end).then_some(close);
        let (rate, held) = match early {
            Some(w) => {
                let units30 = units30(self.schedule, self.schedule.months + (j - 1) * self.renew.months, start, w);
                (product.demand_rate, Held::Part { units30, days: actual_days(start, w) })
            }
            None => (self.rate, Held::Term(self.renew.months)),
        };
        let lump = method.lump(principal, rate, held)?;
        let overdue = match last {
            true => overdue::interest(product, principal, lump, end, close)?,
            false => None,
        };
        let overdue_interest = overdue.map_or(Decimal::ZERO, |o| o.interest);
        let leg_end = if overdue.is_some() { close } else { early.unwrap_or(end) };
        // Tax split over the days the leg accrued (a full leg under
        // `accrueTo: dayBeforeMaturity` stops the day before its end).
        let accrued_to = crate::interest::accrual_end(method, early.unwrap_or(end), early.is_none());
        let table = &product.tax;
        let mut taxed = Taxed { exact: add(tax_on(table, lump, start, accrued_to)?, tax_on(table, overdue_interest, end, leg_end)?)?, portions: Vec::new() };
        taxed.portions = portions(table, lump, start, accrued_to)?;
        taxed.portions.extend(portions(table, overdue_interest, end, leg_end)?);
        let exact = add(lump, overdue_interest)?;
        let interest = settle::post(&product.rounding, exact);
        let tax = settle::post(&product.rounding, taxed.exact);
        let value = sub(add(principal, interest)?, tax)?;
        let interim = match self.renew.carry {
            Carry::PrincipalOnly if early.is_none() && !last && close != end => sub(value, principal)?,
            _ => Decimal::ZERO,
        };
        Ok(Leg { start, end: leg_end, principal, rate, interest, tax, exact, taxed, value, interim, held, overdue })
    }
}
