//! Advice: which product is best if the saver might need the money early
//! (CONTRACT.md §8.3).
//!
//! The saver gives the chance `p` of closing early and the months it may
//! happen in (`earlyFrom` … `earlyTo`, spread evenly). For each product:
//!
//! - the **curve**: the payout if withdrawn on start + m months, for every
//!   month m of the term (null where the product refuses), and the plan as
//!   given at its end;
//! - **expectedPayout** = (1 − p) × payout + p × mean of the payouts on the
//!   early dates, where a date the product refuses (`EARLY_NOT_ALLOWED`)
//!   counts as held (the plan as given) and is listed in `refusedMonths`.
//!   Computed as ((1 − p) × n × payout + p × Σ payouts) ÷ n, one division,
//!   rounded once to the product's scale: with n ≤ 600 months a quotient
//!   that is not a finite decimal is never within 10⁻²⁵ of a rounding
//!   midpoint, so the 28-digit quotient rounds as the exact value would;
//! - **expectedInterest** the same expectation of the interest the bank
//!   pays (`interest` of each outcome, before tax);
//! - **worstPayout** and its month: the smallest payout among the outcomes
//!   that can happen (the early months when p > 0, the plan as given when
//!   p < 1; a refused month is the plan as given); ties go to the earliest.
//!
//! Every payout comes from the pipeline's payout-only mode, the very stages
//! of `calculate`. Ranking reuses the comparison's rules (§8.1, in
//! [`crate::compare`]): the teller's rate only on the quoted product and
//! its variants, only the quoted currency is comparable, and an entry that
//! rests on an assumption nobody chose is never ranked.

use crate::calendar::add_months;
use crate::compare::{comparable, plan_for, quoted_of, raw_text, rests_on_product_assumption};
use crate::error::{Error, ErrorCode, Result};
use crate::input::{object, Problems};
use crate::json::{Object, ToJson};
use crate::money::{add, div, mul, sub};
use crate::plan::Plan;
use crate::price::{payout_on, Payout};
use crate::product::{parse_product, Product};
use crate::quote::Assumption;
use rust_decimal::Decimal;
use serde_json::Value;

/// The saver's behaviour (`behaviour`): the chance of closing early and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Behaviour {
    /// The probability of closing early, 0 to 1.
    pub early_chance: Decimal,
    /// The first month (counted from the opening) an early close may happen in.
    pub early_from: u32,
    /// The last such month; `None`: the plan's last month before maturity.
    pub early_to: Option<u32>,
}

/// Reads the behaviour.
///
/// # Errors
/// `INVALID_TYPE` at `behaviour`, `UNKNOWN_FIELD`, `MISSING_FIELD` at
/// `behaviour.earlyChance`, `INVALID_DECIMAL`, `INVALID_VALUE` for a chance
/// outside 0 … 1, an `earlyFrom` below 1 or an `earlyTo` below `earlyFrom`.
pub fn parse_behaviour(v: &Value) -> Result<Behaviour> {
    let o = object(v, "behaviour")?;
    let mut p = Problems::default();
    o.only(&["earlyChance", "earlyFrom", "earlyTo"], &mut p);
    if let Some(e) = p.first() {
        return Err(e);
    }
    let early_chance = o.decimal("earlyChance")?;
    if early_chance < Decimal::ZERO || early_chance > Decimal::ONE {
        return Err(Error::new(ErrorCode::InvalidValue, o.at("earlyChance"), "a chance is a decimal from 0 to 1"));
    }
    let early_from = o.int_or("earlyFrom", 1, 1, u64::from(crate::product::MAX_MONTHS))?;
    let early_to = o.opt_int("earlyTo", None, u64::from(early_from), u64::from(crate::product::MAX_MONTHS))?;
    Ok(Behaviour { early_chance, early_from, early_to })
}

/// The advice: the quoted product, its currency, and one entry per product, in the given order.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub quoted: Option<String>,
    pub currency: Option<String>,
    pub behaviour: Behaviour,
    pub entries: Vec<Advised>,
}

/// One position of the advice.
#[derive(Clone, Debug, PartialEq)]
pub enum Advised {
    Result(Box<Advisory>),
    Error { product_id: Option<String>, error: Error },
}

/// What one product is worth to a saver who might close early.
#[derive(Clone, Debug, PartialEq)]
pub struct Advisory {
    pub product_id: String,
    pub currency: String,
    /// The plan as given (no early close): its payout and interest.
    pub payout: Decimal,
    pub interest: Decimal,
    pub expected_payout: Decimal,
    pub expected_interest: Decimal,
    pub worst_payout: Decimal,
    /// The month of the worst outcome (the plan's term when it is the plan as given).
    pub worst_month: u32,
    /// Early months (within `earlyFrom` … `earlyTo`) the product refuses.
    pub refused_months: Vec<u32>,
    /// What withdrawing in each month 1 … term − 1 pays (None: refused),
    /// then the plan as given at the term.
    pub curve: Vec<CurvePoint>,
    pub assumptions: Vec<Assumption>,
    /// In the quoted product's currency.
    pub comparable: bool,
    /// 1 for the best; entries with equal expected payouts share a rank;
    /// None for entries not ranked (another currency, a product-sourced assumption).
    pub rank: Option<u32>,
    pub best: bool,
    /// `expectedPayout` − the best `expectedPayout` (comparable entries).
    pub difference_to_best: Option<Decimal>,
    pub scale: u32,
    pub payout_scale: u32,
}

