//! Pricing one plan under one product: the stages in order
//! (ARCHITECTURE.md), each one module with typed input and output.
//!
//! calendar → ledger → missed → closure → interest → overdue → protection,
//! fees, tax → settle the term → renewal → settle → explain → quote.

use crate::calendar::Schedule;
use crate::closure::{self, Closed, Closure};
use crate::error::{Error, ErrorCode, Result};
use crate::explain::{self, Facts};
use crate::interest;
use crate::ledger;
use crate::missed::{self, Misses};
use crate::money::add;
use crate::overdue;
use crate::plan::Plan;
use crate::product::Product;
use crate::protection;
use crate::quote::{self, Breach, Quote, Renewal};
use crate::renewal::{self, Renewals};
use crate::settle::{self, Settlement, Totals};
use crate::tax;
use rust_decimal::Decimal;

/// Prices a plan under a product: the typed path, through every stage.
///
/// # Errors
/// Plan problems that need the calendar (events, early withdrawal) and `OVERFLOW`.
///
/// # Example
/// ```
/// use savings_plan::{price, Closure, Plan, Product, Status};
/// let product = Product::parse(&savings_plan::contract::catalog()[0])?;
/// let plan = Plan::parse(&serde_json::json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" }), &product)?;
/// let quote = price(&product, &plan)?;
/// assert_eq!(quote.payout.to_string(), "12087.75");
/// assert_eq!(quote.closure, Closure::Maturity);
/// assert_eq!(quote.schedule[0].status, Status::Paid);
/// # Ok::<(), savings_plan::Error>(())
/// ```
pub fn price(product: &Product, plan: &Plan) -> Result<Quote> {
    let mut quote = run(product, plan, true)?;
    if matches!(quote.closure, Closure::Early | Closure::ClosedByBank) {
        // What holding to maturity would have paid, the bank never closing.
        let held = Plan { withdraw_on: None, ..plan.clone() };
        quote.maturity_payout = run(product, &held, false).ok().map(|q| q.payout);
    }
    Ok(quote)
}

