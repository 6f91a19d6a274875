//! The month-unit numerators `amount × units30 × rate` and their sum in
//! integers: the very `Decimal`s (mantissa, scale and sign) that
//! rust_decimal's `mul` and `add` give, without their general machinery,
//! whenever neither would round. Where one would (or could), `None`, and the
//! caller takes the general `Decimal` path, so a fast figure is never a
//! different figure.
//!
//! Why they are the same value and the same representation (rust_decimal
//! 1.43, `ops/mul.rs` and `ops/add.rs`):
//!
//! - `mul(a, b)` returns `Decimal::ZERO` (scale 0) when either is zero;
//!   otherwise the product of the mantissas at scale `sa + sb`, sign the
//!   exclusive or, unchanged when the product is below 2⁹⁶ and the scale at
//!   most 28 (`finish_mul` rescales, i.e. rounds, only beyond either). So
//!   `(amount × Decimal::from(u)) × rate` with `u ≥ 0` is exactly
//!   `|A|·u·|R|` at scale `sa + sr` when `|A|·u·|R| < 2⁹⁶` and `sa + sr ≤ 28`
//!   (then `|A|·u < 2⁹⁶` too, `|R| ≥ 1`); `ZERO` when the amount or `u` is
//!   zero, or when the rate is and `|A|·u < 2⁹⁶` (else the first product
//!   already rounds or overflows: the general path decides).
//! - `add(x, y)` returns the other operand when one is zero (mantissa 0,
//!   whatever its scale), and otherwise, for operands of one sign, the sum
//!   aligned to the larger scale, unchanged when that aligned sum is below
//!   2⁹⁶. A running sum from `ZERO` of non-negative terms therefore is
//!   `ZERO` while every term was zero, and afterwards the sum of the nonzero
//!   terms' mantissas, each scaled to the largest scale among them: every
//!   partial sum is at most the final one (terms ≥ 0), so when the final
//!   aligned sum is below 2⁹⁶ no addition on the way rounded either.
//!
//! Terms of both signs (a negative rate) are left to the general path:
//! cancellation makes the partial sums' bound above fail.

use rust_decimal::Decimal;

/// 2⁹⁶: a `Decimal`'s mantissa is below it.
const LIMIT: u128 = 1 << 96;
/// The largest scale a `Decimal` holds.
const MAX_SCALE: u32 = 28;

/// `(amount × Decimal::from(units30)) × rate` as rust_decimal computes it,
/// when no step rounds; `None` otherwise (the caller multiplies in `Decimal`).
#[inline(always)]
pub fn product(amount: Decimal, units30: i64, rate: Decimal) -> Option<Decimal> {
    let u = u128::try_from(units30).ok()?;
    let (a, r) = (magnitude(&amount), magnitude(&rate));
    if a == 0 || u == 0 {
        return Some(Decimal::ZERO);
    }
    // The first product must fit on its own: with a zero rate it is all there is.
    let au = wide_mul(a, u).filter(|au| *au < LIMIT)?;
    if r == 0 {
        return Some(Decimal::ZERO);
    }
    let scale = amount.scale() + rate.scale();
    let m = wide_mul(au, r)?;
    if m >= LIMIT || scale > MAX_SCALE {
        return None;
    }
    let negative = amount.is_sign_negative() ^ rate.is_sign_negative();
    Some(Decimal::from_parts(m as u32, (m >> 32) as u32, (m >> 64) as u32, negative, scale))
}

/// The running sum `ZERO + t₁ + t₂ + …` as rust_decimal's `add` gives it,
/// for non-negative terms whose aligned sum stays below 2⁹⁶; `None` for a
/// negative term or a sum that does not fit (the caller adds in `Decimal`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Sum {
    /// Σ of the nonzero terms' mantissas at `scale`.
    mantissa: u128,
    /// The largest scale among the nonzero terms so far.
    scale: u32,
}

