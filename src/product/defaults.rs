//! What an absent field means: the Chinese standard product of CONTRACT.md
//! §1, leaf by leaf. Each default is written once, here; the reader uses
//! these constants, and a test checks the configurator's defaults against
//! a table built from them.

use super::{Carry, Limits, MaturityAction, OverdueRate};
use crate::closure::{Early, EarlyRate};
use crate::interest::{AccrueTo, BrokenPeriod, Compounding, DayCount, MethodName};
use crate::missed::{BreachAfter, BreachTrigger, EarnsFrom, Missed, OnBreach};
use crate::money::{Rounding, RoundingMode};
use crate::overdue::OverdueBase;
use rust_decimal::Decimal;

/// `installment`: at least 5, no maximum, in steps of 0.01.
pub const INSTALLMENT: Limits = Limits {
    min: Decimal::from_parts(5, 0, 0, false, 0),
    max: None,
    step: Decimal::from_parts(1, 0, 0, false, 2),
    plausible_max: None,
};

/// `interest.method`.
pub const METHOD: MethodName = MethodName::MonthlyProduct;
/// `interest.dayCount` of the daily product.
pub const DAILY_DAY_COUNT: DayCount = DayCount::Act360;
/// `interest.accrueTo` of the daily product.
pub const ACCRUE_TO: AccrueTo = AccrueTo::Maturity;
/// `interest.compounding` of the compound method.
pub const COMPOUNDING: Compounding = Compounding::Quarterly;
/// `interest.brokenPeriod` of the compound method.
pub const BROKEN_PERIOD: BrokenPeriod = BrokenPeriod::Compound;
/// `interest.dayCount` of the compound method.
pub const COMPOUND_DAY_COUNT: DayCount = DayCount::Act365;

/// `rounding`: 2 places, half up, the payout at the same scale.
pub const ROUNDING: Rounding = Rounding { scale: 2, mode: RoundingMode::HalfUp, payout_scale: None };

/// `missed`: make up within a month, from the month paid; one miss not made
/// up is a breach, after which later deposits earn the demand rate.
pub const MISSED: Missed = Missed {
    make_up_within: Some(1),
    earns_from: EarnsFrom::PaidMonth,
    breach_after: Some(BreachAfter { trigger: BreachTrigger::UnmadeUp, n: 1 }),
    on_breach: OnBreach::LaterAtDemand,
    late_fee_per_100: Decimal::ZERO,
    close_after_consecutive: None,
};

/// `early`: allowed any time, at the demand rate.
pub const EARLY: Early = Early {
    allowed: true,
    min_months: 0,
    rate: EarlyRate::Demand,
    penalty: Decimal::ZERO,
    held_rates: Vec::new(),
    savings_rate: None,
};

/// `overdue.rate`.
pub const OVERDUE_RATE: OverdueRate = OverdueRate::Demand;
/// `overdue.base`.
pub const OVERDUE_BASE: OverdueBase = OverdueBase::Principal;
/// `maturity.action`.
pub const MATURITY_ACTION: MaturityAction = MaturityAction::Payout;
/// `maturity.renew.times`.
pub const RENEW_TIMES: u32 = 1;
/// `maturity.renew.carry`.
pub const CARRY: Carry = Carry::PrincipalAndInterest;

/// The defaults as JSON text by field path, for the checks against the
/// configurator (`interest.<method>.<option>` for a method's options).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn table() -> Vec<(&'static str, String)> {
    use crate::money::plain;
    let text = |s: &str| format!("\"{s}\"");
    let opt = |n: Option<u32>| n.map_or("null".to_string(), |n| n.to_string());
    let breach = MISSED.breach_after.map_or("null".to_string(), |b| format!("{{\"{}\":{}}}", b.trigger.as_str(), b.n));
    vec![
        ("installment.min", text(&plain(INSTALLMENT.min))),
        ("installment.max", "null".into()),
        ("installment.step", text(&plain(INSTALLMENT.step))),
        ("interest.method", text(METHOD.as_str())),
        ("interest.dailyProduct.dayCount", text(DAILY_DAY_COUNT.as_str())),
        ("interest.dailyProduct.accrueTo", text(ACCRUE_TO.as_str())),
        ("interest.compound.compounding", text(COMPOUNDING.as_str())),
        ("interest.compound.brokenPeriod", text(BROKEN_PERIOD.as_str())),
        ("interest.compound.dayCount", text(COMPOUND_DAY_COUNT.as_str())),
        ("rounding.scale", ROUNDING.scale.to_string()),
        ("rounding.mode", text(ROUNDING.mode.as_str())),
        ("rounding.payoutScale", opt(ROUNDING.payout_scale)),
        ("missed.makeUpWithinMonths", opt(MISSED.make_up_within)),
        ("missed.makeUpEarnsFrom", text(MISSED.earns_from.as_str())),
        ("missed.breachAfter", breach),
        ("missed.onBreach", text(MISSED.on_breach.as_str())),
        ("missed.lateFeePer100PerMonth", text(&plain(MISSED.late_fee_per_100))),
        ("missed.closeAfterConsecutive", opt(MISSED.close_after_consecutive)),
        ("early.allowed", EARLY.allowed.to_string()),
        ("early.minMonths", EARLY.min_months.to_string()),
        ("early.rate", text(EARLY.rate.as_str())),
        ("early.penalty", text(&plain(EARLY.penalty))),
        ("early.heldRates", "[]".into()),
        ("early.savingsRate", "null".into()),
        ("overdue.rate", text(OVERDUE_RATE.as_str())),
        ("overdue.base", text(OVERDUE_BASE.as_str())),
        ("maturity.action", text(MATURITY_ACTION.as_str())),
        ("maturity.renew.rate", "null".into()),
        ("maturity.renew.times", RENEW_TIMES.to_string()),
        ("maturity.renew.carry", text(CARRY.as_str())),
        ("ratesEffective", "null".into()),
        ("valueProtection", "null".into()),
        ("tax", "[]".into()),
    ]
}
