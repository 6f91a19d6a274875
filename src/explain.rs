//! "How we calculated": the steps that produced a result, each with a
//! stable key the page translates, the formula with the numbers actually
//! used, and the value. A teller reads them back to a customer; a saver sees
//! why a regular saver pays about half the headline rate.
//!
//! Keys: `monthUnits`, `dayProduct`, `breach`,
//! `earlyRate`, `interest`, `overdue`, `rounding`, `subsidy`, `lateFee`,
//! `tax`, `renewal`, `payout`, `effectiveAnnualYield`, `realPayout`.

use crate::calendar::format_date;
use crate::closure::{Closed, EarlyPay, EarlyRate};
use crate::error::Result;
use crate::interest::{Accrued, Deposit};
use crate::missed::Misses;
use crate::money::{add, fixed, plain};
use crate::overdue::Overdue;
use crate::plan::Plan;
use crate::protection::Subsidy;
use crate::product::Product;
use crate::quote::{Figure, Step};
use crate::renewal::Renewals;
use crate::settle::{Settlement, Totals};
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

/// What the stages found: the input of "how we calculated".
pub struct Facts<'a> {
    pub product: &'a Product,
    pub plan: &'a Plan,
    pub misses: &'a Misses,
    pub closed: &'a Closed,
    pub deposits: &'a [Deposit],
    pub accrued: &'a Accrued,
    pub overdue: Option<&'a Overdue>,
    /// The term's subsidy, when one is paid.
    pub subsidy: Option<&'a Subsidy>,
    /// The term's figures, exact and as paid.
    pub exact: &'a Totals,
    pub term: &'a Totals,
    pub renewals: &'a Renewals,
    pub settlement: &'a Settlement,
}

/// The steps, in the order a teller reads them out.
pub fn steps(f: &Facts) -> Result<Vec<Step>> {
    let mut steps = Vec::with_capacity(8 + f.renewals.legs.len());
    let mut step = |key, formula: String, value| steps.push(Step { key, formula, value });
    let (scale, mode) = (f.product.rounding.scale, f.product.rounding.mode);
    if let Some(b) = &f.misses.breach {
        let formula = format!("{} after installment {} ({}): {}", b.trigger.as_str(), b.installment, format_date(b.date), b.effect.as_str());
        step(ExplainKey::Breach, formula, Figure::Date(b.date));
    }
    if let Some(e) = &f.closed.early {
        step(ExplainKey::EarlyRate, early_rate(e), Figure::Plain(e.rate, 28));
    }
    if let Some(dp) = f.accrued.day_product {
        step(ExplainKey::DayProduct, format!("Σ amount × days = Σ {} × days", plain(f.plan.installment)), Figure::Plain(dp, 28));
    } else if !f.accrued.units.is_empty() {
        let total = f.accrued.units.iter().try_fold(Decimal::ZERO, |s, u| add(s, *u))?;
        step(ExplainKey::MonthUnits, units_sum(&f.accrued.units), Figure::Plain(total, 4));
    }
    step(ExplainKey::Interest, or_zero(f.product.method.formula(f.deposits, f.accrued)?), Figure::Plain(f.accrued.total, 10));
    if let Some(o) = f.overdue {
        step(ExplainKey::Overdue, overdue(o), Figure::Plain(o.interest, 10));
    }
    if f.exact.interest != f.term.interest {
        let formula = format!("{} → {} to {scale} places", plain(f.exact.interest.round_dp(10)), mode.as_str());
        step(ExplainKey::Rounding, formula, Figure::Fixed(f.term.interest, scale));
    }
    if let Some(s) = f.subsidy {
        step(ExplainKey::Subsidy, or_zero(s.method.formula(&s.deposits, &s.accrued)?), Figure::Fixed(f.term.subsidy, scale));
    }
    let (fee, late) = (f.product.missed.late_fee_per_100, f.misses.late_months);
    if late > 0 && !fee.is_zero() {
        let formula = format!("{} × {} ÷ 100 × {late} months late", plain(f.plan.installment), plain(fee));
        step(ExplainKey::LateFee, formula, Figure::Fixed(f.term.fees, scale));
    }
    if !f.term.tax.is_zero() {
        let formula = format!("Σ interest × tax rate in force while it accrued = {}", plain(f.exact.tax.round_dp(10)));
        step(ExplainKey::Tax, formula, Figure::Fixed(f.term.tax, scale));
    }
    for leg in &f.renewals.legs {
        let lump = f.product.method.lump_formula(leg.principal, leg.rate, leg.held);
        let formula = match &leg.overdue {
            Some(o) => format!("{lump} + {}", overdue(o)),
            None => lump,
        };
        step(ExplainKey::Renewal, formula, Figure::Fixed(leg.interest, scale));
    }
    settled(f, &mut step);
    Ok(steps)
}

/// The payout, the yield and the real payout.
fn settled(f: &Facts, step: &mut impl FnMut(ExplainKey, String, Figure)) {
    let (s, t) = (f.settlement, &f.settlement.totals);
    let (scale, payout_scale) = (f.product.rounding.scale, f.product.rounding.payout_display_scale());
    let formula = format!(
        "{} + {} + {} − {} − {}",
        fixed(t.principal, scale),
        fixed(t.interest, scale),
        fixed(t.subsidy, scale),
        fixed(t.fees, scale),
        fixed(t.tax, scale)
    );
    step(ExplainKey::Payout, formula, Figure::Fixed(s.payout, payout_scale));
    if let Some(y) = s.effective_annual_yield {
        step(ExplainKey::EffectiveAnnualYield, format!("XIRR of {} cash flows, ACT/365", s.cash_flows), Figure::Fixed(y, 2));
    }
    if let (Some(r), Some(x)) = (s.real_payout, f.plan.inflation) {
        let formula = format!("{} ÷ (1 + {}%)^({} ÷ 365)", fixed(s.payout, payout_scale), plain(x), s.days);
        step(ExplainKey::RealPayout, formula, Figure::Fixed(r, scale));
    }
}

/// A formula, or "0" when there was nothing to sum.
fn or_zero(formula: String) -> String {
    if formula.is_empty() {
        "0".to_string()
    } else {
        formula
    }
}

/// The early rate's rule with its numbers.
fn early_rate(e: &EarlyPay) -> String {
    match e.rule {
        EarlyRate::Demand => format!("{}%", plain(e.rate)),
        EarlyRate::ContractMinus => format!("max(0, {}% − {}%)", plain(e.contract), plain(e.penalty)),
        EarlyRate::LowerOfHeldAndContractMinus => format!(
            "max(0, min(held {} months {}%, contract {}%) − {}%)",
            e.held.0,
            plain(e.held.1),
            plain(e.contract),
            plain(e.penalty)
        ),
    }
}

/// `base × days × rate% ÷ denominator`.
fn overdue(o: &Overdue) -> String {
    format!("{} × {} × {}% ÷ {}", plain(o.base), o.days, plain(o.rate), plain(o.denominator))
}

/// Sum of month-units of a regular plan, spelled out: `12 + 11 + … + 1`.
pub fn units_sum(units: &[Decimal]) -> String {
    let show = |u: &Decimal| plain(u.round_dp(4));
    match units {
        [a, b, .., z] if units.len() > 4 => format!("{} + {} + … + {}", show(a), show(b), show(z)),
        _ => units.iter().map(show).collect::<Vec<_>>().join(" + "),
    }
}