impl Sum {
    /// Adds `term`; `None` when the fast sum cannot vouch for the result.
    #[inline(always)]
    pub fn add(self, term: Decimal) -> Option<Sum> {
        let m = magnitude(&term);
        if term.is_sign_negative() && m != 0 {
            return None;
        }
        if m == 0 {
            // `add(x, 0)` is `x`; `add(0, z)` is `z`, which is this sum's `ZERO` only when `z` is `ZERO` itself.
            return (self.mantissa != 0 || term.serialize() == Decimal::ZERO.serialize()).then_some(self);
        }
        let s = term.scale();
        if self.mantissa == 0 {
            return Some(Sum { mantissa: m, scale: s }); // `add(0, y)` is `y`
        }
        let (mantissa, scale) = match s.cmp(&self.scale) {
            std::cmp::Ordering::Equal => (self.mantissa.checked_add(m)?, s),
            std::cmp::Ordering::Greater => (widen(self.mantissa, s - self.scale)?.checked_add(m)?, s),
            std::cmp::Ordering::Less => (self.mantissa.checked_add(widen(m, self.scale - s)?)?, self.scale),
        };
        (mantissa < LIMIT).then_some(Sum { mantissa, scale })
    }

    /// The sum as a `Decimal` (`ZERO` for no nonzero term).
    pub fn value(self) -> Decimal {
        let m = self.mantissa;
        if m == 0 {
            return Decimal::ZERO;
        }
        Decimal::from_parts(m as u32, (m >> 32) as u32, (m >> 64) as u32, false, self.scale)
    }
}

/// The mantissa's magnitude, without `Decimal::mantissa`'s signed `i128`.
/// `#[inline(always)]` here and on the callers: the crate is built for size
/// (`opt-level = "z"`), which otherwise leaves these few instructions as
/// calls, per deposit, in the WebAssembly.
#[inline(always)]
fn magnitude(d: &Decimal) -> u128 {
    let p = d.unpack();
    u128::from(p.lo) | (u128::from(p.mid) << 32) | (u128::from(p.hi) << 64)
}

/// `a × b` when it cannot overflow: one 64-bit multiplication when both fit
/// in 32 bits (amounts, month-units and rates usually do; WebAssembly has no
/// 128-bit multiply), one widening multiplication when both fit in 64;
/// `None` otherwise (the caller takes the `Decimal` path: amounts beyond
/// 2⁶⁴ minor units), which keeps a 128-bit overflow check out of the code.
#[inline(always)]
fn wide_mul(a: u128, b: u128) -> Option<u128> {
    if let (Ok(a), Ok(b)) = (u32::try_from(a), u32::try_from(b)) {
        return Some(u128::from(u64::from(a) * u64::from(b)));
    }
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => Some(u128::from(a) * u128::from(b)),
        _ => None,
    }
}

