//! How and when the account closes: at maturity, early (before maturity, by
//! the saver), overdue (after maturity, or after the last renewal), or
//! closed by the bank after too many misses in a row (RULES.md §2).
//!
//! An early close pays every deposit the product's early rate
//! (`early.rate`): the demand rate (or the Post Office's savings rate), the
//! contract rate less a penalty, or the lower of the rate for the period
//! held and the contract rate, less the penalty.

use crate::calendar::{whole_months, Schedule};
use crate::error::{Error, ErrorCode, Result};
use crate::money::sub;
use crate::plan::Plan;
use crate::product::Product;
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

vocabulary! {
    /// How the account closed (a result's `closure`).
    pub enum Closure as "Closure", locale ["closure_"] {
        /// On the maturity date (or at the end of a renewal).
        Maturity = "maturity",
        /// Before maturity, at the saver's request.
        Early = "early",
        /// After maturity: overdue interest at the demand rate.
        Overdue = "overdue",
        /// By the bank, after `missed.closeAfterConsecutive` misses in a row.
        ClosedByBank = "closedByBank",
    }
}

vocabulary! {
    /// The rate every deposit earns on an early close (`early.rate`).
    pub enum EarlyRate as "EarlyRate", locale [] {
        /// The demand rate, or `early.savingsRate` when set.
        Demand = "demand",
        /// max(0, contract rate − penalty).
        ContractMinus = "contractMinus",
        /// max(0, min(rate for the months held, contract rate) − penalty).
        LowerOfHeldAndContractMinus = "lowerOfHeldAndContractMinus",
    }
}

/// The product's rules for early withdrawal (`early`).
#[derive(Clone, Debug, PartialEq)]
pub struct Early {
    pub allowed: bool,
    pub min_months: u32,
    pub rate: EarlyRate,
    /// Percentage points taken off.
    pub penalty: Decimal,
    /// `(months, rate)`, ascending by months.
    pub held_rates: Vec<(u32, Decimal)>,
    /// Replaces the demand rate for early closure (Post Office savings-account rate).
    pub savings_rate: Option<Decimal>,
}

/// The rate every deposit earns on an early or bank close, and what it
/// came from (for "how we calculated").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EarlyPay {
    pub rule: EarlyRate,
    /// The rate paid, percent per year.
    pub rate: Decimal,
    pub contract: Decimal,
    pub penalty: Decimal,
    /// Whole months held and the rate for them (`lowerOfHeldAndContractMinus`).
    pub held: (u32, Decimal),
}

/// How the account closed: decided once, here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Closed {
    pub closure: Closure,
    /// The day the money is paid out.
    pub close: NaiveDate,
    /// Where the installment term's interest stops: the close, at most maturity.
    pub term_end: NaiveDate,
    /// On a close before maturity (early or by the bank): the early rate.
    pub early: Option<EarlyPay>,
}

impl Closed {
    /// Whether the account closed before maturity (early or by the bank).
    pub fn in_term(&self) -> bool {
        self.early.is_some()
    }

    /// The rate the closing rule applied instead of the contract rate: the
    /// early rate of the term, the demand rate of overdue days or of a
    /// renewal closed early; `None` on a maturity close.
    pub fn close_rate(&self, demand: Decimal) -> Option<Decimal> {
        match self.closure {
            Closure::Maturity => None,
            Closure::Overdue => Some(demand),
            Closure::Early | Closure::ClosedByBank => Some(self.early.map_or(demand, |e| e.rate)),
        }
    }
}

/// Decides how and when the account closes: the saver's withdrawal date
/// against maturity and the renewals' ends, or the bank's closure after too
/// many misses (`bank_closure`, from the missed stage).
///
/// # Errors
/// `EARLY_NOT_ALLOWED` when the product does not allow the withdrawal
/// before maturity, or not yet (`early.minMonths`).
pub fn decide(
    product: &Product,
    plan: &Plan,
    schedule: &Schedule,
    bank_closure: Option<NaiveDate>,
    contract: Decimal,
) -> Result<Closed> {
    let maturity = schedule.maturity();
    if let Some(w) = plan.withdraw_on.filter(|w| *w < maturity) {
        allow_early(product, plan.start, w)?;
    }
    let (closure, close) = match (bank_closure, plan.withdraw_on) {
        (Some(d), _) => (Closure::ClosedByBank, d),
        (None, None) => (Closure::Maturity, renewal_end(product, schedule, product.renew.as_ref().map_or(0, |r| r.times))),
        (None, Some(w)) if w < maturity => (Closure::Early, w),
        (None, Some(w)) => (after_maturity(product, schedule, w), w),
    };
    let term_end = close.min(maturity);
    let early = (term_end < maturity).then(|| early_pay(product, contract, whole_months(plan.start, term_end).0));
    Ok(Closed { closure, close, term_end, early })
}

/// The end of renewal `j` (0: the plan's own maturity).
fn renewal_end(product: &Product, schedule: &Schedule, j: u32) -> NaiveDate {
    match (product.renew.as_ref(), j) {
        (Some(r), j) if j > 0 => crate::renewal::leg_dates(schedule, r, j).map_or(schedule.maturity(), |(_, end)| end),
        _ => schedule.maturity(),
    }
}

/// A withdrawal on or after maturity: at maturity or at a renewal's end it
/// is a maturity close, inside a renewal an early one, after the last an
/// overdue one.
fn after_maturity(product: &Product, schedule: &Schedule, w: NaiveDate) -> Closure {
    let times = product.renew.as_ref().map_or(0, |r| r.times);
    if (0..=times).any(|j| renewal_end(product, schedule, j) == w) {
        Closure::Maturity
    } else if w < renewal_end(product, schedule, times) {
        Closure::Early
    } else {
        Closure::Overdue
    }
}

/// Checks that the product allows a withdrawal on `w` before maturity.
fn allow_early(product: &Product, start: NaiveDate, w: NaiveDate) -> Result<()> {
    if !product.early.allowed {
        return Err(Error::new(ErrorCode::EarlyNotAllowed, "plan.withdrawOn", "this product does not allow early withdrawal"));
    }
    if whole_months(start, w).0 < product.early.min_months {
        return Err(Error::new(
            ErrorCode::EarlyNotAllowed,
            "plan.withdrawOn",
            format!("early withdrawal is allowed after {} months", product.early.min_months),
        ));
    }
    Ok(())
}

/// The early rate after `months_held` whole months (`early.rate`).
fn early_pay(product: &Product, contract: Decimal, months_held: u32) -> EarlyPay {
    let e = &product.early;
    let held_rate = if e.held_rates.is_empty() {
        contract
    } else {
        e.held_rates.iter().rev().find(|(m, _)| *m <= months_held).map(|(_, r)| *r).unwrap_or(Decimal::ZERO)
    };
    let less_penalty = match e.rate {
        EarlyRate::Demand => None,
        EarlyRate::ContractMinus => Some(contract),
        EarlyRate::LowerOfHeldAndContractMinus => Some(held_rate.min(contract)),
    };
    let rate = match less_penalty {
        Some(r) => sub(r, e.penalty).unwrap_or_default().max(Decimal::ZERO),
        None => e.savings_rate.unwrap_or(product.demand_rate),
    };
    EarlyPay { rule: e.rate, rate, contract, penalty: e.penalty, held: (months_held, held_rate) }
}
