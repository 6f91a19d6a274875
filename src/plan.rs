//! The plan: the saver's scenario, checked against the product.
//!
//! A plan names the opening date, the term, the monthly installment, an
//! optional teller rate, the exceptions to paying on the due dates
//! (`events`), an optional withdrawal date and an assumed inflation. Fields
//! are checked in the contract's order (start, months, installment — form,
//! minimum, maximum, step —, rate, withdrawOn, inflation, events), and the
//! first problem is the error.

use crate::error::{Error, ErrorCode, Result};
use crate::input::{decimal_value, object, Obj, Problems};
use crate::product::{Product, MAX_MONTHS};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

/// One exception to paying installment `n` on its due date.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Position in `plan.events`, for error paths.
    pub index: usize,
    pub n: u32,
    pub missed: bool,
    pub paid_on: Option<NaiveDate>,
    pub amount: Option<Decimal>,
}

/// A validated plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub start: NaiveDate,
    pub months: u32,
    pub installment: Decimal,
    /// Teller override of the contract rate.
    pub rate: Option<Decimal>,
    pub events: Vec<Event>,
    pub withdraw_on: Option<NaiveDate>,
    pub inflation: Option<Decimal>,
}

impl Plan {
    /// Reads a plan (JSON) and checks it against its product.
    ///
    /// # Errors
    /// The first problem in the contract's field order (start, months,
    /// installment, rate, withdrawOn, inflation, events): `MISSING_FIELD`,
    /// `DATE_OUT_OF_RANGE`, `TERM_NOT_OFFERED`, `INVALID_DECIMAL`,
    /// `BELOW_MINIMUM`, `ABOVE_MAXIMUM`, `NOT_A_STEP_MULTIPLE`,
    /// `INVALID_VALUE`, `EVENT_OUT_OF_RANGE`, `EVENT_CONFLICT`,
    /// `UNKNOWN_FIELD`.
    ///
    /// # Example
    /// ```
    /// use savings_plan::{Plan, Product};
    /// let product = Product::parse(&savings_plan::contract::catalog()[0])?;
    /// let plan = Plan::parse(&serde_json::json!({ "start": "2025-01-15", "months": 12, "installment": "1000" }), &product)?;
    /// assert_eq!(plan.months, 12);
    /// let bad = serde_json::json!({ "start": "2025-01-15", "months": 13, "installment": "1000" });
    /// assert_eq!(Plan::parse(&bad, &product).unwrap_err().code.as_str(), "TERM_NOT_OFFERED");
    /// # Ok::<(), savings_plan::Error>(())
    /// ```
    pub fn parse(v: &Value, product: &Product) -> Result<Plan> {
        parse_plan(v, product, None)
    }
}

const KEYS: &[&str] = &["start", "months", "installment", "rate", "events", "withdrawOn", "inflation"];

/// Reads and checks a plan against its product.
///
/// `installment` replaces the plan's own (the reverse solver tries many).
///
/// # Errors
/// The first problem in the contract's field order: `MISSING_FIELD`,
/// `DATE_OUT_OF_RANGE`, `TERM_NOT_OFFERED`, `INVALID_DECIMAL`,
/// `BELOW_MINIMUM`, `ABOVE_MAXIMUM`, `NOT_A_STEP_MULTIPLE`, `INVALID_VALUE`,
/// `EVENT_OUT_OF_RANGE`, `EVENT_CONFLICT`, `INVALID_AMOUNT`, `UNKNOWN_FIELD`.
pub fn parse_plan(v: &Value, product: &Product, installment: Option<Decimal>) -> Result<Plan> {
    let o = object(v, "plan")?;
    let mut p = Problems::default();
    o.only(KEYS, &mut p);
    if let Some(e) = p.first() {
        return Err(e);
    }
    let start = o.date("start")?;
    let months = read_months(&o, product)?;
    let installment = match installment {
        Some(i) => i,
        None => read_installment(&o, product)?,
    };
    let rate = match o.some("rate") {
        None => None,
        Some(v) => Some(rate_value(v, &o.at("rate"))?),
    };
    let withdraw_on = o.opt_date("withdrawOn")?;
    if let Some(w) = withdraw_on {
        if w <= start {
            return Err(Error::new(
                ErrorCode::DateOutOfRange,
                o.at("withdrawOn"),
                "the withdrawal date must be after the opening date",
            ));
        }
    }
    let inflation = o.opt_decimal("inflation")?;
    if let Some(x) = inflation {
        if x <= Decimal::from(-100) || x > Decimal::from(1000) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                o.at("inflation"),
                "inflation is a yearly percentage above -100 and at most 1000",
            ));
        }
    }
    let events = read_events(&o, months)?;
    Ok(Plan { start, months, installment, rate, events, withdraw_on, inflation })
}

