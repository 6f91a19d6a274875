//! "How we calculated": the steps that produced a result, each with a
//! stable key the page translates, the formula with the numbers actually
//! used, and the value. A teller reads them back to a customer; a saver sees
//! why a regular saver pays about half the headline rate.
//!
//! Keys: `monthUnits`, `dayProduct`, `breach`,
//! `earlyRate`, `interest`, `overdue`, `rounding`, `subsidy`, `lateFee`,
//! `tax`, `renewal`, `payout`, `effectiveAnnualYield`, `realPayout`.

use crate::money::plain;
use crate::money::RoundingMode;
use crate::quote::{Figure, Step};
use crate::vocabulary::vocabulary;
use rust_decimal::Decimal;

vocabulary! {
    /// What an explain step shows (a step's `key`; the page words each one).
    pub enum ExplainKey as "ExplainKey", locale ["explain_"] {
        /// Σ month-units of the deposits (`12 + 11 + … + 1`).
        MonthUnits = "monthUnits",
        /// 积数: Σ amount × days.
        DayProduct = "dayProduct",
        /// Why and when the account breached.
        Breach = "breach",
        /// The rate every deposit earns on an early or bank close.
        EarlyRate = "earlyRate",
        /// The interest formula with its numbers.
        Interest = "interest",
        /// Overdue interest after maturity.
        Overdue = "overdue",
        /// The exact interest and its rounding.
        Rounding = "rounding",
        /// The value-protection subsidy.
        Subsidy = "subsidy",
        /// Late fees for make-ups.
        LateFee = "lateFee",
        /// Interest tax by accrual period.
        Tax = "tax",
        /// One lump-sum renewal.
        Renewal = "renewal",
        /// principal + interest + subsidy − fees − tax.
        Payout = "payout",
        /// XIRR of the cash flows.
        EffectiveAnnualYield = "effectiveAnnualYield",
        /// The payout in today's money.
        RealPayout = "realPayout",
    }
}

/// Collects the steps in order.
#[derive(Default)]
pub struct Explain(pub Vec<Step>);

impl Explain {
    pub fn step(&mut self, key: ExplainKey, formula: impl Into<String>, value: Figure) {
        self.0.push(Step { key, formula: formula.into(), value });
    }

    /// An exact figure and the rounding that made it paid.
    pub fn rounded(&mut self, key: ExplainKey, exact: Decimal, rounded: Decimal, mode: RoundingMode, scale: u32) {
        if exact != rounded {
            self.step(key, format!("{} → {} to {scale} places", plain(exact.round_dp(10)), mode.as_str()), Figure::Fixed(rounded, scale));
        }
    }
}

/// Sum of month-units of a regular plan, spelled out: `12 + 11 + … + 1`.
pub fn units_sum(units: &[Decimal]) -> String {
    let show = |u: &Decimal| plain(u.round_dp(4));
    match units {
        [a, b, .., z] if units.len() > 4 => format!("{} + {} + … + {}", show(a), show(b), show(z)),
        _ => units.iter().map(show).collect::<Vec<_>>().join(" + "),
    }
}
