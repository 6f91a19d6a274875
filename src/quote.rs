//! The result (CONTRACT.md §3): what one product pays for one plan.
//!
//! A [`Quote`] holds numbers, dates and enums: `quote.payout` is a
//! [`Decimal`], `quote.maturity_date` a [`NaiveDate`], `quote.closure` a
//! [`Closure`]. The contract's text formats (money fixed to the product's
//! scale, rates and units plain, dates `YYYY-MM-DD`) are applied only when
//! the quote is written as JSON ([`Quote::to_json`]), so the page shows
//! exactly the engine's figures and never does money arithmetic. Beside the
//! contract's fields a quote carries `productId`, `currency` and
//! `contractRate` (documented in the README) so that a comparison can be
//! read without the products beside it.

use crate::closure::{Closed, Closure};
use crate::error::Result;
use crate::explain::ExplainKey;
use crate::interest::Deposit;
use crate::ledger::{Entry, Status};
use crate::money::add;
use crate::plan::Plan;
use crate::product::Product;
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::missed::Breach;
pub use crate::protection::Source;

vocabulary! {
    /// What a warning is about (a warning's `code`).
    pub enum WarningCode as "WarningCode", locale ["warning_"] {
        /// The plan starts before the date the product's rates took effect.
        RateBeforeEffective = "RATE_BEFORE_EFFECTIVE",
        /// A teller rate replaces the product's rate for the term.
        RateOverride = "RATE_OVERRIDE",
        /// The teller rate is above the product's highest rate plus its `rateOverride.margin`.
        RateOverrideHigh = "RATE_OVERRIDE_HIGH",
        /// No value-protection subsidy on an early or bank close.
        SubsidyForfeited = "SUBSIDY_FORFEITED",
    }
}

/// One installment row of the schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub n: u32,
    pub due: NaiveDate,
    /// The day it was paid; `None` when missed or refused.
    pub paid_on: Option<NaiveDate>,
    /// What was deposited (0 when missed or refused).
    pub amount: Decimal,
    pub status: Status,
    /// Deposits so far, this one included.
    pub balance: Decimal,
    /// The rate it earned, percent per year.
    pub rate: Decimal,
    /// Month-units or days it earned, exact (JSON shows at most 4 places).
    pub units: Decimal,
}

/// One lump-sum renewal at maturity.
#[derive(Clone, Debug, PartialEq)]
pub struct Renewal {
    pub start: NaiveDate,
    /// The end, or the withdrawal date when it closed early or overdue.
    pub end: NaiveDate,
    pub principal: Decimal,
    /// The rate it earned, percent per year.
    pub rate: Decimal,
    pub interest: Decimal,
    pub tax: Decimal,
    /// principal + interest − tax.
    pub value: Decimal,
}

/// Something the saver or teller should know that does not stop the result.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// The plan starts before the product's rates took effect (`plan.start`).
    RateBeforeEffective { effective: NaiveDate },
    /// A teller rate replaces the product's rate for the term (`plan.rate`).
    RateOverride { teller: Decimal, product: Decimal },
    /// The teller rate is above `ceiling`: the product's highest term rate
    /// plus `margin` points (`plan.rate`).
    RateOverrideHigh { teller: Decimal, ceiling: Decimal, margin: Decimal },
    /// No value-protection subsidy on an early or bank close (`plan.withdrawOn`).
    SubsidyForfeited,
}

impl Warning {
    pub fn code(&self) -> WarningCode {
        match self {
            Warning::RateBeforeEffective { .. } => WarningCode::RateBeforeEffective,
            Warning::RateOverride { .. } => WarningCode::RateOverride,
            Warning::RateOverrideHigh { .. } => WarningCode::RateOverrideHigh,
            Warning::SubsidyForfeited => WarningCode::SubsidyForfeited,
        }
    }

    /// The JSON path of the plan field it is about.
    pub fn path(&self) -> &'static str {
        match self {
            Warning::RateBeforeEffective { .. } => "plan.start",
            Warning::RateOverride { .. } | Warning::RateOverrideHigh { .. } => "plan.rate",
            Warning::SubsidyForfeited => "plan.withdrawOn",
        }
    }

    /// A sentence for developers (the page words each code itself).
    pub fn message(&self) -> String {
        use crate::money::plain;
        match self {
            Warning::RateBeforeEffective { effective } => {
                format!("the plan starts before the rates' effective date {}", crate::calendar::format_date(*effective))
            }
            Warning::RateOverride { teller, product } => {
                format!("the teller rate {}% replaces the product's {}%", plain(*teller), plain(*product))
            }
            Warning::RateOverrideHigh { teller, ceiling, margin } => format!(
                "the teller rate {}% is above {}%: the product's highest term rate plus its margin of {} points",
                plain(*teller),
                plain(*ceiling),
                plain(*margin)
            ),
            Warning::SubsidyForfeited => "no value-protection subsidy is paid on an early or bank closure".into(),
        }
    }
}

