//! The JSON-in, JSON-out entry points: what the WebAssembly facade and the
//! page call, one function per entry of the contract (CONTRACT.md §4).
//!
//! Each reads the contract's documents from [`serde_json::Value`]s, reports
//! the first problem as an [`Error`] with its code and JSON path, and
//! returns a typed result; [`ToJson::to_json`] writes any of them as the
//! contract's JSON text.
//!
//! ```
//! use savings_plan::contract::{self, ToJson};
//! use serde_json::json;
//! let products = contract::catalog();
//! let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" });
//! let quote = contract::calculate(&products[0], &plan)?;
//! assert!(quote.to_json().starts_with(r#"{"productId":"cn-lczq-standard","currency":"CNY","contractRate":"1.35""#));
//! let comparison = contract::compare(&serde_json::Value::Array(products), &plan, &serde_json::Value::Null)?;
//! assert!(comparison.to_json().contains(r#""best":true"#));
//! # Ok::<(), savings_plan::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::plan::Plan;
use crate::product::Product;
use crate::quote::Quote;
use serde_json::Value;

pub use crate::advise::{advise, parse_behaviour, Advice, Advised, Advisory, Behaviour, CurvePoint};
pub use crate::catalog::{catalog, catalog_json};
pub use crate::compare::{compare, parse_options, Compared, Comparison, Entry, Horizon, Options};
pub use crate::json::ToJson;
pub use crate::payouts::{payouts, Payouts};
pub use crate::reconcile::{reconcile, Reconciliation};
pub use crate::solve::{solve_installment, Solution};

/// Prices a plan (JSON) under a product (JSON).
///
/// # Errors
/// The product's first problem, then the plan's (CONTRACT.md §5, §6);
/// `OVERFLOW` when the amounts cannot be computed exactly.
///
/// # Example
/// ```
/// use serde_json::json;
/// use savings_plan::contract::{calculate, catalog};
/// let product = &catalog()[0];
/// let plan = json!({ "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" });
/// assert_eq!(calculate(product, &plan).unwrap().interest.to_string(), "87.75");
/// let bad = json!({ "start": "2025-01-15", "months": 12, "installment": "4.99" });
/// assert_eq!(calculate(product, &bad).unwrap_err().code.as_str(), "BELOW_MINIMUM");
/// ```
pub fn calculate(product: &Value, plan: &Value) -> Result<Quote> {
    let product = Product::parse(product)?;
    let plan = Plan::parse(plan, &product)?;
    crate::price(&product, &plan)
}

/// Every problem of a product definition, in field order (empty when valid).
///
/// # Example
/// ```
/// let problems = savings_plan::contract::validate_product(&serde_json::json!({ "schema": 2 }));
/// assert_eq!(problems[0].path, "product.schema");
/// ```
pub fn validate_product(product: &Value) -> Vec<Error> {
    crate::product::validate_product(product)
}
