//! Comparing products for one plan, like with like (CONTRACT.md §8.1), so
//! the page never decides what is comparable or best:
//!
//! - **The quoted product** is the first. A teller's `plan.rate` prices it
//!   and the products whose `variantOf` names it; every other product is
//!   priced at its own rates (and carries no `RATE_OVERRIDE` warning).
//! - **One currency.** Only entries in the quoted product's currency are
//!   `comparable`; the others get `best: false`, `differenceToBest: null`.
//! - **Stated assumptions.** An entry whose figures rest on an assumption
//!   nobody chose (`source: product`) is never `best`.
//! - **One date.** With `horizon: common` (the default) every entry is also
//!   priced as if the saver did nothing until the horizon date H
//!   (`plan.withdrawOn`, else the latest `closeDate` of the comparable
//!   entries): `horizonValue`. A payout product that matured earlier runs
//!   overdue under its own rule until H, an auto-renew product renews; an
//!   account the bank closed (`closedByBank`) pays what it paid on its close
//!   date, as it no longer exists on H. `best` and `differenceToBest` are on
//!   `horizonValue`. With `horizon: own`, `horizonDate` is null and
//!   `horizonValue` is the payout.
//!
//! A product that cannot take the plan gives an `{ productId, error }` entry
//! in its position, not a failure of the whole call. Ties are all best.

use crate::calendar::parse_date;
use crate::closure::Closure;
use crate::error::{Error, ErrorCode, Result};
use crate::input::{object, Problems};
use crate::money::sub;
use crate::plan::{parse_plan, Plan};
use crate::price::price;
use crate::product::{parse_product, Product};
use crate::quote::{Assumption, Quote, Source};
use crate::vocabulary::vocabulary;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

vocabulary! {
    /// Which date the comparison's `best` is decided on (`options.horizon`).
    pub enum Horizon as "Horizon", locale [] {
        /// One date for every entry: `plan.withdrawOn`, else the latest close.
        Common = "common",
        /// Each entry's own close (payouts on different dates).
        Own = "own",
    }
}

/// `compare`'s options: `{ "horizon": "common" | "own" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub horizon: Horizon,
}

/// Reads the options; null or absent means the defaults.
///
/// # Errors
/// `INVALID_TYPE` at `options` for a non-object, `UNKNOWN_FIELD` for an
/// unknown key, `INVALID_VALUE` at `options.horizon` for another value.
pub fn parse_options(v: &Value) -> Result<Options> {
    if v.is_null() {
        return Ok(Options { horizon: Horizon::Common });
    }
    let o = object(v, "options")?;
    let mut p = Problems::default();
    o.only(&["horizon"], &mut p);
    if let Some(e) = p.first() {
        return Err(e);
    }
    Ok(Options { horizon: o.choice("horizon", Horizon::Common)? })
}

/// The comparison: the quoted product, its currency, the common date and one entry per product.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The first product's `id` (null when it has none).
    pub quoted: Option<String>,
    /// The quoted product's currency: the only comparable one.
    pub currency: Option<String>,
    /// H with `horizon: common`; null with `own` (or when nothing is comparable).
    pub horizon_date: Option<NaiveDate>,
    pub entries: Vec<Compared>,
}

/// One position of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Compared {
    Result(Box<Entry>),
    Error { product_id: Option<String>, error: Error },
}

/// A result (§3) with what the comparison decided about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub result: Quote,
    /// In the quoted product's currency.
    pub comparable: bool,
    /// The largest `horizonValue` among comparable entries with no
    /// product-sourced assumption (ties are all best).
    pub best: bool,
    /// What the plan is worth on `horizonDate` if the saver does nothing
    /// until then (the payout with `horizon: own`); null where the product
    /// cannot be cashed on that date (it refuses an early withdrawal).
    pub horizon_value: Option<Decimal>,
    /// How the account stands on `horizonDate`: `maturity` | `early` |
    /// `overdue` | `closedByBank`; null with `horizonValue`.
    pub horizon_closure: Option<Closure>,
    /// `horizonValue` − the best `horizonValue`; null when not comparable or no entry is best.
    pub difference_to_best: Option<Decimal>,
}

/// A product priced for the plan, or the id it gave and why it could not be.
type Priced = std::result::Result<(Product, Plan, Quote), (Option<String>, Error)>;