/// One point of the payout curve: what a withdrawal in `month` pays, and
/// the interest in it (both None where the product refuses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurvePoint {
    pub month: u32,
    pub payout: Option<Decimal>,
    pub interest: Option<Decimal>,
}

/// Advises on one plan under each product of a JSON array (CONTRACT.md §8.3).
///
/// # Errors
/// `INVALID_TYPE` at `products` when it is not an array; behaviour errors
/// ([`parse_behaviour`]), and `INVALID_VALUE` at `behaviour.earlyTo` (or
/// `behaviour.earlyFrom`) when the months are not before the plan's term.
/// A product that cannot take the plan is an error entry.
///
/// # Example
/// ```
/// use serde_json::{json, Value};
/// use savings_plan::contract;
/// let catalog = Value::Array(contract::catalog());
/// let plan = json!({ "start": "2025-06-10", "months": 12, "installment": "1000" });
/// let advice = contract::advise(&catalog, &plan, &json!({ "earlyChance": "0.5" })).unwrap();
/// assert_eq!(advice.quoted.as_deref(), Some("cn-lczq-standard"));
/// ```
pub fn advise(products: &Value, plan: &Value, behaviour: &Value) -> Result<Advice> {
    let Value::Array(list) = products else {
        return Err(Error::new(ErrorCode::InvalidType, "products", "expected an array of product definitions"));
    };
    let behaviour = parse_behaviour(behaviour)?;
    if let Some(months) = plan.get("months").and_then(Value::as_u64) {
        check_months(&behaviour, months)?;
    }
    let parsed: Vec<Result<Product>> = list.iter().map(parse_product).collect();
    let (quoted, currency) = quoted_of(list, &parsed);
    let mut entries = Vec::with_capacity(list.len());
    for (i, (raw, product)) in list.iter().zip(parsed).enumerate() {
        let one = product.and_then(|product| {
            let p = plan_for(plan, &product, i, quoted.as_ref())?;
            one_product(&product, &p, &behaviour, currency.as_ref())
        });
        entries.push(match one {
            Ok(a) => Advised::Result(Box::new(a)),
            Err(error) => Advised::Error { product_id: raw_text(raw, "id"), error },
        });
    }
    rank(&mut entries)?;
    Ok(Advice { quoted, currency, behaviour, entries })
}

/// The early months must lie before the plan's term.
fn check_months(b: &Behaviour, months: u64) -> Result<()> {
    let last = months.saturating_sub(1);
    match b.early_to {
        Some(to) if u64::from(to) > last => Err(Error::new(
            ErrorCode::InvalidValue,
            "behaviour.earlyTo",
            format!("an early close is before maturity: month {last} at the latest"),
        )),
        None if u64::from(b.early_from) > last => Err(Error::new(
            ErrorCode::InvalidValue,
            "behaviour.earlyFrom",
            format!("an early close is before maturity: month {last} at the latest"),
        )),
        _ => Ok(()),
    }
}

