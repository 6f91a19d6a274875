//! "How we calculated": the steps that produced a result, each with a
//! stable key the page translates, the formula with the numbers actually
//! used, and the value, built from the stages' outputs after the figures
//! are settled. A teller reads them back to a customer; a saver sees why a
//! regular saver pays about half the headline rate.
//!
//! Every formula is true as written (tests/explain.rs evaluates each one):
//! it uses `+ − × ÷ ^ %`, parentheses, `max`/`min`, and evaluates to the
//! value beside it, exactly, or to it shown at 10 places for a figure that
//! does not end sooner. `a + b + … + z` is only ever a run with one step
//! (12 + 11 + … + 1), never a pattern the terms do not follow: a made-up
//! month shows `36 + 35 + … + 31 + 29 + 29 + 28 + … + 1`. A paid figure
//! that was rounded says so: `… → halfUp to 2 places`. Only the breach
//! sentence and the XIRR step are words, not arithmetic.

use crate::calendar::format_date;
use crate::closure::{Closed, EarlyPay, EarlyRate};
use crate::error::Result;
use crate::interest::{Accrued, Deposit};
use crate::missed::Misses;
use crate::money::{div, fixed, plain, Rounding, RoundingMode};
use crate::overdue::Overdue;
use crate::plan::Plan;
use crate::product::Product;
use crate::protection::Subsidy;
use crate::quote::{Figure, Step};
use crate::renewal::Renewals;
use crate::settle::{Settlement, Totals};
use crate::tax::Taxed;
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
        /// An inflation-linked subsidy rate: max(0, inflation − contract rate).
        SubsidyRate = "subsidyRate",
        /// The value-protection subsidy.
        Subsidy = "subsidy",
        /// Late fees for make-ups.
        LateFee = "lateFee",
        /// Interest tax by accrual period (the term's, and each renewal's).
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
    pub contract_rate: Decimal,
    pub misses: &'a Misses,
    pub closed: &'a Closed,
    pub deposits: &'a [Deposit],
    pub accrued: &'a Accrued,
    pub overdue: Option<&'a Overdue>,
    /// The term's subsidy, when one is paid.
    pub subsidy: Option<&'a Subsidy>,
    pub tax: &'a Taxed,
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
    let rounding = &f.product.rounding;
    if let Some(b) = &f.misses.breach {
        let formula = format!("{} after installment {} ({}): {}", b.trigger.as_str(), b.installment, format_date(b.date), b.effect.as_str());
        step(ExplainKey::Breach, formula, Figure::Date(b.date));
    }
    if let Some(e) = &f.closed.early {
        step(ExplainKey::EarlyRate, early_rate(e), Figure::Plain(e.rate, 28));
    }
    if let Some(dp) = f.accrued.day_product {
        step(ExplainKey::DayProduct, day_product_formula(f.deposits, &f.accrued.days), Figure::Plain(dp, 28));
    } else if !f.accrued.thirtieths.is_empty() {
        let total: i64 = f.accrued.thirtieths.iter().sum();
        let months = div(Decimal::from(total), Decimal::from(30))?;
        step(ExplainKey::MonthUnits, units_formula(&f.accrued.thirtieths), Figure::Plain(months, 10));
    }
    step(ExplainKey::Interest, f.product.method.formula(f.deposits, f.accrued)?, Figure::Plain(f.accrued.total, 10));
    if let Some(o) = f.overdue {
        step(ExplainKey::Overdue, overdue(o), Figure::Plain(o.interest, 10));
    }
    let (exact, term) = (f.exact, f.term);
    if exact.interest != term.interest {
        let shown = exact_shown(exact.interest, term.interest, rounding);
        let formula = format!("{shown} → {} to {} places", rounding.mode.as_str(), rounding.scale);
        step(ExplainKey::Rounding, formula, Figure::Fixed(term.interest, rounding.scale));
    }
    term_steps(f, &mut step)?;
    for leg in &f.renewals.legs {
        let lump = f.product.method.lump_formula(leg.principal, leg.rate, leg.held);
        let formula = match &leg.overdue {
            Some(o) => format!("{lump} + {}", overdue(o)),
            None => lump,
        };
        let formula = with_rounding(formula, leg.exact, leg.interest, rounding.mode, rounding.scale);
        step(ExplainKey::Renewal, formula, Figure::Fixed(leg.interest, rounding.scale));
        if !leg.tax.is_zero() {
            let formula = crate::tax::formula(&leg.taxed.portions, leg.taxed.exact, leg.tax, rounding)?;
            step(ExplainKey::Tax, formula, Figure::Fixed(leg.tax, rounding.scale));
        }
    }
    settled(f, &mut step)?;
    Ok(steps)
}

