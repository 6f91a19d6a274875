//! The WebAssembly facade: the only file that names `wasm_bindgen`.
//!
//! Each export converts plain JS objects to JSON, calls the same function
//! the Rust tests call, and converts the result back, or throws a JS `Error`
//! carrying the contract's `code` and `path`. No logic lives here. Values
//! cross as JSON text (`JSON.stringify` / `JSON.parse`): decimals are strings
//! on both sides, and anything JSON cannot hold (a BigInt, a cycle) becomes
//! a typed error instead of a trap.
//!
//! Each entry point is behind the feature of the view that calls it
//! (Cargo.toml): `first` (the first screen), `statement` (reconcile),
//! `advice` (advise, payouts). scripts/build.sh builds one module per
//! feature, and each carries only the code its entry points use.

use crate::error::{Error, ErrorCode};
use js_sys::{Reflect, JSON};
use crate::contract::{self, ToJson};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// The allocator: talc's WebAssembly build instead of the standard library's
/// dlmalloc, 1.5 KB smaller gzipped for ~6% more time per `calculate`
/// (README "Measured"). A WebAssembly instance has one thread, which is what
/// `TalckWasm` assumes; it grows the memory as dlmalloc does.
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without atomics: one thread, so no concurrent use.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("wasm.d.ts");

/// A thrown `Error` with `code` and `path` set on it.
fn to_js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("SavingsPlanError");
    // Setting a property on a fresh Error cannot fail; ignore the Result rather than unwrap.
    let _ = Reflect::set(&err, &"code".into(), &e.code.as_str().into());
    let _ = Reflect::set(&err, &"path".into(), &e.path.as_str().into());
    err.into()
}

/// Reads a JS value as JSON.
fn read(value: &JsValue, path: &str) -> Result<Value, JsValue> {
    let unusable = |why: &str| {
        to_js_error(&Error::new(ErrorCode::InvalidType, path, format!("{path} must be a JSON object: {why}")))
    };
    if value.is_undefined() {
        return Err(to_js_error(&Error::new(ErrorCode::MissingField, path, format!("{path} is required"))));
    }
    let text = JSON::stringify(value).map_err(|_| unusable("it cannot be written as JSON"))?;
    let text = text.as_string().ok_or_else(|| unusable("it cannot be written as JSON"))?;
    crate::json_in::parse(&text).map_err(|_| unusable("it is nested too deeply or not JSON"))
}

/// Writes a result as a plain JS object (JSON text written by hand, then `JSON.parse`).
fn write<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    JSON::parse(&value.to_json())
}

/// Prices a plan under a product (CONTRACT.md §4).
#[cfg(feature = "first")]
#[wasm_bindgen(js_name = "calculate", unchecked_return_type = "Result")]
pub fn calculate(
    #[wasm_bindgen(unchecked_param_type = "Product")] product: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
) -> Result<JsValue, JsValue> {
    let product = read(&product, "product")?;
    let plan = read(&plan, "plan")?;
    let quote = contract::calculate(&product, &plan).map_err(|e| to_js_error(&e))?;
    write(&quote)
}

/// One plan under many products, like with like (CONTRACT.md §8.1); a
/// product that cannot take the plan is a `{ productId, error }` entry.
#[cfg(feature = "first")]
#[wasm_bindgen(js_name = "compare", unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Product[]")] products: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let products = read(&products, "products")?;
    let plan = read(&plan, "plan")?;
    let options = if options.is_undefined() || options.is_null() { Value::Null } else { read(&options, "options")? };
    let comparison = contract::compare(&products, &plan, &options).map_err(|e| to_js_error(&e))?;
    write(&comparison)
}

/// A real deposit history checked against the product's rules and the bank's figure (CONTRACT.md §8.2).
#[cfg(feature = "statement")]
#[wasm_bindgen(js_name = "reconcile", unchecked_return_type = "Reconciliation")]
pub fn reconcile(
    #[wasm_bindgen(unchecked_param_type = "Product")] product: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Statement")] statement: JsValue,
) -> Result<JsValue, JsValue> {
    let product = read(&product, "product")?;
    let statement = read(&statement, "statement")?;
    let reconciliation = contract::reconcile(&product, &statement).map_err(|e| to_js_error(&e))?;
    write(&reconciliation)
}

/// Which product is best if the saver might need the money early (CONTRACT.md §8.3).
#[cfg(feature = "advice")]
#[wasm_bindgen(js_name = "advise", unchecked_return_type = "Advice")]
pub fn advise(
    #[wasm_bindgen(unchecked_param_type = "Product[]")] products: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Behaviour")] behaviour: JsValue,
) -> Result<JsValue, JsValue> {
    let products = read(&products, "products")?;
    let plan = read(&plan, "plan")?;
    let behaviour = read(&behaviour, "behaviour")?;
    let advice = contract::advise(&products, &plan, &behaviour).map_err(|e| to_js_error(&e))?;
    write(&advice)
}

/// Many plans under one product, payout only (CONTRACT.md §8.4).
#[cfg(feature = "advice")]
#[wasm_bindgen(js_name = "payouts", unchecked_return_type = "PayoutEntry[]")]
pub fn payouts(
    #[wasm_bindgen(unchecked_param_type = "Product")] product: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan[]")] plans: JsValue,
) -> Result<JsValue, JsValue> {
    let product = read(&product, "product")?;
    let plans = read(&plans, "plans")?;
    write(&contract::payouts(&product, &plans).map_err(|e| to_js_error(&e))?)
}

/// The smallest installment whose payout reaches `targetPayout`.
#[cfg(feature = "first")]
#[wasm_bindgen(js_name = "solveInstallment", unchecked_return_type = "Solution")]
pub fn solve_installment(
    #[wasm_bindgen(unchecked_param_type = "Product")] product: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan")] plan: JsValue,
    #[wasm_bindgen(js_name = "targetPayout", unchecked_param_type = "Decimal")] target_payout: JsValue,
) -> Result<JsValue, JsValue> {
    let product = read(&product, "product")?;
    let plan = read(&plan, "plan")?;
    let target = read(&target_payout, "targetPayout")?;
    let solution = contract::solve_installment(&product, &plan, &target).map_err(|e| to_js_error(&e))?;
    write(&solution)
}

/// Every problem of a product definition (empty when valid).
#[cfg(feature = "first")]
#[wasm_bindgen(js_name = "validateProduct", unchecked_return_type = "Problem[]")]
pub fn validate_product(#[wasm_bindgen(unchecked_param_type = "Product")] product: JsValue) -> Result<JsValue, JsValue> {
    let product = read(&product, "product")?;
    write(&contract::validate_product(&product))
}

/// The built-in example products.
#[cfg(feature = "first")]
#[wasm_bindgen(js_name = "catalog", unchecked_return_type = "Product[]")]
pub fn catalog() -> Result<JsValue, JsValue> {
    JSON::parse(&contract::catalog_json())
}
