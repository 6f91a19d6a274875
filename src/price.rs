//! Pricing one plan under one product: the stages in order
//! (ARCHITECTURE.md), each one module with typed input and output.
//!
//! calendar → ledger → missed → closure → interest → overdue → protection,
//! fees, tax → settle the term → renewal → settle → explain → quote.
//!
//! The same stages run in two modes ([`Mode`]): the full quote, or the
//! payout only ([`payout`]), which stops after the settlement's rounding and
//! skips the yield, the real payout, the explanation, the schedule rows and
//! the warnings. Both modes run the one code path up to the payout, so the
//! payout-only figures cannot drift from `calculate` (tests/payouts.rs
//! checks them equal on every vector and on random plans).

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
use crate::withholding;
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
    let Priced::Quote(mut quote) = run(product, plan, true, Mode::Quote)? else {
        return Err(Error::overflow()); // unreachable: the quote mode gives a quote
    };
    if matches!(quote.closure, Closure::Early | Closure::ClosedByBank) {
        // What holding to maturity would have paid, the bank never closing.
        let held = Plan { withdraw_on: None, ..plan.clone() };
        quote.maturity_payout = match run(product, &held, false, Mode::Payout) {
            Ok(Priced::Payout(p)) => Some(p.payout),
            _ => None,
        };
    }
    Ok(quote)
}

/// The payout only: the same stages as [`price`], stopped after the
/// settlement's rounding (no yield, real payout, explanation, schedule rows
/// or warnings). The figures equal the full quote's, always.
///
/// # Errors
/// As [`price`].
///
/// # Example
/// ```
/// use savings_plan::{payout, price, Plan, Product};
/// let product = Product::parse(&savings_plan::contract::catalog()[0])?;
/// let plan = Plan::parse(&serde_json::json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" }), &product)?;
/// let p = payout(&product, &plan)?;
/// assert_eq!(p.payout.to_string(), "12087.75");
/// assert_eq!(p.payout, price(&product, &plan)?.payout);
/// # Ok::<(), savings_plan::Error>(())
/// ```
pub fn payout(product: &Product, plan: &Plan) -> Result<Payout> {
    match run(product, plan, true, Mode::Payout)? {
        Priced::Payout(p) => Ok(p),
        Priced::Quote(q) => Ok(Payout::of(&q)), // unreachable: the payout mode gives a payout
    }
}

/// [`payout`] on a calendar already built for the plan by [`schedule`]:
/// `advise` and `payouts` price many plans on one calendar (every early
/// month of a plan, a grid's plans with one opening date and term) and
/// build it once.
///
/// # Errors
/// As [`price`], but those of [`schedule`].
pub(crate) fn payout_on(product: &Product, plan: &Plan, schedule: &Schedule) -> Result<Payout> {
    match run_on(product, plan, schedule, true, Mode::Payout)? {
        Priced::Payout(p) => Ok(p),
        Priced::Quote(q) => Ok(Payout::of(&q)), // unreachable: the payout mode gives a payout
    }
}

/// The calendar stage: due dates, maturity, the renewals' ends; the same
/// for every plan with the plan's opening date and term under one product.
///
/// # Errors
/// `OVERFLOW` at `plan.months` when the plan or its renewals run past the year 9999.
pub(crate) fn schedule(product: &Product, plan: &Plan) -> Result<Schedule> {
    let past_9999 = || Error::new(ErrorCode::Overflow, "plan.months", "the plan runs past the year 9999");
    let schedule = Schedule::new(plan.start, plan.months).ok_or_else(past_9999)?;
    if let Some(r) = &product.renew {
        renewal::chain_end(&schedule, r).ok_or_else(past_9999)?;
    }
    Ok(schedule)
}

/// What the stages produce: everything, or only what a payout needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Quote,
    Payout,
}

/// What [`run`] gives in each [`Mode`].
enum Priced {
    Quote(Quote),
    Payout(Payout),
}

/// A plan's paid figures without the quote around them (the payout-only path).
#[derive(Clone, Debug, PartialEq)]
pub struct Payout {
    pub closure: Closure,
    /// The day the money is paid out.
    pub close_date: chrono::NaiveDate,
    pub principal: Decimal,
    /// Interest paid, renewals and overdue included, rounded as in the quote.
    pub interest: Decimal,
    pub subsidy: Decimal,
    pub fees: Decimal,
    pub tax: Decimal,
    /// At the payout scale, as the quote's.
    pub payout: Decimal,
    /// What the figures rest on that nobody knows today (as the quote's).
    pub assumptions: Vec<quote::Assumption>,
}