/// Prices one plan under each product of a JSON array (CONTRACT.md §8.1).
///
/// # Errors
/// `INVALID_TYPE` at `products` when it is not an array; option errors
/// ([`parse_options`]). Problems of single products are error entries.
///
/// # Example
/// ```
/// use serde_json::{json, Value};
/// use savings_plan::contract;
/// let catalog = Value::Array(contract::catalog());
/// let plan = json!({ "start": "2025-06-10", "months": 12, "installment": "1000", "rate": "1.10" });
/// let c = contract::compare(&catalog, &plan, &Value::Null).unwrap();
/// assert_eq!(c.quoted.as_deref(), Some("cn-lczq-standard"));
/// assert_eq!(c.horizon_date, chrono::NaiveDate::from_ymd_opt(2027, 6, 10)); // the auto-renew product's close
/// ```
pub fn compare(products: &Value, plan: &Value, options: &Value) -> Result<Comparison> {
    let Value::Array(list) = products else {
        return Err(Error::new(ErrorCode::InvalidType, "products", "expected an array of product definitions"));
    };
    let options = parse_options(options)?;
    let parsed: Vec<Result<Product>> = list.iter().map(parse_product).collect();
    let (quoted, currency) = quoted_of(list, &parsed);

    // Each product priced; the teller's rate only on the quoted product and its variants.
    let mut priced: Vec<Priced> = Vec::with_capacity(list.len());
    for (i, (raw, product)) in list.iter().zip(parsed).enumerate() {
        let id = raw_text(raw, "id");
        let one = product.and_then(|product| {
            let p = plan_for(plan, &product, i, quoted.as_ref())?;
            let q = price(&product, &p)?;
            Ok((product, p, q))
        });
        priced.push(one.map_err(|e| (id, e)));
    }

    let is_comparable = |q: &Quote| comparable(currency.as_ref(), &q.currency);
    let horizon: Option<NaiveDate> = match options.horizon {
        Horizon::Own => None,
        Horizon::Common => {
            let given = priced.iter().find_map(|r| r.as_ref().ok().map(|(_, p, _)| p.withdraw_on));
            let given = given.unwrap_or_else(|| plan.get("withdrawOn").and_then(Value::as_str).and_then(parse_date));
            given.or_else(|| {
                priced
                    .iter()
                    .filter_map(|r| r.as_ref().ok())
                    .filter(|(_, _, q)| is_comparable(q))
                    .map(|(_, _, q)| q.close_date)
                    .max()
            })
        }
    };

    let mut entries: Vec<Compared> = Vec::with_capacity(priced.len());
    for one in priced {
        let (product, p, mut q) = match one {
            Ok(x) => x,
            Err((product_id, error)) => {
                entries.push(Compared::Error { product_id, error });
                continue;
            }
        };
        let (amount, closure) = match horizon {
            None if options.horizon == Horizon::Own => (Some(q.payout), Some(q.closure)),
            None => (None, None),
            Some(h) => horizon_value(&product, &p, &mut q, h),
        };
        entries.push(Compared::Result(Box::new(Entry {
            comparable: is_comparable(&q),
            horizon_value: amount,
            horizon_closure: closure,
            result: q,
            best: false,
            difference_to_best: None,
        })));
    }
    mark_best(&mut entries)?;
    Ok(Comparison { quoted, currency, horizon_date: horizon, entries })
}

/// A raw product's text field (for error entries of products that cannot be read).
pub(crate) fn raw_text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(String::from)
}

/// The quoted product's id and currency: the first product's (its raw
/// fields when it cannot be read).
pub(crate) fn quoted_of(list: &[Value], parsed: &[Result<Product>]) -> (Option<String>, Option<String>) {
    match (parsed.first(), list.first()) {
        (Some(Ok(p)), _) => (Some(p.id.clone()), Some(p.currency.clone())),
        (_, Some(raw)) => (raw_text(raw, "id"), raw_text(raw, "currency")),
        _ => (None, None),
    }
}

/// The plan as product `i` of the list prices it: the teller's `plan.rate`
/// only for the quoted product (the first) and its variants (`variantOf`
/// naming the quoted id); every other product at its own rates.
///
/// # Errors
/// The plan's problems under that product.
pub(crate) fn plan_for(plan: &Value, product: &Product, i: usize, quoted: Option<&String>) -> Result<Plan> {
    let mut p = parse_plan(plan, product, None)?;
    let quoted_rate = i == 0 || (quoted.is_some() && product.variant_of.as_ref() == quoted);
    if !quoted_rate {
        p.rate = None;
    }
    Ok(p)
}

/// Whether a figure in `currency` is comparable: it is the quoted currency.
pub(crate) fn comparable(quoted_currency: Option<&String>, currency: &str) -> bool {
    quoted_currency.is_some_and(|c| c == currency)
}

/// The value on `h` if the saver does nothing until then, and how the account stands;
/// the assumptions that value rests on join the entry's own.
fn horizon_value(product: &Product, plan: &Plan, q: &mut Quote, h: NaiveDate) -> (Option<Decimal>, Option<Closure>) {
    let close = q.close_date;
    // On its own close date the value is the payout; after a closure by the
    // bank the account no longer exists, so it is what the bank paid.
    if close == h || (q.closure == Closure::ClosedByBank && close < h) {
        return (Some(q.payout), Some(q.closure));
    }
    let at_h = Plan { withdraw_on: Some(h), ..plan.clone() };
    // Only the payout is needed on H: the payout-only path (same stages, same figures).
    match crate::price::payout(product, &at_h) {
        Ok(later) => {
            for a in later.assumptions {
                if !q.assumptions.contains(&a) {
                    q.assumptions.push(a);
                }
            }
            (Some(later.payout), Some(later.closure))
        }
        // A date the product refuses (an early withdrawal it does not allow,
        // or one it cannot compute): no value on H, and the entry stays.
        Err(_) => (None, None),
    }
}

/// Whether a result rests on an assumption nobody chose.
pub(crate) fn rests_on_product_assumption(assumptions: &[Assumption]) -> bool {
    assumptions.iter().any(|a| a.source == Source::Product)
}

/// Sets `best` and `differenceToBest` on the comparable entries.
fn mark_best(entries: &mut [Compared]) -> Result<()> {
    let best = entries
        .iter()
        .filter_map(|e| match e {
            Compared::Result(x) if x.comparable && !rests_on_product_assumption(&x.result.assumptions) => x.horizon_value,
            _ => None,
        })
        .max();
    for e in entries.iter_mut() {
        if let Compared::Result(x) = e {
            if !x.comparable {
                continue;
            }
            if let (Some(best), Some(mine)) = (best, x.horizon_value) {
                x.best = mine == best && !rests_on_product_assumption(&x.result.assumptions);
                x.difference_to_best = Some(sub(mine, best)?);
            }
        }
    }
    Ok(())
}
