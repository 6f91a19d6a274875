//! The product definition (schema 1): what a bank offers, as data.
//!
//! Everything banks do differently (interest method, day count, what a miss
//! costs, early and overdue withdrawal, renewal, value protection, tax) is a
//! field here, read and validated by [`parse_product`]; nothing in the
//! engine asks which bank it is. Every field but `schema`, `id`,
//! `currency`, `terms` and `demandRate` defaults, leaf by leaf, to the
//! Chinese standard product of CONTRACT.md §1.
//!
//! ```
//! use savings_plan::product::parse_product;
//! let json = serde_json::json!({
//!     "schema": 1, "id": "mine", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1.35" }], "demandRate": "0.05",
//!     "missed": { "onBreach": "allAtDemand" }
//! });
//! let product = parse_product(&json).unwrap();
//! assert_eq!(product.missed.make_up_within, Some(1)); // the other `missed` defaults stay
//! let typo = serde_json::json!({ "schema": 1, "id": "x", "currency": "CNY",
//!     "terms": [{ "months": 12, "rate": "1" }], "demandRate": "0", "interest": { "methd": "x" } });
//! assert_eq!(parse_product(&typo).unwrap_err().path, "product.interest.methd");
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::input::{object, Obj, Problems};
use crate::money::{Rounding, RoundingMode};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

/// Longest term or renewal the engine accepts, in months (50 years).
pub const MAX_MONTHS: u64 = 600;
/// Highest rate accepted, in percent per year.
const MAX_RATE: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayCount {
    /// Every month 30 days: equals the monthly method for plans paid on their due dates.
    Thirty360,
    /// Actual days over 360 (Chinese core systems).
    Act360,
    /// Actual days over 365 (UK and Indian banks).
    Act365,
}

