//! Money, rates and rounding: exact decimals, rounded only where the product says.
//!
//! Every amount and rate is a [`Decimal`]; the JSON form is a string
//! (`"1000"`, `"1.35"`), never a JSON number, so no binary float touches
//! money on either side of the JS boundary. Intermediate sums stay exact;
//! interest, subsidy, fees and tax are each rounded once, at payment.
//!
//! ```
//! use savings_plan::{Rounding, RoundingMode};
//! use rust_decimal::Decimal;
//! // ¥500 × 78 month-units × 1.71% ÷ 12 = 55.575 exactly (a float says 55.574999…)
//! let exact: Decimal = "55.575".parse().unwrap();
//! let bank = Rounding { scale: 2, mode: RoundingMode::HalfUp, payout_scale: None };
//! assert_eq!(bank.round(exact).to_string(), "55.58");
//! let down = Rounding { mode: RoundingMode::Down, ..bank };
//! assert_eq!(down.round(exact).to_string(), "55.57");
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::vocabulary::vocabulary;
use rust_decimal::{Decimal, RoundingStrategy};

vocabulary! {
    /// How a figure is brought to the product's scale (`rounding.mode`).
    pub enum RoundingMode as "RoundingMode", locale [] {
        /// Half away from zero: 55.575 → 55.58, 0.125 → 0.13 (Chinese banks).
        HalfUp = "halfUp",
        /// Half to even: 55.575 → 55.58, 0.125 → 0.12 (banker's rounding).
        HalfEven = "halfEven",
        /// Toward zero: 55.579 → 55.57.
        Down = "down",
    }
}

impl RoundingMode {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
        }
    }
}

/// The product's rounding: `scale` decimal places for each paid figure,
/// and optionally a coarser `payout_scale` for the payout (Indian banks: 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounding {
    pub scale: u32,
    pub mode: RoundingMode,
    pub payout_scale: Option<u32>,
}

impl Rounding {
    /// Rounds a paid figure (interest, subsidy, fees, tax) to the product's scale.
    pub fn round(&self, value: Decimal) -> Decimal {
        value.round_dp_with_strategy(self.scale, self.mode.strategy())
    }

    /// Rounds the payout to `payout_scale` when the product sets one.
    pub fn round_payout(&self, value: Decimal) -> Decimal {
        match self.payout_scale {
            Some(scale) => value.round_dp_with_strategy(scale, self.mode.strategy()),
            None => value,
        }
    }

    /// The payout's display scale.
    pub fn payout_display_scale(&self) -> u32 {
        self.payout_scale.unwrap_or(self.scale)
    }
}

/// Parses a contract decimal: a string matching `-?digits[.digits]` with at
/// most 28 significant digits.
///
/// # Errors
/// `INVALID_DECIMAL` for anything else (`"1e3"`, `"+5"`, `"1,000"`, `".5"`,
/// a JSON number); `OVERFLOW` for more digits than a decimal holds exactly.
/// rust_decimal's own parser accepts several of these forms and rounds long
/// fractions silently, which is why the string is checked first.
pub fn parse_decimal(text: &str, path: &str) -> Result<Decimal> {
    let invalid = || {
        Error::new(
            ErrorCode::InvalidDecimal,
            path,
            format!("{} is not a decimal string like \"1000\" or \"1.35\"", crate::input::quoted(text)),
        )
    };
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (unsigned, ""),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || (unsigned.contains('.') && !all_digits(fraction)) {
        return Err(invalid());
    }
    let significant_whole = whole.trim_start_matches('0').len();
    let significant = if significant_whole == 0 {
        fraction.trim_start_matches('0').len()
    } else {
        significant_whole + fraction.len()
    };
    if significant > 28 || fraction.len() > 28 || significant_whole + fraction.len() > 28 {
        return Err(Error::new(
            ErrorCode::Overflow,
            path,
            format!("{} has more digits than can be computed exactly (28)", crate::input::quoted(text)),
        ));
    }
    // At most 28 digits past the leading zeros: the digits as one integer and
    // the places as its scale, as rust_decimal's own parser makes them (a
    // negative zero reads as zero), without its parser in the `.wasm`.
    let mantissa = whole.bytes().chain(fraction.bytes()).try_fold(0i128, |m, b| {
        m.checked_mul(10)?.checked_add(i128::from(b - b'0'))
    });
    let sign = if unsigned.len() < text.len() { -1 } else { 1 };
    let scale = u32::try_from(fraction.len()).ok();
    mantissa
        .zip(scale)
        .and_then(|(m, scale)| Decimal::try_from_i128_with_scale(sign * m, scale).ok())
        .ok_or_else(|| {
            Error::new(ErrorCode::Overflow, path, format!("{} is too large to compute exactly", crate::input::quoted(text)))
        })
}