/// `m × 10^by`, or `None` once a step reaches 2⁹⁶ (the sum would not fit
/// then either): each step multiplies a number below 2⁹⁶ by 10, which
/// cannot overflow 128 bits.
fn widen(mut m: u128, by: u32) -> Option<u128> {
    for _ in 0..by {
        if m >= LIMIT {
            return None;
        }
        m *= 10;
    }
    Some(m)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::money::{add, mul};
    use proptest::prelude::*;

    /// The general path: two `Decimal` multiplications.
    fn general_product(amount: Decimal, units30: i64, rate: Decimal) -> Option<Decimal> {
        mul(mul(amount, Decimal::from(units30)).ok()?, rate).ok()
    }

    /// Same value, mantissa, scale and sign.
    fn same(a: Decimal, b: Decimal) -> bool {
        a.serialize() == b.serialize()
    }

    fn decimal(mantissa: i128, scale: u32) -> Decimal {
        Decimal::from_i128_with_scale(mantissa, scale)
    }

    /// Mantissas from small to the 96-bit edge.
    fn mantissa() -> impl Strategy<Value = i128> {
        prop_oneof![0i128..2_000_000, 0i128..=i128::from(u64::MAX), (0u32..=96).prop_map(|b| (1i128 << b) - 1)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn product_is_rust_decimals(a in mantissa(), sa in 0u32..=28, u in prop_oneof![0i64..400, 0i64..=i64::MAX], r in mantissa(), sr in 0u32..=28, neg_a: bool, neg_r: bool) {
            let a = (a & ((1i128 << 96) - 1)) * if neg_a { -1 } else { 1 };
            let r = (r & ((1i128 << 96) - 1)) * if neg_r { -1 } else { 1 };
            let (amount, rate) = (decimal(a, sa), decimal(r, sr));
            if let Some(fast) = product(amount, u, rate) {
                let general = general_product(amount, u, rate);
                prop_assert!(general.is_some_and(|g| same(fast, g)), "{amount} × {u} × {rate}: {fast} vs {general:?}");
            }
        }

        #[test]
        fn sum_is_rust_decimals(terms in prop::collection::vec((mantissa(), 0u32..=28, any::<bool>()), 0..70)) {
            let terms: Vec<Decimal> = terms.iter().map(|(m, s, neg)| decimal((m & ((1i128 << 96) - 1)) * if *neg { -1 } else { 1 }, *s)).collect();
            let fast = terms.iter().try_fold(Sum::default(), |s, t| s.add(*t)).map(Sum::value);
            let general = terms.iter().try_fold(Decimal::ZERO, |s, t| add(s, *t).ok());
            if let Some(fast) = fast {
                prop_assert!(general.is_some_and(|g| same(fast, g)), "{terms:?}: {fast} vs {general:?}");
            }
        }

        #[test]
        fn sums_of_installment_numerators_take_the_fast_path(amount in 1i128..100_000_000, sa in 0u32..=2, r in 0i128..100_000, sr in 0u32..=4, months in 1i64..=600) {
            let (amount, rate) = (decimal(amount, sa), decimal(r, sr));
            let mut fast = Some(Sum::default());
            let mut general = Decimal::ZERO;
            for k in 1..=months {
                let u = 30 * k;
                let p = product(amount, u, rate);
                prop_assert!(p.is_some());
                let p = p.unwrap_or_default();
                prop_assert!(same(p, general_product(amount, u, rate).unwrap_or_default()));
                fast = fast.and_then(|s| s.add(p));
                general = add(general, p).unwrap_or_default();
            }
            prop_assert!(fast.is_some_and(|f| same(f.value(), general)));
        }
    }

    #[test]
    fn edges() {
        let max = decimal((1i128 << 96) - 1, 0);
        let wide = decimal(i128::from(u64::MAX), 0);
        assert_eq!(product(wide, 1, Decimal::ONE).map(|d| d.serialize()), Some(wide.serialize()));
        assert_eq!(product(max, 1, Decimal::ONE), None); // beyond 64 bits: the Decimal path decides
        assert_eq!(product(decimal(1 << 40, 0), 1 << 40, Decimal::ONE), None);
        assert_eq!(Sum::default().add(decimal(1, 0)).and_then(|s| s.add(decimal(1, 28))).map(|s| s.value().serialize()), Some(decimal(10i128.pow(28) + 1, 28).serialize()));
        assert!(Sum::default().add(decimal(1 << 70, 0)).and_then(|s| s.add(decimal(1, 28))).is_none());
        assert_eq!(product(decimal(1, 20), 1, decimal(1, 9)), None);
        assert!(same(product(decimal(0, 5), 30, decimal(135, 2)).unwrap_or(Decimal::ONE), Decimal::ZERO));
        assert_eq!(Sum::default().add(decimal(-1, 0)).map(Sum::value), None);
        assert!(Sum::default().add(decimal(0, 3)).is_none());
        assert!(Sum::default().add(Decimal::ONE).and_then(|s| s.add(decimal(0, 3))).is_some());
        assert_eq!(Sum::default().add(max).and_then(|s| s.add(Decimal::ONE)).map(Sum::value), None);
    }
}
