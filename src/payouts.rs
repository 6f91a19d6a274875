//! Payouts in bulk (CONTRACT.md §8.4): many plans under one product, the
//! payout only, for grids (rate × term, installment × term), charts and a
//! bank's analyses of its book.
//!
//! Each plan goes through the pipeline's payout-only mode (the same stages
//! as `calculate`, without schedule rows, explanation, yield or
//! formatting), so each figure equals `calculate`'s `payout`; plans in a
//! row with the same opening date and term share one calendar. A plan the
//! product cannot take is an error in its position, with the path inside
//! the list (`plans[3].installment`); it does not fail the others.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{write_word, ToJson};
use crate::money::fixed_digits;
use crate::plan::parse_plan;
use crate::calendar::Schedule;
use crate::price::{payout_on, schedule};
use crate::product::parse_product;
use rust_decimal::Decimal;
use serde_json::Value;

/// One payout per plan, in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct Payouts {
    pub payouts: Vec<std::result::Result<Decimal, Error>>,
    /// The places of a payout in JSON (`rounding.payoutScale`, else `scale`).
    pub payout_scale: u32,
}

/// Prices each plan of a JSON array under one product, payout only.
///
/// # Errors
/// The product's first problem; `INVALID_TYPE` at `plans` when it is not an
/// array. Problems of single plans are error entries.
///
/// # Example
/// ```
/// use serde_json::json;
/// use savings_plan::contract::{self, ToJson};
/// let product = &contract::catalog()[0];
/// let plans = json!([
///     { "start": "2025-01-15", "months": 12, "installment": "1000", "rate": "1.35" },
///     { "start": "2025-01-15", "months": 12, "installment": "4.99" },
/// ]);
/// let text = contract::payouts(product, &plans)?.to_json();
/// assert!(text.starts_with(r#"["12087.75",{"error":{"code":"BELOW_MINIMUM","path":"plans[1].installment""#));
/// # Ok::<(), savings_plan::Error>(())
/// ```
pub fn payouts(product: &Value, plans: &Value) -> Result<Payouts> {
    let product = parse_product(product)?;
    let Value::Array(list) = plans else {
        return Err(Error::new(ErrorCode::InvalidType, "plans", "expected an array of plans"));
    };
    let mut out = Vec::with_capacity(list.len());
    // A grid's plans share their opening date and term: one calendar for all of them.
    let mut calendar: Option<Schedule> = None;
    for (i, plan) in list.iter().enumerate() {
        let one = parse_plan(plan, &product, None).and_then(|p| {
            let schedule = match calendar.take() {
                Some(s) if s.start == p.start && s.months == p.months => s,
                _ => schedule(&product, &p)?,
            };
            let paid = payout_on(&product, &p, &schedule);
            calendar = Some(schedule);
            paid
        });
        out.push(one.map(|p| p.payout).map_err(|e| at_index(e, i)));
    }
    Ok(Payouts { payouts: out, payout_scale: product.rounding.payout_display_scale() })
}

/// The error's path inside the list: `plan.x` becomes `plans[i].x`.
fn at_index(mut e: Error, i: usize) -> Error {
    let rest = e.path.strip_prefix("plan").unwrap_or_default();
    e.path = format!("plans[{i}]{rest}");
    e
}

impl ToJson for Payouts {
    fn write_json(&self, out: &mut String) {
        out.reserve(2 + 14 * self.payouts.len());
        out.push('[');
        for (i, one) in self.payouts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match one {
                Ok(p) => write_word(out, fixed_digits(*p, self.payout_scale).as_str()),
                Err(e) => {
                    out.push_str("{\"error\":");
                    e.write_json(out);
                    out.push('}');
                }
            }
        }
        out.push(']');
    }
}