/// The subsidy rate and subsidy, late fees and the term's tax.
fn term_steps(f: &Facts, step: &mut impl FnMut(ExplainKey, String, Figure)) -> Result<()> {
    let (rounding, exact, term) = (&f.product.rounding, f.exact, f.term);
    let (mode, scale) = (rounding.mode, rounding.scale);
    if let Some(s) = f.subsidy {
        if let Some((x, _)) = s.inflation {
            let formula = format!("max(0, {}% − {}%)", fixed(x, x.scale()), plain(f.contract_rate));
            step(ExplainKey::SubsidyRate, formula, Figure::Plain(s.rate, 28));
        }
        let formula = with_rounding(s.method.formula(&s.deposits, &s.accrued)?, exact.subsidy, term.subsidy, mode, scale);
        step(ExplainKey::Subsidy, formula, Figure::Fixed(term.subsidy, scale));
    }
    let (fee, late) = (f.product.missed.late_fee_per_100, f.misses.late_months);
    if late > 0 && !fee.is_zero() {
        // installment × fee per 100 ÷ 100 × Σ months late
        let formula = format!("{} × {} ÷ 100 × {late}", plain(f.plan.installment), plain(fee));
        step(ExplainKey::LateFee, with_rounding(formula, exact.fees, term.fees, mode, scale), Figure::Fixed(term.fees, scale));
    }
    if !term.tax.is_zero() {
        let formula = crate::tax::formula(&f.tax.portions, exact.tax, term.tax, rounding)?;
        step(ExplainKey::Tax, formula, Figure::Fixed(term.tax, scale));
    }
    Ok(())
}

/// The payout, the yield and the real payout.
fn settled(f: &Facts, step: &mut impl FnMut(ExplainKey, String, Figure)) -> Result<()> {
    let (s, t) = (f.settlement, &f.settlement.totals);
    let rounding = &f.product.rounding;
    let (scale, payout_scale) = (rounding.scale, rounding.payout_display_scale());
    let formula = format!(
        "{} + {} + {} − {} − {}",
        fixed(t.principal, scale),
        fixed(t.interest, scale),
        fixed(t.subsidy, scale),
        fixed(t.fees, scale),
        fixed(t.tax, scale)
    );
    let formula = with_rounding(formula, t.payout_exact()?, s.payout, rounding.mode, payout_scale);
    step(ExplainKey::Payout, formula, Figure::Fixed(s.payout, payout_scale));
    if let Some(y) = s.effective_annual_yield {
        step(ExplainKey::EffectiveAnnualYield, format!("XIRR of {} cash flows, ACT/365", s.cash_flows), Figure::Fixed(y, 2));
    }
    if let (Some(r), Some(x)) = (s.real_payout, f.plan.inflation) {
        let formula = format!("{} ÷ (1 + {}%)^({} ÷ 365)", fixed(s.payout, payout_scale), plain(x), s.days);
        let formula = format!("{formula} → {} to {scale} places", rounding.mode.as_str());
        step(ExplainKey::RealPayout, formula, Figure::Fixed(r, scale));
    }
    Ok(())
}

/// The early rate's rule with its numbers.
fn early_rate(e: &EarlyPay) -> String {
    match e.rule {
        EarlyRate::Demand => format!("{}%", plain(e.rate)),
        EarlyRate::ContractMinus => format!("max(0, {}% − {}%)", plain(e.contract), plain(e.penalty)),
        // min(rate for the whole months held, contract rate) − penalty
        EarlyRate::LowerOfHeldAndContractMinus => {
            format!("max(0, min({}%, {}%) − {}%)", plain(e.held.1), plain(e.contract), plain(e.penalty))
        }
    }
}

