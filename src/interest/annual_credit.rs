//! Yearly credit (German bonus savings plan, Prämiensparen; RULES.md §8.3).
//!
//! Interest is credited once a savings year, on the anniversary, and
//! compounds from then on. Each year's interest is the monthly method on
//! that year's deposits (12, 11, … 1 month-units) plus the opening balance
//! × rate × the year's months ÷ 12, rounded to the product's scale at each
//! credit (the rounding applies per posting here, not once). At the end of
//! each savings year listed in `bonus` the bank credits a premium of a
//! percentage of that year's installments, which earns interest from then
//! on too; none for a year with an installment missed and not made up.
//!
//! Worked example (RULES §8.3): €100 a month, 1.00%, 36 months, 3% in year 3.
//! Year 1: 100 × 78 × 1% ÷ 12 = 6.50 → 1,206.50. Year 2: 1,206.50 × 1% +
//! 6.50 = 18.565 → 18.57 → 2,425.07. Year 3: 2,425.07 × 1% + 6.50 = 30.7507
//! → 30.75, premium 3% × 1,200 = 36.00 → payout 3,691.82.
//!
//! The balance is kept by rate: a deposit that earned the demand rate
//! after a breach keeps earning it, with the interest it earned. On an early
//! (or the bank's) close the part year earns the early rate on the same
//! basis; credited interest and premiums stay; no premium for the part year.
//! A last savings year shorter than 12 months (a term not in whole years)
//! is credited at maturity for its months, without a premium.

use super::{Accrued, Deposit};
use crate::calendar::Schedule;
use crate::error::Result;
use crate::money::{add, div, mul, plain, sub, Rounding};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One row of `bonus`: the premium for savings year `year`, percent of its installments.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bonus {
    pub year: u32,
    pub percent: Decimal,
}

/// What posting needs beyond the deposits.
#[derive(Clone, Copy, Debug)]
pub struct Posting<'a> {
    pub rounding: Rounding,
    pub bonus: &'a [Bonus],
    /// The early rate, on an early or bank close: the part year earns it.
    pub early_rate: Option<Decimal>,
    /// Whether the per-deposit month-units ([`super::Accrued::units`], for
    /// schedule rows and formulas) are wanted; the payout-only path skips them.
    pub detail: bool,
}

/// One yearly credit.
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    /// Savings year, from 1.
    pub year: u32,
    pub start: NaiveDate,
    /// The credit's date (the anniversary, maturity or the close).
    pub end: NaiveDate,
    /// The balance brought in: (the rate it earned this year, amount), by rate.
    pub opening: Vec<(Decimal, Decimal)>,
    /// Thirtieths of a month the opening balance earned (360 for a whole year).
    pub opening30: i64,
    /// The year's deposits: (amount, rate, Σ thirtieths), by rate and amount.
    pub deposits: Vec<(Decimal, Decimal, i64)>,
    pub exact: Decimal,
    pub interest: Decimal,
    /// (percent, base, exact, credited), when a premium was credited.
    pub premium: Option<(Decimal, Decimal, Decimal, Decimal)>,
    /// The premium this year would have had, lost to a missed installment.
    pub forfeited: bool,
}

/// 100 (percent) × 12 (months) × 30 (thirtieths).
const DENOMINATOR: Decimal = Decimal::from_parts(36_000, 0, 0, false, 0);

fn bucket(buckets: &mut Vec<(Decimal, Decimal)>, rate: Decimal, x: Decimal) -> Result<()> {
    match buckets.iter_mut().find(|b| b.0 == rate) {
        Some(b) => b.1 = add(b.1, x)?,
        None => buckets.push((rate, x)),
    }
    Ok(())
}

