//! Interest methods: how each deposit earns between the day it counts from
//! and the day accrual stops. No rounding happens here: every method gives
//! exact amounts, rounded once later by the product's rule.
//!
//! - **Monthly product** (月积数法, the textbook and calculator method):
//!   `amount × month-units × rate ÷ 12`. A regular 1-year plan has
//!   12 + 11 + … + 1 = 78 month-units: ¥1,000 × 78 × 1.35% ÷ 12 = 87.75.
//! - **Daily product** (日积数法, what bank core systems do):
//!   `积数 × rate ÷ 360` (or 365), 积数 = Σ amount × days. The same plan on
//!   ACT/360 from 2024-01-15 gives 积数 2,384,000 and 89.40.
//! - **Compound** (Indian recurring deposits): each deposit grows by
//!   `(1 + i)^(m/p)`; ₹5,000 × 18 at 7.5% quarterly matures at 95,502.35.
//!
//! Each method works in exact numerators over one denominator, so a figure
//! exactly on a half cent (0.875) stays exact until it is rounded.

mod compound;
mod daily_product;
mod monthly_product;

use crate::calendar::Schedule;
use crate::error::Result;
use crate::product::{AccrueTo, EarnsFrom, Method};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One deposit as the interest methods see it.
#[derive(Clone, Debug)]
pub struct Deposit {
    pub n: u32,
    pub amount: Decimal,
    pub paid_on: NaiveDate,
    /// The schedule month it earns from (month-unit methods).
    pub earn_period: u32,
    /// Annual rate in percent.
    pub rate: Decimal,
}

/// What a set of deposits earned up to one date.
#[derive(Clone, Debug, Default)]
pub struct Accrued {
    /// Exact interest: Σ numerators ÷ denominator.
    pub total: Decimal,
    pub numerators: Vec<Decimal>,
    pub denominator: Decimal,
    /// Month-units or days each deposit earned.
    pub units: Vec<Decimal>,
    /// Month-units in thirtieths of a month (month-unit methods; empty for
    /// the daily product), for an exact formula.
    pub thirtieths: Vec<i64>,
    /// Days each deposit earned (daily product; empty otherwise), for the formula.
    pub days: Vec<i64>,
    /// The day each deposit's interest starts accruing (for tax periods).
    pub from: Vec<NaiveDate>,
    /// The formula with the numbers filled in, for `explain`.
    pub formula: String,
    /// Σ amount × days for the daily product (积数), for `explain`.
    pub day_product: Option<Decimal>,
}

impl Accrued {
    /// Exact interest of deposit `i`.
    pub fn interest_of(&self, i: usize) -> Decimal {
        self.numerators[i].checked_div(self.denominator).unwrap_or_default()
    }
}

/// The month a deposit earns from under a month-unit method.
pub fn earn_period(schedule: &Schedule, earns_from: EarnsFrom, n: u32, paid_on: NaiveDate) -> u32 {
    match earns_from {
        EarnsFrom::DueMonth => n,
        EarnsFrom::PaidMonth => schedule.period_of(paid_on).max(n),
    }
}

/// Accrues `deposits` up to `end` (maturity, or the close date of an early
/// withdrawal) with the product's method. `at_maturity` applies
/// `accrueTo: dayBeforeMaturity`.
pub fn accrue(method: Method, deposits: &[Deposit], schedule: &Schedule, end: NaiveDate, at_maturity: bool) -> Result<Accrued> {
    match method {
        Method::MonthlyProduct => monthly_product::accrue(deposits, schedule, end),
        Method::DailyProduct { day_count, .. } => {
            daily_product::accrue(deposits, schedule, accrual_end(method, end, at_maturity), day_count)
        }
        Method::Compound { period_months, broken_period, .. } => {
            compound::accrue(deposits, schedule, end, period_months, broken_period)
        }
    }
}

/// The day accrual stops (exclusive) for a piece of interest that runs to
/// `end`: the day before under `accrueTo: dayBeforeMaturity` when `end` is a
/// maturity (so neither the maturity day nor the day before it earns), else
/// `end`. Tax is split over the same days (CONTRACT.md §6).
pub fn accrual_end(method: Method, end: NaiveDate, at_maturity: bool) -> NaiveDate {
    match method {
        Method::DailyProduct { accrue_to: AccrueTo::DayBeforeMaturity, .. } if at_maturity => end.pred_opt().unwrap_or(end),
        _ => end,
    }
}

/// Exact interest of a compound product on a lump sum `value` held
/// `units30` thirtieths of a month at `rate`; used by renewals.
pub fn compound_interest(value: Decimal, rate: Decimal, period_months: u32, broken: crate::product::BrokenPeriod, units30: i64) -> Result<Decimal> {
    compound::lump_interest(value, rate, period_months, broken, units30)
}

/// One lump sum's compound interest as a formula (see [`compound_interest`]).
pub fn compound_formula(value: Decimal, rate: Decimal, period_months: u32, broken: crate::product::BrokenPeriod, units30: i64) -> String {
    compound::lump_formula(value, rate, period_months, broken, units30)
}

/// Groups deposits by rate and amount, in order of first appearance: (rate, Σ weight, amount).
pub(crate) fn by_rate(deposits: &[Deposit], weights: &[Decimal]) -> Result<Vec<(Decimal, Decimal, Decimal)>> {
    let mut groups: Vec<(Decimal, Decimal, Decimal)> = Vec::new();
    for (d, w) in deposits.iter().zip(weights) {
        match groups.iter_mut().find(|g| g.0 == d.rate && g.2 == d.amount) {
            Some(g) => g.1 = crate::money::add(g.1, *w)?,
            None => groups.push((d.rate, *w, d.amount)),
        }
    }
    Ok(groups)
}

/// Month-units from thirtieths of a month, dividing only for a part month.
pub(crate) fn months_from_thirtieths(units30: i64) -> Result<Decimal> {
    if units30 % 30 == 0 {
        return Ok(Decimal::from(units30 / 30));
    }
    crate::money::div(Decimal::from(units30), Decimal::from(30))
}