/// A figure at exactly `scale` places: `"12000.00"`.
pub fn fixed(value: Decimal, scale: u32) -> String {
    String::from(fixed_digits(value, scale).as_str())
}

/// A decimal without trailing zeros: `"1000"`, `"1.35"`.
pub fn plain(value: Decimal) -> String {
    String::from(plain_digits(value).as_str())
}

/// [`fixed`] on the stack, for writers that copy it into their output.
pub(crate) fn fixed_digits(value: Decimal, scale: u32) -> Digits {
    let mut v = value.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(scale);
    Digits::of(v)
}

/// [`plain`] on the stack.
pub(crate) fn plain_digits(value: Decimal) -> Digits {
    Digits::of(value.normalize())
}

/// A decimal's text on the stack: at most 29 digits, a point, a sign and a
/// leading "0." (or up to 28 zeros after the point) fit in 64 bytes.
/// Written from mantissa and scale: `Decimal`'s `Display` goes through the
/// general formatting machinery, which was most of a quote's time.
#[derive(Clone, Copy)]
pub(crate) struct Digits {
    len: u8,
    bytes: [u8; 64],
}

impl Digits {
    fn of(v: Decimal) -> Digits {
        let mantissa = v.mantissa();
        let scale = v.scale() as usize;
        let mut digits = [0u8; 40];
        let mut len = 0;
        let mut rest = mantissa.unsigned_abs();
        // u64 steps where the value allows: u128 division is done in software.
        while rest > u128::from(u64::MAX) {
            digits[len] = b'0' + (rest % 10) as u8;
            rest /= 10;
            len += 1;
        }
        let mut small = rest as u64;
        loop {
            digits[len] = b'0' + (small % 10) as u8;
            small /= 10;
            len += 1;
            if small == 0 {
                break;
            }
        }
        let mut out = Digits { len: 0, bytes: [0; 64] };
        if mantissa < 0 {
            out.put(b'-');
        }
        if len <= scale {
            out.put(b'0');
            out.put(b'.');
            for _ in len..scale {
                out.put(b'0');
            }
            for i in (0..len).rev() {
                out.put(digits[i]);
            }
        } else {
            for i in (0..len).rev() {
                if i + 1 == scale {
                    out.put(b'.');
                }
                out.put(digits[i]);
            }
        }
        out
    }

    fn put(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(usize::from(self.len)) {
            *slot = b;
            self.len += 1;
        }
    }

    /// The text (ASCII digits, `-` and `.`).
    pub(crate) fn as_str(&self) -> &str {
        self.bytes.get(..usize::from(self.len)).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("0")
    }
}

// Checked arithmetic: amounts come from the user and may be absurd, so every
// operation that can overflow says so instead of panicking or wrapping.

#[inline]
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(Error::overflow)
}

#[inline]
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(Error::overflow)
}

#[inline]
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(Error::overflow)
}

#[inline]
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(Error::overflow)
}

/// `base^exponent` for a whole exponent, by squaring, with overflow checked.
pub fn pow(base: Decimal, mut exponent: u64) -> Result<Decimal> {
    let mut result = Decimal::ONE;
    let mut factor = base;
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = mul(result, factor)?;
        }
        exponent >>= 1;
        if exponent > 0 {
            factor = mul(factor, factor)?;
        }
    }
    Ok(result)
}