impl Payout {
    fn of(q: &Quote) -> Payout {
        Payout {
            closure: q.closure,
            close_date: q.close_date,
            principal: q.principal,
            interest: q.interest,
            subsidy: q.subsidy,
            fees: q.fees,
            tax: q.tax,
            payout: q.payout,
            assumptions: q.assumptions.clone(),
        }
    }
}

/// The stages in order; `bank`: whether the bank may close the account.
fn run(product: &Product, plan: &Plan, bank: bool, mode: Mode) -> Result<Priced> {
    run_on(product, plan, &schedule(product, plan)?, bank, mode)
}

/// The stages after the calendar ([`schedule`]).
fn run_on(product: &Product, plan: &Plan, schedule: &Schedule, bank: bool, mode: Mode) -> Result<Priced> {
    // The term's rate plus the customer category's uplift (RULES.md §8.1); a teller's rate replaces both.
    let term_rate = add(product.term_rate(plan.months).unwrap_or_default(), plan.uplift)?;
    let contract = plan.rate.unwrap_or(term_rate);
    // Ledger, misses (breach and its effects, the bank's closure), closure.
    let early_in_term = plan.withdraw_on.filter(|w| *w < schedule.maturity());
    let mut entries = ledger::build(plan, schedule, product, early_in_term)?;
    let misses = missed::assess(&mut entries, schedule, product, plan.withdraw_on, bank);
    let closed = closure::decide(product, plan, schedule, misses.bank_closure, contract)?;
    // Interest on each deposit at its rate: the early rate, else by the breach rule.
    // Yearly credits keep the years already credited: only the part year earns the early rate.
    let credited = product.method == interest::Method::AnnualCredit;
    let rate_of = |paid_on| match closed.early {
        Some(e) if !credited => e.rate,
        _ => misses.rate(paid_on, contract, product.demand_rate),
    };
    let deposits = ledger::deposits(&entries, plan.installment, schedule, product.missed.earns_from, rate_of);
    let principal = interest::sum(deposits.iter().map(|d| d.amount))?;
    let posting = interest::Posting { rounding: product.rounding, bonus: &product.bonus, early_rate: closed.early.map(|e| e.rate), detail: mode == Mode::Quote };
    let accrued = interest::accrue(product.method, &deposits, schedule, closed.term_end, !closed.in_term(), &posting)?;
    // Overdue on the plan itself (after renewals, the last renewal pays it).
    let overdue = match (&product.renew, closed.closure) {
        (None, Closure::Overdue) => overdue::interest(product, principal, accrued.total, schedule.maturity(), closed.close)?,
        _ => None,
    };
    // Subsidy, late fees and tax, exact; then the term settled.
    let subsidy = protection::on_term(product, &deposits, contract, schedule, (closed.in_term(), plan.inflation))?;
    let accrued_to = interest::accrual_end(product.method, closed.term_end, !closed.in_term());
    let taxed = tax::on_term(&product.tax, &accrued, plan.start, accrued_to, overdue.as_ref())?;
    let withheld = withholding::on_term(product, plan, &accrued, accrued_to, overdue.as_ref())?;
    // Premiums (annualCredit) are credited, rounded, each year; they are reported as subsidy.
    let premiums = interest::premiums(&accrued)?;
    let exact = Totals {
        principal,
        interest: add(accrued.total, overdue.map_or(Decimal::ZERO, |o| o.interest))?,
        subsidy: add(subsidy.as_ref().map_or(Decimal::ZERO, |s| s.accrued.total), premiums)?,
        fees: missed::late_fee(plan.installment, product, misses.late_months).ok_or_else(Error::overflow)?,
        tax: taxed.exact,
    };
    let mut term = Totals::round(&product.rounding, exact);
    // TDS is rounded once per financial year, then added to the tax.
    term.tax = add(term.tax, withholding::total(&withheld)?)?;
    // Renewals from the term's value; the account settled.
    let renewals = renewal::run(product, schedule, contract, &term, &closed)?;
    let dates = (plan.start, closed.close);
    if mode == Mode::Payout {
        let t = settle::totals(term, &renewals)?;
        let payout = settle::payout(&product.rounding, &t)?;
        let assumptions = protection::assumptions(product, plan.inflation, closed.in_term());
        let (principal, interest, subsidy, fees, tax) = (t.principal, t.interest, t.subsidy, t.fees, t.tax);
        let (closure, close_date) = (closed.closure, closed.close);
        return Ok(Priced::Payout(Payout { closure, close_date, principal, interest, subsidy, fees, tax, payout, assumptions }));
    }
    let settlement = settle::settle(&product.rounding, term, &renewals, &deposits, dates, plan.inflation)?;
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
        withheld: &withheld,
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
    Ok(Priced::Quote(assemble(product, (contract, schedule.maturity()), &closed, settlement, misses, schedule_rows, &renewals, notes)))
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