impl DayCount {
    /// The year's length in days that every day-based formula divides by.
    pub fn denominator(self) -> Decimal {
        match self {
            DayCount::Act365 => Decimal::from(365),
            _ => Decimal::from(360),
        }
    }
    /// The denominator as text, for formulas.
    pub fn as_days(self) -> &'static str {
        match self {
            DayCount::Act365 => "365",
            _ => "360",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DayCount::Thirty360 => "30/360",
            DayCount::Act360 => "ACT/360",
            DayCount::Act365 => "ACT/365",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccrueTo {
    Maturity,
    /// Neither the maturity day nor the day before it earns.
    DayBeforeMaturity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrokenPeriod {
    /// IBA: fractional periods compound too, `(1+i)^(m/p)`.
    Compound,
    /// Whole periods compound, the leftover months earn simple interest.
    Simple,
}

/// How interest is computed (`interest.method`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// 月积数法: amount × month-units × rate ÷ 12.
    MonthlyProduct,
    /// 日积数法: 积数 (amount × days) × rate ÷ the day-count denominator.
    DailyProduct { day_count: DayCount, accrue_to: AccrueTo },
    /// Compounded every `period_months` (1, 3 or 12); `day_count` sets the
    /// denominator of the day-based parts (overdue days).
    Compound { period_months: u32, broken_period: BrokenPeriod, day_count: DayCount },
}

impl Method {
    /// The denominator of day-based formulas (overdue, renewal closed early).
    pub fn denominator(self) -> Decimal {
        match self {
            Method::MonthlyProduct => Decimal::from(360),
            Method::DailyProduct { day_count, .. } | Method::Compound { day_count, .. } => {
                day_count.denominator()
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreachAfter {
    /// N misses not made up within their window.
    UnmadeUp(u32),
    /// N misses in total, made up or not.
    Total(u32),
    /// N misses in a row.
    Consecutive(u32),
}

impl BreachAfter {
    pub fn as_str(self) -> &'static str {
        match self {
            BreachAfter::UnmadeUp(_) => "unmadeUp",
            BreachAfter::Total(_) => "total",
            BreachAfter::Consecutive(_) => "consecutive",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnBreach {
    /// Deposits before the breach keep the contract rate, later ones earn demand (ICBC).
    LaterAtDemand,
    /// The whole account earns the demand rate.
    AllAtDemand,
    /// No further deposits; what was paid keeps the contract rate (CMB).
    StopDeposits,
    /// Deposits go on; everything earns the contract rate on actual amounts and time.
    ActualAtContract,
}

impl OnBreach {
    pub fn as_str(self) -> &'static str {
        match self {
            OnBreach::LaterAtDemand => "laterAtDemand",
            OnBreach::AllAtDemand => "allAtDemand",
            OnBreach::StopDeposits => "stopDeposits",
            OnBreach::ActualAtContract => "actualAtContract",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EarnsFrom {
    PaidMonth,
    DueMonth,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Missed {
    /// Months after its own in which a miss may be made up; `None`: any time before maturity.
    pub make_up_within: Option<u32>,
    pub earns_from: EarnsFrom,
    pub breach_after: Option<BreachAfter>,
    pub on_breach: OnBreach,
    pub late_fee_per_100: Decimal,
    pub close_after_consecutive: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EarlyRate {
    Demand,
    ContractMinus,
    LowerOfHeldAndContractMinus,
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverdueBase {
    Principal,
    MaturityValue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    PrincipalAndInterest,
    PrincipalOnly,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Renew {
    pub months: u32,
    /// `None`: the contract rate.
    pub rate: Option<Decimal>,
    pub times: u32,
    pub carry: Carry,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueProtection {
    SubsidyRate(Decimal),
    /// Subsidy rate = max(0, inflation − contract rate).
    Inflation(Decimal),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaxStep {
    pub from: NaiveDate,
    pub rate: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    pub months: u32,
    pub rate: Decimal,
}

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
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            "a rate is a percentage from 0 to 1000",
        ));
    }
    Ok(r)
}

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

/// Parses and validates a product definition, reporting the first problem.
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

    match o.get("schema") {
        None => p.push(Error::new(ErrorCode::MissingField, o.at("schema"), "schema is required (1)")),
        Some(s) if s.as_u64() == Some(1) => {}
        Some(s) => p.push(Error::new(
            ErrorCode::InvalidValue,
            o.at("schema"),
            format!("this engine reads schema 1, found {}", crate::input::describe(s)),
        )),
    }
    let id = match o.get("id") {
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
    };
    read_text(&o, "name", p);
    read_text(&o, "note", p);
    let currency = match o.get("currency") {
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
    };
    let terms = read_terms(&o, p);
    let rates_effective = p.take(o.opt_date("ratesEffective")).flatten();
    let demand_rate = p.take(rate(&o, "demandRate"));
    let installment = read_limits(&o, p);
    let method = read_interest(&o, p);
    let rounding = read_rounding(&o, p);
    let missed = read_missed(&o, p);
    let early = read_early(&o, p);
    let overdue_base = read_overdue(&o, p);
    let renew = read_maturity(&o, p);
    let value_protection = read_value_protection(&o, p);
    let tax = read_tax(&o, p);
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
            p.push(Error::new(ErrorCode::InvalidType, o.at("variantOf"), "variantOf is the id (a string) of the product this one derives from"));
            None
        }
    }
}

/// `name` and `note`: a string, or an object of language tag → string.
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
    let defaults = Limits { min: Decimal::from(5), max: None, step: Decimal::new(1, 2), plausible_max: None };
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

fn read_day_count(o: &Obj, default: &'static str) -> Result<DayCount> {
    Ok(match o.choice_or("dayCount", &["30/360", "ACT/360", "ACT/365"], default)? {
        "30/360" => DayCount::Thirty360,
        "ACT/365" => DayCount::Act365,
        _ => DayCount::Act360,
    })
}

fn read_interest(o: &Obj, p: &mut Problems) -> Option<Method> {
    let Some(i) = p.take(o.opt_object("interest"))? else { return Some(Method::MonthlyProduct) };
    let method = p.take(i.choice_or("method", &["monthlyProduct", "dailyProduct", "compound"], "monthlyProduct"))?;
    match method {
        "dailyProduct" => {
            i.only(&["method", "dayCount", "accrueTo"], p);
            let day_count = p.take(read_day_count(&i, "ACT/360"));
            let accrue_to = p.take(i.choice_or("accrueTo", &["maturity", "dayBeforeMaturity"], "maturity"));
            Some(Method::DailyProduct {
                day_count: day_count?,
                accrue_to: if accrue_to? == "dayBeforeMaturity" { AccrueTo::DayBeforeMaturity } else { AccrueTo::Maturity },
            })
        }
        "compound" => {
            i.only(&["method", "compounding", "brokenPeriod", "dayCount"], p);
            let compounding = p.take(i.choice_or("compounding", &["monthly", "quarterly", "yearly"], "quarterly"));
            let broken = p.take(i.choice_or("brokenPeriod", &["compound", "simple"], "compound"));
            let day_count = p.take(read_day_count(&i, "ACT/365"));
            Some(Method::Compound {
                period_months: match compounding? {
                    "monthly" => 1,
                    "yearly" => 12,
                    _ => 3,
                },
                broken_period: if broken? == "simple" { BrokenPeriod::Simple } else { BrokenPeriod::Compound },
                day_count: day_count?,
            })
        }
        _ => {
            i.only(&["method"], p);
            Some(Method::MonthlyProduct)
        }
    }
}

fn read_rounding(o: &Obj, p: &mut Problems) -> Option<Rounding> {
    let defaults = Rounding { scale: 2, mode: RoundingMode::HalfUp, payout_scale: None };
    let Some(r) = p.take(o.opt_object("rounding"))? else { return Some(defaults) };
    r.only(&["scale", "mode", "payoutScale"], p);
    let scale = p.take(r.int_or("scale", 2, 0, 10));
    let mode = p.take(r.choice_or("mode", &["halfUp", "halfEven", "down"], "halfUp"));
    let payout_scale = p.take(r.opt_int("payoutScale", None, 0, 10));
    Some(Rounding {
        scale: scale?,
        mode: match mode? {
            "halfEven" => RoundingMode::HalfEven,
            "down" => RoundingMode::Down,
            _ => RoundingMode::HalfUp,
        },
        payout_scale: payout_scale?,
    })
}

fn read_breach_after(m: &Obj, p: &mut Problems) -> Option<Option<BreachAfter>> {
    let Some(v) = m.get("breachAfter") else { return Some(Some(BreachAfter::UnmadeUp(1))) };
    if v.is_null() {
        return Some(None);
    }
    let b = p.take(object(v, &m.at("breachAfter")))?;
    let kinds = ["unmadeUp", "total", "consecutive"];
    b.only(&kinds, p);
    let present: Vec<&str> = kinds.iter().copied().filter(|k| b.get(k).is_some()).collect();
    if present.len() != 1 {
        p.push(Error::new(
            ErrorCode::InvalidValue,
            m.at("breachAfter"),
            "breachAfter takes exactly one of unmadeUp, total, consecutive (or null)",
        ));
        return None;
    }
    let key = present[0];
    let n = p.take(b.int_or(key, 1, 1, MAX_MONTHS))?;
    Some(Some(match key {
        "total" => BreachAfter::Total(n),
        "consecutive" => BreachAfter::Consecutive(n),
        _ => BreachAfter::UnmadeUp(n),
    }))
}

fn read_missed(o: &Obj, p: &mut Problems) -> Option<Missed> {
    let defaults = Missed {
        make_up_within: Some(1),
        earns_from: EarnsFrom::PaidMonth,
        breach_after: Some(BreachAfter::UnmadeUp(1)),
        on_breach: OnBreach::LaterAtDemand,
        late_fee_per_100: Decimal::ZERO,
        close_after_consecutive: None,
    };
    let Some(m) = p.take(o.opt_object("missed"))? else { return Some(defaults) };
    m.only(
        &["makeUpWithinMonths", "makeUpEarnsFrom", "breachAfter", "onBreach", "lateFeePer100PerMonth", "closeAfterConsecutive"],
        p,
    );
    let make_up_within = p.take(m.opt_int("makeUpWithinMonths", Some(1), 0, MAX_MONTHS));
    let earns_from = p.take(m.choice_or("makeUpEarnsFrom", &["paidMonth", "dueMonth"], "paidMonth"));
    let breach_after = read_breach_after(&m, p);
    let on_breach = p.take(m.choice_or(
        "onBreach",
        &["laterAtDemand", "allAtDemand", "stopDeposits", "actualAtContract"],
        "laterAtDemand",
    ));
    let late_fee = p.take(
        m.decimal_or("lateFeePer100PerMonth", Decimal::ZERO)
            .and_then(|d| non_negative(d, m.at("lateFeePer100PerMonth"))),
    );
    let close = p.take(m.opt_int("closeAfterConsecutive", None, 1, MAX_MONTHS));
    Some(Missed {
        make_up_within: make_up_within?,
        earns_from: if earns_from? == "dueMonth" { EarnsFrom::DueMonth } else { EarnsFrom::PaidMonth },
        breach_after: breach_after?,
        on_breach: match on_breach? {
            "allAtDemand" => OnBreach::AllAtDemand,
            "stopDeposits" => OnBreach::StopDeposits,
            "actualAtContract" => OnBreach::ActualAtContract,
            _ => OnBreach::LaterAtDemand,
        },
        late_fee_per_100: late_fee?,
        close_after_consecutive: close?,
    })
}

fn read_early(o: &Obj, p: &mut Problems) -> Option<Early> {
    let defaults = Early {
        allowed: true,
        min_months: 0,
        rate: EarlyRate::Demand,
        penalty: Decimal::ZERO,
        held_rates: Vec::new(),
        savings_rate: None,
    };
    let Some(e) = p.take(o.opt_object("early"))? else { return Some(defaults) };
    e.only(&["allowed", "minMonths", "rate", "penalty", "heldRates", "savingsRate"], p);
    let allowed = p.take(e.bool_or("allowed", true));
    let min_months = p.take(e.int_or("minMonths", 0, 0, MAX_MONTHS));
    let kind = p.take(e.choice_or("rate", &["demand", "contractMinus", "lowerOfHeldAndContractMinus"], "demand"));
    let penalty = p.take(rate_or(&e, "penalty", Decimal::ZERO));
    let mut held_rates = Vec::new();
    let mut held_ok = true;
    if let Some(list) = p.take(e.opt_array("heldRates")).flatten() {
        for (i, item) in list.iter().enumerate() {
            let path = format!("{}[{i}]", e.at("heldRates"));
            let Some(h) = p.take(object(item, &path)) else {
                held_ok = false;
                continue;
            };
            h.only(&["months", "rate"], p);
            let months = p.take(h.int("months", 0, MAX_MONTHS));
            match (months, p.take(rate(&h, "rate"))) {
                // Kept in order of months as they are read: no sort needed later.
                (Some(m), Some(r)) => {
                    let at = held_rates.partition_point(|(k, _): &(u32, Decimal)| *k <= m);
                    held_rates.insert(at, (m, r));
                }
                _ => held_ok = false,
            }
        }
    }
    let savings_rate = p.take(opt_rate(&e, "savingsRate"));
    if !held_ok {
        return None;
    }
    Some(Early {
        allowed: allowed?,
        min_months: min_months?,
        rate: match kind? {
            "contractMinus" => EarlyRate::ContractMinus,
            "lowerOfHeldAndContractMinus" => EarlyRate::LowerOfHeldAndContractMinus,
            _ => EarlyRate::Demand,
        },
        penalty: penalty?,
        held_rates,
        savings_rate: savings_rate?,
    })
}

fn read_overdue(o: &Obj, p: &mut Problems) -> Option<OverdueBase> {
    let Some(d) = p.take(o.opt_object("overdue"))? else { return Some(OverdueBase::Principal) };
    d.only(&["rate", "base"], p);
    p.take(d.choice_or("rate", &["demand"], "demand"))?;
    let base = p.take(d.choice_or("base", &["principal", "maturityValue"], "principal"))?;
    Some(if base == "maturityValue" { OverdueBase::MaturityValue } else { OverdueBase::Principal })
}

fn read_maturity(o: &Obj, p: &mut Problems) -> Option<Option<Renew>> {
    let Some(m) = p.take(o.opt_object("maturity"))? else { return Some(None) };
    let action = p.take(m.choice_or("action", &["payout", "renew"], "payout"))?;
    if action == "payout" {
        m.only(&["action"], p);
        return Some(None);
    }
    m.only(&["action", "renew"], p);
    let Some(r) = p.take(m.opt_object("renew"))? else {
        p.push(Error::new(ErrorCode::MissingField, m.at("renew"), "action renew needs renew: { months, … }"));
        return None;
    };
    r.only(&["months", "rate", "times", "carry"], p);
    let months = p.take(r.int("months", 1, MAX_MONTHS));
    let rate = p.take(opt_rate(&r, "rate"));
    let times = p.take(r.int_or("times", 1, 1, 100));
    let carry = p.take(r.choice_or("carry", &["principalAndInterest", "principalOnly"], "principalAndInterest"));
    Some(Some(Renew {
        months: months?,
        rate: rate?,
        times: times?,
        carry: if carry? == "principalOnly" { Carry::PrincipalOnly } else { Carry::PrincipalAndInterest },
    }))
}

fn read_value_protection(o: &Obj, p: &mut Problems) -> Option<Option<ValueProtection>> {
    let Some(v) = p.take(o.nullable_object("valueProtection"))? else { return Some(None) };
    v.only(&["subsidyRate", "inflation"], p);
    match (v.get("subsidyRate"), v.get("inflation")) {
        (Some(_), None) => p.take(rate(&v, "subsidyRate")).map(|r| Some(ValueProtection::SubsidyRate(r))),
        (None, Some(_)) => p.take(rate(&v, "inflation")).map(|r| Some(ValueProtection::Inflation(r))),
        _ => {
            p.push(Error::new(
                ErrorCode::InvalidValue,
                o.at("valueProtection"),
                "valueProtection takes exactly one of subsidyRate, inflation (or null)",
            ));
            None
        }
    }
}

fn read_tax(o: &Obj, p: &mut Problems) -> Option<Vec<TaxStep>> {
    let Some(list) = p.take(o.opt_array("tax"))? else { return Some(Vec::new()) };
    let mut steps: Vec<TaxStep> = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, item) in list.iter().enumerate() {
        let path = format!("{}[{i}]", o.at("tax"));
        let Some(t) = p.take(object(item, &path)) else {
            ok = false;
            continue;
        };
        t.only(&["from", "rate"], p);
        let from = p.take(t.date("from"));
        let r = p.take(rate(&t, "rate")).and_then(|r| {
            if r > Decimal::ONE_HUNDRED {
                p.push(Error::new(ErrorCode::InvalidValue, t.at("rate"), "a tax rate is at most 100"));
                None
            } else {
                Some(r)
            }
        });
        match (from, r) {
            (Some(from), Some(rate)) => {
                if steps.last().is_some_and(|s| s.from >= from) {
                    p.push(Error::new(ErrorCode::InvalidValue, t.at("from"), "tax entries must be in date order"));
                    ok = false;
                }
                steps.push(TaxStep { from, rate });
            }
            _ => ok = false,
        }
    }
    ok.then_some(steps)
}
