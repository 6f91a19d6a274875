//! Reconciling a statement (CONTRACT.md §8.2): "did the bank pay me right?"
//!
//! statement → deposits placed on installments ([`placement`]) → an
//! ordinary plan with `events` → priced by the same [`price`] as
//! `calculate` → beside the bank's figure, the difference and its likely
//! cause ([`bank`]). Deposits the product's rules cannot place are problems,
//! not failures: the rest is still priced.
//!
//! ```
//! use serde_json::json;
//! let product = &savings_plan::contract::catalog()[0];
//! let statement = json!({ "start": "2025-01-15", "months": 12, "installment": null, "rate": "1.35",
//!     "deposits": [{ "date": "2025-01-15", "amount": "1000" }, { "date": "2025-03-16", "amount": "2000" }],
//!     "withdrawOn": "2025-04-15", "bankPayout": null });
//! let r = savings_plan::contract::reconcile(product, &statement).unwrap();
//! assert_eq!(r.deposits[1].installments, vec![2, 3]); // March's deposit pays March and makes up February
//! assert_eq!(r.plan.events[0].paid_on, chrono::NaiveDate::from_ymd_opt(2025, 3, 16));
//! assert!(r.to_json().contains(r#""installments":[2,3],"status":"late""#));
//! ```

pub mod bank;
mod json;
pub mod placement;
pub mod statement;

use crate::price::price;
use crate::calendar::Schedule;
use crate::error::{Error, ErrorCode, Result};
use crate::plan::{check_installment, Event, Plan};
use crate::product::{parse_product, Product};
use crate::quote::Quote;
use bank::Bank;
use chrono::NaiveDate;
use placement::{place, Placed, Placement, Problem};
use rust_decimal::Decimal;
use serde_json::Value;
use statement::{parse_statement, Statement};

/// The reconciled statement: the plan it amounts to (an ordinary plan,
/// CONTRACT.md §2, that `calculate` prices to `result`), what the product's
/// rules pay for it, each deposit's fate in the statement's order, the
/// problems, and the bank's figure. Typed; [`Reconciliation::to_json`]
/// writes the contract's JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct Reconciliation {
    pub plan: Plan,
    pub result: Quote,
    pub deposits: Vec<Placed>,
    pub problems: Vec<Problem>,
    pub bank: Option<Bank>,
}

/// Reconciles a statement (JSON) under a product (JSON).
///
/// # Errors
/// The product's first problem, then the statement's (paths
/// `statement.deposits[3].date`, …), as for `calculate`;
/// `MISSING_FIELD` at `statement.installment` when it is null and no
/// deposit falls within the term; `EARLY_NOT_ALLOWED` at
/// `statement.withdrawOn`; `OVERFLOW`.
pub fn reconcile(product: &Value, statement: &Value) -> Result<Reconciliation> {
    let product = parse_product(product)?;
    let st = parse_statement(statement, &product)?;
    let schedule = Schedule::new(st.start, st.months)
        .ok_or_else(|| Error::new(ErrorCode::Overflow, "statement.months", "the plan runs past the year 9999"))?;
    let maturity = schedule.maturity();
    let close = st.withdraw_on.map_or(maturity, |w| w.min(maturity));

    let installment = match st.installment {
        Some(i) => i,
        None => {
            // The first deposit in date order that falls within the term.
            let first = st
                .deposits
                .iter()
                .filter(|d| d.date >= st.start && d.date < close)
                .min_by_key(|d| (d.date, d.index))
                .ok_or_else(|| {
                    Error::new(
                        ErrorCode::MissingField,
                        "statement.installment",
                        "installment is required when no deposit falls within the term",
                    )
                })?;
            check_installment(first.amount, &product, &format!("statement.deposits[{}].amount", first.index))?;
            first.amount
        }
    };

    let (placement, plan) = plan_of(&product, &st, installment, &schedule, close);
    let result = price(&product, &plan).map_err(as_statement_error)?;
    let bank = match st.bank_payout {
        Some(b) => {
            let replan = |p: &Product| plan_of(p, &st, installment, &schedule, close);
            Some(bank::explain(&product, &plan, &result, b, &placement, &replan)?)
        }
        None => None,
    };

    Ok(Reconciliation { plan, result, deposits: placement.deposits, problems: placement.problems, bank })
}

/// The deposits placed under a product's rules, and the plan they make.
fn plan_of(product: &Product, st: &Statement, installment: Decimal, schedule: &Schedule, close: NaiveDate) -> (Placement, Plan) {
    let placement = place(&st.deposits, installment, schedule, product, close);
    let mut events = Vec::new();
    for (k, paid) in (1u32..).zip(&placement.paid_on) {
        match paid {
            None => events.push(Event { index: events.len(), n: k, missed: true, paid_on: None, amount: None }),
            Some(d) if *d != schedule.due_date(k) => {
                events.push(Event { index: events.len(), n: k, missed: false, paid_on: Some(*d), amount: None })
            }
            Some(_) => {}
        }
    }
    let plan = Plan {
        start: st.start,
        months: st.months,
        installment,
        rate: st.rate,
        events,
        withdraw_on: st.withdraw_on,
        inflation: None,
    };
    (placement, plan)
}

/// An error from pricing the plan we built, named at the statement field it came from.
fn as_statement_error(mut e: Error) -> Error {
    e.path = match e.path.as_str() {
        "plan.withdrawOn" => "statement.withdrawOn".into(),
        "plan.months" => "statement.months".into(),
        "plan.start" => "statement.start".into(),
        "plan.rate" => "statement.rate".into(),
        "plan.installment" => "statement.installment".into(),
        p if p.starts_with("plan.events") => "statement.deposits".into(),
        _ => "statement".into(),
    };
    e
}