/// Credits each savings year up to `end` (maturity or the close).
pub fn accrue(deposits: &[Deposit], schedule: &Schedule, end: NaiveDate, posting: &Posting) -> Result<Accrued> {
    let months = schedule.months;
    let mut balance: Vec<(Decimal, Decimal)> = Vec::new();
    let mut credits: Vec<Credit> = Vec::new();
    let mut units = vec![Decimal::ZERO; deposits.len()];
    let mut thirtieths = vec![0i64; deposits.len()];
    let mut year = 1u32;
    while 12 * (year - 1) < months {
        let (first, last) = (12 * (year - 1) + 1, (12 * year).min(months));
        let (start, full_end) = (schedule.due_date(first), schedule.month_end(last));
        if start >= end {
            break;
        }
        let credit_on = full_end.min(end);
        let part = credit_on < full_end;
        let rate_of = |r: Decimal| if part { posting.early_rate.unwrap_or(r) } else { r };
        let opening30 = schedule.units30_from_period(first, credit_on);
        let mut numerator = Decimal::ZERO;
        let mut by_rate: Vec<(Decimal, Decimal)> = Vec::new();
        for (rate, amount) in &balance {
            let n = mul(mul(*amount, Decimal::from(opening30))?, rate_of(*rate))?;
            numerator = add(numerator, n)?;
            bucket(&mut by_rate, *rate, n)?;
        }
        let mut shown: Vec<(Decimal, Decimal, i64)> = Vec::new();
        let mut base = Decimal::ZERO;
        let mut paid = 0u32;
        let mut arrivals: Vec<(Decimal, Decimal)> = Vec::new();
        for (i, d) in deposits.iter().enumerate() {
            // The year's installments, counted for the premium when paid (or made up) by the year's end.
            if d.n >= first && d.n <= last && d.paid_on < full_end {
                base = add(base, d.amount)?;
                paid += 1;
            }
            if d.earn_period < first || d.earn_period > last {
                continue;
            }
            let u30 = schedule.units30_from_period(d.earn_period, credit_on);
            units[i] = super::months_from_thirtieths(u30)?;
            thirtieths[i] = u30;
            let rate = rate_of(d.rate);
            let n = mul(mul(d.amount, Decimal::from(u30))?, rate)?;
            numerator = add(numerator, n)?;
            bucket(&mut by_rate, d.rate, n)?;
            bucket(&mut arrivals, d.rate, d.amount)?;
            match shown.iter_mut().find(|g| g.0 == d.amount && g.1 == rate) {
                Some(g) => g.2 += u30,
                None => shown.push((d.amount, rate, u30)),
            }
        }
        let exact = div(numerator, DENOMINATOR)?;
        let interest = posting.rounding.round(exact);
        let opening: Vec<(Decimal, Decimal)> = balance.iter().map(|(r, a)| (rate_of(*r), *a)).collect();
        // The year's deposits and interest join the balance, each at its rate; the rounding stays with the first.
        for (rate, amount) in arrivals {
            bucket(&mut balance, rate, amount)?;
        }
        for (rate, n) in &by_rate {
            bucket(&mut balance, *rate, div(*n, DENOMINATOR)?)?;
        }
        if let Some(b) = balance.first_mut() {
            b.1 = add(b.1, sub(interest, exact)?)?;
        }
        let whole_year = !part && last - first == 11;
        let percent = posting.bonus.iter().find(|b| b.year == year).map(|b| b.percent).filter(|p| !p.is_zero());
        let forfeited = whole_year && percent.is_some() && paid < 12;
        let premium = match (whole_year && !forfeited, percent) {
            (true, Some(p)) => {
                let exact = div(mul(base, p)?, Decimal::ONE_HUNDRED)?;
                let credited = posting.rounding.round(exact);
                if let Some(b) = balance.first_mut() {
                    b.1 = add(b.1, credited)?;
                }
                Some((p, base, exact, credited))
            }
            _ => None,
        };
        credits.push(Credit { year, start, end: credit_on, opening, opening30, deposits: shown, exact, interest, premium, forfeited });
        if part {
            break;
        }
        year += 1;
    }
    let mut total = Decimal::ZERO;
    for c in &credits {
        total = add(total, c.interest)?;
    }
    Ok(Accrued {
        total,
        numerators: credits.iter().map(|c| c.interest).collect(),
        denominator: Decimal::ONE,
        units,
        thirtieths,
        days: Vec::new(),
        from: credits.iter().map(|c| c.start).collect(),
        to: credits.iter().map(|c| c.end).collect(),
        day_product: None,
        credits,
    })
}

/// A credit's interest as a formula: `opening × rate% [× months ÷ 12] + amount × Σ units × rate% ÷ 12`.
pub fn credit_formula(c: &Credit) -> String {
    let mut terms: Vec<String> = Vec::new();
    for (rate, amount) in c.opening.iter().filter(|(_, a)| !a.is_zero()) {
        terms.push(match c.opening30 {
            360 => format!("{} × {}%", plain(*amount), plain(*rate)),
            u => format!("{} × {}% × {} ÷ 12", plain(*amount), plain(*rate), crate::explain::months_term(u)),
        });
    }
    for (amount, rate, u30) in &c.deposits {
        terms.push(format!("{} × {} × {}% ÷ 12", plain(*amount), crate::explain::months_term(*u30), plain(*rate)));
    }
    if terms.is_empty() {
        return "0".into();
    }
    terms.join(" + ")
}

/// The interest step: the sum of the credits.
pub fn formula(accrued: &Accrued) -> String {
    accrued.credits.iter().map(|c| plain(c.interest)).collect::<Vec<_>>().join(" + ")
}

/// A premium as a formula: `1200 × 3%`.
pub fn premium_formula(percent: Decimal, base: Decimal) -> String {
    format!("{} × {}%", plain(base), plain(percent))
}

/// Σ premiums credited.
///
/// # Errors
/// `OVERFLOW`.
pub fn premiums(accrued: &Accrued) -> Result<Decimal> {
    accrued.credits.iter().filter_map(|c| c.premium.map(|p| p.3)).try_fold(Decimal::ZERO, add)
}