fn rate_value(v: &Value, path: &str) -> Result<Decimal> {
    let r = decimal_value(v, path)?;
    if r < Decimal::ZERO || r > Decimal::from(1000) {
        return Err(Error::new(ErrorCode::InvalidValue, path, "a rate is a percentage from 0 to 1000"));
    }
    Ok(r)
}

fn read_months(o: &Obj, product: &Product) -> Result<u32> {
    let offered = || {
        product.terms.iter().map(|t| t.months.to_string()).collect::<Vec<_>>().join(", ")
    };
    match o.get("months") {
        None => Err(Error::new(ErrorCode::MissingField, o.at("months"), "months is required")),
        Some(v) => match v.as_u64().and_then(|m| u32::try_from(m).ok()) {
            Some(m) if product.term_rate(m).is_some() => Ok(m),
            _ => Err(Error::new(
                ErrorCode::TermNotOffered,
                o.at("months"),
                format!("the product offers terms of {} months, not {}", offered(), crate::input::describe(v)),
            )),
        },
    }
}

fn read_installment(o: &Obj, product: &Product) -> Result<Decimal> {
    let amount = o.decimal("installment")?;
    check_installment(amount, product, &o.at("installment"))?;
    Ok(amount)
}

/// Checks an installment against the product's minimum, maximum (or the
/// catalog's plausible maximum, whichever is lower) and step.
///
/// # Errors
/// `BELOW_MINIMUM`, `ABOVE_MAXIMUM` or `NOT_A_STEP_MULTIPLE` at `path`.
pub fn check_installment(amount: Decimal, product: &Product, path: &str) -> Result<()> {
    let limits = product.installment;
    if amount < limits.min || amount <= Decimal::ZERO {
        return Err(Error::new(
            ErrorCode::BelowMinimum,
            path,
            format!("the installment must be at least {}", crate::money::plain(limits.min.max(limits.step))),
        ));
    }
    if let Some(max) = limits.upper() {
        if amount > max {
            return Err(Error::new(
                ErrorCode::AboveMaximum,
                path,
                format!("the installment must be at most {}", crate::money::plain(max)),
            ));
        }
    }
    // A quotient with a fraction is not a whole number of steps (division is exact where it can be).
    let steps = amount.checked_div(limits.step).ok_or_else(Error::overflow)?;
    if !steps.fract().is_zero() {
        return Err(Error::new(
            ErrorCode::NotAStepMultiple,
            path,
            format!("the installment must be a multiple of {}", crate::money::plain(limits.step)),
        ));
    }
    Ok(())
}

fn read_events(o: &Obj, months: u32) -> Result<Vec<Event>> {
    let Some(list) = o.opt_array("events")? else { return Ok(Vec::new()) };
    let mut events: Vec<Event> = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let path = format!("{}[{index}]", o.at("events"));
        let e = object(item, &path)?;
        let mut p = Problems::default();
        e.only(&["n", "missed", "paidOn", "amount"], &mut p);
        if let Some(err) = p.first() {
            return Err(err);
        }
        let n = e.int("n", 0, MAX_MONTHS * 1000)?;
        if n == 0 || n > months {
            return Err(Error::new(
                ErrorCode::EventOutOfRange,
                e.at("n"),
                format!("installment {n} does not exist in a {months}-month plan"),
            ));
        }
        if events.iter().any(|x| x.n == n) {
            return Err(Error::new(
                ErrorCode::EventOutOfRange,
                e.at("n"),
                format!("installment {n} is listed twice"),
            ));
        }
        let missed = e.bool_or("missed", false)?;
        let paid_on = e.opt_date("paidOn")?;
        let amount = e.opt_decimal("amount")?;
        if missed && (paid_on.is_some() || amount.is_some()) {
            return Err(Error::new(
                ErrorCode::EventConflict,
                path,
                "an installment cannot be both missed and paid",
            ));
        }
        events.push(Event { index, n, missed, paid_on, amount });
    }
    Ok(events)
}
