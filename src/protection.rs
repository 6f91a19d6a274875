//! Value-protected savings (保值储蓄): a subsidy on top of interest.
//!
//! When inflation ran above deposit rates, PBOC announced a subsidy rate
//! (保值贴补率) and deposits held to maturity received
//! `subsidy = 积数 × subsidyRate ÷ 360` (the same units as interest × the
//! subsidy rate). The product gives either a fixed subsidy rate or an
//! assumed inflation, making the rate `max(0, inflation − contract rate)`.
//! Paid on a maturity or overdue close only, for the contract term only,
//! never on deposits at the demand rate; not taxed.

use crate::calendar::Schedule;
use crate::error::Result;
use crate::interest::{accrue, Accrued, Deposit};
use crate::product::{Method, ValueProtection};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Where an assumed figure comes from (CONTRACT.md §8.1): the saver's plan,
/// or the product's default, which nobody chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Plan,
    Product,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Plan => "plan",
            Source::Product => "product",
        }
    }
}

/// The inflation an inflation-linked subsidy uses: the plan's when it gives
/// one, else the product's assumption. `None` for a fixed subsidy rate.
pub fn inflation_used(protection: ValueProtection, plan_inflation: Option<Decimal>) -> Option<(Decimal, Source)> {
    match (protection, plan_inflation) {
        (ValueProtection::SubsidyRate(_), _) => None,
        (ValueProtection::Inflation(_), Some(x)) => Some((x, Source::Plan)),
        (ValueProtection::Inflation(x), None) => Some((x, Source::Product)),
    }
}

/// The subsidy rate for a contract rate: the fixed rate, or
/// max(0, inflation − contract rate) with the inflation of [`inflation_used`].
pub fn subsidy_rate(protection: ValueProtection, contract_rate: Decimal, plan_inflation: Option<Decimal>) -> Decimal {
    match (protection, inflation_used(protection, plan_inflation)) {
        (ValueProtection::SubsidyRate(r), _) => r,
        (_, Some((x, _))) => x.checked_sub(contract_rate).unwrap_or_default().max(Decimal::ZERO),
        (_, None) => Decimal::ZERO,
    }
}

/// The exact subsidy on the deposits that earned the contract rate, to maturity.
pub fn subsidy(method: Method, deposits: &[Deposit], contract_rate: Decimal, rate: Decimal, schedule: &Schedule, maturity: NaiveDate) -> Result<Accrued> {
    let at_subsidy: Vec<Deposit> = deposits
        .iter()
        .filter(|d| d.rate == contract_rate)
        .map(|d| Deposit { rate, ..d.clone() })
        .collect();
    // The subsidy is simple on the interest's units, also for compound products.
    let method = match method {
        Method::Compound { .. } => Method::MonthlyProduct,
        other => other,
    };
    accrue(method, &at_subsidy, schedule, maturity, true)
}
