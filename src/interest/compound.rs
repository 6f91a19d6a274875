//! Compound growth (Indian recurring deposits, IBA method): each deposit
//! grows by `(1 + i)^(m/p)`, i = rate ÷ (100 × periods per year), m its
//! month-units, p the months per period.
//!
//! For speed the monthly factor `c = (1 + i)^(1/p)` is found once per rate
//! (Newton's method on `c^p = 1 + i`) and raised to whole powers from a
//! table; a part month uses `c^(1/30)` per day. `brokenPeriod: simple`
//! compounds whole periods and adds simple interest for the rest:
//! `(1 + i)^⌊m/p⌋ × (1 + i × (m mod p) / p)`.

use super::{shown, Accrued, Deposit};
use crate::calendar::Schedule;
use crate::error::Result;
use crate::money::{add, div, mul, pow, root, sub};
use crate::product::BrokenPeriod;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Growth factors for one rate: powers of the monthly factor, built as needed.
struct Growth {
    rate: Decimal,
    i: Decimal,
    period_months: u32,
    broken: BrokenPeriod,
    /// powers[q] = c^q (compound) or (1 + i)^q (simple, per whole period).
    powers: Vec<Decimal>,
    base: Decimal,
    per_day: Option<Decimal>,
}

impl Growth {
    fn new(rate: Decimal, period_months: u32, broken: BrokenPeriod) -> Result<Growth> {
        let periods_per_year = Decimal::from(12 / period_months.max(1));
        let i = div(rate, mul(Decimal::ONE_HUNDRED, periods_per_year)?)?;
        let one_plus_i = add(Decimal::ONE, i)?;
        let base = match broken {
            BrokenPeriod::Compound => root(one_plus_i, period_months)?,
            BrokenPeriod::Simple => one_plus_i,
        };
        Ok(Growth { rate, i, period_months, broken, powers: vec![Decimal::ONE], base, per_day: None })
    }

    fn power(&mut self, q: usize) -> Result<Decimal> {
        while self.powers.len() <= q {
            let next = mul(self.powers[self.powers.len() - 1], self.base)?;
            self.powers.push(next);
        }
        Ok(self.powers[q])
    }

    /// The factor for `units30` thirtieths of a month.
    fn factor(&mut self, units30: i64) -> Result<Decimal> {
        let units30 = units30.max(0);
        let months = (units30 / 30) as usize;
        let days = units30 % 30;
        match self.broken {
            BrokenPeriod::Compound => {
                let whole = self.power(months)?;
                if days == 0 {
                    return Ok(whole);
                }
                let per_day = match self.per_day {
                    Some(d) => d,
                    None => {
                        let d = root(self.base, 30)?;
                        self.per_day = Some(d);
                        d
                    }
                };
                mul(whole, pow(per_day, days as u64)?)
            }
            BrokenPeriod::Simple => {
                let p = self.period_months as usize;
                let periods = months / p;
                let rest30 = Decimal::from(units30 - (periods * p * 30) as i64);
                let simple = add(Decimal::ONE, div(mul(self.i, rest30)?, Decimal::from(p * 30))?)?;
                mul(self.power(periods)?, simple)
            }
        }
    }
}

/// `(1 + i)^(m/p) − 1` for a lump sum held `units30` thirtieths of a month.
pub fn growth_minus_one(rate: Decimal, period_months: u32, broken: BrokenPeriod, units30: i64) -> Result<Decimal> {
    let mut g = Growth::new(rate, period_months, broken)?;
    sub(g.factor(units30)?, Decimal::ONE)
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
        let interest = mul(d.amount, sub(g.factor(units30)?, Decimal::ONE)?)?;
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
