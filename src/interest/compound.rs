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

use super::{shown, Accrued, Deposit};
use crate::calendar::Schedule;
use crate::error::Result;
use crate::money::{add, div, mul, pow, root, sub};
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
    /// (1 + i) = `exact.0 ÷ exact.1` in integers, when the rate allows.
    exact: Option<(i128, i128)>,
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
        let exact = 10i128.checked_pow(rate.scale()).and_then(|ten| {
            let den = ten.checked_mul(100 * i128::from(periods_per_year))?;
            Some((den.checked_add(rate.mantissa())?, den))
        });
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

    /// `amount × ((1 + i)^q × part − 1)` with `part = part_num ÷ part_den`
    /// (integers), multiplied out in integers and divided once; `None`
    /// when the integers do not fit (then the cached powers are used).
    fn exact_interest(&self, amount: Decimal, q: u32, part_num: i128, part_den: i128) -> Option<Decimal> {
        let (num, den) = self.exact?;
        let grown = num.checked_pow(q)?.checked_mul(part_num)?;
        let base = den.checked_pow(q)?.checked_mul(part_den)?;
        let (mut top, mut bottom) = (grown.checked_sub(base)?, base);
        let (mut a, mut b) = (top.abs(), bottom);
        while b != 0 {
            (a, b) = (b, a % b);
        }
        if a > 1 {
            top /= a;
            bottom /= a;
        }
        let top = Decimal::try_from_i128_with_scale(top, 0).ok()?;
        let bottom = Decimal::try_from_i128_with_scale(bottom, 0).ok()?;
        amount.checked_mul(top)?.checked_div(bottom)
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
                // part = (36,000 × 10^s + mantissa × rest30) ÷ (36,000 × 10^s)
                let ten = 10i128.checked_pow(self.rate.scale());
                let part = ten.and_then(|t| {
                    let den = t.checked_mul(36_000)?;
                    Some((den.checked_add(self.rate.mantissa().checked_mul(i128::from(rest30))?)?, den))
                });
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
                    if let Some(x) = self.exact_interest(amount, q32, 1, 1) {
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

/// The simple part's denominator: 100 (percent) × 12 (months) × 30 (days).
const SIMPLE_DENOMINATOR: Decimal = Decimal::from_parts(36_000, 0, 0, false, 0);

/// Exact interest on a lump sum `value` held `units30` thirtieths of a month.
pub fn lump_interest(value: Decimal, rate: Decimal, period_months: u32, broken: BrokenPeriod, units30: i64) -> Result<Decimal> {
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
    let per_year = 12 / period_months.max(1);
    let formula = growths
        .iter()
        .map(|g| {
            let amount = deposits.iter().find(|d| d.rate == g.rate).map(|d| d.amount).unwrap_or_default();
            let count = deposits.iter().filter(|d| d.rate == g.rate).count();
            format!(
                "Σ {} × ((1 + {}% ÷ {})^(m ÷ {}) − 1) over {} deposits",
                shown(amount),
                shown(g.rate),
                per_year,
                period_months,
                count
            )
        })
        .collect::<Vec<_>>()
        .join(" + ");
    Ok(Accrued { total, numerators, denominator: Decimal::ONE, units, from, formula, day_product: None })
}
