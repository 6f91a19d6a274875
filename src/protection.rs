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
use crate::product::{Method, Product, ValueProtection};
use crate::quote::{Assumption, AssumptionKey};
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

vocabulary! {
    /// Where an assumed figure comes from (CONTRACT.md §8.1; an assumption's `source`).
    pub enum Source as "AssumptionSource", locale [] {
        /// The saver's or teller's plan chose it.
        Plan = "plan",
        /// The product's default: nobody chose it.
        Product = "product",
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
        (_, Some((x, _))) => crate::money::sub(x, contract_rate).unwrap_or_default().max(Decimal::ZERO),
        (_, None) => Decimal::ZERO,
    }
}

/// The subsidy of a term: the deposits that earned the contract rate, at
/// the subsidy rate, accrued to maturity by the product's method made simple.
pub struct Subsidy {
    /// The subsidy rate, percent per year.
    pub rate: Decimal,
    /// The inflation an inflation-linked rate came from, and who chose it.
    pub inflation: Option<(Decimal, Source)>,
    pub method: Method,
    pub deposits: Vec<Deposit>,
    pub accrued: Accrued,
}

/// The exact subsidy on the deposits that earned the contract rate, to maturity.
pub fn subsidy(method: Method, deposits: &[Deposit], contract_rate: Decimal, rate: Decimal, schedule: &Schedule, maturity: NaiveDate) -> Result<Subsidy> {
    let at_subsidy: Vec<Deposit> = deposits
        .iter()
        .filter(|d| d.rate == contract_rate)
        .map(|d| Deposit { rate, ..d.clone() })
        .collect();
    let method = method.simple();
    // The simple method never posts yearly: no posting rules needed.
    let posting = crate::interest::Posting { rounding: crate::product::defaults::ROUNDING, bonus: &[], early_rate: None, detail: true };
    let accrued = accrue(method, &at_subsidy, schedule, maturity, true, &posting)?;
    Ok(Subsidy { rate, inflation: None, method, deposits: at_subsidy, accrued })
}

/// The term's subsidy: `None` without value protection, and on an early or
/// bank close (no subsidy is paid then).
pub fn on_term(
    product: &Product,
    deposits: &[Deposit],
    contract_rate: Decimal,
    schedule: &Schedule,
    (in_term, plan_inflation): (bool, Option<Decimal>),
) -> Result<Option<Subsidy>> {
    match product.value_protection {
        Some(vp) if !in_term => {
            let rate = subsidy_rate(vp, contract_rate, plan_inflation);
            let mut s = subsidy(product.method, deposits, contract_rate, rate, schedule, schedule.maturity())?;
            s.inflation = inflation_used(vp, plan_inflation);
            Ok(Some(s))
        }
        _ => Ok(None),
    }
}

/// What the result rests on that nobody knows today: the plan's inflation
/// when it gives one, else the product's assumed inflation when an
/// inflation-linked subsidy is paid.
pub fn assumptions(product: &Product, plan_inflation: Option<Decimal>, in_term: bool) -> Vec<Assumption> {
    let mut out = Vec::new();
    if let Some(x) = plan_inflation {
        out.push(Assumption { key: AssumptionKey::Inflation, value: x, source: Source::Plan });
    }
    if let Some(vp) = product.value_protection {
        if let (Some((x, Source::Product)), false) = (inflation_used(vp, plan_inflation), in_term) {
            out.push(Assumption { key: AssumptionKey::Inflation, value: x, source: Source::Product });
        }
    }
    out
}