/// The stages in order; `bank`: whether the bank may close the account.
fn run(product: &Product, plan: &Plan, bank: bool) -> Result<Quote> {
    // Calendar: due dates, maturity, the renewals' ends.
    let past_9999 = || Error::new(ErrorCode::Overflow, "plan.months", "the plan runs past the year 9999");
    let schedule = Schedule::new(plan.start, plan.months).ok_or_else(past_9999)?;
    if let Some(r) = &product.renew {
        renewal::chain_end(&schedule, r).ok_or_else(past_9999)?;
    }
    let term_rate = product.term_rate(plan.months).unwrap_or_default();
    let contract = plan.rate.unwrap_or(term_rate);
    // Ledger, misses (breach and its effects, the bank's closure), closure.
    let early_in_term = plan.withdraw_on.filter(|w| *w < schedule.maturity());
    let mut entries = ledger::build(plan, &schedule, product, early_in_term)?;
    let misses = missed::assess(&mut entries, &schedule, product, plan.withdraw_on, bank);
    let closed = closure::decide(product, plan, &schedule, misses.bank_closure, contract)?;
    // Interest on each deposit at its rate: the early rate, else by the breach rule.
    let rate_of = |paid_on| closed.early.map_or_else(|| misses.rate(paid_on, contract, product.demand_rate), |e| e.rate);
    let deposits = ledger::deposits(&entries, plan.installment, &schedule, product.missed.earns_from, rate_of);
    let principal = deposits.iter().try_fold(Decimal::ZERO, |s, d| add(s, d.amount))?;
    let accrued = interest::accrue(product.method, &deposits, &schedule, closed.term_end, !closed.in_term())?;
    // Overdue on the plan itself (after renewals, the last renewal pays it).
    let overdue = match (&product.renew, closed.closure) {
        (None, Closure::Overdue) => overdue::interest(product, principal, accrued.total, schedule.maturity(), closed.close)?,
        _ => None,
    };
    // Subsidy, late fees and tax, exact; then the term settled.
    let subsidy = protection::on_term(product, &deposits, contract, &schedule, (closed.in_term(), plan.inflation))?;
    let accrued_to = interest::accrual_end(product.method, closed.term_end, !closed.in_term());
    let taxed = tax::on_term(&product.tax, &accrued, plan.start, accrued_to, overdue.as_ref())?;
    let exact = Totals {
        principal,
        interest: add(accrued.total, overdue.map_or(Decimal::ZERO, |o| o.interest))?,
        subsidy: subsidy.as_ref().map_or(Decimal::ZERO, |s| s.accrued.total),
        fees: missed::late_fee(plan.installment, product, misses.late_months).ok_or_else(Error::overflow)?,
        tax: taxed.exact,
    };
    let term = Totals::round(&product.rounding, exact);
    // Renewals from the term's value; the account settled.
    let renewals = renewal::run(product, &schedule, contract, &term, &closed)?;
    let settlement = settle::settle(&product.rounding, term, &renewals, &deposits, (plan.start, closed.close), plan.inflation)?;
    let facts = Facts {
        product,
        plan,
        contract_rate: contract,
        misses: &misses,
        closed: &closed,
        deposits: &deposits,
        accrued: &accrued,
        overdue: overdue.as_ref(),
        subsidy: subsidy.as_ref(),
        tax: &taxed,
        exact: &exact,
        term: &term,
        renewals: &renewals,
        settlement: &settlement,
    };
    let explain = explain::steps(&facts)?;
    let schedule_rows = quote::rows(&entries, &deposits, &accrued.units)?;
    let warnings = quote::warnings(product, plan, &closed, contract, term_rate);
    let assumptions = protection::assumptions(product, plan.inflation, closed.in_term());
    let notes = Notes { explain, warnings, assumptions };
    Ok(assemble(product, (contract, schedule.maturity()), &closed, settlement, misses, schedule_rows, &renewals, notes))
}

/// What the quote says besides its figures.
struct Notes {
    explain: Vec<quote::Step>,
    warnings: Vec<quote::Warning>,
    assumptions: Vec<quote::Assumption>,
}

/// The quote from the stages' outputs.
#[allow(clippy::too_many_arguments)]
fn assemble(
    product: &Product,
    (contract, maturity): (Decimal, chrono::NaiveDate),
    closed: &Closed,
    settlement: Settlement,
    misses: Misses,
    schedule: Vec<quote::Row>,
    renewals: &Renewals,
    notes: Notes,
) -> Quote {
    let t = settlement.totals;
    let renewal = |l: &renewal::Leg| Renewal {
        start: l.start,
        end: l.end,
        principal: l.principal,
        rate: l.rate,
        interest: l.interest,
        tax: l.tax,
        value: l.value,
    };
    Quote {
        product_id: product.id.clone(),
        currency: product.currency.clone(),
        contract_rate: contract,
        maturity_date: maturity,
        close_date: closed.close,
        closure: closed.closure,
        close_rate: closed.close_rate(product.demand_rate),
        principal: t.principal,
        interest: t.interest,
        subsidy: t.subsidy,
        fees: t.fees,
        tax: t.tax,
        payout: settlement.payout,
        effective_annual_yield: settlement.effective_annual_yield,
        real_payout: settlement.real_payout,
        // After an early or bank close every deposit earned the close rate.
        breach: misses.breach.map(|b| Breach { rate: b.rate.filter(|_| !closed.in_term()), ..b }),
        maturity_payout: None,
        schedule,
        renewals: renewals.legs.iter().map(renewal).collect(),
        explain: notes.explain,
        warnings: notes.warnings,
        assumptions: notes.assumptions,
        scale: product.rounding.scale,
        payout_scale: product.rounding.payout_display_scale(),
    }
}
