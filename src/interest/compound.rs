//! Compound growth (Indian recurring deposits, IBA method): each deposit
//! grows by `(1 + i)^(m/p)`, i = rate ÷ (100 × periods per year), m its
//! month-units, p the months per period.
//!
//! For speed the monthly factor `c = (1 + i)^(1/p)` is found once per rate
//! (Newton's method on `c^p = 1 + i`) and raised to whole powers from a
//! table; a part month uses `c^(1/30)` per day. `brokenPeriod: simple`
//! compounds whole periods and adds simple interest for the rest:
//! `(1 + i)^⌊m/p⌋ × (1 + i × (m mod p) / p)`, multiplied out before its
//! one division: i × (m mod p) ÷ p = rate × rest30 ÷ 36,000 for any
//! compounding, so 1206 × 1% × 1/12 is exactly 1.005 (CONTRACT.md §6).

use super::{Accrued, Deposit};
use crate::calendar::Schedule;
use crate::error::Result;
use crate::explain::months_term;
use crate::money::{add, div, mul, plain, pow, root, sub};
use crate::product::BrokenPeriod;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Growth for one rate. Whole periods grow by `(1 + i)^q`, kept as an
/// exact fraction of integers while it fits (so a whole-period figure such
/// as 1206 × 1% ÷ 12 over one month is exactly 1.005), else by cached
/// powers; part periods by the monthly factor `c = (1 + i)^(1/p)` and its
/// daily root (compound) or simply (simple).
struct Growth {
    rate: Decimal,
    period_months: u32,
    broken: BrokenPeriod,
    one_plus_i: Decimal,
    /// (1 + i) = `exact.0 ÷ exact.1` in whole numbers (scale 0), when the rate allows.
    exact: Option<(Decimal, Decimal)>,
    /// whole[q] = (1 + i)^q.
    whole: Vec<Decimal>,
    /// month[k] = c^k for k < p (compound part periods).
    month: Vec<Decimal>,
    per_day: Option<Decimal>,
}

impl Growth {
    fn new(rate: Decimal, period_months: u32, broken: BrokenPeriod) -> Result<Growth> {
        let p = period_months.max(1);
        let periods_per_year = 12 / p;
        let i = div(rate, mul(Decimal::ONE_HUNDRED, Decimal::from(periods_per_year))?)?;
        let one_plus_i = add(Decimal::ONE, i)?;
        // 1 + rate ÷ (100 × periods) = (100 × periods × 10^s + mantissa) ÷ (100 × periods × 10^s).
        let exact = whole_fraction(rate, 100 * i64::from(periods_per_year));
        Ok(Growth { rate, period_months: p, broken, one_plus_i, exact, whole: vec![Decimal::ONE], month: Vec::new(), per_day: None })
    }

    fn whole_power(&mut self, q: usize) -> Result<Decimal> {
        while self.whole.len() <= q {
            let next = mul(self.whole[self.whole.len() - 1], self.one_plus_i)?;
            self.whole.push(next);
        }
        Ok(self.whole[q])
    }

    /// c^k for a part period of k < p months, and the daily factor c^(1/30).
    fn month_power(&mut self, k: usize) -> Result<Decimal> {
        if self.month.is_empty() {
            let c = root(self.one_plus_i, self.period_months)?;
            self.month.push(Decimal::ONE);
            for _ in 1..self.period_months {
                let next = mul(self.month[self.month.len() - 1], c)?;
                self.month.push(next);
            }
            self.month.push(mul(self.month[self.month.len() - 1], c)?);
        }
        Ok(self.month.get(k).copied().unwrap_or(Decimal::ONE))
    }

    fn day_factor(&mut self) -> Result<Decimal> {
        match self.per_day {
            Some(d) => Ok(d),
            None => {
                let c = self.month_power(1)?;
                let d = root(c, 30)?;
                self.per_day = Some(d);
                Ok(d)
            }
        }
    }

    /// `amount × ((1 + i)^q × part − 1)` with `part = part_num ÷ part_den`,
    /// multiplied out in whole numbers (a product of whole decimals is exact
    /// or overflows, never rounded) and divided once; `None` when the whole
    /// numbers do not fit (then the cached powers are used).
    fn exact_interest(&self, amount: Decimal, q: u32, part_num: Decimal, part_den: Decimal) -> Option<Decimal> {
        let (num, den) = self.exact?;
        let (mut grown, mut base) = (part_num, part_den);
        for _ in 0..q {
            grown = mul(grown, num).ok()?;
            base = mul(base, den).ok()?;
        }
        // amount = mantissa ÷ 10^scale, kept whole until the one division.
        let whole_amount = Decimal::try_from_i128_with_scale(amount.mantissa(), 0).ok()?;
        let top = mul(whole_amount, sub(grown, base).ok()?).ok()?;
        let bottom = mul(base, Decimal::try_from_i128_with_scale(10i128.checked_pow(amount.scale())?, 0).ok()?).ok()?;
        div(top, bottom).ok()
    }