/// A figure as an explain step shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    /// At exactly this many places: `12087.75`, `0.00`.
    Fixed(Decimal, u32),
    /// At most this many places, without trailing zeros: `2384000`, `87.75`.
    Plain(Decimal, u32),
    /// A date.
    Date(NaiveDate),
}

vocabulary! {
    /// What an assumption is about (an assumption's `key`).
    pub enum AssumptionKey as "AssumptionKey", locale [] {
        /// The yearly inflation a value-protection subsidy or a real payout rests on.
        Inflation = "inflation",
    }
}

/// A figure the result depends on that nobody knows today (CONTRACT.md §8.1).
#[derive(Clone, Debug, PartialEq)]
pub struct Assumption {
    pub key: AssumptionKey,
    /// The figure as it was given (`2.0` keeps its one place).
    pub value: Decimal,
    /// Who chose it.
    pub source: Source,
}

/// One step of "how we calculated", with the numbers filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Stable key the page translates.
    pub key: ExplainKey,
    /// The formula with the numbers actually used.
    pub formula: String,
    /// What it evaluates to.
    pub value: Figure,
}

/// What one product pays for one plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub product_id: String,
    pub currency: String,
    /// The contract rate, percent per year (the teller's when set).
    pub contract_rate: Decimal,
    pub maturity_date: NaiveDate,
    /// The day the money is paid out.
    pub close_date: NaiveDate,
    pub closure: Closure,
    /// The rate the closing rule applied instead of the contract rate: the
    /// early rate every deposit earned (early, closed by the bank), the
    /// demand rate of the overdue days or of a renewal closed early; `None`
    /// on a maturity close.
    pub close_rate: Option<Decimal>,
    pub principal: Decimal,
    pub interest: Decimal,
    pub subsidy: Decimal,
    pub fees: Decimal,
    pub tax: Decimal,
    /// principal + interest + subsidy − fees − tax, at the payout scale.
    pub payout: Decimal,
    /// XIRR of the cash flows, percent, 2 places.
    pub effective_annual_yield: Option<Decimal>,
    /// The payout in money of the opening day, at an assumed inflation.
    pub real_payout: Option<Decimal>,
    pub breach: Option<Breach>,
    /// On an early or bank close: what holding to maturity would have paid.
    pub maturity_payout: Option<Decimal>,
    pub schedule: Vec<Row>,
    pub renewals: Vec<Renewal>,
    pub explain: Vec<Step>,
    pub warnings: Vec<Warning>,
    /// What the figures rest on that nobody knows today.
    pub assumptions: Vec<Assumption>,
    /// The places of the paid figures in JSON (`rounding.scale`).
    pub scale: u32,
    /// The places of the payout in JSON (`rounding.payoutScale`, else `scale`).
    pub payout_scale: u32,
}

impl Quote {
    /// The contract's JSON text of this result (CONTRACT.md §3).
    ///
    /// # Example
    /// ```
    /// use savings_plan::{price, Plan, Product};
    /// let product = Product::parse(&savings_plan::contract::catalog()[0]).unwrap();
    /// let plan = Plan::parse(&serde_json::json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" }), &product).unwrap();
    /// let json = price(&product, &plan).unwrap().to_json();
    /// assert!(json.contains(r#""payout":"12087.75""#));
    /// ```
    pub fn to_json(&self) -> String {
        crate::json::ToJson::to_json(self)
    }
}

/// The schedule rows: every ledger entry, with what it deposited, the rate
/// it earned and its units (from the deposits, in the same order).
pub(crate) fn rows(entries: &[Entry], deposits: &[Deposit], units: &[Decimal]) -> Result<Vec<Row>> {
    let mut balance = Decimal::ZERO;
    let mut earning = deposits.iter().zip(units.iter()).peekable();
    let mut rows = Vec::with_capacity(entries.len());
    for e in entries {
        let (amount, rate, units) = match earning.peek() {
            Some((d, u)) if d.n == e.n && e.is_deposit() => {
                let row = (d.amount, d.rate, **u);
                earning.next();
                row
            }
            _ => (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
        };
        balance = add(balance, amount)?;
        let paid_on = if matches!(e.status, Status::Missed | Status::Refused) { None } else { e.paid_on };
        rows.push(Row { n: e.n, due: e.due, paid_on, amount, status: e.status, balance, rate, units });
    }
    Ok(rows)
}

/// What the saver or teller should know: the plan starts before the rates'
/// effective date, a forfeited subsidy, a teller rate.
pub(crate) fn warnings(product: &Product, plan: &Plan, closed: &Closed, contract: Decimal, term_rate: Decimal) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if let Some(effective) = product.rates_effective.filter(|eff| plan.start < *eff) {
        warnings.push(Warning::RateBeforeEffective { effective });
    }
    if product.value_protection.is_some() && closed.in_term() {
        warnings.push(Warning::SubsidyForfeited);
    }
    if plan.rate.is_some_and(|r| r != term_rate) {
        warnings.push(Warning::RateOverride { teller: contract, product: term_rate });
    }
    warnings.extend(product.rate_override.warning(&product.terms, plan.rate));
    warnings
}
