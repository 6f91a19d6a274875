//! Customer categories (RULES.md §8.1): a fixed uplift on the card rate
//! for a kind of customer. SBI and most Indian banks pay senior citizens
//! (60 and over) 0.50 percentage points more on recurring deposits; some
//! banks pay staff 1.00 more.
//!
//! Product: `categories: [{ "id": "senior", "name": {…}, "uplift": "0.50" }]`.
//! Plan: `category: "senior"`. The contract rate is the term's rate plus the
//! uplift; a teller's `plan.rate` is the final rate and replaces both. A
//! category the product does not list is `INVALID_VALUE` at `plan.category`.
//! The category named `senior` also chooses the senior column of the
//! product's TDS thresholds (`withholding`, §8.2).
//!
//! ```
//! use savings_plan::{price, Plan, Product};
//! use serde_json::json;
//! let product = Product::parse(&json!({ "schema": 1, "id": "rd", "currency": "INR",
//!     "terms": [{ "months": 12, "rate": "6.50" }], "demandRate": "2.70",
//!     "categories": [{ "id": "senior", "uplift": "0.50" }] }))?;
//! let plan = Plan::parse(&json!({ "start": "2025-04-01", "months": 12, "installment": "1000", "category": "senior" }), &product)?;
//! assert_eq!(price(&product, &plan)?.contract_rate.to_string(), "7.00");
//! let staff = json!({ "start": "2025-04-01", "months": 12, "installment": "1000", "category": "staff" });
//! assert_eq!(Plan::parse(&staff, &product).unwrap_err().path, "plan.category");
//! # Ok::<(), savings_plan::Error>(())
//! ```

use crate::error::{Error, ErrorCode};
use crate::input::{object, Obj, Problems};
use rust_decimal::Decimal;
use serde_json::Value;

/// The category whose customers get the senior TDS threshold.
pub const SENIOR: &str = "senior";

/// One customer category and its uplift.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub id: String,
    /// Percentage points added to the term's rate.
    pub uplift: Decimal,
}

/// Reads `categories` (absent: none).
pub(crate) fn read(o: &Obj, p: &mut Problems) -> Option<Vec<Category>> {
    let Some(list) = p.take(o.opt_array("categories"))? else { return Some(Vec::new()) };
    let mut out: Vec<Category> = Vec::with_capacity(list.len());
    let mut ok = true;
    for (i, item) in list.iter().enumerate() {
        let path = format!("{}[{i}]", o.at("categories"));
        let Some(c) = p.take(object(item, &path)) else {
            ok = false;
            continue;
        };
        c.only(&["id", "name", "uplift"], p);
        let id = match c.get("id") {
            None => Err(Error::new(ErrorCode::MissingField, c.at("id"), "a category needs an id")),
            Some(Value::String(s)) if is_id(s) => Ok(s.clone()),
            Some(Value::String(_)) => Err(Error::new(ErrorCode::InvalidValue, c.at("id"), "a category id is a word of letters, digits, - or _")),
            Some(_) => Err(Error::new(ErrorCode::InvalidType, c.at("id"), "a category id is a string")),
        };
        let id = p.take(id);
        crate::teller::read_localized(&c, "name", 40, p);
        let uplift = p.take(crate::product::rate(&c, "uplift"));
        match (id, uplift) {
            (Some(id), Some(uplift)) => {
                if out.iter().any(|x| x.id == id) {
                    p.push(Error::new(ErrorCode::InvalidValue, c.at("id"), "a category is listed once"));
                    ok = false;
                }
                out.push(Category { id, uplift });
            }
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The uplift of the plan's `category` (0 without one).
///
/// # Errors
/// `INVALID_TYPE` or `INVALID_VALUE` at `plan.category`.
pub fn uplift(categories: &[Category], v: Option<&Value>, path: &str) -> crate::error::Result<(Option<String>, Decimal)> {
    match v {
        None | Some(Value::Null) => Ok((None, Decimal::ZERO)),
        Some(Value::String(s)) => match categories.iter().find(|c| c.id == *s) {
            Some(c) => Ok((Some(c.id.clone()), c.uplift)),
            // A fixed sentence: the product's list is at product.categories (smaller code than listing it).
            None => Err(Error::new(ErrorCode::InvalidValue, path, "the product does not list this category (product.categories)")),
        },
        Some(_) => Err(Error::new(ErrorCode::InvalidType, path, "category is the id (a string) of one of the product's categories")),
    }
}