    /// Exact interest on `amount` held `units30` thirtieths of a month:
    /// `amount × ((1 + i)^q × part − 1)`, q whole periods. The part period
    /// is `1 + rate × rest30 ÷ 36,000` under `brokenPeriod: simple` (i ×
    /// rest months ÷ p = rate × rest30 ÷ (100 × 12 × 30) whatever the
    /// compounding), multiplied out before one final division, so 1206 × 1%
    /// × 1/12 is exactly 1.005 (CONTRACT.md §6 Exactness); under `compound`
    /// it is `c^(rest months) × c^(days ÷ 30)`.
    fn interest(&mut self, amount: Decimal, units30: i64) -> Result<Decimal> {
        let units30 = units30.max(0);
        let p30 = 30 * i64::from(self.period_months);
        let q = units30 / p30;
        let rest30 = units30 - q * p30;
        let q32 = u32::try_from(q).map_err(|_| crate::error::Error::overflow())?;
        match self.broken {
            BrokenPeriod::Simple => {
                // part = 1 + rate × rest30 ÷ 36,000 = (36,000 × 10^s + mantissa × rest30) ÷ (36,000 × 10^s)
                let part = self.rate.checked_mul(Decimal::from(rest30)).and_then(|r| whole_fraction(r, 36_000));
                if let Some(x) = part.and_then(|(n, d)| self.exact_interest(amount, q32, n, d)) {
                    return Ok(x);
                }
                let whole = self.whole_power(q as usize)?;
                let simple = add(SIMPLE_DENOMINATOR, mul(self.rate, Decimal::from(rest30))?)?;
                let grown = sub(mul(whole, simple)?, SIMPLE_DENOMINATOR)?;
                div(mul(amount, grown)?, SIMPLE_DENOMINATOR)
            }
            BrokenPeriod::Compound => {
                if rest30 == 0 {
                    if let Some(x) = self.exact_interest(amount, q32, Decimal::ONE, Decimal::ONE) {
                        return Ok(x);
                    }
                }
                let mut factor = mul(self.whole_power(q as usize)?, self.month_power((rest30 / 30) as usize)?)?;
                let days = rest30 % 30;
                if days > 0 {
                    factor = mul(factor, pow(self.day_factor()?, days as u64)?)?;
                }
                mul(amount, sub(factor, Decimal::ONE)?)
            }
        }
    }
}

/// `1 + x ÷ d` as a fraction of whole numbers (scale 0): `(d × 10^s + mantissa) ÷ (d × 10^s)`.
fn whole_fraction(x: Decimal, d: i64) -> Option<(Decimal, Decimal)> {
    let den = 10i128.checked_pow(x.scale())?.checked_mul(i128::from(d))?;
    let num = den.checked_add(x.mantissa())?;
    Some((Decimal::try_from_i128_with_scale(num, 0).ok()?, Decimal::try_from_i128_with_scale(den, 0).ok()?))
}

/// The simple part's denominator: 100 (percent) × 12 (months) × 30 (days).
const SIMPLE_DENOMINATOR: Decimal = Decimal::from_parts(36_000, 0, 0, false, 0);

/// Exact interest on a lump sum `value` held `units30` thirtieths of a
/// month (a renewal): the same growth as an installment's.
pub fn lump(value: Decimal, rate: Decimal, period_months: u32, broken: BrokenPeriod, units30: i64) -> Result<Decimal> {
    Growth::new(rate, period_months, broken)?.interest(value, units30)
}

pub fn accrue(deposits: &[Deposit], schedule: &Schedule, end: NaiveDate, period_months: u32, broken: BrokenPeriod) -> Result<Accrued> {
    let mut growths: Vec<Growth> = Vec::new();
    let mut numerators = Vec::with_capacity(deposits.len());
    let mut units = Vec::with_capacity(deposits.len());
    let mut from = Vec::with_capacity(deposits.len());
    let mut total = Decimal::ZERO;
    for d in deposits {
        let units30 = schedule.units30_from_period(d.earn_period, end);
        let g = match growths.iter().position(|g| g.rate == d.rate) {
            Some(i) => &mut growths[i],
            None => {
                growths.push(Growth::new(d.rate, period_months, broken)?);
                let last = growths.len() - 1;
                &mut growths[last]
            }
        };
        let interest = g.interest(d.amount, units30)?;
        total = add(total, interest)?;
        numerators.push(interest);
        units.push(crate::interest::months_from_thirtieths(units30)?);
        from.push(schedule.due_date(d.earn_period));
    }
    let mut thirtieths = Vec::with_capacity(deposits.len());
    for d in deposits {
        thirtieths.push(schedule.units30_from_period(d.earn_period, end));
    }
    Ok(Accrued { total, numerators, denominator: Decimal::ONE, units, thirtieths, days: Vec::new(), from, day_product: None })
}

// ---------------------------------------------------------------- formulas
//
// The interest written out so that it evaluates to the figure (tests/explain.rs):
// `(1 + 7.5% ÷ 4)` is 1 + i, exponents are fractions of whole numbers.

/// `(1 + 7.5% ÷ 4)`, or `(1 + 7.5%)` for yearly compounding.
fn one_plus_i(rate: Decimal, period_months: u32) -> String {
    match 12 / period_months.max(1) {
        1 => format!("(1 + {}%)", plain(rate)),
        n => format!("(1 + {}% ÷ {n})", plain(rate)),
    }
}