/// `base × days × rate% ÷ denominator`.
fn overdue(o: &Overdue) -> String {
    format!("{} × {} × {}% ÷ {}", plain(o.base), o.days, plain(o.rate), plain(o.denominator))
}

/// `formula → halfUp to 2 places` when rounding changed the figure, else the formula.
pub fn with_rounding(formula: String, exact: Decimal, rounded: Decimal, mode: RoundingMode, scale: u32) -> String {
    if exact == rounded {
        formula
    } else {
        format!("{formula} → {} to {scale} places", mode.as_str())
    }
}

/// An exact figure as a formula shows it: at most 10 places, or all its
/// digits where 10 places would round differently from the figure itself.
pub fn exact_shown(exact: Decimal, rounded: Decimal, rounding: &Rounding) -> String {
    let short = exact.round_dp(10);
    if rounding.round(short) == rounded {
        plain(short)
    } else {
        plain(exact)
    }
}

/// A sum as a formula writes it: runs of four or more terms with one
/// non-zero step shortened to `a + b + … + z`, everything else listed.
pub fn sum_of(terms: &[i64]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let mut j = i + 1;
        if let Some(&b) = terms.get(i + 1) {
            let step = b - terms[i];
            while step != 0 && j < terms.len() && terms[j] - terms[j - 1] == step {
                j += 1;
            }
        }
        if j - i >= 4 {
            parts.push(format!("{} + {} + … + {}", terms[i], terms[i + 1], terms[j - 1]));
            i = j;
        } else {
            parts.push(terms[i].to_string());
            i += 1;
        }
    }
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" + ")
    }
}

/// 积数 as a formula: `1000 × (366 + 335 + … )`, the days each deposit
/// earned, or `amount × days` per deposit when amounts differ.
pub fn day_product_formula(deposits: &[Deposit], days: &[i64]) -> String {
    match deposits.first() {
        None => "0".into(),
        Some(a) if deposits.iter().all(|x| x.amount == a.amount) => format!("{} × ({})", plain(a.amount), sum_of(days)),
        Some(_) => deposits.iter().zip(days).map(|(a, d)| format!("{} × {d}", plain(a.amount))).collect::<Vec<_>>().join(" + "),
    }
}

/// Month-units as a formula, from thirtieths of a month: whole months
/// listed (`12 + 11 + … + 1`), or, with a part month, the thirtieths
/// divided once (`(350 + 320 + … + 20) ÷ 30`), so the sum is exact.
pub fn units_formula(units30: &[i64]) -> String {
    if units30.iter().all(|u| u % 30 == 0) {
        sum_of(&units30.iter().map(|u| u / 30).collect::<Vec<_>>())
    } else {
        format!("({}) ÷ 30", sum_of(units30))
    }
}

/// Months from thirtieths as a formula term: `12`, or `(367 ÷ 30)`.
pub fn months_term(units30: i64) -> String {
    if units30 % 30 == 0 {
        (units30 / 30).to_string()
    } else {
        format!("({units30} ÷ 30)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_shortened_and_breaks_are_shown() {
        assert_eq!(sum_of(&[12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), "12 + 11 + … + 1");
        assert_eq!(sum_of(&[36, 35, 34, 33, 32, 31, 29, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]),
            "36 + 35 + … + 31 + 29 + 29 + 28 + … + 1");
        assert_eq!(sum_of(&[3, 2, 1]), "3 + 2 + 1");
        assert_eq!(sum_of(&[5, 5, 5, 5]), "5 + 5 + 5 + 5");
        assert_eq!(sum_of(&[]), "0");
        assert_eq!(units_formula(&[360, 330, 300, 270, 37]), "(360 + 330 + … + 270 + 37) ÷ 30");
        assert_eq!(months_term(367), "(367 ÷ 30)");
    }
}
