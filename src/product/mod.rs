//! The product definition (schema 1): what a bank offers, as data.
//!
//! Everything banks do differently (interest method, day count, what a miss
//! costs, early and overdue withdrawal, renewal, value protection, tax) is a
//! field here, read and validated by [`Product::parse`]; nothing in the
//! engine asks which bank it is. Every field but `schema`, `id`,
//! `currency`, `terms` and `demandRate` defaults, leaf by leaf, to the
//! Chinese standard product of CONTRACT.md §1 ([`defaults`]).
//!
//! Each section's rules are typed next to the stage that applies them
//! (`missed` in the missed stage, `early` in closure, `interest` in
//! interest, …) and re-exported here; this module reads them.
//!
//! ```
//! use savings_plan::Product;
//! let json = serde_json::json!({
//!     "schema": 1, "id": "mine", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1.35" }], "demandRate": "0.05",
//!     "missed": { "onBreach": "allAtDemand" }
//! });
//! let product = Product::parse(&json).unwrap();
//! assert_eq!(product.missed.make_up_within, Some(1)); // the other `missed` defaults stay
//! let typo = serde_json::json!({ "schema": 1, "id": "x", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1" }], "demandRate": "0", "interest": { "methd": "x" } });
//! assert_eq!(Product::parse(&typo).unwrap_err().path, "product.interest.methd");
//! ```

pub mod defaults;
mod read;

// The sections' types, where the engine's stages look for them.
pub use crate::closure::Early;
pub use crate::interest::{BrokenPeriod, DayCount, Method};
pub use crate::missed::Missed;
pub use crate::money::Rounding;
pub use crate::overdue::{OverdueBase, OverdueRate};

use crate::error::{Error, ErrorCode, Result};
use crate::input::{object, Obj, Problems};
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

/// Longest term or renewal the engine accepts, in months (50 years).
pub const MAX_MONTHS: u64 = 600;
/// Highest rate accepted, in percent per year.
const MAX_RATE: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

vocabulary! {
    /// What happens at maturity (`maturity.action`).
    pub enum MaturityAction as "MaturityAction", locale [] {
        /// The money is paid out (and earns overdue interest if left).
        Payout = "payout",
        /// The money is re-deposited as a lump sum ([`Renew`]).
        Renew = "renew",
    }
}

vocabulary! {
    /// What a renewal re-deposits (`maturity.renew.carry`).
    pub enum Carry as "Carry", locale [] {
        /// The whole after-tax maturity value.
        PrincipalAndInterest = "principalAndInterest",
        /// The principal; the interest is paid out at each maturity.
        PrincipalOnly = "principalOnly",
    }
}

/// Auto-renewal at maturity (`maturity.renew`).
#[derive(Clone, Debug, PartialEq)]
pub struct Renew {
    pub months: u32,
    /// `None`: the contract rate.
    pub rate: Option<Decimal>,
    pub times: u32,
    pub carry: Carry,
}

vocabulary! {
    /// The two forms of `valueProtection` (its one key).
    pub enum ProtectionKind as "ValueProtectionKind", locale [] {
        /// A fixed subsidy rate.
        SubsidyRate = "subsidyRate",
        /// An assumed inflation: subsidy rate = max(0, inflation − contract rate).
        Inflation = "inflation",
    }
}

/// Value protection (`valueProtection`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueProtection {
    SubsidyRate(Decimal),
    /// Subsidy rate = max(0, inflation − contract rate).
    Inflation(Decimal),
}

/// One row of the interest-tax table (`tax`): the rate in force from a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaxStep {
    pub from: NaiveDate,
    pub rate: Decimal,
}

/// One term the product offers and its contract rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    pub months: u32,
    pub rate: Decimal,
}

/// The installment's limits (`installment`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub min: Decimal,
    pub max: Option<Decimal>,
    pub step: Decimal,
    /// The largest installment a quote accepts, set by whoever publishes the
    /// catalog: a guard against typing slips (999999999999) where the
    /// product itself has no maximum. Not a rule of the product.
    pub plausible_max: Option<Decimal>,
}

impl Limits {
    /// The largest installment accepted: the product's maximum or the plausible maximum, whichever is lower.
    pub fn upper(&self) -> Option<Decimal> {
        match (self.max, self.plausible_max) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// A validated product definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    pub id: String,
    pub currency: String,
    pub terms: Vec<Term>,
    pub rates_effective: Option<NaiveDate>,
    pub demand_rate: Decimal,
    pub installment: Limits,
    pub method: Method,
    pub rounding: Rounding,
    pub missed: Missed,
    pub early: Early,
    pub overdue_base: OverdueBase,
    pub renew: Option<Renew>,
    pub value_protection: Option<ValueProtection>,
    pub tax: Vec<TaxStep>,
    /// How far a teller's rate may go before a warning (`rateOverride`).
    pub rate_override: crate::teller::RateOverride,
    /// The `id` of the product this one is a variant of (CONTRACT.md §8.1):
    /// a teller's rate for the quoted product applies to its variants too.
    pub variant_of: Option<String>,
}

impl Product {
    /// Reads and validates a product definition (JSON), reporting the first problem.
    ///
    /// # Errors
    /// The first problem [`contract::validate_product`](crate::contract::validate_product)
    /// finds, with its code and JSON path.
    ///
    /// # Example
    /// ```
    /// let product = savings_plan::Product::parse(&savings_plan::contract::catalog()[0]).unwrap();
    /// assert_eq!(product.id, "cn-lczq-standard");
    /// let bad = serde_json::json!({ "schema": 1 });
    /// assert_eq!(savings_plan::Product::parse(&bad).unwrap_err().path, "product.id");
    /// ```
    pub fn parse(v: &Value) -> Result<Product> {
        parse_product(v)
    }