/// The positive `q`-th root of `x` (x > 0), by Newton's method to the last
/// of rust_decimal's 28 digits. Used once per plan for the monthly growth
/// factor of compound products, `(1 + i)^(1/p)`, which is much cheaper than
/// a fractional power per installment.
pub fn root(x: Decimal, q: u32) -> Result<Decimal> {
    if q <= 1 || x == Decimal::ONE {
        return Ok(x);
    }
    if x <= Decimal::ZERO {
        return Err(Error::overflow());
    }
    let qd = Decimal::from(q);
    // Start above the root (Newton then decreases monotonically): 1 + (x−1)/q ≥ x^(1/q).
    let mut guess = add(Decimal::ONE, div(sub(x, Decimal::ONE)?, qd)?)?;
    if guess <= Decimal::ZERO {
        guess = Decimal::ONE;
    }
    for _ in 0..200 {
        let power = pow(guess, u64::from(q - 1))?;
        let next = sub(guess, div(sub(mul(power, guess)?, x)?, mul(qd, power)?)?)?;
        if next == guess || sub(next, guess)?.abs() <= Decimal::new(1, 27) {
            return Ok(next);
        }
        guess = next;
    }
    Ok(guess)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_decimal_forms() {
        for ok in ["0", "1000", "1.35", "-2.5", "0.0000000000000000000000000001"] {
            assert!(parse_decimal(ok, "x").is_ok(), "{ok}");
        }
        for bad in ["", "1e3", "+5", "1,000", ".5", "5.", "1.2.3", " 1", "NaN", "--1", "-"] {
            assert_eq!(parse_decimal(bad, "x").unwrap_err().code, ErrorCode::InvalidDecimal, "{bad}");
        }
        assert_eq!(
            parse_decimal("1000000000000000000000000000000", "x").unwrap_err().code,
            ErrorCode::Overflow
        );
    }

    /// The hand-made reading gives rust_decimal's exact parse (value, scale,
    /// sign, a negative zero as zero) for every string the checks accept:
    /// each length of whole part and fraction, leading and trailing zeros.
    #[test]
    fn reads_as_rust_decimal_reads() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut digit = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            char::from(b'0' + (seed % 10) as u8)
        };
        let mut checked = 0;
        for whole_len in 1..=31 {
            for fraction_len in 0..=29 {
                for sign in ["", "-"] {
                    for zeros in ["", "0", "000"] {
                        let whole: String = (0..whole_len).map(|_| digit()).collect();
                        let fraction: String = (0..fraction_len).map(|_| digit()).collect();
                        let text = if fraction_len == 0 { format!("{sign}{zeros}{whole}") } else { format!("{sign}{zeros}{whole}.{fraction}{zeros}") };
                        match parse_decimal(&text, "x") {
                            Ok(d) => {
                                let theirs = Decimal::from_str_exact(&text).unwrap();
                                assert_eq!((d, d.scale(), d.is_sign_negative()), (theirs, theirs.scale(), theirs.is_sign_negative()), "{text}");
                                checked += 1;
                            }
                            Err(e) => assert_eq!(e.code, ErrorCode::Overflow, "{text}"),
                        }
                    }
                }
            }
        }
        for text in ["-0", "-0.00", "0.000", "00", "-000.10", "9999999999999999999999999999", "0.9999999999999999999999999999"] {
            let (d, theirs) = (parse_decimal(text, "x").unwrap(), Decimal::from_str_exact(text).unwrap());
            assert_eq!((d, d.scale(), d.is_sign_negative()), (theirs, theirs.scale(), theirs.is_sign_negative()), "{text}");
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn writes_decimals_like_display() {
        for text in ["0", "1000", "1.35", "-2.5", "0.0000000000000000000000000001", "-0.05", "12000.00",
                     "79228162514264337593543950335", "-7922816251426433759354395033.5", "0.10"] {
            let d: Decimal = text.parse().unwrap();
            assert_eq!(Digits::of(d).as_str(), d.to_string(), "{text}");
        }
        assert_eq!(fixed(Decimal::new(-1, 3), 2), "0.00");
        assert_eq!(plain("1.3500".parse().unwrap()), "1.35");
    }

    #[test]
    fn cube_root_of_a_quarterly_factor() {
        let x: Decimal = "1.01875".parse().unwrap();
        let c = root(x, 3).unwrap();
        let back = pow(c, 3).unwrap();
        assert!((back - x).abs() < Decimal::new(1, 25));
    }
}
