//! Settling: each paid figure rounded once by the product's rule, the payout
//! as `principal + interest + subsidy − fees − tax` (then `payoutScale`),
//! and the real payout at an assumed inflation.

use crate::error::{Error, Result};
use crate::money::{add, div, mul, pow, root, sub, Rounding};
use rust_decimal::Decimal;

/// The rounded figures of a result.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub principal: Decimal,
    pub interest: Decimal,
    pub subsidy: Decimal,
    pub fees: Decimal,
    pub tax: Decimal,
}

impl Totals {
    /// `principal + interest + subsidy − fees − tax`, before `payoutScale`.
    pub fn payout_exact(&self) -> Result<Decimal> {
        sub(sub(add(add(self.principal, self.interest)?, self.subsidy)?, self.fees)?, self.tax)
    }

    /// The payout at the product's payout scale.
    pub fn payout(&self, rounding: &Rounding) -> Result<Decimal> {
        Ok(rounding.round_payout(self.payout_exact()?))
    }
}

/// `payout ÷ (1 + inflation/100)^(days ÷ 365)`, rounded to the product's scale.
pub fn real_payout(payout: Decimal, inflation: Decimal, days: i64, rounding: &Rounding) -> Result<Decimal> {
    let base = add(Decimal::ONE, div(inflation, Decimal::ONE_HUNDRED)?)?;
    // (1 + x)^(days/365) = (1 + x)^years × ((1 + x)^(1/365))^rest, exact to 27 digits
    // with whole powers and one Newton root, no floating point.
    let days = days.max(0) as u64;
    let whole = pow(base, days / 365)?;
    let rest = days % 365;
    let part = if rest == 0 { Decimal::ONE } else { pow(root(base, 365)?, rest)? };
    let factor = mul(whole, part)?;
    if factor <= Decimal::ZERO {
        return Err(Error::overflow());
    }
    Ok(rounding.round(div(payout, factor)?))
}