    /// The contract rate for a term, if the product offers it.
    pub fn term_rate(&self, months: u32) -> Option<Decimal> {
        self.terms.iter().find(|t| t.months == months).map(|t| t.rate)
    }
}

const TOP: &[&str] = &[
    "schema", "id", "name", "note", "currency", "terms", "ratesEffective", "demandRate", "installment",
    "interest", "rounding", "missed", "early", "overdue", "maturity", "valueProtection", "tax",
    "disclosure", "rateOverride", "variantOf",
];

fn rate_value(v: &Value, path: &str) -> Result<Decimal> {
    let r = crate::input::decimal_value(v, path)?;
    if r < Decimal::ZERO || r > MAX_RATE {
        return Err(Error::new(ErrorCode::InvalidValue, path, "a rate is a percentage from 0 to 1000"));
    }
    Ok(r)
}

/// A required rate in percent (0 to 1000).
fn rate(o: &Obj, key: &str) -> Result<Decimal> {
    match o.get(key) {
        None => Err(Error::new(ErrorCode::MissingField, o.at(key), format!("{key} is required"))),
        Some(v) => rate_value(v, &o.at(key)),
    }
}

fn rate_or(o: &Obj, key: &str, default: Decimal) -> Result<Decimal> {
    match o.get(key) {
        None => Ok(default),
        Some(v) => rate_value(v, &o.at(key)),
    }
}

fn opt_rate(o: &Obj, key: &str) -> Result<Option<Decimal>> {
    o.some(key).map(|v| rate_value(v, &o.at(key))).transpose()
}

fn non_negative(value: Decimal, path: String) -> Result<Decimal> {
    if value < Decimal::ZERO {
        return Err(Error::new(ErrorCode::InvalidValue, path, "must not be negative"));
    }
    Ok(value)
}

/// Parses and validates a product definition, reporting the first problem
/// (the same as [`Product::parse`]).
///
/// # Errors
/// The first problem [`validate_product`] finds.
pub fn parse_product(v: &Value) -> Result<Product> {
    let mut problems = Problems::default();
    let product = read_product(v, &mut problems);
    match (product, problems.first()) {
        (_, Some(e)) => Err(e),
        (Some(p), None) => Ok(p),
        (None, None) => Err(Error::new(ErrorCode::InvalidValue, "product", "unusable product")),
    }
}

/// Every problem of a product definition, in field order (empty when valid).
pub fn validate_product(v: &Value) -> Vec<Error> {
    let mut problems = Problems::default();
    read_product(v, &mut problems);
    problems.0
}

fn read_product(v: &Value, p: &mut Problems) -> Option<Product> {
    let o = p.take(object(v, "product"))?;
    o.only(TOP, p);
    read_schema(&o, p);
    let id = read_id(&o, p);
    read_text(&o, "name", p);
    read_text(&o, "note", p);
    let currency = read_currency(&o, p);
    let terms = read_terms(&o, p);
    let rates_effective = p.take(o.opt_date("ratesEffective")).flatten();
    let demand_rate = p.take(rate(&o, "demandRate"));
    let installment = read_limits(&o, p);
    let method = read::interest(&o, p);
    let rounding = read::rounding(&o, p);
    let missed = read::missed(&o, p);
    let early = read::early(&o, p);
    let overdue_base = read::overdue(&o, p);
    let renew = read::maturity(&o, p);
    let value_protection = read::value_protection(&o, p);
    let tax = read::tax(&o, p);
    crate::teller::read_disclosure(&o, p);
    let rate_override = crate::teller::read_rate_override(&o, p);
    let variant_of = read_variant_of(&o, p);
    Some(Product {
        id: id?,
        currency: currency?,
        terms: terms?,
        rates_effective,
        demand_rate: demand_rate?,
        installment: installment?,
        method: method?,
        rounding: rounding?,
        missed: missed?,
        early: early?,
        overdue_base: overdue_base?,
        renew: renew?,
        value_protection: value_protection?,
        tax: tax?,
        rate_override: rate_override?,
        variant_of: variant_of?,
    })
}

/// `variantOf`: the id of the product this one derives from, or null.
fn read_variant_of(o: &Obj, p: &mut Problems) -> Option<Option<String>> {
    match o.get("variantOf") {
        None | Some(Value::Null) => Some(None),
        Some(Value::String(s)) if !s.trim().is_empty() => Some(Some(s.clone())),
        Some(Value::String(_)) => {
            p.push(Error::new(ErrorCode::InvalidValue, o.at("variantOf"), "variantOf must not be empty"));
            None
        }
        Some(_) => {
            p.push(Error::new(
                ErrorCode::InvalidType,
                o.at("variantOf"),
                "variantOf is the id (a string) of the product this one derives from",
            ));
            None
        }
    }
}

fn read_schema(o: &Obj, p: &mut Problems) {
    match o.get("schema") {
        None => p.push(Error::new(ErrorCode::MissingField, o.at("schema"), "schema is required (1)")),
        Some(s) if s.as_u64() == Some(1) => {}
        Some(s) => p.push(Error::new(
            ErrorCode::InvalidValue,
            o.at("schema"),
            format!("this engine reads schema 1, found {}", crate::input::describe(s)),
        )),
    }
}

fn read_id(o: &Obj, p: &mut Problems) -> Option<String> {
    match o.get("id") {
        None => {
            p.push(Error::new(ErrorCode::MissingField, o.at("id"), "id is required"));
            None
        }
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::String(_)) => {
            p.push(Error::new(ErrorCode::InvalidValue, o.at("id"), "id must not be empty"));
            None
        }
        Some(_) => {
            p.push(Error::new(ErrorCode::InvalidType, o.at("id"), "id must be a string"));
            None
        }
    }
}

