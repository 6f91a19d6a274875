//! Reverse solve: "I want ¥100,000 at maturity" → the monthly amount.
//!
//! The smallest multiple of the product's `step`, at least its `min`, whose
//! rounded payout reaches the target. The payout grows with the
//! installment, so a bracket from a linear estimate and a bisection over
//! whole steps find it in a few dozen pricings.

use crate::price::{payout, price, Payout};
use crate::error::{Error, ErrorCode, Result};
use crate::input::decimal_value;
use crate::money::{add, div, mul, plain, sub};
use crate::plan::parse_plan;
use crate::product::parse_product;
use crate::quote::Quote;
use rust_decimal::Decimal;
use serde_json::Value;

/// The installment found and the result at it.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    pub installment: Decimal,
    pub result: Quote,
}

/// Finds the smallest installment whose payout reaches `target`.
///
/// # Errors
/// Product and plan errors as for `calculate` (the plan's own installment is
/// not read); `INVALID_VALUE` at `plan.events` for events with an `amount`;
/// `INVALID_DECIMAL` at `targetPayout`, `INVALID_VALUE` there for a target
/// of 0 or less; `TARGET_UNREACHABLE` when no installment up to the
/// product's maximum or plausible maximum (or the largest computable one)
/// reaches it.
pub fn solve_installment(product: &Value, plan: &Value, target: &Value) -> Result<Solution> {
    let product = parse_product(product)?;
    let limits = product.installment;
    let lowest_k = div(limits.min.max(limits.step), limits.step)?.ceil();
    let highest_k = match limits.upper() {
        Some(m) => Some(div(m, limits.step)?.floor()),
        None => None,
    };
    let plan = parse_plan(plan, &product, Some(mul(lowest_k, limits.step)?))?;
    if plan.events.iter().any(|e| e.amount.is_some()) {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "plan.events",
            "the solver sets the installment: events with an amount cannot be solved for",
        ));
    }
    let target = decimal_value(target, "targetPayout")?;
    if target <= Decimal::ZERO {
        return Err(Error::new(ErrorCode::InvalidValue, "targetPayout", "the target payout must be above 0"));
    }
    let unreachable = || {
        Error::new(
            ErrorCode::TargetUnreachable,
            "targetPayout",
            format!("no installment within the product's limits pays {}", plain(target)),
        )
    };
    let plan_at = |k: Decimal| -> Result<crate::plan::Plan> {
        let installment = mul(k, limits.step)?;
        Ok(crate::plan::Plan { installment, ..plan.clone() })
    };
    // The search needs payouts only (the payout-only mode of the same
    // stages); the answer is priced in full once, at the installment found.
    let at = |k: Decimal| -> Result<Payout> { payout(&product, &plan_at(k)?) };
    let reaches = |q: &Payout| q.payout >= target;

    let first = at(lowest_k)?;
    if reaches(&first) {
        return Ok(Solution { installment: mul(lowest_k, limits.step)?, result: price(&product, &plan_at(lowest_k)?)? });
    }
    if highest_k.is_some_and(|h| h < lowest_k) {
        return Err(unreachable());
    }
    // Bracket: lo never reaches, hi does.
    let mut lo = lowest_k;
    let estimate = if first.payout > Decimal::ZERO {
        div(mul(lowest_k, target).map_err(|_| unreachable())?, first.payout).map_err(|_| unreachable())?.ceil()
    } else {
        lowest_k.checked_mul(Decimal::TWO).ok_or_else(unreachable)?
    };
    let mut hi = estimate.max(add(lo, Decimal::ONE)?);
    loop {
        if let Some(h) = highest_k {
            hi = hi.min(h);
        }
        match at(hi) {
            Ok(q) if reaches(&q) => break,
            Ok(_) if highest_k == Some(hi) => return Err(unreachable()),
            Ok(_) => {
                lo = hi;
                hi = hi.checked_mul(Decimal::TWO).ok_or_else(unreachable)?;
            }
            Err(e) if e.code == ErrorCode::Overflow => return Err(unreachable()),
            Err(e) => return Err(e),
        }
    }
    while sub(hi, lo)? > Decimal::ONE {
        let mid = div(add(lo, hi)?, Decimal::TWO)?.floor();
        let q = at(mid)?;
        if reaches(&q) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Solution { installment: mul(hi, limits.step)?, result: price(&product, &plan_at(hi)?)? })
}