/// `^6` or `^(17 ÷ 3)`: `units30` thirtieths of a month in periods of `p` months.
fn exponent(units30: i64, period_months: u32) -> String {
    let den = 30 * i64::from(period_months.max(1));
    let (mut a, mut b) = (units30.abs(), den);
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let g = a.max(1);
    match (units30 / g, den / g) {
        (n, 1) if n >= 0 => format!("^{n}"),
        (n, d) => format!("^({} ÷ {d})", if n < 0 { format!("−{}", -n) } else { n.to_string() }),
    }
}

/// One lump sum's interest as a formula (a renewal, or one deposit).
pub fn lump_formula(value: Decimal, rate: Decimal, period_months: u32, broken: BrokenPeriod, units30: i64) -> String {
    let v = plain(value);
    let base = one_plus_i(rate, period_months);
    match broken {
        BrokenPeriod::Compound => format!("{v} × ({base}{} − 1)", exponent(units30, period_months)),
        BrokenPeriod::Simple => simple_group(&v, rate, &base, period_months, units30 / (30 * i64::from(period_months.max(1))), 1, units30 % (30 * i64::from(period_months.max(1)))),
    }
}

/// `k` deposits of `amount` with `q` whole periods and Σ rest30 of part
/// periods under `brokenPeriod: simple`:
/// amount × ((1 + i)^q × (k + rate × Σ rest months ÷ 12) − k).
fn simple_group(amount: &str, rate: Decimal, base: &str, period_months: u32, q: i64, k: i64, rest30: i64) -> String {
    let r = plain(rate);
    let whole = exponent(q * 30 * i64::from(period_months.max(1)), period_months);
    let count = |k: i64| if k == 1 { String::new() } else { format!("{k} × ") };
    match (q, rest30) {
        (_, 0) => format!("{}{amount} × ({base}{whole} − 1)", count(k)),
        (0, _) => format!("{amount} × {r}% × {} ÷ 12", months_term(rest30)),
        _ => format!("{amount} × ({base}{whole} × ({k} + {r}% × {} ÷ 12) − {k})", months_term(rest30)),
    }
}

/// The interest of all deposits: per rate and amount, under `compound`
/// each run of deposits one month apart as a geometric sum (the IBA
/// formula R × ((1 + i)^(n ÷ p) − 1) ÷ (1 − (1 + i)^(−1 ÷ p)) for a run
/// ending at one month), other deposits one term each; under `simple`
/// the deposits with the same whole periods together.
pub fn formula(deposits: &[Deposit], units30: &[i64], period_months: u32, broken: BrokenPeriod) -> String {
    let p30 = 30 * i64::from(period_months.max(1));
    let mut terms: Vec<String> = Vec::new();
    let mut i = 0;
    while i < deposits.len() {
        let (amount, rate) = (deposits[i].amount, deposits[i].rate);
        let base = one_plus_i(rate, period_months);
        let a = plain(amount);
        // The block of consecutive deposits with this rate and amount.
        let mut j = i + 1;
        while j < deposits.len() && deposits[j].rate == rate && deposits[j].amount == amount {
            j += 1;
        }
        match broken {
            BrokenPeriod::Simple => {
                // (q, deposits, Σ rest30) in order of first appearance.
                let mut groups: Vec<(i64, i64, i64)> = Vec::new();
                for u in &units30[i..j] {
                    let (q, rest) = (u / p30, u % p30);
                    match groups.iter_mut().find(|g| g.0 == q) {
                        Some(g) => {
                            g.1 += 1;
                            g.2 += rest;
                        }
                        None => groups.push((q, 1, rest)),
                    }
                }
                for (q, k, rest) in groups {
                    terms.push(simple_group(&a, rate, &base, period_months, q, k, rest));
                }
            }
            BrokenPeriod::Compound => {
                let mut k = i;
                while k < j {
                    let mut end = k + 1;
                    while end < j && units30[end] == units30[end - 1] - 30 {
                        end += 1;
                    }
                    // (A run at 0% is no geometric sum: 1 + i − 1 = 0 would divide.)
                    let run = if rate.is_zero() { 1 } else { (end - k) as i64 };
                    let end = k + run as usize;
                    let last = units30[end - 1];
                    if run >= 3 && last == 30 {
                        terms.push(format!("{a} × (({base}{} − 1) ÷ (1 − {base}{}) − {run})", exponent(30 * run, period_months), exponent(-30, period_months)));
                    } else if run >= 3 {
                        terms.push(format!(
                            "{a} × ({base}{} × ({base}{} − 1) ÷ ({base}{} − 1) − {run})",
                            exponent(last, period_months),
                            exponent(30 * run, period_months),
                            exponent(30, period_months)
                        ));
                    } else {
                        for u in &units30[k..end] {
                            terms.push(format!("{a} × ({base}{} − 1)", exponent(*u, period_months)));
                        }
                    }
                    k = end;
                }
            }
        }
        i = j;
    }
    if terms.is_empty() {
        "0".into()
    } else {
        terms.join(" + ")
    }
}