fn read_currency(o: &Obj, p: &mut Problems) -> Option<String> {
    match o.get("currency") {
        None => {
            p.push(Error::new(ErrorCode::MissingField, o.at("currency"), "currency is required"));
            None
        }
        Some(Value::String(s)) if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) => Some(s.clone()),
        Some(other) => {
            p.push(Error::new(
                ErrorCode::InvalidValue,
                o.at("currency"),
                format!("currency is an ISO 4217 code like \"CNY\", found {}", crate::input::describe(other)),
            ));
            None
        }
    }
}

fn read_text(o: &Obj, key: &str, p: &mut Problems) {
    match o.get(key) {
        None | Some(Value::String(_)) => {}
        Some(Value::Object(map)) => {
            for (lang, text) in map {
                if !text.is_string() {
                    p.push(Error::new(
                        ErrorCode::InvalidType,
                        format!("{}.{lang}", o.at(key)),
                        "each language's text is a string",
                    ));
                }
            }
        }
        Some(_) => p.push(Error::new(
            ErrorCode::InvalidType,
            o.at(key),
            format!("{key} is a string or an object of language → string"),
        )),
    }
}

fn read_terms(o: &Obj, p: &mut Problems) -> Option<Vec<Term>> {
    let Some(list) = p.take(o.opt_array("terms"))? else {
        p.push(Error::new(ErrorCode::MissingField, o.at("terms"), "terms is required"));
        return None;
    };
    if list.is_empty() {
        p.push(Error::new(ErrorCode::InvalidValue, o.at("terms"), "a product offers at least one term"));
        return None;
    }
    let mut terms = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, item) in list.iter().enumerate() {
        let path = format!("{}[{i}]", o.at("terms"));
        let Some(t) = p.take(object(item, &path)) else {
            ok = false;
            continue;
        };
        t.only(&["months", "rate"], p);
        let months = p.take(t.int("months", 1, MAX_MONTHS));
        let r = p.take(rate(&t, "rate"));
        match (months, r) {
            (Some(months), Some(rate)) => {
                if terms.iter().any(|x: &Term| x.months == months) {
                    p.push(Error::new(
                        ErrorCode::InvalidValue,
                        t.at("months"),
                        format!("the {months}-month term is listed twice"),
                    ));
                    ok = false;
                }
                terms.push(Term { months, rate });
            }
            _ => ok = false,
        }
    }
    ok.then_some(terms)
}

fn read_limits(o: &Obj, p: &mut Problems) -> Option<Limits> {
    let defaults = defaults::INSTALLMENT;
    let Some(l) = p.take(o.opt_object("installment"))? else { return Some(defaults) };
    l.only(&["min", "max", "step", "plausibleMax"], p);
    let min = p.take(l.decimal_or("min", defaults.min).and_then(|d| non_negative(d, l.at("min"))));
    let max = p.take(l.opt_decimal("max"));
    let step = p.take(l.decimal_or("step", defaults.step));
    let plausible_max = p.take(l.opt_decimal("plausibleMax"));
    let (min, max, step, plausible_max) = (min?, max?, step?, plausible_max?);
    if step <= Decimal::ZERO {
        p.push(Error::new(ErrorCode::InvalidValue, l.at("step"), "step must be above 0"));
        return None;
    }
    if let Some(m) = max {
        if m < min {
            p.push(Error::new(ErrorCode::InvalidValue, l.at("max"), "max must not be below min"));
            return None;
        }
    }
    if let Some(m) = plausible_max {
        if m < min || m <= Decimal::ZERO {
            p.push(Error::new(ErrorCode::InvalidValue, l.at("plausibleMax"), "plausibleMax must be above 0 and not below min"));
            return None;
        }
    }
    Some(Limits { min, max, step, plausible_max })
}