/// The advisory for one product: the curve, then the expectations.
fn one_product(product: &Product, plan: &Plan, b: &Behaviour, currency: Option<&String>) -> Result<Advisory> {
    check_months(b, u64::from(plan.months))?;
    // One calendar for the plan and every early month's repricing (they differ only in the withdrawal date).
    let schedule = crate::price::schedule(product, plan)?;
    let held = payout_on(product, plan, &schedule)?;
    let mut assumptions = held.assumptions.clone();
    let mut curve = Vec::with_capacity(plan.months as usize);
    let mut at = plan.clone();
    // Every early month's outcome: (payout, interest), None where refused.
    let mut early: Vec<Option<Payout>> = Vec::with_capacity(plan.months as usize);
    for m in 1..plan.months {
        at.withdraw_on = Some(add_months(plan.start, m).ok_or_else(Error::overflow)?);
        match payout_on(product, &at, &schedule) {
            Ok(x) => {
                curve.push(CurvePoint { month: m, payout: Some(x.payout), interest: Some(x.interest) });
                for a in &x.assumptions {
                    if !assumptions.contains(a) {
                        assumptions.push(a.clone());
                    }
                }
                early.push(Some(x));
            }
            Err(e) if e.code == ErrorCode::EarlyNotAllowed => {
                curve.push(CurvePoint { month: m, payout: None, interest: None });
                early.push(None);
            }
            Err(e) => return Err(e),
        }
    }
    curve.push(CurvePoint { month: plan.months, payout: Some(held.payout), interest: Some(held.interest) });

    let p = b.early_chance;
    let (from, to) = (b.early_from, b.early_to.unwrap_or(plan.months - 1));
    let n = Decimal::from(to - from + 1);
    let (mut sum_payout, mut sum_interest) = (Decimal::ZERO, Decimal::ZERO);
    let mut refused_months = Vec::new();
    let mut worst = if p < Decimal::ONE { Some((held.payout, plan.months)) } else { None };
    for m in from..=to {
        let outcome = early.get(m as usize - 1).and_then(Option::as_ref);
        if outcome.is_none() {
            refused_months.push(m);
        }
        let (pay, interest, month) = outcome.map_or((held.payout, held.interest, plan.months), |x| (x.payout, x.interest, m));
        sum_payout = add(sum_payout, pay)?;
        sum_interest = add(sum_interest, interest)?;
        if p > Decimal::ZERO && worst.is_none_or(|(w, wm)| pay < w || (pay == w && month < wm)) {
            worst = Some((pay, month));
        }
    }
    // ((1 − p) × n × held + p × Σ) ÷ n, rounded once.
    let expect = |held: Decimal, sum: Decimal| -> Result<Decimal> {
        let kept = mul(mul(sub(Decimal::ONE, p)?, n)?, held)?;
        Ok(product.rounding.round(div(add(kept, mul(p, sum)?)?, n)?))
    };
    let (worst_payout, worst_month) = worst.unwrap_or((held.payout, plan.months));
    Ok(Advisory {
        product_id: product.id.clone(),
        currency: product.currency.clone(),
        payout: held.payout,
        interest: held.interest,
        expected_payout: expect(held.payout, sum_payout)?,
        expected_interest: expect(held.interest, sum_interest)?,
        worst_payout,
        worst_month,
        refused_months,
        curve,
        comparable: comparable(currency, &product.currency),
        assumptions,
        rank: None,
        best: false,
        difference_to_best: None,
        scale: product.rounding.scale,
        payout_scale: product.rounding.payout_display_scale(),
    })
}

/// Ranks the comparable, assumption-free entries by expected payout (equal
/// figures share a rank), and sets `best` and `differenceToBest`.
fn rank(entries: &mut [Advised]) -> Result<()> {
    let ranked = |a: &Advisory| a.comparable && !rests_on_product_assumption(&a.assumptions);
    let figures: Vec<Decimal> = entries
        .iter()
        .filter_map(|e| match e {
            Advised::Result(a) if ranked(a) => Some(a.expected_payout),
            _ => None,
        })
        .collect();
    let best = figures.iter().copied().max();
    for e in entries.iter_mut() {
        let Advised::Result(a) = e else { continue };
        if ranked(a) {
            let above = figures.iter().filter(|f| **f > a.expected_payout).count();
            a.rank = u32::try_from(above + 1).ok();
            a.best = above == 0;
        }
        if let (true, Some(best)) = (a.comparable, best) {
            a.difference_to_best = Some(sub(a.expected_payout, best)?);
        }
    }
    Ok(())
}

impl ToJson for Behaviour {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.plain("earlyChance", self.early_chance).field("earlyFrom", &self.early_from).field("earlyTo", &self.early_to);
        o.end();
    }
}

impl ToJson for Advisory {
    fn write_json(&self, out: &mut String) {
        let (scale, ps) = (self.scale, self.payout_scale);
        out.reserve(400 + 56 * self.curve.len());
        let mut o = Object::new(out);
        o.text("productId", &self.product_id)
            .text("currency", &self.currency)
            .field("comparable", &self.comparable)
            .field("rank", &self.rank)
            .field("best", &self.best)
            .fixed("expectedPayout", self.expected_payout, scale)
            .opt_fixed("differenceToBest", self.difference_to_best, scale)
            .fixed("worstPayout", self.worst_payout, ps)
            .field("worstMonth", &self.worst_month)
            .fixed("expectedInterest", self.expected_interest, scale)
            .fixed("payout", self.payout, ps)
            .fixed("interest", self.interest, scale)
            .field("refusedMonths", &self.refused_months)
            .field("assumptions", &self.assumptions);
        let out = o.key("curve");
        out.push('[');
        for (i, p) in self.curve.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let mut point = Object::new(out);
            point.field("month", &p.month).opt_fixed("payout", p.payout, ps).opt_fixed("interest", p.interest, scale);
            point.end();
        }
        out.push(']');
        o.end();
    }
}

impl ToJson for Advised {
    fn write_json(&self, out: &mut String) {
        match self {
            Advised::Result(a) => a.write_json(out),
            Advised::Error { product_id, error } => {
                let mut o = Object::new(out);
                o.field("productId", product_id).field("error", error);
                o.end();
            }
        }
    }
}

impl ToJson for Advice {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("quoted", &self.quoted)
            .field("currency", &self.currency)
            .field("behaviour", &self.behaviour)
            .field("entries", &self.entries);
        o.end();
    }
}
