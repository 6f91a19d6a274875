//! "How we calculated": the steps that produced a result, each with a
//! stable key the page translates, the formula with the numbers actually
//! used, and the value. A teller reads them back to a customer; a saver sees
//! why a regular saver pays about half the headline rate.
//!
//! Keys: `monthUnits`, `dayProduct`, `breach`, `earlyRate`, `interest`,
//! `overdue`, `rounding`, `subsidyRate`, `subsidy`, `lateFee`, `tax`,
//! `renewal`, `payout`, `effectiveAnnualYield`, `realPayout`.
//!
//! Every formula is true as written (tests/explain.rs evaluates each one):
//! it uses `+ − × ÷ ^ %`, parentheses, `max`/`min`, and evaluates to the
//! value beside it, exactly, or to it shown at 10 places for a figure that
//! does not end sooner. `a + b + … + z` is only ever a run with one step
//! (12 + 11 + … + 1), never a pattern the terms do not follow: a made-up
//! month shows `36 + 35 + … + 31 + 29 + 29 + 28 + … + 1`. A paid figure
//! that was rounded says so: `… → halfUp to 2 places`. Only the breach
//! sentence and the XIRR step are words, not arithmetic.

use crate::money::{plain, Rounding, RoundingMode};
use crate::quote::Step;
use rust_decimal::Decimal;

/// Collects the steps in order.
#[derive(Default)]
pub struct Explain(pub Vec<Step>);

impl Explain {
    pub fn step(&mut self, key: &'static str, formula: impl Into<String>, value: impl Into<String>) {
        self.0.push(Step { key, formula: formula.into(), value: value.into() });
    }

    /// An exact figure and the rounding that made it paid.
    pub fn rounded(&mut self, key: &'static str, exact: Decimal, rounded: Decimal, shown: String, rounding: &Rounding) {
        if exact != rounded {
            let formula = format!("{} → {} to {} places", exact_shown(exact, rounded, rounding), mode_name(rounding.mode), rounding.scale);
            self.step(key, formula, shown);
        }
    }
}

/// The product's rounding mode as a formula names it.
pub fn mode_name(mode: RoundingMode) -> &'static str {
    match mode {
        RoundingMode::HalfUp => "halfUp",
        RoundingMode::HalfEven => "halfEven",
        RoundingMode::Down => "down",
    }
}

/// `formula → halfUp to 2 places` when rounding changed the figure, else the formula.
pub fn with_rounding(formula: String, exact: Decimal, rounded: Decimal, mode: RoundingMode, scale: u32) -> String {
    if exact == rounded {
        formula
    } else {
        format!("{formula} → {} to {scale} places", mode_name(mode))
    }
}

/// An exact figure as a formula shows it: at most 10 places, or all its
/// digits where 10 places would round differently from the figure itself.
pub fn exact_shown(exact: Decimal, rounded: Decimal, rounding: &Rounding) -> String {
    let short = exact.round_dp(10);
    if rounding.round(short) == rounded {
        plain(short)
    } else {
        plain(exact)
    }
}

/// A sum as a formula writes it: runs of four or more terms with one
/// non-zero step shortened to `a + b + … + z`, everything else listed.
pub fn sum_of(terms: &[i64]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let mut j = i + 1;
        if let Some(&b) = terms.get(i + 1) {
            let step = b - terms[i];
            while step != 0 && j < terms.len() && terms[j] - terms[j - 1] == step {
                j += 1;
            }
        }
        if j - i >= 4 {
            parts.push(format!("{} + {} + … + {}", terms[i], terms[i + 1], terms[j - 1]));
            i = j;
        } else {
            parts.push(terms[i].to_string());
            i += 1;
        }
    }
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" + ")
    }
}

/// 积数 as a formula: `1000 × (366 + 335 + … )`, the days each deposit
/// earned, or `amount × days` per deposit when amounts differ.
pub fn day_product_formula(amounts: &[Decimal], days: &[i64]) -> String {
    match amounts.first() {
        None => "0".into(),
        Some(a) if amounts.iter().all(|x| x == a) => format!("{} × ({})", plain(*a), sum_of(days)),
        Some(_) => amounts.iter().zip(days).map(|(a, d)| format!("{} × {d}", plain(*a))).collect::<Vec<_>>().join(" + "),
    }
}

/// Month-units as a formula, from thirtieths of a month: whole months
/// listed (`12 + 11 + … + 1`), or, with a part month, the thirtieths
/// divided once (`(350 + 320 + … + 20) ÷ 30`), so the sum is exact.
pub fn units_formula(units30: &[i64]) -> String {
    if units30.iter().all(|u| u % 30 == 0) {
        sum_of(&units30.iter().map(|u| u / 30).collect::<Vec<_>>())
    } else {
        format!("({}) ÷ 30", sum_of(units30))
    }
}

/// Months from thirtieths as a formula term: `12`, or `(367 ÷ 30)`.
pub fn months_term(units30: i64) -> String {
    if units30 % 30 == 0 {
        (units30 / 30).to_string()
    } else {
        format!("({units30} ÷ 30)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_shortened_and_breaks_are_shown() {
        assert_eq!(sum_of(&[12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), "12 + 11 + … + 1");
        assert_eq!(sum_of(&[36, 35, 34, 33, 32, 31, 29, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]),
            "36 + 35 + … + 31 + 29 + 29 + 28 + … + 1");
        assert_eq!(sum_of(&[3, 2, 1]), "3 + 2 + 1");
        assert_eq!(sum_of(&[5, 5, 5, 5]), "5 + 5 + 5 + 5");
        assert_eq!(sum_of(&[]), "0");
        assert_eq!(units_formula(&[360, 330, 300, 270, 37]), "(360 + 330 + … + 270 + 37) ÷ 30");
        assert_eq!(months_term(367), "(367 ÷ 30)");
    }
}
