//! Settling: every rounding of the engine, in one place.
//!
//! The stages before compute exact figures. Here each paid figure is
//! rounded once by the product's rule (`rounding`): the term's interest
//! (with overdue interest), the subsidy, the late fees and the tax; a
//! posting (a renewal's interest and tax, the interest an overdue maturity
//! value includes) is rounded where it is posted, by [`post`]. The payout is
//! `principal + interest + subsidy − fees − tax`, then `payoutScale`; the
//! effective annual yield is the XIRR of the actual cash flows, and the real
//! payout discounts the payout at an assumed inflation.
//!
//! Example: interest of exactly 55.575 is paid as 55.58 (half up), 55.58
//! (half even) or 55.57 (down).

use crate::error::{Error, Result};
use crate::interest::Deposit;
use crate::money::{add, div, mul, pow, root, sub, Rounding};
use crate::renewal::Renewals;
use crate::xirr::effective_annual_yield;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The paid figures of a result.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub principal: Decimal,
    pub interest: Decimal,
    pub subsidy: Decimal,
    pub fees: Decimal,
    pub tax: Decimal,
}

impl Totals {
    /// Rounds the term's exact figures, each once, by the product's rule
    /// (the principal is the sum of the deposits, exact already).
    pub fn round(rounding: &Rounding, exact: Totals) -> Totals {
        Totals {
            principal: exact.principal,
            interest: post(rounding, exact.interest),
            subsidy: post(rounding, exact.subsidy),
            fees: post(rounding, exact.fees),
            tax: post(rounding, exact.tax),
        }
    }

    /// `principal + interest + subsidy − fees − tax`, before `payoutScale`.
    pub fn payout_exact(&self) -> Result<Decimal> {
        sub(sub(add(add(self.principal, self.interest)?, self.subsidy)?, self.fees)?, self.tax)
    }
}

/// A figure paid out or carried on, rounded by the product's rule.
pub fn post(rounding: &Rounding, exact: Decimal) -> Decimal {
    rounding.round(exact)
}

/// The settlement of the whole account.
#[derive(Clone, Debug, PartialEq)]
pub struct Settlement {
    /// The term's figures with the renewals' interest and tax added.
    pub totals: Totals,
    /// At the payout scale.
    pub payout: Decimal,
    /// XIRR of the cash flows, percent at 2 places.
    pub effective_annual_yield: Option<Decimal>,
    /// How many cash flows the yield is over.
    pub cash_flows: usize,
    /// The payout in money of the opening day, at the plan's inflation.
    pub real_payout: Option<Decimal>,
    /// Days from opening to close (the real payout's discounting period).
    pub days: i64,
}

/// Settles the account: the payout, the yield over the actual cash flows
/// (each deposit out on its day, interim payouts and the payout in) and
/// the real payout.
pub fn settle(
    rounding: &Rounding,
    term: Totals,
    renewals: &Renewals,
    deposits: &[Deposit],
    (start, close): (NaiveDate, NaiveDate),
    inflation: Option<Decimal>,
) -> Result<Settlement> {
    let totals = totals(term, renewals)?;
    let payout = payout(rounding, &totals)?;
    let mut flows: Vec<(NaiveDate, Decimal)> = deposits.iter().map(|d| (d.paid_on, -d.amount)).collect();
    let interim_total = renewals.interim.iter().try_fold(Decimal::ZERO, |s, f| add(s, f.1))?;
    flows.extend(renewals.interim.iter().copied());
    flows.push((close, sub(payout, interim_total)?));
    let days = crate::calendar::actual_days(start, close);
    let real_payout = match inflation {
        Some(x) => Some(real_payout(payout, x, days, rounding)?),
        None => None,
    };
    Ok(Settlement { totals, payout, effective_annual_yield: effective_annual_yield(&flows), cash_flows: flows.len(), real_payout, days })
}

/// The term's figures with the renewals' interest and tax added.
pub fn totals(term: Totals, renewals: &Renewals) -> Result<Totals> {
    let mut totals = term;
    for leg in &renewals.legs {
        totals.interest = add(totals.interest, leg.interest)?;
        totals.tax = add(totals.tax, leg.tax)?;
    }
    Ok(totals)
}

/// The payout of settled totals, at the payout scale (both modes of the
/// pipeline take the payout from here).
pub fn payout(rounding: &Rounding, totals: &Totals) -> Result<Decimal> {
    Ok(rounding.round_payout(totals.payout_exact()?))
}

/// `payout ÷ (1 + inflation/100)^(days ÷ 365)`, rounded to the product's scale.
pub fn real_payout(payout: Decimal, inflation: Decimal, days: i64, rounding: &Rounding) -> Result<Decimal> {
    let base = add(Decimal::ONE, div(inflation, Decimal::ONE_HUNDRED)?)?;
    // (1 + x)^(days/365) = (1 + x)^years × ((1 + x)^(1/365))^rest, exact to 27 digits
    // with whole powers and one Newton root, no floating point.
    let days = days.max(0) as u64;
    let whole = pow(base, days / 365)?;
    let rest = days % 365;
    let part = if rest == 0 { Decimal::ONE } else { pow(root(base, 365)?, rest)? };
    let factor = mul(whole, part)?;
    if factor <= Decimal::ZERO {
        return Err(Error::overflow());
    }
    Ok(rounding.round(div(payout, factor)?))
}
