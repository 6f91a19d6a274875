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

/// The subsidy rate for a contract rate.
pub fn subsidy_rate(protection: ValueProtection, contract_rate: Decimal) -> Decimal {
    match protection {
        ValueProtection::SubsidyRate(r) => r,
        ValueProtection::Inflation(x) => x.checked_sub(contract_rate).unwrap_or_default().max(Decimal::ZERO),
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
