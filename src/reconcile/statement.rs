//! Reading a statement (CONTRACT.md §8.2): the saver's real deposit history.
//!
//! `{ start, months, installment, deposits: [{ date, amount }], withdrawOn,
//! rate, bankPayout }`, read with the crate's input readers so every bad
//! field is an error with its path (`statement.deposits[3].date`). Fields
//! are checked in the contract's order: start, months, installment,
//! deposits (in order: date, then amount), withdrawOn, rate, bankPayout.
//!
//! Only the *form* of each field is checked here. Where a deposit falls and
//! whether it is a whole number of installments are not errors: they are
//! the problems the reconciliation reports (placement.rs).

use crate::error::{Error, ErrorCode, Result};
use crate::input::{object, Obj, Problems};
use crate::product::Product;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

/// The most rows a statement may have: ten deposits a month for fifty
/// years. More is not a statement but a mistake, and would only cost time.
pub const MAX_DEPOSITS: usize = 6000;

/// One row of the statement, as the saver gave it.
#[derive(Clone, Debug, PartialEq)]
pub struct Deposit {
    /// Position in `statement.deposits`, for paths and the answer.
    pub index: usize,
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// A statement whose fields have the right form.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub start: NaiveDate,
    pub months: u32,
    /// `None`: the first deposit's amount.
    pub installment: Option<Decimal>,
    pub deposits: Vec<Deposit>,
    pub withdraw_on: Option<NaiveDate>,
    /// The rate in the saver's contract, when it differs from the product's.
    pub rate: Option<Decimal>,
    /// What the bank paid (or says it will pay).
    pub bank_payout: Option<Decimal>,
}

const KEYS: &[&str] = &["start", "months", "installment", "deposits", "withdrawOn", "rate", "bankPayout"];
/// `description` is accepted and not used: a statement row's text travels
/// with it when the page saves a statement to a file (README).
const DEPOSIT_KEYS: &[&str] = &["date", "amount", "description"];

/// Reads a statement for a product.
///
/// # Errors
/// The first problem in field order: `UNKNOWN_FIELD`, `MISSING_FIELD`,
/// `DATE_OUT_OF_RANGE`, `TERM_NOT_OFFERED`, `INVALID_DECIMAL`,
/// `BELOW_MINIMUM`, `ABOVE_MAXIMUM`, `NOT_A_STEP_MULTIPLE`,
/// `INVALID_VALUE`, `INVALID_TYPE`, `OVERFLOW`.
pub fn parse_statement(v: &Value, product: &Product) -> Result<Statement> {
    let o = object(v, "statement")?;
    let mut p = Problems::default();
    o.only(KEYS, &mut p);
    if let Some(e) = p.first() {
        return Err(e);
    }
    let start = o.date("start")?;
    let months = read_months(&o, product)?;
    let installment = o.opt_decimal("installment")?;
    if let Some(i) = installment {
        crate::plan::check_installment(i, product, &o.at("installment"))?;
    }
    let deposits = read_deposits(&o)?;
    let withdraw_on = o.opt_date("withdrawOn")?;
    if withdraw_on.is_some_and(|w| w <= start) {
        return Err(Error::new(
            ErrorCode::DateOutOfRange,
            o.at("withdrawOn"),
            "the withdrawal date must be after the opening date",
        ));
    }
    let rate = o.opt_decimal("rate")?;
    if rate.is_some_and(|r| r < Decimal::ZERO || r > Decimal::from(1000)) {
        return Err(Error::new(ErrorCode::InvalidValue, o.at("rate"), "a rate is a percentage from 0 to 1000"));
    }
    let bank_payout = o.opt_decimal("bankPayout")?;
    if bank_payout.is_some_and(|b| b < Decimal::ZERO) {
        return Err(Error::new(ErrorCode::InvalidValue, o.at("bankPayout"), "a payout is not negative"));
    }
    Ok(Statement { start, months, installment, deposits, withdraw_on, rate, bank_payout })
}

/// `months` as for a plan: one of the product's terms, whatever its type.
fn read_months(o: &Obj, product: &Product) -> Result<u32> {
    let Some(v) = o.get("months") else {
        return Err(Error::new(ErrorCode::MissingField, o.at("months"), "months is required"));
    };
    match v.as_u64().and_then(|m| u32::try_from(m).ok()) {
        Some(m) if product.term_rate(m).is_some() => Ok(m),
        _ => Err(Error::new(ErrorCode::TermNotOffered, o.at("months"), "the product does not offer this term")),
    }
}

fn read_deposits(o: &Obj) -> Result<Vec<Deposit>> {
    let list = match o.get("deposits") {
        None => return Err(Error::new(ErrorCode::MissingField, o.at("deposits"), "deposits is required (it may be empty)")),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(Error::new(ErrorCode::InvalidType, o.at("deposits"), "deposits is an array of { date, amount }")),
    };
    if list.len() > MAX_DEPOSITS {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            o.at("deposits"),
            "a statement has at most 6000 deposits",
        ));
    }
    let mut deposits = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let d = object(item, &format!("{}[{index}]", o.at("deposits")))?;
        let mut p = Problems::default();
        d.only(DEPOSIT_KEYS, &mut p);
        if let Some(e) = p.first() {
            return Err(e);
        }
        let date = d.date("date")?;
        let amount = d.decimal("amount")?;
        if amount <= Decimal::ZERO {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                d.at("amount"),
                "a deposit is a positive amount (leave withdrawals and interest out of the statement)",
            ));
        }
        if let Some(text) = d.get("description") {
            if !text.is_string() && !text.is_null() {
                return Err(Error::new(ErrorCode::InvalidType, d.at("description"), "a description is text"));
            }
        }
        deposits.push(Deposit { index, date, amount });
    }
    Ok(deposits)
}
